/**
 * Quantile bins of a numeric attribute (`{ column: age, quantiles: 4 }`): bins cut at the
 * sample's quantiles, so that each holds about the same number of rows when values are distinct.
 *
 * - **Which rows.** Every row of the data file whose cell is a number (`parseCellNumber`), before
 *   any target's exclusions, so that every target uses the same bins. Blank and text cells are
 *   in no bin and reported as such.
 * - **Which quantiles.** The edges are the quantiles p = j/k, j = 0…k, by numpy's default method
 *   `linear` (Hyndman and Fan 1996, definition 7; R's default too): with the values sorted,
 *   x[0] ≤ … ≤ x[n-1], h = (n − 1)p, and the quantile interpolates between x[⌊h⌋] and x[⌊h⌋+1]
 *   as numpy's `_lerp` does, so that the edges equal `np.quantile(x, np.arange(k + 1) / k)` bit
 *   for bit. The first edge is the minimum and the last the maximum: every number is in a bin.
 * - **Intervals.** Half-open `[a, b)`, the last closed, as for `bins`. (pandas' `qcut` closes
 *   bins on the right instead, so a value equal to an inner edge falls one bin lower there.)
 * - **Ties.** Many equal values make equal edges; a bin between equal edges would be empty, so
 *   equal edges are merged and the merged bin says which quantile bins it spans: `Q1–Q2 [0, 3)`.
 *   When every value is the same, there is one bin, `Q1–Q4 [5, 5]`.
 *
 * Labels are `Qj [low, high)`, the quantile bin(s) and the exact interval.
 */
import { binLabel } from './bins.ts';
import { parseCellNumber } from './cell-number.ts';

/** Quantile bins after equal edges are merged. */
export interface QuantileBins {
  /** Increasing, distinct edges; one bin fewer than edges (a single value gives `[v, v]`). */
  edges: number[];
  /** Per bin, the first and last quantile bin (1-based, of k) it spans. */
  spans: Array<[number, number]>;
  /** Per bin, `Q2 [40, 52.5)`, `Q1–Q2 [0, 3)`, or `Q4 [67, 95]` for the last. */
  labels: string[];
}

/**
 * The quantile of sorted values by numpy's `linear` method (type 7), with numpy's interpolation
 * (`a + (b − a)t`, or `b − (b − a)(1 − t)` when t ≥ 0.5), so results match numpy exactly.
 *
 * @param sorted the values in increasing order, at least one, all finite
 * @param p the probability, from 0 to 1
 * @throws {RangeError} when `sorted` is empty or `p` is outside [0, 1]
 */
export function linearQuantile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) throw new RangeError('sorted: no values');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p: ${p} is not between 0 and 1`);

  const last = sorted.length - 1;
  const h = last * p;
  const below = Math.min(Math.floor(h), last);
  const above = Math.min(below + 1, last);
  const t = h - below;
  const a = sorted[below]!;
  const b = sorted[above]!;
  const difference = b - a;
  return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
}

/**
 * The k quantile bins of some numbers, equal edges merged (see the module's notes).
 *
 * @param values finite numbers, in any order; empty gives no bins
 * @param k the number of quantile bins, an integer of at least 2
 * @throws {RangeError} when k is not an integer of at least 2
 */
export function quantileBins(values: Float64Array, k: number): QuantileBins {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`k: ${k} is not an integer ≥ 2`);
  if (values.length === 0) return { edges: [], spans: [], labels: [] };

  const sorted = Float64Array.from(values).sort();
  const raw = Array.from({ length: k + 1 }, (_, j) => linearQuantile(sorted, j / k));
  const edges = raw.filter((edge, j) => j === 0 || edge !== raw[j - 1]);
  if (edges.length === 1) {
    const only = [edges[0]!, edges[0]!];
    return { edges: only, spans: [[1, k]], labels: [`${spanText(1, k)} ${binLabel(only, 0)}`] };
  }

  // Quantile bin j (1-based) is [raw[j-1], raw[j]); merged bin i is [edges[i], edges[i+1]).
  // Bin j belongs to the merged bin whose lower edge is the last one at or below raw[j-1],
  // except that empty bins at the top ([max, max]) join the last, closed bin.
  const spans = edges.slice(0, -1).map((): [number, number] => [0, 0]);
  for (let j = 1; j <= k; j += 1) {
    const low = raw[j - 1]!;
    let bin = 0;
    while (bin < spans.length - 1 && edges[bin + 1]! <= low) bin += 1;
    const span = spans[bin]!;
    if (span[0] === 0) span[0] = j;
    span[1] = j;
  }
  const labels = spans.map(
    ([first, last], bin) => `${spanText(first, last)} ${binLabel(edges, bin)}`,
  );
  return { edges, spans, labels };
}

/**
 * The numbers of a column's cells, for {@link quantileBins}: every cell that is a finite number
 * as written (blank and text cells are left out).
 */
export function columnNumbers(cells: readonly string[]): Float64Array {
  const numbers: number[] = [];
  for (const cell of cells) {
    const number = parseCellNumber(cell);
    if (number.ok) numbers.push(number.value);
  }
  return Float64Array.from(numbers);
}

/**
 * The bin of a spec's reference `Qj`: the merged bin that spans quantile bin j, or -1 when the
 * attribute has no bins (no numbers).
 *
 * @param bins the attribute's bins
 * @param reference `Q1` … `Qk`
 * @throws {RangeError} when the reference is not of that form (validation refuses it)
 */
export function quantileReferenceBin(bins: QuantileBins, reference: string): number {
  const match = /^Q([1-9]\d*)$/.exec(reference);
  if (!match) throw new RangeError(`reference: "${reference}" is not Q1, Q2, …`);
  const j = Number(match[1]);
  return bins.spans.findIndex(([first, last]) => j >= first && j <= last);
}

function spanText(first: number, last: number): string {
  return first === last ? `Q${first}` : `Q${first}–Q${last}`;
}
