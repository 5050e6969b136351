/**
 * The resampling clusters of `bootstrap.resample: id`: the rows that share a value of the spec's
 * `id` column (the images of one patient) form one cluster, and a cluster bootstrap draws whole
 * clusters.
 */

/** Clusters of some rows of a data file, numbered 0..count−1 in order of first appearance. */
export interface IdClusters {
  /** The cluster of each given row, as `clusterResample` takes it. */
  clusters: Int32Array;
  count: number;
}

/**
 * Groups rows by their id as written: `P1` and `p1` or ` P1` are different patients, since
 * nothing else in an audit trims or folds values either. A blank id (empty or whitespace only)
 * names nobody, so each blank row is a cluster of its own, as if it were a patient with one
 * image; joining the blank rows would make one large false patient.
 *
 * @param idCells The id column's cells, one per row of the data file.
 * @param rows The table indices of the rows to group (a target's rows), in sample order.
 */
export function idClusters(idCells: readonly string[], rows: Int32Array): IdClusters {
  const clusters = new Int32Array(rows.length);
  const byId = new Map<string, number>();
  let count = 0;
  for (let i = 0; i < rows.length; i += 1) {
    const id = idCells[rows[i]!]!;
    if (id.trim() === '') {
      clusters[i] = count++;
      continue;
    }
    let cluster = byId.get(id);
    if (cluster === undefined) {
      cluster = count++;
      byId.set(id, cluster);
    }
    clusters[i] = cluster;
  }
  return { clusters, count };
}

/**
 * The label stratum of each cluster: 1 when any of its rows is positive (a patient with the
 * finding on some image), else 0. Drawing clusters within these strata keeps the number of
 * patients with and without the finding in every replicate, which is how label stratification
 * carries over from rows to clusters; the numbers of positive and negative rows still vary.
 *
 * @param clusters The cluster of each row, 0..count−1.
 * @param labels 1 positive, 0 negative, one per row.
 * @param count The number of clusters.
 */
export function clusterLabelStrata(
  clusters: Int32Array,
  labels: Uint8Array,
  count: number,
): Uint8Array {
  const strata = new Uint8Array(count);
  for (let i = 0; i < clusters.length; i += 1) {
    if (labels[i] === 1) strata[clusters[i]!] = 1;
  }
  return strata;
}

/** The number of clusters among all rows of a data file, for the results. */
export function countIdClusters(idCells: readonly string[]): number {
  const all = Int32Array.from(idCells, (_, index) => index);
  return idClusters(idCells, all).count;
}
