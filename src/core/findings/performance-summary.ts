/**
 * A short plain-text summary of an audit, for a model card's performance comments: the whole
 * sample's headline numbers per target, the largest subgroup gap, and where the full results
 * are. It fits a length budget counted in Unicode code points, as JSON Schema's `maxLength`
 * counts, by showing less detail rather than by cutting the link.
 */
import { BASE_METRICS, METRIC_NAMES } from '../audit/metric-layout.ts';
import type { AuditResults, GroupResult, Metric, OperatingPoint } from '../audit/results.ts';
import { largestGap, type MetricGap } from './derive-findings.ts';
import { groupLabel, isWholeSample } from './group-label.ts';

/** The default budget of {@link performanceSummary}, in code points. */
export const summaryMaxLength = 512;

/**
 * Short names of the metrics a summary shows, in the order it shows them. A metric of the
 * results that is not listed here (a disparity, `prevalence`, one added later) is not shown.
 */
export const summaryMetricLabels: Readonly<Record<string, string>> = Object.fromEntries(
  BASE_METRICS.filter((metric) => metric !== 'prevalence').map((metric) => [
    metric,
    METRIC_NAMES[metric],
  ]),
);

export interface SummaryOptions {
  /** Where the full results are: an absolute URL, or a path when the site's URL is unknown. */
  link: string;
  /** The most code points the summary may have; default {@link summaryMaxLength}. */
  maxLength?: number;
}

/** How much of each target's whole-sample numbers to show. */
interface Detail {
  /** Metric keys to show, or every key of {@link summaryMetricLabels}. */
  metrics: readonly string[] | 'all';
  intervals: 'all' | 'auc' | 'none';
  /** Whether to give the sample size and positives (`n=2358, 364 positive`). */
  counts: boolean;
}

/** AUC, and the rates at the operating point that every audit reports. */
const operatingPointMetrics = ['auc', 'tpr', 'fpr'] as const;

/** From most to least detail; the first that fits the budget is used. */
const details: readonly Detail[] = [
  { metrics: 'all', intervals: 'all', counts: true },
  { metrics: 'all', intervals: 'auc', counts: true },
  { metrics: operatingPointMetrics, intervals: 'auc', counts: true },
  { metrics: operatingPointMetrics, intervals: 'none', counts: true },
  { metrics: ['auc'], intervals: 'none', counts: true },
  { metrics: ['auc'], intervals: 'none', counts: false },
];

/** Target and group names longer than this many code points are shortened with `…`. */
const nameLength = 40;

/**
 * Summarizes an audit in at most `maxLength` code points:
 * `Operating point chosen on the whole sample: target FPR 0.2. Whole sample (95% CI in
 * brackets): Pneumothorax (n=2358, 364 positive): AUC 0.876 [0.857, 0.894], TPR 0.797, …;
 * Pleural Effusion (…): …. Largest subgroup gap: Pneumothorax TPR, sex: Female 0.656 vs sex:
 * Male 0.953 (-0.297). Full results: <link>`.
 *
 * Undefined metrics are left out (never shown as 0); a target without a whole-sample group says
 * so. The gap is the largest of {@link largestGap} over targets for AUC and TPR, as the audit
 * report's findings measure it (against the attribute's reference group, or the whole sample).
 * To fit, it drops intervals, then metrics, then counts; then the last targets (`…; 9 more
 * targets in the full results`). Names longer than 40 code points are shortened with `…`. The
 * link is kept whole unless it alone nearly fills the budget.
 *
 * @param results The audit results.
 * @param options The link to the full results and the budget.
 * @returns The summary; `codePointLength(summary) <= maxLength`.
 */
export function performanceSummary(results: AuditResults, options: SummaryOptions): string {
  const maxLength = options.maxLength ?? summaryMaxLength;
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new RangeError(`maxLength: expected a positive integer, got ${maxLength}`);
  }

  const opening = openingSentence(results);
  const gap = gapSentence(results);
  const ending = `Full results: ${options.link}`;
  const compose = (numbers: string) => [opening, numbers, gap, ending].filter(Boolean).join(' ');

  const targets = results.targets.length;
  for (const detail of details) {
    const text = compose(headline(results, detail, targets));
    if (codePointLength(text) <= maxLength) return text;
  }
  const least = details[details.length - 1]!;
  for (let shown = targets - 1; shown >= 0; shown -= 1) {
    const text = compose(headline(results, least, shown));
    if (codePointLength(text) <= maxLength) return text;
  }
  return clip(compose(headline(results, least, 0)), maxLength);
}

/** The number of Unicode code points of `text` (a surrogate pair counts once). */
export function codePointLength(text: string): number {
  return Array.from(text).length;
}

/** `text` cut to at most `length` code points, ending with `…` when it was cut. */
function clip(text: string, length: number): string {
  if (text.length <= length) return text;
  const points: string[] = [];
  for (const point of text) {
    if (points.length === length) return `${points.slice(0, length - 1).join('')}…`;
    points.push(point);
  }
  return text;
}

function openingSentence(results: AuditResults): string {
  const first = results.targets[0];
  if (!first) return 'The audit has no targets.';
  return `Operating point chosen on the whole sample: ${operatingPointWords(first.operatingPoint)}.`;
}

function operatingPointWords(point: OperatingPoint): string {
  if (point.policy === 'target-fpr' && point.target !== null) return `target FPR ${point.target}`;
  if (point.policy === 'youden') return 'Youden-optimal threshold';
  return `threshold ${point.threshold}`;
}

/** The whole-sample numbers of the first `shown` targets, and how many more there are. */
function headline(results: AuditResults, detail: Detail, shown: number): string {
  if (results.targets.length === 0) return '';
  const parts = results.targets.slice(0, shown).map((target) => {
    const name = clip(target.name, nameLength);
    const whole = target.groups.find(isWholeSample);
    if (!whole) return `${name}: no whole-sample result`;
    const numbers = wholeSampleNumbers(whole, detail).text || 'no metric defined';
    const size = detail.counts ? ` (n=${whole.n}, ${whole.positives} positive)` : '';
    return `${name}${size}: ${numbers}`;
  });
  const more = results.targets.length - shown;
  if (more > 0) {
    const targets = `${more} ${shown > 0 ? 'more ' : ''}${more === 1 ? 'target' : 'targets'}`;
    parts.push(`${targets} in the full results`);
  }

  const withIntervals = results.targets.slice(0, shown).some((target) => {
    const whole = target.groups.find(isWholeSample);
    return whole !== undefined && wholeSampleNumbers(whole, detail).intervals;
  });
  const level = `${Math.round(results.bootstrap.level * 100)}% CI in brackets`;
  return `Whole sample${withIntervals ? ` (${level})` : ''}: ${parts.join('; ')}.`;
}

/** The shown metrics of the whole sample, and whether any carries an interval. */
function wholeSampleNumbers(
  whole: GroupResult,
  detail: Detail,
): { text: string; intervals: boolean } {
  const keys = detail.metrics === 'all' ? Object.keys(summaryMetricLabels) : detail.metrics;
  let intervals = false;
  const shown: string[] = [];
  for (const key of keys) {
    const metric: Metric | undefined = whole.metrics[key];
    if (!metric || metric.estimate === null) continue;
    const interval =
      (detail.intervals === 'all' || (detail.intervals === 'auc' && key === 'auc')) &&
      metric.low !== null &&
      metric.high !== null
        ? ` [${fixed(metric.low)}, ${fixed(metric.high)}]`
        : '';
    intervals ||= interval !== '';
    shown.push(`${summaryMetricLabels[key] ?? key} ${fixed(metric.estimate)}${interval}`);
  }
  return { text: shown.join(', '), intervals };
}

function gapSentence(results: AuditResults): string {
  let largest: { target: string; gap: MetricGap } | null = null;
  for (const target of results.targets) {
    for (const metric of ['auc', 'tpr'] as const) {
      const gap = largestGap(target, metric);
      if (gap && (!largest || Math.abs(gap.difference) > Math.abs(largest.gap.difference))) {
        largest = { target: target.name, gap };
      }
    }
  }

  if (!largest) {
    const hasSubgroups = results.targets.some((target) =>
      target.groups.some((group) => !isWholeSample(group)),
    );
    return hasSubgroups ? 'No subgroup gap is defined.' : '';
  }
  const { gap } = largest;
  const where = `${clip(largest.target, nameLength)} ${summaryMetricLabels[gap.metric]}`;
  const difference = `${gap.difference > 0 ? '+' : ''}${fixed(gap.difference)}`;
  return (
    `Largest subgroup gap: ${where}, ${groupWithEstimate(gap.group, gap.metric)} vs ` +
    `${groupWithEstimate(gap.comparison, gap.metric)} (${difference}).`
  );
}

/** `sex: Female 0.656`; a gap's estimates are defined (largestGap skips undefined ones). */
function groupWithEstimate(group: GroupResult, metric: 'auc' | 'tpr'): string {
  return `${clip(groupLabel(group), nameLength)} ${fixed(group.metrics[metric].estimate as number)}`;
}

/** Three decimals, without a sign on a value that rounds to zero. */
function fixed(value: number): string {
  const text = value.toFixed(3);
  return /^-0\.0+$/.test(text) ? text.slice(1) : text;
}
