import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import { checkColumns, closestNames, parseCsv, readCsv } from '../../../src/pipeline/csv/index.ts';

const cases = fileURLToPath(new URL('../../../../shared/cases/', import.meta.url));
const haveCases = existsSync(cases);

function table(text: string) {
  const parsed = parseCsv(text, 'data.csv');
  expect(parsed.problems).toEqual([]);
  return parsed.table!;
}

describe('parseCsv', () => {
  it('keeps quoted commas, quotes and line breaks inside a cell', () => {
    const t = table('a,b\n"x, y","say ""hi"""\n"two\nlines",3\n');
    expect(t.column('a')).toEqual(['x, y', 'two\nlines']);
    expect(t.column('b')).toEqual(['say "hi"', '3']);
    expect(Array.from(t.lines)).toEqual([2, 3]);
  });

  it('drops a byte-order mark and leaves no carriage return in values', () => {
    const t = table('\ufeffscore,label\r\n0.9,1\r\n0.1,0\r\n');
    expect(t.header).toEqual(['score', 'label']);
    expect(t.column('label')).toEqual(['1', '0']);
  });

  it('keeps empty cells as empty strings and skips blank lines', () => {
    const t = table('a,b\n1,\n\n,2\n');
    expect(t.column('a')).toEqual(['1', '']);
    expect(t.column('b')).toEqual(['', '2']);
    expect(t.rowCount).toBe(2);
    expect(Array.from(t.lines)).toEqual([2, 4]);
  });

  it('reports a ragged row by row and line and returns no table', () => {
    const parsed = parseCsv('a,b\n1,2\n3\n4,5,6\n', 'data.csv');
    expect(parsed.table).toBeNull();
    expect(parsed.problems.map((p) => [p.code, p.row, p.line, p.file])).toEqual([
      ['CsvRaggedRow', 2, 3, 'data.csv'],
      ['CsvRaggedRow', 3, 4, 'data.csv'],
    ]);
  });

  it('lists the first 20 ragged rows and counts the rest', () => {
    const text = 'a,b\n' + Array.from({ length: 25 }, () => '1\n').join('');
    const parsed = parseCsv(text, 'data.csv');
    expect(parsed.problems).toHaveLength(21);
    expect(parsed.problems.at(-1)?.message).toBe('5 more rows have the same kind of problem.');
  });

  it('numbers lines across CRLF and quoted line breaks', () => {
    const t = table('a,b\r\n"x\r\ny",1\r\nz,2\r\n');
    expect(Array.from(t.lines)).toEqual([2, 4]);
    expect(t.column('a')).toEqual(['x\r\ny', 'z']);
  });

  it('reads a file whose line ends change (rows appended with LF or CR to a CRLF file)', () => {
    const t = table('a,b\r\n"x\r\ny",1\r\nz,2\n"w\n""v""",3\ru,4\r\n');
    expect(t.column('a')).toEqual(['x\r\ny', 'z', 'w\n"v"', 'u']);
    expect(t.column('b')).toEqual(['1', '2', '3', '4']);
    expect(Array.from(t.lines)).toEqual([2, 4, 5, 7]);
  });

  it('reports an unterminated quote', () => {
    const parsed = parseCsv('a,b\n"x,1\n', 'data.csv');
    expect(parsed.table).toBeNull();
    expect(parsed.problems[0]?.code).toBe('CsvMalformed');
  });

  it('refuses an empty file', () => {
    expect(parseCsv('', 'e.csv').problems.map((p) => p.code)).toEqual(['CsvEmpty']);
    expect(parseCsv('\n\n', 'e.csv').problems.map((p) => p.code)).toEqual(['CsvEmpty']);
  });

  it('never guesses another delimiter for a one-column file', () => {
    const t = table('score\n0.5;1\n');
    expect(t.column('score')).toEqual(['0.5;1']);
  });

  it.each([
    ['semicolons', 'id;score;label\n1;0,9;1\n2;0,1;0\n', /separated by semicolons \(";"\)/],
    ['tabs', 'id\tscore\tlabel\n1\t0.9\t1\n', /separated by tabs/],
  ])('reports a file separated by %s once, not each row', (_, text, message) => {
    const parsed = parseCsv(text, 'data.csv');
    expect(parsed.table).toBeNull();
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({
      code: 'CsvWrongDelimiter',
      file: 'data.csv',
      line: 1,
    });
    expect(parsed.problems[0]?.message).toMatch(message);
    expect(parsed.problems[0]?.message).toContain('RFC 4180');
    expect(parsed.problems[0]?.hint).toMatch(/comma-separated/);
  });

  it('accepts a comma-separated header whose names hold a semicolon', () => {
    expect(table('id,dose; mg,label\n1,2,0\n').header).toEqual(['id', 'dose; mg', 'label']);
  });

  it('keeps a header without data rows as an empty table', () => {
    expect(table('a,b\n').rowCount).toBe(0);
  });
});

describe('readCsv', () => {
  it('refuses bytes that are not UTF-8', () => {
    const parsed = readCsv(new Uint8Array([0x61, 0x0a, 0xff, 0x0a]), 'bad.csv');
    expect(parsed.problems.map((p) => p.code)).toEqual(['CsvEncoding']);
  });

  it.skipIf(!haveCases)('case 11: BOM and CRLF', () => {
    const parsed = readCsv(readFileSync(cases + '11-bom-crlf.csv'), '11-bom-crlf.csv');
    expect(parsed.table?.header).toEqual(['score', 'label', 'sex']);
    expect(parsed.table?.column('label')).toEqual(['1', '0', '1', '0']);
    expect(parsed.table?.column('sex')).toEqual(['F', 'M', 'M', 'F']);
  });

  it.skipIf(!haveCases)(
    'case 12: a used duplicate header is an error naming both positions',
    () => {
      const parsed = readCsv(readFileSync(cases + '12-duplicate-headers.csv'), '12.csv');
      const t = parsed.table!;
      const problems = checkColumns(t, [
        { name: 'label', role: 'label' },
        { name: 'score', role: 'score of target "x"' },
      ]);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        code: 'CsvDuplicateHeader',
        severity: 'error',
        file: '12.csv',
        columnName: 'score',
        line: 1,
        column: 2,
      });
      expect(problems[0]?.message).toContain('positions 2 and 4');
      expect(() => t.column('score')).toThrow(TypeError);
    },
  );
});

describe('closestNames', () => {
  it('ranks by edit distance with case changes cheaper', () => {
    expect(closestNames('Logit - No Findin', ['Logit - No Finding', 'No Finding', 'age'])).toEqual([
      'Logit - No Finding',
    ]);
    expect(closestNames('xyz', ['race', 'sex'])).toEqual([]);
  });
});
