/**
 * `AuditEmptyComparison`: a KS comparison side (`column=value`) that selects no row of its
 * projection file. Its tests are untestable and say so in the results, but a typo in the value
 * (`race=Whte`, `sex=female`) should be pointed out as an empty audit group is, with the value
 * the user probably meant.
 */
import { parseSelector } from '../../core/audit/projections.ts';
import type { AuditSpec } from '../../core/audit/spec.ts';
import type { AuditTable } from '../../core/audit/table.ts';
import { cellMatchesText } from '../../core/audit/label-value.ts';
import { countValues, describeValueCounts } from '../../core/audit/value-counts.ts';
import { problem } from '../problems/catalogue.ts';
import type { Problem } from '../problems/problem.ts';
import { closestValue } from './closest-value.ts';

/**
 * One warning per distinct selector of each projection file that matches no row, in spec order.
 *
 * @param spec the audit spec
 * @param tables the data files, by their path in the spec
 */
export function emptyComparisonWarnings(
  spec: AuditSpec,
  tables: ReadonlyMap<string, AuditTable>,
): Problem[] {
  const warned = new Set<string>();
  const warnings: Problem[] = [];
  for (const projection of spec.projections) {
    const table = tables.get(projection.data);
    if (table === undefined) continue;
    for (const selector of projection.comparisons.flat()) {
      const key = `${projection.data}\u0000${selector}`;
      if (warned.has(key)) continue;
      warned.add(key);
      const { column, value } = parseSelector(selector);
      const cells = table.column(column);
      if (cells === undefined || cells.some((cell) => cellMatchesText(cell, value))) continue;

      const counts = countValues(cells);
      const near = closestValue(
        value,
        counts.map((entry) => entry.value),
      );
      const holds = `The column holds ${describeValueCounts(counts)}.`;
      warnings.push(
        problem('AuditEmptyComparison', {
          message: `No row has ${column} = ${JSON.stringify(value)}, so the KS tests of "${selector}" cannot be run.`,
          hint:
            near === null
              ? `${holds} Compare values from these.`
              : `Did you mean "${column}=${near}"? Values compare exactly, case and spaces included. ${holds}`,
          file: table.path,
          columnName: column,
        }),
      );
    }
  }
  return warnings;
}
