import { describe, expect, it } from 'vitest';

import { checkColumns, wrongDelimiter } from '../../../src/pipeline/csv/index.ts';

const csv = (header: string[]) => ({ path: 'content/m/1.0/data.csv', header });
const unnamed = csv(['', 'Unnamed: 0', 'Unnamed: 0', 'race', 'age']);

describe('checkColumns', () => {
  it('accepts repeated names that the spec does not use', () => {
    expect(checkColumns(unnamed, [{ name: 'race', role: 'group' }])).toEqual([]);
  });

  it('names the closest existing columns when one is missing, and the file', () => {
    const problems = checkColumns(unnamed, [{ name: 'Race', role: 'group', pointer: '/groups/0' }]);
    expect(problems).toEqual([
      {
        code: 'CsvMissingColumn',
        severity: 'error',
        message: 'Column "Race" (group) is not in content/m/1.0/data.csv.',
        hint: 'Did you mean "race", "age"?',
        file: 'content/m/1.0/data.csv',
        columnName: 'Race',
        pointer: '/groups/0',
      },
    ]);
  });

  it('locates a problem at the name in the spec when told where it is written', () => {
    const place = { file: 'content/m/1.0/audit.yaml', line: 6, column: 12 };
    const problems = checkColumns(
      csv(['id', 'malignancy_score']),
      [
        {
          name: 'malignancy_scroe',
          role: 'score of target "M"',
          pointer: '/targets/0/score',
          place,
        },
      ],
      'predictions.csv',
    );
    expect(problems[0]).toMatchObject({ ...place, pointer: '/targets/0/score' });
    expect(problems[0]?.message).toBe(
      'Column "malignancy_scroe" (score of target "M") is not in predictions.csv.',
    );
    expect(problems[0]?.hint).toBe('Did you mean "malignancy_score"?');
  });

  it('names every 1-based position of a used repeated name', () => {
    const problems = checkColumns(unnamed, [{ name: 'Unnamed: 0', role: 'row id' }]);
    expect(problems[0]).toMatchObject({ code: 'CsvDuplicateHeader', line: 1, column: 2 });
    expect(problems[0]?.message).toContain('at positions 2 and 3');
  });

  it('reports each name once', () => {
    const uses = [
      { name: 'sex', role: 'a' },
      { name: 'sex', role: 'b' },
    ];
    expect(checkColumns(unnamed, uses)).toHaveLength(1);
  });

  it('reports a header far shorter than the names used, holding semicolons, once', () => {
    const uses = ['id', 'score', 'label', 'sex'].map((name) => ({ name, role: 'x' }));
    const problems = checkColumns(csv(['id', 'score;label;sex']), uses);
    expect(problems.map((found) => [found.code, found.file, found.line])).toEqual([
      ['CsvWrongDelimiter', 'content/m/1.0/data.csv', 1],
    ]);
  });
});

describe('wrongDelimiter', () => {
  it('recognizes one field holding semicolons or tabs', () => {
    expect(wrongDelimiter(['a;b;c'])).toBe(';');
    expect(wrongDelimiter(['a\tb'])).toBe('\t');
    expect(wrongDelimiter(['a;b\tc\td'])).toBe('\t');
  });

  it('leaves comma-separated headers alone, also with a semicolon in one name', () => {
    expect(wrongDelimiter(['score'])).toBeNull();
    expect(wrongDelimiter(['id', 'dose; mg', 'label'])).toBeNull();
    expect(wrongDelimiter([])).toBeNull();
  });

  it('recognizes a used name that only splitting at the delimiter gives back', () => {
    expect(wrongDelimiter(['id', 'x', 'score;label'])).toBeNull();
    expect(wrongDelimiter(['id', 'x', 'score;label'], ['id', 'label'])).toBe(';');
  });
});
