/**
 * The audit specification (`audit.yaml`) after validation against `schemas/audit-spec.json`,
 * with every default filled in. Paths are relative to the version folder and never leave it.
 */

export type LabelValue = string | number;

export interface TargetSpec {
  name: string;
  label: {
    column: string;
    positive: LabelValue[];
    /** Values counted as negative, or `rest` for every value that is not positive. */
    negative: LabelValue[] | 'rest';
  };
  score: string;
}

export interface CategoricalGroupSpec {
  column: string;
  /** The values to report, in order; when absent, every value found, sorted. */
  values?: string[];
  /**
   * The group disparities are measured against: one of `values`, or, without `values`, a value
   * of the column (compared as group values are; an absent one becomes an empty group).
   */
  reference?: string;
}

export interface BinnedGroupSpec {
  column: string;
  /**
   * Increasing edges; bins are [e0, e1), [e1, e2), …, the last one closed. A row outside every
   * bin is in no group of the attribute (reported in the target's `ungrouped`).
   */
  bins: number[];
  /** A bin's label as the results write it, such as `[40, 60)` (see `binLabel`). */
  reference?: string;
}

/**
 * A numeric attribute cut at its sample quantiles: `quantiles: 4` gives quartile bins. The
 * edges are the quantiles j/k, j = 0…k, of every row of the data file with a number in the
 * column, by numpy's default `linear` method (Hyndman and Fan type 7); equal edges are merged.
 * Bins are half-open with the last one closed, as for `bins` (see `quantile-bins.ts`).
 */
export interface QuantileGroupSpec {
  column: string;
  /** The number of quantile bins k, at least 2 (4: quartiles, 5: quintiles, 10: deciles). */
  quantiles: number;
  /** `Q1` … `Qk`: the bin holding that quantile bin (after equal edges are merged). */
  reference?: string;
}

/**
 * Every combination of the groups of two or more attributes, such as race × sex (`race & sex`,
 * groups `White & Female`, …). Each attribute must be a `column` group of the same spec, whose
 * values, bins or quantiles it reuses; a row in no group of one of them is in none of these.
 */
export interface IntersectionGroupSpec {
  /** The attributes' columns, in order: the first varies slowest in the list of groups. */
  intersect: string[];
  /** One group of each attribute, in the same order, such as `[White, Male]`. */
  reference?: string[];
}

/** A group of one column: categories, bins or quantile bins. */
export type ColumnGroupSpec = CategoricalGroupSpec | BinnedGroupSpec | QuantileGroupSpec;

export type GroupSpec = ColumnGroupSpec | IntersectionGroupSpec;

/**
 * The sizes below which a group is flagged as small in the results (`small` on the group): it
 * is still reported, but its estimates are too unstable to read on their own.
 */
export interface MinGroupSize {
  /** Rows (after a target's exclusions). */
  n: number;
  positives: number;
  negatives: number;
}

/**
 * 30 rows, 10 positives and 10 negatives (the limits reports used before they could be set): a
 * TPR or FPR over 10 cases has a 95% interval about ±0.3 wide, too wide to compare groups on.
 */
export const defaultMinGroupSize: MinGroupSize = { n: 30, positives: 10, negatives: 10 };

export type OperatingPointSpec =
  | { policy: 'target-fpr'; targetFpr: number; convention: 'full-curve' | 'reference' }
  | { policy: 'threshold'; threshold: number }
  | { policy: 'youden' };

export interface BootstrapSpec {
  replicates: number;
  level: number;
  seed: number;
  /**
   * `label`: each replicate keeps the sample's positives and negatives (rows) or its patients
   * with and without a positive row (`resample: id`); `none`: no strata.
   */
  stratify: 'label' | 'none';
  /**
   * The resampling unit: `rows`, or `id`, the clusters of rows sharing the spec's `id` value
   * (patients with several images). Default `id` when the spec has an `id`, else `rows`.
   */
  resample: 'rows' | 'id';
}

export type AdjustMethod = 'BY' | 'BH' | 'holm' | 'bonferroni';

/** The family of projections without a `family:` of their own: every such test of the audit. */
export const defaultFamily = 'all';

export interface ProjectionSpec {
  data: string;
  /** A short name for the file in tables; defaults to the file name. */
  source: string;
  columns: string[];
  /** Pairs of `column=value` selectors, for example `[race=Asian, race=White]`. */
  comparisons: [string, string][];
  /**
   * The multiple-testing family of this projection's tests: tests of projections with the same
   * family are adjusted together, and only with each other. Default {@link defaultFamily}.
   */
  family: string;
  /** The adjustment of the projection's family (the same on every projection of a family). */
  adjust: AdjustMethod;
}

export interface AuditSpec {
  data: string;
  /**
   * The ATLAS dataset card of the data audited, relative to the spec's folder, as written; left
   * out when the spec names none (the version folder's `dataset.json`/`.yaml`/`.yml` is then the
   * audit's dataset card, when there is one). The audit itself does not read it.
   */
  dataset?: string;
  id?: string;
  targets: TargetSpec[];
  groups: GroupSpec[];
  operatingPoint: OperatingPointSpec;
  bootstrap: BootstrapSpec;
  projections: ProjectionSpec[];
  /**
   * The audit's adjustment: that of the default family, and of every named family whose
   * projections write none. Default BY.
   */
  adjust: AdjustMethod;
  /** The significance level of every family's adjusted tests. Default 0.05. */
  alpha: number;
  /** What to do with a row whose score is missing or not finite: leave it out, or refuse the file. */
  invalidScores: 'exclude' | 'refuse';
  /**
   * Groups below these sizes are flagged as small. Validation always fills it in; a spec built
   * in code may leave it out, which means {@link defaultMinGroupSize}.
   */
  minGroupSize?: MinGroupSize;
}
