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
 * longer length (at least 2 edits, but 1 when both are 3 characters or shorter, so that `XX`
 * is not near every two-letter code) count as near, and so does a candidate that begins with the
 * value (`F` finds `Female`) or, for values of three characters or more, contains it. A
 * candidate ending in a code in parentheses, as ATLAS vocabularies do (`Computed tomography
 * (RID10321)`), is also compared without it and with the code alone, so a misspelt name or the
 * bare code still finds it; and a value that is the initials of a candidate's words (`CT`,
 * `MRI`) finds it first.
 * @param limit how many to return at most (default 3)
 */
export function closestMatches(value: string, candidates: readonly string[], limit = 3): string[] {
  const lower = value.toLowerCase();
  const scored = candidates.map((candidate) => {
    const code = /\(([^()]*)\)\s*$/.exec(candidate)?.[1];
    const forms = [candidate, candidate.replace(/\s*\([^()]*\)\s*$/, ''), ...(code ? [code] : [])];
    const folded = Math.min(...forms.map((form) => nearness(lower, form.toLowerCase())));
    const candidateLower = candidate.toLowerCase();
    const acronym = lower.length >= 2 && initials(forms[1] ?? candidate) === lower;
    return {
      candidate,
      folded: acronym ? Number.NEGATIVE_INFINITY : folded,
      exact: Math.min(...forms.map((form) => editDistance(value, form))),
      contains: candidateLower.includes(lower) || lower.includes(candidateLower),
      prefix: lower.length > 0 && candidateLower.startsWith(lower),
    };
  });

  return scored
    .filter(
      ({ folded, contains, prefix }) => folded <= 0 || prefix || (contains && lower.length >= 3),
    )
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
/** The first letters of the words of `text`, lower-cased: `Magnetic resonance imaging` → `mri`. */
function initials(text: string): string {
  return text
    .split(/[\s-]+/)
    .map((word) => word.charAt(0))
    .join('')
    .toLowerCase();
}

function nearness(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  const allowed = longer <= 3 ? 1 : Math.max(2, Math.floor(longer / 3));
  return editDistance(a, b) - allowed;
}
