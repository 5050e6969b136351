import { kolmogorovSurvival } from './kolmogorov-distribution.ts';
import { greatestCommonDivisor, twoSampleKsSurvival } from './two-sample-ks-distribution.ts';

/** How the p-value of `ksTwoSample` is computed. */
export type KsMethod = 'auto' | 'exact' | 'asymptotic';

/** Options of `ksTwoSample`. */
export interface KsTwoSampleOptions {
  /**
   * `auto` (default): exact when both samples have at most 10,000 values, else asymptotic.
   * `exact`: the exact distribution unless lcm(n1, n2) would exceed 2^31 − 1. Either exact
   * choice falls back to asymptotic when the recursion fails numerically, as SciPy does.
   */
  method?: KsMethod;
}

/** The outcome of a two-sample Kolmogorov–Smirnov test. */
export interface KsTwoSampleResult {
  /** D = sup |F_a − F_b| over the pooled values, in [0, 1]. */
  statistic: number;
  /** Two-sided p-value, in [0, 1]. */
  pValue: number;
  /** The method that produced the p-value. */
  method: 'exact' | 'asymptotic';
}

/** Samples larger than this make `auto` choose the asymptotic p-value (SciPy's MAX_AUTO_N). */
export const KS_EXACT_AUTO_LIMIT = 10000;

/**
 * The two-sided two-sample Kolmogorov–Smirnov test of whether `a` and `b` come from the same
 * continuous distribution.
 *
 * Method: Smirnov's statistic D, the largest gap between the two empirical distribution
 * functions, evaluated just after every pooled value (so ties are handled); its p-value from the
 * exact null distribution (`twoSampleKsSurvival`, Hodges 1958) or from the one-sample
 * Kolmogorov distribution with n = round(n1·n2 / (n1 + n2)) (`kolmogorovSurvival`). Reference
 * implementation: `scipy.stats.ks_2samp(a, b)` (alternative "two-sided"), including its choice
 * of method, its fallbacks, and its rounding of D to a multiple of 1/lcm(n1, n2) on the exact
 * path; the golden tests hold the two within 1e-12 relative on exact p-values.
 *
 * @param a First sample; at least one value, none NaN (±Infinity are allowed).
 * @param b Second sample, likewise.
 * @param options See `KsTwoSampleOptions`.
 * @throws {RangeError} When a sample is empty or contains NaN, or the method is unknown.
 */
export function ksTwoSample(
  a: Float64Array,
  b: Float64Array,
  options: KsTwoSampleOptions = {},
): KsTwoSampleResult {
  const requested = options.method ?? 'auto';
  assertSample('a', a);
  assertSample('b', b);
  if (requested !== 'auto' && requested !== 'exact' && requested !== 'asymptotic') {
    throw new RangeError(
      `method: expected 'auto', 'exact' or 'asymptotic', got ${String(requested)}`,
    );
  }

  const n1 = a.length;
  const n2 = b.length;
  let statistic = ksStatistic(Float64Array.from(a).sort(), Float64Array.from(b).sort());
  const g = greatestCommonDivisor(n1, n2);
  let method: 'exact' | 'asymptotic' =
    requested === 'auto'
      ? Math.max(n1, n2) <= KS_EXACT_AUTO_LIMIT
        ? 'exact'
        : 'asymptotic'
      : requested;
  if (requested === 'exact' && n1 / g >= 2147483647 / (n2 / g)) method = 'asymptotic';

  let pValue = NaN;
  if (method === 'exact') {
    const lcm = (n1 / g) * n2;
    const h = roundHalfToEven(statistic * lcm);
    statistic = h / lcm;
    pValue = twoSampleKsSurvival(n1, n2, h);
    if (!(pValue >= 0 && pValue <= 1)) method = 'asymptotic';
  }
  if (method === 'asymptotic') {
    const effective = (Math.max(n1, n2) * Math.min(n1, n2)) / (n1 + n2);
    pValue = kolmogorovSurvival(Math.max(1, roundHalfToEven(effective)), statistic);
  }

  return { statistic, pValue: Math.min(1, Math.max(0, pValue)), method };
}

function assertSample(name: string, sample: Float64Array): void {
  if (!(sample instanceof Float64Array)) throw new TypeError(`${name}: expected a Float64Array`);
  if (sample.length === 0) throw new RangeError(`${name}: expected at least one value`);
  for (let i = 0; i < sample.length; i++) {
    if (Number.isNaN(sample[i])) throw new RangeError(`${name}[${i}]: NaN is not a value`);
  }
}

// max over pooled values v of |F_a(v) − F_b(v)|, each F computed as count / size exactly as
// SciPy does, with the negative side clipped to [0, 1].
function ksStatistic(a: Float64Array, b: Float64Array): number {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let largest = -Infinity;
  let smallest = Infinity;
  while (i < n1 || j < n2) {
    const value = j >= n2 || (i < n1 && a[i]! <= b[j]!) ? a[i]! : b[j]!;
    while (i < n1 && a[i] === value) i++;
    while (j < n2 && b[j] === value) j++;
    const difference = i / n1 - j / n2;
    if (difference > largest) largest = difference;
    if (difference < smallest) smallest = difference;
  }
  const negative = Math.min(1, Math.max(0, -smallest));
  return negative > largest ? negative : largest;
}

function roundHalfToEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
