/**
 * The q-th percentile of sorted values, interpolating linearly between order statistics.
 *
 * Method: Hyndman and Fan (1996) definition 7, the default of `numpy.percentile`
 * (`method="linear"`): position h = (n − 1) × q / 100 between the values at floor(h) and
 * floor(h) + 1, computed with NumPy's two-sided lerp so results agree to the last bit.
 *
 * @param sortedValues Values in increasing order, at least one, no NaN.
 * @param q The percentile, in percent: 0 to 100 (2.5 for the 2.5th percentile, not 0.025).
 * @throws {RangeError} When `sortedValues` is empty, unsorted or contains NaN, or `q` is outside
 *   [0, 100].
 */
export function percentile(sortedValues: Float64Array, q: number): number {
  if (!(sortedValues instanceof Float64Array)) {
    throw new TypeError('sortedValues: expected a Float64Array');
  }
  const n = sortedValues.length;
  if (n === 0) throw new RangeError('sortedValues: expected at least one value');
  for (let i = 0; i < n; i++) {
    const value = sortedValues[i]!;
    if (Number.isNaN(value) || (i > 0 && value < sortedValues[i - 1]!)) {
      throw new RangeError(`sortedValues[${i}]: values must be sorted increasingly and not NaN`);
    }
  }
  if (typeof q !== 'number' || !(q >= 0 && q <= 100)) {
    throw new RangeError(`q: expected a percentage in [0, 100], got ${String(q)}`);
  }

  const position = (n - 1) * (q / 100);
  if (position >= n - 1) return sortedValues[n - 1]!;
  const below = Math.floor(position);
  const gamma = position - below;
  const a = sortedValues[below]!;
  const b = sortedValues[below + 1]!;
  const difference = b - a;
  return gamma >= 0.5 ? b - difference * (1 - gamma) : a + difference * gamma;
}
