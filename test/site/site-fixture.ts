import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SiteModel, SiteVersion } from '../../src/site/site-model.ts';

/** Path of the fixture site model used by the site tests and the build test. */
export const fixturePath = fileURLToPath(
  new URL('../fixtures/site/site-model.json', import.meta.url),
);

export function fixtureSite(): SiteModel {
  return JSON.parse(readFileSync(fixturePath, 'utf8')) as SiteModel;
}

/** The fixture version with many card fields and audit results. */
export function fixtureVersion(): SiteVersion {
  const version = fixtureSite().models[0]?.versions[1];
  if (!version?.results) throw new Error('fixture: chest-demo 1.1.0 with results expected');
  return version;
}
