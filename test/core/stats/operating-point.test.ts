import { describe, expect, it } from 'vitest';
import { ratesAtThreshold } from '../../../src/core/stats/rates-at-threshold.ts';
import {
  targetFalsePositives,
  thresholdForTargetFpr,
  youdenThreshold,
} from '../../../src/core/stats/operating-point.ts';
import { golden, num, rocData, rocEntry } from './golden.ts';

describe('thresholdForTargetFpr, reference convention, against np.argmin over roc_curve', () => {
  for (const entry of golden.roc.filter((e) => e.reference !== undefined)) {
    it(`matches ${entry.name}`, () => {
      const { scores, labels } = rocData(entry);
      const expected = entry.reference!;
      const weights =
        entry.weights === undefined ? undefined : Float64Array.from(entry.weights.map(num));
      const choice = thresholdForTargetFpr(
        scores,
        labels,
        expected.targetFpr,
        'reference',
        weights,
      );
      expect(choice.threshold).toBe(num(expected.threshold));
      expect(Math.abs(choice.fpr - expected.fpr)).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(choice.tpr - expected.tpr)).toBeLessThanOrEqual(1e-9);
    });
  }
});

describe('thresholdForTargetFpr on the cases (target FPR 0.20)', () => {
  const data = (name: string) => rocData(rocEntry(name));

  it('case 04: full-curve 0.65 (FPR 0.2, TPR 1/3); reference 0.55 (FPR 0.3)', () => {
    const { scores, labels } = data('04-ties-threshold-target-fpr.csv all');
    expect(thresholdForTargetFpr(scores, labels, 0.2, 'full-curve')).toEqual({
      threshold: 0.65,
      fpr: 0.2,
      tpr: 1 / 3,
    });
    const reference = thresholdForTargetFpr(scores, labels, 0.2, 'reference');
    expect(reference.threshold).toBe(0.55);
    expect(reference.fpr).toBe(0.3);
  });

  it('case 04: at the reference threshold F has TPR 1/3, FPR 0.4 and M TPR 1/3, FPR 0.2', () => {
    const f = data('04-ties-threshold-target-fpr.csv sex=F');
    const m = data('04-ties-threshold-target-fpr.csv sex=M');
    expect(ratesAtThreshold(f.scores, f.labels, 0.55)).toEqual({ tpr: 1 / 3, fpr: 0.4 });
    expect(ratesAtThreshold(m.scores, m.labels, 0.55)).toEqual({ tpr: 1 / 3, fpr: 0.2 });
  });

  it('case 05: reference lands on +Infinity (TPR 0, FPR 0); full-curve 0.55, FPR 0.25, TPR 1', () => {
    const { scores, labels } = data('05-separable-threshold-inf.csv all');
    expect(thresholdForTargetFpr(scores, labels, 0.2, 'reference')).toEqual({
      threshold: Infinity,
      fpr: 0,
      tpr: 0,
    });
    expect(thresholdForTargetFpr(scores, labels, 0.2, 'full-curve')).toEqual({
      threshold: 0.55,
      fpr: 0.25,
      tpr: 1,
    });
    for (const sex of ['F', 'M']) {
      const group = data(`05-separable-threshold-inf.csv sex=${sex}`);
      expect(ratesAtThreshold(group.scores, group.labels, 0.55)).toEqual({ fpr: 0.25, tpr: 1 });
    }
  });

  it('case 01: full-curve 0.61 and reference 0.85, where GroupC has FPR 0.5 and 0.25', () => {
    const { scores, labels } = data('01-auc-single-class-subgroup.csv all');
    expect(thresholdForTargetFpr(scores, labels, 0.2, 'full-curve').threshold).toBe(0.61);
    expect(thresholdForTargetFpr(scores, labels, 0.2, 'reference').threshold).toBe(0.85);
    const c = data('01-auc-single-class-subgroup.csv race=GroupC');
    expect(ratesAtThreshold(c.scores, c.labels, 0.61)).toEqual({ fpr: 0.5, tpr: null });
    expect(ratesAtThreshold(c.scores, c.labels, 0.85)).toEqual({ fpr: 0.25, tpr: null });
  });
});

describe('thresholdForTargetFpr tie rules', () => {
  // Negatives at 0.9, 0.7, 0.5, 0.3 and 0.1 (FPR 0.2 steps); positives so TPR differs.
  const scores = Float64Array.of(0.9, 0.7, 0.5, 0.3, 0.1, 0.95, 0.6, 0.6);
  const labels = Uint8Array.of(0, 0, 0, 0, 0, 1, 1, 1);

  it('full-curve: a point equally far on either side goes to the lower FPR', () => {
    // Target 0.3 sits halfway between FPR 0.2 (threshold 0.9) and 0.4 (thresholds 0.7, 0.6).
    expect(thresholdForTargetFpr(scores, labels, 0.3, 'full-curve').fpr).toBe(0.2);
  });

  it('full-curve: among points of equal FPR, the higher TPR wins', () => {
    const choice = thresholdForTargetFpr(scores, labels, 0.4, 'full-curve');
    expect(choice).toEqual({ threshold: 0.6, fpr: 0.4, tpr: 1 });
  });

  it('full-curve: target 0 gives +Infinity only when no score has FPR 0 with more TPR', () => {
    expect(thresholdForTargetFpr(scores, labels, 0, 'full-curve').threshold).toBe(0.95);
  });

  it('reference: the first point (highest threshold) wins a tie', () => {
    // FPR 0 (at +Infinity) and 0.5 are both 0.25 from the target.
    const scores3 = Float64Array.of(0.8, 0.6, 0.4);
    const choice = thresholdForTargetFpr(scores3, Uint8Array.of(0, 1, 0), 0.25, 'reference');
    expect(choice.threshold).toBe(Infinity);
  });

  it('refuses a target outside [0, 1], an unknown convention and a missing class', () => {
    expect(() => thresholdForTargetFpr(scores, labels, 1.5, 'full-curve')).toThrow(/targetFpr/);
    expect(() => thresholdForTargetFpr(scores, labels, NaN, 'full-curve')).toThrow(RangeError);
    expect(() =>
      thresholdForTargetFpr(scores, labels, 0.2, 'closest' as unknown as 'reference'),
    ).toThrow(/convention/);
    expect(() =>
      thresholdForTargetFpr(Float64Array.of(1, 2), Uint8Array.of(1, 1), 0.2, 'full-curve'),
    ).toThrow(/no negative/);
  });
});

describe('youdenThreshold', () => {
  it('picks the distinct score maximising TPR − FPR', () => {
    const { scores, labels } = rocData(rocEntry('04-ties-threshold-target-fpr.csv all'));
    // Brute force over distinct scores.
    let best = -Infinity;
    for (const t of new Set(scores)) {
      const { tpr, fpr } = ratesAtThreshold(scores, labels, t);
      best = Math.max(best, tpr! - fpr!);
    }
    const choice = youdenThreshold(scores, labels);
    expect(choice.tpr - choice.fpr).toBeCloseTo(best, 12);
    expect(Number.isFinite(choice.threshold)).toBe(true);
  });

  it('gives ties to the highest threshold', () => {
    // J = 0.5 at threshold 0.9 (TPR 0.5, FPR 0) and at 0.7 (TPR 1, FPR 0.5).
    const scores = Float64Array.of(0.9, 0.8, 0.7, 0.2);
    const labels = Uint8Array.of(1, 0, 1, 0);
    expect(youdenThreshold(scores, labels).threshold).toBe(0.9);
  });

  it('returns the single score when all scores tie', () => {
    expect(youdenThreshold(Float64Array.of(3, 3), Uint8Array.of(0, 1))).toEqual({
      threshold: 3,
      fpr: 1,
      tpr: 1,
    });
  });
});

describe('full-curve ties at a target written in decimal', () => {
  // 50 negatives at 0.01 … 0.50 and 30 positives at 0.305 … 0.595: FPR 0.06 and 0.08 are equally
  // far from 0.07, but 0.07 × 50 is 3.5000000000000004 in doubles (an adversarial trial's case).
  const negatives = Array.from({ length: 50 }, (_, k) => (k + 1) / 100);
  const positives = Array.from({ length: 30 }, (_, k) => 0.305 + k / 100);
  const scores = Float64Array.from([...negatives, ...positives]);
  const labels = Uint8Array.from([...negatives.map(() => 0), ...positives.map(() => 1)]);

  it('snaps the target count to the half it misses by a rounding', () => {
    expect(0.07 * 50).not.toBe(3.5);
    expect(targetFalsePositives(0.07, 50)).toBe(3.5);
    expect(targetFalsePositives(0.2, 50)).toBe(10);
    expect(targetFalsePositives(0.0700001, 50)).toBeCloseTo(3.500005, 12);
  });

  it('gives the tie to the lower FPR, as the rule says', () => {
    const choice = thresholdForTargetFpr(scores, labels, 0.07, 'full-curve');
    expect(choice.fpr).toBe(0.06);
    expect(choice.threshold).toBe(0.475);
  });
});
