import type { GroupResult } from '../audit/results.ts';

/**
 * Below these sizes a group's estimates are too unstable to read on their own: fewer than 30
 * cases, or fewer than 10 positives or 10 negatives (a rate over 10 cases can have a 95% interval
 * about ±0.3 wide). Tables flag such groups and findings mention them.
 */
export const smallGroupLimits = { size: 30, perClass: 10 } as const;

/** Whether a group falls below {@link smallGroupLimits}. */
export function isSmallGroup(group: Pick<GroupResult, 'n' | 'positives' | 'negatives'>): boolean {
  return (
    group.n < smallGroupLimits.size ||
    group.positives < smallGroupLimits.perClass ||
    group.negatives < smallGroupLimits.perClass
  );
}
