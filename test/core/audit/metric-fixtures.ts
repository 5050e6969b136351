/** The committed data sets of test/golden/metric-fixtures/ (written by generate_metrics.py). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { AuditTable } from '../../../src/core/audit/table.ts';
import { readTable } from './helpers.ts';

const goldenDir = new URL('../../golden/', import.meta.url);

/** test/golden/metrics.json, parsed (the caller states its shape). */
export function readMetricsGolden(): unknown {
  return JSON.parse(readFileSync(fileURLToPath(new URL('metrics.json', goldenDir)), 'utf8'));
}

/** A fixture as the audit reads it, named as a spec's `data` would name it. */
export function fixtureTable(name: string): AuditTable {
  return readTable(fileURLToPath(new URL(`metric-fixtures/${name}`, goldenDir)), name);
}
