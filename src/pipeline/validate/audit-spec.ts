/**
 * Loading an audit spec (`audit.yaml`): YAML with positions, `schemas/audit-spec.json`, the
 * checks beyond the schema, every path inside the version folder, every column it uses present
 * once in the header of its data file, and defaults filled in.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import type { ValidateFunction } from 'ajv';
import auditSpecSchema from '../../../schemas/audit-spec.json' with { type: 'json' };
import type { AuditSpec } from '../../core/audit/spec.ts';
import {
  childPointer,
  isPlainObject,
  loadDocument,
  positionOf,
  type LoadedDocument,
} from '../load/index.ts';
import { problem } from '../problems/catalogue.ts';
import { hasErrors, type Problem } from '../problems/problem.ts';
import { createAjv } from './create-ajv.ts';
import { contentMessages } from '../content/messages.ts';
import { datasetCardFileNames, specFileNames } from '../content/discover-content.ts';
import { checkCard } from './check-card.ts';
import { schemaProblems, sortBySource } from './schema-errors.ts';
import { completeSpec } from './spec-defaults.ts';
import { checkSpecColumns, specDataFiles, type SpecSource } from './spec-columns.ts';
import { checkSpecPath, nodeSpecFileSystem, type SpecFileSystem } from './spec-paths.ts';
import type { CsvHeader } from '../csv/check-columns.ts';

/** Reads a file: its bytes (decoded strictly as UTF-8 when loaded), or text already decoded. */
export type ReadTextFile = (path: string) => string | Uint8Array;

const readBytes: ReadTextFile = (path) => readFileSync(path);

let compiledSchema: ValidateFunction | undefined;

/** A spec after checking. */
export interface CheckedSpec {
  /** The completed spec, or null when it has errors. */
  spec: AuditSpec | null;
  /** Errors and warnings: the spec's in source order, then those located in its data files. */
  problems: Problem[];
  /** How many data files had their header read (for "N files checked"). */
  dataFilesChecked: number;
}

/**
 * Loads the audit spec of a version folder.
 * @param versionDir the folder holding `audit.yaml` (or `audit.yml`); problems name files under it
 * @param readFile reads a file (default: its bytes from the real file system)
 * @param files what the path checks need of the file system (default: the real one)
 * @returns the completed spec, or null with the problems; `{ spec: null, problems: [] }` when
 *   the folder has no spec, which is allowed (the version then has a card only)
 */
export function loadAuditSpec(
  versionDir: string,
  readFile: ReadTextFile = readBytes,
  files: SpecFileSystem = nodeSpecFileSystem,
): CheckedSpec {
  const present = specFileNames.filter((name) => existsSync(join(versionDir, name)));
  const [name] = present;
  if (name === undefined) return { spec: null, problems: [], dataFilesChecked: 0 };
  if (present.length > 1) {
    const file = join(versionDir, name);
    const problems = [
      problem('ContentAmbiguousFile', {
        ...contentMessages.ambiguous('audit spec', present),
        file,
      }),
    ];
    return { spec: null, problems, dataFilesChecked: 0 };
  }

  const file = join(versionDir, name);
  return checkAuditSpec(readFile(file), file, versionDir, files);
}

/**
 * Checks the content of a spec file and the headers of the data files it names (only the
 * header of each file is read, and only when the spec itself has no errors).
 * @param text the file's bytes (decoded strictly as UTF-8) or text (YAML; JSON is YAML too)
 * @param file the file name, put in problems
 * @param versionDir the folder that the spec's paths are relative to
 * @param files what the checks need of the file system (default: the real one)
 */
export function checkAuditSpec(
  text: string | Uint8Array,
  file: string,
  versionDir: string,
  files: SpecFileSystem = nodeSpecFileSystem,
): CheckedSpec {
  const document = loadDocument(text, file, 'spec');
  if (!isPlainObject(document.value)) {
    return { spec: null, problems: document.problems, dataFilesChecked: 0 };
  }

  compiledSchema ??= createAjv().compile(auditSpecSchema);
  if (!compiledSchema(document.value)) {
    const context = {
      file,
      document,
      code: 'SpecSchemaViolation' as const,
      yaml: true,
      schema: auditSpecSchema,
    };
    const schemaErrors = schemaProblems(compiledSchema.errors ?? [], context);
    const problems = sortBySource([...document.problems, ...schemaErrors]);
    return { spec: null, problems, dataFilesChecked: 0 };
  }

  const { spec, issues } = completeSpec(document.value);
  const problems = [
    ...document.problems,
    ...issues.map(({ pointer, message, hint }) =>
      problem('SpecInconsistent', { message, ...(hint ? { hint } : {}), ...at(pointer) }),
    ),
    ...pathProblems(document, versionDir, files, file),
  ];
  if (spec === null || hasErrors(problems)) {
    return { spec: null, problems: sortBySource(problems), dataFilesChecked: 0 };
  }

  const data = dataProblems(spec, versionDir, files, { file, positions: document.positions });
  const { dataset } = document.value as { dataset?: string };
  if (dataset !== undefined) {
    spec.dataset = dataset;
    data.problems.push(...datasetCardProblems(versionDir, dataset, files, at('/dataset')));
  }
  const inSpec = sortBySource([...problems, ...data.problems.filter((p) => p.file === file)]);
  const all = [...inSpec, ...data.problems.filter((p) => p.file !== file)];
  return { spec: hasErrors(all) ? null : spec, problems: all, dataFilesChecked: data.checked };

  function at(pointer: string) {
    return { file, ...positionOf(document.positions, pointer), pointer };
  }
}

/** Every path in the spec: `data` and each projection's `data`. */
function pathProblems(
  document: LoadedDocument,
  versionDir: string,
  files: SpecFileSystem,
  file: string,
): Problem[] {
  const value = document.value as {
    data: string;
    dataset?: string;
    projections?: Array<{ data: string }>;
  };
  const paths = [
    { pointer: '/data', path: value.data },
    ...(value.dataset === undefined ? [] : [{ pointer: '/dataset', path: value.dataset }]),
    ...(value.projections ?? []).map((projection, index) => ({
      pointer: childPointer(childPointer('/projections', index), 'data'),
      path: projection.data,
    })),
  ];

  const problems: Problem[] = [];
  for (const { pointer, path } of paths) {
    const refusal = checkSpecPath(versionDir, path, pointer, files);
    if (!refusal) continue;
    const { code, ...wording } = refusal;
    problems.push(
      problem(code, { ...wording, file, ...positionOf(document.positions, pointer), pointer }),
    );
  }
  return problems;
}

/**
 * The problems of the dataset card a spec names with `dataset:` (a path already checked): a
 * file other than the folder's own `dataset.json`/`.yaml`/`.yml` (which the content validation
 * checks) is checked here as a dataset card, and may not compete with one in the folder.
 */
function datasetCardProblems(
  versionDir: string,
  dataset: string,
  files: SpecFileSystem,
  at: { file: string; line?: number; column?: number; pointer: string },
): Problem[] {
  const folderCards = datasetCardFileNames.filter((name) => files.isFile(join(versionDir, name)));
  if ((datasetCardFileNames as readonly string[]).includes(normalize(dataset))) return [];

  const path = join(versionDir, dataset);
  const problems = checkCard(readFileSync(path), path, { expectedKind: 'dataset' }).problems;
  if (folderCards.length > 0) {
    const wording = contentMessages.ambiguous('dataset card', [...folderCards, dataset]);
    problems.push(problem('ContentAmbiguousFile', { ...wording, ...at }));
  }
  return problems;
}

/**
 * Reads the header of every data file of a spec whose paths are fine, and checks the columns
 * the spec uses against them.
 */
function dataProblems(
  spec: AuditSpec,
  versionDir: string,
  files: SpecFileSystem,
  source: SpecSource,
): { problems: Problem[]; checked: number } {
  const headers = new Map<string, CsvHeader>();
  const problems: Problem[] = [];

  for (const relative of specDataFiles(spec)) {
    const path = join(versionDir, relative);
    let parsed;
    try {
      parsed = files.readHeader(path);
    } catch (error) {
      const message = `The data file "${relative}" cannot be read (${(error as Error).message}).`;
      const hint = 'Check that the file can be read by the user running auditcard.';
      problems.push(problem('AuditDataUnreadable', { message, hint, file: path }));
      continue;
    }
    problems.push(...parsed.problems);
    if (parsed.table) headers.set(relative, parsed.table);
  }

  problems.push(...checkSpecColumns(spec, headers, source));
  return { problems, checked: specDataFiles(spec).length };
}
