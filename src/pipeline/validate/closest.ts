/** Finding the allowed values nearest to a misspelt one, for hints. */

/**
 * Levenshtein edit distance (insertions, deletions, substitutions each cost 1), computed with
 * two rows of the dynamic-programming table.
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidates nearest to `value`, best first: compared without case first (so `Ethical
 * Review` finds `Ethical review` at once), then with case; only those within a third of the
 * longer length (at least 2 edits) count as near. A candidate ending in a code in parentheses,
 * as ATLAS vocabularies do (`Computed tomography (RID10321)`), is also compared without it, so
 * a misspelt name alone still finds it.
 * @param limit how many to return at most (default 3)
 */
export function closestMatches(value: string, candidates: readonly string[], limit = 3): string[] {
  const lower = value.toLowerCase();
  const scored = candidates.map((candidate) => {
    const forms = [candidate, candidate.replace(/\s*\([^()]*\)\s*$/, '')];
    const folded = Math.min(...forms.map((form) => nearness(lower, form.toLowerCase())));
    return {
      candidate,
      folded,
      exact: editDistance(value, candidate),
      contains: candidate.toLowerCase().includes(lower) || lower.includes(candidate.toLowerCase()),
    };
  });

  return scored
    .filter(({ folded, contains }) => folded <= 0 || (contains && lower.length >= 3))
    .sort(
      (a, b) => a.folded - b.folded || a.exact - b.exact || (a.candidate < b.candidate ? -1 : 1),
    )
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/**
 * The edit distance of two lower-cased strings minus the distance still counted as near (a
 * third of the longer length, at least 2): zero or less means near, and lower is nearer.
 */
function nearness(a: string, b: string): number {
  const allowed = Math.max(2, Math.floor(Math.max(a.length, b.length) / 3));
  return editDistance(a, b) - allowed;
}
