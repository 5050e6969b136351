/**
 * Bootstrap resamples of a target, drawn straight into counts per {@link ScoreCells} cell.
 *
 * A replicate draws rows (or whole patients) with replacement exactly as a bootstrap of rows
 * would, but keeps only how many draws landed in each cell, which is all that the evaluator
 * needs. Replicate r draws from its own random stream (`createRandomState(seed, r)`), so any
 * range of replicates can be computed on its own, on any thread, with the same result.
 *
 * Units, as `bootstrap.resample` and `bootstrap.stratify` choose them:
 * - rows, stratified by label (the study's method): each label keeps its number of rows;
 * - rows, not stratified: n draws among all rows;
 * - clusters (the rows sharing an id: one patient's images), drawn whole, within the strata
 *   "has a positive row" / "has none" when stratified; a replicate's number of rows varies.
 *
 * Method: the nonparametric bootstrap (Efron and Tibshirani 1993, ch. 6), stratified (Davison
 * and Hinkley 1997, §3.2) and by cluster (ibid. §3.8; Field and Welsh, JRSS B 69(3), 2007).
 */
import { createRandomState, tallyUniformIntegers } from '../stats/index.ts';
import type { CellCounts } from './cell-counts.ts';
import type { ScoreCells } from './score-cells.ts';

/**
 * What a replicate draws, as plain typed arrays (so that a worker thread can receive them).
 * `strata` lists the draw units of each stratum: `stratumStart[s] .. stratumStart[s + 1]` in
 * `units`. A unit is a row's cell (`kind: 'rows'`) or a cluster (`kind: 'clusters'`), whose
 * cells and row counts are `clusterCells[clusterStart[c] .. clusterStart[c + 1])` and
 * `clusterCounts` at the same positions.
 */
export type ResamplingPlan =
  | {
      kind: 'rows';
      stratumStart: Int32Array;
      units: Int32Array;
      /**
       * Count each draw straight into its cell's count (when cells are few, tied rows many:
       * the counts are a small array). Otherwise draws are first tallied per unit and added
       * to the cells in one ordered pass: at a million distinct rows, looking up each draw's
       * cell at random took twice as long.
       */
      byCell: boolean;
    }
  | {
      kind: 'clusters';
      stratumStart: Int32Array;
      units: Int32Array;
      clusterStart: Int32Array;
      clusterCells: Int32Array;
      clusterCounts: Float64Array;
    };

/**
 * The plan of a row bootstrap.
 *
 * @param cells The target's cells (`rowCell` gives each sample row's cell).
 * @param strata The stratum of each sample row (e.g. its label), or undefined for none.
 */
export function rowPlan(cells: ScoreCells, strata: Uint8Array | undefined): ResamplingPlan {
  const { start, members } = byStratum(cells.rowCell.length, strata);
  const units = members.map((row) => cells.rowCell[row]!);
  // Sorted by cell within each stratum, so that adding a replicate's draws to the counts walks
  // the cells in order (which rows of a stratum are which units does not matter to the draws).
  for (let s = 0; s + 1 < start.length; s += 1) units.subarray(start[s]!, start[s + 1]!).sort();
  return { kind: 'rows', stratumStart: start, units, byCell: 4 * cells.count < units.length };
}

/**
 * The plan of a cluster bootstrap.
 *
 * @param cells The target's cells.
 * @param clusters The cluster of each sample row, 0..count−1, each used.
 * @param count The number of clusters.
 * @param strata The stratum of each cluster, or undefined for none.
 */
export function clusterPlan(
  cells: ScoreCells,
  clusters: Int32Array,
  count: number,
  strata: Uint8Array | undefined,
): ResamplingPlan {
  // Each cluster's rows, counted per cell (a patient's images often share no cell).
  const cellsOf: Map<number, number>[] = Array.from({ length: count }, () => new Map());
  for (let row = 0; row < clusters.length; row += 1) {
    const cellCounts = cellsOf[clusters[row]!]!;
    const cell = cells.rowCell[row]!;
    cellCounts.set(cell, (cellCounts.get(cell) ?? 0) + 1);
  }

  const clusterStart = new Int32Array(count + 1);
  cellsOf.forEach((cellCounts, cluster) => {
    clusterStart[cluster + 1] = clusterStart[cluster]! + cellCounts.size;
  });
  const clusterCells = new Int32Array(clusterStart[count]!);
  const clusterCounts = new Float64Array(clusterStart[count]!);
  cellsOf.forEach((cellCounts, cluster) => {
    let at = clusterStart[cluster]!;
    for (const [cell, rows] of cellCounts) {
      clusterCells[at] = cell;
      clusterCounts[at] = rows;
      at += 1;
    }
  });

  const { start, members } = byStratum(count, strata);
  // Ordered by the cell of each cluster's first row, as `rowPlan` orders rows by cell: with one
  // row per cluster, the two plans then draw the same resamples from the same seed.
  for (let s = 0; s + 1 < start.length; s += 1) {
    const stratum = members.subarray(start[s]!, start[s + 1]!);
    const firstCell = (cluster: number) => clusterCells[clusterStart[cluster]!]!;
    stratum.set(Array.from(stratum).sort((a, b) => firstCell(a) - firstCell(b) || a - b));
  }
  return {
    kind: 'clusters',
    stratumStart: start,
    units: members,
    clusterStart,
    clusterCells,
    clusterCounts,
  };
}

/** Items 0..n−1 grouped by stratum (strata in order of first appearance), in index order. */
function byStratum(
  n: number,
  strata: Uint8Array | undefined,
): { start: Int32Array; members: Int32Array } {
  const members = Int32Array.from({ length: n }, (_, index) => index);
  if (strata === undefined || n === 0) return { start: Int32Array.from([0, n]), members };

  const order: number[] = [];
  const seen = new Map<number, number>();
  for (let i = 0; i < n; i += 1) {
    if (!seen.has(strata[i]!)) {
      seen.set(strata[i]!, order.length);
      order.push(strata[i]!);
    }
  }
  const sizes = new Int32Array(order.length);
  for (let i = 0; i < n; i += 1) sizes[seen.get(strata[i]!)!]! += 1;
  const start = new Int32Array(order.length + 1);
  for (let s = 0; s < order.length; s += 1) start[s + 1] = start[s]! + sizes[s]!;
  const filled = start.slice(0, order.length);
  for (let i = 0; i < n; i += 1) members[filled[seen.get(strata[i]!)!]!++] = i;
  return { start, members };
}

/**
 * Fills `counts` (one entry per cell) with the draws of replicate `replicate`.
 *
 * Each stratum is drawn in turn, as many units as it holds, each uniformly among them. With
 * `byCell`, a row's draw adds one to its cell's count directly; otherwise the draws are first
 * tallied per unit in `hits`, then each unit drawn adds its rows to its cell (or a cluster's
 * rows to their cells).
 *
 * @param hits Scratch space of at least `hitsSize(plan)` entries, of the counts' kind.
 */
export function drawReplicate(
  plan: ResamplingPlan,
  seed: number,
  replicate: number,
  counts: CellCounts,
  hits: CellCounts,
): CellCounts {
  const state = createRandomState(seed, replicate);
  const { stratumStart } = plan;
  counts.fill(0);
  for (let stratum = 0; stratum + 1 < stratumStart.length; stratum += 1) {
    const first = stratumStart[stratum]!;
    const size = stratumStart[stratum + 1]! - first;
    if (size === 0) continue;
    if (plan.kind === 'rows' && plan.byCell) {
      tallyUniformIntegers(state, size, size, counts, plan.units.subarray(first, first + size));
      continue;
    }
    hits.fill(0, 0, size);
    tallyUniformIntegers(state, size, size, hits);
    if (plan.kind === 'rows') addRowHits(plan.units, first, size, hits, counts);
    else addClusterHits(plan, first, size, hits, counts);
  }
  return counts;
}

/**
 * A bound on any cell's count in a replicate (see {@link createCellCounts}): a row plan draws as
 * many rows as it has units; a cluster plan as many clusters, each adding at most its largest
 * number of rows in one cell.
 */
export function largestCount(plan: ResamplingPlan): number {
  if (plan.kind === 'rows') return plan.units.length;
  let rows = 0;
  for (let at = 0; at < plan.clusterCounts.length; at += 1) {
    rows = Math.max(rows, plan.clusterCounts[at]!);
  }
  return plan.units.length * rows;
}

/** The size `drawReplicate` needs for its `hits`: the largest stratum (none with `byCell`). */
export function hitsSize(plan: ResamplingPlan): number {
  if (plan.kind === 'rows' && plan.byCell) return 0;
  let largest = 0;
  for (let s = 0; s + 1 < plan.stratumStart.length; s += 1) {
    largest = Math.max(largest, plan.stratumStart[s + 1]! - plan.stratumStart[s]!);
  }
  return largest;
}

function addRowHits(
  units: Int32Array,
  first: number,
  size: number,
  hits: CellCounts,
  counts: CellCounts,
): void {
  // No test for units not drawn (a third of them): adding their 0 is cheaper than a branch
  // mispredicted that often.
  for (let k = 0; k < size; k += 1) counts[units[first + k]!]! += hits[k]!;
}

function addClusterHits(
  plan: Extract<ResamplingPlan, { kind: 'clusters' }>,
  first: number,
  size: number,
  hits: CellCounts,
  counts: CellCounts,
): void {
  const { units, clusterStart, clusterCells, clusterCounts } = plan;
  for (let k = 0; k < size; k += 1) {
    const times = hits[k]!;
    if (times === 0) continue;
    const cluster = units[first + k]!;
    const end = clusterStart[cluster + 1]!;
    for (let at = clusterStart[cluster]!; at < end; at += 1) {
      counts[clusterCells[at]!]! += times * clusterCounts[at]!;
    }
  }
}
