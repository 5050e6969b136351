import { confusionAtThreshold, falsePositiveRate, truePositiveRate } from './confusion.ts';

/**
 * The false and true positive rates of the decision `score >= threshold`, for applying an
 * operating point chosen on the whole sample to a subgroup.
 *
 * @param scores Finite scores.
 * @param labels 1 for positive, 0 for negative.
 * @param threshold Any number but NaN.
 * @param weights Optional multiplicities (see `assertScoredLabels`).
 * @returns The rates; a rate is null when its class is empty.
 * @throws {RangeError} As `confusionAtThreshold`.
 */
export function ratesAtThreshold(
  scores: Float64Array,
  labels: Uint8Array,
  threshold: number,
  weights?: Float64Array,
): { fpr: number | null; tpr: number | null } {
  const confusion = confusionAtThreshold(scores, labels, threshold, weights);
  return { fpr: falsePositiveRate(confusion), tpr: truePositiveRate(confusion) };
}
