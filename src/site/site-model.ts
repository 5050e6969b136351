/**
 * The site model: everything the Astro pages need, assembled by the build command
 * (`src/pipeline/build/`) after validation and audits succeed, and handed to Astro as a JSON
 * file whose path is in the environment variable `AUDITCARD_SITE_MODEL`.
 *
 * Pages never read the content folder themselves, so nothing unvalidated reaches the site.
 */
import { readFileSync } from 'node:fs';
import type { AuditResults } from '../core/audit/results.ts';

/** A file published beside a version's pages, such as `card.json` or `results.json`. */
export interface Download {
  /** File name, also its path relative to the version's folder on the site. */
  name: string;
  description: string;
  bytes: number;
}

export interface SiteVersion {
  /** Folder name of the model under `content/`; part of the permanent URL. */
  model: string;
  /** Folder name of the version; part of the permanent URL. */
  version: string;
  /** The validated ATLAS card as parsed. */
  card: Record<string, unknown>;
  /** Integers in the card whose digits JSON numbers cannot keep, by JSON pointer, as written. */
  rawIntegers: Record<string, string>;
  /** Audit results, or null when the version has no `audit.yaml`. */
  results: AuditResults | null;
  /** The author's `report.md`, unrendered (pages render it through the sanitizing pipeline). */
  reportMarkdown: string | null;
  /**
   * The ATLAS dataset card of the data the audit was evaluated on: the file the audit spec's
   * `dataset:` names, else the version folder's `dataset.json`/`.yaml`/`.yml`. Absent or null
   * when there is none; its page is `models/<model>/<version>/dataset/`.
   */
  dataset?: SiteDataset | null;
  downloads: Download[];
}

/** A validated ATLAS dataset card, as the dataset page shows it. */
export interface SiteDataset {
  /** The card file, relative to the version folder (`dataset.yaml`, `data/test-set.json`). */
  file: string;
  /** The validated card as parsed: `$schema` and `Dataset`. */
  card: Record<string, unknown>;
  /** Integers in the card whose digits JSON numbers cannot keep, by JSON pointer, as written. */
  rawIntegers: Record<string, string>;
}

export interface SiteModelEntry {
  /** Folder name under `content/`. */
  id: string;
  /** Display name: the newest version's `Model.Name`. */
  name: string;
  /** Oldest first. */
  versions: SiteVersion[];
}

export interface SiteModel {
  title: string;
  /** Base path of the site (Astro `base`), such as `/` or `/audits/`. */
  base: string;
  models: SiteModelEntry[];
}

export const siteModelVariable = 'AUDITCARD_SITE_MODEL';

let cached: SiteModel | undefined;

/** Reads the site model named by `AUDITCARD_SITE_MODEL`; called from page frontmatter. */
export function loadSiteModel(): SiteModel {
  if (cached) return cached;

  const path = process.env[siteModelVariable];
  if (!path) {
    throw new Error(
      `${siteModelVariable} is not set: build the site with \`auditcard build\` (npm run build), ` +
        'not with `astro build` directly.',
    );
  }
  cached = JSON.parse(readFileSync(path, 'utf8')) as SiteModel;
  return cached;
}
