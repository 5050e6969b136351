/**
 * Loading an audit spec (`audit.yaml`): YAML with positions, `schemas/audit-spec.json`, the
 * checks beyond the schema, every path inside the version folder, and defaults filled in.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
import { specFileNames } from '../content/discover-content.ts';
import { schemaProblems, sortBySource } from './schema-errors.ts';
import { completeSpec } from './spec-defaults.ts';
import { checkSpecPath, nodeSpecFileSystem, type SpecFileSystem } from './spec-paths.ts';

/** Reads a file as UTF-8 text. */
export type ReadTextFile = (path: string) => string;

const readUtf8: ReadTextFile = (path) => readFileSync(path, 'utf8');

let compiledSchema: ValidateFunction | undefined;

/**
 * Loads the audit spec of a version folder.
 * @param versionDir the folder holding `audit.yaml` (or `audit.yml`); problems name files under it
 * @param readFile reads a file as text (default: the real file system)
 * @param files what the path checks need of the file system (default: the real one)
 * @returns the completed spec, or null with the problems; `{ spec: null, problems: [] }` when
 *   the folder has no spec, which is allowed (the version then has a card only)
 */
export function loadAuditSpec(
  versionDir: string,
  readFile: ReadTextFile = readUtf8,
  files: SpecFileSystem = nodeSpecFileSystem,
): { spec: AuditSpec | null; problems: Problem[] } {
  const present = specFileNames.filter((name) => existsSync(join(versionDir, name)));
  const [name] = present;
  if (name === undefined) return { spec: null, problems: [] };
  if (present.length > 1) {
    const file = join(versionDir, name);
    const problems = [
      problem('ContentAmbiguousFile', {
        ...contentMessages.ambiguous('audit spec', present),
        file,
      }),
    ];
    return { spec: null, problems };
  }

  const file = join(versionDir, name);
  return checkAuditSpec(readFile(file), file, versionDir, files);
}

/**
 * Checks the text of a spec file.
 * @param text the file's content (YAML; JSON is YAML too)
 * @param file the file name, put in problems
 * @param versionDir the folder that the spec's paths are relative to
 */
export function checkAuditSpec(
  text: string,
  file: string,
  versionDir: string,
  files: SpecFileSystem = nodeSpecFileSystem,
): { spec: AuditSpec | null; problems: Problem[] } {
  const document = loadDocument(text, file, 'spec');
  if (!isPlainObject(document.value)) return { spec: null, problems: document.problems };

  compiledSchema ??= createAjv().compile(auditSpecSchema);
  if (!compiledSchema(document.value)) {
    const context = { file, document, code: 'SpecSchemaViolation' as const, yaml: true };
    const schemaErrors = schemaProblems(compiledSchema.errors ?? [], context);
    return { spec: null, problems: sortBySource([...document.problems, ...schemaErrors]) };
  }

  const { spec, issues } = completeSpec(document.value);
  const problems = [
    ...document.problems,
    ...issues.map(({ pointer, message, hint }) =>
      problem('SpecInconsistent', { message, ...(hint ? { hint } : {}), ...at(pointer) }),
    ),
    ...pathProblems(document, versionDir, files, file),
  ];
  return { spec: hasErrors(problems) ? null : spec, problems: sortBySource(problems) };

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
  const value = document.value as { data: string; projections?: Array<{ data: string }> };
  const paths = [
    { pointer: '/data', path: value.data },
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
