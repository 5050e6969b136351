import { describe, expect, it } from 'vitest';
import { descendingOrder } from '../../../src/core/stats/descending-order.ts';
import { rocAuc } from '../../../src/core/stats/roc-auc.ts';
import { floats, golden, rocData, rocEntry } from './golden.ts';

// Tolerance: 1e-9 absolute against sklearn.metrics.roc_auc_score.
const TOLERANCE = 1e-9;

describe('rocAuc against scikit-learn roc_auc_score', () => {
  for (const entry of golden.roc) {
    it(`matches ${entry.name}`, () => {
      const { scores, labels } = rocData(entry);
      const weights = entry.weights === undefined ? undefined : floats(entry.weights);
      const auc = rocAuc(scores, labels, weights);
      if (entry.auc === null) expect(auc).toBeNull();
      else expect(Math.abs(auc! - entry.auc)).toBeLessThanOrEqual(TOLERANCE);
    });
  }
});

describe('rocAuc on the cases', () => {
  const auc = (name: string) => {
    const { scores, labels } = rocData(rocEntry(name));
    return rocAuc(scores, labels);
  };

  it('case 01: 0.90625 overall, 1.0 for GroupA and GroupB, null for the negatives-only GroupC', () => {
    expect(auc('01-auc-single-class-subgroup.csv all')).toBe(0.90625);
    expect(auc('01-auc-single-class-subgroup.csv race=GroupA')).toBe(1);
    expect(auc('01-auc-single-class-subgroup.csv race=GroupB')).toBe(1);
    expect(auc('01-auc-single-class-subgroup.csv race=GroupC')).toBeNull();
  });

  it('case 04: 0.75, a tied positive/negative pair counting one half', () => {
    expect(auc('04-ties-threshold-target-fpr.csv all')).toBe(0.75);
  });

  it('case 05: 1.0 for perfectly separated scores', () => {
    expect(auc('05-separable-threshold-inf.csv all')).toBe(1);
  });

  it('case 07: 0.875 for group C', () => {
    expect(auc('07-no-positive-predictions.csv group=C')).toBe(0.875);
  });
});

describe('rocAuc edge cases', () => {
  it('is null for an empty sample and for one value', () => {
    expect(rocAuc(new Float64Array(0), new Uint8Array(0))).toBeNull();
    expect(rocAuc(Float64Array.of(0.3), Uint8Array.of(1))).toBeNull();
  });

  it('is 0.5 when every score ties, 0 when perfectly wrong', () => {
    expect(rocAuc(Float64Array.of(1, 1, 1, 1), Uint8Array.of(0, 1, 0, 1))).toBe(0.5);
    expect(rocAuc(Float64Array.of(0.9, 0.1), Uint8Array.of(0, 1))).toBe(0);
  });

  it('is unchanged by scaling at extreme magnitudes', () => {
    const scores = Float64Array.of(0.1, 0.4, 0.35, 0.8);
    const labels = Uint8Array.of(0, 0, 1, 1);
    const base = rocAuc(scores, labels);
    expect(base).toBe(0.75);
    expect(
      rocAuc(
        scores.map((s) => s * 1e-300),
        labels,
      ),
    ).toBe(base);
    expect(
      rocAuc(
        scores.map((s) => s * 1e300),
        labels,
      ),
    ).toBe(base);
  });

  it('treats weights as multiplicities and reuses a given order', () => {
    const scores = Float64Array.of(0.1, 0.4, 0.35, 0.8, 0.4);
    const labels = Uint8Array.of(0, 0, 1, 1, 1);
    const weights = Float64Array.of(2, 1, 0, 3, 1);
    const repeated = rocAuc(
      Float64Array.of(0.1, 0.1, 0.4, 0.8, 0.8, 0.8, 0.4),
      Uint8Array.of(0, 0, 0, 1, 1, 1, 1),
    );
    expect(rocAuc(scores, labels, weights)).toBe(repeated);
    expect(rocAuc(scores, labels, weights, { order: descendingOrder(scores) })).toBe(repeated);
  });

  it('refuses NaN scores', () => {
    expect(() => rocAuc(Float64Array.of(NaN, 1), Uint8Array.of(0, 1))).toThrow(RangeError);
  });

  it('is O(n log n): 200,000 rows in well under a second', () => {
    const n = 200_000;
    const scores = Float64Array.from({ length: n }, (_, i) => ((i * 7919) % 100003) / 100003);
    const labels = Uint8Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const start = performance.now();
    rocAuc(scores, labels);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
