/** Shared builders for the audit tests: specs with defaults, and the shared case files. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { AuditResults, GroupResult, Metric } from '../../../src/core/audit/results.ts';
import { runAudit } from '../../../src/core/audit/run-audit.ts';
import type { AuditSpec, GroupSpec, OperatingPointSpec } from '../../../src/core/audit/spec.ts';
import type { AuditTable } from '../../../src/core/audit/table.ts';
import { readCsv } from '../../../src/pipeline/csv/read-csv.ts';

export const casesDir = fileURLToPath(new URL('../../../../shared/cases/', import.meta.url));
export const haveCases = existsSync(casesDir);
export const studyDir = fileURLToPath(
  new URL('../../../../shared/data/cxr-foundation-bias/', import.meta.url),
);
export const haveStudy = existsSync(studyDir);

export const fullCurve: OperatingPointSpec = {
  policy: 'target-fpr',
  targetFpr: 0.2,
  convention: 'full-curve',
};
export const reference: OperatingPointSpec = { ...fullCurve, convention: 'reference' };

/** A spec for a case file with `id`, `score` and `label` columns, bootstrap off. */
export function caseSpec(
  data: string,
  groups: GroupSpec[],
  extra: Partial<AuditSpec> = {},
): AuditSpec {
  return {
    data,
    id: 'id',
    targets: [
      { name: 't', label: { column: 'label', positive: [1], negative: 'rest' }, score: 'score' },
    ],
    groups,
    operatingPoint: fullCurve,
    bootstrap: { replicates: 0, level: 0.95, seed: 1, stratify: 'label', resample: 'rows' },
    projections: [],
    adjust: 'BY',
    alpha: 0.05,
    invalidScores: 'exclude',
    ...extra,
  };
}

export function readTable(file: string, name = file): AuditTable {
  const parsed = readCsv(readFileSync(file), name);
  if (!parsed.table) throw new Error(JSON.stringify(parsed.problems));
  return parsed.table;
}

export function caseTable(name: string): AuditTable {
  return readTable(casesDir + name, name);
}

/** Runs the core on one table named as the spec's data. */
export function audit(spec: AuditSpec, table: AuditTable): AuditResults {
  return runAudit({
    spec,
    model: 'm',
    version: '1',
    tables: new Map([[spec.data, table]]),
    inputs: [{ path: spec.data, sha256: '0'.repeat(64), rows: table.rowCount }],
  });
}

export function group(
  results: AuditResults,
  attribute: string,
  value: string,
  target = 0,
): GroupResult {
  const found = results.targets[target]!.groups.find(
    (g) => g.attribute === attribute && g.value === value,
  );
  if (!found) throw new Error(`no group ${attribute}=${value}`);
  return found;
}

/** The estimate of a metric, null when undefined. */
export function estimate(metric: Metric | undefined): number | null {
  if (metric === undefined) throw new Error('metric absent');
  return metric.estimate;
}
