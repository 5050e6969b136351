/**
 * The cap on the number of groups (MAX_GROUPS): a column of identifiers or an intersection of
 * many-valued columns is refused with a message naming the counts, before an intersection lists
 * its combinations; up to the cap, every group is reported.
 */
import { describe, expect, it } from 'vitest';

import { MAX_GROUPS } from '../../../src/core/audit/groups.ts';
import { AuditRefusal } from '../../../src/core/audit/refusal.ts';
import type { GroupSpec } from '../../../src/core/audit/spec.ts';
import { tableFromColumns } from '../../../src/core/audit/table.ts';
import { audit, caseSpec } from './helpers.ts';

const rows = 2000;
const table = tableFromColumns('t.csv', {
  id: Array.from({ length: rows }, (_, i) => `P${i}`),
  score: Array.from({ length: rows }, (_, i) => String(((i * 7919) % 1000) / 1000)),
  label: Array.from({ length: rows }, (_, i) => String(i % 3 === 0 ? 1 : 0)),
  // Enough values that the product of two of them passes the cap many times over.
  site: Array.from({ length: rows }, (_, i) => `S${i % 150}`),
  scanner: Array.from({ length: rows }, (_, i) => `M${i % 140}`),
  few: Array.from({ length: rows }, (_, i) => `F${i % (MAX_GROUPS - 1)}`),
});

function refusal(groups: GroupSpec[]): AuditRefusal {
  try {
    audit(caseSpec('t.csv', groups), table);
  } catch (error) {
    if (error instanceof AuditRefusal) return error;
    throw error;
  }
  throw new Error('expected the audit to be refused');
}

describe('the number of groups', () => {
  it('refuses a column of identifiers, naming the column and the counts', () => {
    const { issues } = refusal([{ column: 'id' }]);
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'AuditTooManyGroups',
        file: 't.csv',
        columnName: 'id',
        message: `The groups would number ${rows} (id: ${rows}); an audit reports at most ${MAX_GROUPS}. "id" has the most.`,
      }),
    ]);
    expect(issues[0]!.hint).toContain('identifies patients');
  });

  it('refuses an intersection by its number of combinations, without listing them', () => {
    const { issues } = refusal([
      { column: 'site' },
      { column: 'scanner' },
      { intersect: ['site', 'scanner'] },
    ]);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.code).toBe('AuditTooManyGroups');
    expect(issues[0]!.message).toContain(`would number ${150 + 140 + 150 * 140}`);
    expect(issues[0]!.message).toContain('"site & scanner" has the most');
    expect(issues[0]!.hint).toContain('Intersect fewer');
  });

  it('counts every attribute together', () => {
    const { issues } = refusal([{ column: 'few' }, { column: 'site' }]);
    expect(issues[0]!.message).toContain(`would number ${MAX_GROUPS - 1 + 150}`);
    expect(issues[0]!.columnName).toBe('few');
  });

  it('reports every group up to the cap', () => {
    const results = audit(caseSpec('t.csv', [{ column: 'few' }]), table);
    expect(results.targets[0]!.groups).toHaveLength(1 + MAX_GROUPS - 1);
  });
});
