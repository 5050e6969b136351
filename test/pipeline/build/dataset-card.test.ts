/**
 * The dataset card a version publishes: the one its audit spec names, else its folder's own; a
 * JSON card byte for byte, a YAML card as JSON with large integers as written.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { versionDataset } from '../../../src/pipeline/build/dataset-card.ts';
import { validateContent, type ValidatedContent } from '../../../src/pipeline/validate/index.ts';

const root = mkdtempSync(join(tmpdir(), 'auditcard-build-dataset-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const modelCard = JSON.stringify({
  $schema: 'https://atlas.rsna.org/schemas/2025-11/model.json',
  Model: { Name: 'Triage model', Link: 'https://example.org/m' },
});
const datasetYaml = [
  '$schema: https://atlas.rsna.org/schemas/2025-11/dataset.json',
  'Dataset:',
  '  Name: Folder set',
  '  Link: https://example.org/d',
  '  Partitions:',
  '    - Partition: Test',
  '      Total: { Image count: 900000000000207008 }',
  '',
].join('\n');
const datasetJson = `{
  "$schema": "https://atlas.rsna.org/schemas/2025-11/dataset.json",
  "Dataset": { "Name": "Named set", "Link": "https://example.org/named" }
}
`;
const spec = (extra: string) => `data: predictions.csv
targets:
  - name: Effusion
    label: { column: effusion, positive: [1], negative: [0] }
    score: score
${extra}`;

function version(path: string, files: Record<string, string>): void {
  const all = { 'card.json': modelCard, ...files };
  for (const [name, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path, name)), { recursive: true });
    writeFileSync(join(root, path, name), text);
  }
}

let content: ValidatedContent;
beforeAll(async () => {
  const predictions = 'effusion,score\n1,0.9\n0,0.1\n';
  version('m/1.0', { 'dataset.yaml': datasetYaml });
  version('m/1.1', {
    'audit.yaml': spec('dataset: data/named.json\n'),
    'predictions.csv': predictions,
    'data/named.json': datasetJson,
  });
  version('m/1.2', { 'audit.yaml': spec(''), 'predictions.csv': predictions });
  content = await validateContent(root);
  expect(content.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
});

function entry(name: string) {
  const found = content.versions.find((one) => one.version === name);
  if (!found) throw new Error(`version ${name} expected`);
  return found;
}

describe('versionDataset', () => {
  it('takes the folder’s own card when the spec names none, publishing YAML as JSON', async () => {
    const dataset = await versionDataset(entry('1.0'), content);
    expect(dataset?.site.file).toBe('dataset.yaml');
    expect(dataset?.site.card).toMatchObject({ Dataset: { Name: 'Folder set' } });
    expect(dataset?.site.rawIntegers).toEqual({
      '/Dataset/Partitions/0/Total/Image count': '900000000000207008',
    });
    expect(dataset?.download.name).toBe('dataset.json');
    const text = String(dataset?.download.content);
    expect(text).toContain('"Image count": 900000000000207008');
    expect(JSON.parse(text)).toMatchObject({ Dataset: { Name: 'Folder set' } });
  });

  it('takes the card the spec names, publishing JSON byte for byte', async () => {
    const dataset = await versionDataset(entry('1.1'), content);
    expect(dataset?.site.file).toBe('data/named.json');
    expect(dataset?.site.card).toMatchObject({ Dataset: { Name: 'Named set' } });
    expect(Buffer.from(dataset?.download.content ?? '').toString('utf8')).toBe(datasetJson);
  });

  it('is null for a version without a dataset card', async () => {
    expect(await versionDataset(entry('1.2'), content)).toBeNull();
  });
});
