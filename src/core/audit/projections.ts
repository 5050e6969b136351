/**
 * Distribution tests on projections of a model's features: for each projection column and each
 * comparison `[column=a, column=b]`, a two-sample Kolmogorov–Smirnov test between the rows
 * selected by each side, as the study compared PCA modes between subgroups.
 *
 * Values are read strictly as numbers; a row with a missing or non-numeric value in the tested
 * column is left out of that test (and counted in the file's excluded rows). A selector value
 * matches a cell equal as written or, when both are numbers, numerically (`disease_label=1`
 * selects `1.0`). A test with no value on one side is untestable: statistic and p-values stay
 * null with a reason, and it is left out of the multiple-testing family so that it cannot change
 * the other tests' adjusted p-values. All testable comparisons of an audit form one family.
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
 * Runs every comparison of every projection, then adjusts the p-values of all testable ones
 * together with `adjust` and marks `reject` where the adjusted p-value is below `alpha`.
 *
 * @param tables the projection files by the path in the spec
 */
export function runProjections(
  specs: readonly ProjectionSpec[],
  tables: ReadonlyMap<string, AuditTable>,
  adjust: AdjustMethod,
  alpha: number,
): ProjectionRun {
  const tests: ProjectionTest[] = [];
  const excludedRows = new Map<string, Set<number>>();

  for (const spec of specs) {
    const table = tables.get(spec.data);
    if (table === undefined) throw new TypeError(`tables: no table for "${spec.data}"`);
    const excluded = excludedRows.get(spec.data) ?? new Set<number>();
    excludedRows.set(spec.data, excluded);

    for (const column of spec.columns) {
      const values = readColumn(table, column, excluded);
      for (const [left, right] of spec.comparisons) {
        tests.push(
          compare(spec.source, column, table, values, parseSelector(left), parseSelector(right)),
        );
      }
    }
  }

  adjustTests(tests, adjust, alpha);
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

function compare(
  source: string,
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
    source,
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
