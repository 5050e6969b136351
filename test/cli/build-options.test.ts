/** `auditcard build` refuses bad options before doing any work. */
import { describe, expect, it } from 'vitest';

import { runBuild } from '../../src/cli/commands/build.ts';
import type { CommandIo } from '../../src/cli/io.ts';

function captured() {
  const err: string[] = [];
  const io: CommandIo = { stdout: () => {}, stderr: (text) => err.push(text), cwd: '/nonexistent' };
  return { io, err };
}

describe('auditcard build options', () => {
  it.each(['example.org', 'ftp://example.org', 'javascript:alert(1)', 'https://'])(
    'refuses --site %s, which is not an http(s) address',
    async (site) => {
      const { io, err } = captured();
      expect(await runBuild(['--site', site], io)).toBe(2);
      expect(err.join('\n')).toContain('is not an http(s) address');
    },
  );

  it('refuses a positional argument and names --content', async () => {
    const { io, err } = captured();
    expect(await runBuild(['content'], io)).toBe(2);
    expect(err.join('\n')).toContain('--content DIR');
  });
});
