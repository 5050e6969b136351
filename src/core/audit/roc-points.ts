/**
 * A group's ROC curve as points for a plot, thinned to a bounded number.
 */
import { rocCurveUnchecked } from '../stats/index.ts';

/** Plots need no more points than this; curves of big groups are thinned to it. */
export const MAX_ROC_POINTS = 200;

/**
 * The (FPR, TPR) points of the ROC curve with scikit-learn's intermediate points dropped,
 * thinned to at most `limit` by keeping evenly spaced points (the first and last always).
 *
 * @returns null when a class is empty (the curve is undefined)
 */
export function rocPoints(
  scores: Float64Array,
  labels: Uint8Array,
  weights: Float64Array,
  order: Int32Array,
  limit = MAX_ROC_POINTS,
): { fpr: number[]; tpr: number[] } | null {
  let positives = 0;
  let negatives = 0;
  for (let i = 0; i < labels.length; i += 1) {
    if (labels[i] === 1) positives += weights[i]!;
    else negatives += weights[i]!;
  }
  if (positives === 0 || negatives === 0) return null;

  // Unchecked: the audit validated the scores and labels, and `order` is their descendingOrder.
  const curve = rocCurveUnchecked(scores, labels, order, true, weights);
  const count = curve.fpr.length;
  const keep =
    count <= limit
      ? Array.from({ length: count }, (_, index) => index)
      : Array.from({ length: limit }, (_, k) => Math.round((k * (count - 1)) / (limit - 1)));
  return {
    fpr: keep.map((index) => curve.fpr[index]!),
    tpr: keep.map((index) => curve.tpr[index]!),
  };
}
