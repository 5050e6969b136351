/**
 * The warnings a reader of an audit's results should see: rows left out of a target, rows in no
 * group of an attribute, and configured groups with no rows.
 */
import { isColumnGroup } from '../../core/audit/group-attribute.ts';
import type { AuditResults } from '../../core/audit/results.ts';
import type { AuditSpec } from '../../core/audit/spec.ts';
import type { AuditTable } from '../../core/audit/table.ts';
import type { Problem } from '../problems/problem.ts';
import { emptyGroupWarnings } from './empty-group-warning.ts';
import { excludedWarning } from './excluded-warning.ts';
import { ungroupedWarning } from './ungrouped-warning.ts';

/**
 * Every warning about the results, in order: `AuditRowsExcluded` per target,
 * `AuditRowsUngrouped` per attribute, `AuditEmptyGroup` per empty group.
 *
 * @param results the audit's results
 * @param spec the spec they were computed from
 * @param tables the data files, by their path in the spec
 */
export function resultWarnings(
  results: AuditResults,
  spec: AuditSpec,
  tables: ReadonlyMap<string, AuditTable>,
): Problem[] {
  const table = tables.get(spec.data)!;
  const warnings: Problem[] = [];

  for (const target of results.targets) {
    const targetSpec = spec.targets.find((candidate) => candidate.name === target.name)!;
    const warning = excludedWarning(target, targetSpec, table);
    if (warning) warnings.push(warning);
  }
  // An intersection's ungrouped rows are those of its attributes, warned about there.
  for (const group of spec.groups.filter(isColumnGroup)) {
    const warning = ungroupedWarning(results.targets, group, table.path);
    if (warning) warnings.push(warning);
  }
  warnings.push(...emptyGroupWarnings(results.targets, spec.groups, table));
  return warnings;
}
