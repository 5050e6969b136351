/**
 * The rows of a target that are in no group of an attribute, by reason, so that a value the
 * spec does not list or a number outside the bins is reported instead of silently dropped from
 * the attribute's groups.
 */
import { parseCellNumber } from './cell-number.ts';
import type { Grouping } from './groups.ts';
import type { UngroupedReason, UngroupedRows } from './results.ts';
import { groupAttribute, isIntersection } from './group-attribute.ts';
import type { ColumnGroupSpec, GroupSpec } from './spec.ts';
import type { AuditTable } from './table.ts';
import { MAX_EXCLUSION_EXAMPLES, requireColumn } from './target-rows.ts';
import { countValues } from './value-counts.ts';

/** How many distinct values an {@link UngroupedRows} entry lists. */
export const MAX_UNGROUPED_VALUES = 20;

/** Reasons in the order the results list them within an attribute. */
const REASON_ORDER: readonly UngroupedReason[] = [
  'value not listed',
  'not a number',
  'outside the bins',
  'blank',
];

/**
 * Finds, for each attribute in spec order, the target's rows that are in none of its groups and
 * says why: `value not listed` (a value the spec's `values` lacks), `not a number` (a binned
 * attribute's cell that is text or infinite), `outside the bins` (with the range of those
 * values), or `blank` (an empty or whitespace-only cell that no listed value matches).
 *
 * For an intersection, a row is in none of its groups because it is in no group of one of its
 * attributes: the entry names that attribute as `component`, with its reason and values. A row
 * in no group of several is counted under the first of them, so that counts add up to the rows.
 *
 * @param table the data file
 * @param specs the spec's groups, in the order {@link Grouping.codes} follows
 * @param grouping every table row's group per attribute
 * @param rows table indices of the target's rows (after exclusions)
 * @param id the spec's id column; examples are its values, else 1-based row numbers
 */
export function ungroupedRows(
  table: AuditTable,
  specs: readonly GroupSpec[],
  grouping: Grouping,
  rows: Int32Array,
  id?: string,
): UngroupedRows[] {
  const idCells = id === undefined ? undefined : requireColumn(table, id);
  const example = (index: number) => (idCells ? idCells[index]! : String(table.rowNumber(index)));
  const columnIndex = new Map<string, number>();
  specs.forEach((spec, index) => {
    if (!isIntersection(spec)) columnIndex.set(spec.column, index);
  });

  return specs.flatMap((spec, attribute) => {
    const codes = grouping.codes[attribute]!;
    const components = isIntersection(spec) ? spec.intersect : [spec.column];
    const parts = components.map((column) => {
      const index = columnIndex.get(column)!;
      const part = specs[index] as ColumnGroupSpec;
      const binned = 'bins' in part || 'quantiles' in part;
      return { column, codes: grouping.codes[index]!, cells: requireColumn(table, column), binned };
    });
    const byCause = new Map<string, { part: number; reason: UngroupedReason; indices: number[] }>();

    for (const index of rows) {
      if (codes[index]! >= 0) continue;
      const part = Math.max(
        0,
        parts.findIndex((one) => one.codes[index]! < 0),
      );
      const { cells, binned } = parts[part]!;
      const reason = reasonOf(cells[index]!, binned);
      const key = `${part}\u0000${reason}`;
      const cause = byCause.get(key) ?? { part, reason, indices: [] };
      cause.indices.push(index);
      byCause.set(key, cause);
    }

    const causes = [...byCause.values()].sort(
      (a, b) => a.part - b.part || REASON_ORDER.indexOf(a.reason) - REASON_ORDER.indexOf(b.reason),
    );
    return causes.map(({ part, reason, indices }) => {
      const { column, cells } = parts[part]!;
      const values = countValues(indices.map((index) => cells[index]!));
      return {
        attribute: groupAttribute(spec),
        ...(isIntersection(spec) ? { component: column } : {}),
        reason,
        count: indices.length,
        values: values.slice(0, MAX_UNGROUPED_VALUES),
        distinctValues: values.length,
        ...(reason === 'outside the bins' ? { range: rangeOf(values) } : {}),
        // Ids repeat when a patient has several rows; an example names each patient once.
        examples: [...new Set(indices.map(example))].slice(0, MAX_EXCLUSION_EXAMPLES),
      };
    });
  });
}

function reasonOf(cell: string, binned: boolean): UngroupedReason {
  if (cell.trim() === '') return 'blank';
  if (!binned) return 'value not listed';
  return parseCellNumber(cell).ok ? 'outside the bins' : 'not a number';
}

function rangeOf(values: readonly { value: string }[]): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const { value } of values) {
    const number = Number(value);
    if (number < min) min = number;
    if (number > max) max = number;
  }
  return { min, max };
}
