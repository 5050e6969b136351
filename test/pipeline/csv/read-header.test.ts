import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { readCsvHeader } from '../../../src/pipeline/csv/index.ts';

const scratch = mkdtempSync(join(tmpdir(), 'auditcard-header-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array): string {
  const file = join(scratch, name);
  writeFileSync(file, content);
  return file;
}

describe('readCsvHeader', () => {
  it('reads the header and no rows', () => {
    const parsed = readCsvHeader(write('plain.csv', 'id,score,label\n1,0.5,1\n'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.table?.header).toEqual(['id', 'score', 'label']);
    expect(parsed.table?.rowCount).toBe(0);
  });

  it('stops at the header: problems in later rows are left to the audit', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `${i},0.5`).join('\n');
    const file = write('ragged.csv', `id,score,label\n${rows}\n"unterminated\n`);
    expect(readCsvHeader(file)).toMatchObject({
      problems: [],
      table: { header: ['id', 'score', 'label'] },
    });
  });

  it('drops a byte-order mark and CR, skips blank lines, keeps a quoted line break', () => {
    const file = write('bom.csv', '\ufeff\r\n\r\nscore,"two\r\nlines",sex\r\n0.1,2,F\r\n');
    expect(readCsvHeader(file).table?.header).toEqual(['score', 'two\r\nlines', 'sex']);
  });

  it('reads a header longer than one chunk', () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `column_${i}`);
    const file = write('wide.csv', `${names.join(',')}\n${names.map(() => '1').join(',')}\n`);
    expect(readCsvHeader(file).table?.header).toHaveLength(20_000);
  });

  it('reads a file without a final line break', () => {
    expect(readCsvHeader(write('short.csv', 'a,b')).table?.header).toEqual(['a', 'b']);
  });

  it.each([
    ['empty.csv', '', 'CsvEmpty'],
    ['blank.csv', '\n\n', 'CsvEmpty'],
    ['semicolon.csv', 'id;score;label\n1;0,5;1\n', 'CsvWrongDelimiter'],
    ['latin1.csv', new Uint8Array([0x61, 0xe9, 0x0a, 0x31, 0x0a]), 'CsvEncoding'],
  ])('reports %s as the whole-file reader would', (name, content, code) => {
    const parsed = readCsvHeader(write(name, content));
    expect(parsed.table).toBeNull();
    expect(parsed.problems.map((found) => found.code)).toEqual([code]);
  });

  it('throws when the file cannot be opened', () => {
    expect(() => readCsvHeader(join(scratch, 'nope.csv'))).toThrow(/ENOENT/);
  });
});
