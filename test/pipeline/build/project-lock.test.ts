import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withProjectLock } from '../../../src/pipeline/build/project-lock.ts';

describe('withProjectLock', () => {
  it('runs builds of one project one at a time, and releases the lock', async () => {
    const project = await mkdtemp(join(tmpdir(), 'auditcard-lock-'));
    const events: string[] = [];
    const build = (name: string) =>
      withProjectLock(project, async () => {
        events.push(`${name} start`);
        await new Promise((resolve) => setTimeout(resolve, 300));
        events.push(`${name} end`);
      });

    await Promise.all([build('a'), build('b')]);

    expect(events).toEqual(
      events[0] === 'a start'
        ? ['a start', 'a end', 'b start', 'b end']
        : ['b start', 'b end', 'a start', 'a end'],
    );
    expect(await readdir(project)).toEqual([]);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const project = await mkdtemp(join(tmpdir(), 'auditcard-lock-'));
    await writeFile(join(project, '.auditcard-build.lock'), String(4_194_304 + 17));

    expect(await withProjectLock(project, async () => 'built', 5_000)).toBe('built');
  });

  it('gives up after its timeout while a live process holds the lock', async () => {
    const project = await mkdtemp(join(tmpdir(), 'auditcard-lock-'));
    await writeFile(join(project, '.auditcard-build.lock'), String(process.ppid));

    await expect(withProjectLock(project, async () => 'built', 600)).rejects.toThrow(
      /another build still holds/,
    );
  });
});
