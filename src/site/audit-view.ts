/**
 * Prepares the tables of the audit report: formatted metric cells with numbered notes for every
 * undefined value or missing interval, the words for an operating point, and the caption of the
 * Kolmogorov–Smirnov table.
 */
import type {
  AuditResults,
  BootstrapSettings,
  Metric,
  OperatingPoint,
  TargetResult,
  UngroupedRows,
} from '../core/audit/results.ts';
import { describeValueCounts } from '../core/audit/value-counts.ts';
import { groupLabel, isWholeSample, visibleGroupValue } from '../core/findings/group-label.ts';
import { minimumText } from '../core/findings/small-group.ts';
import { testFamilies, type TestFamily } from '../core/findings/test-families.ts';
import { formatCount, formatMetric, formatNumber, isDefined, missingValue } from './format.ts';

/** A column of a group table: a metric key of the results and its heading. */
export interface TableColumn {
  key: string;
  heading: string;
  /**
   * For a disparity, the value of "no difference" (0 for a difference, 1 for a ratio): a cell
   * whose interval excludes it is flagged.
   */
  none?: number;
}

/** Discrimination and the rates at the operating point. */
export const tableMetrics: readonly TableColumn[] = [
  { key: 'auc', heading: 'AUC' },
  { key: 'tpr', heading: 'TPR' },
  { key: 'fpr', heading: 'FPR' },
  { key: 'youden', heading: 'Youden J' },
];

/** Predictive values, the complementary rates, prevalence and calibration. */
export const valueMetrics: readonly TableColumn[] = [
  { key: 'ppv', heading: 'PPV' },
  { key: 'npv', heading: 'NPV' },
  { key: 'tnr', heading: 'TNR' },
  { key: 'fnr', heading: 'FNR' },
  { key: 'prevalence', heading: 'Prevalence' },
  { key: 'brier', heading: 'Brier' },
  { key: 'ece', heading: 'ECE' },
];

/** The calibration columns, left out of a table when the target's scores are not probabilities. */
export const calibrationMetrics = new Set(['brier', 'ece']);

/**
 * Disparity columns against the attribute's reference group (`reference`) or the whole sample
 * (`all`): differences of AUC, TPR, FPR, PPV and NPV and the ratios of TPR and FPR.
 */
export function disparityColumns(against: 'reference' | 'all'): TableColumn[] {
  const difference = against === 'reference' ? 'Difference' : 'DifferenceFromAll';
  const ratio = against === 'reference' ? 'Ratio' : 'RatioToAll';
  return [
    ...['auc', 'tpr', 'fpr', 'ppv', 'npv'].map((metric) => ({
      key: `${metric}${difference}`,
      heading: `Δ ${metric === 'auc' ? 'AUC' : metric.toUpperCase()}`,
      none: 0,
    })),
    ...['tpr', 'fpr'].map((metric) => ({
      key: `${metric}${ratio}`,
      heading: `${metric.toUpperCase()} ratio`,
      none: 1,
    })),
  ];
}

export type TableMetric = string;

export interface MetricCell {
  /** `0.812 (0.790–0.833)`, `0.812`, or `—`. */
  text: string;
  /** Whether the metric is undefined for this group. */
  missing: boolean;
  /** The number of the note that explains this cell, or null. */
  note: number | null;
  /** The note's text, repeated as a tooltip. */
  title: string | null;
  /** A disparity whose interval excludes "no difference". */
  flagged: boolean;
}

export interface GroupRow {
  label: string;
  attribute: string;
  value: string;
  n: number;
  positives: number;
  negatives: number;
  reference: boolean;
  whole: boolean;
  /** Whether the results flag the group as small (below the spec's `minGroupSize`). */
  small: boolean;
  /** Why it is small, such as `12 rows, fewer than 30`, or null. */
  smallReason: string | null;
  cells: Record<TableMetric, MetricCell>;
}

export interface TableNote {
  number: number;
  text: string;
}

export interface GroupTable {
  rows: GroupRow[];
  notes: TableNote[];
  /**
   * What "small" means in this table, such as `fewer than 30 rows, 10 positives or 10
   * negatives`, or null when no group is small.
   */
  smallMeaning: string | null;
}

/**
 * Builds the table of one target: one row per group (the whole sample first), each metric as
 * text, and one note per distinct explanation (undefined value, missing interval, replicates
 * left out), numbered in order of first use.
 *
 * @param target The target's results.
 * @param replicates The number of bootstrap replicates, to put counts of undefined ones in context.
 * @param columns The metrics shown; default {@link tableMetrics}.
 * @param subgroupsOnly For a disparity table: leave out the whole sample and every group that has
 *   none of the columns' metrics.
 */
export function groupTable(
  target: TargetResult,
  replicates: number,
  columns: readonly TableColumn[] = tableMetrics,
  subgroupsOnly = false,
): GroupTable {
  const notes: TableNote[] = [];
  const noteFor = (text: string): number => {
    const found = notes.find((note) => note.text === text);
    if (found) return found.number;
    notes.push({ number: notes.length + 1, text });
    return notes.length;
  };

  // A disparity table lists only the subgroups that have its disparities (an attribute without
  // a reference group has none against a reference, and the reference itself neither).
  const ordered = subgroupsOnly
    ? target.groups.filter(
        (group) =>
          !isWholeSample(group) && columns.some(({ key }) => group.metrics[key] !== undefined),
      )
    : [
        ...target.groups.filter(isWholeSample),
        ...target.groups.filter((group) => !isWholeSample(group)),
      ];
  const rows = ordered.map((group): GroupRow => {
    const cells = {} as Record<TableMetric, MetricCell>;
    for (const { key, heading, none } of columns) {
      const cell = metricCell(group.metrics[key], heading, replicates, noteFor);
      cells[key] = { ...cell, flagged: none !== undefined && excludes(group.metrics[key], none) };
    }

    return {
      label: groupLabel(group),
      attribute: group.attribute,
      value: visibleGroupValue(group),
      n: group.n,
      positives: group.positives,
      negatives: group.negatives,
      reference: group.reference === true,
      whole: isWholeSample(group),
      small: group.small !== undefined,
      smallReason: group.small?.reason ?? null,
      cells,
    };
  });

  const minimum = target.groups.find((group) => group.small)?.small?.minimum;
  const smallMeaning = minimum ? `fewer than ${minimumText(minimum)}` : null;
  return { rows, notes, smallMeaning };
}

/** Whether a metric's interval lies wholly on one side of `value`. */
function excludes(metric: Metric | undefined, value: number): boolean {
  if (!isDefined(metric) || metric.low === null || metric.high === null) return false;
  return metric.low > value || metric.high < value;
}

function metricCell(
  metric: Metric | undefined,
  heading: string,
  replicates: number,
  noteFor: (text: string) => number,
): Omit<MetricCell, 'flagged'> {
  if (metric === undefined) {
    const title = `${heading} was not reported.`;
    return { text: missingValue, missing: true, note: noteFor(title), title };
  }
  if (metric.estimate === null) {
    const title = `${heading} is undefined: ${metric.reason}.`.replace(/\.\.$/, '.');
    return { text: missingValue, missing: true, note: noteFor(title), title };
  }

  const text = formatMetric(metric);
  if (metric.intervalReason) {
    const title = `${heading} has no interval: ${metric.intervalReason}.`.replace(/\.\.$/, '.');
    return { text, missing: false, note: noteFor(title), title };
  }
  if (metric.undefinedReplicates) {
    const title =
      `${heading} was undefined in ${metric.undefinedReplicates} of ${replicates} bootstrap ` +
      'replicates, which the interval leaves out.';
    return { text, missing: false, note: noteFor(title), title };
  }
  return { text, missing: false, note: null, title: null };
}

/** The operating point in words, such as `Target FPR 0.200 (full-curve convention)`. */
export function describePolicy(point: OperatingPoint): string {
  switch (point.policy) {
    case 'target-fpr': {
      const convention = point.convention ? ` (${point.convention} convention)` : '';
      return `Target false positive rate ${formatNumber(point.target)}${convention}`;
    }
    case 'threshold':
      return 'Fixed threshold';
    case 'youden':
      return 'Youden-optimal threshold';
    default:
      return String(point.policy satisfies never);
  }
}

/**
 * The bootstrap in words, for the report header: replicates, level, seed, strata and the
 * resampling unit, such as `2 000 replicates, 95% percentile intervals, seed 1, stratified by
 * label, resampling rows`, or `…, stratified by label (patients with and without a positive
 * row), resampling 412 patients whole (rows sharing an id)`.
 */
export function describeBootstrap(bootstrap: BootstrapSettings): string {
  if (bootstrap.replicates === 0) return 'not run (point estimates only)';
  const byId = bootstrap.resample === 'id';
  const strata =
    bootstrap.stratify === 'none'
      ? 'not stratified'
      : byId
        ? 'stratified by label (patients with and without a positive row)'
        : // Every replicate keeps the sample's numbers of positives and negatives, so the whole
          // sample's prevalence has an interval of zero width; say why before a reader asks.
          "stratified by label (every replicate keeps the sample's positives and negatives, so " +
          "the whole sample's prevalence does not vary)";
  const patients =
    bootstrap.clusters === null ? 'patients' : `${formatCount(bootstrap.clusters)} patients`;
  const unit = byId ? `resampling ${patients} whole (rows sharing an id)` : 'resampling rows';
  return (
    `${formatCount(bootstrap.replicates)} replicates, ` +
    `${Math.round(bootstrap.level * 100)}% percentile intervals, seed ${bootstrap.seed}, ` +
    `${strata}, ${unit}`
  );
}

/** The attributes of a target's groups, in order of first appearance, without the whole sample. */
export function attributesOf(target: TargetResult): string[] {
  const attributes: string[] = [];
  for (const group of target.groups) {
    if (!isWholeSample(group) && !attributes.includes(group.attribute)) {
      attributes.push(group.attribute);
    }
  }
  return attributes;
}

/** One line of a target's list of rows in no subgroup. */
export interface UngroupedItem {
  attribute: string;
  count: number;
  /** Why, with the values: `value not listed: "f" ×10, (blank) ×2`, `outside every bin, 18 to 95`. */
  reason: string;
  /** The ids or row numbers, with an ellipsis when the list is not complete; empty when none. */
  examples: string;
}

/**
 * The rows of a target that are in no group of an attribute, one item per attribute and
 * reason, in the results' order (attributes as in the spec).
 *
 * @param target The target's results.
 */
export function ungroupedItems(target: TargetResult): UngroupedItem[] {
  return target.ungrouped.map((entry) => ({
    attribute: entry.attribute,
    count: entry.count,
    reason: ungroupedReason(entry),
    examples:
      entry.examples.length === 0
        ? ''
        : entry.examples.join(', ') + (entry.count > entry.examples.length ? ', …' : ''),
  }));
}

function ungroupedReason(entry: UngroupedRows): string {
  const values = describeValueCounts(entry.values, 10, entry.distinctValues);
  switch (entry.reason) {
    case 'value not listed':
      return `value not listed: ${values}`;
    case 'not a number':
      return `not a number: ${values}`;
    case 'outside the bins':
      // The range is shown as the data wrote it (ages, not 3-digit rates).
      if (!entry.range) return 'outside every bin';
      return entry.range.min === entry.range.max
        ? `outside every bin, all ${signed(entry.range.min)}`
        : `outside every bin, values from ${signed(entry.range.min)} to ${signed(entry.range.max)}`;
    case 'blank':
      return 'blank';
    default:
      return String(entry.reason satisfies never);
  }
}

function signed(value: number): string {
  return String(value).replace(/^-/, '−');
}

/** What the Kolmogorov–Smirnov table shows about multiple testing. */
export interface ProjectionTableView {
  /** The caption, which says how the p-values were adjusted. */
  caption: string;
  /** The families, in order; the table has a Family column only when there are several. */
  families: TestFamily[];
  showFamily: boolean;
}

/**
 * The caption and family column of the KS table. With one family the caption names its method
 * (the p-values were adjusted across all tests); with several it names each family's method and
 * test count, and each row names its family.
 *
 * @param results The audit results.
 */
export function projectionTable(results: AuditResults): ProjectionTableView {
  const families = testFamilies(results.projections);
  const alpha = results.adjustment ? `, α = ${results.adjustment.alpha}` : '';
  const intro = 'Two-sample Kolmogorov–Smirnov tests between subgroups';

  if (families.length <= 1) {
    const method = families[0]?.method ?? results.adjustment?.method;
    const adjusted = method ? `; p-values adjusted across all tests (${method})${alpha}` : '';
    return { caption: `${intro}${adjusted}.`, families, showFamily: false };
  }
  const each = families
    .map((family) => `${family.name} (${family.method}, ${countTests(family.tested)})`)
    .join('; ');
  return {
    caption: `${intro}; p-values adjusted within each family, separately: ${each}${alpha}.`,
    families,
    showFamily: true,
  };
}

function countTests(count: number): string {
  return `${count} ${count === 1 ? 'test' : 'tests'}`;
}
