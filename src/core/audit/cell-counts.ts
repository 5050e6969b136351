/**
 * The weights an evaluation reads per cell (rows drawn from it, or its size), in the narrowest
 * array that holds them exactly.
 *
 * A resample's counts are small integers, and single precision holds every integer up to 2^24
 * exactly; half the bytes of a double means half the memory traffic of the evaluation's sweeps,
 * which gather counts from across the cells and were bound by it (with two threads, by the
 * bandwidth they share). Integer arrays were slower still: V8 checks integer products for
 * overflow. Above 2^24 rows the counts are doubles, and every value is the same.
 */

export type CellCounts = Float32Array | Float64Array;

/** The largest count single precision holds exactly (with every integer below it). */
export const SINGLE_PRECISION_EXACT = 2 ** 24;

/**
 * A zeroed array of `length` counts, in single precision when no count can pass
 * `largestCount`.
 */
export function createCellCounts(length: number, largestCount: number): CellCounts {
  return largestCount <= SINGLE_PRECISION_EXACT
    ? new Float32Array(length)
    : new Float64Array(length);
}
