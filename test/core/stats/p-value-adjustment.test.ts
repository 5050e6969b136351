import { describe, expect, it } from 'vitest';
import { adjustPValues, rejectAt } from '../../../src/core/stats/p-value-adjustment.ts';
import { expectClose, floats, golden, type GoldenNumber } from './golden.ts';

// Tolerance: 1e-12 relative against statsmodels multipletests (same arithmetic).
const TOLERANCE = { relative: 1e-12, absolute: 1e-300 };
const METHODS = ['BY', 'BH', 'holm', 'bonferroni'] as const;

describe('adjustPValues against statsmodels multipletests', () => {
  for (const entry of golden.adjustment) {
    for (const method of METHODS) {
      it(`matches ${method} on ${entry.name}`, () => {
        const adjusted = adjustPValues(floats(entry.pValues), method);
        expectClose(adjusted, floats(entry[method] as GoldenNumber[]), TOLERANCE, method);
        expect(rejectAt(adjusted, 0.05)).toEqual(entry[`${method}Reject05`]);
      });
    }
  }
});

describe('adjustPValues', () => {
  it('leaves NaN (untestable) entries out of the family and returns them as NaN', () => {
    const withMissing = adjustPValues(Float64Array.of(0.01, NaN, 0.04, 0.03), 'BH');
    const without = adjustPValues(Float64Array.of(0.01, 0.04, 0.03), 'BH');
    expect(withMissing[1]).toBeNaN();
    expect([withMissing[0], withMissing[2], withMissing[3]]).toEqual(Array.from(without));
    expect(rejectAt(withMissing, 0.05)[1]).toBe(false);
  });

  it('returns an empty array for an empty family and all NaN for an all-NaN one', () => {
    expect(adjustPValues(new Float64Array(0), 'BY').length).toBe(0);
    expect(Array.from(adjustPValues(Float64Array.of(NaN, NaN), 'holm'))).toEqual([NaN, NaN]);
  });

  it('leaves a single p-value unchanged', () => {
    for (const method of METHODS)
      expect(adjustPValues(Float64Array.of(0.03), method)[0]).toBe(0.03);
  });

  it('gives tied p-values the same adjusted value', () => {
    for (const method of METHODS) {
      const adjusted = adjustPValues(Float64Array.of(0.02, 0.01, 0.02, 0.02), method);
      expect(adjusted[0]).toBe(adjusted[2]);
      expect(adjusted[2]).toBe(adjusted[3]);
    }
  });

  it('caps at 1 and keeps extreme small values', () => {
    expect(adjustPValues(Float64Array.of(0.9, 0.8), 'bonferroni')[0]).toBe(1);
    expect(adjustPValues(Float64Array.of(5e-324, 0.5), 'bonferroni')[0]).toBe(1e-323);
  });

  it('refuses p-values outside [0, 1] and unknown methods', () => {
    expect(() => adjustPValues(Float64Array.of(1.2), 'BH')).toThrow(/pValues\[0\]/);
    expect(() => adjustPValues(Float64Array.of(-0.1), 'BH')).toThrow(RangeError);
    expect(() => adjustPValues(Float64Array.of(0.1), 'fdr' as unknown as 'BH')).toThrow(/method/);
    expect(() => rejectAt(Float64Array.of(0.1), 0)).toThrow(/alpha/);
  });
});
