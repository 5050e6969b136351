/**
 * The rows a target is computed on: a usable score and a label in the positive or negative list.
 */
import { parseCellNumber, type CellNumberProblem } from './cell-number.ts';
import { cellMatches, describeCell } from './label-value.ts';
import type { TargetSpec } from './spec.ts';
import type { AuditTable } from './table.ts';
import type { Exclusion } from './results.ts';

/** How many ids or row numbers an exclusion lists. */
export const MAX_EXCLUSION_EXAMPLES = 50;

export interface TargetRows {
  /** Indices into the table of the rows kept, in file order. */
  rows: Int32Array;
  scores: Float64Array;
  /** 1 positive, 0 negative. */
  labels: Uint8Array;
  excluded: Exclusion[];
  /** Table indices of every row left out. */
  excludedRows: Int32Array;
  /** Rows left out because of their score (these refuse the file under `invalidScores: refuse`). */
  invalidScores: number;
  /** The table index of the first of them, or -1. */
  firstInvalidScore: number;
}

const SCORE_REASONS: Record<CellNumberProblem, string> = {
  missing: 'score missing',
  'not a number': 'score not a number',
  'not finite': 'score not finite',
};

/**
 * Reads a target's scores and labels, leaving out, by reason, rows whose score is not a finite
 * number (checked first) and rows whose label is in neither list.
 *
 * Reasons are `score missing`, `score not a number`, `score not finite`, and
 * `label "-1.0" neither positive nor negative` (one reason per label value, in order of first
 * appearance). Examples are ids from the `id` column when the spec names one, else row numbers.
 *
 * @throws {TypeError} when a column is absent (the pipeline checks columns first)
 */
export function selectTargetRows(table: AuditTable, target: TargetSpec, id?: string): TargetRows {
  const scoreCells = requireColumn(table, target.score);
  const labelCells = requireColumn(table, target.label.column);
  const idCells = id === undefined ? undefined : requireColumn(table, id);
  const rows: number[] = [];
  const scores: number[] = [];
  const labels: number[] = [];
  const excludedRows: number[] = [];
  const exclusions = new Map<string, Exclusion>();
  let invalidScores = 0;
  let firstInvalidScore = -1;

  const exclude = (index: number, reason: string) => {
    let exclusion = exclusions.get(reason);
    if (!exclusion) exclusions.set(reason, (exclusion = { reason, count: 0, examples: [] }));
    exclusion.count += 1;
    const name = idCells ? idCells[index]! : String(table.rowNumber(index));
    // Ids repeat when a patient has several rows; an example names each patient once.
    if (exclusion.examples.length < MAX_EXCLUSION_EXAMPLES && !exclusion.examples.includes(name)) {
      exclusion.examples.push(name);
    }
    excludedRows.push(index);
  };

  for (let index = 0; index < table.rowCount; index += 1) {
    const score = parseCellNumber(scoreCells[index]!);
    if (!score.ok) {
      if (invalidScores === 0) firstInvalidScore = index;
      invalidScores += 1;
      exclude(index, SCORE_REASONS[score.reason]);
      continue;
    }
    const cell = labelCells[index]!;
    const label = labelClass(cell, target.label);
    if (label < 0) {
      exclude(index, `label ${describeCell(cell)} neither positive nor negative`);
      continue;
    }
    rows.push(index);
    scores.push(score.value);
    labels.push(label);
  }

  return {
    rows: Int32Array.from(rows),
    scores: Float64Array.from(scores),
    labels: Uint8Array.from(labels),
    excluded: [...exclusions.values()],
    excludedRows: Int32Array.from(excludedRows),
    invalidScores,
    firstInvalidScore,
  };
}

/**
 * The class of a label cell: 1 when it matches a positive value, else 0 when it matches a
 * negative value (or the negatives are `rest`), else -1 (in neither list).
 */
export function labelClass(cell: string, label: TargetSpec['label']): 1 | 0 | -1 {
  if (label.positive.some((value) => cellMatches(cell, value))) return 1;
  if (label.negative === 'rest' || label.negative.some((value) => cellMatches(cell, value))) {
    return 0;
  }
  return -1;
}

/** The cells of a column the pipeline has checked; a missing one is a programming error. */
export function requireColumn(table: AuditTable, name: string): readonly string[] {
  const cells = table.column(name);
  if (cells === undefined) throw new TypeError(`column: "${name}" is not in ${table.path}`);
  return cells;
}
