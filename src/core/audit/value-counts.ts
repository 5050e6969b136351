/**
 * The distinct values of some cells with how often each occurs, and how messages show them.
 *
 * Used wherever a message or the results tell a user which values a column really holds (rows
 * in no group, labels in neither list), so that the fix can be written from the message alone.
 */

/** One distinct cell value, exactly as written, and the number of cells holding it. */
export interface ValueCount {
  value: string;
  count: number;
}

/**
 * Counts the distinct values of `cells`, most frequent first; ties keep the order in which the
 * values first appear, so the result does not depend on anything but the cells.
 *
 * @param cells the cells as written (no trimming: `" White"` and `"White"` are two values)
 */
export function countValues(cells: Iterable<string>): ValueCount[] {
  const counts = new Map<string, number>();
  for (const cell of cells) counts.set(cell, (counts.get(cell) ?? 0) + 1);
  return [...counts]
    .map(([value, count], order) => ({ value, count, order }))
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .map(({ value, count }) => ({ value, count }));
}

/** A cell value as people read it in a message: `(blank)` when empty, else quoted. */
export function describeValue(value: string): string {
  return value === '' ? '(blank)' : JSON.stringify(value);
}

/**
 * Value counts as a phrase: `"f" ×10, "unknown" ×7, (blank) ×3`, cut after `limit` values with
 * `and 4 more values`.
 *
 * @param counts from {@link countValues}, most frequent first
 * @param limit how many values to name; default 10
 * @param distinct how many distinct values there are in all, when `counts` is already cut;
 *   default `counts.length`
 */
export function describeValueCounts(
  counts: readonly ValueCount[],
  limit = 10,
  distinct = counts.length,
): string {
  const named = counts
    .slice(0, limit)
    .map(({ value, count }) => `${describeValue(value)} ×${count}`);
  const rest = distinct - named.length;
  if (rest > 0) named.push(`and ${rest} more ${rest === 1 ? 'value' : 'values'}`);
  return named.join(', ');
}
