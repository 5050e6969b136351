/**
 * One evaluation of a target: choose the operating point on the whole (weighted) sample, then
 * compute every group's metrics and disparities at it, into the slots of a {@link metricLayout}.
 *
 * The evaluation reads the target's {@link ScoreCells} with a weight per cell: the cells' sizes
 * give the point estimate, and the counts a resample drew from each cell give a bootstrap
 * replicate. It sums the classes, chooses the operating point (cell-operating-point.ts), then
 * sweeps each group's cells once in decreasing score order (cell-sweeps.ts): a replicate costs
 * O(cells × attributes) with no sorting and no copying.
 *
 * Statistics, per group with weighted positives P, negatives N and, at the threshold t (predict
 * positive when score ≥ t), true and false positives TP, FP:
 * - `auc`: the Mann–Whitney form of the ROC AUC, ties counted one half (as scikit-learn's
 *   `roc_auc_score`, whose trapezoids compute the same area), Σ_neg (P above + ½ P tied) / (P N);
 * - `tpr` TP/P, `fnr` (P − TP)/P, `fpr` FP/N, `tnr` (N − FP)/N, `ppv` TP/(TP + FP),
 *   `npv` TN/(TN + FN), `prevalence` P/(P + N), `youden` tpr − fpr;
 * - `brier`: the mean of (score − label)², as scikit-learn's `brier_score_loss`;
 * - `ece`: the expected calibration error over equal-width bins of [0, 1],
 *   Σ_bins (n_b / n) |mean label_b − mean score_b|, with the bins of scikit-learn's
 *   `calibration_curve(strategy='uniform')` (edges `linspace(0, 1, bins + 1)`, a score on an
 *   inner edge in the lower bin).
 * The last two only when the target's scores are probabilities (see `calibration`); NaN marks an
 * undefined value.
 */
import type { CellCounts } from './cell-counts.ts';
import {
  closestToTarget,
  countAtOrAbove,
  countsAtThreshold,
  createSteps,
  pointOnSteps,
  writeSteps,
  type Point,
} from './cell-operating-point.ts';
import { createGroupSums, groupCells, sweepGroup, type GroupSums } from './cell-sweeps.ts';
import { BASE_METRICS, baseSlotIndex, type BaseMetric, type MetricSlot } from './metric-layout.ts';
import type { ScoreCells } from './score-cells.ts';
import type { OperatingPointSpec } from './spec.ts';

export interface CellEvaluation {
  /** The layout's values; NaN where a statistic is undefined. */
  values: Float64Array;
  /** The operating point on the whole sample, or null when a class is empty. */
  point: { threshold: number; fpr: number; tpr: number } | null;
}

/**
 * A function of the weights of the cells: non-negative integer counts (rows drawn from each
 * cell, or the cells' sizes), not checked.
 */
export type CellEvaluator = (counts: CellCounts, out?: Float64Array) => CellEvaluation;

/**
 * Prepares an evaluator for repeated use on one target's cells (buffers allocated once).
 *
 * @param cells The target's cells.
 * @param groupCount The number of groups of the layout (the whole sample is group 0).
 * @param slots The layout.
 * @param policy How the operating point is chosen on the whole sample.
 * @param calibrationBins The number of equal-width bins of the expected calibration error, or
 *   null when the scores are not probabilities (Brier score and ECE are then undefined).
 * @returns The evaluator: `out`, when given, receives the values (length `slots.length`).
 *   Inside a replicate, an infinite threshold is used as it is (nothing predicted positive), as
 *   the study's code did; only the point estimate refuses it.
 * @throws {RangeError} When the policy or the bins are invalid, or the cells are not in
 *   decreasing score order.
 */
export function createCellEvaluator(
  cells: ScoreCells,
  groupCount: number,
  slots: readonly MetricSlot[],
  policy: OperatingPointSpec,
  calibrationBins: number | null,
): CellEvaluator {
  assertPolicy(policy);
  assertDecreasingScores(cells.score);
  if (calibrationBins !== null && !(Number.isSafeInteger(calibrationBins) && calibrationBins > 0)) {
    throw new RangeError(`calibrationBins: expected a positive integer, got ${calibrationBins}`);
  }

  const bins = calibrationBins ?? 0;
  const lists = groupCells(
    cells,
    groupCount,
    calibrationBins === null ? null : calibrationBinOf(cells.score, calibrationBins),
    bins,
  );
  const sums = createGroupSums(groupCount, bins);
  const scratch = new Float64Array(6);
  const steps =
    policy.policy === 'youden' ||
    (policy.policy === 'target-fpr' && policy.convention === 'reference')
      ? createSteps(cells)
      : null;
  // A fixed threshold cuts the cells at the same place in every evaluation.
  const fixedCut =
    policy.policy === 'threshold' ? countAtOrAbove(cells.score, cells.count, policy.threshold) : -1;
  const slotOf = baseSlotIndex(slots);
  // writeMetrics reads these in BASE_METRICS order (auc, tpr, …, ece).
  const baseSlots = BASE_METRICS.map((name) =>
    Int32Array.from({ length: groupCount }, (_, group) => slotOf(group, name)),
  );
  const disparities = disparitySlots(slots, slotOf);

  return (counts, out) => {
    const values = out ?? new Float64Array(slots.length);
    values.fill(NaN);

    // The whole sample first: its class totals decide the operating point. Its true and false
    // positives come from the sweep only under a fixed threshold; otherwise from the point.
    sweepGroup(counts, lists, 0, fixedCut < 0 ? cells.count : fixedCut, sums);
    const positives = sums.positives[0]!;
    const negatives = sums.negatives[0]!;
    if (positives === 0 || negatives === 0) return { values, point: null };

    let point: Point;
    if (steps !== null) {
      steps.positives = positives;
      steps.negatives = negatives;
      writeSteps(cells, counts, steps);
      point = pointOnSteps(steps, policy.policy === 'target-fpr' ? policy.targetFpr : 'youden');
      countsAtThreshold(steps, point.threshold, scratch);
      sums.falsePositives[0] = scratch[0]!;
      sums.truePositives[0] = scratch[1]!;
    } else if (policy.policy === 'target-fpr') {
      point = closestToTarget(cells, counts, policy.targetFpr, positives, negatives, scratch);
      sums.falsePositives[0] = scratch[4]!;
      sums.truePositives[0] = scratch[5]!;
    } else {
      point = {
        threshold: (policy as { threshold: number }).threshold,
        fpr: sums.falsePositives[0]! / negatives,
        tpr: sums.truePositives[0]! / positives,
      };
    }

    const cut = fixedCut < 0 ? countAtOrAbove(cells.score, cells.count, point.threshold) : fixedCut;
    for (let group = 1; group < groupCount; group += 1) {
      sweepGroup(counts, lists, group, cut, sums);
    }
    writeMetrics(values, sums, baseSlots, calibrationBins);
    writeDisparities(values, disparities);
    return { values, point };
  };
}

/** Each group's base metrics from the accumulated sums (NaN where undefined). */
function writeMetrics(
  values: Float64Array,
  acc: GroupSums,
  baseSlots: readonly Int32Array[],
  calibrationBins: number | null,
): void {
  const [auc, tpr, fpr, tnr, fnr, ppv, npv, prevalence, youden, brier, ece] = baseSlots as [
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
  ];
  for (let group = 0; group < acc.positives.length; group += 1) {
    const p = acc.positives[group]!;
    const n = acc.negatives[group]!;
    const tp = acc.truePositives[group]!;
    const fp = acc.falsePositives[group]!;
    const tn = n - fp;
    const fn = p - tp;
    const total = p + n;

    values[auc[group]!] = p > 0 && n > 0 ? acc.aucSum[group]! / (p * n) : NaN;
    values[tpr[group]!] = p > 0 ? tp / p : NaN;
    values[fpr[group]!] = n > 0 ? fp / n : NaN;
    values[tnr[group]!] = n > 0 ? tn / n : NaN;
    values[fnr[group]!] = p > 0 ? fn / p : NaN;
    values[ppv[group]!] = tp + fp > 0 ? tp / (tp + fp) : NaN;
    values[npv[group]!] = tn + fn > 0 ? tn / (tn + fn) : NaN;
    values[prevalence[group]!] = total > 0 ? p / total : NaN;
    values[youden[group]!] = p > 0 && n > 0 ? tp / p - fp / n : NaN;
    if (calibrationBins === null || total === 0) continue;

    values[brier[group]!] = acc.squaredError[group]! / total;
    let gap = 0;
    for (let bin = 0; bin < calibrationBins; bin += 1) {
      gap += Math.abs(acc.binGap[group * calibrationBins + bin]!);
    }
    values[ece[group]!] = gap / total;
  }
}

interface DisparitySlots {
  position: Int32Array;
  own: Int32Array;
  reference: Int32Array;
  ratio: Uint8Array;
}

function disparitySlots(
  slots: readonly MetricSlot[],
  slotOf: (group: number, name: BaseMetric) => number,
): DisparitySlots {
  const entries = slots.flatMap((slot, position) =>
    slot.kind === 'base'
      ? []
      : [
          {
            position,
            own: slotOf(slot.group, slot.of),
            reference: slotOf(slot.reference, slot.of),
            ratio: slot.kind === 'ratio' ? 1 : 0,
          },
        ],
  );
  return {
    position: Int32Array.from(entries, (entry) => entry.position),
    own: Int32Array.from(entries, (entry) => entry.own),
    reference: Int32Array.from(entries, (entry) => entry.reference),
    ratio: Uint8Array.from(entries, (entry) => entry.ratio),
  };
}

function writeDisparities(values: Float64Array, slots: DisparitySlots): void {
  for (let k = 0; k < slots.position.length; k += 1) {
    const own = values[slots.own[k]!]!;
    const reference = values[slots.reference[k]!]!;
    values[slots.position[k]!] =
      slots.ratio[k] === 0 ? own - reference : reference === 0 ? NaN : own / reference;
  }
}

/**
 * The bin of each cell's score among `bins` equal-width bins of [0, 1], as scikit-learn's
 * `calibration_curve` assigns it: `searchsorted(edges[1:-1], score)` with numpy's
 * `linspace(0, 1, bins + 1)` edges (edge i is i × (1 / bins)), so a score equal to an inner
 * edge falls in the bin below it.
 */
export function calibrationBinOf(scores: Float64Array, bins: number): Int32Array {
  const step = 1 / bins;
  const inner = new Float64Array(bins - 1);
  for (let index = 0; index < inner.length; index += 1) inner[index] = (index + 1) * step;
  const binOf = new Int32Array(scores.length);
  for (let at = 0; at < scores.length; at += 1) {
    let bin = 0;
    while (bin < inner.length && inner[bin]! < scores[at]!) bin += 1;
    binOf[at] = bin;
  }
  return binOf;
}

function assertDecreasingScores(scores: Float64Array): void {
  for (let cell = 1; cell < scores.length; cell += 1) {
    if (!(scores[cell]! <= scores[cell - 1]!)) {
      throw new RangeError(`cells.score[${cell}]: scores must be finite and decreasing`);
    }
  }
}

// The checks of the policy, made once.
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
