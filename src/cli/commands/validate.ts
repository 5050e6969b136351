/**
 * `auditcard validate [PATH…] [--format human|json|github]`: checks cards and audit specs and
 * prints every problem at once.
 *
 * A PATH may be a card file, a spec file (`audit.yaml`, or any YAML/JSON file whose name starts
 * with `audit`), a version folder, a model folder or a content folder; the default is
 * `content` under the working directory. Exit status: 0 when there are no errors (warnings
 * allowed), 1 when the content has errors, 2 for a usage error.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import {
  cardFileNames,
  datasetCardFileNames,
  describeVersion,
  folderNameProblem,
  specFileNames,
} from '../../pipeline/content/index.ts';
import { formatProblems, summarizeProblems } from '../../pipeline/problems/format.ts';
import { hasErrors, type Problem } from '../../pipeline/problems/problem.ts';
import {
  checkAuditSpec,
  checkCard,
  validateContent,
  validateVersion,
  type ValidatedContent,
} from '../../pipeline/validate/index.ts';
import { exitStatus } from '../exit-status.ts';
import type { CommandIo } from '../io.ts';
import { parseOptions } from '../options.ts';

type Target =
  { kind: 'card' | 'spec'; path: string } | { kind: 'version' | 'model' | 'content'; path: string };

/** Runs `auditcard validate` and returns its exit status. */
export async function runValidate(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseOptions(args, { values: [] });
  if ('error' in parsed) {
    io.stderr(`auditcard validate: ${parsed.error}`);
    return exitStatus.usage;
  }

  const given = parsed.positionals.length > 0 ? parsed.positionals : ['content'];
  const targets: Target[] = [];
  for (const path of given) {
    const target = await classify(resolve(io.cwd, path));
    if (typeof target === 'string') {
      io.stderr(`auditcard validate: ${path}: ${target}`);
      return exitStatus.usage;
    }
    targets.push(target);
  }

  const result = emptyResult();
  for (const target of targets) await validateTarget(target, result);

  const problems = dedupe(result.problems).map((found) => ({
    ...found,
    file: relative(io.cwd, found.file) || '.',
  }));
  if (parsed.format === 'json' || problems.length > 0) {
    io.stdout(formatProblems(problems, parsed.format));
  }
  if (parsed.format === 'human') io.stderr(summarizeProblems(problems, result.filesChecked));
  return hasErrors(problems) ? exitStatus.contentErrors : exitStatus.ok;
}

/** What a path is, or why it cannot be validated. */
async function classify(path: string): Promise<Target | string> {
  const found = await stat(path).catch(() => null);
  if (!found) return 'no such file or folder.';

  if (found.isFile()) {
    if (!['.json', '.yaml', '.yml'].includes(extname(path).toLowerCase())) {
      return 'not a card or audit spec (expected a .json, .yaml or .yml file).';
    }
    return { kind: basename(path).toLowerCase().startsWith('audit') ? 'spec' : 'card', path };
  }
  if (!found.isDirectory()) return 'not a file or folder.';

  const names = await readdir(path);
  const roles: readonly string[] = [...cardFileNames, ...specFileNames, ...datasetCardFileNames];
  if (names.some((name) => roles.includes(name))) return { kind: 'version', path };
  for (const name of names) {
    const inner = await readdir(join(path, name)).catch(() => [] as string[]);
    if (inner.some((file) => (cardFileNames as readonly string[]).includes(file))) {
      return { kind: 'model', path };
    }
  }
  return { kind: 'content', path };
}

async function validateTarget(target: Target, result: ValidatedContent): Promise<void> {
  switch (target.kind) {
    case 'card': {
      const card = checkCard(await readFile(target.path), target.path);
      result.filesChecked += 1;
      result.problems.push(...card.problems);
      return;
    }
    case 'spec': {
      const bytes = await readFile(target.path);
      const spec = checkAuditSpec(bytes, target.path, dirname(target.path));
      result.filesChecked += 1 + spec.dataFilesChecked;
      result.problems.push(...spec.problems);
      return;
    }
    case 'version':
      checkModelName(dirname(target.path), result);
      return validateFolder(target.path, result);
    case 'model': {
      checkModelName(target.path, result);
      const names = (await readdir(target.path, { withFileTypes: true }))
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
        .map((entry) => entry.name)
        .sort();
      for (const name of names) await validateFolder(join(target.path, name), result);
      return;
    }
    case 'content': {
      const content = await validateContent(target.path);
      result.problems.push(...content.problems);
      result.filesChecked += content.filesChecked;
      return;
    }
  }
}

/** The model folder's name becomes part of URLs too; discovery checks it for whole content. */
function checkModelName(modelDir: string, result: ValidatedContent): void {
  const found = folderNameProblem('model', basename(modelDir), modelDir);
  if (found) result.problems.push(found);
}

/** One version folder; a spec is still checked when the card is missing. */
async function validateFolder(dir: string, result: ValidatedContent): Promise<void> {
  const version = describeVersion(basename(dirname(dir)), basename(dir), dir, result.problems);
  if (version) return validateVersion(version, result);

  for (const name of specFileNames) {
    const path = join(dir, name);
    const bytes = await readFile(path).catch(() => null);
    if (bytes === null) continue;
    const spec = checkAuditSpec(bytes, path, dir);
    result.filesChecked += 1 + spec.dataFilesChecked;
    result.problems.push(...spec.problems);
  }
}

function emptyResult(): ValidatedContent {
  return {
    versions: [],
    cards: new Map(),
    rawIntegers: new Map(),
    datasetCards: new Map(),
    specs: new Map(),
    problems: [],
    filesChecked: 0,
  };
}

/** The same file named twice (a folder and a file in it) reports its problems once. */
function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((found) => {
    const key = JSON.stringify(found);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
