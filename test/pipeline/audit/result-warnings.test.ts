import { describe, expect, it } from 'vitest';

import type { AuditSpec, GroupSpec } from '../../../src/core/audit/spec.ts';
import { tableFromColumns } from '../../../src/core/audit/table.ts';
import { closestValue } from '../../../src/pipeline/audit/closest-value.ts';
import { resultWarnings } from '../../../src/pipeline/audit/result-warnings.ts';
import type { Problem } from '../../../src/pipeline/problems/problem.ts';
import { audit, caseSpec } from '../../core/audit/helpers.ts';

const n = 20;
const columns = {
  id: Array.from({ length: n }, (_, i) => `p${i}`),
  score: Array.from({ length: n }, (_, i) => (i === 19 ? '' : String((i + 1) / 25))),
  label: Array.from({ length: n }, (_, i) => (i === 3 || i === 6 ? '-1' : String(i % 2))),
  other: Array.from({ length: n }, (_, i) => String((i + 1) % 2)),
  sex: [...Array<string>(10).fill('Female'), ...Array<string>(6).fill('Male'), 'f', 'f', '', 'f'],
  race: [...Array<string>(12).fill('White'), ...Array<string>(8).fill('Black')],
  age: [
    ...['18', '25', '39', '40', '55', '69', '70', '80', '96', '17'],
    ...['unknown', '89+', '89+', '', '45', '50', '60', '65', '66', '67'],
  ],
};
const table = tableFromColumns('data.csv', columns);

function warnings(groups: GroupSpec[], change: (spec: AuditSpec) => void = () => {}): Problem[] {
  const spec = caseSpec('data.csv', groups);
  spec.targets[0]!.label = { column: 'label', positive: [1], negative: [0] };
  change(spec);
  return resultWarnings(audit(spec, table), spec, new Map([['data.csv', table]]));
}

function only(code: string, problems: Problem[]): Problem[] {
  return problems.filter((problem) => problem.code === code);
}

describe('AuditRowsUngrouped', () => {
  it('names the attribute, the counts, the values not listed and the values: line to write', () => {
    const [warning] = only(
      'AuditRowsUngrouped',
      warnings([{ column: 'sex', values: ['Female', 'Male'] }]),
    );
    expect(warning).toEqual({
      code: 'AuditRowsUngrouped',
      severity: 'warning',
      message:
        'sex: 3 of 17 rows of target "t" (18%) are in no group (value not listed: "f" ×2; blank: 1 row); they count in the whole sample only.',
      hint: 'To report them as groups, list them: `values: [Female, Male, f]`. Blank cells are missing values: fill them in where they are known.',
      file: 'data.csv',
      columnName: 'sex',
    });
  });

  it('for bins, names text values, the range outside the bins and edges that would cover it', () => {
    const [warning] = only('AuditRowsUngrouped', warnings([{ column: 'age', bins: [40, 50, 70] }]));
    expect(warning!.message).toBe(
      'age: 10 of 17 rows of target "t" (59%) are in no group (not a number: "89+" ×2, "unknown" ×1; outside the bins [40, 70]: 6 rows, from 17 to 96; blank: 1 row); they count in the whole sample only.',
    );
    expect(warning!.hint).toBe(
      'Bins need plain numbers such as 42: recode those values in the data (a blank cell counts as missing). ' +
        'To report them, widen the bins to cover 17 to 96, for example `bins: [17, 40, 50, 70, 96]`; each bin includes its lower edge, and only the last bin also its top edge. ' +
        'Blank cells are missing values: fill them in where they are known.',
    );
  });

  it('names a single value outside the bins once', () => {
    const [warning] = only('AuditRowsUngrouped', warnings([{ column: 'age', bins: [0, 90] }]));
    expect(warning!.message).toContain('outside the bins [0, 90]: 1 row, all 96');
    expect(warning!.hint).toContain('widen the bins to cover 96, for example `bins: [0, 90, 96]`');
  });

  it('says a value that differs only in case or spaces should be written as the data has it', () => {
    const [warning] = only(
      'AuditRowsUngrouped',
      warnings([{ column: 'race', values: ['white', 'Black'] }]),
    );
    expect(warning!.hint).toBe(
      '"White" differs from a listed value only in case or spaces (values compare exactly): write it in `values` as the data has it, or recode the data.',
    );
  });

  it('gives the count of every target, one warning per attribute', () => {
    const list = warnings([{ column: 'sex', values: ['Female', 'Male'] }], (spec) => {
      spec.targets.push({
        name: 'u',
        label: { column: 'other', positive: [1], negative: [0] },
        score: 'score',
      });
    });
    const ungrouped = only('AuditRowsUngrouped', list);
    expect(ungrouped).toHaveLength(1);
    expect(ungrouped[0]!.message).toMatch(
      /^sex: 3 of 17 rows of target "t" \(18%\) and 3 of 19 of target "u" \(16%\) are in no group/,
    );
  });

  it('says nothing when every row is in a group', () => {
    expect(only('AuditRowsUngrouped', warnings([{ column: 'race' }]))).toEqual([]);
  });
});

describe('AuditEmptyGroup', () => {
  it('suggests the closest value the column holds and lists the values with counts', () => {
    const [warning] = only(
      'AuditEmptyGroup',
      warnings([{ column: 'race', values: [' White', 'Black'] }]),
    );
    expect(warning).toMatchObject({
      message: 'No rows of target "t" are in the group race=" White"; its metrics are undefined.',
      hint: 'Did you mean "White"? Values compare exactly, case and spaces included. The column holds "White" ×12, "Black" ×8.',
      columnName: 'race',
    });
  });

  it('lists the values when none is close, and names every target when all miss the group', () => {
    const [warning] = only(
      'AuditEmptyGroup',
      warnings([{ column: 'sex', values: ['Female', 'Male', 'Other'] }], (spec) => {
        spec.targets.push({
          name: 'u',
          label: { column: 'other', positive: [1], negative: [0] },
          score: 'score',
        });
      }),
    );
    expect(warning!.message).toBe(
      'No rows of any target are in the group sex="Other"; its metrics are undefined.',
    );
    expect(warning!.hint).toBe(
      'The column holds "Female" ×10, "Male" ×6, "f" ×3, (blank) ×1. List values from these in `values:`.',
    );
  });

  it('says when the column holds the value but the target left those rows out', () => {
    const rows = tableFromColumns('data.csv', {
      ...columns,
      site: columns.id.map((_, i) => (i === 19 ? 'X' : 'Y')),
    });
    const spec = caseSpec('data.csv', [{ column: 'site', values: ['X', 'Y'] }]);
    const [warning] = only(
      'AuditEmptyGroup',
      resultWarnings(audit(spec, rows), spec, new Map([['data.csv', rows]])),
    );
    expect(warning!.hint).toBe(
      'The column holds "X" in 1 row, but the target left it out (see its excluded rows).',
    );
  });

  it('gives the range of the numbers for an empty bin', () => {
    const [warning] = only('AuditEmptyGroup', warnings([{ column: 'age', bins: [0, 10, 100] }]));
    expect(warning!.message).toBe(
      'No rows of target "t" are in the bin age [0, 10); its metrics are undefined.',
    );
    expect(warning!.hint).toBe(
      'The column\'s numbers run from 17 to 96 (besides "89+" ×2, "unknown" ×1, (blank) ×1); choose bin edges within that range. Each bin includes its lower edge, and only the last bin also its top edge.',
    );
  });
});

describe('AuditRowsExcluded', () => {
  it('with a negative list, names the labels in neither list and where they could go', () => {
    const [warning] = only('AuditRowsExcluded', warnings([]));
    expect(warning!.message).toBe(
      'Target "t": 3 rows left out (2 label "-1" neither positive nor negative, 1 score missing); the results list them.',
    );
    expect(warning!.hint).toBe(
      'The labels "-1" ×2 are in neither list (positive: [1], negative: [0]). If they mean uncertain or unknown, leaving them out is right; if they are negatives, write `negative: [0, -1]`, or `negative: rest` to count every value that is not positive as negative (blank included). ' +
        'Rows with a missing or non-finite score are left out (`invalidScores: exclude`); set `invalidScores: refuse` to stop on them instead.',
    );
  });

  it('with negative: rest, speaks only of the scores', () => {
    const [warning] = only(
      'AuditRowsExcluded',
      warnings([], (spec) => {
        spec.targets[0]!.label.negative = 'rest';
      }),
    );
    expect(warning!.hint).not.toContain('negative');
    expect(warning!.hint).toContain('invalidScores: refuse');
  });
});

describe('closestValue', () => {
  it('prefers a value equal but for case and spaces, then one within two edits', () => {
    expect(closestValue(' White', ['Black', 'White'])).toBe('White');
    expect(closestValue('female', ['Male', 'Female'])).toBe('Female');
    expect(closestValue('Wihte', ['Black', 'White'])).toBe('White');
    expect(closestValue('Other', ['Female', 'Male'])).toBeNull();
    expect(closestValue('f', ['Female', 'Male'])).toBeNull();
    expect(closestValue('M', ['F', 'U'])).toBeNull();
  });
});

describe('AuditBootstrapTooSmall', () => {
  it('warns once when intervals rest on too few replicates', () => {
    const few = warnings([], (spec) => {
      spec.bootstrap = { ...spec.bootstrap, replicates: 50, resample: 'rows' };
    });
    const found = only('AuditBootstrapTooSmall', few);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe(
      'The intervals rest on 50 bootstrap replicates: too few for percentile intervals to be trusted; read them as rough.',
    );
  });

  it('says nothing with enough replicates and rows resampled, or without a bootstrap', () => {
    const enough = warnings([], (spec) => {
      spec.bootstrap = { ...spec.bootstrap, replicates: 200, resample: 'rows' };
    });
    expect(only('AuditBootstrapTooSmall', enough)).toEqual([]);
    expect(only('AuditBootstrapTooSmall', warnings([]))).toEqual([]);
  });
});

describe('AuditEmptyComparison', () => {
  it('warns once per comparison side without rows, with the value probably meant', () => {
    const found = only(
      'AuditEmptyComparison',
      warnings([], (spec) => {
        spec.projections = [
          {
            data: 'data.csv',
            source: 'data',
            columns: ['score', 'other'],
            comparisons: [
              ['race=White', 'race=black'],
              ['sex=Female', 'sex=Male'],
              ['race=White', 'race=Asian'],
            ],
            family: 'all',
            adjust: 'BY',
          },
        ];
      }),
    );
    expect(found.map((warning) => [warning.message, warning.columnName])).toEqual([
      ['No row has race = "black", so the KS tests of "race=black" cannot be run.', 'race'],
      ['No row has race = "Asian", so the KS tests of "race=Asian" cannot be run.', 'race'],
    ]);
    expect(found[0]!.hint).toMatch(/^Did you mean "race=Black"\?/);
    expect(found[1]!.hint).toMatch(/^The column holds .*Compare values from these\.$/);
    expect(found.every((warning) => warning.severity === 'warning')).toBe(true);
  });
});
