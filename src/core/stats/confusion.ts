import { assertScoredLabels } from './scored-labels.ts';

/** Weighted counts of a binary decision against 0/1 labels. */
export interface Confusion {
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
}

/**
 * The confusion counts of the decision `score >= threshold` (predicted positive).
 *
 * @param scores Finite scores.
 * @param labels 1 for positive, 0 for negative, same length as `scores`.
 * @param threshold Any number but NaN; +Infinity predicts nothing positive, -Infinity all.
 * @param weights Optional multiplicities (see `assertScoredLabels`).
 * @returns Counts; all zero for an empty sample.
 * @throws {RangeError} When `threshold` is NaN or the inputs are invalid.
 */
export function confusionAtThreshold(
  scores: Float64Array,
  labels: Uint8Array,
  threshold: number,
  weights?: Float64Array,
): Confusion {
  assertScoredLabels(scores, labels, weights);
  if (typeof threshold !== 'number' || Number.isNaN(threshold)) {
    throw new RangeError(`threshold: expected a number, got ${String(threshold)}`);
  }
  return confusionAtThresholdUnchecked(scores, labels, threshold, weights);
}

/**
 * `confusionAtThreshold` without its checks, for a loop (a bootstrap) that validated its inputs
 * once: the caller guarantees what `assertScoredLabels` would check and a threshold that is not
 * NaN. Gives exactly the counts of `confusionAtThreshold` on valid inputs.
 *
 * @param scores Finite scores.
 * @param labels 0/1 labels, same length.
 * @param threshold Any number but NaN.
 * @param weights Optional finite non-negative multiplicities, same length.
 */
export function confusionAtThresholdUnchecked(
  scores: Float64Array,
  labels: Uint8Array,
  threshold: number,
  weights?: Float64Array,
): Confusion {
  let truePositives = 0;
  let falsePositives = 0;
  let trueNegatives = 0;
  let falseNegatives = 0;
  for (let i = 0; i < scores.length; i++) {
    const weight = weights === undefined ? 1 : weights[i]!;
    const predicted = scores[i]! >= threshold;
    if (labels[i] === 1) {
      if (predicted) truePositives += weight;
      else falseNegatives += weight;
    } else if (predicted) falsePositives += weight;
    else trueNegatives += weight;
  }
  return { truePositives, falsePositives, trueNegatives, falseNegatives };
}

/**
 * Sensitivity, recall: TP / (TP + FN).
 *
 * @returns The rate, or null when there are no positives (0/0).
 */
export function truePositiveRate(c: Confusion): number | null {
  return ratio(c.truePositives, c.truePositives + c.falseNegatives);
}

/**
 * Fall-out, 1 − specificity: FP / (FP + TN).
 *
 * @returns The rate, or null when there are no negatives (0/0).
 */
export function falsePositiveRate(c: Confusion): number | null {
  return ratio(c.falsePositives, c.falsePositives + c.trueNegatives);
}

/**
 * Specificity: TN / (TN + FP).
 *
 * @returns The rate, or null when there are no negatives (0/0).
 */
export function trueNegativeRate(c: Confusion): number | null {
  return ratio(c.trueNegatives, c.trueNegatives + c.falsePositives);
}

/**
 * Precision: TP / (TP + FP).
 *
 * @returns The value, or null when nothing is predicted positive (0/0).
 */
export function positivePredictiveValue(c: Confusion): number | null {
  return ratio(c.truePositives, c.truePositives + c.falsePositives);
}

/**
 * TN / (TN + FN).
 *
 * @returns The value, or null when nothing is predicted negative (0/0).
 */
export function negativePredictiveValue(c: Confusion): number | null {
  return ratio(c.trueNegatives, c.trueNegatives + c.falseNegatives);
}

/**
 * Youden's J statistic, TPR − FPR (Youden, "Index for rating diagnostic tests", Cancer 1950).
 *
 * @returns J in [−1, 1], or null when either rate is undefined (one class missing).
 */
export function youdenIndex(c: Confusion): number | null {
  const tpr = truePositiveRate(c);
  const fpr = falsePositiveRate(c);
  return tpr === null || fpr === null ? null : tpr - fpr;
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}
