/**
 * The audit spec's `dataset:` names the ATLAS dataset card of the data audited, relative to the
 * version folder; without it, the folder's own `dataset.json`/`.yaml`/`.yml` is the dataset card.
 * A named card is a spec path (inside the folder, existing) and is checked as a dataset card;
 * it may not compete with the folder's own card.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkAuditSpec } from '../../../src/pipeline/validate/index.ts';

const root = mkdtempSync(join(tmpdir(), 'auditcard-spec-dataset-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const datasetCard = [
  '$schema: https://atlas.rsna.org/schemas/2025-11/dataset.json',
  'Dataset:',
  '  Name: Evaluation set',
  '  Link: https://example.org/d',
  '',
].join('\n');
const modelCard = JSON.stringify({
  $schema: 'https://atlas.rsna.org/schemas/2025-11/model.json',
  Model: { Name: 'Triage model', Link: 'https://example.org/m' },
});

const head = `data: predictions.csv
targets:
  - name: Effusion
    label: { column: effusion, positive: [1], negative: [0] }
    score: score
`;

let count = 0;
/** A version folder with predictions.csv and the given files; returns the folder. */
function folder(files: Record<string, string> = {}): string {
  const dir = join(root, `v${(count += 1)}`);
  const all = { 'predictions.csv': 'effusion,score\n1,0.9\n0,0.1\n', ...files };
  for (const [name, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function check(spec: string, dir: string) {
  const result = checkAuditSpec(spec, join(dir, 'audit.yaml'), dir);
  const problems = result.problems.map((problem) => ({
    code: problem.code,
    file: problem.file.slice(dir.length + 1),
    line: problem.line,
    column: problem.column,
  }));
  return { spec: result.spec, problems };
}

describe('the audit spec’s dataset key', () => {
  it('is left out when the spec names no dataset card', () => {
    const { spec, problems } = check(head, folder({ 'dataset.json': '{}' }));
    expect(problems).toEqual([]);
    expect(spec).not.toHaveProperty('dataset');
  });

  it('names a dataset card anywhere inside the version folder', () => {
    const dir = folder({ 'data/test-set.yaml': datasetCard });
    const { spec, problems } = check(`${head}dataset: data/test-set.yaml\n`, dir);
    expect(problems).toEqual([]);
    expect(spec?.dataset).toBe('data/test-set.yaml');
  });

  it('may name the folder’s own dataset card, which the content validation checks', () => {
    const { spec, problems } = check(
      `${head}dataset: dataset.json\n`,
      folder({ 'dataset.json': '{}' }),
    );
    expect(problems).toEqual([]);
    expect(spec?.dataset).toBe('dataset.json');
  });

  it('refuses a missing file and a path outside the folder, at the key', () => {
    expect(check(`${head}dataset: missing.yaml\n`, folder()).problems).toEqual([
      { code: 'SpecFileMissing', file: 'audit.yaml', line: 6, column: 10 },
    ]);
    expect(check(`${head}dataset: ../v1/dataset.json\n`, folder()).problems).toEqual([
      { code: 'SpecPathOutsideFolder', file: 'audit.yaml', line: 6, column: 10 },
    ]);
  });

  it('refuses what is not a path', () => {
    for (const value of ["''", '3', '[dataset.json]']) {
      const { spec, problems } = check(`${head}dataset: ${value}\n`, folder());
      expect(spec).toBeNull();
      expect(problems.map((problem) => problem.code)).toEqual(['SpecSchemaViolation']);
    }
  });

  it('checks a named card as a dataset card, reporting its problems in its own file', () => {
    const dir = folder({ 'data/model.json': modelCard });
    const { spec, problems } = check(`${head}dataset: data/model.json\n`, dir);
    expect(spec).toBeNull();
    expect(problems.map(({ code, file }) => [code, file])).toEqual([
      ['CardWrongKind', 'data/model.json'],
    ]);
  });

  it('refuses a named card beside a different dataset card of the folder', () => {
    const dir = folder({ 'dataset.yaml': datasetCard, 'other.yaml': datasetCard });
    const { spec, problems } = check(`${head}dataset: other.yaml\n`, dir);
    expect(spec).toBeNull();
    expect(problems).toEqual([
      { code: 'ContentAmbiguousFile', file: 'audit.yaml', line: 6, column: 10 },
    ]);
  });
});
