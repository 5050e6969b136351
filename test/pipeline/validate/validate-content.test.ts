/**
 * A version folder may hold a dataset card (`dataset.json`, `dataset.yaml` or `dataset.yml`)
 * beside its model card: discovery finds it, validation checks it like the model card, and the
 * content model exposes it, once valid, as `datasetCards`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverContent } from '../../../src/pipeline/content/index.ts';
import { validateContent } from '../../../src/pipeline/validate/index.ts';

const root = mkdtempSync(join(tmpdir(), 'auditcard-dataset-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const modelCard = JSON.stringify({
  $schema: 'https://atlas.rsna.org/schemas/2025-11/model.json',
  Model: { Name: 'Triage model', Link: 'https://example.org/m' },
});
const datasetYaml = [
  '$schema: https://atlas.rsna.org/schemas/2025-11/dataset.json',
  'Dataset:',
  '  Name: Evaluation set',
  '  Link: https://example.org/d',
  '  Descriptors: { Version: 2.10 }',
  '  Partitions:',
  '    - Partition: Test',
  '      Total: { Patient count: 3000, Image count: 900000000000207008 }',
  '',
].join('\n');

function version(path: string, files: Record<string, string>): string {
  const dir = join(root, path);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const good = version('m/1.0', { 'card.json': modelCard, 'dataset.yaml': datasetYaml });
const none = version('m/1.1', { 'card.json': modelCard });
const broken = version('m/1.2', {
  'card.json': modelCard,
  'dataset.json':
    '{ "$schema": "https://atlas.rsna.org/schemas/2025-11/dataset.json", "Dataset": { "Name": "abc" } }',
});
const swapped = version('m/1.3', { 'card.json': modelCard, 'dataset.json': modelCard });
const datasetAsModel = version('m/1.5', { 'card.yaml': datasetYaml });
const both = version('m/1.4', {
  'card.json': modelCard,
  'dataset.json': '{}',
  'dataset.yml': 'a: 1',
});

describe('dataset cards in a content folder', () => {
  it('are discovered beside the model card', () => {
    const { versions } = discoverContent(root);
    const paths = Object.fromEntries(versions.map((one) => [one.dir, one.datasetCardPath]));
    expect(paths).toEqual({
      [good]: join(good, 'dataset.yaml'),
      [none]: null,
      [broken]: join(broken, 'dataset.json'),
      [swapped]: join(swapped, 'dataset.json'),
      [both]: null,
      [datasetAsModel]: null,
    });
  });

  it('are validated, and exposed once valid, read as their JSON twin', async () => {
    const content = await validateContent(root);
    expect([...content.datasetCards.keys()]).toEqual([good]);
    expect(content.datasetCards.get(good)).toEqual({
      path: join(good, 'dataset.yaml'),
      value: {
        $schema: 'https://atlas.rsna.org/schemas/2025-11/dataset.json',
        Dataset: {
          Name: 'Evaluation set',
          Link: 'https://example.org/d',
          Descriptors: { Version: '2.10' },
          Partitions: [
            {
              Partition: 'Test',
              Total: { 'Patient count': 3000, 'Image count': Number('900000000000207008') },
            },
          ],
        },
      },
      rawIntegers: { '/Dataset/Partitions/0/Total/Image count': '900000000000207008' },
    });
  });

  it('report their problems at their own file, and a card of the other kind', async () => {
    const content = await validateContent(root);
    const found = content.problems.map((one) => [
      one.code,
      one.severity,
      one.file.slice(root.length + 1),
    ]);
    expect(found).toEqual([
      ['ContentAmbiguousFile', 'error', 'm/1.4/dataset.json'],
      ['CardUnsafeInteger', 'warning', 'm/1.0/dataset.yaml'],
      ['CardSchemaViolation', 'error', 'm/1.2/dataset.json'],
      ['CardSchemaViolation', 'error', 'm/1.2/dataset.json'],
      ['CardWrongKind', 'error', 'm/1.3/dataset.json'],
      ['CardWrongKind', 'error', 'm/1.5/card.yaml'],
      ['CardUnsafeInteger', 'warning', 'm/1.5/card.yaml'],
    ]);
    // 6 model cards (one of them a dataset card) and 3 dataset cards.
    expect(content.filesChecked).toBe(9);
  });
});
