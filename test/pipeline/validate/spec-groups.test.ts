import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkAuditSpec } from '../../../src/pipeline/validate/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'auditcard-groups-'));
writeFileSync(
  join(dir, 'predictions.csv'),
  'effusion,score,race,sex,age,site\n1,0.9,White,F,40,a\n0,0.1,Black,M,70,b\n',
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const head = `data: predictions.csv
targets:
  - name: Effusion
    label: { column: effusion, positive: [1], negative: [0] }
    score: score
groups:
`;

/** Checks a spec whose groups are the given lines (the first group is on line 7). */
function check(...groups: string[]) {
  return checkAuditSpec(
    `${head}${groups.map((line) => `  - ${line}\n`).join('')}`,
    'audit.yaml',
    dir,
  );
}

/** The only problem, with its place, message and hint. */
function only(...groups: string[]) {
  const { spec, problems } = check(...groups);
  expect(spec).toBeNull();
  expect(problems).toHaveLength(1);
  const [found] = problems;
  return {
    code: found!.code,
    at: `${found!.line}:${found!.column}`,
    pointer: found!.pointer,
    message: found!.message,
    hint: found!.hint,
  };
}

describe('group specs that are fine', () => {
  it('reads quantiles, intersections and their references', () => {
    const { spec, problems } = check(
      '{ column: race, values: [White, Black], reference: White }',
      '{ column: sex, values: [F, M] }',
      '{ column: age, quantiles: 4, reference: Q1 }',
      "{ column: site, bins: [0, 1, 2], reference: '[1, 2]' }",
      '{ intersect: [race, sex], reference: [Black, F] }',
      "{ intersect: [age, sex, site], reference: [Q4, M, '[0, 1)'] }",
    );
    expect(problems).toEqual([]);
    expect(spec?.groups).toEqual([
      { column: 'race', values: ['White', 'Black'], reference: 'White' },
      { column: 'sex', values: ['F', 'M'] },
      { column: 'age', quantiles: 4, reference: 'Q1' },
      { column: 'site', bins: [0, 1, 2], reference: '[1, 2]' },
      { intersect: ['race', 'sex'], reference: ['Black', 'F'] },
      { intersect: ['age', 'sex', 'site'], reference: ['Q4', 'M', '[0, 1)'] },
    ]);
  });

  it('lets an intersection come before its attributes, and leaves found values unchecked', () => {
    const { spec, problems } = check(
      '{ intersect: [race, sex], reference: [Asian, F] }',
      '{ column: race }',
      '{ column: sex }',
    );
    expect(problems).toEqual([]);
    expect(spec?.groups[0]).toEqual({ intersect: ['race', 'sex'], reference: ['Asian', 'F'] });
  });

  it.each([
    ['30', { n: 30, positives: 10, negatives: 10 }],
    ['{ n: 50, positives: 5 }', { n: 50, positives: 5, negatives: 10 }],
    ['0', { n: 0, positives: 10, negatives: 10 }],
  ])('reads minGroupSize: %s', (written, expected) => {
    const { spec, problems } = checkAuditSpec(
      `${head}  - { column: race }\nminGroupSize: ${written}\n`,
      'audit.yaml',
      dir,
    );
    expect(problems).toEqual([]);
    expect(spec?.minGroupSize).toEqual(expected);
  });

  it('fills the default minGroupSize', () => {
    expect(check('{ column: race }').spec?.minGroupSize).toEqual({
      n: 30,
      positives: 10,
      negatives: 10,
    });
  });
});

describe('located problems of group specs', () => {
  it('refuses fewer than two quantiles, with the schema’s hint', () => {
    expect(only('{ column: age, quantiles: 1 }')).toEqual({
      code: 'SpecSchemaViolation',
      at: '7:31',
      pointer: '/groups/0/quantiles',
      message: '/groups/0/quantiles: must be at least 2, found 1',
      hint: "The number of bins cut at the sample's quantiles of a numeric column, from 2 to 100, such as 4 for quartiles.",
    });
  });

  it('refuses quantiles beside bins or values', () => {
    expect(only('{ column: age, bins: [0, 50, 100], quantiles: 4 }')).toMatchObject({
      at: '7:5',
      message: '/groups/0: gives both "bins" and "quantiles"; a group is cut one way',
      hint: 'Keep "values" for a column of categories, "bins" for fixed edges of a numeric column, or "quantiles" for edges at its sample quantiles.',
    });
  });

  it('refuses a group column named "all", the whole sample\'s name in the results', () => {
    expect(only('{ column: all }')).toMatchObject({
      code: 'SpecInconsistent',
      at: '7:15',
      pointer: '/groups/0/column',
      message:
        '/groups/0/column: a group column cannot be named "all", the name the results give the whole sample',
    });
  });

  it('refuses a group with neither column nor intersect', () => {
    expect(only('{ values: [a] }')).toMatchObject({
      code: 'SpecInconsistent',
      at: '7:5',
      message:
        '/groups/0: a group needs "column" (one attribute) or "intersect" (a combination of attributes)',
    });
  });

  it('refuses an intersect naming a column that is not a group, with the near name', () => {
    expect(only('{ column: race }', '{ column: sex }', '{ intersect: [race, sx] }')).toEqual({
      code: 'SpecInconsistent',
      at: '9:25',
      pointer: '/groups/2/intersect/1',
      message: '/groups/2/intersect/1: "sx" is not a group column of this spec',
      hint:
        'Did you mean "sex"? An intersection combines attributes defined in `groups`: add ' +
        '{ column: sx } (with its values, bins or quantiles) to groups. Group columns: "race", "sex".',
    });
  });

  it('refuses an intersect naming a column that is neither a group nor in the CSV', () => {
    const found = only('{ column: race }', '{ intersect: [race, ethnicity] }');
    expect(found.pointer).toBe('/groups/1/intersect/1');
    expect(found.message).toBe(
      '/groups/1/intersect/1: "ethnicity" is not a group column of this spec',
    );
  });

  it('reports a group column missing from the CSV at the group, not again at the intersection', () => {
    const { problems } = check(
      '{ column: race }',
      '{ column: ethnicity }',
      '{ intersect: [race, ethnicity] }',
    );
    expect(problems.map((found) => [found.code, found.pointer])).toEqual([
      ['CsvMissingColumn', '/groups/1/column'],
    ]);
  });

  it('refuses an intersection of one attribute, or with keys of a column group', () => {
    expect(only('{ column: race }', '{ intersect: [race] }')).toMatchObject({
      pointer: '/groups/1/intersect',
      message: '/groups/1/intersect: an intersection needs at least two attributes, found 1',
      hint: 'race alone is already reported by its own group; list another attribute, such as [race, sex].',
    });
    expect(
      only('{ column: race }', '{ column: sex }', '{ intersect: [race, sex], values: [a] }'),
    ).toMatchObject({
      pointer: '/groups/2/values',
      message:
        '/groups/2/values: "values" does not apply to an intersection, which combines the groups of its attributes',
    });
  });

  it('refuses the same intersection twice, in any order', () => {
    expect(
      only(
        '{ column: race }',
        '{ column: sex }',
        '{ intersect: [race, sex] }',
        '{ intersect: [sex, race] }',
      ),
    ).toMatchObject({
      pointer: '/groups/3/intersect',
      message:
        '/groups/3/intersect: the attribute "sex & race" is already defined at /groups/2/intersect',
    });
  });

  it('asks for a list when an intersection’s reference is written as text', () => {
    expect(
      only(
        '{ column: race }',
        '{ column: sex }',
        "{ intersect: [race, sex], reference: 'White & M' }",
      ),
    ).toEqual({
      code: 'SpecInconsistent',
      at: '9:42',
      pointer: '/groups/2/reference',
      message:
        '/groups/2/reference: the reference of an intersection lists one group of each attribute, found the text "White & M"',
      hint: 'Write it as a list, in the order of intersect, such as reference: [White, M] (values may themselves hold "&").',
    });
  });

  it('puts the values of a text reference in the order of intersect in its hint', () => {
    const found = only(
      '{ column: race, values: [White, Black] }',
      '{ column: sex, values: [Female, Male] }',
      "{ intersect: [sex, race], reference: 'White & Male' }",
    );
    expect(found.hint).toBe(
      'Write it as a list, in the order of intersect, such as reference: [Male, White] (values may themselves hold "&").',
    );
  });

  it('refuses a reference of the wrong length, or naming no group of its attribute', () => {
    const columns = ['{ column: race, values: [White, Black] }', '{ column: sex, values: [F, M] }'];
    expect(only(...columns, '{ intersect: [race, sex], reference: [White] }')).toMatchObject({
      pointer: '/groups/2/reference',
      message:
        '/groups/2/reference: the reference lists 1 group, but the intersection has 2 attributes',
      hint: 'List one group of each, in this order: race, sex.',
    });
    expect(only(...columns, '{ intersect: [race, sex], reference: [Whit, M] }')).toEqual({
      code: 'SpecInconsistent',
      at: '9:43',
      pointer: '/groups/2/reference/0',
      message: '/groups/2/reference/0: reference "Whit" is not among the values of race',
      hint: 'Did you mean "White"? Values: "White", "Black".',
    });
  });

  it('refuses a bins reference that is not a bin label, showing the labels to write', () => {
    expect(only('{ column: age, bins: [18, 40, 60], reference: 18–40 }')).toEqual({
      code: 'SpecInconsistent',
      at: '7:51',
      pointer: '/groups/0/reference',
      message: '/groups/0/reference: reference "18–40" is not one of the bins',
      hint: "Did you mean '[18, 40)'? Bins: '[18, 40)', '[40, 60]'; write the label in quotes, such as reference: '[18, 40)'.",
    });
  });

  it('refuses a quantiles reference other than Q1 … Qk', () => {
    expect(only('{ column: age, quantiles: 4, reference: Q5 }')).toMatchObject({
      pointer: '/groups/0/reference',
      message: '/groups/0/reference: reference "Q5" is not one of Q1 … Q4',
    });
    expect(only('{ column: age, quantiles: 4, reference: lowest }').hint).toMatch(
      /Q1 is the lowest/,
    );
  });

  it('refuses a list reference on a group of one column', () => {
    expect(only('{ column: race, values: [White], reference: [White] }')).toMatchObject({
      pointer: '/groups/0/reference',
      message: '/groups/0/reference: a group of one column has one reference value, not a list',
      hint: 'Write reference: White; a list is the reference of an intersection.',
    });
  });

  it('refuses an unknown key of minGroupSize, naming the allowed ones', () => {
    const { problems } = checkAuditSpec(
      `${head}  - { column: race }\nminGroupSize: { n: 30, cases: 5 }\n`,
      'audit.yaml',
      dir,
    );
    expect(problems.map((found) => [found.code, found.pointer])).toEqual([
      ['SpecSchemaViolation', '/minGroupSize/cases'],
    ]);
    expect(problems[0]?.message).toBe('/minGroupSize: unknown key "cases"');
    expect(problems[0]?.hint).toBe('Allowed keys here: n, positives, negatives.');
  });
});
