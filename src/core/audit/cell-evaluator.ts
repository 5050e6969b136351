/**
 * One evaluation of a target: choose the operating point on the whole (weighted) sample, then
 * compute every group's metrics and disparities at it, into the slots of a {@link metricLayout}.
 *
 * The evaluation reads the target's {@link ScoreCells} with a weight per cell: the cells' sizes
 * give the point estimate, and the counts a resample drew from each cell give a bootstrap
 * replicate. Every group is computed in one pass over the cells in decreasing score order, so a
 * replicate costs O(cells × attributes) with no sorting and no copying per group.
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
import { closestToTargetFpr, rocCurveFromSteps, type RocSteps } from '../stats/index.ts';
import { baseSlotIndex, type BaseMetric, type MetricSlot } from './metric-layout.ts';
import type { ScoreCells } from './score-cells.ts';
import type { OperatingPointSpec } from './spec.ts';

export interface CellEvaluation {
  /** The layout's values; NaN where a statistic is undefined. */
  values: Float64Array;
  /** The operating point on the whole sample, or null when a class is empty. */
  point: { threshold: number; fpr: number; tpr: number } | null;
}

/** A function of the weights of the cells (finite non-negative counts, not checked). */
export type CellEvaluator = (counts: Float64Array, out?: Float64Array) => CellEvaluation;

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

  const combos = cells.comboStart.length - 1;
  const accumulators = createAccumulators(groupCount, combos, calibrationBins ?? 0);
  const calibration = calibrationBins === null ? null : calibrationTerms(cells, calibrationBins);
  const steps = createSteps(cells.blockStart.length - 1);
  const slotOf = baseSlotIndex(slots);
  const baseSlots = BASE_ORDER.map((name) =>
    Int32Array.from({ length: groupCount }, (_, group) => slotOf(group, name)),
  );
  const disparities = disparitySlots(slots, slotOf);

  return (counts, out) => {
    const values = out ?? new Float64Array(slots.length);
    values.fill(NaN);

    steps.count = accumulate(cells, counts, calibration, accumulators, steps);
    steps.positives = accumulators.positives[0]!;
    steps.negatives = accumulators.negatives[0]!;
    const point = chooseThreshold(steps, policy);
    if (point === null) return { values, point };

    countPredicted(cells, counts, firstBelow(cells.score, point.threshold), accumulators);
    if (calibration !== null) groupCalibration(cells, accumulators);
    writeMetrics(values, accumulators, baseSlots, calibrationBins);
    writeDisparities(values, disparities);
    return { values, point };
  };
}

/** The base metrics in the order {@link writeMetrics} fills them. */
const BASE_ORDER: readonly BaseMetric[] = [
  'auc',
  'tpr',
  'fpr',
  'tnr',
  'fnr',
  'ppv',
  'npv',
  'prevalence',
  'youden',
  'brier',
  'ece',
];

interface Accumulators {
  groups: number;
  bins: number;
  positives: Float64Array;
  negatives: Float64Array;
  /** Σ over negatives of the positives above it, plus half those tied with it. */
  aucSum: Float64Array;
  truePositives: Float64Array;
  falsePositives: Float64Array;
  /** Positives and negatives of the current block of tied scores, not yet added. */
  tiedPositives: Float64Array;
  tiedNegatives: Float64Array;
  squaredError: Float64Array;
  /** Per group and bin (group × bins + bin): Σ (label − score), whose size is n_b × the gap. */
  binGap: Float64Array;
  /**
   * The calibration sums per group combination (and bin), summed into the groups' after the
   * pass: one update per cell instead of one per group.
   */
  comboSquaredError: Float64Array;
  comboBinGap: Float64Array;
}

function createAccumulators(groups: number, combos: number, bins: number): Accumulators {
  const perGroup = () => new Float64Array(groups);
  return {
    groups,
    bins,
    positives: perGroup(),
    negatives: perGroup(),
    aucSum: perGroup(),
    truePositives: perGroup(),
    falsePositives: perGroup(),
    tiedPositives: perGroup(),
    tiedNegatives: perGroup(),
    squaredError: perGroup(),
    binGap: new Float64Array(groups * bins),
    comboSquaredError: new Float64Array(combos),
    comboBinGap: new Float64Array(combos * bins),
  };
}

/** Per cell: score − label, its square and the calibration bin of the score. */
interface CalibrationTerms {
  error: Float64Array;
  squaredError: Float64Array;
  bin: Int32Array;
}

function calibrationTerms(cells: ScoreCells, bins: number): CalibrationTerms {
  const error = Float64Array.from(cells.score, (score, cell) => score - cells.label[cell]!);
  return {
    error,
    squaredError: error.map((value) => value * value),
    bin: calibrationBinOf(cells.score, bins),
  };
}

/**
 * One pass over the cells: every group's class totals and AUC sum, the calibration sums when
 * `calibration` is given, and the whole sample's ROC steps (group 0's running class totals at
 * the end of each block with a drawn cell).
 *
 * @returns The number of steps written.
 */
function accumulate(
  cells: ScoreCells,
  counts: Float64Array,
  calibration: CalibrationTerms | null,
  acc: Accumulators,
  steps: RocSteps,
): number {
  const { label, score, combo, blockStart, comboStart, comboGroups } = cells;
  const { positives, negatives, aucSum, tiedPositives, tiedNegatives } = acc;
  const { comboSquaredError, comboBinGap, bins } = acc;
  const { thresholds, falsePositives, truePositives } = steps;
  positives.fill(0);
  negatives.fill(0);
  aucSum.fill(0);
  comboSquaredError.fill(0);
  comboBinGap.fill(0);

  let count = 0;
  const blocks = blockStart.length - 1;
  for (let block = 0; block < blocks; block += 1) {
    const first = blockStart[block]!;
    const end = blockStart[block + 1]!;
    const tied = end - first > 1;
    let drawn = false;

    for (let cell = first; cell < end; cell += 1) {
      const weight = counts[cell]!;
      if (weight === 0) continue;
      drawn = true;
      const positive = label[cell] === 1;
      const groupsEnd = comboStart[combo[cell]! + 1]!;
      for (let j = comboStart[combo[cell]!]!; j < groupsEnd; j += 1) {
        const group = comboGroups[j]!;
        if (tied) {
          // Held back until the block ends, then added with half credit for the ties.
          if (positive) tiedPositives[group]! += weight;
          else tiedNegatives[group]! += weight;
        } else if (positive) {
          positives[group]! += weight;
        } else {
          aucSum[group]! += weight * positives[group]!;
          negatives[group]! += weight;
        }
      }
      if (calibration === null) continue;

      const cellCombo = combo[cell]!;
      comboSquaredError[cellCombo]! += weight * calibration.squaredError[cell]!;
      comboBinGap[cellCombo * bins + calibration.bin[cell]!]! -= weight * calibration.error[cell]!;
    }
    if (!drawn) continue;
    if (tied) addTiedBlock(cells, first, end, acc);
    thresholds[count] = score[first]!;
    falsePositives[count] = negatives[0]!;
    truePositives[count] = positives[0]!;
    count += 1;
  }
  // Nothing but the return after the loop: V8 (Node 20) compiles such a long loop while it runs
  // (on-stack replacement) without feedback for the code after it, and bailed out there on
  // every call when it held property stores or calls.
  return count;
}

/** Every group's weighted true and false positives: the drawn cells before `cut`. */
function countPredicted(
  cells: ScoreCells,
  counts: Float64Array,
  cut: number,
  acc: Accumulators,
): void {
  const { label, combo, comboStart, comboGroups } = cells;
  const { truePositives, falsePositives } = acc;
  truePositives.fill(0);
  falsePositives.fill(0);
  for (let cell = 0; cell < cut; cell += 1) {
    const weight = counts[cell]!;
    if (weight === 0) continue;
    const sums = label[cell] === 1 ? truePositives : falsePositives;
    const groupsEnd = comboStart[combo[cell]! + 1]!;
    for (let j = comboStart[combo[cell]!]!; j < groupsEnd; j += 1) sums[comboGroups[j]!]! += weight;
  }
}

/** Sums the combinations' calibration terms into their groups'. */
function groupCalibration(cells: ScoreCells, acc: Accumulators): void {
  const { comboStart, comboGroups } = cells;
  const { squaredError, binGap, comboSquaredError, comboBinGap, bins } = acc;
  squaredError.fill(0);
  binGap.fill(0);
  for (let combo = 0; combo + 1 < comboStart.length; combo += 1) {
    for (let j = comboStart[combo]!; j < comboStart[combo + 1]!; j += 1) {
      const group = comboGroups[j]!;
      squaredError[group]! += comboSquaredError[combo]!;
      for (let bin = 0; bin < bins; bin += 1) {
        binGap[group * bins + bin]! += comboBinGap[combo * bins + bin]!;
      }
    }
  }
}

/** Adds a block's held-back classes: its negatives gain the positives above and half the tied. */
function addTiedBlock(cells: ScoreCells, first: number, end: number, acc: Accumulators): void {
  const { combo, comboStart, comboGroups } = cells;
  const { positives, negatives, aucSum, tiedPositives, tiedNegatives } = acc;
  for (let cell = first; cell < end; cell += 1) {
    const groupsEnd = comboStart[combo[cell]! + 1]!;
    for (let j = comboStart[combo[cell]!]!; j < groupsEnd; j += 1) {
      const group = comboGroups[j]!;
      const tiedPositive = tiedPositives[group]!;
      const tiedNegative = tiedNegatives[group]!;
      if (tiedPositive === 0 && tiedNegative === 0) continue;
      aucSum[group]! += tiedNegative * (positives[group]! + 0.5 * tiedPositive);
      positives[group]! += tiedPositive;
      negatives[group]! += tiedNegative;
      tiedPositives[group] = 0;
      tiedNegatives[group] = 0;
    }
  }
}

/** Each group's base metrics from the accumulated sums (NaN where undefined). */
function writeMetrics(
  values: Float64Array,
  acc: Accumulators,
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
  for (let group = 0; group < acc.groups; group += 1) {
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
  const inner = Float64Array.from({ length: bins - 1 }, (_, index) => (index + 1) * step);
  return Int32Array.from(scores, (score) => {
    let bin = 0;
    while (bin < inner.length && inner[bin]! < score) bin += 1;
    return bin;
  });
}

/** The first cell whose score is below the threshold (cells by decreasing score). */
function firstBelow(scores: Float64Array, threshold: number): number {
  let low = 0;
  let high = scores.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (scores[middle]! >= threshold) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Reusable buffers of the whole sample's ROC steps, with its class totals. */
interface WholeSampleSteps extends RocSteps {
  positives: number;
  negatives: number;
}

function createSteps(blocks: number): WholeSampleSteps {
  return {
    count: 0,
    thresholds: new Float64Array(blocks),
    falsePositives: new Float64Array(blocks),
    truePositives: new Float64Array(blocks),
    positives: 0,
    negatives: 0,
  };
}

type Point = { threshold: number; fpr: number; tpr: number };

/**
 * The operating point on the whole weighted sample, or null when it is undefined because a
 * class has no rows. The target-FPR search of the full-curve convention and the Youden search
 * run on the steps as they are; they choose as `thresholdForTargetFpr` and `youdenThreshold`
 * do (the same candidates, comparisons and tie rules). The reference convention builds
 * scikit-learn's reduced curve and uses the statistics module's own choice.
 */
function chooseThreshold(steps: WholeSampleSteps, policy: OperatingPointSpec): Point | null {
  const { positives, negatives } = steps;
  if (positives === 0 || negatives === 0) return null;

  switch (policy.policy) {
    case 'threshold':
      return pointAtThreshold(steps, policy.threshold);
    case 'youden':
      return highestYouden(steps);
    case 'target-fpr':
      return policy.convention === 'full-curve'
        ? closestFalsePositives(steps, policy.targetFpr)
        : closestToTargetFpr(rocCurveFromSteps(steps, true), policy.targetFpr, 'reference');
  }
}

function stepPoint(steps: WholeSampleSteps, step: number): Point {
  if (step < 0) return { threshold: Infinity, fpr: 0, tpr: 0 };
  return {
    threshold: steps.thresholds[step]!,
    fpr: steps.falsePositives[step]! / steps.negatives,
    tpr: steps.truePositives[step]! / steps.positives,
  };
}

// Rates at a fixed threshold: those of the last step at or above it (none: nothing predicted).
function pointAtThreshold(steps: WholeSampleSteps, threshold: number): Point {
  let step = -1;
  while (step + 1 < steps.count && steps.thresholds[step + 1]! >= threshold) step += 1;
  return { ...stepPoint(steps, step), threshold };
}

// Every distinct score and +Infinity (step −1) are candidates; the distance is compared in
// counts, ties to fewer false positives, then to more true positives.
function closestFalsePositives(steps: WholeSampleSteps, targetFpr: number): Point {
  const target = targetFpr * steps.negatives;
  let best = -1;
  let bestFp = 0;
  let bestTp = 0;
  let bestDistance = target;
  for (let step = 0; step < steps.count; step += 1) {
    const fp = steps.falsePositives[step]!;
    const tp = steps.truePositives[step]!;
    const distance = Math.abs(fp - target);
    if (
      distance < bestDistance ||
      (distance === bestDistance && (fp < bestFp || (fp === bestFp && tp > bestTp)))
    ) {
      best = step;
      bestFp = fp;
      bestTp = tp;
      bestDistance = distance;
    }
  }
  return stepPoint(steps, best);
}

// The first distinct score maximising TP × N − FP × P (J compared exactly).
function highestYouden(steps: WholeSampleSteps): Point {
  let best = 0;
  let bestGain = -Infinity;
  for (let step = 0; step < steps.count; step += 1) {
    const gain =
      steps.truePositives[step]! * steps.negatives - steps.falsePositives[step]! * steps.positives;
    if (gain > bestGain) {
      best = step;
      bestGain = gain;
    }
  }
  return stepPoint(steps, best);
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
