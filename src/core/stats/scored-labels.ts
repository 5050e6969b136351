/**
 * Checks shared by the statistics that take scores, 0/1 labels and optional weights.
 *
 * Weights are multiplicities: a weight of 3 counts a row three times and a weight of 0 leaves it
 * out, exactly as if the arrays had been copied that way. That lets a bootstrap replicate pass
 * counts instead of copying arrays. Non-integer weights are accepted and act as scikit-learn's
 * `sample_weight`.
 */

/**
 * Throws unless `scores`, `labels` and `weights` describe one sample: equal lengths, finite
 * scores, labels 0 or 1, finite non-negative weights.
 *
 * @throws {TypeError} When an argument is not the expected typed array.
 * @throws {RangeError} When lengths differ or a value is out of its domain; the message names
 *   the argument and the first offending index.
 */
export function assertScoredLabels(
  scores: Float64Array,
  labels: Uint8Array,
  weights?: Float64Array,
): void {
  if (!(scores instanceof Float64Array)) {
    throw new TypeError('scores: expected a Float64Array');
  }
  if (!(labels instanceof Uint8Array)) {
    throw new TypeError('labels: expected a Uint8Array of 0/1 values');
  }
  if (labels.length !== scores.length) {
    throw new RangeError(
      `labels: length ${labels.length} differs from scores length ${scores.length}`,
    );
  }
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i])) {
      throw new RangeError(`scores[${i}]: expected a finite number, got ${String(scores[i])}`);
    }
    if (labels[i]! > 1) {
      throw new RangeError(`labels[${i}]: expected 0 or 1, got ${labels[i]}`);
    }
  }
  if (weights === undefined) return;

  if (!(weights instanceof Float64Array)) {
    throw new TypeError('weights: expected a Float64Array');
  }
  if (weights.length !== scores.length) {
    throw new RangeError(
      `weights: length ${weights.length} differs from scores length ${scores.length}`,
    );
  }
  for (let i = 0; i < weights.length; i++) {
    const weight = weights[i]!;
    if (!(weight >= 0) || weight === Infinity) {
      throw new RangeError(`weights[${i}]: expected a finite number >= 0, got ${weight}`);
    }
  }
}
