import { smirnovSurvival } from './smirnov-distribution.ts';

/**
 * The survival function of the two-sided one-sample Kolmogorov–Smirnov statistic D_n, used for
 * the asymptotic two-sample p-value with n = round(n1·n2 / (n1 + n2)).
 *
 * Method: Simard and L'Ecuyer, "Computing the two-sided Kolmogorov–Smirnov distribution",
 * J. Stat. Softw. 39(11), 2011, choosing per (n, x) among: the Ruben–Gambino closed forms near
 * the ends of the support; twice the one-sided tail (`smirnovSurvival`), exact for x >= 1/2;
 * Durbin's matrix method as organised by Marsaglia, Tsang and Wang (J. Stat. Softw. 8(18),
 * 2003); Pomeranz's recursion (CACM 17(12), 1974); and the Pelz–Good asymptotic series (JRSS B
 * 38(2), 1976). Reference implementation: SciPy's `scipy.stats.kstwo.sf` (`_kolmogn` in
 * `scipy/stats/_ksstats.py`), whose branch points are kept.
 *
 * @param n Sample size, a positive integer.
 * @param x The statistic.
 * @returns P(D_n >= x), in [0, 1].
 * @throws {RangeError} When `n` is not a positive integer or `x` is NaN.
 */
export function kolmogorovSurvival(n: number, x: number): number {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`n: expected a positive integer, got ${String(n)}`);
  }
  if (Number.isNaN(x)) throw new RangeError('x: expected a number, got NaN');

  if (x >= 1) return 0;
  if (x <= 0.5 / n) return 1;
  const t = n * x;
  if (t <= 1) return clip(1 - rubenGambinoLowerCdf(n, t));
  if (t >= n - 1) return clip(2 * Math.pow(1 - x, n));
  if (x >= 0.5) return clip(2 * smirnovSurvival(n, x));

  const nxSquared = t * x;
  if (n <= 140) {
    if (nxSquared <= 0.754693) return clip(1 - durbinMatrixCdf(n, x));
    if (nxSquared <= 4) return clip(1 - pomeranzCdf(n, x));
    return clip(2 * smirnovSurvival(n, x));
  }
  if (nxSquared >= 370) return 0;
  if (nxSquared >= 2.2) return clip(2 * smirnovSurvival(n, x));
  const cdf =
    n <= 100000 && n * Math.pow(x, 1.5) <= 1.4 ? durbinMatrixCdf(n, x) : pelzGoodCdf(n, x);
  return clip(1 - cdf);
}

const SCALE_EXPONENT = 128;
const SCALE_UP = 2 ** 128;
const SCALE_DOWN = 2 ** -128;
const LOG_2PI = Math.log(2 * Math.PI);
const SQRT_2PI = Math.sqrt(2 * Math.PI);
const PI2 = Math.PI ** 2;
const PI4 = Math.PI ** 4;
const PI6 = Math.PI ** 6;

// P(D_n <= x) for 1/(2n) < x <= 1/n: n! / n^n × (2nx − 1)^n.
function rubenGambinoLowerCdf(n: number, t: number): number {
  if (n <= 140) {
    let product = 1;
    for (let i = 1; i <= n; i++) product *= i * (1 / n) * (2 * t - 1);
    return product;
  }
  return Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
}

// log(n! / n^n) by Stirling's series with n·log(n) removed up front; the coefficients are
// B_2j / (2j (2j − 1)) for j = 8 down to 1.
function logFactorialOverPower(n: number): number {
  const coefficients = [
    -3617 / 122400,
    1 / 156,
    -691 / 360360,
    1 / 1188,
    -1 / 1680,
    1 / 1260,
    -1 / 360,
    1 / 12,
  ];
  const r = 1 / n;
  let series = 0;
  for (const c of coefficients) series = series * (r / n) + c;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + r * series;
}

// Durbin's matrix: P(D_n <= x) = n!/n^n × (H^n)[k−1][k−1], with k = ceil(nx), H of size 2k − 1;
// powers are rescaled by 2^128 as they grow and the exponent is carried separately.
function durbinMatrixCdf(n: number, d: number): number {
  const nd = n * d;
  if (d >= 1) return 1;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;

  let matrix = durbinMatrix(h, m);
  let power = identity(m);
  let exponent = 0;
  let matrixExponent = 0;
  for (let remaining = n; remaining > 0; remaining = Math.floor(remaining / 2)) {
    if (remaining % 2 === 1) {
      power = multiply(power, matrix, m);
      exponent += matrixExponent;
    }
    matrix = multiply(matrix, matrix, m);
    matrixExponent *= 2;
    if (Math.abs(matrix[(k - 1) * m + k - 1]!) > SCALE_UP) {
      for (let i = 0; i < matrix.length; i++) matrix[i]! /= SCALE_UP;
      matrixExponent += SCALE_EXPONENT;
    }
  }

  let p = power[(k - 1) * m + k - 1]!;
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < SCALE_DOWN) {
      p *= SCALE_UP;
      exponent -= SCALE_EXPONENT;
    }
  }
  return clip(scaleByPowerOfTwo(p, exponent));
}

function durbinMatrix(h: number, m: number): Float64Array {
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let factorial = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = factorial;
    factorial /= j;
    v[j - 1] = (1 - Math.pow(h, j)) * factorial;
  }
  const tail = Math.pow(Math.max(2 * h - 1, 0), m) - 2 * Math.pow(h, m);
  v[m - 1] = (1 + tail) * factorial;

  const matrix = new Float64Array(m * m);
  for (let column = 1; column < m; column++) {
    for (let row = column - 1; row < m; row++) matrix[row * m + column] = w[row - column + 1]!;
  }
  for (let row = 0; row < m; row++) matrix[row * m] = v[row]!;
  for (let column = 0; column < m; column++) matrix[(m - 1) * m + column] = v[m - 1 - column]!;
  return matrix;
}

function identity(m: number): Float64Array {
  const matrix = new Float64Array(m * m);
  for (let i = 0; i < m; i++) matrix[i * m + i] = 1;
  return matrix;
}

function multiply(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const product = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let l = 0; l < m; l++) {
      const factor = a[i * m + l]!;
      if (factor === 0) continue;
      for (let j = 0; j < m; j++) product[i * m + j]! += factor * b[l * m + j]!;
    }
  }
  return product;
}

// Pomeranz's recursion over 2n + 1 rows of Poisson-like convolutions; P(D_n <= x).
function pomeranzCdf(n: number, x: number): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilF = f > 0 ? 1 : 0;
  const roundF = f > 0.5 ? 1 : 0;
  const powers = 2 * (ll + 1);
  const gPower = new Float64Array(powers);
  const twoGPower = new Float64Array(powers);
  const oneMinusTwoGPower = new Float64Array(powers);
  gPower[0] = 1;
  twoGPower[0] = 1;
  oneMinusTwoGPower[0] = 1;
  const gOverN = g / n;
  const twoGOverN = (2 * g) / n;
  const oneMinusTwoGOverN = (1 - 2 * g) / n;
  for (let m = 1; m < powers; m++) {
    gPower[m] = (gPower[m - 1]! * gOverN) / m;
    twoGPower[m] = (twoGPower[m - 1]! * twoGOverN) / m;
    oneMinusTwoGPower[m] = (oneMinusTwoGPower[m - 1]! * oneMinusTwoGOverN) / m;
  }

  let previous = new Float64Array(powers);
  let current = new Float64Array(powers);
  current[0] = 1;
  let previousStart = 0;
  let currentStart = 0;
  let exponent = 0;
  let [j1] = pomeranzBounds(0, n, ll, ceilF, roundF);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [previous, current] = [current, previous];
    [previousStart, currentStart] = [currentStart, previousStart];
    current.fill(0);
    const bounds = pomeranzBounds(i, n, ll, ceilF, roundF);
    j1 = bounds[0];
    const j2 = bounds[1];
    const weights =
      i === 1 || i === 2 * n + 1 ? gPower : i % 2 === 1 ? twoGPower : oneMinusTwoGPower;
    const length = j2 - k1 + 1;
    if (length <= 0) continue;

    // current[c] = (previous[k1 ..] ∗ weights)[c + j1 − k1], a slice of a full convolution.
    const offset = k1 - previousStart;
    const previousLength = Math.min(length, powers - offset);
    const weightsLength = Math.min(length, powers);
    const start = j1 - k1;
    for (let c = 0; c < j2 - j1 + 1; c++) {
      let sum = 0;
      const s = c + start;
      const from = Math.max(0, s - weightsLength + 1);
      for (let a = from; a <= Math.min(s, previousLength - 1); a++) {
        sum += previous[offset + a]! * weights[s - a]!;
      }
      current[c] = sum;
    }
    let largest = 0;
    for (let c = 0; c < current.length; c++) largest = Math.max(largest, current[c]!);
    if (largest > 0 && largest < SCALE_DOWN) {
      for (let c = 0; c < current.length; c++) current[c]! *= SCALE_UP;
      exponent -= SCALE_EXPONENT;
    }
    currentStart = previousStart + j1 - k1;
  }

  let answer = current[n - currentStart]!;
  for (let m = 1; m <= n; m++) {
    if (Math.abs(answer) > SCALE_UP) {
      answer *= SCALE_DOWN;
      exponent += SCALE_EXPONENT;
    }
    answer *= m;
  }
  return clip(scaleByPowerOfTwo(answer, exponent));
}

function pomeranzBounds(
  i: number,
  n: number,
  ll: number,
  ceilF: number,
  roundF: number,
): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilF - 1;
    j2 = ll + ceilF - 1;
  } else {
    const half = Math.floor((i + 1) / 2);
    if ((i + 1) % 2 === 0) {
      if (half === n + 1) {
        j1 = n - ll - ceilF - 1;
        j2 = n + ll + ceilF - 1;
      } else {
        j1 = half - 1 - ll - roundF - 1;
        j2 = half + ll - 1 + ceilF - 1;
      }
    } else {
      j1 = half - 1 - ll - 1;
      j2 = half + ll + roundF - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

// The Li-Chien / Korolyuk expansion K0 + K1/√n + K2/n + K3/n^1.5 of P(D_n <= x), with each K_i
// rewritten through Jacobi theta identities so that it converges for small z = x√n.
function pelzGoodCdf(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const z2 = z ** 2;
  const z3 = z ** 3;
  const z4 = z ** 4;
  const z6 = z ** 6;
  const qLog = -PI2 / 8 / z2;
  if (qLog < -708) return 0;
  let q = Math.exp(qLog);

  const k1a = -z2;
  const k1b = PI2 / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = ((2 * z4 - 5 * z2) * PI2) / 4;
  const k2c = (PI4 * (1 - 2 * z2)) / 16;
  const k3d = (PI6 * (5 - 30 * z2)) / 64;
  const k3c = (PI4 * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (PI2 * (135 * z4 - 96 * z6)) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;

  const terms = [0, 0, 0, 0];
  const maxK = Math.ceil((16 * z) / Math.PI);
  for (let k = maxK; k > 0; k--) {
    const m = 2 * k - 1;
    const m2 = m ** 2;
    const m4 = m ** 4;
    const m6 = m ** 6;
    const qPower = Math.pow(q, 8 * k);
    const coefficients = [
      1,
      k1a + k1b * m2,
      k2a + k2b * m2 + k2c * m4,
      k3a + k3b * m2 + k3c * m4 + k3d * m6,
    ];
    for (let i = 0; i < 4; i++) terms[i] = terms[i]! * qPower + coefficients[i]!;
  }
  const divisors = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) terms[i] = (terms[i]! * q * SQRT_2PI) / divisors[i]!;

  q = Math.exp(-PI2 / 2 / z2);
  let k2extra = 0;
  let k3extra = 0;
  const sqrt3z = Math.sqrt(3) * z;
  for (let k = maxK; k > 0; k--) {
    const k2 = k * k;
    const qPower = Math.pow(q, k2);
    const kPi = Math.PI * k;
    k2extra += k2 * qPower;
    k3extra += (sqrt3z + kPi) * (sqrt3z - kPi) * k2 * qPower;
  }
  terms[2] = terms[2]! + k2extra * ((PI2 * SQRT_2PI) / (-36 * z3));
  terms[3] = terms[3]! + k3extra * ((PI2 * SQRT_2PI) / (216 * z6));

  let sum = 0;
  for (let i = 0; i < 4; i++) sum += terms[i]! / Math.pow(n, i / 2);
  return sum;
}

function scaleByPowerOfTwo(value: number, exponent: number): number {
  let result = value;
  let e = exponent;
  while (e > 1000) {
    result *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    result *= 2 ** -1000;
    e += 1000;
  }
  return result * 2 ** e;
}

function clip(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
