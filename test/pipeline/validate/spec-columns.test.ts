/**
 * Validation reads the header of every data file a spec names and checks the columns it uses,
 * so a typo is reported at the spec value without running the audit.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { formatProblems } from '../../../src/pipeline/problems/format.ts';
import { checkAuditSpec, nodeSpecFileSystem } from '../../../src/pipeline/validate/index.ts';
import { casesDir, hasShared } from './shared-data.ts';

const root = mkdtempSync(join(tmpdir(), 'auditcard-columns-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let folders = 0;
/** A version folder holding the given files; returns its path. */
function folder(files: Record<string, string>): string {
  const dir = join(root, `v${(folders += 1)}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const predictions = 'patient_id,malignancy,malignancy_score,sex\np1,1,0.9,F\np2,0,0.2,M\n';

/** A spec whose score column is on line 6, column 12. */
const spec = (score = 'malignancy_score') => `data: predictions.csv
id: patient_id
targets:
  - name: Malignancy
    label: { column: malignancy, positive: [1], negative: [0] }
    score: ${score}
groups:
  - { column: sex }
`;

describe('column checks in validation', () => {
  it('accepts a spec whose columns are all in the header, counting the file checked', () => {
    const dir = folder({ 'predictions.csv': predictions });
    const checked = checkAuditSpec(spec(), join(dir, 'audit.yaml'), dir);
    expect(checked.problems).toEqual([]);
    expect(checked.spec).not.toBeNull();
    expect(checked.dataFilesChecked).toBe(1);
  });

  it('reports a misspelled column at the spec value, naming the CSV file and the nearest name', () => {
    const dir = folder({ 'predictions.csv': predictions });
    const file = join(dir, 'audit.yaml');
    const checked = checkAuditSpec(spec('malignancy_scroe'), file, dir);
    expect(checked.spec).toBeNull();
    expect(formatProblems(checked.problems, 'human').replaceAll(dir, 'm1')).toBe(
      'm1/audit.yaml:6:12  Column "malignancy_scroe" (score of target "Malignancy") is not in ' +
        'predictions.csv.  [CsvMissingColumn]\n' +
        '    hint: Did you mean "malignancy_score", "malignancy"?\n',
    );
    expect(checked.problems[0]).toMatchObject({
      file,
      line: 6,
      column: 12,
      pointer: '/targets/0/score',
      columnName: 'malignancy_scroe',
    });
  });

  it('reads only the header: rows that the audit would refuse do not matter yet', () => {
    const dir = folder({ 'predictions.csv': `${predictions}p3,1\n"unterminated\n` });
    expect(checkAuditSpec(spec(), join(dir, 'audit.yaml'), dir).problems).toEqual([]);
  });

  it('reports a semicolon-separated file once, on the file, and no missing columns', () => {
    const dir = folder({ 'predictions.csv': predictions.replaceAll(',', ';') });
    const checked = checkAuditSpec(spec(), join(dir, 'audit.yaml'), dir);
    expect(checked.problems.map((found) => [found.code, found.file, found.line])).toEqual([
      ['CsvWrongDelimiter', join(dir, 'predictions.csv'), 1],
    ]);
    expect(checked.problems[0]?.message).toMatch(/separated by semicolons/);
  });

  it('checks the columns of each projection file, at their place in the spec', () => {
    const dir = folder({
      'predictions.csv': predictions,
      'features.csv': 'PCA Mode 1,PCA Mode 2,race\n0.1,0.2,A\n',
    });
    const text = `${spec()}projections:
  - data: features.csv
    columns: [PCA Mode 1, PCA Mode 3]
    comparisons: [[race=A, race=B], [sex=F, sex=M]]
`;
    const checked = checkAuditSpec(text, join(dir, 'audit.yaml'), dir);
    expect(checked.dataFilesChecked).toBe(2);
    expect(checked.problems.map((found) => [found.pointer, found.line, found.column])).toEqual([
      ['/projections/0/columns/1', 11, 27],
      ['/projections/0/comparisons/1/0', 12, 38],
    ]);
    expect(checked.problems.map((found) => found.message)).toEqual([
      'Column "PCA Mode 3" (projection) is not in features.csv.',
      'Column "sex" (comparison) is not in features.csv.',
    ]);
  });

  it('reads no data file when the spec itself has errors', () => {
    const dir = folder({ 'predictions.csv': predictions });
    const readHeader = () => {
      throw new Error('read');
    };
    const files = { ...nodeSpecFileSystem, readHeader };
    const text = spec('malignancy_scroe').replace('negative: [0]', 'negative: 0');
    const checked = checkAuditSpec(text, join(dir, 'audit.yaml'), dir, files);
    expect(checked.problems.length).toBeGreaterThan(0);
    expect(checked.problems.every((found) => found.code === 'SpecSchemaViolation')).toBe(true);
    expect(checked.dataFilesChecked).toBe(0);
  });

  it('reports a data file that exists but cannot be read', () => {
    const dir = folder({ 'predictions.csv': predictions });
    const readHeader = () => {
      throw new Error('EACCES: permission denied');
    };
    const files = { ...nodeSpecFileSystem, readHeader };
    const checked = checkAuditSpec(spec(), join(dir, 'audit.yaml'), dir, files);
    expect(checked.spec).toBeNull();
    expect(checked.problems[0]?.message).toBe(
      'The data file "predictions.csv" cannot be read (EACCES: permission denied).',
    );
  });

  it.skipIf(!hasShared)('case 12: a used duplicate header names both positions', () => {
    const text =
      'data: 12-duplicate-headers.csv\ntargets:\n  - { name: x, label: { column: label, positive: [1], negative: [0] }, score: score }\n';
    const checked = checkAuditSpec(text, 'audit.yaml', casesDir);
    expect(checked.problems).toHaveLength(1);
    expect(checked.problems[0]).toMatchObject({
      code: 'CsvDuplicateHeader',
      file: 'audit.yaml',
      line: 3,
      pointer: '/targets/0/score',
      columnName: 'score',
    });
    expect(checked.problems[0]?.message).toBe(
      'Column "score" (score of target "x") appears more than once in the header of ' +
        '12-duplicate-headers.csv, at positions 2 and 4.',
    );
  });
});
