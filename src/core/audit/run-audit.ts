/**
 * Spec + data tables → {@link AuditResults}: the pure core of `auditcard audit`.
 */
import { defineGroups, type Grouping } from './groups.ts';
import { countIdClusters } from './id-clusters.ts';
import { runProjections } from './projections.ts';
import { AuditRefusal, type AuditIssue } from './refusal.ts';
import type { AuditResults, GroupResult, InputFile, TargetResult } from './results.ts';
import { smallGroup } from './small-groups.ts';
import { defaultMinGroupSize, type AuditSpec, type MinGroupSize } from './spec.ts';
import type { ReplicateRunner } from './replicates.ts';
import type { AuditTable } from './table.ts';
import { auditTarget, type AuditProgress } from './target-audit.ts';

export interface AuditInput {
  spec: AuditSpec;
  model: string;
  version: string;
  /** Every file the spec names (`data` and each projection's `data`), by its path in the spec. */
  tables: ReadonlyMap<string, AuditTable>;
  /** The files read, in order; `excludedRows` is filled in by the audit. */
  inputs: readonly Omit<InputFile, 'excludedRows'>[];
  /** The tool and version that made the results, recorded in them. Default `auditcard`. */
  generatedBy?: string;
}

export interface AuditOptions {
  /** Called after each bootstrap replicate of each target. */
  onProgress?: (progress: AuditProgress) => void;
  /**
   * Computes each target's bootstrap replicates; default in the calling thread. The pipeline
   * passes one that spreads them over worker threads (same numbers, bit for bit).
   */
  runReplicates?: ReplicateRunner;
}

/**
 * Runs an audit: every target (operating point on the whole sample, group metrics, bootstrap
 * intervals, disparities against reference groups), then every projection test, adjusted for
 * multiple testing within its family (one family, `all`, unless the spec names others).
 *
 * Deterministic: the same input gives the same results, bit for bit (the bootstrap is seeded
 * and nothing depends on the clock or on map iteration order of user data).
 *
 * An input file's `excludedRows` counts the rows left out of at least one computation: a target
 * (score or label unusable) or a projection test (value not a number).
 *
 * @throws {AuditRefusal} listing every issue, when a target cannot give trustworthy results
 *   (invalid scores under `invalidScores: refuse`, no rows, one class, an infinite threshold)
 * @throws {TypeError} when a table or column the spec names is missing (the pipeline checks)
 */
export function runAudit(input: AuditInput, options: AuditOptions = {}): AuditResults {
  const { spec } = input;
  const table = input.tables.get(spec.data);
  if (table === undefined) throw new TypeError(`tables: no table for "${spec.data}"`);

  const grouping = defineGroups(table, spec.groups);
  const minimum = spec.minGroupSize ?? defaultMinGroupSize;
  const issues: AuditIssue[] = [];
  const targets: TargetResult[] = [];
  const excluded = new Map<string, Set<number>>([[spec.data, new Set()]]);

  for (const target of spec.targets) {
    const audit = auditTarget(
      table,
      target,
      grouping,
      spec,
      options.onProgress,
      options.runReplicates,
    );
    issues.push(...audit.issues);
    if (audit.result) targets.push(describeGroups(audit.result, grouping, minimum));
    for (const row of audit.excludedRows) excluded.get(spec.data)!.add(row);
  }
  if (issues.length > 0) throw new AuditRefusal(issues);

  const projections = runProjections(spec.projections, input.tables, spec.alpha);
  for (const [path, rows] of projections.excludedRows) {
    const set = excluded.get(path) ?? new Set<number>();
    for (const row of rows) set.add(row);
    excluded.set(path, set);
  }

  return {
    model: input.model,
    version: input.version,
    generatedBy: input.generatedBy ?? 'auditcard',
    inputs: input.inputs.map((file) => ({
      ...file,
      excludedRows: excluded.get(file.path)?.size ?? 0,
    })),
    bootstrap: { ...spec.bootstrap, clusters: clusterCount(spec, table) },
    targets,
    projections: projections.tests,
    adjustment: spec.projections.length > 0 ? { method: spec.adjust, alpha: spec.alpha } : null,
  };
}

/**
 * Adds what the groups' definitions and sizes tell a reader: an intersection group's
 * `components`, and the `small` flag of a group below the spec's `minGroupSize`. The target's
 * groups follow `grouping.groups`, one for one.
 */
function describeGroups(
  target: TargetResult,
  grouping: Grouping,
  minimum: MinGroupSize,
): TargetResult {
  const groups = target.groups.map((group, index): GroupResult => {
    const { attribute, value, n, positives, negatives, reference, ...rest } = group;
    const components = grouping.groups[index]?.components;
    const small = smallGroup(group, minimum);
    return {
      attribute,
      value,
      ...(components ? { components } : {}),
      n,
      positives,
      negatives,
      ...(reference === undefined ? {} : { reference }),
      ...(small ? { small } : {}),
      ...rest,
    };
  });
  return { ...target, groups };
}

/** The number of patients (id clusters) in the data file under `resample: id`, else null. */
function clusterCount(spec: AuditSpec, table: AuditTable): number | null {
  if (spec.bootstrap.resample === 'rows' || spec.id === undefined) return null;
  const idCells = table.column(spec.id);
  return idCells === undefined ? null : countIdClusters(idCells);
}
