/**
 * Group values are reported as written: a blank cell, `Unknown` and ` White` (leading space)
 * are never merged with another value, trimmed, or dropped without a word, alone or in an
 * intersection.
 */
import { describe, expect, it } from 'vitest';

import type { GroupSpec } from '../../../src/core/audit/spec.ts';
import { tableFromColumns } from '../../../src/core/audit/table.ts';
import { audit, caseSpec } from './helpers.ts';

const race = [
  'White',
  ' White',
  'White ',
  'Unknown',
  '',
  ' ',
  'Black',
  'White',
  'unknown',
  'Black',
];
const table = tableFromColumns('t.csv', {
  id: race.map((_, i) => `r${i}`),
  score: race.map((_, i) => String(1 - i / 10)),
  label: race.map((_, i) => (i % 2 === 0 ? '1' : '0')),
  race,
  sex: ['F', 'M', 'F', 'M', 'F', 'M', 'F', 'M', 'F', 'M'],
});

function run(groups: GroupSpec[]) {
  return audit(caseSpec('t.csv', groups), table).targets[0]!;
}

describe('group values as written', () => {
  it('makes every distinct value found its own group, blank and spaces included', () => {
    const target = run([{ column: 'race' }]);
    expect(target.groups.slice(1).map((one) => [one.value, one.n])).toEqual([
      [' ', 1],
      [' White', 1],
      ['Black', 2],
      ['Unknown', 1],
      ['White', 2],
      ['White ', 1],
      ['unknown', 1],
      ['', 1],
    ]);
    expect(target.ungrouped).toEqual([]);
  });

  it('matches listed values exactly and reports the near misses by value', () => {
    const target = run([{ column: 'race', values: ['White', 'Unknown', ''] }]);
    expect(target.groups.slice(1).map((one) => [one.value, one.n])).toEqual([
      ['White', 2],
      ['Unknown', 1],
      ['', 1],
    ]);
    expect(target.ungrouped.map((entry) => [entry.reason, entry.values])).toEqual([
      [
        'value not listed',
        [
          { value: 'Black', count: 2 },
          { value: ' White', count: 1 },
          { value: 'White ', count: 1 },
          { value: 'unknown', count: 1 },
        ],
      ],
      ['blank', [{ value: ' ', count: 1 }]],
    ]);
  });

  it('keeps them apart in an intersection, each component as written', () => {
    const target = run([{ column: 'race' }, { column: 'sex' }, { intersect: ['race', 'sex'] }]);
    const groups = target.groups.filter((one) => one.attribute === 'race & sex' && one.n > 0);
    expect(groups.map((one) => one.components!.map((part) => part.value))).toEqual([
      [' ', 'M'],
      [' White', 'M'],
      ['Black', 'F'],
      ['Black', 'M'],
      ['Unknown', 'M'],
      ['White', 'F'],
      ['White', 'M'],
      ['White ', 'F'],
      ['unknown', 'F'],
      ['', 'F'],
    ]);
    expect(groups.map((one) => one.value)).toContain(' White & M');
    expect(groups.map((one) => one.value)).toContain(' & F');
    expect(groups.reduce((sum, one) => sum + one.n, 0)).toBe(race.length);
  });

  it('reports rows of an intersection whose value is not listed, as written', () => {
    const target = run([
      { column: 'race', values: ['White', 'Black'] },
      { column: 'sex' },
      { intersect: ['race', 'sex'] },
    ]);
    const entry = target.ungrouped.find(
      (one) => one.attribute === 'race & sex' && one.reason === 'value not listed',
    );
    expect(entry?.component).toBe('race');
    expect(entry?.values.map((one) => one.value)).toEqual([
      ' White',
      'White ',
      'Unknown',
      'unknown',
    ]);
  });
});
