/**
 * The name of a spec group's attribute in the results: its column, or for an intersection its
 * columns joined by ` & ` (`race & sex`), whose groups' values are joined the same way
 * (`Black & Female`).
 */
import type { ColumnGroupSpec, GroupSpec, IntersectionGroupSpec } from './spec.ts';

/** What joins an intersection's attributes (`race & sex`) and its groups' values. */
export const INTERSECTION_SEPARATOR = ' & ';

/** Whether a spec group is an intersection of attributes rather than one column. */
export function isIntersection(spec: GroupSpec): spec is IntersectionGroupSpec {
  return 'intersect' in spec;
}

/** Whether a spec group is one column's (categories, bins or quantile bins). */
export function isColumnGroup(spec: GroupSpec): spec is ColumnGroupSpec {
  return !isIntersection(spec);
}

/** The attribute a spec group reports: its column, or its columns joined by ` & `. */
export function groupAttribute(spec: GroupSpec): string {
  return isIntersection(spec) ? spec.intersect.join(INTERSECTION_SEPARATOR) : spec.column;
}
