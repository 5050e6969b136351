/** Warnings about intersections and quantile bins (see result-warnings.test.ts for the rest). */
import { describe, expect, it } from 'vitest';

import type { GroupSpec } from '../../../src/core/audit/spec.ts';
import { tableFromColumns } from '../../../src/core/audit/table.ts';
import { resultWarnings } from '../../../src/pipeline/audit/result-warnings.ts';
import { audit, caseSpec } from '../../core/audit/helpers.ts';

const n = 12;
const table = tableFromColumns('data.csv', {
  id: Array.from({ length: n }, (_, i) => `p${i}`),
  score: Array.from({ length: n }, (_, i) => String((i + 1) / 20)),
  label: Array.from({ length: n }, (_, i) => String(i % 2)),
  race: [...Array<string>(8).fill('White'), 'Black', 'Black', 'Asian', ''],
  sex: [...Array<string>(4).fill('F'), ...Array<string>(6).fill('M'), 'M', 'M'],
  age: ['0', '1', '2', '3', '4', '5', '100', '100', '100', '100', '100', '100'],
});

function warnings(groups: GroupSpec[]) {
  const spec = caseSpec('data.csv', groups);
  return resultWarnings(audit(spec, table), spec, new Map([['data.csv', table]]));
}

describe('warnings about intersections', () => {
  const race: GroupSpec = { column: 'race', values: ['White', 'Black'] };
  const sex: GroupSpec = { column: 'sex', values: ['F', 'M'] };

  it('names the empty combinations once per intersection', () => {
    const empty = warnings([race, sex, { intersect: ['race', 'sex'] }]).filter(
      (problem) => problem.code === 'AuditEmptyGroup',
    );
    expect(empty).toHaveLength(1);
    expect(empty[0]!.message).toBe(
      'race & sex: 1 of 4 combinations hold no rows of target "t" ("Black" & "F"); their metrics are undefined.',
    );
    expect(empty[0]!.hint).toMatch(/lists every combination/);
  });

  it('warns about rows in no group at the attributes only, not again at the intersection', () => {
    const ungrouped = warnings([race, sex, { intersect: ['race', 'sex'] }]).filter(
      (problem) => problem.code === 'AuditRowsUngrouped',
    );
    expect(ungrouped.map((problem) => problem.columnName)).toEqual(['race']);
  });
});

describe('warnings about quantile bins', () => {
  it('names an empty quantile bin and suggests fewer quantiles', () => {
    // Twelve rows cut in 20: edges 0.55 apart between the values 0, 1, …, 5 leave some bins
    // (such as [1.1, 1.65)) without a row.
    const empty = warnings([{ column: 'age', quantiles: 20 }]).filter(
      (problem) => problem.code === 'AuditEmptyGroup',
    );
    expect(empty).toHaveLength(4);
    expect(empty[0]!.message).toBe(
      'No rows of target "t" are in the quantile bin age Q3 [1.1, 1.65); its metrics are undefined.',
    );
    expect(empty[0]!.hint).toBe(
      'Quantile edges are interpolated between the values; with few rows or few distinct values, some of the 20 bins can hold none. Ask for fewer `quantiles`, or give fixed `bins`.',
    );
  });
});
