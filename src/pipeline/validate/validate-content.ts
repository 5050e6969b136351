/**
 * Validating a whole content folder: every version's card and audit spec, with all problems
 * listed at once. `auditcard validate` and `auditcard build` both start here.
 */
import { readFile } from 'node:fs/promises';
import type { AuditSpec } from '../../core/audit/spec.ts';
import { discoverContent, type ContentVersion } from '../content/index.ts';
import type { Problem } from '../problems/problem.ts';
import { checkAuditSpec } from './audit-spec.ts';
import { checkCard } from './check-card.ts';
import { sortBySource } from './schema-errors.ts';

/** What validation learned about a content folder. */
export interface ValidatedContent {
  /** Every version with exactly one card, sorted by model then version. */
  versions: ContentVersion[];
  /** Version folder → parsed card, for every card that parsed to an object (valid or not). */
  cards: Map<string, unknown>;
  /** Version folder → integers whose digits a number cannot keep (pointer → digits as written). */
  rawIntegers: Map<string, Record<string, string>>;
  /** Version folder → completed audit spec, for every spec without errors. */
  specs: Map<string, AuditSpec>;
  /** Every problem of every file, grouped by file in version order. */
  problems: Problem[];
  /** How many files were checked (cards, specs and the data files whose header was read). */
  filesChecked: number;
}

/**
 * Validates every version under `contentDir` (layout: see discover-content.ts).
 * @param contentDir the content folder; problems name files under it as given
 */
export async function validateContent(contentDir: string): Promise<ValidatedContent> {
  const discovered = discoverContent(contentDir);
  const result: ValidatedContent = {
    versions: discovered.versions,
    cards: new Map(),
    rawIntegers: new Map(),
    specs: new Map(),
    problems: [...discovered.problems],
    filesChecked: 0,
  };

  for (const version of discovered.versions) {
    await validateVersion(version, result);
  }
  return result;
}

/** Validates one version's card and spec into `result`. */
export async function validateVersion(
  version: ContentVersion,
  result: ValidatedContent,
): Promise<void> {
  const card = checkCard(await readFile(version.cardPath), version.cardPath, {
    folderVersion: version.version,
  });
  result.filesChecked += 1;
  result.problems.push(...sortBySource(card.problems));
  if (typeof card.value === 'object' && card.value !== null && !Array.isArray(card.value)) {
    result.cards.set(version.dir, card.value);
    result.rawIntegers.set(version.dir, card.rawIntegers);
  }

  if (version.specPath === null) return;
  const bytes = await readFile(version.specPath);
  const spec = checkAuditSpec(bytes, version.specPath, version.dir);
  result.filesChecked += 1 + spec.dataFilesChecked;
  result.problems.push(...spec.problems);
  if (spec.spec) result.specs.set(version.dir, spec.spec);
}
