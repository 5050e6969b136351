/**
 * The survival function of the one-sided one-sample Kolmogorov–Smirnov statistic D+_n.
 *
 * Method: the Birnbaum–Tingey series (Birnbaum and Tingey, "One-sided confidence contours for
 * probability distribution functions", Ann. Math. Statist. 1951; already in Smirnov 1944):
 *   P(D+_n >= x) = x · Σ_{v=0}^{⌊n(1−x)⌋} C(n, v) (1 − x − v/n)^(n−v) (x + v/n)^(v−1),
 * each term summed in log space so that nothing under- or overflows, with the special cases of
 * SciPy's `scipy.special.smirnov` (van Mulbregt, arXiv:1802.06966), its reference
 * implementation: closed forms for x <= 1/n and x >= 1 − 1/n, the short alternating upper sum
 * where it has at most three terms, and Miller's approximation exp(−(6nx + 1)² / 18n) beyond
 * n = 10^6. SciPy sums in double-double arithmetic; this double-precision version agrees to
 * about 1e-12 relative.
 *
 * @param n Sample size, a positive integer.
 * @param x The statistic, in [0, 1].
 * @returns P(D+_n >= x).
 * @throws {RangeError} When `n` is not a positive integer or `x` is outside [0, 1].
 */
export function smirnovSurvival(n: number, x: number): number {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`n: expected a positive integer, got ${String(n)}`);
  }
  if (!(x >= 0 && x <= 1)) throw new RangeError(`x: expected a number in [0, 1], got ${x}`);

  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;

  const nx = exactProduct(n, x);
  const nxFloor = floorOfSum(nx.high, nx.low);
  const alpha = nx.high - nxFloor + nx.low;
  if (nxFloor === 0 || (nxFloor === 1 && alpha === 0)) {
    return 1 - x * Math.pow(1 + x, n - 1);
  }
  if (-2 * n * x * x < MIN_LOG) return 0;
  if (nxFloor >= n - 1) return Math.pow(1 - x, n);
  if (n > MAX_COMPUTE_N) return Math.exp(-Math.pow(6 * n * x + 1, 2) / 18 / n);

  // Sum the terms with x + v/n < 1 (lower sum) or those with x + v/n > 1 (upper sum).
  const lowerLast = n - nxFloor - 1;
  const upperFirst = alpha === 0 ? n - nxFloor + 1 : n - nxFloor;
  const upperTerms = n - upperFirst + 1;
  const useUpperSum =
    (upperTerms <= 1 && x < 0.5) || (n >= 10 && upperTerms <= 3 && x <= 0.5 / Math.sqrt(n));

  if (useUpperSum) {
    const cdf = x * upperSum(n, nx, upperFirst);
    return clip(1 - cdf);
  }
  return clip(x * lowerSum(n, x, nx, lowerLast));
}

const MIN_LOG = -708.3964185322641;
const MAX_COMPUTE_N = 1_000_000;
const EPSILON = Number.EPSILON;

interface DoubleDouble {
  high: number;
  low: number;
}

// Dekker's exact product: high + low = a × b exactly.
function exactProduct(a: number, b: number): DoubleDouble {
  const high = a * b;
  const split = (v: number): [number, number] => {
    const c = 134217729 * v;
    const hi = c - (c - v);
    return [hi, v - hi];
  };
  const [aHigh, aLow] = split(a);
  const [bHigh, bLow] = split(b);
  const low = aHigh * bHigh - high + aHigh * bLow + aLow * bHigh + aLow * bLow;
  return { high, low };
}

function floorOfSum(high: number, low: number): number {
  let result = Math.floor(high);
  if (result === high && low < 0) result -= 1;
  if (high - result + low >= 1) result += 1;
  return result;
}

// log |A_v| and its sign, A_v = C(n, v) (1 − x − v/n)^(n−v) (x + v/n)^(v−1), given log C(n, v).
function logTerm(
  n: number,
  v: number,
  nx: DoubleDouble,
  logBinomial: number,
): { log: number; sign: number } {
  const sumOver = (v + nx.high + nx.low) / n; // x + v/n
  const restOver = (n - v - nx.high - nx.low) / n; // 1 − x − v/n
  let log = logBinomial;
  let sign = 1;
  if (v !== 1) log += (v - 1) * Math.log(sumOver);
  if (n - v !== 0) {
    if (restOver < 0 && (n - v) % 2 === 1) sign = -1;
    log += (n - v) * (sumOver < 0.5 ? Math.log1p(-sumOver) : Math.log(Math.abs(restOver)));
  }
  return { log, sign };
}

// Σ_{v=0}^{last} A_v, all terms positive; stops when the rest cannot matter (SciPy's rule).
function lowerSum(n: number, x: number, nx: DoubleDouble, last: number): number {
  const terms = last + 1;
  let logBinomial = 0;
  let maxLog = -Infinity;
  let scaled = 0;
  for (let v = 0; v <= last; v++) {
    if (v > 0) logBinomial += Math.log((n - v + 1) / v);
    const log = v === 0 ? n * Math.log1p(-x) - Math.log(x) : logTerm(n, v, nx, logBinomial).log;
    if (log > maxLog) {
      scaled = scaled * Math.exp(maxLog - log) + 1;
      maxLog = log;
    } else {
      scaled += Math.exp(log - maxLog);
    }
    const logSum = maxLog + Math.log(scaled);
    if (v !== last && Math.log(4 * (terms - v)) + log < Math.log(EPSILON) + logSum) break;
  }
  return scaled * Math.exp(maxLog);
}

// Σ_{v=first}^{n} A_v, few terms of alternating sign.
function upperSum(n: number, nx: DoubleDouble, first: number): number {
  let total = 0;
  let logBinomial = 0; // log C(n, n)
  for (let v = n; v >= first; v--) {
    if (v < n) logBinomial += Math.log((v + 1) / (n - v));
    const { log, sign } = logTerm(n, v, nx, logBinomial);
    total += sign * Math.exp(log);
  }
  return total;
}

function clip(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
