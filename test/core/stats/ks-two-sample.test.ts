import { describe, expect, it } from 'vitest';
import { kolmogorovSurvival } from '../../../src/core/stats/kolmogorov-distribution.ts';
import { ksTwoSample } from '../../../src/core/stats/ks-two-sample.ts';
import { smirnovSurvival } from '../../../src/core/stats/smirnov-distribution.ts';
import { twoSampleKsSurvival } from '../../../src/core/stats/two-sample-ks-distribution.ts';
import { floats, golden, modularSample, type KsEntry } from './golden.ts';

// Tolerances against scipy.stats.ks_2samp: the statistic within 1e-12 absolute; exact p-values
// within 1e-12 relative; asymptotic p-values within 1e-9 absolute and 1e-7 relative.
const EXACT_RELATIVE = 1e-12;
const ASYMPTOTIC = { absolute: 1e-9, relative: 1e-7 };

function samples(entry: KsEntry): [Float64Array, Float64Array] {
  if (entry.a !== undefined) return [floats(entry.a), floats(entry.b!)];
  return [modularSample(entry.aModular!), modularSample(entry.bModular!)];
}

function expectedMethod(entry: KsEntry, a: Float64Array, b: Float64Array): 'exact' | 'asymptotic' {
  if (entry.method === 'asymp') return 'asymptotic';
  if (entry.method === 'exact') return 'exact';
  return Math.max(a.length, b.length) <= 10000 ? 'exact' : 'asymptotic';
}

describe('ksTwoSample against scipy.stats.ks_2samp', () => {
  for (const entry of golden.ks) {
    it(`matches ${entry.name}`, () => {
      const [a, b] = samples(entry);
      const method = entry.method === 'asymp' ? 'asymptotic' : entry.method;
      const result = ksTwoSample(a, b, { method });
      expect(result.method).toBe(expectedMethod(entry, a, b));
      expect(Math.abs(result.statistic - entry.statistic)).toBeLessThanOrEqual(1e-12);
      const error = Math.abs(result.pValue - entry.pValue);
      if (result.method === 'exact') {
        expect(error).toBeLessThanOrEqual(EXACT_RELATIVE * entry.pValue);
      } else {
        expect(error).toBeLessThanOrEqual(
          Math.max(ASYMPTOTIC.absolute, ASYMPTOTIC.relative * entry.pValue),
        );
      }
    });
  }
});

describe('kolmogorovSurvival against scipy.stats.kstwo.sf, over all of its branches', () => {
  it('matches every golden point', () => {
    for (const { n, x, sf } of golden.kstwo) {
      const actual = kolmogorovSurvival(n, x);
      const tolerance = Math.max(1e-12, 1e-9 * sf);
      if (!(Math.abs(actual - sf) <= tolerance)) {
        expect.fail(`kstwo.sf(${x}, ${n}) = ${sf}, got ${actual}`);
      }
    }
  });
});

describe('smirnovSurvival against scipy.special.smirnov', () => {
  it('matches every golden point', () => {
    for (const { n, x, sf } of golden.smirnov) {
      const actual = smirnovSurvival(n, x);
      if (!(Math.abs(actual - sf) <= Math.max(1e-13, 1e-9 * sf))) {
        expect.fail(`smirnov(${n}, ${x}) = ${sf}, got ${actual}`);
      }
    }
  });
});

describe('ksTwoSample on case 09 (tiny groups, exact p-values as scipy)', () => {
  const entry = (name: string) => golden.ks.find((e) => e.name === `case 09 ${name}`)!;

  it('single: D = 1, p = 1.0', () => {
    expect(ksTwoSample(...samples(entry('single')))).toEqual({
      statistic: 1,
      pValue: 1,
      method: 'exact',
    });
  });

  it('separated: D = 1, p = 2/252', () => {
    const result = ksTwoSample(...samples(entry('separated')));
    expect(result.statistic).toBe(1);
    expect(result.pValue).toBeCloseTo(2 / 252, 15);
  });

  it('ties: D = 2/3, p = 0.4', () => {
    const result = ksTwoSample(...samples(entry('ties')));
    expect(result.statistic).toBeCloseTo(2 / 3, 15);
    expect(result.pValue).toBeCloseTo(0.4, 15);
  });
});

describe('ksTwoSample edge cases', () => {
  it('is symmetric in its samples', () => {
    const a = Float64Array.of(0.1, 0.5, 0.9, 1.3);
    const b = Float64Array.of(0.4, 0.45, 2, 3, 4, 5);
    expect(ksTwoSample(a, b)).toEqual(ksTwoSample(b, a));
  });

  it('gives D = 0, p = 1 for identical or all-equal samples', () => {
    expect(ksTwoSample(Float64Array.of(2, 2), Float64Array.of(2, 2, 2))).toEqual({
      statistic: 0,
      pValue: 1,
      method: 'exact',
    });
  });

  it('is unchanged by scaling at extreme magnitudes', () => {
    const a = Float64Array.of(1, 2, 3, 7, 8);
    const b = Float64Array.of(4, 5, 6, 9);
    const base = ksTwoSample(a, b);
    expect(
      ksTwoSample(
        a.map((v) => v * 1e-300),
        b.map((v) => v * 1e-300),
      ),
    ).toEqual(base);
    expect(
      ksTwoSample(
        a.map((v) => v * 1e300),
        b.map((v) => v * 1e300),
      ),
    ).toEqual(base);
  });

  it('treats -0 and 0 as one value', () => {
    expect(ksTwoSample(Float64Array.of(-0), Float64Array.of(0)).statistic).toBe(0);
  });

  it('refuses an empty sample, NaN values and an unknown method', () => {
    expect(() => ksTwoSample(new Float64Array(0), Float64Array.of(1))).toThrow(/a:/);
    expect(() => ksTwoSample(Float64Array.of(1), new Float64Array(0))).toThrow(/b:/);
    expect(() => ksTwoSample(Float64Array.of(1, NaN), Float64Array.of(1))).toThrow(/a\[1\]/);
    expect(() =>
      ksTwoSample(Float64Array.of(1), Float64Array.of(2), {
        method: 'permutation' as unknown as 'exact',
      }),
    ).toThrow(/method/);
  });

  it('computes an exact p-value at the auto limit (10,000 vs 9,999) in reasonable time', () => {
    const a = modularSample([10000, 7919, 100003, 100003, 0]);
    const b = modularSample([9999, 104729, 100019, 100019, 0.2]);
    const start = performance.now();
    const result = ksTwoSample(a, b);
    expect(result.method).toBe('exact');
    expect(result.pValue).toBeLessThan(1e-100);
    expect(performance.now() - start).toBeLessThan(20_000);
  });
});

describe('the distributions behind ksTwoSample', () => {
  it('twoSampleKsSurvival: P(D >= 1) for sizes 5 and 5 is 2 / C(10, 5)', () => {
    expect(twoSampleKsSurvival(5, 5, 5)).toBeCloseTo(2 / 252, 16);
    expect(twoSampleKsSurvival(3, 4, 0)).toBe(1);
    expect(() => twoSampleKsSurvival(0, 4, 1)).toThrow(/n1/);
    expect(() => twoSampleKsSurvival(3, 4, 13)).toThrow(/h:/);
  });

  it('smirnovSurvival has the closed forms at the ends of the support', () => {
    expect(smirnovSurvival(1, 0.3)).toBeCloseTo(0.7, 15);
    expect(smirnovSurvival(10, 0)).toBe(1);
    expect(smirnovSurvival(10, 1)).toBe(0);
    expect(smirnovSurvival(10, 0.95)).toBeCloseTo(0.05 ** 10, 25);
    expect(() => smirnovSurvival(10, 1.5)).toThrow(/x:/);
  });

  it('kolmogorovSurvival is 1 at the bottom of the support and 0 at the top', () => {
    expect(kolmogorovSurvival(10, 0.05)).toBe(1);
    expect(kolmogorovSurvival(10, 1)).toBe(0);
    expect(() => kolmogorovSurvival(0, 0.5)).toThrow(/n:/);
  });
});
