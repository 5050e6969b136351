/**
 * The audit's bootstrap intervals against a NumPy/scikit-learn bootstrap of the same design
 * (test/golden/metrics.json, `bootstrap`, from test/golden/generate_metrics.py): the whole
 * sample's AUC and its TPR at the full-curve operating point (target FPR 0.2) re-derived in each
 * replicate, 2,000 replicates stratified by label, 95% percentile intervals, on the committed
 * fixture probabilities.csv (400 rows, 114 positives, scores with 4 decimals).
 *
 * The two bootstraps use different random generators, so their endpoints agree only within
 * Monte Carlo error. The reference ran with K = 20 seeds; the spread of its endpoints across
 * seeds (sd σ, a few thousandths) is the Monte Carlo error of one run. Tolerances:
 * - one run of ours against the reference mean: 4σ√(1 + 1/K) (a 4-sd band of the difference of
 *   one draw and a mean of K; σ itself is estimated from 20 runs, hence 4 rather than 3);
 * - the mean of our endpoints over K seeds against the reference mean: 4σ√(2/K);
 * - the spread of our endpoints over K seeds against σ: a ratio within [0.45, 2.2], the central
 *   99.9% of √F(19, 19) (scipy.stats.f.ppf), which equal spreads would leave only once in 1,000.
 */
import { describe, expect, it } from 'vitest';

import type { AuditResults, DefinedMetric } from '../../../src/core/audit/results.ts';
import type { AuditSpec } from '../../../src/core/audit/spec.ts';
import { audit } from './helpers.ts';
import { fixtureTable, readMetricsGolden } from './metric-fixtures.ts';

interface Reference {
  fixture: string;
  replicates: number;
  level: number;
  seeds: number;
  positives: number;
  negatives: number;
  intervals: Record<
    'auc' | 'tpr',
    { endpoints: [number, number][]; mean: [number, number]; sd: [number, number] }
  >;
}

const reference = (readMetricsGolden() as { bootstrap: Reference }).bootstrap;
const table = fixtureTable(reference.fixture);
const K = reference.seeds;

function spec(seed: number): AuditSpec {
  return {
    data: reference.fixture,
    targets: [
      { name: 't', label: { column: 'label', positive: [1], negative: 'rest' }, score: 'score' },
    ],
    groups: [],
    operatingPoint: { policy: 'target-fpr', targetFpr: 0.2, convention: 'full-curve' },
    bootstrap: {
      replicates: reference.replicates,
      level: reference.level,
      seed,
      stratify: 'label',
      resample: 'rows',
    },
    projections: [],
    adjust: 'BY',
    alpha: 0.05,
    invalidScores: 'exclude',
  };
}

function interval(results: AuditResults, name: 'auc' | 'tpr'): [number, number] {
  const metric = results.targets[0]!.groups[0]!.metrics[name] as DefinedMetric;
  expect(metric.undefinedReplicates).toBe(0);
  return [metric.low!, metric.high!];
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const sd = (values: number[]) => {
  const m = mean(values);
  return Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / (values.length - 1));
};

describe('bootstrap intervals against a NumPy bootstrap of the same design', () => {
  it('uses the fixture the reference used', () => {
    const results = audit(
      { ...spec(1), bootstrap: { ...spec(1).bootstrap, replicates: 0 } },
      table,
    );
    const whole = results.targets[0]!.groups[0]!;
    expect([whole.positives, whole.negatives]).toEqual([reference.positives, reference.negatives]);
  });

  const runs = new Map<number, AuditResults>();
  const ours = (seed: number) =>
    runs.get(seed) ?? runs.set(seed, audit(spec(seed), table)).get(seed)!;

  for (const name of ['auc', 'tpr'] as const) {
    const want = reference.intervals[name];

    it(`${name}: one run (seed 1) lies within 4σ√(1 + 1/K) of the reference endpoints`, () => {
      const [low, high] = interval(ours(1), name);
      [low, high].forEach((endpoint, side) => {
        const tolerance = 4 * want.sd[side]! * Math.sqrt(1 + 1 / K);
        const what = `${name} ${side === 0 ? 'low' : 'high'}: ${endpoint} vs ${want.mean[side]} ± ${tolerance}`;
        expect(Math.abs(endpoint - want.mean[side]!), what).toBeLessThanOrEqual(tolerance);
      });
    });

    it(`${name}: over ${K} seeds, the mean endpoints agree within 4σ√(2/K) and the spreads match`, () => {
      const endpoints = Array.from({ length: K }, (_, seed) => interval(ours(seed + 1), name));
      [0, 1].forEach((side) => {
        const values = endpoints.map((pair) => pair[side]!);
        const tolerance = 4 * want.sd[side]! * Math.sqrt(2 / K);
        const what = `${name} ${side === 0 ? 'low' : 'high'}: mean ${mean(values)} vs ${want.mean[side]} ± ${tolerance}`;
        expect(Math.abs(mean(values) - want.mean[side]!), what).toBeLessThanOrEqual(tolerance);
        const ratio = sd(values) / want.sd[side]!;
        expect(ratio, `${name} spread ratio`).toBeGreaterThanOrEqual(0.45);
        expect(ratio, `${name} spread ratio`).toBeLessThanOrEqual(2.2);
      });
    });
  }
});
