/**
 * What a command may touch of the outside world: its output streams and working directory.
 * Commands take this as a parameter so tests can capture their output.
 */
export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** True when stderr is a terminal (progress may then redraw a line). */
  interactive?: boolean;
  /** Writes to stderr without a line end (a progress bar redrawn with `\r`). */
  stderrInline?(text: string): void;
}

/** The real console, for `bin/auditcard.js`. */
export function processIo(): CommandIo {
  return {
    stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    cwd: process.cwd(),
    interactive: Boolean(process.stderr.isTTY),
    stderrInline: (text) => process.stderr.write(text),
  };
}
