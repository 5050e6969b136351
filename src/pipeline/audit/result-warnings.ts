/**
 * The warnings a reader of an audit's results should see: rows left out of a target, rows in no
 * group of an attribute, configured groups and KS comparisons with no rows.
 */
import { isColumnGroup } from '../../core/audit/group-attribute.ts';
import type { AuditResults } from '../../core/audit/results.ts';
import type { AuditSpec } from '../../core/audit/spec.ts';
import type { AuditTable } from '../../core/audit/table.ts';
import { problem } from '../problems/catalogue.ts';
import type { Problem } from '../problems/problem.ts';
import { emptyComparisonWarnings } from './comparison-warning.ts';
import { emptyGroupWarnings } from './empty-group-warning.ts';
import { excludedWarning } from './excluded-warning.ts';
import { ungroupedWarning } from './ungrouped-warning.ts';

/**
 * Every warning about the results, in order: `AuditRowsExcluded` per target,
 * `AuditRowsUngrouped` per attribute, `AuditEmptyGroup` per empty group,
 * `AuditEmptyComparison` per KS comparison side without rows, and `AuditBootstrapTooSmall` once.
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
  warnings.push(...emptyComparisonWarnings(spec, tables));
  const small = smallBootstrapWarning(results, table.path);
  if (small) warnings.push(small);
  return warnings;
}

/** Fewer replicates, or fewer patients, than this make percentile intervals unreliable. */
export const MIN_RELIABLE_REPLICATES = 200;
export const MIN_RELIABLE_CLUSTERS = 20;

/**
 * `AuditBootstrapTooSmall` when the intervals rest on too few replicates or patients: with a
 * handful of either, every replicate is nearly the same resample, the intervals shrink towards
 * a point and can even leave out their own estimate.
 */
function smallBootstrapWarning(results: AuditResults, file: string): Problem | null {
  const { replicates, clusters } = results.bootstrap;
  if (replicates === 0) return null;
  const fewReplicates = replicates < MIN_RELIABLE_REPLICATES;
  const fewClusters = clusters !== null && clusters < MIN_RELIABLE_CLUSTERS;
  if (!fewReplicates && !fewClusters) return null;
  const what = [
    ...(fewReplicates ? [`${replicates} bootstrap replicates`] : []),
    ...(fewClusters ? [`${clusters} patients (id values) to resample`] : []),
  ].join(' and ');
  return problem('AuditBootstrapTooSmall', {
    message: `The intervals rest on ${what}: too few for percentile intervals to be trusted; read them as rough.`,
    hint: `Use at least ${MIN_RELIABLE_REPLICATES} replicates (2000 is usual)${fewClusters ? ', and check the id column: resampling by id needs many patients (or `resample: rows`)' : ''}.`,
    file,
  });
}
