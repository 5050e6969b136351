/**
 * Coverage of the audit's bootstrap intervals: on data with a known population AUC, nominal 95%
 * percentile intervals must contain it in about 95% of simulated audits.
 *
 * Model: binormal scores, negatives N(0, 1) and positives N(μ, 1), whose AUC is Φ(μ / √2)
 * (Hanley and McNeil 1982); μ = √2 · Φ⁻¹(0.8) = √2 × 0.8416212335729143 (scipy.stats.norm.ppf)
 * makes it exactly 0.8. Each simulated data set has 150 positives and 150 negatives and is
 * audited with `runAudit` as a user's spec would be (bootstrap stratified by label, full-curve
 * operating point, its own seed, as independent audits would have).
 *
 * Tolerance: with D data sets the observed coverage has a binomial standard error
 * √(0.95 × 0.05 / D): 0.77% for D = 800, so the band [93%, 97%] is ±2.6 standard errors around
 * 95%; each tail (the interval wholly above or wholly below 0.8) should miss about 2.5%, and
 * [0.5%, 5%] is more than ±3.6 of its standard errors (0.55%). The percentile interval is
 * first-order accurate, so its coverage at this size need not be exactly 95%.
 *
 * The default run takes about 20 s (800 data sets × 1,000 replicates) and covered 95.25% (14
 * intervals below 0.8, 24 above). Set AUDITCARD_COVERAGE_HEAVY=1 for 4,000 data sets × 2,000
 * replicates (about 5 minutes here), whose standard error of 0.34% allows a band of [94%, 96%];
 * it covered 94.6% (95 below, 120 above).
 */
import { describe, expect, it } from 'vitest';

import type { DefinedMetric } from '../../../src/core/audit/results.ts';
import { runAudit } from '../../../src/core/audit/run-audit.ts';
import type { AuditSpec } from '../../../src/core/audit/spec.ts';
import { tableFromColumns } from '../../../src/core/audit/table.ts';
import { createRandom } from '../../../src/core/stats/index.ts';

const TRUE_AUC = 0.8;
const MU = Math.SQRT2 * 0.8416212335729143;
const PER_CLASS = 150;
const heavy = process.env.AUDITCARD_COVERAGE_HEAVY === '1';

const design = heavy
  ? { datasets: 4000, replicates: 2000, band: [0.94, 0.96] as const }
  : { datasets: 800, replicates: 1000, band: [0.93, 0.97] as const };

function spec(seed: number): AuditSpec {
  return {
    data: 'simulated.csv',
    targets: [
      { name: 't', label: { column: 'label', positive: [1], negative: 'rest' }, score: 'score' },
    ],
    groups: [],
    operatingPoint: { policy: 'target-fpr', targetFpr: 0.2, convention: 'full-curve' },
    bootstrap: {
      replicates: design.replicates,
      level: 0.95,
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

/**
 * Standard normal deviates (Box–Muller) from one seeded stream. One stream for all data sets:
 * streams of one seed share their first and third words (random-streams.test.ts), which would
 * give every data set nearly the same first deviate.
 */
function createNormal(seed: number): () => number {
  const random = createRandom(seed);
  return () => {
    const u = 1 - random(); // in (0, 1]
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
}

/** The whole sample's AUC interval of one simulated audit. */
function simulatedInterval(normal: () => number, seed: number): [number, number] {
  const scores: string[] = [];
  const labels: string[] = [];
  for (let i = 0; i < PER_CLASS; i += 1) {
    scores.push(String(MU + normal()), String(normal()));
    labels.push('1', '0');
  }
  const table = tableFromColumns('simulated.csv', { score: scores, label: labels });
  const results = runAudit({
    spec: spec(seed),
    model: 'simulation',
    version: String(seed),
    tables: new Map([['simulated.csv', table]]),
    inputs: [],
  });
  const auc = results.targets[0]!.groups[0]!.metrics.auc as DefinedMetric;
  return [auc.low!, auc.high!];
}

describe('coverage of the bootstrap percentile interval of the AUC', () => {
  it(
    `contains the true AUC in ${design.band[0] * 100}–${design.band[1] * 100}% of ${design.datasets} simulated audits`,
    { timeout: heavy ? 3_600_000 : 180_000 },
    () => {
      const normal = createNormal(20261204);
      let below = 0;
      let above = 0;
      for (let dataset = 0; dataset < design.datasets; dataset += 1) {
        const [low, high] = simulatedInterval(normal, dataset + 1);
        if (high < TRUE_AUC) below += 1;
        else if (low > TRUE_AUC) above += 1;
      }

      const coverage = 1 - (below + above) / design.datasets;
      const summary = `coverage ${coverage} (interval below the truth ${below}, above ${above}, of ${design.datasets})`;
      expect(coverage, summary).toBeGreaterThanOrEqual(design.band[0]);
      expect(coverage, summary).toBeLessThanOrEqual(design.band[1]);
      for (const tail of [below, above]) {
        expect(tail / design.datasets, summary).toBeGreaterThanOrEqual(0.005);
        expect(tail / design.datasets, summary).toBeLessThanOrEqual(0.05);
      }
    },
  );
});
