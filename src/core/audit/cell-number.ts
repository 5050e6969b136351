/**
 * Strict reading of a number from a CSV cell.
 *
 * `Number()` is too loose for data: it turns an empty or blank cell into 0, accepts hexadecimal
 * (`0x1A`), binary and octal forms, and surrounding whitespace. A cell here is a number only when
 * it is written as a decimal with an optional sign, fraction and exponent (`1`, `-0.5`, `.5`,
 * `1.`, `2e-3`), with nothing around it. Infinity and not-a-number spellings are recognised so
 * that the reason for leaving a row out can be named.
 */

/** A cell read as a number, or the reason it is not one. */
export type CellNumber = { ok: true; value: number } | { ok: false; reason: CellNumberProblem };

/** Why a cell is not a usable number. */
export type CellNumberProblem = 'missing' | 'not a number' | 'not finite';

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITE = /^[+-]?(?:inf|infinity)$/i;

/**
 * Reads a cell as a finite number.
 *
 * @param text the cell exactly as written (no trimming is applied)
 * @returns `{ ok: true, value }`, or `{ ok: false, reason }` where reason is `missing` for an
 *   empty or whitespace-only cell, `not finite` for infinities (`inf`, `-Infinity`, or a decimal
 *   beyond the double range such as `1e999`), and `not a number` for anything else (`NaN`, `NA`,
 *   ` 1`, `0x10`, `abc`).
 */
export function parseCellNumber(text: string): CellNumber {
  // A decimal first: nearly every cell of a data file is one, and needs no other test.
  if (DECIMAL.test(text)) {
    const value = Number(text);
    return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'not finite' };
  }
  if (text.trim() === '') return { ok: false, reason: 'missing' };
  if (INFINITE.test(text)) return { ok: false, reason: 'not finite' };
  return { ok: false, reason: 'not a number' };
}

/** The finite number in a cell, or null when the cell holds none (see {@link parseCellNumber}). */
export function cellNumberOrNull(text: string): number | null {
  const cell = parseCellNumber(text);
  return cell.ok ? cell.value : null;
}
