/**
 * Progress of a long audit for people: on a terminal, one bar per target redrawn in place; in a
 * log (CI, a pipe), a plain line when a target's bootstrap starts and at each quarter of it.
 */
import type { AuditProgress } from '../core/audit/target-audit.ts';
import type { CommandIo } from './io.ts';

const BAR_WIDTH = 30;
/** A terminal bar is redrawn at most this often (ms), so drawing never slows the audit. */
const REDRAW_MS = 100;

/**
 * @param now The clock, in milliseconds (a parameter so tests can drive it).
 * @returns The callback for `onProgress`.
 */
export function progressReporter(
  io: CommandIo,
  now: () => number = () => performance.now(),
): (progress: AuditProgress) => void {
  return io.interactive && io.stderrInline ? terminalBar(io, io.stderrInline, now) : logLines(io);
}

function logLines(io: CommandIo): (progress: AuditProgress) => void {
  return ({ target, done, total }) => {
    const step = Math.max(1, Math.ceil(total / 4));
    if (done === 1) io.stderr(`${target}: bootstrap of ${total} replicates started`);
    if (done % step === 0 || done === total) io.stderr(`${target}: bootstrap ${done}/${total}`);
  };
}

function terminalBar(
  io: CommandIo,
  write: (text: string) => void,
  now: () => number,
): (progress: AuditProgress) => void {
  let started = now();
  let drawn = -Infinity;
  return ({ target, done, total }) => {
    if (done === 1) started = now();
    const time = now();
    if (done !== total && time - drawn < REDRAW_MS) return;
    drawn = time;

    const filled = Math.round((BAR_WIDTH * done) / total);
    const seconds = ((time - started) / 1000).toFixed(1);
    const bar = `${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}`;
    write(`\r${target}  [${bar}] ${done}/${total}  ${seconds} s`);
    if (done === total) io.stderr('');
  };
}
