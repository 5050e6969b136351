/**
 * Suggestions for a misspelled name: the candidates nearest by edit distance.
 */

/**
 * The candidates closest to `name`, at most `limit`, nearest first (ties in candidate order).
 * Case differences count as half an edit, so `Race` suggests `race` before `rate`. Candidates
 * further than a third of the name's length (at least 2 edits) are not suggested.
 */
export function closestNames(name: string, candidates: readonly string[], limit = 3): string[] {
  const maximum = Math.max(2, Math.ceil(name.length / 3));
  const scored = [...new Set(candidates)]
    .map((candidate, order) => ({ candidate, order, distance: nameDistance(name, candidate) }))
    .filter((entry) => entry.distance <= maximum)
    .sort((a, b) => a.distance - b.distance || a.order - b.order);
  return scored.slice(0, limit).map((entry) => entry.candidate);
}

/** Levenshtein distance where a substitution that only changes case costs 0.5. */
function nameDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const x = a[i - 1]!;
      const y = b[j - 1]!;
      const substitution = x === y ? 0 : x.toLowerCase() === y.toLowerCase() ? 0.5 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}
