/**
 * Validating a whole content folder: every version's model card, dataset card and audit spec,
 * with all problems listed at once. `auditcard validate` and `auditcard build` both start here.
 *
 * The result ({@link ValidatedContent}) is the content model the build and the site read:
 *
 * - `cards`: version folder → the parsed model card (every card that parsed to an object);
 * - `rawIntegers`: version folder → the model card's integers beyond 2^53, digits as written;
 * - `datasetCards`: version folder → the version's dataset card ({@link DatasetCard}), present
 *   only when the folder has a `dataset.json`/`dataset.yaml`/`dataset.yml` that validated
 *   without errors (warnings allowed). It describes the data the audit was evaluated on; its
 *   `value` follows the ATLAS 2025-11 dataset schema (`Dataset.Name`, `Dataset.Link`,
 *   `Dataset.Partitions`, …), a YAML card already read as its JSON twin would be;
 * - `specs`: version folder → the completed audit spec, for every spec without errors.
 */
import { readFile } from 'node:fs/promises';
import type { AuditSpec } from '../../core/audit/spec.ts';
import { discoverContent, type ContentVersion } from '../content/index.ts';
import { hasErrors, type Problem } from '../problems/problem.ts';
import { checkAuditSpec } from './audit-spec.ts';
import { checkCard } from './check-card.ts';
import { sortBySource } from './schema-errors.ts';

/** A version's ATLAS dataset card, validated without errors. */
export interface DatasetCard {
  /** The file it was read from: `dataset.json`, `dataset.yaml` or `dataset.yml`. */
  path: string;
  /** The card: `$schema` (the ATLAS dataset schema's id) and the `Dataset` object. */
  value: { $schema: string; Dataset: Record<string, unknown> };
  /** Integers whose digits a number cannot keep: JSON pointer → digits as written. */
  rawIntegers: Record<string, string>;
}

/** What validation learned about a content folder (see the module comment). */
export interface ValidatedContent {
  /** Every version with exactly one card, sorted by model then version. */
  versions: ContentVersion[];
  /** Version folder → parsed card, for every card that parsed to an object (valid or not). */
  cards: Map<string, unknown>;
  /** Version folder → integers whose digits a number cannot keep (pointer → digits as written). */
  rawIntegers: Map<string, Record<string, string>>;
  /** Version folder → the dataset card, for every dataset card without errors. */
  datasetCards: Map<string, DatasetCard>;
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
    datasetCards: new Map(),
    specs: new Map(),
    problems: [...discovered.problems],
    filesChecked: 0,
  };

  for (const version of discovered.versions) {
    await validateVersion(version, result);
  }
  return result;
}

/** Validates one version's model card, dataset card and spec into `result`. */
export async function validateVersion(
  version: ContentVersion,
  result: ValidatedContent,
): Promise<void> {
  const card = checkCard(await readFile(version.cardPath), version.cardPath, {
    folderVersion: version.version,
    expectedKind: 'model',
  });
  result.filesChecked += 1;
  result.problems.push(...sortBySource(card.problems));
  if (typeof card.value === 'object' && card.value !== null && !Array.isArray(card.value)) {
    result.cards.set(version.dir, card.value);
    result.rawIntegers.set(version.dir, card.rawIntegers);
  }

  if (version.datasetCardPath) await validateDatasetCard(version, version.datasetCardPath, result);

  if (version.specPath === null) return;
  const bytes = await readFile(version.specPath);
  const spec = checkAuditSpec(bytes, version.specPath, version.dir);
  result.filesChecked += 1 + spec.dataFilesChecked;
  result.problems.push(...spec.problems);
  if (spec.spec) result.specs.set(version.dir, spec.spec);
}

/** Checks a version's dataset card; one without errors goes into `result.datasetCards`. */
async function validateDatasetCard(
  version: ContentVersion,
  path: string,
  result: ValidatedContent,
): Promise<void> {
  const card = checkCard(await readFile(path), path, { expectedKind: 'dataset' });
  result.filesChecked += 1;
  result.problems.push(...card.problems);
  if (hasErrors(card.problems) || card.kind !== 'dataset') return;
  result.datasetCards.set(version.dir, {
    path,
    value: card.value as DatasetCard['value'],
    rawIntegers: card.rawIntegers,
  });
}
