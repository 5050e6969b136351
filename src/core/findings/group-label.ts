import type { GroupResult } from '../audit/results.ts';

/** Whether a group is the whole sample (`all`/`all`). */
export function isWholeSample(group: Pick<GroupResult, 'attribute' | 'value'>): boolean {
  return group.attribute === 'all' && group.value === 'all';
}

/** How a group is named in tables, charts and findings: `race: Black`, or `Whole sample`. */
export function groupLabel(group: Pick<GroupResult, 'attribute' | 'value'>): string {
  return isWholeSample(group) ? 'Whole sample' : `${group.attribute}: ${visibleValue(group.value)}`;
}

/**
 * A group value as a reader can tell it apart from its neighbours: values are reported as
 * written, so ` White` and `White` are different groups, but HTML and charts would show both
 * as `White`. A value with leading, trailing or repeated spaces is shown quoted; an empty one as
 * `(blank)`.
 */
export function visibleValue(value: string): string {
  if (value === '') return '(blank)';
  return value !== value.trim() || /\s{2,}|[^\S ]/.test(value) ? JSON.stringify(value) : value;
}
