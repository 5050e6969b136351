/**
 * Invariants of the audit's metrics, checked on random data sets from fast-check with a fixed
 * seed (so a failure replays; fast-check prints the seed and the shrunk counterexample).
 *
 * Data sets have 2 to 60 rows, both classes, two attributes (`g` with reference `A`, whose
 * groups may be empty or one-class; `h` without reference), and scores either on a grid k / K
 * (ties everywhere) or continuous in [0, 1]. Each property runs through `runAudit`, as a user's
 * audit would, under the policies where it holds.
 *
 * Exactness: "bit-identical" compares with Object.is; otherwise the tolerance is stated where
 * it is used, from the number of roundings involved.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { AuditRefusal } from '../../../src/core/audit/refusal.ts';
import type { AuditResults, GroupResult, Metric } from '../../../src/core/audit/results.ts';
import type { AuditSpec, OperatingPointSpec } from '../../../src/core/audit/spec.ts';
import { tableFromColumns } from '../../../src/core/audit/table.ts';
import { audit } from './helpers.ts';

const SEED = 20261204;
const RUNS = 120;

const BASE = [
  'auc',
  'tpr',
  'fpr',
  'tnr',
  'fnr',
  'ppv',
  'npv',
  'prevalence',
  'youden',
  'brier',
  'ece',
] as const;
const CALIBRATION = new Set<string>(['brier', 'ece']);

const FULL_CURVE: OperatingPointSpec = {
  policy: 'target-fpr',
  targetFpr: 0.2,
  convention: 'full-curve',
};
const REFERENCE: OperatingPointSpec = { ...FULL_CURVE, convention: 'reference' };
const YOUDEN: OperatingPointSpec = { policy: 'youden' };
const THRESHOLD: OperatingPointSpec = { policy: 'threshold', threshold: 0.5 };
/** The policies that read only the order of the scores. */
const RANK_POLICIES = [FULL_CURVE, REFERENCE, YOUDEN];

interface Row {
  score: number;
  /** The score's rank among the distinct scores (equal for tied scores), an integer. */
  rank: number;
  label: 0 | 1;
  g: string;
  h: string;
}

/**
 * Random data sets as described above; rows 0 and 1 are a positive and a negative. Continuous
 * scores are multiples of 2⁻³², so that scaling them by a power of two is exact.
 */
const datasets = fc
  .record({
    grid: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
    rows: fc.array(
      fc.record({
        k: fc.nat({ max: 0xffffffff }),
        label: fc.constantFrom<0 | 1>(0, 1),
        g: fc.constantFrom('A', 'B', 'C'),
        h: fc.constantFrom('x', 'y'),
      }),
      { minLength: 2, maxLength: 60 },
    ),
  })
  .map(({ grid, rows }): Row[] => {
    const scores = rows.map(({ k }) =>
      grid === undefined ? k / 2 ** 32 : (k % (grid + 1)) / grid,
    );
    const distinct = [...new Set(scores)].sort((a, b) => a - b);
    return rows.map((row, index) => ({
      score: scores[index]!,
      rank: distinct.indexOf(scores[index]!),
      label: index === 0 ? 1 : index === 1 ? 0 : row.label,
      g: row.g,
      h: row.h,
    }));
  });

function spec(operatingPoint: OperatingPointSpec, replicates = 0): AuditSpec {
  return {
    data: 'data.csv',
    id: 'id',
    targets: [
      { name: 't', label: { column: 'label', positive: [1], negative: 'rest' }, score: 'score' },
    ],
    groups: [
      { column: 'g', values: ['A', 'B', 'C'], reference: 'A' },
      { column: 'h', values: ['x', 'y'] },
    ],
    operatingPoint,
    bootstrap: { replicates, level: 0.95, seed: 7, stratify: 'label', resample: 'rows' },
    projections: [],
    adjust: 'BY',
    alpha: 0.05,
    invalidScores: 'exclude',
  };
}

/** The audit of the rows, or 'refused' (an infinite threshold on the whole sample). */
function run(
  rows: readonly Row[],
  operatingPoint: OperatingPointSpec,
  replicates = 0,
): AuditResults | 'refused' {
  const table = tableFromColumns('data.csv', {
    id: rows.map((_, index) => `r${index}`),
    score: rows.map((row) => String(row.score)),
    label: rows.map((row) => String(row.label)),
    g: rows.map((row) => row.g),
    h: rows.map((row) => row.h),
  });
  try {
    return audit(spec(operatingPoint, replicates), table);
  } catch (error) {
    if (error instanceof AuditRefusal) {
      expect(error.issues.map((issue) => issue.code)).toEqual(['AuditInfiniteThreshold']);
      return 'refused';
    }
    throw error;
  }
}

function groupsOf(results: AuditResults): GroupResult[] {
  return results.targets[0]!.groups;
}

function value(metric: Metric | undefined): number | null {
  return metric === undefined ? null : metric.estimate;
}

/**
 * Asserts that two audits report the same estimates (Object.is) for the metrics `keep`, the
 * second on `copies` copies of the first's rows.
 */
function expectSameEstimates(
  a: AuditResults | 'refused',
  b: AuditResults | 'refused',
  keep: (name: string) => boolean,
  copies = 1,
): void {
  if (a === 'refused' || b === 'refused') {
    expect(b).toBe(a);
    return;
  }
  const left = groupsOf(a);
  const right = groupsOf(b);
  expect(right.map((g) => [g.value, g.n, g.positives])).toEqual(
    left.map((g) => [g.value, g.n * copies, g.positives * copies]),
  );
  left.forEach((group, index) => {
    for (const [name, metric] of Object.entries(group.metrics)) {
      if (!keep(name)) continue;
      const other = right[index]!.metrics[name];
      if (!Object.is(value(metric), value(other))) {
        expect.fail(`${group.value} ${name}: ${value(metric)} then ${value(other)}`);
      }
    }
  });
}

/** The base metric a result key is about (`tprRatioToAll` → `tpr`). */
function baseOf(name: string): string {
  return BASE.find(
    (base) => name === base || name.startsWith(base + 'R') || name.startsWith(base + 'D'),
  )!;
}

const check = <Values extends [unknown, ...unknown[]]>(property: fc.IProperty<Values>) =>
  fc.assert(property, { seed: SEED, numRuns: RUNS });

describe('properties of the audit metrics (fast-check, seeded)', () => {
  it('negating the scores turns every AUC into 1 − AUC (to 1e-12), null where it was', () => {
    // Negation keeps ties, so the pair counts swap exactly; 1e-12 covers the two roundings of
    // a quotient and a subtraction.
    check(
      fc.property(datasets, (rows) => {
        const before = run(rows, YOUDEN);
        const after = run(
          rows.map((row) => ({ ...row, score: -row.score })),
          YOUDEN,
        );
        if (before === 'refused' || after === 'refused') throw new Error('youden never refuses');
        groupsOf(before).forEach((group, index) => {
          const auc = value(group.metrics.auc);
          const negated = value(groupsOf(after)[index]!.metrics.auc);
          if (auc === null) expect(negated).toBeNull();
          else expect(Math.abs(negated! - (1 - auc))).toBeLessThanOrEqual(1e-12);
        });
      }),
    );
  });

  it('keeps rates, predictive values, prevalence, AUC, Brier and ECE and their intervals in [0, 1], Youden in [−1, 1]', () => {
    check(
      fc.property(
        datasets,
        fc.constantFrom(FULL_CURVE, REFERENCE, YOUDEN, THRESHOLD),
        (rows, policy) => {
          const results = run(rows, policy, 20);
          if (results === 'refused') return;
          for (const group of groupsOf(results)) {
            for (const name of BASE) {
              const metric = group.metrics[name]!;
              if (metric.estimate === null) continue;
              const [low, high] = name === 'youden' ? [-1, 1] : [0, 1];
              expect(metric.estimate, `${group.value} ${name}`).toBeGreaterThanOrEqual(low);
              expect(metric.estimate, `${group.value} ${name}`).toBeLessThanOrEqual(high);
              if (metric.low === null || metric.high === null) continue;
              expect(metric.low).toBeGreaterThanOrEqual(low);
              expect(metric.high).toBeLessThanOrEqual(high);
              expect(metric.low).toBeLessThanOrEqual(metric.high);
            }
          }
        },
      ),
    );
  });

  it('a strictly increasing transform of the scores changes no metric but Brier and ECE, nor its interval', () => {
    // Transforms of the rank (distinct ranks stay distinct doubles), or exact scalings of the
    // scores by powers of two. Under the rank policies the operating point
    // moves with the scores, so every count, and every bootstrap replicate, is unchanged.
    const transforms: ((row: Row) => number)[] = [
      (row) => Math.exp(row.rank / 3) - 50,
      (row) => row.rank * 1e-7,
      (row) => -1 / (row.rank + 1),
      (row) => row.score * 2 ** -24,
      (row) => row.score * 2 ** 30 - 5,
    ];
    check(
      fc.property(
        datasets,
        fc.constantFrom(...transforms),
        fc.constantFrom(...RANK_POLICIES),
        (rows, transform, policy) => {
          const moved = rows.map((row) => ({ ...row, score: transform(row) }));
          const before = run(rows, policy, 25);
          const after = run(moved, policy, 25);
          expectSameEstimates(before, after, (name) => !CALIBRATION.has(baseOf(name)));
          if (before === 'refused' || after === 'refused') return;
          const [a, b] = [before.targets[0]!, after.targets[0]!];
          expect([b.operatingPoint.achievedFpr, b.operatingPoint.achievedTpr]).toEqual([
            a.operatingPoint.achievedFpr,
            a.operatingPoint.achievedTpr,
          ]);
          groupsOf(before).forEach((group, index) => {
            for (const [name, metric] of Object.entries(group.metrics)) {
              if (CALIBRATION.has(baseOf(name)) || metric.estimate === null) continue;
              const other = groupsOf(after)[index]!.metrics[name]!;
              expect(other, `${group.value} ${name}`).toEqual(metric);
            }
          });
        },
      ),
    );
  });

  const permuted = datasets.chain((rows) =>
    fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
  );
  const allPolicies = fc.constantFrom(FULL_CURVE, REFERENCE, YOUDEN, THRESHOLD);

  it('permuting the rows leaves every point estimate but Brier and ECE bit-identical', () => {
    check(
      fc.property(permuted, allPolicies, ([rows, shuffled], policy) => {
        const keep = (name: string) => !CALIBRATION.has(baseOf(name));
        expectSameEstimates(run(rows, policy), run(shuffled, policy), keep);
      }),
    );
  });

  it('permuting the rows changes Brier, ECE and their differences by at most 1e-14', () => {
    // Rows of one score and label but different groups are separate cells, added in the order
    // the rows first appear; the calibration sums are not integers, so that order can change
    // their last bits (see the next test). A sum of at most 60 terms of size at most 1 moves by
    // less than 60 × 2⁻⁵³ ≈ 7e-15 when reordered; a difference of two such sums by twice that.
    // Ratios are left out: their relative error is that of an ECE, which can be as small as
    // the rounding of the sums that cancel in it.
    const differenceOrBase = (name: string) =>
      CALIBRATION.has(baseOf(name)) && !name.includes('Ratio');
    check(
      fc.property(permuted, allPolicies, ([rows, shuffled], policy) => {
        const [a, b] = [run(rows, policy), run(shuffled, policy)];
        if (a === 'refused' || b === 'refused') return void expect(b).toBe(a);
        groupsOf(a).forEach((group, index) => {
          for (const [name, metric] of Object.entries(group.metrics)) {
            if (!differenceOrBase(name) || metric.estimate === null) continue;
            const other = value(groupsOf(b)[index]!.metrics[name])!;
            expect(Math.abs(other - metric.estimate), `${group.value} ${name}`).toBeLessThanOrEqual(
              1e-14,
            );
          }
        });
      }),
    );
  });

  // The cells of a block of tied scores, and the group combinations, are ordered by their
  // groups and label, not by the rows' order of appearance (score-cells.ts), so that the
  // calibration sums are added in the same order whatever the order of the rows.
  it('permuting the rows leaves Brier and ECE bit-identical too', () => {
    check(
      fc.property(permuted, allPolicies, ([rows, shuffled], policy) => {
        expectSameEstimates(run(rows, policy), run(shuffled, policy), () => true);
      }),
    );
  });

  it('duplicating every row leaves every point estimate bit-identical', () => {
    // Each cell's weight doubles, and doubling is exact in floating point, so every sum, count
    // and ratio is the same double; the operating point's comparisons scale by 2 or 4.
    check(
      fc.property(
        datasets,
        fc.constantFrom(FULL_CURVE, REFERENCE, YOUDEN, THRESHOLD),
        (rows, policy) => {
          expectSameEstimates(run(rows, policy), run([...rows, ...rows], policy), () => true, 2);
        },
      ),
    );
  });

  it('TPR + FNR = 1 and FPR + TNR = 1 whenever defined (to 2⁻⁵², one rounding each)', () => {
    check(
      fc.property(datasets, fc.constantFrom(FULL_CURVE, YOUDEN, THRESHOLD), (rows, policy) => {
        const results = run(rows, policy);
        if (results === 'refused') return;
        for (const group of groupsOf(results)) {
          const [tpr, fnr, fpr, tnr] = (['tpr', 'fnr', 'fpr', 'tnr'] as const).map((name) =>
            value(group.metrics[name]),
          );
          expect(tpr === null).toBe(fnr === null);
          expect(fpr === null).toBe(tnr === null);
          if (tpr != null) expect(Math.abs(tpr + fnr! - 1)).toBeLessThanOrEqual(2 ** -52);
          if (fpr != null) expect(Math.abs(fpr + tnr! - 1)).toBeLessThanOrEqual(2 ** -52);
        }
      }),
    );
  });

  it('is undefined exactly where a denominator is zero', () => {
    check(
      fc.property(datasets, fc.constantFrom(FULL_CURVE, YOUDEN, THRESHOLD), (rows, policy) => {
        const results = run(rows, policy);
        if (results === 'refused') return;
        for (const { n, positives, negatives, metrics } of groupsOf(results)) {
          const defined = (name: string) => value(metrics[name]) !== null;
          expect(defined('auc')).toBe(positives > 0 && negatives > 0);
          expect(defined('youden')).toBe(positives > 0 && negatives > 0);
          expect(defined('tpr') && defined('fnr')).toBe(positives > 0);
          expect(defined('fpr') && defined('tnr')).toBe(negatives > 0);
          expect(defined('prevalence') && defined('brier') && defined('ece')).toBe(n > 0);
          if (n > 0) expect(value(metrics.prevalence)! * n).toBeCloseTo(positives, 9);
        }
      }),
    );
  });

  it('a disparity is exactly the difference or ratio of the reported estimates', () => {
    check(
      fc.property(datasets, fc.constantFrom(FULL_CURVE, YOUDEN, THRESHOLD), (rows, policy) => {
        const results = run(rows, policy);
        if (results === 'refused') return;
        const groups = groupsOf(results);
        const whole = groups[0]!;
        const reference = groups.find((group) => group.reference)!;
        for (const group of groups.slice(1)) {
          const against: [GroupResult, string, string][] = [
            [whole, 'DifferenceFromAll', 'RatioToAll'],
          ];
          if (group.attribute === 'g' && !group.reference) {
            against.push([reference, 'Difference', 'Ratio']);
          }
          for (const [other, difference, ratio] of against) {
            for (const name of BASE) {
              const own = value(group.metrics[name]);
              const theirs = value(other.metrics[name]);
              const expectedDifference = own === null || theirs === null ? null : own - theirs;
              expect(value(group.metrics[name + difference])).toBe(expectedDifference);
              if (name === 'youden') {
                expect(group.metrics[name + ratio]).toBeUndefined();
                continue;
              }
              const expectedRatio =
                own === null || theirs === null || theirs === 0 ? null : own / theirs;
              expect(value(group.metrics[name + ratio])).toBe(expectedRatio);
            }
          }
        }
      }),
    );
  });

  it('gives the same results, bootstrap included, when run twice', () => {
    check(
      fc.property(datasets, (rows) => {
        expect(JSON.stringify(run(rows, FULL_CURVE, 15))).toBe(
          JSON.stringify(run(rows, FULL_CURVE, 15)),
        );
      }),
    );
  });
});
