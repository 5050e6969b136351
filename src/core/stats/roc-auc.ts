import { assertDescendingOrder, descendingOrder } from './descending-order.ts';
import { assertScoredLabels } from './scored-labels.ts';

/** Options of `rocAuc` beyond the weights. */
export interface RocAucOptions {
  /** `descendingOrder(scores)`, when the caller already has it (a bootstrap reuses it). */
  order?: Int32Array;
}

/**
 * The area under the ROC curve: the probability that a random positive scores above a random
 * negative, a tie counting one half.
 *
 * Method: the Mann–Whitney U statistic divided by (positives × negatives) (Hanley and McNeil,
 * Radiology 1982), computed in one pass over the scores in decreasing order: each run of tied
 * scores adds (its negatives) × (positives above it + half its positives). O(n log n) for the
 * sort, O(n) when `options.order` is given. Equals `sklearn.metrics.roc_auc_score`, which
 * integrates the ROC curve with the trapezoid rule, up to rounding (about 1e-16).
 *
 * @param scores Finite scores, higher meaning more likely positive.
 * @param labels 1 for positive, 0 for negative, same length as `scores`.
 * @param weights Optional multiplicities (see `assertScoredLabels`).
 * @param options See `RocAucOptions`.
 * @returns The AUC in [0, 1], or null when there is no positive or no negative (after weighting).
 * @throws {RangeError|TypeError} When the inputs are invalid (see `assertScoredLabels`).
 */
export function rocAuc(
  scores: Float64Array,
  labels: Uint8Array,
  weights?: Float64Array,
  options: RocAucOptions = {},
): number | null {
  assertScoredLabels(scores, labels, weights);
  if (options.order !== undefined) assertDescendingOrder(options.order, scores);
  return rocAucUnchecked(scores, labels, weights, options.order ?? descendingOrder(scores));
}

/**
 * `rocAuc` without its checks, for a loop (a bootstrap) that validated its inputs once: the
 * caller guarantees what `assertScoredLabels` and `assertDescendingOrder` would check. Gives
 * exactly the value of `rocAuc` on valid inputs.
 *
 * @param scores Finite scores.
 * @param labels 0/1 labels, same length.
 * @param weights Optional finite non-negative multiplicities, same length.
 * @param order `descendingOrder(scores)`, or any order listing the scores from highest to lowest.
 */
export function rocAucUnchecked(
  scores: Float64Array,
  labels: Uint8Array,
  weights: Float64Array | undefined,
  order: Int32Array,
): number | null {
  let positivesAbove = 0;
  let negativesAbove = 0;
  let runPositives = 0;
  let runNegatives = 0;
  let pairs = 0;
  let current = NaN;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const weight = weights === undefined ? 1 : weights[i]!;
    if (weight === 0) continue;
    if (scores[i] !== current) {
      pairs += runNegatives * (positivesAbove + runPositives / 2);
      positivesAbove += runPositives;
      negativesAbove += runNegatives;
      runPositives = 0;
      runNegatives = 0;
      current = scores[i]!;
    }
    if (labels[i] === 1) runPositives += weight;
    else runNegatives += weight;
  }
  pairs += runNegatives * (positivesAbove + runPositives / 2);
  const positives = positivesAbove + runPositives;
  const negatives = negativesAbove + runNegatives;

  if (positives <= 0 || negatives <= 0) return null;
  return pairs / (positives * negatives);
}
