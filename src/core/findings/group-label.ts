import type { GroupResult } from '../audit/results.ts';

/** Whether a group is the whole sample (`all`/`all`). */
export function isWholeSample(group: Pick<GroupResult, 'attribute' | 'value'>): boolean {
  return group.attribute === 'all' && group.value === 'all';
}

/** How a group is named in tables, charts and findings: `race: Black`, or `Whole sample`. */
export function groupLabel(group: Pick<GroupResult, 'attribute' | 'value'>): string {
  return isWholeSample(group) ? 'Whole sample' : `${group.attribute}: ${group.value}`;
}
