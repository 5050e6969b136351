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
  reference?: string;
}

export interface BinnedGroupSpec {
  column: string;
  /**
   * Increasing edges; bins are [e0, e1), [e1, e2), …, the last one closed. A row outside every
   * bin is in no group of the attribute (reported in the target's `ungrouped`).
   */
  bins: number[];
  reference?: string;
}

export type GroupSpec = CategoricalGroupSpec | BinnedGroupSpec;

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
}
