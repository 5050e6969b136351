import { rocCurve, rocCurveUnchecked, type RocCurve } from './roc-curve.ts';

/** A decision threshold with the rates it achieves on the sample it was chosen on. */
export interface OperatingPointChoice {
  /** Predict positive when score >= threshold; may be +Infinity (see `thresholdForTargetFpr`). */
  threshold: number;
  fpr: number;
  tpr: number;
}

/** How the candidates of a target-FPR search are chosen (see DESIGN.md, "Operating point"). */
export type FprConvention = 'full-curve' | 'reference';

/** Options shared by the threshold searches. */
export interface OperatingPointOptions {
  /** `descendingOrder(scores)`, when the caller already has it. */
  order?: Int32Array;
}

/**
 * The threshold whose false positive rate is closest to `targetFpr`.
 *
 * `full-curve`: every distinct score is a candidate, and so is +Infinity (FPR 0). The smallest
 * |FPR − target| wins, compared exactly as |falsePositives − target × negatives|; ties go to the
 * lower FPR, then to the higher TPR.
 *
 * `reference`: the candidates are the points scikit-learn's `roc_curve` keeps by default
 * (`drop_intermediate=True`, see `rocCurve`), in its order of decreasing threshold, and the first
 * point minimising |FPR − target| wins, as `np.argmin(np.abs(fpr - target))` does. This
 * reproduces published results computed that way. It can return +Infinity (its first point,
 * when FPR 0 is closest): the caller must refuse that threshold.
 *
 * @param scores Finite scores.
 * @param labels 1 for positive, 0 for negative; both classes must be present.
 * @param targetFpr The wanted false positive rate, in [0, 1].
 * @param convention `'full-curve'` or `'reference'`.
 * @param weights Optional multiplicities (see `assertScoredLabels`).
 * @param options See `OperatingPointOptions`.
 * @throws {RangeError} When `targetFpr` or `convention` is invalid, the inputs are invalid or a
 *   class is empty (see `rocCurve`).
 */
export function thresholdForTargetFpr(
  scores: Float64Array,
  labels: Uint8Array,
  targetFpr: number,
  convention: FprConvention,
  weights?: Float64Array,
  options: OperatingPointOptions = {},
): OperatingPointChoice {
  if (typeof targetFpr !== 'number' || !(targetFpr >= 0 && targetFpr <= 1)) {
    throw new RangeError(`targetFpr: expected a number in [0, 1], got ${String(targetFpr)}`);
  }
  if (convention !== 'full-curve' && convention !== 'reference') {
    throw new RangeError(
      `convention: expected 'full-curve' or 'reference', got ${String(convention)}`,
    );
  }

  const curve = rocCurve(scores, labels, {
    dropIntermediate: convention === 'reference',
    weights,
    order: options.order,
  });
  return closestToTargetFpr(curve, targetFpr, convention);
}

/**
 * `thresholdForTargetFpr` without its checks, for a loop (a bootstrap) that validated its inputs
 * once: the caller guarantees a valid `targetFpr` and `convention`, what `assertScoredLabels`
 * and `assertDescendingOrder` would check, and both classes present. Gives exactly the point of
 * `thresholdForTargetFpr` on valid inputs.
 *
 * @param order `descendingOrder(scores)`, or any order listing the scores from highest to lowest.
 * @throws {RangeError} When a class is empty (after weighting), as `rocCurve`.
 */
export function thresholdForTargetFprUnchecked(
  scores: Float64Array,
  labels: Uint8Array,
  targetFpr: number,
  convention: FprConvention,
  weights: Float64Array | undefined,
  order: Int32Array,
): OperatingPointChoice {
  const curve = rocCurveUnchecked(scores, labels, order, convention === 'reference', weights);
  return closestToTargetFpr(curve, targetFpr, convention);
}

/**
 * The point of a ROC curve chosen for a target FPR under a convention (see
 * `thresholdForTargetFpr`), for callers that built the curve themselves (`rocCurveFromSteps`).
 */
export function closestToTargetFpr(
  curve: RocCurve,
  targetFpr: number,
  convention: FprConvention,
): OperatingPointChoice {
  const best =
    convention === 'reference'
      ? firstClosestRate(curve, targetFpr)
      : closestFalsePositives(curve, targetFpr);
  return pointOf(curve, best);
}

function firstClosestRate(curve: RocCurve, targetFpr: number): number {
  let best = 0;
  let bestDistance = Infinity;
  for (let p = 0; p < curve.fpr.length; p++) {
    const distance = Math.abs(curve.fpr[p]! - targetFpr);
    if (distance < bestDistance) {
      best = p;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The target of a full-curve search in false positives: `targetFpr × negatives`, snapped to the
 * nearest half count when the product misses it by a rounding. A target is written in decimal
 * (0.07) but held in binary, so 0.07 × 50 is 3.5000000000000004, and FP 3 and FP 4, equally far
 * from the target the user wrote, would not tie; snapped, they do, and the tie rule (the lower
 * FPR) decides. The snap tolerance (10⁻⁹ relative) is far above a product's rounding and far
 * below any difference a target written with fewer than nine decimals can make.
 */
export function targetFalsePositives(targetFpr: number, negatives: number): number {
  const product = targetFpr * negatives;
  const half = Math.round(product * 2) / 2;
  return Math.abs(product - half) <= 1e-9 * Math.max(1, product) ? half : product;
}

// Distances in counts rather than rates, so that two points equally far from the target on
// either side really tie (0.3 − 0.2 and 0.2 − 0.1 differ as doubles).
function closestFalsePositives(curve: RocCurve, targetFpr: number): number {
  const target = targetFalsePositives(targetFpr, curve.negatives);
  let best = 0;
  let bestDistance = Infinity;
  for (let p = 0; p < curve.fpr.length; p++) {
    const fp = curve.falsePositives[p]!;
    const distance = Math.abs(fp - target);
    const bestFp = curve.falsePositives[best]!;
    const closer = distance < bestDistance;
    const tiedButBetter =
      distance === bestDistance &&
      (fp < bestFp || (fp === bestFp && curve.truePositives[p]! > curve.truePositives[best]!));
    if (closer || tiedButBetter) {
      best = p;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The distinct-score threshold that maximises Youden's J = TPR − FPR (Youden 1950; the
 * "optimal cut-off" of e.g. pROC's `coords(best.method = "youden")`).
 *
 * Candidates are the distinct scores (never +Infinity). J is compared exactly, as
 * truePositives × negatives − falsePositives × positives; ties go to the highest threshold (the
 * fewest positive predictions).
 *
 * @param scores Finite scores.
 * @param labels 1 for positive, 0 for negative; both classes must be present.
 * @param weights Optional multiplicities (see `assertScoredLabels`).
 * @param options See `OperatingPointOptions`.
 * @throws {RangeError} When the inputs are invalid or a class is empty (see `rocCurve`).
 */
export function youdenThreshold(
  scores: Float64Array,
  labels: Uint8Array,
  weights?: Float64Array,
  options: OperatingPointOptions = {},
): OperatingPointChoice {
  return highestYouden(rocCurve(scores, labels, { weights, order: options.order }));
}

/**
 * `youdenThreshold` without its checks, for a loop (a bootstrap) that validated its inputs once
 * (see `thresholdForTargetFprUnchecked`). Gives exactly the point of `youdenThreshold` on valid
 * inputs.
 *
 * @param order `descendingOrder(scores)`, or any order listing the scores from highest to lowest.
 * @throws {RangeError} When a class is empty (after weighting), as `rocCurve`.
 */
export function youdenThresholdUnchecked(
  scores: Float64Array,
  labels: Uint8Array,
  weights: Float64Array | undefined,
  order: Int32Array,
): OperatingPointChoice {
  return highestYouden(rocCurveUnchecked(scores, labels, order, false, weights));
}

function highestYouden(curve: RocCurve): OperatingPointChoice {
  let best = 1;
  let bestGain = -Infinity;
  for (let p = 1; p < curve.fpr.length; p++) {
    const gain =
      curve.truePositives[p]! * curve.negatives - curve.falsePositives[p]! * curve.positives;
    if (gain > bestGain) {
      best = p;
      bestGain = gain;
    }
  }
  return pointOf(curve, best);
}

function pointOf(curve: RocCurve, p: number): OperatingPointChoice {
  return { threshold: curve.thresholds[p]!, fpr: curve.fpr[p]!, tpr: curve.tpr[p]! };
}
