/** A multiple-testing adjustment. */
export type PValueAdjustment = 'BY' | 'BH' | 'holm' | 'bonferroni';

/**
 * Adjusted p-values for a family of tests, comparable with the family-wise level or false
 * discovery rate directly (reject when adjusted <= alpha).
 *
 * Methods: `BY` Benjamini and Yekutieli (Ann. Statist. 2001), the false discovery rate under
 * arbitrary dependence; `BH` Benjamini and Hochberg (JRSS B 1995); `holm` Holm's step-down
 * (Scand. J. Statist. 1979); `bonferroni`. Reference implementation: statsmodels
 * `multipletests(p, method='fdr_by' | 'fdr_bh' | 'holm' | 'bonferroni')[1]`, whose arithmetic is
 * followed (sort ascending, scale by rank, a running minimum from the top for BH/BY or maximum
 * from the bottom for Holm, cap at 1).
 *
 * NaN entries are untestable comparisons: they are left out of the family (m counts only the
 * others) and come back as NaN, so one missing test does not change or poison the rest.
 *
 * @param pValues Each in [0, 1] or NaN.
 * @param method The adjustment.
 * @returns Adjusted p-values in the input order.
 * @throws {RangeError} When a p-value is outside [0, 1] or the method is unknown.
 */
export function adjustPValues(pValues: Float64Array, method: PValueAdjustment): Float64Array {
  if (!(pValues instanceof Float64Array)) throw new TypeError('pValues: expected a Float64Array');
  if (method !== 'BY' && method !== 'BH' && method !== 'holm' && method !== 'bonferroni') {
    throw new RangeError(
      `method: expected 'BY', 'BH', 'holm' or 'bonferroni', got ${String(method)}`,
    );
  }
  const tested: number[] = [];
  for (let i = 0; i < pValues.length; i++) {
    const p = pValues[i]!;
    if (Number.isNaN(p)) continue;
    if (!(p >= 0 && p <= 1)) {
      throw new RangeError(`pValues[${i}]: expected a p-value in [0, 1] or NaN, got ${p}`);
    }
    tested.push(i);
  }

  const adjusted = new Float64Array(pValues.length).fill(NaN);
  const m = tested.length;
  if (m === 0) return adjusted;
  const order = tested.sort((i, j) => pValues[i]! - pValues[j]! || i - j);
  const sorted = order.map((i) => pValues[i]!);
  const corrected = correctSorted(sorted, method);
  for (let r = 0; r < m; r++) adjusted[order[r]!] = Math.min(1, corrected[r]!);
  return adjusted;
}

function correctSorted(sorted: number[], method: PValueAdjustment): number[] {
  const m = sorted.length;
  if (method === 'bonferroni') return sorted.map((p) => p * m);

  if (method === 'holm') {
    const corrected = sorted.map((p, r) => p * (m - r));
    for (let r = 1; r < m; r++) corrected[r] = Math.max(corrected[r]!, corrected[r - 1]!);
    return corrected;
  }

  let harmonic = 1;
  if (method === 'BY') {
    harmonic = 0;
    for (let k = 1; k <= m; k++) harmonic += 1 / k;
  }
  const corrected = sorted.map((p, r) => p / ((r + 1) / m / harmonic));
  for (let r = m - 2; r >= 0; r--) corrected[r] = Math.min(corrected[r]!, corrected[r + 1]!);
  return corrected;
}

/**
 * Which adjusted p-values reject their null hypothesis at level `alpha`: adjusted <= alpha
 * (statsmodels' `reject`, equivalently). NaN (untestable) never rejects.
 *
 * @param adjusted Output of `adjustPValues`.
 * @param alpha The level, in (0, 1).
 * @throws {RangeError} When `alpha` is outside (0, 1).
 */
export function rejectAt(adjusted: Float64Array, alpha: number): boolean[] {
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1)) {
    throw new RangeError(`alpha: expected a number in (0, 1), got ${String(alpha)}`);
  }
  return Array.from(adjusted, (p) => p <= alpha);
}
