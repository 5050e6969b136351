/**
 * Subgroups of the rows: the whole sample first, then each attribute's groups in spec order.
 *
 * - Categorical attributes list the spec's values in the given order, or every distinct value
 *   found (numerically when all are numbers, else by code unit, the empty value last) reported
 *   as written: ` White`, `Unknown` and a blank cell are groups of their own, never merged.
 * - Binned attributes use the edges as half-open bins, the last one closed, labelled `[18, 40)`
 *   … `[80, 120]` (`bins.ts`); quantile attributes cut at the sample's quantiles, labelled
 *   `Q1 [18, 42.5)` (`quantile-bins.ts`).
 * - Intersections combine the groups of column attributes (`intersections.ts`).
 *
 * A row whose value is in no group of an attribute (another value, no bin, or not a number for
 * bins) is left out of that attribute's groups only; it stays in the whole sample and in other
 * attributes, and `ungrouped-rows.ts` reports it in the results.
 */
import { assignBins, binLabels } from './bins.ts';
import { parseCellNumber } from './cell-number.ts';
import { groupAttribute, isIntersection } from './group-attribute.ts';
import { intersectGroups, type AttributeGroups } from './intersections.ts';
import { cellMatchesText } from './label-value.ts';
import { AuditRefusal } from './refusal.ts';
import { columnNumbers, quantileBins, quantileReferenceBin } from './quantile-bins.ts';
import type { GroupComponent } from './results.ts';
import type { CategoricalGroupSpec, ColumnGroupSpec, GroupSpec } from './spec.ts';
import type { AuditTable } from './table.ts';
import { requireColumn } from './target-rows.ts';

export interface GroupDefinition {
  attribute: string;
  value: string;
  /** For a group of an intersection, each attribute's group. */
  components?: GroupComponent[];
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

/**
 * Assigns every table row to at most one group per attribute.
 *
 * @param table the data file
 * @param specs the spec's groups; an intersection names columns of column groups among them
 * @throws {TypeError} when a column is missing or an intersection names no column group
 * @throws {RangeError} when a bins or quantiles reference is not one of its bins (validation
 *   refuses both)
 */
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

  const columns = new Map<string, ColumnGroups>();
  for (const spec of specs) {
    if (!isIntersection(spec)) columns.set(spec.column, columnGroups(table, spec));
  }
  const partsOf = (columnsOfIntersection: readonly string[]) =>
    columnsOfIntersection.map((column) => {
      const part = columns.get(column);
      if (!part) throw new TypeError(`intersect: "${column}" is not a column group of the spec`);
      return part;
    });
  refuseTooManyGroups(table, specs, (spec) =>
    isIntersection(spec)
      ? partsOf(spec.intersect).reduce((product, part) => product * part.labels.length, 1)
      : columns.get(spec.column)!.labels.length,
  );

  const attributes = specs.map((spec) => {
    if (!isIntersection(spec)) return columns.get(spec.column)!;
    const parts = partsOf(spec.intersect);
    const reference = spec.reference?.map((value, index) => ({
      value,
      code: parts[index]!.find(value),
    }));
    return intersectGroups(parts, reference);
  });

  attributes.forEach((attribute, attributeIndex) => {
    const first = groups.length;
    const { referenceCode } = attribute;
    const referenceIndex = referenceCode < 0 ? -1 : first + referenceCode;
    attribute.labels.forEach((value, code) =>
      groups.push({
        attribute: groupAttribute(specs[attributeIndex]!),
        value,
        ...(attribute.components ? { components: attribute.components[code]! } : {}),
        reference: code === referenceCode,
        attributeIndex,
        code,
        referenceIndex,
      }),
    );
  });

  return { groups, codes: attributes.map((attribute) => attribute.rowCodes) };
}

/**
 * The most groups (besides the whole sample) an audit reports. Each group has some fifty
 * statistics, each with a value per bootstrap replicate: a thousand groups would hold hundreds
 * of megabytes per target, and a page no one can read. More groups than this almost always
 * means a column of identifiers or raw numbers used as a subgroup.
 */
export const MAX_GROUPS = 200;

/**
 * Refuses the audit, naming each attribute and its count, when the groups would pass
 * {@link MAX_GROUPS}; counted before an intersection lists its combinations.
 *
 * @param groupCount Each attribute's number of groups (for an intersection, its combinations; a
 *   reference without rows may add one more, not counted here).
 * @throws {AuditRefusal} with one `AuditTooManyGroups` issue
 */
function refuseTooManyGroups(
  table: AuditTable,
  specs: readonly GroupSpec[],
  groupCount: (spec: GroupSpec) => number,
): void {
  const counts = specs.map(groupCount);
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total <= MAX_GROUPS) return;

  const largest = counts.indexOf(Math.max(...counts));
  const spec = specs[largest]!;
  const each = specs.map((one, index) => `${groupAttribute(one)}: ${counts[index]}`).join(', ');
  const hint = isIntersection(spec)
    ? 'Intersect fewer or coarser attributes (bin numbers with `bins:` or `quantiles:`, or ' +
      'list the groups to report with `values:` on each column).'
    : 'List the groups to report with `values:`, bin a numeric column with `bins:` or ' +
      '`quantiles:`, or leave out a column that identifies patients or images rather than a ' +
      'subgroup.';
  throw new AuditRefusal([
    {
      code: 'AuditTooManyGroups',
      file: table.path,
      ...(isIntersection(spec) ? {} : { columnName: spec.column }),
      message:
        `The groups would number ${total} (${each}); an audit reports at most ${MAX_GROUPS}. ` +
        `"${groupAttribute(spec)}" has the most.`,
      hint,
    },
  ]);
}

/** A column attribute's groups, with how an intersection's reference finds one of them. */
interface ColumnGroups extends AttributeGroups {
  /** The index of the group a reference value names, or -1. */
  find: (value: string) => number;
}

function columnGroups(table: AuditTable, spec: ColumnGroupSpec): ColumnGroups {
  const cells = requireColumn(table, spec.column);

  if ('bins' in spec) {
    const labels = binLabels(spec.bins);
    const find = (value: string) => {
      const code = labels.indexOf(value);
      if (code < 0) throw new RangeError(`reference: "${value}" is not a bin of ${spec.column}`);
      return code;
    };
    const referenceCode = spec.reference === undefined ? -1 : find(spec.reference);
    return {
      attribute: spec.column,
      labels,
      rowCodes: assignBins(cells, spec.bins),
      referenceCode,
      find,
    };
  }

  if ('quantiles' in spec) {
    const bins = quantileBins(columnNumbers(cells), spec.quantiles);
    const rowCodes =
      bins.labels.length === 0
        ? new Int32Array(cells.length).fill(-1)
        : assignBins(cells, bins.edges);
    const find = (value: string) => quantileReferenceBin(bins, value);
    const referenceCode = spec.reference === undefined ? -1 : find(spec.reference);
    return { attribute: spec.column, labels: bins.labels, rowCodes, referenceCode, find };
  }

  return categoryGroups(cells, spec);
}

/**
 * The groups of a categorical column. A reference that no group matches (a value absent from the
 * data when `values` is not given) becomes a group of its own without rows, at the end, so that
 * the reference exists and the report shows why its disparities are undefined.
 */
function categoryGroups(cells: readonly string[], spec: CategoricalGroupSpec): ColumnGroups {
  const rowCodes = new Int32Array(cells.length).fill(-1);
  let labels: string[];

  if (spec.values !== undefined) {
    const values = spec.values;
    cells.forEach((cell, row) => {
      rowCodes[row] = values.findIndex((value) => cellMatchesText(cell, value));
    });
    labels = [...values];
  } else {
    labels = sortValues([...new Set(cells)]);
    const codeOf = new Map(labels.map((value, code) => [value, code]));
    cells.forEach((cell, row) => {
      rowCodes[row] = codeOf.get(cell)!;
    });
  }

  // As a cell matches a listed value: as written, or as the same number.
  const find = (value: string) => {
    const exact = labels.indexOf(value);
    return exact >= 0 ? exact : labels.findIndex((label) => cellMatchesText(label, value));
  };
  let referenceCode = -1;
  if (spec.reference !== undefined) {
    referenceCode = find(spec.reference);
    if (referenceCode < 0) referenceCode = labels.push(spec.reference) - 1;
  }
  return { attribute: spec.column, labels, rowCodes, referenceCode, find };
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
