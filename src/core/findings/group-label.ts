import type { GroupResult } from '../audit/results.ts';

/** Whether a group is the whole sample (`all`/`all`). */
export function isWholeSample(group: Pick<GroupResult, 'attribute' | 'value'>): boolean {
  return group.attribute === 'all' && group.value === 'all';
}

/**
 * How a group is named in tables, charts and findings: `race: Black`, `race & sex: Black & F`,
 * or `Whole sample`.
 */
export function groupLabel(group: Pick<GroupResult, 'attribute' | 'value' | 'components'>): string {
  return isWholeSample(group) ? 'Whole sample' : `${group.attribute}: ${visibleGroupValue(group)}`;
}

/**
 * A group's value as a reader can tell it apart: {@link visibleValue}, or for a group of an
 * intersection each attribute's value so, joined by ` & ` (`(blank) & F`, `" White" & M`).
 */
export function visibleGroupValue(group: Pick<GroupResult, 'value' | 'components'>): string {
  if (group.components === undefined) return visibleValue(group.value);
  return group.components
    .map(({ value }) => {
      const shown = visibleValue(value);
      // A value holding `&` is quoted, so that the parts stay apart.
      return shown === value && value.includes('&') ? JSON.stringify(value) : shown;
    })
    .join(' & ');
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
