/**
 * The permutation that sorts scores from highest to lowest, ties in index order.
 *
 * ROC curves, AUC and operating points all walk the scores in this order. Computing it once and
 * passing it as the `order` option lets a bootstrap, which only changes weights, skip the
 * O(n log n) sort in every replicate.
 *
 * @param scores Scores to order; NaN is not allowed (callers validate first).
 * @returns Indices into `scores`, by decreasing score (stable for ties).
 */
export function descendingOrder(scores: Float64Array): Int32Array {
  const order = new Int32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((i, j) => scores[j]! - scores[i]! || i - j);
  return order;
}

/**
 * Throws unless `order` is a permutation of 0..n-1 that lists `scores` from highest to lowest.
 *
 * @throws {TypeError} When `order` is not an Int32Array.
 * @throws {RangeError} When its length differs, an index repeats or is out of range, or the
 *   scores it lists increase.
 */
export function assertDescendingOrder(order: Int32Array, scores: Float64Array): void {
  if (!(order instanceof Int32Array)) {
    throw new TypeError('order: expected an Int32Array from descendingOrder(scores)');
  }
  if (order.length !== scores.length) {
    throw new RangeError(
      `order: length ${order.length} differs from scores length ${scores.length}`,
    );
  }
  const seen = new Uint8Array(order.length);
  for (let k = 0; k < order.length; k++) {
    const index = order[k]!;
    if (index < 0 || index >= order.length || seen[index] === 1) {
      throw new RangeError(`order[${k}]: ${index} is not part of a permutation of the scores`);
    }
    seen[index] = 1;
    if (k > 0 && scores[index]! > scores[order[k - 1]!]!) {
      throw new RangeError(`order[${k}]: scores are not in decreasing order`);
    }
  }
}
