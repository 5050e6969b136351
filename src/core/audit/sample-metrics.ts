/**
 * One evaluation of a target: choose the operating point on the whole (weighted) sample, then
 * compute every group's metrics and disparities at it, into the slots of a {@link metricLayout}.
 *
 * Weights are multiplicities, so the point estimate is the evaluation with every weight 1 and a
 * bootstrap replicate is the evaluation with the counts of a resample. The scores are sorted
 * once ({@link TargetSample.order}) and every statistic reuses that order, which keeps a
 * replicate at O(groups × rows) with no sorting.
 */
import {
  confusionAtThreshold,
  falsePositiveRate,
  positivePredictiveValue,
  rocAuc,
  thresholdForTargetFpr,
  truePositiveRate,
  youdenIndex,
  youdenThreshold,
  type Confusion,
} from '../stats/index.ts';
import { baseSlotIndex, type BaseMetric, type MetricSlot } from './metric-layout.ts';
import type { OperatingPointSpec } from './spec.ts';

export interface TargetSample {
  scores: Float64Array;
  labels: Uint8Array;
  /** `descendingOrder(scores)`. */
  order: Int32Array;
  /**
   * Per group of the layout (the whole sample first), the indices of its rows in `order`, that
   * is by decreasing score.
   */
  groupRows: Int32Array[];
}

export interface SampleEvaluation {
  /** The layout's values; NaN where a statistic is undefined. */
  values: Float64Array;
  /** The operating point on the whole sample, or null when a class is empty. */
  point: { threshold: number; fpr: number; tpr: number } | null;
}

/**
 * Prepares an evaluator for repeated use on one sample (buffers are allocated once).
 *
 * For each group, the rows of non-zero weight are gathered, already in decreasing score order,
 * into shared buffers, so every statistic runs on the group's drawn rows only and needs no sort.
 * The whole sample comes first and gives the operating point, which the other groups use.
 *
 * @returns a function of the weights (one per row, multiplicities) giving a fresh
 *   {@link SampleEvaluation}. Inside a replicate, an infinite threshold is used as it is
 *   (nothing predicted positive), as the study's code did; only the point estimate refuses it.
 */
export function createSampleEvaluator(
  sample: TargetSample,
  slots: readonly MetricSlot[],
  policy: OperatingPointSpec,
): (weights: Float64Array) => SampleEvaluation {
  const n = sample.scores.length;
  const buffers = {
    scores: new Float64Array(n),
    labels: new Uint8Array(n),
    weights: new Float64Array(n),
    order: Int32Array.from({ length: n }, (_, index) => index),
  };
  const slotOf = baseSlotIndex(slots);

  return (weights) => {
    const values = new Float64Array(slots.length).fill(NaN);
    let point: SampleEvaluation['point'] = null;

    for (let group = 0; group < sample.groupRows.length; group += 1) {
      const drawn = gather(sample, sample.groupRows[group]!, weights, buffers);
      if (group === 0) {
        point = chooseThreshold(drawn.scores, drawn.labels, drawn.weights, drawn.order, policy);
        if (point === null) return { values, point };
      }
      const auc = rocAuc(drawn.scores, drawn.labels, drawn.weights, { order: drawn.order });
      const confusion = confusionAtThreshold(
        drawn.scores,
        drawn.labels,
        point!.threshold,
        drawn.weights,
      );
      values[slotOf(group, 'auc')] = auc ?? NaN;
      values[slotOf(group, 'tpr')] = truePositiveRate(confusion) ?? NaN;
      values[slotOf(group, 'fpr')] = falsePositiveRate(confusion) ?? NaN;
      values[slotOf(group, 'youden')] = youdenIndex(confusion) ?? NaN;
      values[slotOf(group, 'ppv')] = positivePredictiveValue(confusion) ?? NaN;
    }
    fillDisparities(values, slots, slotOf);
    return { values, point };
  };
}

interface Drawn {
  scores: Float64Array;
  labels: Uint8Array;
  weights: Float64Array;
  order: Int32Array;
}

/** The rows of a group with non-zero weight, in decreasing score order, as buffer views. */
function gather(
  sample: TargetSample,
  rows: Int32Array,
  weights: Float64Array,
  buffers: Drawn,
): Drawn {
  let size = 0;
  for (let k = 0; k < rows.length; k += 1) {
    const row = rows[k]!;
    const weight = weights[row]!;
    if (weight === 0) continue;
    buffers.scores[size] = sample.scores[row]!;
    buffers.labels[size] = sample.labels[row]!;
    buffers.weights[size] = weight;
    size += 1;
  }
  return {
    scores: buffers.scores.subarray(0, size),
    labels: buffers.labels.subarray(0, size),
    weights: buffers.weights.subarray(0, size),
    order: buffers.order.subarray(0, size),
  };
}

/**
 * The operating point on the whole weighted sample, or null when it is undefined because a
 * class has no rows.
 */
export function chooseThreshold(
  scores: Float64Array,
  labels: Uint8Array,
  weights: Float64Array | undefined,
  order: Int32Array,
  policy: OperatingPointSpec,
): { threshold: number; fpr: number; tpr: number } | null {
  if (policy.policy === 'threshold') {
    const confusion = confusionAtThreshold(scores, labels, policy.threshold, weights);
    const fpr = falsePositiveRate(confusion);
    const tpr = truePositiveRate(confusion);
    return fpr === null || tpr === null ? null : { threshold: policy.threshold, fpr, tpr };
  }
  if (!hasBothClasses(labels, weights)) return null;
  return policy.policy === 'youden'
    ? youdenThreshold(scores, labels, weights, { order })
    : thresholdForTargetFpr(scores, labels, policy.targetFpr, policy.convention, weights, {
        order,
      });
}

function hasBothClasses(labels: Uint8Array, weights: Float64Array | undefined): boolean {
  let positives = 0;
  let negatives = 0;
  for (let i = 0; i < labels.length; i += 1) {
    const weight = weights === undefined ? 1 : weights[i]!;
    if (labels[i] === 1) positives += weight;
    else negatives += weight;
  }
  return positives > 0 && negatives > 0;
}

function fillDisparities(
  values: Float64Array,
  slots: readonly MetricSlot[],
  slotOf: (group: number, name: BaseMetric) => number,
): void {
  slots.forEach((slot, position) => {
    if (slot.kind === 'base') return;
    const own = values[slotOf(slot.group, slot.of)]!;
    const reference = values[slotOf(slot.reference, slot.of)]!;
    values[position] =
      slot.kind === 'difference' ? own - reference : reference === 0 ? NaN : own / reference;
  });
}

/** The confusion counts of one group at a threshold (for reasons and the predicted positives). */
export function groupConfusion(sample: TargetSample, group: number, threshold: number): Confusion {
  const weights = new Float64Array(sample.scores.length);
  for (const row of sample.groupRows[group]!) weights[row] = 1;
  return confusionAtThreshold(sample.scores, sample.labels, threshold, weights);
}
