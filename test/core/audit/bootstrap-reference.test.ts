/**
 * The audit's bootstrap against a NumPy/scikit-learn bootstrap of the same design
 * (test/golden/metrics.json, `bootstrap`, from test/golden/generate_metrics.py): the whole
 * sample's AUC and its TPR at the full-curve operating point (target FPR 0.2) re-derived in each
 * replicate, 2,000 replicates stratified by label, 95% percentile intervals, on the committed
 * fixture probabilities.csv (400 rows: 114 positives, 286 negatives; scores with 4 decimals).
 *
 * The two bootstraps use different random generators, so they agree only within Monte Carlo
 * error. The reference ran K = 20 seeds; the spread of its endpoints across seeds (sd σ, about
 * 0.001 for AUC and 0.002–0.003 for TPR) is the Monte Carlo error of one run. Tolerances:
 * - one run of ours against the reference's mean endpoint: 4σ√(1 + 1/K), a 4-sd band for the
 *   difference of one draw and a mean of K (4 rather than 3 because σ is itself estimated from
 *   20 runs); for TPR at least 1/114, one positive: its endpoints are order statistics of
 *   counts, so they move between runs in steps of 1/114, which a smaller σ can hide;
 * - the mean of our endpoints over K seeds against the reference's: 4√((σ² + σ_ours²) / K);
 * - the spread of our AUC endpoints over K seeds against σ: a ratio within [0.45, 2.2], the
 *   central 99.9% of √F(19, 19) (scipy.stats.f.ppf); not for TPR, whose endpoints take two or
 *   three lattice values, for which an F ratio means nothing;
 * - the bootstrap distribution itself (20,000 replicates of one seed against the reference's
 *   40,000): means within 4 standard errors, standard deviations within 4 × √(1/(2 × 20,000) +
 *   1/(2 × 40,000)) ≈ 2.4% of each other.
 */
import { describe, expect, it } from 'vitest';

import { drawReplicate } from '../../../src/core/audit/cell-resampler.ts';
import { runReplicatesHere } from '../../../src/core/audit/replicates.ts';
import type { AuditResults, DefinedMetric } from '../../../src/core/audit/results.ts';
import { runAudit } from '../../../src/core/audit/run-audit.ts';
import type { AuditSpec } from '../../../src/core/audit/spec.ts';
import { audit } from './helpers.ts';
import { fixtureTable, readMetricsGolden } from './metric-fixtures.ts';

interface Summary {
  endpoints: [number, number][];
  mean: [number, number];
  sd: [number, number];
  replicateMean: number;
  replicateSd: number;
}

interface Reference {
  fixture: string;
  replicates: number;
  level: number;
  seeds: number;
  positives: number;
  negatives: number;
  intervals: Record<'auc' | 'tpr', Summary>;
}

const reference = (readMetricsGolden() as { bootstrap: Reference }).bootstrap;
const table = fixtureTable(reference.fixture);
const K = reference.seeds;
const STEP = 1 / reference.positives;

function spec(seed: number, replicates = reference.replicates): AuditSpec {
  return {
    data: reference.fixture,
    targets: [
      { name: 't', label: { column: 'label', positive: [1], negative: 'rest' }, score: 'score' },
    ],
    groups: [],
    operatingPoint: { policy: 'target-fpr', targetFpr: 0.2, convention: 'full-curve' },
    bootstrap: { replicates, level: reference.level, seed, stratify: 'label', resample: 'rows' },
    projections: [],
    adjust: 'BY',
    alpha: 0.05,
    invalidScores: 'exclude',
  };
}

/** The audit with `replicates` replicates, and the values of every replicate it computed. */
function auditWithReplicates(seed: number, replicates: number) {
  let values: Float64Array = new Float64Array(0);
  let slots: string[] = [];
  const results = runAudit(
    {
      spec: spec(seed, replicates),
      model: 'm',
      version: '1',
      tables: new Map([[reference.fixture, table]]),
      inputs: [],
    },
    {
      runReplicates: (job, onReplicate) => {
        slots = job.slots.map((slot) => `${slot.group}:${slot.name}`);
        values = runReplicatesHere(job, onReplicate);
        return values;
      },
    },
  );
  const column = (name: string) => {
    const slot = slots.indexOf(`0:${name}`);
    return Array.from({ length: replicates }, (_, r) => values[r * slots.length + slot]!);
  };
  return { results, auc: column('auc'), tpr: column('tpr') };
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
const sideName = (side: number) => (side === 0 ? 'low' : 'high');

describe('bootstrap intervals against a NumPy bootstrap of the same design', () => {
  const runs = new Map<number, AuditResults>();
  const ours = (seed: number) => {
    if (!runs.has(seed)) runs.set(seed, audit(spec(seed), table));
    return runs.get(seed)!;
  };

  it('uses the data the reference used', () => {
    const whole = audit(spec(1, 0), table).targets[0]!.groups[0]!;
    expect([whole.positives, whole.negatives]).toEqual([reference.positives, reference.negatives]);
  });

  for (const name of ['auc', 'tpr'] as const) {
    const want = reference.intervals[name];

    it(`${name}: one run (seed 1) lies within 4σ√(1 + 1/K) of the reference endpoints`, () => {
      interval(ours(1), name).forEach((endpoint, side) => {
        const band = 4 * want.sd[side]! * Math.sqrt(1 + 1 / K);
        const tolerance = name === 'tpr' ? Math.max(band, STEP) : band;
        const what = `${name} ${sideName(side)}: ${endpoint} vs ${want.mean[side]} ± ${tolerance}`;
        expect(Math.abs(endpoint - want.mean[side]!), what).toBeLessThanOrEqual(tolerance);
      });
    });

    it(`${name}: over ${K} seeds, the mean endpoints agree within Monte Carlo error`, () => {
      const endpoints = Array.from({ length: K }, (_, seed) => interval(ours(seed + 1), name));
      [0, 1].forEach((side) => {
        const values = endpoints.map((pair) => pair[side]!);
        const tolerance = 4 * Math.sqrt((want.sd[side]! ** 2 + sd(values) ** 2) / K);
        const what = `${name} ${sideName(side)}: mean ${mean(values)} vs ${want.mean[side]} ± ${tolerance}`;
        expect(Math.abs(mean(values) - want.mean[side]!), what).toBeLessThanOrEqual(tolerance);
        if (name === 'tpr') return;
        const ratio = sd(values) / want.sd[side]!;
        expect(ratio, `${name} ${sideName(side)} spread ratio`).toBeGreaterThanOrEqual(0.45);
        expect(ratio, `${name} ${sideName(side)} spread ratio`).toBeLessThanOrEqual(2.2);
      });
    });
  }
});

describe('the bootstrap distribution against the reference (20,000 replicates of seed 1)', () => {
  const REPLICATES = 20_000;
  let run: ReturnType<typeof auditWithReplicates> | undefined;
  const replicates = () => (run ??= auditWithReplicates(1, REPLICATES));
  const referenceCount = reference.seeds * reference.replicates;

  it('has the reference standard deviations (the bootstrap standard errors) within 2.4%', () => {
    for (const name of ['auc', 'tpr'] as const) {
      const ratio = sd(replicates()[name]) / reference.intervals[name].replicateSd;
      const tolerance = 4 * Math.sqrt(1 / (2 * REPLICATES) + 1 / (2 * referenceCount));
      expect(Math.abs(ratio - 1), `${name} sd ratio ${ratio}`).toBeLessThanOrEqual(tolerance);
    }
  });

  // This caught a bug: when every replicate of a seed shared its first and third draws
  // (random-streams.test.ts), TPR averaged 88.87 positives against the reference's 89.14
  // (5.6 standard errors of the difference).
  it('has the reference means within 4 standard errors', () => {
    for (const name of ['auc', 'tpr'] as const) {
      const values = replicates()[name];
      const want = reference.intervals[name];
      const error = want.replicateSd * Math.sqrt(1 / REPLICATES + 1 / referenceCount);
      const what = `${name}: mean ${mean(values)} vs ${want.replicateMean} ± ${4 * error}`;
      expect(Math.abs(mean(values) - want.replicateMean), what).toBeLessThanOrEqual(4 * error);
    }
  });
});

describe('replicates draw their rows independently', () => {
  // A row should be in 1 − (1 − 1/n)^n ≈ 63.3% of the replicates (n = 114 or 286, its
  // label's rows), at most about 67% for the most frequent of 400 rows (binomial sd 1.1%, 3.4
  // sd above the mean). With the shared-draws bug, one row was in all 2,000.
  it('puts no row in more than 70% of the replicates', () => {
    const shares = rowInclusionShares(1, 2000);
    expect(shares.length).toBeGreaterThan(350);
    expect(Math.max(...shares)).toBeLessThanOrEqual(0.7);
  });
});

/**
 * For each row of the fixture that is a cell of its own (no other row with its score and
 * label), the share of `replicates` replicates of `seed` that draw it, with the audit's own
 * resampling plan and draws (`drawReplicate`, as `computeReplicates` calls it).
 */
function rowInclusionShares(seed: number, replicates: number): number[] {
  let shares: number[] = [];
  runAudit(
    {
      spec: spec(seed, 1),
      model: 'm',
      version: '1',
      tables: new Map([[reference.fixture, table]]),
      inputs: [],
    },
    {
      runReplicates: (job, onReplicate) => {
        const counts = new Float64Array(job.cells.count);
        // Scratch for the draws: more than any stratum or cell count drawReplicate may need.
        const hits = new Float64Array(job.cells.count + job.plan.units.length);
        const drawn = new Float64Array(job.cells.count);
        for (let r = 0; r < replicates; r += 1) {
          drawReplicate(job.plan, job.seed, r, counts, hits);
          counts.forEach((count, cell) => (drawn[cell]! += count > 0 ? 1 : 0));
        }
        shares = Array.from(drawn, (count) => count / replicates).filter(
          (_, cell) => job.cells.size[cell] === 1,
        );
        return runReplicatesHere(job, onReplicate);
      },
    },
  );
  return shares;
}
