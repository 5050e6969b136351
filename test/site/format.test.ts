import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatMetric,
  formatNumber,
  formatPValue,
  missingValue,
} from '../../src/site/format.ts';

describe('formatMetric', () => {
  it('shows an estimate with its interval', () => {
    expect(formatMetric({ estimate: 0.8123, low: 0.79, high: 0.8334 })).toBe('0.812 (0.790–0.833)');
  });

  it('shows the estimate alone when there is no interval', () => {
    expect(formatMetric({ estimate: 0.5, low: null, high: null })).toBe('0.500');
  });

  it('keeps the first significant digit of a bound that would round to zero', () => {
    expect(formatMetric({ estimate: 0.031, low: 0.00024, high: 0.064 })).toBe(
      '0.031 (0.0002–0.064)',
    );
    expect(formatMetric({ estimate: -0.02, low: -0.041, high: -0.00031 })).toBe(
      '−0.020 (−0.041 to −0.0003)',
    );
    expect(formatMetric({ estimate: 0.01, low: 0, high: 0.02 })).toBe('0.010 (0.000–0.020)');
  });

  it('shows an undefined metric as a dash, never 0 or NaN', () => {
    expect(formatMetric({ estimate: null, reason: 'no positives' })).toBe(missingValue);
    expect(formatMetric(undefined)).toBe(missingValue);
  });

  it('uses a true minus sign for negative values', () => {
    expect(formatMetric({ estimate: -0.1, low: -0.25, high: 0.05 })).toBe(
      '−0.100 (−0.250 to 0.050)',
    );
  });
});

describe('formatNumber', () => {
  it('shows non-finite values as a dash', () => {
    expect(formatNumber(Number.NaN)).toBe(missingValue);
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe(missingValue);
    expect(formatNumber(null)).toBe(missingValue);
  });

  it('never shows a negative zero', () => {
    expect(formatNumber(-0.0001)).toBe('0.000');
  });
});

describe('formatPValue', () => {
  it('uses three significant digits, and powers of ten for tiny values', () => {
    expect(formatPValue(0.4721)).toBe('0.472');
    expect(formatPValue(1)).toBe('1');
    expect(formatPValue(0.00793651)).toBe('0.00794');
    expect(formatPValue(3.2e-12)).toBe('3.20×10⁻¹²');
    expect(formatPValue(null)).toBe(missingValue);
  });
});

describe('formatCount', () => {
  it('groups thousands with thin spaces', () => {
    expect(formatCount(115234)).toBe('115\u2009234');
    expect(formatCount(999)).toBe('999');
  });
});
