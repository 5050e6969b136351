import { assertDescendingOrder, descendingOrder } from './descending-order.ts';
import { assertScoredLabels } from './scored-labels.ts';

/** A receiver operating characteristic curve, one point per candidate threshold. */
export interface RocCurve {
  /** Decreasing; the first is +Infinity (nothing predicted positive), then distinct scores. */
  thresholds: Float64Array;
  /** False positive rate at each threshold: falsePositives / negatives. */
  fpr: Float64Array;
  /** True positive rate at each threshold: truePositives / positives. */
  tpr: Float64Array;
  /** Weighted count of negatives with score >= threshold. */
  falsePositives: Float64Array;
  /** Weighted count of positives with score >= threshold. */
  truePositives: Float64Array;
  /** Weighted count of rows labelled 1. */
  positives: number;
  /** Weighted count of rows labelled 0. */
  negatives: number;
}

/** Options of `rocCurve`. */
export interface RocCurveOptions {
  /**
   * Keep only the points scikit-learn's `roc_curve(drop_intermediate=True)` keeps: the first and
   * last distinct-score points and every point where the step in false or in true positives
   * changes size (a non-zero second difference), plus the +Infinity start. Default false: one
   * point per distinct score.
   */
  dropIntermediate?: boolean;
  /** Multiplicity of each row (see `assertScoredLabels`); rows of weight 0 are left out. */
  weights?: Float64Array;
  /** `descendingOrder(scores)`, when the caller already has it (a bootstrap reuses it). */
  order?: Int32Array;
}

/**
 * The ROC curve of scores against 0/1 labels, with prediction = `score >= threshold`.
 *
 * Method: sort by decreasing score, accumulate (weighted) true and false positives, and emit one
 * point after each run of tied scores, preceded by the (0, 0) point at threshold +Infinity. This
 * is scikit-learn's `sklearn.metrics.roc_curve` (1.3+, which also starts at +Infinity; earlier
 * versions start at max(score) + 1) with `drop_intermediate` as in `options`.
 *
 * @param scores Finite scores, higher meaning more likely positive.
 * @param labels 1 for positive, 0 for negative, same length as `scores`.
 * @param options See `RocCurveOptions`.
 * @throws {RangeError} When the inputs are invalid (see `assertScoredLabels`) or either class is
 *   empty (after weighting): the rates would be 0/0. Check the counts first.
 */
export function rocCurve(
  scores: Float64Array,
  labels: Uint8Array,
  options: RocCurveOptions = {},
): RocCurve {
  const { dropIntermediate = false, weights, order: givenOrder } = options;
  assertScoredLabels(scores, labels, weights);
  if (givenOrder !== undefined) assertDescendingOrder(givenOrder, scores);
  const order = givenOrder ?? descendingOrder(scores);
  return rocCurveUnchecked(scores, labels, order, dropIntermediate, weights);
}

/**
 * `rocCurve` without the checks of its inputs, for a loop (a bootstrap) that validated them
 * once: the caller guarantees what `assertScoredLabels` and `assertDescendingOrder` would check.
 * Gives exactly the curve of `rocCurve` on valid inputs.
 *
 * @param scores Finite scores.
 * @param labels 0/1 labels, same length.
 * @param order `descendingOrder(scores)`, or any order listing the scores from highest to lowest.
 * @param dropIntermediate As `RocCurveOptions.dropIntermediate`.
 * @param weights Optional finite non-negative multiplicities, same length.
 * @throws {RangeError} When either class is empty (after weighting), as `rocCurve`.
 */
export function rocCurveUnchecked(
  scores: Float64Array,
  labels: Uint8Array,
  order: Int32Array,
  dropIntermediate: boolean,
  weights?: Float64Array,
): RocCurve {
  const steps = accumulateSteps(scores, labels, weights, order);
  const last = steps.count - 1;
  const positives = last >= 0 ? steps.truePositives[last]! : 0;
  const negatives = last >= 0 ? steps.falsePositives[last]! : 0;
  if (positives <= 0) throw new RangeError('labels: no positive rows, the ROC curve is undefined');
  if (negatives <= 0) throw new RangeError('labels: no negative rows, the ROC curve is undefined');

  const kept = dropIntermediate ? keptByDropIntermediate(steps) : allSteps(steps.count);
  return assembleCurve(steps, kept, positives, negatives);
}

/**
 * The ROC curve from cumulative counts already accumulated by the caller (a bootstrap that
 * reads its own compressed data), as `rocCurveUnchecked` would build it from the rows.
 *
 * @param steps One entry per distinct score of positive weight, in decreasing score order:
 *   the score and the weighted false and true positives at or above it; the last entry holds
 *   the class totals, which must both be positive.
 * @param dropIntermediate See `RocCurveOptions`.
 */
export function rocCurveFromSteps(steps: RocSteps, dropIntermediate: boolean): RocCurve {
  const last = steps.count - 1;
  const positives = steps.truePositives[last]!;
  const negatives = steps.falsePositives[last]!;
  const kept = dropIntermediate ? keptByDropIntermediate(steps) : allSteps(steps.count);
  return assembleCurve(steps, kept, positives, negatives);
}

/** Cumulative counts after each run of tied scores, in decreasing score order. */
export interface RocSteps {
  count: number;
  thresholds: Float64Array;
  falsePositives: Float64Array;
  truePositives: Float64Array;
}

function accumulateSteps(
  scores: Float64Array,
  labels: Uint8Array,
  weights: Float64Array | undefined,
  order: Int32Array,
): RocSteps {
  const n = order.length;
  const thresholds = new Float64Array(n);
  const falsePositives = new Float64Array(n);
  const truePositives = new Float64Array(n);
  let count = 0;
  let fp = 0;
  let tp = 0;
  let pending = false;
  let current = NaN;

  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const weight = weights === undefined ? 1 : weights[i]!;
    if (weight === 0) continue;
    const score = scores[i]!;
    if (pending && score !== current) {
      thresholds[count] = current;
      falsePositives[count] = fp;
      truePositives[count] = tp;
      count++;
    }
    current = score;
    pending = true;
    if (labels[i] === 1) tp += weight;
    else fp += weight;
  }
  if (pending) {
    thresholds[count] = current;
    falsePositives[count] = fp;
    truePositives[count] = tp;
    count++;
  }
  return { count, thresholds, falsePositives, truePositives };
}

function allSteps(count: number): Int32Array {
  const kept = new Int32Array(count);
  for (let k = 0; k < count; k++) kept[k] = k;
  return kept;
}

// scikit-learn keeps the first and last step and each step k where
// (x[k+1] - x[k]) - (x[k] - x[k-1]) is non-zero for x = false or true positives, and only
// applies the rule when there are more than two steps.
function keptByDropIntermediate(steps: RocSteps): Int32Array {
  const { count, falsePositives: fps, truePositives: tps } = steps;
  if (count <= 2) return allSteps(count);

  const kept = new Int32Array(count);
  let size = 0;
  kept[size++] = 0;
  for (let k = 1; k < count - 1; k++) {
    const fpBend = fps[k + 1]! - fps[k]! - (fps[k]! - fps[k - 1]!);
    const tpBend = tps[k + 1]! - tps[k]! - (tps[k]! - tps[k - 1]!);
    if (fpBend !== 0 || tpBend !== 0) kept[size++] = k;
  }
  kept[size++] = count - 1;
  return kept.subarray(0, size);
}

function assembleCurve(
  steps: RocSteps,
  kept: Int32Array,
  positives: number,
  negatives: number,
): RocCurve {
  const length = kept.length + 1;
  const thresholds = new Float64Array(length);
  const falsePositives = new Float64Array(length);
  const truePositives = new Float64Array(length);
  const fpr = new Float64Array(length);
  const tpr = new Float64Array(length);

  thresholds[0] = Infinity;
  for (let p = 1; p < length; p++) {
    const k = kept[p - 1]!;
    thresholds[p] = steps.thresholds[k]!;
    falsePositives[p] = steps.falsePositives[k]!;
    truePositives[p] = steps.truePositives[k]!;
    fpr[p] = falsePositives[p]! / negatives;
    tpr[p] = truePositives[p]! / positives;
  }
  return { thresholds, fpr, tpr, falsePositives, truePositives, positives, negatives };
}
