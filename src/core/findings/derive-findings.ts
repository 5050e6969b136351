/**
 * Findings: a short list of what a reader should notice in an audit, derived from its results
 * by fixed rules, so that the same results always give the same list.
 */
import type { AuditResults, GroupResult, ProjectionTest, TargetResult } from '../audit/results.ts';
import { groupLabel, isWholeSample } from './group-label.ts';
import { isSmallGroup, minimumText } from './small-group.ts';
import { testFamilies } from './test-families.ts';

export type FindingKind = 'metric-gap' | 'small-groups' | 'undefined-metrics' | 'projection-tests';

export interface Finding {
  kind: FindingKind;
  /** The target the finding is about, or null for the whole audit. */
  target: string | null;
  /** `attention` when the finding deserves a closer look, `info` otherwise. */
  severity: 'attention' | 'info';
  /** One sentence for people. */
  message: string;
}

/** A gap between a group and its comparison group on one metric. */
export interface MetricGap {
  metric: 'auc' | 'tpr';
  group: GroupResult;
  /** The attribute's reference group, or the whole sample when the attribute has none. */
  comparison: GroupResult;
  /** Group estimate minus comparison estimate. */
  difference: number;
  /** Whether the group's interval leaves out the comparison's estimate; null without interval. */
  excludesComparison: boolean | null;
}

const metricNames = { auc: 'AUC', tpr: 'true positive rate' } as const;
const digits = 3;
/** How many small groups the small-groups finding names before `and N more`. */
const maxNamedGroups = 10;

/**
 * Derives the findings of an audit, in this order per target: the largest AUC gap and the
 * largest true-positive-rate gap against the reference, small groups, undefined metrics; then
 * one finding for the projection tests.
 *
 * A gap is measured against the attribute's reference group, or against the whole sample when
 * the attribute marks none. Gaps that involve an undefined estimate are skipped. A gap finding
 * is about groups that are not small (flagged `small` in the results, on either side) when there
 * is one, and then mentions a larger gap of a small group as unreliable; when every gap involves
 * a small group, the largest is given with the group named small and severity `info`.
 *
 * @param results The audit results.
 */
export function deriveFindings(results: AuditResults): Finding[] {
  const findings: Finding[] = [];

  for (const target of results.targets) {
    for (const metric of ['auc', 'tpr'] as const) {
      const finding = gapFindingOf(target, metric);
      if (finding) findings.push(finding);
    }

    const small = target.groups.filter((group) => !isWholeSample(group) && isSmallGroup(group));
    if (small.length > 0) {
      const minimum = small[0]!.small!.minimum;
      const named = small.slice(0, maxNamedGroups).map(groupLabel).join(', ');
      const more =
        small.length > maxNamedGroups ? ` and ${small.length - maxNamedGroups} more` : '';
      findings.push({
        kind: 'small-groups',
        target: target.name,
        severity: 'attention',
        message:
          `${target.name}: ${small.length} ${small.length === 1 ? 'group is' : 'groups are'} small ` +
          `(fewer than ${minimumText(minimum)}): ${named}${more}; read their estimates with care.`,
      });
    }

    // Calibration metrics of scores that are not probabilities are left out of the count: the
    // report says once why they are absent, and counting them would drown the real gaps.
    const notProbabilities = target.calibration?.bins === null;
    const undefinedCount = target.groups
      .flatMap((group) => Object.entries(group.metrics))
      .filter(([, metric]) => metric.estimate === null)
      .filter(([name]) => !(notProbabilities && isCalibrationMetric(name))).length;
    if (undefinedCount > 0) {
      findings.push({
        kind: 'undefined-metrics',
        target: target.name,
        severity: 'info',
        message: `${target.name}: ${undefinedCount} ${undefinedCount === 1 ? 'metric is' : 'metrics are'} undefined; the tables give the reason for each.`,
      });
    }
  }

  const projections = projectionFinding(results);
  if (projections) findings.push(projections);
  return findings;
}

/**
 * The group with the largest absolute difference from its comparison group on `metric`, or
 * null when no difference is defined.
 *
 * @param target the target's results
 * @param metric `auc` or `tpr`
 * @param accept which gaps to consider (default all)
 */
export function largestGap(
  target: TargetResult,
  metric: 'auc' | 'tpr',
  accept: (gap: MetricGap) => boolean = () => true,
): MetricGap | null {
  const whole = target.groups.find(isWholeSample);
  let largest: MetricGap | null = null;

  for (const group of target.groups) {
    if (isWholeSample(group) || group.reference) continue;

    const reference = target.groups.find((g) => g.attribute === group.attribute && g.reference);
    const comparison = reference ?? whole;
    if (!comparison) continue;

    const value = group.metrics[metric];
    const base = comparison.metrics[metric];
    if (value.estimate === null || base.estimate === null) continue;

    const difference = value.estimate - base.estimate;
    if (largest && Math.abs(difference) <= Math.abs(largest.difference)) continue;

    const excludesComparison =
      value.low === null || value.high === null
        ? null
        : base.estimate < value.low || base.estimate > value.high;
    const gap = { metric, group, comparison, difference, excludesComparison };
    if (accept(gap)) largest = gap;
  }

  return largest;
}

/**
 * The gap finding of a metric: the largest gap between groups that are not small, noting a
 * larger one of a small group; else the largest gap, said to involve a small group.
 */
function gapFindingOf(target: TargetResult, metric: 'auc' | 'tpr'): Finding | null {
  const sized = largestGap(target, metric, (gap) => !involvesSmall(gap));
  const any = largestGap(target, metric);
  if (sized === null) return any === null ? null : gapFinding(target, any);

  const larger =
    any !== null && involvesSmall(any) && Math.abs(any.difference) > Math.abs(sized.difference)
      ? any
      : null;
  return gapFinding(target, sized, larger);
}

function involvesSmall(gap: MetricGap): boolean {
  return isSmallGroup(gap.group) || isSmallGroup(gap.comparison);
}

function gapFinding(
  target: TargetResult,
  gap: MetricGap,
  larger: MetricGap | null = null,
): Finding {
  const name = metricNames[gap.metric];
  const groupEstimate = (gap.group.metrics[gap.metric].estimate ?? 0).toFixed(digits);
  const comparisonEstimate = (gap.comparison.metrics[gap.metric].estimate ?? 0).toFixed(digits);
  const interval =
    gap.excludesComparison === true
      ? ' Its interval leaves out the comparison value.'
      : gap.excludesComparison === false
        ? ' Its interval includes the comparison value.'
        : '';
  const small = involvesSmall(gap) ? ` ${smallWords(gap)}, so this gap is unreliable.` : '';
  const aside = larger
    ? ` A larger gap, ${groupLabel(larger.group)} ${distance(larger)}, is unreliable: ` +
      `${smallWords(larger)}.`
    : '';

  return {
    kind: 'metric-gap',
    target: target.name,
    severity: gap.excludesComparison === true && small === '' ? 'attention' : 'info',
    message:
      `${target.name}: the largest ${name} gap is ${groupLabel(gap.group)}, ${distance(gap)} ` +
      `(${groupEstimate} vs ${comparisonEstimate}).${interval}${small}${aside}`,
  };
}

/** `0.086 below race: White`, or `equal to race: White`. */
function distance(gap: MetricGap): string {
  const size = Math.abs(gap.difference).toFixed(digits);
  const direction = gap.difference < 0 ? 'below' : gap.difference > 0 ? 'above' : 'equal to';
  return `${gap.difference === 0 ? '' : `${size} `}${direction} ${groupLabel(gap.comparison)}`;
}

/** Which side of a gap is small and why: `race: Other is a small group (12 rows, fewer than 30)`. */
function smallWords(gap: MetricGap): string {
  const sides = [gap.group, gap.comparison]
    .filter((group) => group.small !== undefined)
    .map((group) => `${groupLabel(group)} is a small group (${group.small!.reason})`);
  return sides.join(' and ');
}

function projectionFinding(results: AuditResults): Finding | null {
  const tests = results.projections;
  if (tests.length === 0) return null;

  const tested = tests.filter((test) => test.reject !== null);
  const rejected = tested.filter((test) => test.reject === true);
  const untestable = tests.length - tested.length;
  const adjustment = results.adjustment ? adjustmentWords(tests, results.adjustment.alpha) : '';
  const skipped = untestable > 0 ? ` ${untestable} could not be run.` : '';

  return {
    kind: 'projection-tests',
    target: null,
    severity: rejected.length > 0 ? 'attention' : 'info',
    message:
      `${rejected.length} of ${tested.length} Kolmogorov–Smirnov tests on the feature ` +
      `projections found the subgroups’ distributions different${adjustment}.${skipped}`,
  };
}

/** ` after BY adjustment at α = 0.05`, or per family when the tests form more than one. */
function adjustmentWords(tests: readonly ProjectionTest[], alpha: number): string {
  const families = testFamilies(tests);
  if (families.length === 1) return ` after ${families[0]!.method} adjustment at α = ${alpha}`;
  const each = families.map((family) => `${family.name}: ${family.method}`).join('; ');
  return ` after adjustment within each of ${families.length} families (${each}) at α = ${alpha}`;
}

/** `brier`, `ece` and their disparities (`eceDifference`, `brierRatioToAll`, …). */
function isCalibrationMetric(name: string): boolean {
  return name.startsWith('brier') || name.startsWith('ece');
}
