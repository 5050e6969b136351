import type { GroupResult, SmallGroup } from '../audit/results.ts';

/**
 * Whether a group is flagged as small in the results: fewer rows, positives or negatives than
 * the spec's `minGroupSize` (default 30 rows, 10 positives, 10 negatives; see `small-groups.ts`
 * in the audit core). Tables flag such groups and findings say so wherever they name one.
 */
export function isSmallGroup(group: Pick<GroupResult, 'small'>): boolean {
  return group.small !== undefined;
}

/**
 * The minimum as a phrase to follow "fewer than", such as `30 rows, 10 positives or 10
 * negatives`; a minimum of 0 is left out.
 */
export function minimumText(minimum: SmallGroup['minimum']): string {
  const parts = [
    [minimum.n, 'row', 'rows'],
    [minimum.positives, 'positive', 'positives'],
    [minimum.negatives, 'negative', 'negatives'],
  ] as const;
  const named = parts
    .filter(([count]) => count > 0)
    .map(([count, one, many]) => `${count} ${count === 1 ? one : many}`);
  return named.length <= 1
    ? (named[0] ?? 'none')
    : `${named.slice(0, -1).join(', ')} or ${named.at(-1)}`;
}
