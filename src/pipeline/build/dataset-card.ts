/**
 * A version's dataset card for the site: the file its audit spec names with `dataset:`, else the
 * version folder's own `dataset.json`/`dataset.yaml`/`dataset.yml`; with the `dataset.json` it
 * publishes beside the version's other files (a JSON card byte for byte, a YAML card as JSON
 * with large integers written as in the file).
 *
 * Validation has already checked the card (the folder's with the content, a named one with the
 * spec), so a card that does not check here is an internal error.
 */
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { SiteDataset } from '../../site/site-model.ts';
import type { ContentVersion } from '../content/discover-content.ts';
import { hasErrors } from '../problems/problem.ts';
import { checkCard, type ValidatedContent } from '../validate/index.ts';
import { cardJson } from './card-json.ts';

/** The published name of a version's dataset card. */
export const datasetDownloadName = 'dataset.json';

/** A version's dataset card: what its page shows, and the file published beside it. */
export interface VersionDataset {
  site: SiteDataset;
  download: { name: string; description: string; content: string | Uint8Array };
}

/**
 * The dataset card of a version, or null when it has none.
 *
 * @param entry The version.
 * @param content The validated content, which holds the version's spec and its folder's card.
 */
export async function versionDataset(
  entry: ContentVersion,
  content: ValidatedContent,
): Promise<VersionDataset | null> {
  const named = content.specs.get(entry.dir)?.dataset;
  const own = content.datasetCards.get(entry.dir);
  const path = named === undefined ? own?.path : join(entry.dir, named);
  if (path === undefined) return null;

  const bytes = await readFile(path);
  let card: Record<string, unknown>;
  let rawIntegers: Record<string, string>;
  if (own && resolve(own.path) === resolve(path)) {
    ({ value: card, rawIntegers } = own);
  } else {
    const checked = checkCard(bytes, path, { expectedKind: 'dataset' });
    if (hasErrors(checked.problems) || checked.kind !== 'dataset') {
      throw new Error(`the dataset card ${path} did not check again after validation`);
    }
    card = checked.value as Record<string, unknown>;
    rawIntegers = checked.rawIntegers;
  }

  const file = relative(entry.dir, path).split(/[\\/]/).join('/');
  return {
    site: { file, card, rawIntegers },
    download: {
      name: datasetDownloadName,
      description: 'ATLAS dataset card (JSON)',
      content: path.endsWith('.json') ? bytes : cardJson(card, rawIntegers),
    },
  };
}
