/**
 * Problems → text: lines for people, JSON for scripts, or GitHub workflow commands that
 * annotate a pull request.
 */
import type { Problem } from './problem.ts';

export type ProblemFormat = 'human' | 'json' | 'github';

export const problemFormats: readonly ProblemFormat[] = ['human', 'json', 'github'];

/**
 * Formats problems, in the order given.
 *
 * - `human`: `path:line:col  message  [Code]` and an indented `hint: …` line; warnings say so
 *   before the message.
 * - `json`: a JSON array of the Problem objects (pretty-printed).
 * - `github`: `::error file=…,line=…,col=…,title=Code::message` (`::warning` for warnings),
 *   escaped as GitHub requires; the hint follows the message on a second line.
 * @returns the text, ending with a newline unless there are no problems (`json` prints `[]`)
 */
export function formatProblems(problems: readonly Problem[], format: ProblemFormat): string {
  if (format === 'json') return `${JSON.stringify(problems, null, 2)}\n`;
  const lines = problems.map(format === 'github' ? githubCommand : humanLines);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** `file:line:col`, or as much of it as is known. */
export function location(problem: Problem): string {
  if (problem.line === undefined) return problem.file;
  if (problem.column === undefined) return `${problem.file}:${problem.line}`;
  return `${problem.file}:${problem.line}:${problem.column}`;
}

function humanLines(problem: Problem): string {
  const where =
    problem.row !== undefined
      ? `${location(problem)} (row ${problem.row}${problem.columnName === undefined ? '' : `, column ${problem.columnName}`})`
      : location(problem);
  const severity = problem.severity === 'warning' ? 'warning: ' : '';
  const line = `${where}  ${severity}${problem.message}  [${problem.code}]`;
  return problem.hint ? `${line}\n    hint: ${problem.hint}` : line;
}

function githubCommand(problem: Problem): string {
  const properties = [`file=${escapeProperty(problem.file)}`];
  if (problem.line !== undefined) properties.push(`line=${problem.line}`);
  if (problem.column !== undefined) properties.push(`col=${problem.column}`);
  properties.push(`title=${escapeProperty(problem.code)}`);
  const text = problem.hint ? `${problem.message}\nhint: ${problem.hint}` : problem.message;
  return `::${problem.severity} ${properties.join(',')}::${escapeData(text)}`;
}

/** Escapes a workflow command's message: `%`, carriage return and line feed. */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a workflow command's property value: as data, plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/**
 * One summary line that stays true: how many errors and warnings, in how many distinct files
 * (the files the problems name), and how many files were checked when that is known.
 *
 * `3 errors in 1 file (2 files checked)`, `2 errors, 1 warning in 2 files`,
 * `no problems in 3 files checked`, or `no problems`.
 *
 * @param problems the problems as printed (their `file` as shown)
 * @param filesChecked how many files were checked; without it the line ends after the files
 *   that have problems
 */
export function summarizeProblems(problems: readonly Problem[], filesChecked?: number): string {
  const checked = filesChecked === undefined ? undefined : count(filesChecked, 'file');
  if (problems.length === 0)
    return checked === undefined ? 'no problems' : `no problems in ${checked} checked`;

  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  const parts = [];
  if (errors > 0) parts.push(count(errors, 'error'));
  if (warnings > 0) parts.push(count(warnings, 'warning'));
  const files = count(new Set(problems.map((problem) => problem.file)).size, 'file');
  const line = `${parts.join(', ')} in ${files}`;
  return checked === undefined ? line : `${line} (${checked} checked)`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
