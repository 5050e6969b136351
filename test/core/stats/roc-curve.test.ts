import { describe, expect, it } from 'vitest';
import { descendingOrder } from '../../../src/core/stats/descending-order.ts';
import { rocCurve } from '../../../src/core/stats/roc-curve.ts';
import { expectClose, floats, golden, rocData, rocEntry } from './golden.ts';

// Tolerance: thresholds are input scores and must match exactly; rates within 1e-9 absolute.
const RATE = { absolute: 1e-9 };

describe('rocCurve against scikit-learn roc_curve', () => {
  for (const entry of golden.roc.filter((e) => e.full !== undefined)) {
    it(`matches ${entry.name}`, () => {
      const { scores, labels } = rocData(entry);
      const weights = entry.weights === undefined ? undefined : floats(entry.weights);
      for (const [key, dropIntermediate] of [
        ['full', false],
        ['dropIntermediate', true],
      ] as const) {
        const expected = entry[key]!;
        const curve = rocCurve(scores, labels, { dropIntermediate, weights });
        // -0 and 0 are one tied score; which of them names the step does not matter.
        const plain = (values: Float64Array) => Array.from(values, (v) => (v === 0 ? 0 : v));
        expect(plain(curve.thresholds), `${key} thresholds`).toEqual(
          plain(floats(expected.thresholds)),
        );
        expectClose(curve.fpr, floats(expected.fpr), RATE, `${key} fpr`);
        expectClose(curve.tpr, floats(expected.tpr), RATE, `${key} tpr`);
      }
    });
  }
});

describe('rocCurve', () => {
  const { scores, labels } = rocData(rocEntry('04-ties-threshold-target-fpr.csv all'));

  it('starts at (0, 0) with threshold +Infinity and ends at (1, 1)', () => {
    const curve = rocCurve(scores, labels);
    expect(curve.thresholds[0]).toBe(Infinity);
    expect([curve.fpr[0], curve.tpr[0]]).toEqual([0, 0]);
    expect([curve.fpr.at(-1), curve.tpr.at(-1)]).toEqual([1, 1]);
    expect(curve.positives).toBe(6);
    expect(curve.negatives).toBe(10);
  });

  it('has one point per distinct score, ties merged into one step', () => {
    const curve = rocCurve(scores, labels);
    expect(curve.thresholds.length).toBe(new Set(scores).size + 1);
    const at03 = curve.thresholds.indexOf(0.3);
    // 0.3 is shared by two positives and one negative: both counts jump together.
    expect(curve.truePositives[at03]! - curve.truePositives[at03 - 1]!).toBe(2);
    expect(curve.falsePositives[at03]! - curve.falsePositives[at03 - 1]!).toBe(1);
  });

  it('drops the collinear 0.65 point of case 04 as scikit-learn does', () => {
    const full = rocCurve(scores, labels);
    const dropped = rocCurve(scores, labels, { dropIntermediate: true });
    expect(full.thresholds).toContain(0.65);
    expect(dropped.thresholds).not.toContain(0.65);
  });

  it('treats integer weights as repeated rows', () => {
    const weights = Float64Array.from(scores, (_, i) => i % 3);
    const repeatedScores: number[] = [];
    const repeatedLabels: number[] = [];
    weights.forEach((w, i) => {
      for (let k = 0; k < w; k++) {
        repeatedScores.push(scores[i]!);
        repeatedLabels.push(labels[i]!);
      }
    });
    for (const dropIntermediate of [false, true]) {
      const weighted = rocCurve(scores, labels, { weights, dropIntermediate });
      const repeated = rocCurve(
        Float64Array.from(repeatedScores),
        Uint8Array.from(repeatedLabels),
        {
          dropIntermediate,
        },
      );
      expect(weighted).toEqual(repeated);
    }
  });

  it('accepts a precomputed order and gives the same curve', () => {
    const order = descendingOrder(scores);
    expect(rocCurve(scores, labels, { order })).toEqual(rocCurve(scores, labels));
  });

  it('keeps order at extreme magnitudes', () => {
    const big = rocCurve(Float64Array.of(-1e308, 1e308, 5e-324, 0), Uint8Array.of(0, 1, 1, 0));
    expect(Array.from(big.thresholds)).toEqual([Infinity, 1e308, 5e-324, 0, -1e308]);
    expect(Array.from(big.tpr)).toEqual([0, 0.5, 1, 1, 1]);
  });

  it('handles one row per class', () => {
    const curve = rocCurve(Float64Array.of(0.2, 0.7), Uint8Array.of(0, 1), {
      dropIntermediate: true,
    });
    expect(Array.from(curve.fpr)).toEqual([0, 0, 1]);
    expect(Array.from(curve.tpr)).toEqual([0, 1, 1]);
  });

  it('refuses an empty sample or a missing class', () => {
    expect(() => rocCurve(new Float64Array(0), new Uint8Array(0))).toThrow(RangeError);
    expect(() => rocCurve(Float64Array.of(0.5), Uint8Array.of(1))).toThrow(/no negative/);
    expect(() => rocCurve(Float64Array.of(0.5, 0.2), Uint8Array.of(0, 0))).toThrow(/no positive/);
    expect(() =>
      rocCurve(Float64Array.of(0.5, 0.2), Uint8Array.of(0, 1), { weights: Float64Array.of(1, 0) }),
    ).toThrow(/no positive/);
  });

  it('refuses NaN or infinite scores, labels other than 0/1, bad weights and lengths', () => {
    expect(() => rocCurve(Float64Array.of(NaN, 1), Uint8Array.of(0, 1))).toThrow(/scores\[0\]/);
    expect(() => rocCurve(Float64Array.of(Infinity, 1), Uint8Array.of(0, 1))).toThrow(RangeError);
    expect(() => rocCurve(Float64Array.of(0, 1), Uint8Array.of(0, 2))).toThrow(/labels\[1\]/);
    expect(() => rocCurve(Float64Array.of(0, 1), Uint8Array.of(0))).toThrow(/length/);
    expect(() =>
      rocCurve(Float64Array.of(0, 1), Uint8Array.of(0, 1), { weights: Float64Array.of(1, -1) }),
    ).toThrow(/weights\[1\]/);
    expect(() =>
      rocCurve(Float64Array.of(0, 1), Uint8Array.of(0, 1), { order: Int32Array.of(0, 1) }),
    ).toThrow(/order/);
    expect(() => rocCurve([0, 1] as unknown as Float64Array, Uint8Array.of(0, 1))).toThrow(
      TypeError,
    );
  });
});
