/**
 * Matching a cell against a value from the spec (a label value or a group value).
 *
 * Numbers compare as numbers, so the spec's `1` matches a cell written `1`, `1.0` or `1e0`;
 * strings compare exactly, case and spaces included. Nothing else is coerced: an empty cell is
 * not 0, `true` is not 1, and ` 1` (with a space) is not 1.
 */
import { parseCellNumber } from './cell-number.ts';
import type { LabelValue } from './spec.ts';

/**
 * True when `cell` is the value `wanted`.
 *
 * @param cell the cell as written
 * @param wanted a number (matched numerically against a strictly numeric cell) or a string
 *   (matched exactly)
 */
export function cellMatches(cell: string, wanted: LabelValue): boolean {
  if (typeof wanted === 'string') return cell === wanted;
  const number = parseCellNumber(cell);
  return number.ok && number.value === wanted;
}

/**
 * True when `cell` is the group value `wanted` written in the spec as text: equal as written,
 * or, when both are numbers, equal as numbers (`1` selects cells written `1.0`).
 */
export function cellMatchesText(cell: string, wanted: string): boolean {
  if (cell === wanted) return true;
  const a = parseCellNumber(cell);
  if (!a.ok) return false;
  const b = parseCellNumber(wanted);
  return b.ok && a.value === b.value;
}

/** A label value as people read it in a message: strings quoted, the empty cell named. */
export function describeCell(cell: string): string {
  return cell === '' ? '(empty)' : JSON.stringify(cell);
}
