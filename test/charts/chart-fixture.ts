import { readFileSync } from 'node:fs';
import type { AuditResults, TargetResult } from '../../src/core/audit/results.ts';
import type { SiteModel } from '../../src/site/site-model.ts';

/** The audit results of the site fixture (the one version that has them). */
export function fixtureResults(): AuditResults {
  const url = new URL('../fixtures/site/site-model.json', import.meta.url);
  const site = JSON.parse(readFileSync(url, 'utf8')) as SiteModel;
  const results = site.models.flatMap((m) => m.versions).find((v) => v.results)?.results;
  if (!results) throw new Error('fixture: no version with results');
  return results;
}

/** The fixture's first target (with an undefined metric and a group without ROC points). */
export function fixtureTarget(): TargetResult {
  const target = fixtureResults().targets[0];
  if (!target) throw new Error('fixture: no target');
  return target;
}
