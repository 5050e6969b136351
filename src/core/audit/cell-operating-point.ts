/**
 * The operating point of an evaluation on the whole (weighted) sample, chosen from the cells as
 * `thresholdForTargetFpr` and `youdenThreshold` choose it from rows: the same candidates (every
 * distinct score drawn, and +Infinity), comparisons and tie rules.
 *
 * A point's "steps" are the whole sample's running true and false positives after each block of
 * tied scores that holds a drawn cell (weight > 0), in decreasing score order: the points of
 * the full ROC curve. The full-curve target-FPR search needs only the steps around the target,
 * which one sweep from the top finds without writing the others ({@link closestToTarget}); the
 * Youden search and scikit-learn's reduced curve (the reference convention) read all of them
 * ({@link WholeSampleSteps}).
 */
import type { CellCounts } from './cell-counts.ts';
import {
  closestToTargetFpr,
  rocCurveFromSteps,
  targetFalsePositives,
  type RocSteps,
} from '../stats/index.ts';
import type { ScoreCells } from './score-cells.ts';

export type Point = { threshold: number; fpr: number; tpr: number };

/**
 * The full-curve target-FPR point: the candidate whose false positives are closest to
 * `targetFpr × negatives` (as `targetFalsePositives` snaps it), ties to fewer false positives,
 * then to more true positives.
 *
 * The false positives never fall from step to step, and within a stretch of equal false
 * positives the true positives rise; so the choice is either the last step at or below the
 * target, or the last step of the first count above it. The sweep stops at the block after
 * that count.
 *
 * @param positives The whole sample's weight of positives (> 0).
 * @param negatives The whole sample's weight of negatives (> 0).
 * @param scratch Six entries; the chosen step's false and true positives are left in entries 4
 *   and 5.
 */
export function closestToTarget(
  cells: ScoreCells,
  counts: CellCounts,
  targetFpr: number,
  positives: number,
  negatives: number,
  scratch: Float64Array,
): Point {
  const { blockStart } = cells;
  const target = targetFalsePositives(targetFpr, negatives);
  const blocks = blockStart.length - 1;
  const block = sweepToTarget(cells, counts, target, scratch);
  const [falsePositives, truePositives, blockPositives, blockNegatives] = scratch as unknown as [
    number,
    number,
    number,
    number,
  ];

  const point = (step: number, fp: number, tp: number): Point => {
    scratch[4] = fp;
    scratch[5] = tp;
    return step < 0
      ? { threshold: Infinity, fpr: 0, tpr: 0 }
      : { threshold: cells.score[blockStart[step]!]!, fpr: fp / negatives, tpr: tp / positives };
  };
  const below = lastDrawnBlock(cells, counts, block - 1);
  if (block === blocks) return point(below, falsePositives, truePositives);

  // The block that passes the target, then those after it without negatives.
  const aboveFalsePositives = falsePositives + blockNegatives;
  let aboveTruePositives = truePositives + blockPositives;
  let end = block + 1;
  for (; end < blocks; end += 1) {
    let endPositives = 0;
    let endWeight = 0;
    for (let cell = blockStart[end]!; cell < blockStart[end + 1]!; cell += 1) {
      endPositives += counts[cell]! * cells.label[cell]!;
      endWeight += counts[cell]!;
    }
    if (endWeight - endPositives > 0) break;
    aboveTruePositives += endPositives;
  }
  const above = lastDrawnBlock(cells, counts, end - 1);
  // Step −1 (+Infinity) has no false positives: its distance is the target itself.
  return aboveFalsePositives - target < target - falsePositives
    ? point(above, aboveFalsePositives, aboveTruePositives)
    : point(below, falsePositives, truePositives);
}

/**
 * Sweeps the blocks from the top while the false positives stay at or below `target`.
 *
 * @returns The first block that would pass the target (or the number of blocks), with in
 *   `scratch` the true and false positives before it, then its own positives and negatives.
 */
function sweepToTarget(
  cells: ScoreCells,
  counts: CellCounts,
  target: number,
  scratch: Float64Array,
): number {
  const { blockStart, label } = cells;
  const blocks = blockStart.length - 1;
  const distinct = blocks === cells.count;
  let falsePositives = 0;
  let truePositives = 0;
  let blockPositives = 0;
  let blockNegatives = 0;
  let block = 0;
  for (; block < blocks; block += 1) {
    blockPositives = 0;
    let blockWeight = 0;
    if (distinct) {
      blockWeight = counts[block]!;
      blockPositives = blockWeight * label[block]!;
    } else {
      for (let cell = blockStart[block]!; cell < blockStart[block + 1]!; cell += 1) {
        blockPositives += counts[cell]! * label[cell]!;
        blockWeight += counts[cell]!;
      }
    }
    blockNegatives = blockWeight - blockPositives;
    if (falsePositives + blockNegatives > target) break;
    falsePositives += blockNegatives;
    truePositives += blockPositives;
  }
  // Only typed-array stores after the loop (see cell-sweeps.ts).
  scratch[0] = falsePositives;
  scratch[1] = truePositives;
  scratch[2] = blockPositives;
  scratch[3] = blockNegatives;
  return block;
}

/** The last block at or before `block` with a drawn cell, or −1. */
function lastDrawnBlock(cells: ScoreCells, counts: CellCounts, block: number): number {
  const { blockStart } = cells;
  for (; block >= 0; block -= 1) {
    for (let cell = blockStart[block]!; cell < blockStart[block + 1]!; cell += 1) {
      if (counts[cell]! > 0) return block;
    }
  }
  return -1;
}

/** Reusable buffers of the whole sample's ROC steps, with its class totals. */
export interface WholeSampleSteps extends RocSteps {
  positives: number;
  negatives: number;
}

export function createSteps(cells: ScoreCells): WholeSampleSteps {
  const blocks = cells.blockStart.length - 1;
  return {
    count: 0,
    thresholds: new Float64Array(blocks),
    falsePositives: new Float64Array(blocks),
    truePositives: new Float64Array(blocks),
    positives: 0,
    negatives: 0,
  };
}

/**
 * Writes every step of the whole sample into `steps` (with its class totals, which must be
 * set).
 */
export function writeSteps(cells: ScoreCells, counts: CellCounts, steps: WholeSampleSteps): void {
  const { score, blockStart, label } = cells;
  const { thresholds, falsePositives, truePositives } = steps;
  let positives = 0;
  let negatives = 0;
  let count = 0;
  const blocks = blockStart.length - 1;
  for (let block = 0; block < blocks; block += 1) {
    let blockPositives = 0;
    let blockWeight = 0;
    const end = blockStart[block + 1]!;
    for (let cell = blockStart[block]!; cell < end; cell += 1) {
      const weight = counts[cell]!;
      blockPositives += weight * label[cell]!;
      blockWeight += weight;
    }
    positives += blockPositives;
    negatives += blockWeight - blockPositives;
    // Written every time, kept (counted) only when the block was drawn: `+(w > 0)` compiles to
    // a flag rather than a branch, which was mispredicted for a third of the cells.
    thresholds[count] = score[blockStart[block]!]!;
    falsePositives[count] = negatives;
    truePositives[count] = positives;
    count += +(blockWeight > 0);
  }
  steps.count = count;
}

/**
 * The whole sample's false and true positives at a threshold (those of its last step at or
 * above it, none before the first), into `scratch[0]` and `scratch[1]`.
 */
export function countsAtThreshold(
  steps: WholeSampleSteps,
  threshold: number,
  scratch: Float64Array,
): void {
  const low = countAtOrAbove(steps.thresholds, steps.count, threshold);
  scratch[0] = low === 0 ? 0 : steps.falsePositives[low - 1]!;
  scratch[1] = low === 0 ? 0 : steps.truePositives[low - 1]!;
}

/** The Youden or reference-convention point on written steps. */
export function pointOnSteps(steps: WholeSampleSteps, policy: 'youden' | number): Point {
  return policy === 'youden'
    ? highestYouden(steps)
    : closestToTargetFpr(rocCurveFromSteps(steps, true), policy, 'reference');
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
  return {
    threshold: steps.thresholds[best]!,
    fpr: steps.falsePositives[best]! / steps.negatives,
    tpr: steps.truePositives[best]! / steps.positives,
  };
}

/**
 * How many of the first `count` values of a decreasing array are at or above `value`: with
 * cells' scores, the first cell a threshold predicts negative.
 */
export function countAtOrAbove(decreasing: Float64Array, count: number, value: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (decreasing[middle]! >= value) low = middle + 1;
    else high = middle;
  }
  return low;
}
