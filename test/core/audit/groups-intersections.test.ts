import { describe, expect, it } from 'vitest';

import type { GroupResult } from '../../../src/core/audit/results.ts';
import type { GroupSpec } from '../../../src/core/audit/spec.ts';
import { tableFromColumns } from '../../../src/core/audit/table.ts';
import { audit, caseSpec, estimate, group } from './helpers.ts';

// Twelve rows; row l has no score, so the target uses the first eleven.
const table = tableFromColumns('t.csv', {
  id: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'],
  score: ['0.9', '0.8', '0.7', '0.6', '0.5', '0.4', '0.3', '0.2', '0.1', '0.15', '0.35', ''],
  label: ['1', '0', '1', '0', '1', '0', '1', '0', '1', '0', '1', '1'],
  race: [
    'White',
    'White',
    'Black',
    'Black',
    'White',
    ' White',
    '',
    'Black',
    'White',
    'Unknown',
    '',
    'Black',
  ],
  sex: ['F', 'M', 'F', 'M', 'M', 'F', 'F', 'F', '', 'M', '', 'M'],
  age: ['20', '30', '45', '50', '65', '70', '25', '42', '61', '33', '90', '50'],
});

const race: GroupSpec = { column: 'race', values: ['White', 'Black'] };
const sex: GroupSpec = { column: 'sex', values: ['F', 'M'] };

function groupsOf(groups: GroupSpec[], attribute: string): GroupResult[] {
  const results = audit(caseSpec('t.csv', groups), table);
  return results.targets[0]!.groups.filter((one) => one.attribute === attribute);
}

const counts = (groups: GroupResult[]) =>
  groups.map((one) => [one.value, one.n, one.positives, one.negatives]);

describe('intersections of attributes', () => {
  it('lists every combination, first attribute slowest, with its own counts', () => {
    const groups = groupsOf([race, sex, { intersect: ['race', 'sex'] }], 'race & sex');
    expect(counts(groups)).toEqual([
      ['White & F', 1, 1, 0],
      ['White & M', 2, 1, 1],
      ['Black & F', 2, 1, 1],
      ['Black & M', 1, 0, 1],
    ]);
    expect(groups[0]!.components).toEqual([
      { attribute: 'race', value: 'White' },
      { attribute: 'sex', value: 'F' },
    ]);
  });

  it('gives an intersection group the same metrics as the rows selected by hand', () => {
    const both = audit(caseSpec('t.csv', [race, sex, { intersect: ['race', 'sex'] }]), table);
    const byHand = audit(
      caseSpec('t.csv', [{ column: 'pair', values: ['White/M'] }], {}),
      tableFromColumns('t.csv', {
        ...Object.fromEntries(['id', 'score', 'label'].map((name) => [name, table.column(name)!])),
        pair: table.column('race')!.map((r, i) => `${r}/${table.column('sex')![i]}`),
      }),
    );
    const mine = group(both, 'race & sex', 'White & M');
    const theirs = group(byHand, 'pair', 'White/M');
    expect([mine.n, mine.positives, mine.negatives]).toEqual([
      theirs.n,
      theirs.positives,
      theirs.negatives,
    ]);
    for (const name of ['auc', 'tpr', 'fpr', 'youden'] as const) {
      expect(estimate(mine.metrics[name])).toEqual(estimate(theirs.metrics[name]));
    }
  });

  it('shows a combination without rows, with undefined metrics', () => {
    const ages: GroupSpec = { column: 'age', bins: [18, 40, 100] };
    const groups = groupsOf([ages, sex, { intersect: ['age', 'sex'] }], 'age & sex');
    expect(counts(groups)).toEqual([
      ['[18, 40) & F', 2, 2, 0],
      ['[18, 40) & M', 2, 0, 2],
      ['[40, 100] & F', 3, 1, 2],
      ['[40, 100] & M', 2, 1, 1],
    ]);
    const sparse = groupsOf(
      [
        { column: 'race', values: ['White', 'Black', 'Asian'] },
        sex,
        { intersect: ['race', 'sex'] },
      ],
      'race & sex',
    );
    const asian = sparse.find((one) => one.value === 'Asian & F')!;
    expect([asian.n, asian.metrics.auc]).toEqual([0, { estimate: null, reason: 'no rows' }]);
  });

  it('marks the reference combination and measures the others against it', () => {
    const groups = groupsOf(
      [race, sex, { intersect: ['race', 'sex'], reference: ['White', 'M'] }],
      'race & sex',
    );
    expect(groups.filter((one) => one.reference).map((one) => one.value)).toEqual(['White & M']);
    const blackF = groups.find((one) => one.value === 'Black & F')!;
    const whiteM = groups.find((one) => one.value === 'White & M')!;
    expect(estimate(blackF.metrics.tprDifference)).toBeCloseTo(
      estimate(blackF.metrics.tpr)! - estimate(whiteM.metrics.tpr)!,
      15,
    );
  });

  it('adds a reference combination absent from the data as a group without rows', () => {
    const groups = groupsOf(
      [{ column: 'race' }, sex, { intersect: ['race', 'sex'], reference: ['Asian', 'F'] }],
      'race & sex',
    );
    const last = groups.at(-1)!;
    expect([last.value, last.n, last.reference]).toEqual(['Asian & F', 0, true]);
  });

  it('leaves out rows in no group of an attribute and reports them by attribute', () => {
    const results = audit(caseSpec('t.csv', [race, sex, { intersect: ['race', 'sex'] }]), table);
    const target = results.targets[0]!;
    const entries = target.ungrouped.filter((entry) => entry.attribute === 'race & sex');
    // Row k lacks both race and sex: it counts under race, the first attribute, only.
    expect(
      entries.map((entry) => [entry.component, entry.reason, entry.count, entry.examples]),
    ).toEqual([
      ['race', 'value not listed', 2, ['f', 'j']],
      ['race', 'blank', 2, ['g', 'k']],
      ['sex', 'blank', 1, ['i']],
    ]);
    const inGroups = target.groups
      .filter((one) => one.attribute === 'race & sex')
      .reduce((sum, one) => sum + one.n, 0);
    const left = entries.reduce((sum, entry) => sum + entry.count, 0);
    expect(inGroups + left).toBe(group(results, 'all', 'all').n);
  });

  it('keeps the attributes’ own groups and ungrouped rows as they were', () => {
    const alone = audit(caseSpec('t.csv', [race, sex]), table).targets[0]!;
    const along = audit(caseSpec('t.csv', [race, sex, { intersect: ['race', 'sex'] }]), table)
      .targets[0]!;
    expect(along.groups.slice(0, alone.groups.length)).toEqual(alone.groups);
    expect(along.ungrouped.filter((entry) => entry.attribute !== 'race & sex')).toEqual(
      alone.ungrouped,
    );
  });

  it('combines three attributes, the intersection written before its attributes', () => {
    const ages: GroupSpec = { column: 'age', quantiles: 2 };
    const groups = groupsOf(
      [{ intersect: ['race', 'sex', 'age'] }, race, sex, ages],
      'race & sex & age',
    );
    expect(groups).toHaveLength(8);
    expect(groups[0]!.value).toBe('White & F & Q1 [20, 47.5)');
    expect(groups.reduce((sum, one) => sum + one.n, 0)).toBe(6);
  });
});
