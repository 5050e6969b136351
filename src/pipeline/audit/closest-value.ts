/**
 * Finding the value a user meant when a spec value matches no cell: data values differ from the
 * spec most often in case or surrounding spaces (` White`, `female`), then by a typo.
 */

/** True when two values are equal once trimmed, inner runs of spaces collapsed, and case-folded. */
export function sameValueLoosely(a: string, b: string): boolean {
  return looseForm(a) === looseForm(b);
}

/**
 * The candidate closest to `wanted`, or null when none is close: first one equal loosely (see
 * {@link sameValueLoosely}), else the nearest by edit distance, case-folded, within one edit for
 * values of three or four characters and two for longer ones.
 *
 * @param wanted the value written in the spec
 * @param candidates the distinct values of the column, most frequent first (which breaks ties)
 */
export function closestValue(wanted: string, candidates: readonly string[]): string | null {
  const loose = candidates.find((candidate) => sameValueLoosely(candidate, wanted));
  if (loose !== undefined) return loose;

  // One edit for 3–4 characters, two from 5 on, none for a code of one or two (`M` is not `F`).
  const limit = Math.min(2, Math.floor((looseForm(wanted).length - 1) / 2));
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(looseForm(wanted), looseForm(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function looseForm(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Levenshtein distance (insertions, deletions and substitutions each cost 1). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}
