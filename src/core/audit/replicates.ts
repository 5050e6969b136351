/**
 * The bootstrap of one target as a job of plain data: any range of its replicates can be
 * computed on its own (each replicate has its own random stream), so the pipeline may spread a
 * job over worker threads and still get the numbers of a single-threaded run, bit for bit.
 */
import { percentileIntervals } from '../stats/index.ts';
import { createCellEvaluator } from './cell-evaluator.ts';
import { createCellCounts } from './cell-counts.ts';
import { drawReplicate, hitsSize, largestCount, type ResamplingPlan } from './cell-resampler.ts';
import type { Intervals } from './interval-metric.ts';
import type { MetricSlot } from './metric-layout.ts';
import type { ScoreCells } from './score-cells.ts';
import type { OperatingPointSpec } from './spec.ts';

/** Everything a bootstrap of one target needs; structured-cloneable. */
export interface ReplicateJob {
  cells: ScoreCells;
  groupCount: number;
  slots: MetricSlot[];
  policy: OperatingPointSpec;
  calibrationBins: number | null;
  plan: ResamplingPlan;
  seed: number;
  replicates: number;
}

/**
 * Computes a job's replicates `first .. end − 1` in the calling thread.
 *
 * @param onReplicate Called after each replicate (for progress).
 * @param out Where to write the values (length k × (end − first)); default a new array.
 * @returns Their values replicate by replicate: `values[(r − first) × k + s]` is statistic s
 *   (slot s of the layout) in replicate r, NaN where it was undefined.
 */
export function computeReplicates(
  job: ReplicateJob,
  first: number,
  end: number,
  onReplicate?: () => void,
  out?: Float64Array,
): Float64Array {
  const { cells, slots } = job;
  const k = slots.length;
  const evaluate = createCellEvaluator(
    cells,
    job.groupCount,
    slots,
    job.policy,
    job.calibrationBins,
  );
  const counts = createCellCounts(cells.count, largestCount(job.plan));
  const hits = createCellCounts(hitsSize(job.plan), largestCount(job.plan));
  const values = out ?? new Float64Array(k * Math.max(0, end - first));

  for (let replicate = first; replicate < end; replicate += 1) {
    drawReplicate(job.plan, job.seed, replicate, counts, hits);
    evaluate(counts, values.subarray((replicate - first) * k, (replicate - first + 1) * k));
    onReplicate?.();
  }
  return values;
}

/**
 * Runs every replicate of a job and returns their values (replicate by replicate, as
 * {@link computeReplicates}). The pipeline passes a runner that uses worker threads; the default
 * runs in the calling thread.
 */
export type ReplicateRunner = (job: ReplicateJob, onReplicate: () => void) => Float64Array;

export const runReplicatesHere: ReplicateRunner = (job, onReplicate) =>
  computeReplicates(job, 0, job.replicates, onReplicate);

/**
 * Percentile intervals of every statistic from a job's replicate values.
 *
 * @param values As {@link computeReplicates} returns them for all replicates.
 * @param k The number of statistics (slots).
 * @param replicates The number of replicates.
 * @param level The coverage, in (0, 1).
 */
export function replicateIntervals(
  values: Float64Array,
  k: number,
  replicates: number,
  level: number,
): Intervals {
  const byStatistic = new Float64Array(values.length);
  for (let r = 0; r < replicates; r += 1) {
    for (let s = 0; s < k; s += 1) byStatistic[s * replicates + r] = values[r * k + s]!;
  }
  const result = percentileIntervals(byStatistic, k, replicates, level);
  return {
    low: result.low,
    high: result.high,
    undefinedCount: result.undefinedCount,
    replicates: result.replicatesRun,
  };
}
