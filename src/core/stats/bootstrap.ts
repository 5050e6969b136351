/**
 * Bootstrap resampling of row indices and percentile intervals: the general-purpose forms.
 *
 * The audit itself draws its replicates with `src/core/audit/cell-resampler.ts`, which counts
 * draws per cell of tied rows and gives each replicate its own random stream (so replicates can
 * run on several threads); it shares `percentileIntervals` with this module. The functions here
 * remain the plain reference forms, over row indices, for callers outside an audit.
 */
import { percentile } from './percentile.ts';
import { createRandom } from './random.ts';

export { percentile } from './percentile.ts';

/** Stratum codes: one small integer per row (for example the 0/1 label). */
export type Strata = Uint8Array | Int32Array;

/**
 * Indices of a bootstrap sample: n draws with replacement from 0..n-1.
 *
 * Method: the nonparametric bootstrap (Efron and Tibshirani, "An Introduction to the Bootstrap",
 * 1993, ch. 6), as `numpy.random.Generator.integers(0, n, n)` draws it.
 *
 * @param n The sample size, a non-negative integer.
 * @param random A uniform [0, 1) source such as `createRandom(seed)`.
 * @param out Optional array of length n to fill (saves an allocation per replicate).
 * @throws {RangeError} When `n` is not a non-negative integer or `out` has the wrong length.
 */
export function resample(n: number, random: () => number, out?: Int32Array): Int32Array {
  if (!Number.isSafeInteger(n) || n < 0 || n > 0x7fffffff) {
    throw new RangeError(`n: expected a non-negative integer, got ${String(n)}`);
  }
  const indices = outputArray(out, n);
  // randomInteger(random, n) without its check of n (done above) on every draw.
  for (let i = 0; i < n; i++) indices[i] = Math.floor(random() * n);
  return indices;
}

/**
 * Indices of a stratified bootstrap sample: every row is replaced by a row drawn with
 * replacement from its own stratum, so each stratum keeps its size (the study resampled within
 * each label so that every replicate has as many positives and negatives as the sample).
 *
 * Method: the stratified bootstrap (Davison and Hinkley, "Bootstrap Methods and their
 * Application", 1997, §3.2). Draws are made row by row in index order, so a seed fixes the
 * result. `out[i]` always belongs to the stratum of row i.
 *
 * @param strata The stratum code of each row.
 * @param random A uniform [0, 1) source such as `createRandom(seed)`.
 * @param out Optional array of the same length to fill.
 * @throws {TypeError} When `strata` is not a Uint8Array or Int32Array.
 * @throws {RangeError} When `out` has the wrong length.
 */
export function stratifiedResample(
  strata: Strata,
  random: () => number,
  out?: Int32Array,
): Int32Array {
  return createStratifiedSampler(strata)(random, out);
}

/**
 * Indices of a cluster bootstrap sample: as many clusters as the sample has, drawn with
 * replacement, each drawn cluster contributing all of its rows. Rows within a cluster (the images
 * of one patient) are not independent; resampling whole clusters keeps that dependence in every
 * replicate, so the intervals reflect the number of clusters rather than the number of rows.
 *
 * Method: the cluster (case) bootstrap that resamples the top-level units only (Davison and
 * Hinkley 1997, §3.8; Field and Welsh, "Bootstrapping clustered data", JRSS B 69(3), 2007, the
 * "cluster bootstrap"). With `strata`, clusters are drawn within their stratum so that each
 * replicate has as many clusters of each stratum as the sample (the stratified bootstrap of
 * Davison and Hinkley §3.2 applied to clusters). Cluster c is replaced by a cluster drawn from
 * the stratum of c, for c = 0, 1, … in order, and a drawn cluster's rows are written in
 * increasing row order, so a seed fixes the result. With one row per cluster (`clusters[i] = i`)
 * the draws equal `resample` (no strata) or `stratifiedResample` (same strata) for the same seed.
 *
 * The number of rows of a replicate varies with the clusters drawn.
 *
 * @param clusters The cluster of each row: integers 0..k−1, every one of them used by some row.
 * @param strata Optional stratum code of each cluster (length k), for example 1 for a patient
 *   with any positive image and 0 for the others.
 * @param random A uniform [0, 1) source such as `createRandom(seed)`.
 * @param out Optional array to write into; the result is a view of its first entries when it is
 *   long enough, else a new array.
 * @returns The row indices of the drawn clusters, clusters in draw order.
 * @throws {TypeError} When `clusters` is not an Int32Array, `strata` not a Uint8Array or
 *   Int32Array, or `out` not an Int32Array.
 * @throws {RangeError} When a cluster index is negative, a cluster in 0..k−1 has no row, or
 *   `strata` does not have one code per cluster.
 */
export function clusterResample(
  clusters: Int32Array,
  strata: Strata | undefined,
  random: () => number,
  out?: Int32Array,
): Int32Array {
  if (out !== undefined && !(out instanceof Int32Array)) {
    throw new TypeError('out: expected an Int32Array');
  }
  return createClusterSampler(clusters, strata, out)(random);
}

/** Options of `bootstrapPercentiles`. */
export interface BootstrapOptions {
  /** Number of rows of the sample. */
  n: number;
  /** Number of bootstrap replicates, at least 1. */
  replicates: number;
  /** Coverage of the interval, in (0, 1), e.g. 0.95. */
  level: number;
  /** Seed of `createRandom`. */
  seed: number;
  /** Stratum codes of the rows; when given, resampling is within strata. */
  strata?: Strata;
  /**
   * The cluster of each row (length n, clusters 0..k−1); when given, whole clusters are
   * resampled (`clusterResample`) and the number of indices varies between replicates.
   */
  clusters?: Int32Array;
  /** With `clusters`: the stratum code of each cluster (length k); not with `strata`. */
  clusterStrata?: Strata;
}

/** Percentile intervals of k statistics, one entry per statistic. */
export interface BootstrapPercentiles {
  /** Lower bound at (1 − level) / 2; NaN when no replicate defined the statistic. */
  low: Float64Array;
  /** Upper bound at 1 − (1 − level) / 2; NaN when no replicate defined the statistic. */
  high: Float64Array;
  /** Replicates in which the statistic was undefined (NaN) and so left out. */
  undefinedCount: Int32Array;
  replicatesRun: number;
}

/**
 * Percentile bootstrap intervals for k statistics computed together on each replicate.
 *
 * Method: the percentile interval (Efron and Tibshirani 1993, ch. 13), its quantiles as
 * `numpy.percentile` (linear interpolation) over the replicates where the statistic is defined.
 * A statistic that is undefined in a replicate (NaN, e.g. an AUC without positives) is left out
 * there and counted in `undefinedCount`; a statistic undefined in every replicate gets NaN bounds,
 * which the caller turns into null with a reason.
 *
 * @param run Computes the k statistics on the rows `indices` (a resample, duplicates included).
 *   The same `indices` array is refilled for every replicate (with `clusters`, a view of one
 *   reused buffer, its length varying): copy it to keep it. Must return the
 *   same k every time, each value finite or NaN.
 * @param options See `BootstrapOptions`.
 * @throws {RangeError} When an option is invalid or `run` returns an infinite value or a varying
 *   number of statistics.
 */
export function bootstrapPercentiles(
  run: (indices: Int32Array) => Float64Array,
  options: BootstrapOptions,
): BootstrapPercentiles {
  const { replicates, level, seed } = options;
  assertBootstrapOptions(options);

  const random = createRandom(seed);
  const draw = createSampler(options);
  let values = new Float64Array(0);
  let k = -1;
  for (let r = 0; r < replicates; r++) {
    const statistics = run(draw(random));
    if (k === -1) {
      k = statistics.length;
      values = new Float64Array(k * replicates);
    }
    storeReplicate(values, statistics, r, replicates, k);
  }

  return percentileIntervals(values, k, replicates, level);
}

// One sampler per bootstrap: plain, stratified or by cluster, refilling one buffer.
function createSampler(options: BootstrapOptions): (random: () => number) => Int32Array {
  const { n, strata, clusters, clusterStrata } = options;
  if (clusters !== undefined) return createClusterSampler(clusters, clusterStrata);
  const indices = new Int32Array(n);
  if (strata === undefined) return (random) => resample(n, random, indices);
  const draw = createStratifiedSampler(strata);
  return (random) => draw(random, indices);
}

function assertBootstrapOptions(options: BootstrapOptions): void {
  const { n, replicates, level, seed, strata, clusters, clusterStrata } = options;
  if (!Number.isSafeInteger(n) || n < 0 || n > 0x7fffffff) {
    throw new RangeError(`n: expected a non-negative integer, got ${String(n)}`);
  }
  if (!Number.isSafeInteger(replicates) || replicates < 1) {
    throw new RangeError(`replicates: expected a positive integer, got ${String(replicates)}`);
  }
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    throw new RangeError(`level: expected a number in (0, 1), got ${String(level)}`);
  }
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new RangeError(`seed: expected a finite number, got ${String(seed)}`);
  }
  if (strata !== undefined && strata.length !== n) {
    throw new RangeError(`strata: length ${strata.length} differs from n = ${n}`);
  }
  if (clusters !== undefined && clusters.length !== n) {
    throw new RangeError(`clusters: length ${clusters.length} differs from n = ${n}`);
  }
  if (clusterStrata !== undefined && clusters === undefined) {
    throw new RangeError('clusterStrata: given without clusters');
  }
  if (clusters !== undefined && strata !== undefined) {
    throw new RangeError('strata: give clusterStrata (one code per cluster) with clusters');
  }
}

function storeReplicate(
  values: Float64Array,
  statistics: Float64Array,
  r: number,
  replicates: number,
  k: number,
): void {
  if (!(statistics instanceof Float64Array) || statistics.length !== k) {
    throw new RangeError(`run: replicate ${r} returned ${statistics.length} values, expected ${k}`);
  }
  for (let s = 0; s < k; s++) {
    const value = statistics[s]!;
    if (value === Infinity || value === -Infinity) {
      throw new RangeError(
        `run: statistic ${s} is infinite in replicate ${r}; use NaN for undefined`,
      );
    }
    values[s * replicates + r] = value;
  }
}

/**
 * Percentile intervals of k statistics from their bootstrap replicates (see
 * `bootstrapPercentiles` for the method and the treatment of undefined values).
 *
 * @param values The replicates statistic by statistic: `values[s × replicates + r]` is statistic
 *   s in replicate r, NaN where it was undefined.
 * @param k The number of statistics.
 * @param replicates The number of replicates, at least 1.
 * @param level Coverage of the intervals, in (0, 1).
 * @throws {RangeError} When `values` does not hold k × replicates values or `level` is invalid.
 */
export function percentileIntervals(
  values: Float64Array,
  k: number,
  replicates: number,
  level: number,
): BootstrapPercentiles {
  if (values.length !== k * replicates) {
    throw new RangeError(`values: expected ${k} × ${replicates} values, got ${values.length}`);
  }
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    throw new RangeError(`level: expected a number in (0, 1), got ${String(level)}`);
  }
  // Rounded so that level 0.95 asks for exactly the 2.5th and 97.5th percentiles.
  const lowQ = Number(((100 * (1 - level)) / 2).toPrecision(12));
  const highQ = Number((100 - lowQ).toPrecision(12));
  const low = new Float64Array(k);
  const high = new Float64Array(k);
  const undefinedCount = new Int32Array(k);
  const defined = new Float64Array(replicates);

  for (let s = 0; s < k; s++) {
    let count = 0;
    for (let r = 0; r < replicates; r++) {
      const value = values[s * replicates + r]!;
      if (Number.isNaN(value)) undefinedCount[s]!++;
      else defined[count++] = value;
    }
    if (count === 0) {
      low[s] = NaN;
      high[s] = NaN;
      continue;
    }
    const sorted = defined.subarray(0, count).sort();
    low[s] = percentile(sorted, lowQ);
    high[s] = percentile(sorted, highQ);
  }
  return { low, high, undefinedCount, replicatesRun: replicates };
}

type StratifiedSampler = (random: () => number, out?: Int32Array) => Int32Array;

// Each item replaced by an item drawn from its own stratum, in item order.
function createStratifiedSampler(strata: Strata): StratifiedSampler {
  if (!(strata instanceof Uint8Array) && !(strata instanceof Int32Array)) {
    throw new TypeError('strata: expected a Uint8Array or Int32Array of stratum codes');
  }
  const n = strata.length;
  const { groupOf, sizes, starts, members } = groupMembers(strata);

  return (random, out) => {
    const indices = outputArray(out, n);
    for (let i = 0; i < n; i++) {
      const g = groupOf[i]!;
      // randomInteger(random, size) without its check: every stratum has at least one member.
      indices[i] = members[starts[g]! + Math.floor(random() * sizes[g]!)]!;
    }
    return indices;
  };
}

interface Members {
  /** The group (0..g−1, in order of first appearance) of each item. */
  groupOf: Int32Array;
  sizes: Int32Array;
  /** Where each group's items start in `members`. */
  starts: Int32Array;
  /** The items, group by group, in increasing order within a group. */
  members: Int32Array;
}

// Groups items by code once (a counting sort), so that a bootstrap only pays for the draws.
function groupMembers(codes: Strata): Members {
  const n = codes.length;
  const groupOf = new Int32Array(n);
  const groups = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    let group = groups.get(codes[i]!);
    if (group === undefined) {
      group = groups.size;
      groups.set(codes[i]!, group);
    }
    groupOf[i] = group;
  }

  const sizes = new Int32Array(groups.size);
  for (let i = 0; i < n; i++) sizes[groupOf[i]!]!++;
  const starts = new Int32Array(groups.size);
  for (let g = 1; g < groups.size; g++) starts[g] = starts[g - 1]! + sizes[g - 1]!;
  const members = new Int32Array(n);
  const filled = new Int32Array(groups.size);
  for (let i = 0; i < n; i++) {
    const g = groupOf[i]!;
    members[starts[g]! + filled[g]!++] = i;
  }
  return { groupOf, sizes, starts, members };
}

// Draws k clusters (plainly or within strata), then writes the rows of each drawn cluster into a
// buffer that grows when a replicate needs more room; returns a view of the filled part.
function createClusterSampler(
  clusters: Int32Array,
  strata: Strata | undefined,
  out?: Int32Array,
): (random: () => number) => Int32Array {
  const { sizes, starts, members } = clusterRows(clusters);
  const k = sizes.length;
  if (strata !== undefined && strata.length !== k) {
    throw new RangeError(`strata: length ${strata.length} differs from the ${k} clusters`);
  }
  const drawClusters = strata === undefined ? null : createStratifiedSampler(strata);
  const drawn = new Int32Array(k);
  let buffer = out ?? new Int32Array(clusters.length);

  return (random) => {
    if (drawClusters === null) resample(k, random, drawn);
    else drawClusters(random, drawn);

    let length = 0;
    for (let c = 0; c < k; c++) length += sizes[drawn[c]!]!;
    if (length > buffer.length) buffer = new Int32Array(Math.max(length, 2 * buffer.length));
    let at = 0;
    for (let c = 0; c < k; c++) {
      const cluster = drawn[c]!;
      buffer.set(members.subarray(starts[cluster]!, starts[cluster]! + sizes[cluster]!), at);
      at += sizes[cluster]!;
    }
    return buffer.subarray(0, length);
  };
}

// The rows of each cluster 0..k−1 (k = the largest index + 1), in increasing order.
function clusterRows(clusters: Int32Array): Omit<Members, 'groupOf'> {
  if (!(clusters instanceof Int32Array)) {
    throw new TypeError('clusters: expected an Int32Array of cluster indices');
  }
  let k = 0;
  for (let i = 0; i < clusters.length; i++) {
    const cluster = clusters[i]!;
    if (cluster < 0) throw new RangeError(`clusters[${i}]: ${cluster} is negative`);
    if (cluster >= k) k = cluster + 1;
  }

  const sizes = new Int32Array(k);
  for (let i = 0; i < clusters.length; i++) sizes[clusters[i]!]!++;
  const starts = new Int32Array(k);
  for (let c = 0; c < k; c++) {
    if (sizes[c] === 0) throw new RangeError(`clusters: cluster ${c} of 0..${k - 1} has no row`);
    if (c > 0) starts[c] = starts[c - 1]! + sizes[c - 1]!;
  }
  const members = new Int32Array(clusters.length);
  const filled = new Int32Array(k);
  for (let i = 0; i < clusters.length; i++) {
    const c = clusters[i]!;
    members[starts[c]! + filled[c]!++] = i;
  }
  return { sizes, starts, members };
}

function outputArray(out: Int32Array | undefined, n: number): Int32Array {
  if (out === undefined) return new Int32Array(n);
  if (!(out instanceof Int32Array) || out.length !== n) {
    throw new RangeError(`out: expected an Int32Array of length ${n}`);
  }
  return out;
}

/**
 * How many times each row occurs in a resample: turns bootstrap indices into the `weights`
 * (multiplicities) that `rocCurve`, `rocAuc` and the threshold functions accept, so a replicate
 * needs no copied arrays and can reuse one `descendingOrder`.
 *
 * @param indices Row indices, each in [0, out.length).
 * @param out The array to fill, of length n (the number of rows); it is zeroed first.
 * @throws {RangeError} When an index is out of range.
 */
export function multiplicities(indices: Int32Array, out: Float64Array): Float64Array {
  out.fill(0);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    if (i < 0 || i >= out.length) {
      throw new RangeError(`indices[${k}]: ${i} is outside 0..${out.length - 1}`);
    }
    out[i]!++;
  }
  return out;
}
