/**
 * The results of one audit: the shape of `results.json`, written once per model version.
 *
 * This is a contract (see DESIGN.md, "Results JSON"): the site, the exported card and users'
 * scripts read it. `schemas/results.json` encodes the same shape and every results object is
 * validated against it before it is written.
 */

/** A statistic that could be computed, with its bootstrap percentile interval when one was run. */
export interface DefinedMetric {
  estimate: number;
  /** Lower bound of the percentile interval; null when no bootstrap ran or too few replicates. */
  low: number | null;
  /** Upper bound of the percentile interval; null when no bootstrap ran or too few replicates. */
  high: number | null;
  /** Bootstrap replicates in which the metric was undefined (left out of the interval). */
  undefinedReplicates?: number;
  /** Why `low`/`high` are null although the estimate exists. */
  intervalReason?: string;
}

/** A statistic that is undefined for this group (for example AUC with no positives). */
export interface UndefinedMetric {
  estimate: null;
  reason: string;
}

export type Metric = DefinedMetric | UndefinedMetric;

/** The metrics reported for one group at the operating point. */
export interface GroupMetrics {
  auc: Metric;
  tpr: Metric;
  fpr: Metric;
  youden: Metric;
  [name: string]: Metric;
}

/** One attribute's group within a group of an intersection. */
export interface GroupComponent {
  attribute: string;
  /** The attribute's group value, as that attribute's own group writes it. */
  value: string;
}

/** Why a group is flagged as small, and the sizes it was measured against. */
export interface SmallGroup {
  /** The spec's `minGroupSize`. */
  minimum: { n: number; positives: number; negatives: number };
  /** Which counts fall short, such as `12 rows, fewer than 30; 0 positives, fewer than 10`. */
  reason: string;
}

/**
 * One row of a target's table: a subgroup, or the whole sample (`all`/`all`). An intersection's
 * group has the attribute `race & sex`, the value `Black & Female`, and its `components`.
 */
export interface GroupResult {
  attribute: string;
  value: string;
  /**
   * For a group of an intersection, each attribute's group, in the intersection's order: the
   * unambiguous form of `value` (a value may itself hold ` & `).
   */
  components?: GroupComponent[];
  n: number;
  positives: number;
  negatives: number;
  /** True for the group that disparities are measured against. */
  reference?: boolean;
  /**
   * Present when the group has fewer rows, positives or negatives than the spec's
   * `minGroupSize`: it is reported, but its estimates (and disparities) are unstable.
   */
  small?: SmallGroup;
  metrics: GroupMetrics;
  /** Points of the group's ROC curve (false positive rate, true positive rate), for plotting. */
  roc?: { fpr: number[]; tpr: number[] };
}

export type OperatingPolicy = 'target-fpr' | 'threshold' | 'youden';
export type FprConvention = 'full-curve' | 'reference';

/** The decision threshold chosen once on the whole sample and applied to every subgroup. */
export interface OperatingPoint {
  policy: OperatingPolicy;
  /** The target false positive rate (policy `target-fpr`), else null. */
  target: number | null;
  threshold: number;
  achievedFpr: number;
  achievedTpr: number;
  /** The candidate convention of a target-FPR search, else null. */
  convention: FprConvention | null;
}

/**
 * Calibration metrics (`brier`, `ece`) need probabilities: with scores in [0, 1] they are
 * computed, the ECE over `bins` equal-width bins of [0, 1] (`uniform`, as scikit-learn's
 * `calibration_curve`); otherwise every calibration metric is undefined for `reason`.
 */
export type Calibration = { bins: number; binning: 'uniform' } | { bins: null; reason: string };

/** Rows left out of a target, by reason, with the ids (or 1-based data row numbers) of each. */
export interface Exclusion {
  reason: string;
  count: number;
  /** Up to 50 ids or row numbers, so that a reader can find them. */
  examples: string[];
}

/**
 * Why a row of a target is in no group of an attribute: its value is not among the spec's
 * `values`, is not a number (binned attribute), is a number outside every bin, or is blank.
 */
export type UngroupedReason = 'value not listed' | 'not a number' | 'outside the bins' | 'blank';

/**
 * Rows of a target that are in no group of one attribute, for one reason. They stay in the
 * whole sample (and in the other attributes' groups) but in none of this attribute's groups.
 */
export interface UngroupedRows {
  /** The attribute's column, or an intersection's name (`race & sex`). */
  attribute: string;
  /**
   * For an intersection: the attribute whose group the rows lack (a row lacking several is
   * counted under the first, so counts add up); `reason` and `values` are about that column.
   */
  component?: string;
  reason: UngroupedReason;
  /** How many of the target's rows (those left after exclusions) this is. */
  count: number;
  /**
   * Their distinct values exactly as written (`""` for an empty cell), most frequent first, ties
   * in order of first appearance; at most 20.
   */
  values: Array<{ value: string; count: number }>;
  /** How many distinct values these rows hold, so a reader knows whether `values` is complete. */
  distinctValues: number;
  /** For `outside the bins`: the smallest and largest of these rows' values. */
  range?: { min: number; max: number };
  /** Up to 50 ids or row numbers, as in {@link Exclusion}. */
  examples: string[];
}

export interface TargetResult {
  name: string;
  labelColumn: string;
  scoreColumn: string;
  operatingPoint: OperatingPoint;
  /** Whether Brier score and expected calibration error were computed, and on which bins. */
  calibration: Calibration;
  excluded: Exclusion[];
  /**
   * Rows in no group of an attribute, by attribute (spec order) and reason; empty when every
   * row is in one group of each attribute. Attributes listed without `values` never have any.
   */
  ungrouped: UngroupedRows[];
  groups: GroupResult[];
}

/** One two-sample Kolmogorov–Smirnov test between two subgroups on one projection column. */
export interface ProjectionTest {
  source: string;
  column: string;
  attribute: string;
  groups: [string, string];
  sizes: [number, number];
  statistic: number | null;
  pValue: number | null;
  pAdjusted: number | null;
  /** How the p-value was computed: `exact`, `asymptotic`, or `none` when untestable. */
  method: string;
  reject: boolean | null;
  /**
   * The multiple-testing family the test was adjusted in: tests with the same family were
   * adjusted together, and only with each other. `all` (the default family) unless the spec
   * named one on the projection. An untestable test names its family but was left out of it.
   */
  family: string;
  /** The adjustment of the test's family: `BY`, `BH`, `holm` or `bonferroni`. */
  adjustMethod: string;
  /** Why the test could not be run (then statistic and p-values are null). */
  reason?: string;
}

export interface InputFile {
  path: string;
  sha256: string;
  rows: number;
  excludedRows: number;
}

/** The bootstrap that gave the intervals. */
export interface BootstrapSettings {
  replicates: number;
  level: number;
  seed: number;
  stratify: 'label' | 'none';
  /** The resampling unit: rows, or the clusters of rows sharing the spec's `id` (patients). */
  resample: 'rows' | 'id';
  /**
   * With `resample: id`, the number of clusters in the data file (a blank id is a cluster of
   * its own row); each target resamples the clusters among its own rows. Null for `rows`.
   */
  clusters: number | null;
}

export interface AuditResults {
  model: string;
  version: string;
  generatedBy: string;
  inputs: InputFile[];
  bootstrap: BootstrapSettings;
  targets: TargetResult[];
  projections: ProjectionTest[];
  /**
   * The audit's adjustment and the significance level of every family; null without projection
   * tests. `method` is that of the default family `all` (which, unless the spec names families,
   * holds every test); a test's own `family` and `adjustMethod` say how it was adjusted.
   */
  adjustment: { method: string; alpha: number } | null;
}
