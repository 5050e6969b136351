/**
 * The exact null distribution of the two-sided two-sample Kolmogorov–Smirnov statistic.
 *
 * Method: lattice-path counting (Hodges, "The significance probability of the Smirnov
 * two-sample test", Arkiv för Matematik 1958). For unequal sizes the "inside" recursion of
 * Hodges, rewritten by Viehmann ("Numerically more stable computation of the p-values for the
 * two-sample Kolmogorov–Smirnov test", arXiv:2102.08037, 2021) to produce 1 − p directly in
 * probabilities; for equal sizes the alternating binomial series in Horner form. Reference
 * implementation: SciPy's `_compute_outer_prob_inside_method` and `_compute_prob_outside_square`
 * (`scipy.stats.ks_2samp`, method "exact"), whose floating-point steps are followed so that
 * p-values agree to the last bits.
 *
 * @param n1 Size of the first sample, a positive integer.
 * @param n2 Size of the second sample, a positive integer.
 * @param h The statistic as an integer multiple of 1 / lcm(n1, n2): D = h / lcm, 0 <= h <= lcm.
 * @returns P(D >= h / lcm) under the null hypothesis; may fall outside [0, 1] when rounding
 *   defeats the recursion, which callers must treat as a failure.
 * @throws {RangeError} When the sizes are not positive integers or `h` is out of range.
 */
export function twoSampleKsSurvival(n1: number, n2: number, h: number): number {
  for (const [name, value] of [
    ['n1', n1],
    ['n2', n2],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new RangeError(`${name}: expected a positive integer, got ${String(value)}`);
    }
  }
  const g = greatestCommonDivisor(n1, n2);
  const lcm = (n1 / g) * n2;
  if (!Number.isSafeInteger(h) || h < 0 || h > lcm) {
    throw new RangeError(`h: expected an integer in [0, ${lcm}], got ${String(h)}`);
  }

  if (h === 0) return 1;
  return n1 === n2 ? probabilityOutsideSquare(n1, h) : probabilityOutsideBand(n1, n2, g, h);
}

/** The greatest common divisor of two positive integers (Euclid). */
export function greatestCommonDivisor(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

// P(D >= h/n) for two samples of size n:
// 2 × (C(2n, n−h) − C(2n, n−2h) + C(2n, n−3h) − …) / C(2n, n), each ratio of binomials built
// as a product of h factors and the alternating sum nested so that it never cancels.
function probabilityOutsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let term = 1;
    for (let j = 0; j < h; j++) term = ((n - k * h - j) * term) / (n + k * h + j + 1);
    p = term * (1 - p);
  }
  return 2 * p;
}

// 1 − P(every lattice path point (x, y) from (0,0) to (m,n) has |n·x − m·y| < h·g), where a
// column of path probabilities over a sliding window of y is carried from x = i − 1 to x = i.
// Cells outside the band hold 1 (the probability of having left it already).
function probabilityOutsideBand(m0: number, n0: number, g: number, h: number): number {
  const m = Math.max(m0, n0);
  const n = Math.min(m0, n0);
  const mg = m / g;
  const ng = n / g;

  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let currentLength = maxj - minj;
  const column = new Float64Array(Math.min(2 * maxj + 2, n + 1)).fill(1);
  column.fill(0, minj, maxj);

  for (let i = 1; i <= m; i++) {
    const lastMinj = minj;
    const lastLength = currentLength;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;

    let value = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      value = (column[jj + minj - lastMinj]! * i + value * j) / (i + j);
      column[jj] = value;
    }
    currentLength = maxj - minj;
    if (lastLength > currentLength) {
      column.fill(
        1,
        maxj - minj,
        Math.min(column.length, maxj - minj + lastLength - currentLength),
      );
    }
  }
  return column[maxj - minj - 1]!;
}
