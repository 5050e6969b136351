/**
 * Every metric and disparity the audit reports, for every group, against scikit-learn and NumPy
 * (test/golden/metrics.json, written by test/golden/generate_metrics.py, which states how each
 * reference value is computed).
 *
 * Data: the adversarial fixtures of test/golden/metric-fixtures/ (ties everywhere, one-class and
 * tiny groups, an absent group, scores scaled by 1e-7, all-equal scores, scores exactly on the
 * calibration bin edges, scores outside [0, 1], untestable KS comparisons), the shared cases
 * (../shared/cases) and the study's file (../shared/data/cxr-foundation-bias, with a probability
 * target derived from its logits); the last two are skipped where absent. Each data set is
 * audited under several operating-point policies.
 *
 * Tolerance: point estimates within 1e-9 absolute (the references sum in other orders, and
 * roc_auc_score integrates trapezoids where the audit counts pairs); a metric is null exactly
 * where the reference is undefined, and the group's metric keys are exactly the reference's.
 */
import { describe, expect, it } from 'vitest';

import { calibrationBinOf } from '../../../src/core/audit/cell-evaluator.ts';
import { cellNumberOrNull } from '../../../src/core/audit/cell-number.ts';
import { runProjections } from '../../../src/core/audit/projections.ts';
import { AuditRefusal } from '../../../src/core/audit/refusal.ts';
import type { AuditResults, Metric } from '../../../src/core/audit/results.ts';
import type {
  AdjustMethod,
  AuditSpec,
  GroupSpec,
  OperatingPointSpec,
} from '../../../src/core/audit/spec.ts';
import type { AuditTable } from '../../../src/core/audit/table.ts';
import { CALIBRATION_BINS } from '../../../src/core/audit/target-audit.ts';
import { audit, caseTable, haveCases, haveStudy, readTable, studyDir } from './helpers.ts';
import { fixtureTable, readMetricsGolden } from './metric-fixtures.ts';

const TOLERANCE = 1e-9;

type Source = { fixture: string } | { case: string } | { study: string };

interface GoldenGroup {
  attribute: string;
  value: string;
  n: number;
  positives: number;
  negatives: number;
  metrics: Record<string, number | null>;
}

interface GoldenTarget {
  name: string;
  rows: number;
  operatingPoint: { threshold?: number; fpr: number; tpr: number; infinite?: boolean };
  refused?: boolean;
  groups?: GoldenGroup[];
}

interface GoldenCase {
  name: string;
  source: Source;
  targets: { name: string; score: string; label: { column: string; positive: number[] } }[];
  groups: GroupSpec[];
  runs: { operatingPoint: OperatingPointSpec; refused: boolean; targets: GoldenTarget[] }[];
}

interface GoldenKs {
  fixture: string;
  column: string;
  tests: {
    groups: [string, string];
    sizes: [number, number];
    statistic: number | null;
    pValue: number | null;
  }[];
  pAdjusted: Record<AdjustMethod, (number | null)[]>;
}

interface GoldenMetrics {
  cases: GoldenCase[];
  ks: GoldenKs;
  calibrationBins: { fixture: string; bins: number[] };
}

const golden = readMetricsGolden() as GoldenMetrics;

/** The study's probability target: its Pleural Effusion logits min-max scaled to [0, 1]. */
const SCALED = 'Scaled - Pleural Effusion';

/**
 * The study's table with {@link SCALED} beside its columns, computed as the generator does:
 * (x − min) / (max − min) is two correctly rounded operations, so both languages get the same
 * doubles, and their shortest text reads back as the same numbers.
 */
function withScaledLogits(table: AuditTable): AuditTable {
  const logits = table.column('Logit - Pleural Effusion')!.map(cellNumberOrNull);
  const finite = logits.filter((value): value is number => value !== null);
  const low = finite.reduce((a, b) => Math.min(a, b));
  const high = finite.reduce((a, b) => Math.max(a, b));
  const scaled = logits.map((value) =>
    value === null ? '' : String((value - low) / (high - low)),
  );
  return {
    path: table.path,
    rowCount: table.rowCount,
    column: (name) => (name === SCALED ? scaled : table.column(name)),
    rowNumber: (index) => table.rowNumber(index),
  };
}

function sourceTable(source: Source): { path: string; table: () => AuditTable } | null {
  if ('fixture' in source)
    return { path: source.fixture, table: () => fixtureTable(source.fixture) };
  if ('case' in source)
    return haveCases ? { path: source.case, table: () => caseTable(source.case) } : null;
  if (!haveStudy) return null;
  return {
    path: source.study,
    table: () => withScaledLogits(readTable(studyDir + source.study, source.study)),
  };
}

function specOf(entry: GoldenCase, path: string, operatingPoint: OperatingPointSpec): AuditSpec {
  return {
    data: path,
    targets: entry.targets.map((target) => ({
      name: target.name,
      label: { column: target.label.column, positive: target.label.positive, negative: 'rest' },
      score: target.score,
    })),
    groups: entry.groups,
    operatingPoint,
    bootstrap: { replicates: 0, level: 0.95, seed: 1, stratify: 'label', resample: 'rows' },
    projections: [],
    adjust: 'BY',
    alpha: 0.05,
    invalidScores: 'exclude',
  };
}

function expectNumber(actual: number | null | undefined, expected: number, what: string): void {
  expect(typeof actual, `${what}: ${actual} vs ${expected}`).toBe('number');
  if (!(Math.abs(actual! - expected) <= TOLERANCE)) {
    expect.fail(`${what}: ${actual} differs from the reference ${expected} by more than 1e-9`);
  }
}

function expectMetric(actual: Metric | undefined, expected: number | null, what: string): void {
  expect(actual, `${what} is reported`).toBeDefined();
  if (expected === null) {
    expect(actual!.estimate, `${what}: the reference is undefined`).toBeNull();
    expect((actual as { reason?: unknown }).reason, `${what} reason`).toMatch(/\S/);
    return;
  }
  expectNumber(actual!.estimate, expected, what);
}

function compareTarget(results: AuditResults, want: GoldenTarget, where: string): void {
  const got = results.targets.find((target) => target.name === want.name)!;
  expect(got, `${where}: target reported`).toBeDefined();
  expectNumber(got.operatingPoint.threshold, want.operatingPoint.threshold!, `${where} threshold`);
  expectNumber(got.operatingPoint.achievedFpr, want.operatingPoint.fpr, `${where} achieved FPR`);
  expectNumber(got.operatingPoint.achievedTpr, want.operatingPoint.tpr, `${where} achieved TPR`);
  expect(
    got.groups.map((group) => `${group.attribute}=${group.value}`),
    `${where} groups`,
  ).toEqual(want.groups!.map((group) => `${group.attribute}=${group.value}`));

  got.groups.forEach((group, index) => {
    const expected = want.groups![index]!;
    const at = `${where} ${group.attribute}=${group.value}`;
    expect([group.n, group.positives, group.negatives], `${at} counts`).toEqual([
      expected.n,
      expected.positives,
      expected.negatives,
    ]);
    expect(Object.keys(group.metrics).sort(), `${at} metric keys`).toEqual(
      Object.keys(expected.metrics).sort(),
    );
    for (const [name, value] of Object.entries(expected.metrics)) {
      expectMetric(group.metrics[name], value, `${at} ${name}`);
    }
  });
}

function policyName(policy: OperatingPointSpec): string {
  if (policy.policy === 'threshold') return `threshold ${policy.threshold}`;
  if (policy.policy === 'youden') return 'youden';
  return `target FPR ${policy.targetFpr}, ${policy.convention}`;
}

describe('every metric and disparity of every group against scikit-learn (metrics.json)', () => {
  for (const entry of golden.cases) {
    const source = sourceTable(entry.source);
    describe.skipIf(source === null)(entry.name, () => {
      let table: AuditTable | undefined;
      const loaded = () => (table ??= source!.table());

      for (const run of entry.runs) {
        const name = policyName(run.operatingPoint);
        if (run.refused) {
          it(`${name}: refuses the infinite threshold the reference lands on`, () => {
            const spec = specOf(entry, source!.path, run.operatingPoint);
            expect(() => audit(spec, loaded())).toThrow(AuditRefusal);
            try {
              audit(spec, loaded());
            } catch (error) {
              const codes = (error as AuditRefusal).issues.map((issue) => issue.code);
              expect(codes).toEqual(
                run.targets.filter((t) => t.refused).map(() => 'AuditInfiniteThreshold'),
              );
            }
          });
          continue;
        }
        it(`${name}: every group's metrics and disparities`, () => {
          const results = audit(specOf(entry, source!.path, run.operatingPoint), loaded());
          expect(results.targets.map((target) => target.name)).toEqual(
            run.targets.map((target) => target.name),
          );
          for (const want of run.targets) {
            expect(results.targets.find((t) => t.name === want.name)!.groups[0]!.n).toBe(want.rows);
            compareTarget(results, want, `${entry.name}, ${name}, ${want.name}`);
          }
        });
      }
    });
  }
});

describe('calibration bins as scikit-learn assigns them', () => {
  it('puts a score on an inner edge in the bin below, with numpy edges i × 0.1', () => {
    const { fixture, bins } = golden.calibrationBins;
    const scores = Float64Array.from(fixtureTable(fixture).column('score')!, Number);
    expect(Array.from(calibrationBinOf(scores, CALIBRATION_BINS))).toEqual(bins);
  });

  it('keeps 0.3 and 0.30000000000000004 in the third bin, 0.6000000000000001 in the sixth', () => {
    const scores = Float64Array.from([0.1, 0.2, 0.3, 0.30000000000000004, 0.6, 0.6000000000000001]);
    expect(Array.from(calibrationBinOf(scores, 10))).toEqual([0, 1, 2, 2, 5, 5]);
  });
});

describe('KS tests against scipy.stats.ks_2samp, untestable comparisons left out', () => {
  const ks = golden.ks;
  const tables = new Map([[ks.fixture, fixtureTable(ks.fixture)]]);

  for (const adjust of ['BY', 'BH', 'holm', 'bonferroni'] as const) {
    it(`${adjust}: statistics, p-values and adjusted p-values; null where scipy refuses`, () => {
      const { tests } = runProjections(
        [
          {
            data: ks.fixture,
            source: 'fixture',
            columns: [ks.column],
            comparisons: ks.tests.map((test) => [
              `group=${test.groups[0]}`,
              `group=${test.groups[1]}`,
            ]),
            family: 'all',
            adjust,
          },
        ],
        tables,
        0.05,
      );
      expect(tests).toHaveLength(ks.tests.length);
      tests.forEach((test, index) => {
        const want = ks.tests[index]!;
        const at = `${want.groups.join(' vs ')}`;
        expect(test.sizes, `${at} sizes`).toEqual(want.sizes);
        if (want.pValue === null) {
          expect(test, at).toMatchObject({
            statistic: null,
            pValue: null,
            pAdjusted: null,
            reject: null,
            method: 'none',
          });
          expect(test.reason, at).toMatch(/no numeric/);
          return;
        }
        expectNumber(test.statistic, want.statistic!, `${at} statistic`);
        expectNumber(test.pValue, want.pValue, `${at} p-value`);
        expectNumber(test.pAdjusted, ks.pAdjusted[adjust][index]!, `${at} adjusted p-value`);
        expect(test.reject, `${at} reject`).toBe(ks.pAdjusted[adjust][index]! < 0.05);
      });
    });
  }
});
