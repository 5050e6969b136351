/**
 * CSV text → {@link CsvTable}, with a problem for everything that would make a value ambiguous.
 *
 * PapaParse reads the text in string mode (no type guessing; numbers are read later and
 * strictly). The delimiter is always a comma, so a one-column file is never re-interpreted. A
 * leading byte-order mark is dropped, CRLF, LF and CR line ends are all accepted, even mixed in
 * one file (no `\r` is left in a value), blank lines are skipped, and a row with a different number of cells than the header
 * is an error naming its row and line rather than being padded or cut. A header that looks
 * separated by semicolons or tabs is one `CsvWrongDelimiter` problem, and nothing else of the
 * file is reported (every row would be ragged or every column missing).
 */
import Papa from 'papaparse';

import { problem } from '../problems/catalogue.ts';
import type { Problem } from '../problems/problem.ts';
import { CsvTable } from './csv-table.ts';
import { wrongDelimiter, wrongDelimiterProblem } from './wrong-delimiter.ts';

export interface ParsedCsv {
  /** The table, or null when the file is unusable (empty, malformed or ragged). */
  table: CsvTable | null;
  problems: Problem[];
}

/** Stop listing ragged or malformed rows after this many; the first ones show the pattern. */
const MAX_ROW_PROBLEMS = 20;

/**
 * Parses CSV text.
 *
 * @param text the decoded file contents
 * @param file the file name used in problems
 */
export function parseCsv(text: string, file: string): ParsedCsv {
  const withoutMark = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // One line end throughout: PapaParse guesses a file's line end from its start, so a file
  // whose later lines end differently (rows appended by another tool) read as one long row.
  const body = withoutMark.includes('\r') ? unifyLineEnds(withoutMark) : withoutMark;
  const state = createState(body, file);

  Papa.parse<string[]>(body, {
    delimiter: ',',
    newline: '\n',
    dynamicTyping: false,
    skipEmptyLines: false,
    step: (result, parser) => {
      readRecord(state, result);
      if (state.wrongDelimiter) parser.abort();
    },
  });

  if (state.wrongDelimiter) return { table: null, problems: [state.wrongDelimiter] };

  if (state.header === null) {
    return {
      table: null,
      problems: [
        problem('CsvEmpty', {
          message: 'The file has no header row.',
          hint: 'Put the column names on the first line.',
          file,
        }),
      ],
    };
  }
  if (state.rowProblems > MAX_ROW_PROBLEMS) {
    state.problems.push(
      problem('CsvRaggedRow', {
        message: `${state.rowProblems - MAX_ROW_PROBLEMS} more rows have the same kind of problem.`,
        file,
      }),
    );
  }
  if (state.problems.length > 0) return { table: null, problems: state.problems };

  const lines = Int32Array.from(state.lines);
  return { table: new CsvTable(file, state.header, state.columns, lines), problems: [] };
}

/**
 * Every CRLF or lone CR between records becomes LF (the lines keep their numbers); a line break
 * inside a quoted value is part of the value and is kept as written.
 */
function unifyLineEnds(text: string): string {
  let quoted = false;
  let out = '';
  let from = 0;
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === 34)
      quoted = !quoted; // '"': an escaped "" toggles twice
    else if (code === 13 && !quoted) {
      out += text.slice(from, at) + '\n';
      from = text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
      at = from - 1;
    }
  }
  return out + text.slice(from);
}

interface ParseState {
  text: string;
  file: string;
  header: string[] | null;
  columns: string[][];
  lines: number[];
  problems: Problem[];
  /** Set when the header looks separated by something other than commas. */
  wrongDelimiter: Problem | null;
  rowProblems: number;
  /** Data records seen so far (ragged ones included), for row numbers. */
  records: number;
  /** Offset and line number where the next record starts. */
  offset: number;
  line: number;
}

function createState(text: string, file: string): ParseState {
  return {
    text,
    file,
    header: null,
    columns: [],
    lines: [],
    problems: [],
    wrongDelimiter: null,
    rowProblems: 0,
    records: 0,
    offset: 0,
    line: 1,
  };
}

function readRecord(state: ParseState, result: Papa.ParseStepResult<string[]>): void {
  if (state.wrongDelimiter) return;
  const line = state.line;
  const end = result.meta.cursor;
  state.line += countLineBreaks(state.text, state.offset, end);
  state.offset = end;

  const cells = result.data;
  if (cells.length === 1 && cells[0] === '') return;

  const row = state.header === null ? undefined : (state.records += 1);
  for (const error of result.errors) {
    reportRow(state, 'CsvMalformed', `${error.message} (PapaParse ${error.code}).`, line, row);
  }

  if (state.header === null) {
    const delimiter = wrongDelimiter(cells);
    if (delimiter) {
      state.wrongDelimiter = wrongDelimiterProblem(delimiter, state.file, line);
      return;
    }
    state.header = cells;
    state.columns = cells.map(() => []);
    return;
  }

  if (cells.length !== state.header.length) {
    const message = `Row has ${cells.length} cells but the header has ${state.header.length}.`;
    reportRow(state, 'CsvRaggedRow', message, line, row);
    return;
  }
  cells.forEach((cell, index) => state.columns[index]!.push(cell));
  state.lines.push(line);
}

function reportRow(
  state: ParseState,
  code: 'CsvMalformed' | 'CsvRaggedRow',
  message: string,
  line: number,
  row: number | undefined,
): void {
  state.rowProblems += 1;
  if (state.rowProblems > MAX_ROW_PROBLEMS) return;

  const hint =
    code === 'CsvRaggedRow'
      ? 'Give every row one cell per header column; quote cells that contain commas.'
      : 'Close every opening quote; write a quote inside a quoted cell as two quotes ("").';
  const place = row === undefined ? { line } : { line, row };
  state.problems.push(problem(code, { message, hint, file: state.file, ...place }));
}

/** Counts line breaks (LF, CRLF or a lone CR) in text[start, end). */
function countLineBreaks(text: string, start: number, end: number): number {
  let count = 0;
  for (let index = start; index < end; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 10) count += 1;
    else if (code === 13 && text.charCodeAt(index + 1) !== 10) count += 1;
  }
  return count;
}
