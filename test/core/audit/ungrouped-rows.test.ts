import { describe, expect, it } from 'vitest';

import type { UngroupedRows } from '../../../src/core/audit/results.ts';
import { tableFromColumns } from '../../../src/core/audit/table.ts';
import { MAX_UNGROUPED_VALUES } from '../../../src/core/audit/ungrouped-rows.ts';
import { audit, caseSpec, group } from './helpers.ts';

const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
const data = {
  id: ids,
  score: ['0.9', '0.8', '0.7', '0.6', '0.5', '0.4', '0.3', '0.2', '0.1', ''],
  label: ['1', '0', '1', '0', '1', '0', '1', '0', '1', '0'],
  sex: ['Female', 'f', 'Male', 'f', '', 'female', 'Male', ' ', 'Female', 'f'],
  age: ['18', '39.9', '80', '80.5', 'unknown', '89+', '', 'inf', '17', '120'],
};
const table = tableFromColumns('t.csv', data);

function ungrouped(groups: Parameters<typeof caseSpec>[1]): UngroupedRows[] {
  return audit(caseSpec('t.csv', groups), table).targets[0]!.ungrouped;
}

describe('rows in no group of an attribute', () => {
  it('counts values the spec does not list, most frequent first, and blanks apart', () => {
    expect(ungrouped([{ column: 'sex', values: ['Female', 'Male'] }])).toEqual([
      {
        attribute: 'sex',
        reason: 'value not listed',
        count: 3,
        values: [
          { value: 'f', count: 2 },
          { value: 'female', count: 1 },
        ],
        distinctValues: 2,
        examples: ['b', 'd', 'f'],
      },
      {
        attribute: 'sex',
        reason: 'blank',
        count: 2,
        values: [
          { value: '', count: 1 },
          { value: ' ', count: 1 },
        ],
        distinctValues: 2,
        examples: ['e', 'h'],
      },
    ]);
  });

  it('counts only the rows the target uses (row j, without a score, is left out)', () => {
    const [notListed] = ungrouped([{ column: 'sex', values: ['Female', 'Male'] }]);
    expect(notListed!.examples).not.toContain('j');
  });

  it('keeps those rows in the whole sample and in the groups of other attributes', () => {
    const results = audit(
      caseSpec('t.csv', [{ column: 'sex', values: ['Female', 'Male'] }, { column: 'sex' }]),
      table,
    );
    expect(group(results, 'all', 'all').n).toBe(9);
    expect(group(results, 'sex', 'f').n).toBe(2);
  });

  it('splits a binned attribute into text, numbers outside the bins (with their range) and blanks', () => {
    expect(ungrouped([{ column: 'age', bins: [18, 40, 80] }])).toEqual([
      {
        attribute: 'age',
        reason: 'not a number',
        count: 3,
        values: [
          { value: 'unknown', count: 1 },
          { value: '89+', count: 1 },
          { value: 'inf', count: 1 },
        ],
        distinctValues: 3,
        examples: ['e', 'f', 'h'],
      },
      {
        attribute: 'age',
        reason: 'outside the bins',
        count: 2,
        values: [
          { value: '80.5', count: 1 },
          { value: '17', count: 1 },
        ],
        distinctValues: 2,
        range: { min: 17, max: 80.5 },
        examples: ['d', 'i'],
      },
      {
        attribute: 'age',
        reason: 'blank',
        count: 1,
        values: [{ value: '', count: 1 }],
        distinctValues: 1,
        examples: ['g'],
      },
    ]);
  });

  it('counts the top edge of the last bin in it, not as outside', () => {
    const outside = ungrouped([{ column: 'age', bins: [18, 40, 80] }]).find(
      (entry) => entry.reason === 'outside the bins',
    );
    expect(outside!.values.map((entry) => entry.value)).not.toContain('80');
  });

  it('is empty for an attribute without values, whose groups take every value', () => {
    expect(ungrouped([{ column: 'sex' }])).toEqual([]);
  });

  it('lists attributes in spec order', () => {
    const entries = ungrouped([
      { column: 'age', bins: [0, 200] },
      { column: 'sex', values: ['Female', 'Male', 'f', 'female'] },
    ]);
    expect(entries.map((entry) => [entry.attribute, entry.reason])).toEqual([
      ['age', 'not a number'],
      ['age', 'blank'],
      ['sex', 'blank'],
    ]);
  });

  it('names rows by number without an id column, and cuts long value lists', () => {
    const n = MAX_UNGROUPED_VALUES + 5;
    const wide = tableFromColumns('t.csv', {
      score: Array.from({ length: n }, (_, i) => String(i / n)),
      label: Array.from({ length: n }, (_, i) => String(i % 2)),
      site: Array.from({ length: n }, (_, i) => `s${i}`),
    });
    const spec = caseSpec('t.csv', [{ column: 'site', values: ['s0'] }]);
    delete spec.id;
    const [entry] = audit(spec, wide).targets[0]!.ungrouped;
    expect(entry!.count).toBe(n - 1);
    expect(entry!.values).toHaveLength(MAX_UNGROUPED_VALUES);
    expect(entry!.distinctValues).toBe(n - 1);
    expect(entry!.examples.slice(0, 3)).toEqual(['2', '3', '4']);
  });

  it('names each patient once in the examples when a patient has several rows', () => {
    const patients = tableFromColumns('t.csv', {
      id: ['P1', 'P1', 'P1', 'P2', 'P2', 'P3'],
      score: ['0.9', '0.8', '0.7', '0.6', '0.5', '0.4'],
      label: ['1', '0', '1', '0', '1', '0'],
      age: ['89+', '89+', '89+', '89+', '50', '89+'],
    });
    const [entry] = audit(caseSpec('t.csv', [{ column: 'age', bins: [18, 90] }]), patients)
      .targets[0]!.ungrouped;
    expect(entry!.count).toBe(5);
    expect(entry!.examples).toEqual(['P1', 'P2', 'P3']);
  });
});
