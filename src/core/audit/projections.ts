/**
 * Distribution tests on projections of a model's features: for each projection column and each
 * comparison `[column=a, column=b]`, a two-sample Kolmogorov–Smirnov test between the rows
 * selected by each side, as the study compared PCA modes between subgroups.
 *
 * Values are read strictly as numbers; a row with a missing or non-numeric value in the tested
 * column is left out of that test (and counted in the file's excluded rows). A selector value
 * matches a cell equal as written or, when both are numbers, numerically (`disease_label=1`
 * selects `1.0`). A test with no value on one side is untestable: statistic and p-values stay
 * null with a reason, and it is left out of its multiple-testing family so that it cannot change
 * the other tests' adjusted p-values.
 *
 * Families: the tests of projections that share a `family` are adjusted together with that
 * family's method, independently of every other family (the study adjusted each model's 20 tests
 * on their own). Projections without a `family:` share the default family `all`, so by default
 * every test of an audit is adjusted together.
 */
import { adjustPValues, ksTwoSample, rejectAt } from '../stats/index.ts';
import { parseCellNumber } from './cell-number.ts';
import { cellMatchesText } from './label-value.ts';
import type { ProjectionTest } from './results.ts';
import type { AdjustMethod, ProjectionSpec } from './spec.ts';
import type { AuditTable } from './table.ts';
import { requireColumn } from './target-rows.ts';

/** A `column=value` selector, split at its first `=`. */
export interface Selector {
  column: string;
  value: string;
}

/**
 * Splits `column=value` at the first `=` (so a value may contain `=`, a column may not).
 *
 * @throws {RangeError} when there is no `=`
 */
export function parseSelector(text: string): Selector {
  const at = text.indexOf('=');
  if (at < 0) throw new RangeError(`selector: expected column=value, got "${text}"`);
  return { column: text.slice(0, at), value: text.slice(at + 1) };
}

export interface ProjectionRun {
  tests: ProjectionTest[];
  /** Per file path, table indices of rows with a non-numeric value in a tested column. */
  excludedRows: Map<string, Set<number>>;
}

/**
 * Runs every comparison of every projection, then adjusts the p-values of the testable ones
 * family by family (each with its projections' `adjust`) and marks `reject` where the adjusted
 * p-value is below `alpha`.
 *
 * @param specs the projections, each with its `family` and that family's `adjust`
 * @param tables the projection files by the path in the spec
 * @param alpha the significance level, the same for every family
 * @returns the tests in spec order (projection, then column, then comparison)
 * @throws {RangeError} when two projections of one family name different methods (the spec
 *   validation refuses such a spec first)
 */
export function runProjections(
  specs: readonly ProjectionSpec[],
  tables: ReadonlyMap<string, AuditTable>,
  alpha: number,
): ProjectionRun {
  const tests: ProjectionTest[] = [];
  const excludedRows = new Map<string, Set<number>>();
  const families = new Map<string, { adjust: AdjustMethod; tests: ProjectionTest[] }>();

  for (const spec of specs) {
    const table = tables.get(spec.data);
    if (table === undefined) throw new TypeError(`tables: no table for "${spec.data}"`);
    const excluded = excludedRows.get(spec.data) ?? new Set<number>();
    excludedRows.set(spec.data, excluded);
    const family = families.get(spec.family) ?? { adjust: spec.adjust, tests: [] };
    if (family.adjust !== spec.adjust) {
      throw new RangeError(
        `specs: family "${spec.family}" is adjusted with both ${family.adjust} and ${spec.adjust}`,
      );
    }
    families.set(spec.family, family);

    for (const column of spec.columns) {
      const values = readColumn(table, column, excluded);
      for (const [left, right] of spec.comparisons) {
        const selectors = [parseSelector(left), parseSelector(right)] as const;
        const test = compare(spec, column, table, values, ...selectors);
        tests.push(test);
        family.tests.push(test);
      }
    }
  }

  for (const family of families.values()) adjustTests(family.tests, family.adjust, alpha);
  return { tests, excludedRows };
}

/** The column's numbers, NaN where a cell is not a finite number (those rows are recorded). */
function readColumn(table: AuditTable, column: string, excluded: Set<number>): Float64Array {
  const cells = requireColumn(table, column);
  const values = new Float64Array(cells.length);
  cells.forEach((cell, row) => {
    const number = parseCellNumber(cell);
    values[row] = number.ok ? number.value : NaN;
    if (!number.ok) excluded.add(row);
  });
  return values;
}

/** One test, not yet adjusted. */
function compare(
  spec: ProjectionSpec,
  column: string,
  table: AuditTable,
  values: Float64Array,
  left: Selector,
  right: Selector,
): ProjectionTest {
  const a = select(table, values, left);
  const b = select(table, values, right);
  const attribute = left.column === right.column ? left.column : `${left.column} / ${right.column}`;
  const base = {
    source: spec.source,
    column,
    attribute,
    groups: [left.value, right.value] as [string, string],
    sizes: [a.length, b.length] as [number, number],
  };

  if (a.length === 0 || b.length === 0) {
    const empty = a.length === 0 ? left : right;
    return {
      ...base,
      statistic: null,
      pValue: null,
      pAdjusted: null,
      method: 'none',
      reject: null,
      family: spec.family,
      adjustMethod: spec.adjust,
      reason: `no numeric ${column} values where ${empty.column}=${empty.value}`,
    };
  }
  const test = ksTwoSample(a, b);
  return {
    ...base,
    statistic: test.statistic,
    pValue: test.pValue,
    pAdjusted: null,
    method: test.method,
    reject: null,
    family: spec.family,
    adjustMethod: spec.adjust,
  };
}

function select(table: AuditTable, values: Float64Array, selector: Selector): Float64Array {
  const cells = requireColumn(table, selector.column);
  const chosen: number[] = [];
  cells.forEach((cell, row) => {
    if (!Number.isNaN(values[row]!) && cellMatchesText(cell, selector.value))
      chosen.push(values[row]!);
  });
  return Float64Array.from(chosen);
}

/** Adjusts one family's tests together; untestable ones (null p-value) stay out of it. */
function adjustTests(tests: ProjectionTest[], adjust: AdjustMethod, alpha: number): void {
  if (tests.length === 0) return;
  const raw = Float64Array.from(tests, (test) => test.pValue ?? NaN);
  const adjusted = adjustPValues(raw, adjust);
  const rejected = rejectAt(adjusted, alpha);
  tests.forEach((test, index) => {
    if (test.pValue === null) return;
    test.pAdjusted = adjusted[index]!;
    test.reject = Boolean(rejected[index]);
  });
}
