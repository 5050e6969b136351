/**
 * The passes of a {@link createCellEvaluator} evaluation over weighted cells: each group's cells
 * are swept on their own, in decreasing score order, in one tight loop per stretch.
 *
 * A sweep adds every cell's weight w to the group's running sums: w × label to the positives,
 * the rest to the negatives, and to the AUC sum the negatives' weight times the positives swept
 * before them (half for positives of the same score). No branch depends on the label, which
 * the processor could not predict. The sweep is cut into stretches at the operating point (the
 * running sums there are the true and false positives) and at the edges of the calibration bins
 * (each stretch's Σ w (score − label) and Σ w (score − label)² are a bin's calibration sums);
 * since the cells of a group are in score order, each bin is one stretch of them.
 *
 * Every weight is an integer count (rows drawn), so the positives, negatives and AUC sums are
 * integers or halves, exact in a double: they do not depend on how a sweep is cut.
 *
 * (The evaluator first updated, cell by cell, each of the cell's groups; the inner loop over a
 * cell's groups and the branch on its label cost more than the arithmetic.)
 */
import type { CellCounts } from './cell-counts.ts';
import type { ScoreCells } from './score-cells.ts';

/** Where each group's cells are, prepared once per target. */
export interface GroupCells {
  /** The cells of group g in cell order (decreasing score); group 0 (the whole sample): all. */
  members: Int32Array[];
  /**
   * Where each run of equal scores starts in `members[g]`, then its length; null when the
   * group has no two cells of one score (then every run is one cell and the sweep needs none).
   */
  runs: (Int32Array | null)[];
  /**
   * Per group, `bins + 1` positions in `members[g]`: stretch k (from entry k to entry k + 1)
   * holds the cells of calibration bin `bins − 1 − k` (bins fall as scores do). One stretch,
   * the whole group, when there are no bins.
   */
  binEdges: Int32Array[];
  /**
   * Per group, in the order of `members[g]`: each cell's label and score − label. Copies, so
   * that a sweep reads them in sequence and gathers only the counts from across the cells.
   */
  label: Uint8Array[];
  gap: Float64Array[];
}

/**
 * Lists each group's cells, runs of tied scores and calibration bins.
 *
 * @param cells The target's cells.
 * @param groupCount The number of groups (the whole sample is group 0).
 * @param binOfCell Each cell's calibration bin, or null for no calibration.
 * @param bins The number of bins (ignored without `binOfCell`).
 */
export function groupCells(
  cells: ScoreCells,
  groupCount: number,
  binOfCell: Int32Array | null,
  bins: number,
): GroupCells {
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

  // Plain loops below: typed-array `from` with a mapping function was the slowest part of
  // preparing an evaluator.
  const runs = members.map((list) => {
    let count = 0;
    for (let at = 0; at < list.length; at += 1) {
      if (at === 0 || score[list[at]!] !== score[list[at - 1]!]) count += 1;
    }
    if (count === list.length) return null;
    const starts = new Int32Array(count + 1);
    count = 0;
    for (let at = 0; at < list.length; at += 1) {
      if (at === 0 || score[list[at]!] !== score[list[at - 1]!]) starts[count++] = at;
    }
    starts[count] = list.length;
    return starts;
  });

  const binEdges = members.map((list) => {
    if (binOfCell === null) return Int32Array.from([0, list.length]);
    // Edge k: how many of the group's cells lie in bins bins − k and above.
    const edges = new Int32Array(bins + 1);
    for (let at = 0; at < list.length; at += 1) edges[bins - binOfCell[list[at]!]!]! += 1;
    for (let k = 1; k <= bins; k += 1) edges[k]! += edges[k - 1]!;
    return edges;
  });

  const label = members.map((list) => {
    const copy = new Uint8Array(list.length);
    for (let at = 0; at < list.length; at += 1) copy[at] = cells.label[list[at]!]!;
    return copy;
  });
  const gap = members.map((list) => {
    const copy = new Float64Array(list.length);
    for (let at = 0; at < list.length; at += 1) {
      copy[at] = score[list[at]!]! - cells.label[list[at]!]!;
    }
    return copy;
  });
  return { members, runs, binEdges, label, gap };
}

/** A group's sums after a sweep. */
export interface GroupSums {
  positives: Float64Array;
  negatives: Float64Array;
  /** Σ over negatives of the positives above, plus half of those tied. */
  aucSum: Float64Array;
  /** At the operating point: the group's weight predicted positive, by class. */
  truePositives: Float64Array;
  falsePositives: Float64Array;
  /** Σ w (score − label)². */
  squaredError: Float64Array;
  /** Per group and bin (`group × bins + bin`): Σ w (label − score). */
  binGap: Float64Array;
  bins: number;
  /**
   * The running sums of one sweep: positives, negatives, AUC sum, then the current stretch's
   * Σ w (score − label) and Σ w (score − label)².
   */
  running: Float64Array;
}

export function createGroupSums(groups: number, bins: number): GroupSums {
  const perGroup = () => new Float64Array(groups);
  return {
    positives: perGroup(),
    negatives: perGroup(),
    aucSum: perGroup(),
    truePositives: perGroup(),
    falsePositives: perGroup(),
    squaredError: perGroup(),
    binGap: new Float64Array(groups * Math.max(bins, 1)),
    bins,
    running: new Float64Array(5),
  };
}

/**
 * Sweeps one group and writes its sums into `sums`.
 *
 * @param cut The first cell predicted negative (it starts a block of tied scores, so it is at
 *   a run boundary of every group).
 */
export function sweepGroup(
  counts: CellCounts,
  lists: GroupCells,
  group: number,
  cut: number,
  sums: GroupSums,
): void {
  const members = lists.members[group]!;
  const edges = lists.binEdges[group]!;
  const { running, bins } = sums;
  const cutAt = lowerBound(members, 0, members.length, cut);
  running.fill(0);
  let squares = 0;

  for (let k = 0; k + 1 < edges.length; k += 1) {
    const from = edges[k]!;
    const to = edges[k + 1]!;
    running[3] = 0;
    running[4] = 0;
    if (from <= cutAt && cutAt < to) {
      sweepStretch(counts, lists, group, from, cutAt, running);
      sums.truePositives[group] = running[0]!;
      sums.falsePositives[group] = running[1]!;
      sweepStretch(counts, lists, group, cutAt, to, running);
    } else {
      sweepStretch(counts, lists, group, from, to, running);
    }
    squares += running[4]!;
    if (bins > 0) sums.binGap[group * bins + (bins - 1 - k)] = -running[3]!;
  }
  if (cutAt === members.length) {
    sums.truePositives[group] = running[0]!;
    sums.falsePositives[group] = running[1]!;
  }
  sums.positives[group] = running[0]!;
  sums.negatives[group] = running[1]!;
  sums.aucSum[group] = running[2]!;
  sums.squaredError[group] = squares;
}

/** Sweeps positions `from .. to` of a group's cells with the loop that suits it. */
function sweepStretch(
  counts: CellCounts,
  lists: GroupCells,
  group: number,
  from: number,
  to: number,
  running: Float64Array,
): void {
  const runs = lists.runs[group]!;
  const label = lists.label[group]!;
  const gap = lists.gap[group]!;
  if (runs !== null) sweepRuns(counts, lists.members[group]!, label, gap, runs, from, to, running);
  else if (group === 0) sweepAllCells(counts, label, gap, from, to, running);
  else sweepCells(counts, lists.members[group]!, label, gap, from, to, running);
}

/** {@link sweepCells} for the whole sample, whose members are the cells themselves. */
function sweepAllCells(
  counts: CellCounts,
  label: Uint8Array,
  gap: Float64Array,
  from: number,
  to: number,
  running: Float64Array,
): void {
  let positives = running[0]!;
  let negatives = running[1]!;
  let aucSum = running[2]!;
  let error = running[3]!;
  let squares = running[4]!;
  for (let cell = from; cell < to; cell += 1) {
    const weight = counts[cell]!;
    const positiveWeight = weight * label[cell]!;
    aucSum += (weight - positiveWeight) * positives;
    positives += positiveWeight;
    negatives += weight - positiveWeight;
    const cellGap = gap[cell]!;
    error += weight * cellGap;
    squares += weight * (cellGap * cellGap);
  }
  running[0] = positives;
  running[1] = negatives;
  running[2] = aucSum;
  running[3] = error;
  running[4] = squares;
}

/**
 * Sweeps `members[from .. to)` of a group without tied scores. `running` as {@link GroupSums}.
 */
function sweepCells(
  counts: CellCounts,
  members: Int32Array,
  label: Uint8Array,
  gap: Float64Array,
  from: number,
  to: number,
  running: Float64Array,
): void {
  let positives = running[0]!;
  let negatives = running[1]!;
  let aucSum = running[2]!;
  let error = running[3]!;
  let squares = running[4]!;
  for (let at = from; at < to; at += 1) {
    const weight = counts[members[at]!]!;
    const positiveWeight = weight * label[at]!;
    aucSum += (weight - positiveWeight) * positives;
    positives += positiveWeight;
    negatives += weight - positiveWeight;
    const cellGap = gap[at]!;
    error += weight * cellGap;
    squares += weight * (cellGap * cellGap);
  }
  // Only typed-array stores after the loop: V8 (Node 20) compiles such a long loop while it
  // runs (on-stack replacement) without feedback for the code after it, and bailed out there
  // on every call when it held property stores or calls.
  running[0] = positives;
  running[1] = negatives;
  running[2] = aucSum;
  running[3] = error;
  running[4] = squares;
}

/**
 * As {@link sweepCells} over the runs of equal scores that start at `members[from .. to)`
 * (both at run boundaries): a run's negatives gain the positives before the run and half of
 * those in it.
 */
function sweepRuns(
  counts: CellCounts,
  members: Int32Array,
  label: Uint8Array,
  gap: Float64Array,
  runs: Int32Array,
  from: number,
  to: number,
  running: Float64Array,
): void {
  const lastRun = lowerBound(runs, 0, runs.length - 1, to);
  let positives = running[0]!;
  let negatives = running[1]!;
  let aucSum = running[2]!;
  let error = running[3]!;
  let squares = running[4]!;
  for (let run = lowerBound(runs, 0, runs.length - 1, from); run < lastRun; run += 1) {
    let runPositives = 0;
    let runWeight = 0;
    const end = runs[run + 1]!;
    for (let at = runs[run]!; at < end; at += 1) {
      const weight = counts[members[at]!]!;
      runPositives += weight * label[at]!;
      runWeight += weight;
      const cellGap = gap[at]!;
      error += weight * cellGap;
      squares += weight * (cellGap * cellGap);
    }
    const runNegatives = runWeight - runPositives;
    aucSum += runNegatives * (positives + 0.5 * runPositives);
    positives += runPositives;
    negatives += runNegatives;
  }
  running[0] = positives;
  running[1] = negatives;
  running[2] = aucSum;
  running[3] = error;
  running[4] = squares;
}

/** The first position in `sorted[from .. to)` (increasing) holding a value ≥ `value`. */
export function lowerBound(sorted: Int32Array, from: number, to: number, value: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
