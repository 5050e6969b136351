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
  const lists = groupCells(cells, groupCount);
  const positive = Float64Array.from(cells.label);
  const steps = createSteps(cells.blockStart.length - 1);
  const slotOf = baseSlotIndex(slots);
  const baseSlots = BASE_ORDER.map((name) =>
    Int32Array.from({ length: groupCount }, (_, group) => slotOf(group, name)),
  );
  const disparities = disparitySlots(slots, slotOf);

  return (counts, out) => {
    const values = out ?? new Float64Array(slots.length);
    values.fill(NaN);

    const { sweep } = accumulators;
    steps.count = sweepWholeSample(cells, counts, positive, steps, sweep);
    accumulators.positives[0] = steps.positives = sweep[0]!;
    accumulators.negatives[0] = steps.negatives = sweep[1]!;
    accumulators.aucSum[0] = sweep[2]!;
    const point = chooseThreshold(steps, policy);
    if (point === null) return { values, point };

    wholeSamplePredicted(steps, point.threshold, accumulators);
    sweepGroups(counts, positive, lists, firstBelow(cells.score, point.threshold), accumulators);
    if (calibration !== null) {
      comboCalibration(counts, calibration, accumulators);
      groupCalibration(cells, accumulators);
    }
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
  squaredError: Float64Array;
  /** Per group and bin (group × bins + bin): Σ (label − score), whose size is n_b × the gap. */
  binGap: Float64Array;
  /**
   * The calibration sums per group combination (and bin), summed into the groups' after the
   * pass: one update per cell instead of one per group.
   */
  comboSquaredError: Float64Array;
  comboBinGap: Float64Array;
  /** A sweep's running sums: positives, negatives, AUC sum (see {@link sweepCells}). */
  sweep: Float64Array;
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
    squaredError: perGroup(),
    binGap: new Float64Array(groups * bins),
    comboSquaredError: new Float64Array(combos),
    comboBinGap: new Float64Array(combos * bins),
    sweep: new Float64Array(3),
  };
}

/**
 * The cells of each group, so that a group is swept on its own in a tight loop (one gather per
 * cell, no branch on the label) rather than every cell updating each of its groups in turn:
 * the evaluation spent most of its time in that inner loop.
 */
interface GroupCells {
  /** The cells of group g in cell order (decreasing score); group 0's are all cells. */
  members: Int32Array[];
  /**
   * Where each run of equal scores starts in `members[g]`, then its length; null when the
   * group has no two cells of one score (every run is one cell, and the sweep needs no runs).
   */
  runs: (Int32Array | null)[];
}

function groupCells(cells: ScoreCells, groupCount: number): GroupCells {
  const { combo, comboStart, comboGroups, score } = cells;
  const sizes = new Int32Array(groupCount);
  for (let cell = 0; cell < cells.count; cell += 1) {
    for (let j = comboStart[combo[cell]!]!; j < comboStart[combo[cell]! + 1]!; j += 1) {
      sizes[comboGroups[j]!]! += 1;
    }
  }
  const members = Array.from(sizes, (size) => new Int32Array(size));
  const filled = new Int32Array(groupCount);
  for (let cell = 0; cell < cells.count; cell += 1) {
    for (let j = comboStart[combo[cell]!]!; j < comboStart[combo[cell]! + 1]!; j += 1) {
      const group = comboGroups[j]!;
      members[group]![filled[group]!++] = cell;
    }
  }

  const runs = members.map((list) => {
    const starts: number[] = [];
    for (let at = 0; at < list.length; at += 1) {
      if (at === 0 || score[list[at]!] !== score[list[at - 1]!]) starts.push(at);
    }
    if (starts.length === list.length) return null;
    starts.push(list.length);
    return Int32Array.from(starts);
  });
  return { members, runs };
}

/**
 * Per cell: score − label and its square; and the cells in order of combination and bin, so
 * that each (combination, bin) sum is a tight loop over a segment (a single pass updating the
 * sums cell by cell waited on its own stores whenever neighbouring cells shared a combination).
 */
interface CalibrationTerms {
  error: Float64Array;
  squaredError: Float64Array;
  /**
   * The cells by combination, then by decreasing bin (bins fall as scores do), then in cell
   * order: so each combination's cells stay in cell order, and its sums add the same terms in
   * the same order as a pass over the cells would.
   */
  cells: Int32Array;
  /** Where the segment of combination c and bin b starts in `cells`: entry c × bins + (bins − 1 − b). */
  segmentStart: Int32Array;
}

function calibrationTerms(cells: ScoreCells, bins: number): CalibrationTerms {
  const error = Float64Array.from(cells.score, (score, cell) => score - cells.label[cell]!);
  const bin = calibrationBinOf(cells.score, bins);
  const segments = (cells.comboStart.length - 1) * bins;
  const segmentOf = (cell: number) => cells.combo[cell]! * bins + (bins - 1 - bin[cell]!);
  const segmentStart = new Int32Array(segments + 1);
  for (let cell = 0; cell < cells.count; cell += 1) segmentStart[segmentOf(cell) + 1]! += 1;
  for (let segment = 0; segment < segments; segment += 1) {
    segmentStart[segment + 1]! += segmentStart[segment]!;
  }
  const ordered = new Int32Array(cells.count);
  const filled = segmentStart.slice(0, segments);
  for (let cell = 0; cell < cells.count; cell += 1) ordered[filled[segmentOf(cell)]!++] = cell;
  return {
    error,
    squaredError: error.map((value) => value * value),
    cells: ordered,
    segmentStart,
  };
}

/**
 * Sweeps cells `members[from .. to)` of one group in order, adding to `sums` (positives,
 * negatives, AUC sum) as each cell's weight comes in: a negative gains the positives before it.
 * Only for a group whose cells all have distinct scores (no ties to share).
 *
 * Branch-free on the label (`positive` is 1 or 0 per cell): a weight w adds w × positive to the
 * positives and the rest to the negatives. Every term is an integer or a half, so the sums are
 * exact and do not depend on how the cells are grouped into sweeps.
 */
function sweepCells(
  counts: Float64Array,
  positive: Float64Array,
  members: Int32Array,
  from: number,
  to: number,
  sums: Float64Array,
): void {
  let positives = sums[0]!;
  let negatives = sums[1]!;
  let aucSum = sums[2]!;
  for (let at = from; at < to; at += 1) {
    const cell = members[at]!;
    const weight = counts[cell]!;
    const positiveWeight = weight * positive[cell]!;
    aucSum += (weight - positiveWeight) * positives;
    positives += positiveWeight;
    negatives += weight - positiveWeight;
  }
  sums[0] = positives;
  sums[1] = negatives;
  sums[2] = aucSum;
}

/**
 * As {@link sweepCells} over runs `from .. to − 1` of equal scores: a run's negatives gain the
 * positives before the run and half of those in it.
 */
function sweepRuns(
  counts: Float64Array,
  positive: Float64Array,
  members: Int32Array,
  runs: Int32Array,
  from: number,
  to: number,
  sums: Float64Array,
): void {
  let positives = sums[0]!;
  let negatives = sums[1]!;
  let aucSum = sums[2]!;
  for (let run = from; run < to; run += 1) {
    let runPositives = 0;
    let runWeight = 0;
    const end = runs[run + 1]!;
    for (let at = runs[run]!; at < end; at += 1) {
      const cell = members[at]!;
      const weight = counts[cell]!;
      runPositives += weight * positive[cell]!;
      runWeight += weight;
    }
    const runNegatives = runWeight - runPositives;
    aucSum += runNegatives * (positives + 0.5 * runPositives);
    positives += runPositives;
    negatives += runNegatives;
  }
  sums[0] = positives;
  sums[1] = negatives;
  sums[2] = aucSum;
}

/**
 * Sweeps every cell for the whole sample (group 0), adding to `sums` (positives, negatives, AUC
 * sum) as {@link sweepRuns} does with the blocks of tied scores as runs, and writes the ROC
 * steps: the running class totals after each block that has a drawn cell.
 *
 * @returns The number of steps written.
 */
function sweepWholeSample(
  cells: ScoreCells,
  counts: Float64Array,
  positive: Float64Array,
  steps: RocSteps,
  sums: Float64Array,
): number {
  return cells.blockStart.length - 1 < cells.count
    ? sweepBlocks(cells.score, cells.blockStart, counts, positive, steps, sums)
    : sweepDistinctScores(cells.score, counts, positive, steps, sums);
}

function sweepBlocks(
  score: Float64Array,
  blockStart: Int32Array,
  counts: Float64Array,
  positive: Float64Array,
  steps: RocSteps,
  sums: Float64Array,
): number {
  const { thresholds, falsePositives, truePositives } = steps;
  let positives = 0;
  let negatives = 0;
  let aucSum = 0;
  let count = 0;
  const blocks = blockStart.length - 1;
  for (let block = 0; block < blocks; block += 1) {
    let blockPositives = 0;
    let blockWeight = 0;
    const end = blockStart[block + 1]!;
    for (let cell = blockStart[block]!; cell < end; cell += 1) {
      const weight = counts[cell]!;
      blockPositives += weight * positive[cell]!;
      blockWeight += weight;
    }
    const blockNegatives = blockWeight - blockPositives;
    aucSum += blockNegatives * (positives + 0.5 * blockPositives);
    positives += blockPositives;
    negatives += blockNegatives;
    // Written every time, kept (counted) only when the block was drawn: `+(w > 0)` compiles to
    // a flag rather than a branch, which was mispredicted for a third of the cells.
    thresholds[count] = score[blockStart[block]!]!;
    falsePositives[count] = negatives;
    truePositives[count] = positives;
    count += +(blockWeight > 0);
  }
  // Only typed-array stores after the loop: V8 (Node 20) compiles such a long loop while it
  // runs (on-stack replacement) without feedback for the code after it, and bailed out there
  // on every call when it held property stores or calls.
  sums[0] = positives;
  sums[1] = negatives;
  sums[2] = aucSum;
  return count;
}

// sweepBlocks when every block is one cell.
function sweepDistinctScores(
  score: Float64Array,
  counts: Float64Array,
  positive: Float64Array,
  steps: RocSteps,
  sums: Float64Array,
): number {
  const { thresholds, falsePositives, truePositives } = steps;
  let positives = 0;
  let negatives = 0;
  let aucSum = 0;
  let count = 0;
  for (let cell = 0; cell < counts.length; cell += 1) {
    const weight = counts[cell]!;
    const positiveWeight = weight * positive[cell]!;
    aucSum += (weight - positiveWeight) * positives;
    positives += positiveWeight;
    negatives += weight - positiveWeight;
    thresholds[count] = score[cell]!;
    falsePositives[count] = negatives;
    truePositives[count] = positives;
    count += +(weight > 0);
  }
  sums[0] = positives;
  sums[1] = negatives;
  sums[2] = aucSum;
  return count;
}

/**
 * Every group g ≥ 1: class totals, AUC sum, and its true and false positives (the totals over
 * its cells before `cut`, the first cell predicted negative, which starts a block).
 */
function sweepGroups(
  counts: Float64Array,
  positive: Float64Array,
  lists: GroupCells,
  cut: number,
  acc: Accumulators,
): void {
  const { sweep } = acc;
  for (let group = 1; group < acc.groups; group += 1) {
    const members = lists.members[group]!;
    const runs = lists.runs[group]!;
    const cutAt = lowerBound(members, 0, members.length, cut);
    sweep.fill(0);
    if (runs === null) {
      sweepCells(counts, positive, members, 0, cutAt, sweep);
      acc.truePositives[group] = sweep[0]!;
      acc.falsePositives[group] = sweep[1]!;
      sweepCells(counts, positive, members, cutAt, members.length, sweep);
    } else {
      // A cut at a block boundary is at a run boundary of every group.
      const cutRun = lowerBound(runs, 0, runs.length - 1, cutAt);
      sweepRuns(counts, positive, members, runs, 0, cutRun, sweep);
      acc.truePositives[group] = sweep[0]!;
      acc.falsePositives[group] = sweep[1]!;
      sweepRuns(counts, positive, members, runs, cutRun, runs.length - 1, sweep);
    }
    acc.positives[group] = sweep[0]!;
    acc.negatives[group] = sweep[1]!;
    acc.aucSum[group] = sweep[2]!;
  }
}

/** The first position in `sorted[from .. to)` (increasing) holding a value ≥ `value`. */
function lowerBound(sorted: Int32Array, from: number, to: number, value: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The whole sample's true and false positives at a threshold: those of its last step ≥ it. */
function wholeSamplePredicted(steps: WholeSampleSteps, threshold: number, acc: Accumulators): void {
  let low = 0;
  let high = steps.count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (steps.thresholds[middle]! >= threshold) low = middle + 1;
    else high = middle;
  }
  acc.truePositives[0] = low === 0 ? 0 : steps.truePositives[low - 1]!;
  acc.falsePositives[0] = low === 0 ? 0 : steps.falsePositives[low - 1]!;
}

/** Every combination's calibration sums, segment by segment. */
function comboCalibration(
  counts: Float64Array,
  calibration: CalibrationTerms,
  acc: Accumulators,
): void {
  const { comboSquaredError, comboBinGap, bins } = acc;
  const { squaredError, error, cells, segmentStart } = calibration;
  const combos = comboSquaredError.length;
  for (let combo = 0; combo < combos; combo += 1) {
    let squares = 0;
    for (let bin = bins - 1; bin >= 0; bin -= 1) {
      const segment = combo * bins + (bins - 1 - bin);
      const end = segmentStart[segment + 1]!;
      let gap = 0;
      for (let at = segmentStart[segment]!; at < end; at += 1) {
        const cell = cells[at]!;
        const weight = counts[cell]!;
        squares += weight * squaredError[cell]!;
        gap -= weight * error[cell]!;
      }
      comboBinGap[combo * bins + bin] = gap;
    }
    comboSquaredError[combo] = squares;
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
// counts, ties to fewer false positives, then to more true positives. The false positives never
// fall from step to step and the true positives rise within a run of equal false positives, so
// the choice is the last step at or below the target or the last of the first count above it,
// found by binary search rather than by reading every step.
function closestFalsePositives(steps: WholeSampleSteps, targetFpr: number): Point {
  const target = targetFpr * steps.negatives;
  const fp = steps.falsePositives;
  const below = lastAtMost(fp, steps.count, target);
  if (below + 1 === steps.count) return stepPoint(steps, below);
  const above = lastAtMost(fp, steps.count, fp[below + 1]!);
  const belowDistance = below < 0 ? target : target - fp[below]!;
  return stepPoint(steps, fp[above]! - target < belowDistance ? above : below);
}

/** The last index below `count` whose (non-decreasing) value is ≤ `value`, or −1. */
function lastAtMost(sorted: Float64Array, count: number, value: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low - 1;
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
