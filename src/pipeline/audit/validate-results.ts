/**
 * Checks results against `schemas/results.json` before they are written or returned.
 */
import type { ValidateFunction } from 'ajv';

import resultsSchema from '../../../schemas/results.json' with { type: 'json' };
import type { AuditResults } from '../../core/audit/results.ts';
import { createAjv } from '../validate/create-ajv.ts';

let compiled: ValidateFunction | undefined;

/**
 * The ways `results` breaks the results schema, as `pointer: message` lines; empty when valid.
 *
 * A number that is NaN or infinite is reported first and on its own: JSON would turn it into
 * `null` (or fail), so the schema check alone, run on the object, could miss it.
 */
export function checkResults(results: AuditResults): string[] {
  const nonFinite = findNonFinite(results, '');
  if (nonFinite.length > 0) return nonFinite.map((pointer) => `${pointer}: not a finite number`);

  compiled ??= createAjv().compile(resultsSchema);
  if (compiled(results)) return [];
  return (compiled.errors ?? []).map(
    (error) => `${error.instancePath || '/'}: ${error.message ?? 'invalid'}`,
  );
}

function findNonFinite(value: unknown, pointer: string): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [pointer || '/'];
  if (Array.isArray(value))
    return value.flatMap((item, index) => findNonFinite(item, `${pointer}/${index}`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      findNonFinite(item, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`),
    );
  }
  return [];
}
