/** Ordering of versions for the pages. */
import type { SiteModelEntry, SiteVersion } from './site-model.ts';

/** A model's versions, newest first (the site model lists them oldest first). */
export function newestFirst(entry: SiteModelEntry): SiteVersion[] {
  return [...entry.versions].reverse();
}

/** A model's newest version, or undefined when it has none. */
export function latestVersion(entry: SiteModelEntry): SiteVersion | undefined {
  return entry.versions[entry.versions.length - 1];
}

/** The card's `Model.Name`, when it is a string. */
export function cardName(version: SiteVersion): string | undefined {
  const model = version.card.Model as { Name?: unknown } | undefined;
  return typeof model?.Name === 'string' ? model.Name : undefined;
}

/** The card's `Model.Summary`, when it is a string. */
export function cardSummary(version: SiteVersion): string | undefined {
  const model = version.card.Model as { Summary?: unknown } | undefined;
  return typeof model?.Summary === 'string' ? model.Summary : undefined;
}
