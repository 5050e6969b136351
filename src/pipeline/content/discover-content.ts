/**
 * Finding the versions in a content folder laid out as `content/<model>/<version>/`, each with
 * `card.json` or `card.yaml`/`card.yml`, and optionally `audit.yaml`/`audit.yml`, `report.md`
 * and `dataset.json`/`dataset.yaml`/`dataset.yml` (an ATLAS dataset card describing the data the
 * audit was evaluated on). Names starting with `.` are ignored, and so are files directly under the content
 * and model folders (such as a README).
 *
 * Model and version folder names become URL path segments and file paths of the site, so they
 * must be safe names (see {@link safeFolderName}); any other name is an error, because the
 * site's links would not match its pages.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { problem } from '../problems/catalogue.ts';
import type { Problem } from '../problems/problem.ts';
import { contentMessages, suggestSafeName } from './messages.ts';
import { compareNatural, compareVersions } from './natural-order.ts';

/** One version folder of the content. */
export interface ContentVersion {
  /** The model's folder name. */
  model: string;
  /** The version's folder name. */
  version: string;
  /** The version folder: the content folder as given, joined with model and version. */
  dir: string;
  cardPath: string;
  specPath: string | null;
  reportPath: string | null;
  /** The ATLAS dataset card of the data the audit was evaluated on, when the folder has one. */
  datasetCardPath: string | null;
}

export const cardFileNames = ['card.json', 'card.yaml', 'card.yml'] as const;
export const specFileNames = ['audit.yaml', 'audit.yml'] as const;
export const datasetCardFileNames = ['dataset.json', 'dataset.yaml', 'dataset.yml'] as const;
export const reportFileName = 'report.md';

/**
 * Names that need no escaping in a URL path segment and mean the same file on every file
 * system: ASCII letters, digits, `.`, `_` and `-`, starting with a letter or digit.
 */
export const safeFolderName = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Lists the versions of `contentDir`, sorted by model (natural order) then version
 * (semver-ish order; see natural-order.ts).
 * @returns the versions that have exactly one card, and a problem for every folder that has none
 *   or two or an unsafe name, for a content folder with no versions at all, and for a report
 *   without an audit spec (a warning)
 */
export function discoverContent(contentDir: string): {
  versions: ContentVersion[];
  problems: Problem[];
} {
  const problems: Problem[] = [];
  if (!isDirectory(contentDir)) {
    problems.push(
      problem('ContentFolderMissing', {
        ...contentMessages.folderMissing(contentDir),
        file: contentDir,
      }),
    );
    return { versions: [], problems };
  }

  const versions: ContentVersion[] = [];
  const root = realpathSync(contentDir);
  const models = subfolders(contentDir).sort(compareNatural);
  let versionFolders = 0;
  for (const model of models) {
    const modelDir = join(contentDir, model);
    if (!staysInside(root, modelDir, problems)) continue;
    checkFolderName('model', model, modelDir, problems);
    for (const version of subfolders(modelDir).sort(compareVersions)) {
      versionFolders += 1;
      const versionDir = join(modelDir, version);
      if (!staysInside(root, versionDir, problems)) continue;
      const found = describeVersion(model, version, versionDir, problems);
      if (found && filesStayInside(root, found, problems)) versions.push(found);
    }
  }

  if (versionFolders === 0) {
    problems.push(
      problem('ContentEmpty', { ...contentMessages.empty(contentDir, models), file: contentDir }),
    );
  }
  return { versions, problems };
}

/** The files of one version folder, or null (with a problem) when it has no single card. */
export function describeVersion(
  model: string,
  version: string,
  dir: string,
  problems: Problem[],
): ContentVersion | null {
  checkFolderName('version', version, dir, problems);

  const cards = cardFileNames.filter((name) => isFile(join(dir, name)));
  const specs = specFileNames.filter((name) => isFile(join(dir, name)));
  const datasets = datasetCardFileNames.filter((name) => isFile(join(dir, name)));
  const report = isFile(join(dir, reportFileName)) ? join(dir, reportFileName) : null;
  if (cards.length === 0) {
    problems.push(problem('ContentCardMissing', { ...contentMessages.cardMissing(), file: dir }));
  }
  if (cards.length > 1) {
    problems.push(
      problem('ContentAmbiguousFile', {
        ...contentMessages.ambiguous('card', [...cards]),
        file: join(dir, cards[0] ?? ''),
      }),
    );
  }
  if (specs.length > 1) {
    problems.push(
      problem('ContentAmbiguousFile', {
        ...contentMessages.ambiguous('audit spec', [...specs]),
        file: join(dir, specs[0] ?? ''),
      }),
    );
  }

  if (datasets.length > 1) {
    problems.push(
      problem('ContentAmbiguousFile', {
        ...contentMessages.ambiguous('dataset card', [...datasets]),
        file: join(dir, datasets[0] ?? ''),
      }),
    );
  }

  if (report !== null && specs.length === 0) {
    problems.push(
      problem('ContentReportWithoutAudit', { ...contentMessages.reportWithoutAudit(), file: report }),
    );
  }

  const [card] = cards;
  if (card === undefined || cards.length > 1) return null;
  const [spec] = specs;
  const [dataset] = datasets;
  return {
    model,
    version,
    dir,
    cardPath: join(dir, card),
    specPath: spec === undefined || specs.length > 1 ? null : join(dir, spec),
    reportPath: report,
    datasetCardPath: dataset === undefined || datasets.length > 1 ? null : join(dir, dataset),
  };
}

/**
 * The error for a model or version folder whose name is not a safe name, or null.
 * @param kind which folder it is, for the message
 * @param name the folder's name
 * @param dir the folder, put in the problem
 */
export function folderNameProblem(
  kind: 'model' | 'version',
  name: string,
  dir: string,
): Problem | null {
  if (safeFolderName.test(name)) return null;
  return problem('ContentNameNotPortable', {
    ...contentMessages.nameNotPortable(kind, name, suggestSafeName(name, kind)),
    file: dir,
  });
}

function checkFolderName(
  kind: 'model' | 'version',
  name: string,
  dir: string,
  problems: Problem[],
): void {
  const found = folderNameProblem(kind, name, dir);
  if (found) problems.push(found);
}

/**
 * Whether `path` really lies in the content folder `root` (a real path), following links; a
 * link that leads outside is an error, so that a pull request cannot publish any file the
 * build can read by adding a symbolic link.
 */
function staysInside(root: string, path: string, problems: Problem[]): boolean {
  const real = realpathSync(path);
  const inner = relative(root, real);
  if (inner === '' || (!inner.startsWith(`..${sep}`) && inner !== '..' && !isAbsolute(inner))) {
    return true;
  }
  problems.push(
    problem('ContentLinkOutside', { ...contentMessages.linkOutside(real), file: path }),
  );
  return false;
}

/** Whether the card, spec, dataset card and report of a version all lie in the content folder. */
function filesStayInside(root: string, found: ContentVersion, problems: Problem[]): boolean {
  const files = [found.cardPath, found.specPath, found.datasetCardPath, found.reportPath];
  return files
    .filter((file): file is string => file !== null)
    .map((file) => staysInside(root, file, problems))
    .every(Boolean);
}

function subfolders(dir: string): string[] {
  return readdirSync(dir).filter((name) => !name.startsWith('.') && isDirectory(join(dir, name)));
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}
