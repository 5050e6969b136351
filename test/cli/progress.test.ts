/** The audit's progress: plain lines in a log, a redrawn bar on a terminal. */
import { describe, expect, it } from 'vitest';

import type { CommandIo } from '../../src/cli/io.ts';
import { progressReporter } from '../../src/cli/progress.ts';

function captured(interactive: boolean) {
  const lines: string[] = [];
  const inline: string[] = [];
  const io: CommandIo = {
    stdout: () => {},
    stderr: (text) => lines.push(text),
    cwd: '/',
    interactive,
    stderrInline: (text) => inline.push(text),
  };
  return { io, lines, inline };
}

describe('progressReporter', () => {
  it('writes a start line and a line at each quarter in a log', () => {
    const { io, lines, inline } = captured(false);
    const report = progressReporter(io);
    for (let done = 1; done <= 8; done += 1) report({ target: 'Edema', done, total: 8 });
    expect(lines).toEqual([
      'Edema: bootstrap of 8 replicates started',
      'Edema: bootstrap 2/8',
      'Edema: bootstrap 4/8',
      'Edema: bootstrap 6/8',
      'Edema: bootstrap 8/8',
    ]);
    expect(inline).toEqual([]);
  });

  it('redraws one bar on a terminal, at most every 100 ms, and ends its line when done', () => {
    const { io, lines, inline } = captured(true);
    let clock = 0;
    const report = progressReporter(io, () => clock);
    for (let done = 1; done <= 4; done += 1) {
      clock += 60;
      report({ target: 'Edema', done, total: 4 });
    }
    expect(inline).toEqual([
      '\rEdema  [########----------------------] 1/4  0.0 s',
      '\rEdema  [#######################-------] 3/4  0.1 s',
      '\rEdema  [##############################] 4/4  0.2 s',
    ]);
    expect(lines).toEqual(['']);
  });
});
