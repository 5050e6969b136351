import { describe, expect, it } from 'vitest';
import { percentile } from '../../../src/core/stats/percentile.ts';
import { expectClose, floats, golden } from './golden.ts';

describe('percentile against numpy.percentile (linear)', () => {
  for (const entry of golden.percentile) {
    it(`matches ${entry.name}`, () => {
      const values = floats(entry.sortedValues);
      const actual = entry.q.map((q) => percentile(values, q));
      // Tolerance: 1e-12 relative (the lerp is NumPy's, so it is usually exact).
      expectClose(actual, floats(entry.percentiles), { relative: 1e-12 }, entry.name);
    });
  }
});

describe('percentile', () => {
  it('interpolates between order statistics', () => {
    const values = Float64Array.of(1, 2, 3, 4);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 50)).toBe(2.5);
    expect(percentile(values, 100)).toBe(4);
  });

  it('returns the value of a one-value sample at every q', () => {
    for (const q of [0, 2.5, 50, 100]) expect(percentile(Float64Array.of(7), q)).toBe(7);
  });

  it('returns the tied value inside a run of ties', () => {
    expect(percentile(Float64Array.of(1, 2, 2, 2, 3), 50)).toBe(2);
  });

  it('refuses empty, unsorted or NaN input and q outside [0, 100]', () => {
    expect(() => percentile(new Float64Array(0), 50)).toThrow(/sortedValues/);
    expect(() => percentile(Float64Array.of(2, 1), 50)).toThrow(RangeError);
    expect(() => percentile(Float64Array.of(1, NaN), 50)).toThrow(RangeError);
    expect(() => percentile(Float64Array.of(NaN), 50)).toThrow(RangeError);
    expect(() => percentile(Float64Array.of(1), 101)).toThrow(/q:/);
    expect(() => percentile(Float64Array.of(1), -0.1)).toThrow(/q:/);
  });
});
