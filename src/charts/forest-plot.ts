/**
 * A forest plot of one metric across the subgroups of one target: each group's estimate with
 * its bootstrap interval, and the whole sample's estimate as a vertical reference line.
 */
import * as Plot from '@observablehq/plot';
import type { GroupResult, TargetResult } from '../core/audit/results.ts';
import { groupLabel, isWholeSample } from '../core/findings/group-label.ts';
import { createDocument, finishSvg } from './svg-document.ts';

/** The metrics a forest plot can show, with their names for people. */
export const forestMetrics = {
  auc: 'AUC',
  tpr: 'True positive rate',
  fpr: 'False positive rate',
  youden: 'Youden J',
} as const;

export type ForestMetric = keyof typeof forestMetrics;

export interface ForestPlotOptions {
  /** Width in pixels of the drawing (default 560); the page scales it down on small screens. */
  width?: number;
}

interface Row {
  label: string;
  estimate: number | null;
  low: number | null;
  high: number | null;
  reference: boolean;
  reason: string | null;
}

const rowHeight = 24;
const digits = 3;

/**
 * Draws the forest plot of `metric` for `target` as an SVG string.
 *
 * Groups whose metric is undefined keep their row, with the word "undefined" instead of a dot;
 * the reference group is drawn as a square. Rates use the fixed axis [0, 1], Youden J [−1, 1],
 * so that plots of different targets compare at a glance.
 *
 * @param target One target of the audit results.
 * @param metric `auc`, `tpr`, `fpr` or `youden`.
 * @param options See {@link ForestPlotOptions}.
 */
export function forestPlot(
  target: TargetResult,
  metric: ForestMetric,
  options: ForestPlotOptions = {},
): string {
  const metricName = forestMetrics[metric];
  const rows = target.groups.filter((group) => !isWholeSample(group)).map((g) => toRow(g, metric));
  const whole = target.groups.find(isWholeSample);
  const overall = whole ? toRow(whole, metric).estimate : null;

  const domain: [number, number] = metric === 'youden' ? [-1, 1] : [0, 1];
  const labels = rows.map((row) => row.label);
  const longest = Math.max(0, ...labels.map((label) => label.length));
  const defined = rows.filter((row) => row.estimate !== null);
  const intervals = defined.filter((row) => row.low !== null && row.high !== null);

  const svg = Plot.plot({
    document: createDocument(),
    width: options.width ?? 560,
    style: { fontSize: '11px' },
    height: 70 + rowHeight * Math.max(1, rows.length),
    marginLeft: Math.min(240, 12 + 6.5 * longest),
    marginRight: 24,
    marginTop: 30,
    x: { domain, label: metricName, grid: true, tickFormat: (v: number) => v.toFixed(1) },
    y: { domain: labels, label: null },
    marks: [
      overall === null
        ? null
        : Plot.ruleX([overall], {
            stroke: 'currentColor',
            strokeDasharray: '4,3',
            strokeOpacity: 0.7,
          }),
      overall === null
        ? null
        : Plot.text([overall], {
            x: (value: number) => value,
            frameAnchor: 'top',
            dy: -18,
            text: (value: number) => `Whole sample ${value.toFixed(digits)}`,
          }),
      Plot.ruleY(intervals, { y: 'label', x1: 'low', x2: 'high', strokeWidth: 2 }),
      Plot.dot(defined, {
        x: 'estimate',
        y: 'label',
        r: 4.5,
        fill: 'currentColor',
        stroke: 'white',
        symbol: (row: Row) => (row.reference ? 'square' : 'circle'),
      }),
      Plot.text(
        rows.filter((row) => row.estimate === null),
        {
          x: domain[0],
          y: 'label',
          text: () => 'undefined',
          textAnchor: 'start',
          dx: 4,
          fontStyle: 'italic',
        },
      ),
    ],
  });

  return finishSvg(svg as unknown as Element, {
    label: `Forest plot of ${metricName} by subgroup for ${target.name}`,
    description: describe(rows, metricName, overall),
  });
}

function toRow(group: GroupResult, metric: ForestMetric): Row {
  const value = group.metrics[metric];
  const label = groupLabel(group) + (group.reference ? ' (reference)' : '');
  if (value === undefined || value.estimate === null || !Number.isFinite(value.estimate)) {
    return {
      label,
      estimate: null,
      low: null,
      high: null,
      reference: group.reference === true,
      reason: value && value.estimate === null ? value.reason : 'not reported',
    };
  }

  const finite = (x: number | null) => (x !== null && Number.isFinite(x) ? x : null);
  return {
    label,
    estimate: value.estimate,
    low: finite(value.low),
    high: finite(value.high),
    reference: group.reference === true,
    reason: null,
  };
}

/** The plot's data in words, for screen readers and for anyone who cannot see the chart. */
function describe(rows: Row[], metricName: string, overall: number | null): string {
  const lines = rows.map((row) => {
    if (row.estimate === null) return `${row.label}: undefined (${row.reason}).`;
    const interval =
      row.low !== null && row.high !== null
        ? `, interval ${row.low.toFixed(digits)} to ${row.high.toFixed(digits)}`
        : '';
    return `${row.label}: ${row.estimate.toFixed(digits)}${interval}.`;
  });
  const whole = overall === null ? '' : ` Whole sample: ${overall.toFixed(digits)}.`;
  return `${metricName} by subgroup.${whole} ${lines.join(' ')}`;
}
