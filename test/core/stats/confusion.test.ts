import { describe, expect, it } from 'vitest';
import {
  confusionAtThreshold,
  falsePositiveRate,
  negativePredictiveValue,
  positivePredictiveValue,
  trueNegativeRate,
  truePositiveRate,
  youdenIndex,
} from '../../../src/core/stats/confusion.ts';
import { ratesAtThreshold } from '../../../src/core/stats/rates-at-threshold.ts';
import { rocData, rocEntry } from './golden.ts';

describe('confusionAtThreshold', () => {
  const scores = Float64Array.of(0.9, 0.7, 0.7, 0.4, 0.2);
  const labels = Uint8Array.of(1, 0, 1, 1, 0);

  it('predicts positive when score >= threshold, ties included', () => {
    expect(confusionAtThreshold(scores, labels, 0.7)).toEqual({
      truePositives: 2,
      falsePositives: 1,
      trueNegatives: 1,
      falseNegatives: 1,
    });
  });

  it('predicts nothing at +Infinity and everything at -Infinity', () => {
    expect(confusionAtThreshold(scores, labels, Infinity)).toMatchObject({
      truePositives: 0,
      falsePositives: 0,
    });
    expect(confusionAtThreshold(scores, labels, -Infinity)).toMatchObject({
      trueNegatives: 0,
      falseNegatives: 0,
    });
  });

  it('counts weights as multiplicities', () => {
    const c = confusionAtThreshold(scores, labels, 0.7, Float64Array.of(2, 0, 1, 3, 1));
    expect(c).toEqual({ truePositives: 3, falsePositives: 0, trueNegatives: 1, falseNegatives: 3 });
  });

  it('gives zero counts for an empty sample, whose rates are all null', () => {
    const c = confusionAtThreshold(new Float64Array(0), new Uint8Array(0), 0.5);
    expect(c).toEqual({ truePositives: 0, falsePositives: 0, trueNegatives: 0, falseNegatives: 0 });
    expect([truePositiveRate(c), falsePositiveRate(c), youdenIndex(c)]).toEqual([null, null, null]);
    expect(positivePredictiveValue(c)).toBeNull();
  });

  it('refuses a NaN threshold and NaN scores', () => {
    expect(() => confusionAtThreshold(scores, labels, NaN)).toThrow(/threshold/);
    expect(() => confusionAtThreshold(Float64Array.of(NaN), Uint8Array.of(1), 0.5)).toThrow(
      RangeError,
    );
  });
});

describe('rates from a confusion', () => {
  const c = { truePositives: 3, falsePositives: 1, trueNegatives: 4, falseNegatives: 2 };

  it('computes TPR, FPR, TNR, PPV, NPV and Youden J', () => {
    expect(truePositiveRate(c)).toBe(3 / 5);
    expect(falsePositiveRate(c)).toBe(1 / 5);
    expect(trueNegativeRate(c)).toBe(4 / 5);
    expect(positivePredictiveValue(c)).toBe(3 / 4);
    expect(negativePredictiveValue(c)).toBe(4 / 6);
    expect(youdenIndex(c)).toBe(3 / 5 - 1 / 5);
  });

  it('is null where the denominator is empty, defined where only the numerator is zero', () => {
    const onlyNegatives = {
      truePositives: 0,
      falsePositives: 0,
      trueNegatives: 4,
      falseNegatives: 0,
    };
    expect(truePositiveRate(onlyNegatives)).toBeNull();
    expect(falsePositiveRate(onlyNegatives)).toBe(0);
    expect(youdenIndex(onlyNegatives)).toBeNull();
    expect(positivePredictiveValue(onlyNegatives)).toBeNull();
  });
});

describe('case 07: group C has no score above the operating threshold', () => {
  it('has TPR 0 and FPR 0 defined, and PPV undefined', () => {
    const { scores, labels } = rocData(rocEntry('07-no-positive-predictions.csv group=C'));
    const c = confusionAtThreshold(scores, labels, 0.45);
    expect(truePositiveRate(c)).toBe(0);
    expect(falsePositiveRate(c)).toBe(0);
    expect(positivePredictiveValue(c)).toBeNull();
    expect(ratesAtThreshold(scores, labels, 0.45)).toEqual({ fpr: 0, tpr: 0 });
  });
});
