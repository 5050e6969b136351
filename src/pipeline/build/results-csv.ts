/**
 * The audit results as CSV files for spreadsheets: one row per target, group and metric
 * (`metrics.csv`), and one row per Kolmogorov–Smirnov test (`ks-tests.csv`).
 */
import type { AuditResults, Metric } from '../../core/audit/results.ts';

const metricHeader = [
  'target',
  'attribute',
  'value',
  'n',
  'positives',
  'negatives',
  'metric',
  'estimate',
  'low',
  'high',
  'undefined_replicates',
  'reason',
];

/** Long-format metrics: undefined values are empty cells with the reason beside them. */
export function metricsCsv(results: AuditResults): string {
  const rows: unknown[][] = [metricHeader];
  for (const target of results.targets) {
    for (const group of target.groups) {
      for (const [name, metric] of Object.entries(group.metrics)) {
        rows.push([
          target.name,
          group.attribute,
          group.value,
          group.n,
          group.positives,
          group.negatives,
          name,
          ...metricCells(metric),
        ]);
      }
    }
  }
  return toCsv(rows);
}

/**
 * One row per projection test, adjusted p-values included, with the multiple-testing family the
 * test was adjusted in and that family's method (the last columns, so that readers of the older
 * column order still find theirs).
 */
export function ksTestsCsv(results: AuditResults): string {
  const rows: unknown[][] = [
    [
      'source',
      'column',
      'attribute',
      'group_a',
      'group_b',
      'n_a',
      'n_b',
      'statistic',
      'p_value',
      'p_adjusted',
      'reject',
      'method',
      'reason',
      'family',
      'adjust_method',
    ],
  ];
  for (const test of results.projections) {
    rows.push([
      test.source,
      test.column,
      test.attribute,
      test.groups[0],
      test.groups[1],
      test.sizes[0],
      test.sizes[1],
      test.statistic,
      test.pValue,
      test.pAdjusted,
      test.reject,
      test.method,
      test.reason ?? '',
      test.family,
      test.adjustMethod,
    ]);
  }
  return toCsv(rows);
}

function metricCells(metric: Metric): unknown[] {
  if (metric.estimate === null) return ['', '', '', '', metric.reason];
  return [
    metric.estimate,
    metric.low,
    metric.high,
    metric.undefinedReplicates ?? '',
    metric.intervalReason ?? '',
  ];
}

function toCsv(rows: unknown[][]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

/**
 * Quotes a cell when it holds a separator, a quote or a line break (RFC 4180). Text that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or carriage return first) gets a
 * leading apostrophe, unless it is a plain number: group values come from user data.
 */
function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !Number.isFinite(Number(text))) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
