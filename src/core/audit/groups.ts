/**
 * Subgroups of the rows: the whole sample first, then each attribute's groups in spec order.
 *
 * Categorical attributes list the spec's values in the given order, or every distinct value
 * found (numerically when all are numbers, else by code unit, the empty value last) reported as
 * written. Binned attributes use the edges `[e0, e1, …, ek]` as bins `[e0, e1)`, `[e1, e2)`, …,
 * with the LAST bin closed, `[ek-1, ek]`, as numpy's histogram does, so that the top edge (an
 * age of 80 in bins ending at 80) is counted; labels read `18–40`. A row whose value is in no
 * group of an attribute (another value, no bin, or not a number for bins) is left out of that
 * attribute's groups only; it stays in the whole sample and in other attributes, and
 * `ungrouped-rows.ts` reports it in the results.
 */
import { parseCellNumber } from './cell-number.ts';
import { cellMatchesText } from './label-value.ts';
import type { BinnedGroupSpec, CategoricalGroupSpec, GroupSpec } from './spec.ts';
import type { AuditTable } from './table.ts';
import { requireColumn } from './target-rows.ts';

export interface GroupDefinition {
  attribute: string;
  value: string;
  /** True for the attribute's reference group. */
  reference: boolean;
  /** Index of the attribute in the spec's `groups`, or -1 for the whole sample. */
  attributeIndex: number;
  /** This group's number within its attribute (the value in {@link Grouping.codes}). */
  code: number;
  /** Position in {@link Grouping.groups} of the attribute's reference group, or -1 if none. */
  referenceIndex: number;
}

export interface Grouping {
  /** The whole sample (`all`/`all`) first, then each attribute's groups. */
  groups: GroupDefinition[];
  /** Per attribute, each table row's group code, or -1 when the row is in none of its groups. */
  codes: Int32Array[];
}

/** Assigns every table row to at most one group per attribute. */
export function defineGroups(table: AuditTable, specs: readonly GroupSpec[]): Grouping {
  const groups: GroupDefinition[] = [
    {
      attribute: 'all',
      value: 'all',
      reference: false,
      attributeIndex: -1,
      code: 0,
      referenceIndex: -1,
    },
  ];
  const codes: Int32Array[] = [];

  specs.forEach((spec, attributeIndex) => {
    const cells = requireColumn(table, spec.column);
    const { labels, rowCodes } =
      'bins' in spec ? assignBins(cells, spec) : assignCategories(cells, spec);
    const first = groups.length;
    const referenceCode = spec.reference === undefined ? -1 : labels.indexOf(spec.reference);
    const referenceIndex = referenceCode < 0 ? -1 : first + referenceCode;

    labels.forEach((value, code) =>
      groups.push({
        attribute: spec.column,
        value,
        reference: code === referenceCode,
        attributeIndex,
        code,
        referenceIndex,
      }),
    );
    codes.push(rowCodes);
  });

  return { groups, codes };
}

function assignCategories(
  cells: readonly string[],
  spec: CategoricalGroupSpec,
): { labels: string[]; rowCodes: Int32Array } {
  const rowCodes = new Int32Array(cells.length).fill(-1);

  if (spec.values !== undefined) {
    const values = spec.values;
    cells.forEach((cell, row) => {
      rowCodes[row] = values.findIndex((value) => cellMatchesText(cell, value));
    });
    return { labels: [...values], rowCodes };
  }

  const labels = sortValues([...new Set(cells)]);
  const codeOf = new Map(labels.map((value, code) => [value, code]));
  cells.forEach((cell, row) => {
    rowCodes[row] = codeOf.get(cell)!;
  });
  return { labels, rowCodes };
}

function assignBins(
  cells: readonly string[],
  spec: BinnedGroupSpec,
): { labels: string[]; rowCodes: Int32Array } {
  const edges = spec.bins;
  const last = edges.length - 2;
  const labels = edges.slice(0, -1).map((low, bin) => `${low}–${edges[bin + 1]}`);
  const rowCodes = new Int32Array(cells.length).fill(-1);

  cells.forEach((cell, row) => {
    const number = parseCellNumber(cell);
    if (!number.ok) return;
    const x = number.value;
    for (let bin = 0; bin <= last; bin += 1) {
      const high = edges[bin + 1]!;
      if (x >= edges[bin]! && (x < high || (bin === last && x === high))) {
        rowCodes[row] = bin;
        return;
      }
    }
  });
  return { labels, rowCodes };
}

/** Numbers numerically when every non-empty value is one, else by code unit; empty last. */
function sortValues(values: string[]): string[] {
  const filled = values.filter((value) => value !== '');
  const numbers = filled.map((value) => parseCellNumber(value));
  const numeric = numbers.every((number) => number.ok);
  const sorted = numeric
    ? filled
        .map((value, index) => ({ value, number: (numbers[index] as { value: number }).value }))
        .sort((a, b) => a.number - b.number || compareText(a.value, b.value))
        .map((entry) => entry.value)
    : filled.sort(compareText);
  return filled.length < values.length ? [...sorted, ''] : sorted;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
