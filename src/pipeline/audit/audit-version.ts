/**
 * One version's audit, from files: read the data files the spec names, check their columns, run
 * the pure audit core, and validate the results.
 */
import { createHash } from 'node:crypto';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';

import { AuditRefusal, type AuditIssue } from '../../core/audit/refusal.ts';
import type { AuditResults, InputFile } from '../../core/audit/results.ts';
import type { ReplicateRunner } from '../../core/audit/replicates.ts';
import { runAudit } from '../../core/audit/run-audit.ts';
import type { AuditSpec } from '../../core/audit/spec.ts';
import type { AuditProgress } from '../../core/audit/target-audit.ts';
import type { CsvTable } from '../csv/csv-table.ts';
import { readCsv } from '../csv/read-csv.ts';
import { problem } from '../problems/catalogue.ts';
import { hasErrors, type Problem } from '../problems/problem.ts';
import { checkSpecColumns } from '../validate/spec-columns.ts';
import { sharedReplicatePool } from './replicate-pool.ts';
import { resultWarnings } from './result-warnings.ts';
import { checkResults } from './validate-results.ts';

/** Recorded in every results file as `generatedBy`. */
export const GENERATED_BY = 'auditcard 0.1.0';

export interface AuditVersionOptions {
  model: string;
  version: string;
  /** Called after each bootstrap replicate, for a progress bar. */
  onProgress?: (progress: AuditProgress) => void;
  /**
   * Computes the bootstrap replicates; default the process's shared pool of worker threads
   * (`sharedReplicatePool`), which keeps small jobs on this thread.
   */
  runReplicates?: ReplicateRunner;
}

export interface AuditVersionResult {
  /** Null when an error stopped the audit. */
  results: AuditResults | null;
  /** Errors (then `results` is null) and warnings (rows left out, empty groups). */
  problems: Problem[];
}

/**
 * Audits one version folder with a validated spec.
 *
 * @param versionDir the folder holding `audit.yaml` and its data files, as the user gave it;
 *   problems name files inside it (for example `content/m/1.0/predictions.csv`)
 * @param spec the validated spec, defaults filled in
 */
export async function auditVersion(
  versionDir: string,
  spec: AuditSpec,
  options: AuditVersionOptions,
): Promise<AuditVersionResult> {
  const read = await readDataFiles(versionDir, dataFiles(spec));
  const problems = [...read.problems];
  if (hasErrors(problems)) return { results: null, problems };

  problems.push(...checkSpecColumns(spec, read.tables));
  if (hasErrors(problems)) return { results: null, problems };

  let results: AuditResults;
  try {
    results = runAudit(
      {
        spec,
        model: options.model,
        version: options.version,
        tables: read.tables,
        inputs: read.inputs,
        generatedBy: GENERATED_BY,
      },
      {
        runReplicates: options.runReplicates ?? sharedReplicatePool().runReplicates,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      },
    );
  } catch (error) {
    if (!(error instanceof AuditRefusal)) throw error;
    const refused = error.issues.map((issue) => issueProblem(issue, read.tables));
    return { results: null, problems: [...problems, ...refused] };
  }

  problems.push(...resultWarnings(results, spec, read.tables));
  const errors = checkResults(results);
  if (errors.length > 0) {
    const file = path.join(versionDir, 'results.json');
    const message = `The audit produced results that break schemas/results.json: ${errors.slice(0, 5).join('; ')}.`;
    const hint = 'This is a bug in auditcard; please report it with the spec.';
    return {
      results: null,
      problems: [...problems, problem('AuditResultsInvalid', { message, hint, file })],
    };
  }
  return { results, problems };
}

/** Every file the spec reads, each once: the predictions first, then projections in order. */
function dataFiles(spec: AuditSpec): string[] {
  return [...new Set([spec.data, ...spec.projections.map((projection) => projection.data)])];
}

interface ReadFiles {
  tables: Map<string, CsvTable>;
  inputs: Omit<InputFile, 'excludedRows'>[];
  problems: Problem[];
}

async function readDataFiles(versionDir: string, files: readonly string[]): Promise<ReadFiles> {
  const read: ReadFiles = { tables: new Map(), inputs: [], problems: [] };

  for (const relative of files) {
    const file = path.join(versionDir, relative);
    if (!isInside(versionDir, relative)) {
      const message = `The data file "${relative}" is outside the version folder.`;
      const hint = 'Give data paths relative to audit.yaml, inside its folder.';
      read.problems.push(problem('AuditDataUnreadable', { message, hint, file }));
      continue;
    }

    let bytes: Buffer;
    try {
      if (!(await isReallyInside(versionDir, file))) {
        const message = `The data file "${relative}" is a link to a file outside the version folder.`;
        const hint =
          'Copy the file into the version folder so that the version stays self-contained.';
        read.problems.push(problem('AuditDataUnreadable', { message, hint, file }));
        continue;
      }
      bytes = await readFile(file);
    } catch (error) {
      const reason =
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'does not exist'
          : `cannot be read (${(error as Error).message})`;
      const message = `The data file "${relative}" ${reason}.`;
      const hint = 'Check the path in audit.yaml; it is relative to the folder of audit.yaml.';
      read.problems.push(problem('AuditDataUnreadable', { message, hint, file }));
      continue;
    }

    const parsed = readCsv(bytes, file);
    read.problems.push(...parsed.problems);
    if (parsed.table === null) continue;
    read.tables.set(relative, parsed.table);
    read.inputs.push({
      path: relative,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      rows: parsed.table.rowCount,
    });
  }
  return read;
}

function isInside(folder: string, relative: string): boolean {
  if (path.isAbsolute(relative)) return false;
  const resolved = path.relative(path.resolve(folder), path.resolve(folder, relative));
  return resolved !== '' && !resolved.startsWith('..') && !path.isAbsolute(resolved);
}

/** True when the file, links resolved, is inside the folder (links resolved too). */
async function isReallyInside(folder: string, file: string): Promise<boolean> {
  const [realFolder, realFile] = await Promise.all([realpath(folder), realpath(file)]);
  const inner = path.relative(realFolder, realFile);
  return inner !== '' && !inner.startsWith('..') && !path.isAbsolute(inner);
}

/**
 * A core refusal as a problem, for a row with its line in the file (data rows skip blank lines
 * and span quoted line breaks, so the two differ).
 */
function issueProblem(issue: AuditIssue, tables: ReadonlyMap<string, CsvTable>): Problem {
  const { code, file, message, hint, row, columnName } = issue;
  // The core names a table by its own path, the file as read.
  const table = [...tables.values()].find((candidate) => candidate.path === file);
  const line = row === undefined ? undefined : table?.lines[row - 1];
  return problem(code, {
    message,
    hint,
    file,
    ...(line === undefined ? {} : { line }),
    ...(row === undefined ? {} : { row }),
    ...(columnName === undefined ? {} : { columnName }),
  });
}
