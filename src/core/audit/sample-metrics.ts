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
  assertDescendingOrder,
  assertScoredLabels,
  confusionAtThreshold,
  confusionAtThresholdUnchecked,
  falsePositiveRate,
  positivePredictiveValue,
  rocAucUnchecked,
  thresholdForTargetFprUnchecked,
  truePositiveRate,
  youdenIndex,
  youdenThresholdUnchecked,
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
 * The sample is validated here, once (finite scores, 0/1 labels, `order` sorting the scores),
 * so that every evaluation can use the statistics' unchecked forms: a bootstrap calls the
 * evaluator thousands of times, and the per-call checks used to cost more than the statistics.
 *
 * Weights are indexed by score rank, not by row: `weights[k]` is the multiplicity of row
 * `order[k]` (see {@link scoreRanks}), so that gathering a group reads them in sequence.
 *
 * @returns a function of the weights (one per row by score rank, finite non-negative
 *   multiplicities; not checked) giving a fresh {@link SampleEvaluation}. Inside a
 *   replicate, an infinite threshold is used as it is (nothing predicted positive), as the
 *   study's code did; only the point estimate refuses it.
 * @throws {RangeError|TypeError} When the sample is invalid (see `assertScoredLabels`,
 *   `assertDescendingOrder`).
 */
export function createSampleEvaluator(
  sample: TargetSample,
  slots: readonly MetricSlot[],
  policy: OperatingPointSpec,
): (weights: Float64Array) => SampleEvaluation {
  assertScoredLabels(sample.scores, sample.labels);
  assertDescendingOrder(sample.order, sample.scores);
  assertPolicy(policy);
  const n = sample.scores.length;
  const rankOf = scoreRanks(sample.order);
  const sorted = sample.groupRows.map((rows) => sortedGroup(sample, rows, rankOf));
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

    for (let group = 0; group < sorted.length; group += 1) {
      const drawn = gather(sorted[group]!, weights, buffers);
      if (group === 0) {
        point = chooseThreshold(drawn.scores, drawn.labels, drawn.weights, drawn.order, policy);
        if (point === null) return { values, point };
      }
      const auc = rocAucUnchecked(drawn.scores, drawn.labels, drawn.weights, drawn.order);
      const confusion = confusionAtThresholdUnchecked(
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

/** A group's rows, by decreasing score: their ranks in `order`, scores and labels. */
interface SortedGroup {
  ranks: Int32Array;
  scores: Float64Array;
  labels: Uint8Array;
}

// Copied once, so that gathering a replicate reads scores, labels and weights in sequence.
function sortedGroup(sample: TargetSample, rows: Int32Array, rankOf: Int32Array): SortedGroup {
  const ranks = new Int32Array(rows.length);
  const scores = new Float64Array(rows.length);
  const labels = new Uint8Array(rows.length);
  for (let k = 0; k < rows.length; k += 1) {
    ranks[k] = rankOf[rows[k]!]!;
    scores[k] = sample.scores[rows[k]!]!;
    labels[k] = sample.labels[rows[k]!]!;
  }
  return { ranks, scores, labels };
}

/**
 * The rank of each row in `order` (its position by decreasing score), the index in which an
 * evaluator takes its weights.
 */
export function scoreRanks(order: Int32Array): Int32Array {
  const rankOf = new Int32Array(order.length);
  for (let k = 0; k < order.length; k += 1) rankOf[order[k]!] = k;
  return rankOf;
}

/** The rows of a group with non-zero weight, in decreasing score order, as buffer views. */
function gather(group: SortedGroup, weights: Float64Array, buffers: Drawn): Drawn {
  const { ranks, scores, labels } = group;
  let size = 0;
  for (let k = 0; k < ranks.length; k += 1) {
    const weight = weights[ranks[k]!]!;
    if (weight === 0) continue;
    buffers.scores[size] = scores[k]!;
    buffers.labels[size] = labels[k]!;
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
 * class has no rows. Unchecked: the inputs are the evaluator's validated, gathered rows.
 */
function chooseThreshold(
  scores: Float64Array,
  labels: Uint8Array,
  weights: Float64Array,
  order: Int32Array,
  policy: OperatingPointSpec,
): { threshold: number; fpr: number; tpr: number } | null {
  if (policy.policy === 'threshold') {
    const confusion = confusionAtThresholdUnchecked(scores, labels, policy.threshold, weights);
    const fpr = falsePositiveRate(confusion);
    const tpr = truePositiveRate(confusion);
    return fpr === null || tpr === null ? null : { threshold: policy.threshold, fpr, tpr };
  }
  if (!hasBothClasses(labels, weights)) return null;
  return policy.policy === 'youden'
    ? youdenThresholdUnchecked(scores, labels, weights, order)
    : thresholdForTargetFprUnchecked(
        scores,
        labels,
        policy.targetFpr,
        policy.convention,
        weights,
        order,
      );
}

// The checks the unchecked threshold searches skip, made once.
function assertPolicy(policy: OperatingPointSpec): void {
  if (policy.policy === 'threshold' && Number.isNaN(policy.threshold)) {
    throw new RangeError('policy.threshold: expected a number, got NaN');
  }
  if (policy.policy !== 'target-fpr') return;
  if (!(policy.targetFpr >= 0 && policy.targetFpr <= 1)) {
    throw new RangeError(`policy.targetFpr: expected a number in [0, 1], got ${policy.targetFpr}`);
  }
  if (policy.convention !== 'full-curve' && policy.convention !== 'reference') {
    throw new RangeError(`policy.convention: unknown convention ${String(policy.convention)}`);
  }
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
