/**
 * Dataset cards get everything model cards get: their schema by `$schema`, the checks beyond
 * the schema (shared cases 16, 17, 19 and 20, written as dataset cards), YAML read as its JSON
 * twin, and located, actionable problems.
 */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/pipeline/problems/problem.ts';
import { checkCard } from '../../../src/pipeline/validate/index.ts';

const datasetId = 'https://atlas.rsna.org/schemas/2025-11/dataset.json';
const modelId = 'https://atlas.rsna.org/schemas/2025-11/model.json';

function summary(problems: Problem[]) {
  return problems.map(({ severity, code, pointer, line }) => ({ severity, code, pointer, line }));
}

/** A JSON dataset card whose `Dataset` object ends with `body` lines. */
function json(...body: string[]): string {
  return [
    '{',
    `  "$schema": "${datasetId}",`,
    '  "Dataset": {',
    '    "Name": "Chest radiograph evaluation set",',
    `    "Link": "https://example.org/datasets/cxr-eval"${body.length > 0 ? ',' : ''}`,
    ...body,
    '  }',
    '}',
    '',
  ].join('\n');
}

/** A YAML dataset card whose `Dataset` mapping ends with `body` lines. */
function yaml(...body: string[]): string {
  return [
    `$schema: ${datasetId}`,
    'Dataset:',
    '  Name: Chest radiograph evaluation set',
    '  Link: https://example.org/datasets/cxr-eval',
    ...body,
    '',
  ].join('\n');
}

describe('checkCard on dataset cards', () => {
  it('validates by the dataset schema named in $schema', () => {
    const result = checkCard(json(), 'dataset.json');
    expect(result.kind).toBe('dataset');
    expect(result.problems).toEqual([]);
    const model = checkCard(
      `{"$schema":"${modelId}","Model":{"Name":"abcd","Link":"https://x.org"}}`,
      'card.json',
    );
    expect(model.kind).toBe('model');
  });

  it('16: unanchored patterns — one schema error, warnings for codes that are not bare', () => {
    const text = json(
      '    "Indexing": { "RadLex": ["see RID10345 and others", "RID"] },',
      '    "Descriptors": {',
      '      "Authors": [{ "Name": "A", "ORCID": "https://orcid.org/not-an-orcid" }],',
      '      "References": [{ "Title": "R", "DOI": "doi: 10.1148/ryai.0 (preprint)", "PMCID": "notPMC123x" }]',
      '    },',
      '    "Imaging": { "Procedures": [{ "Name": "XR Chest 1V", "RadLex": "xRPID1" }] }',
    );
    expect(summary(checkCard(text, 'dataset.json').problems)).toEqual([
      {
        severity: 'warning',
        code: 'CardCodeNotBare',
        pointer: '/Dataset/Indexing/RadLex/0',
        line: 6,
      },
      {
        severity: 'error',
        code: 'CardSchemaViolation',
        pointer: '/Dataset/Indexing/RadLex/1',
        line: 6,
      },
      {
        severity: 'warning',
        code: 'CardCodeNotBare',
        pointer: '/Dataset/Descriptors/Authors/0/ORCID',
        line: 8,
      },
      {
        severity: 'warning',
        code: 'CardCodeNotBare',
        pointer: '/Dataset/Descriptors/References/0/DOI',
        line: 9,
      },
      {
        severity: 'warning',
        code: 'CardCodeNotBare',
        pointer: '/Dataset/Descriptors/References/0/PMCID',
        line: 9,
      },
      {
        severity: 'warning',
        code: 'CardCodeNotBare',
        pointer: '/Dataset/Imaging/Procedures/0/RadLex',
        line: 11,
      },
    ]);
  });

  it('17: URI formats as ajv-formats full mode, and a warning for javascript:', () => {
    const text = json(
      '    "Descriptors": {',
      '      "License": { "URL": "javascript:alert(document.domain)" },',
      '      "Organizations": [',
      '        { "Name": "Spaced", "URL": "https://example.org/a model card.pdf" },',
      '        { "Name": "Percent", "URL": "https://hi.wikipedia.org/wiki/%E0%A4%9C" }',
      '      ]',
      '    }',
    );
    expect(summary(checkCard(text, 'dataset.json').problems)).toEqual([
      {
        severity: 'warning',
        code: 'CardLinkNotHttp',
        pointer: '/Dataset/Descriptors/License/URL',
        line: 7,
      },
      {
        severity: 'error',
        code: 'CardSchemaViolation',
        pointer: '/Dataset/Descriptors/Organizations/0/URL',
        line: 9,
      },
    ]);
  });

  it('19: duplicate keys are errors listing every place, in JSON and YAML', () => {
    const twice = json('    "Partitions": [{ "Partition": "Training", "Partition": "Test" }]');
    expect(checkCard(twice, 'dataset.json').problems.map((found) => found.message)).toEqual([
      'the object at /Dataset/Partitions/0 defines "Partition" 2 times, at 6:22 and 6:47',
    ]);
    const yamlTwice = yaml('  Partitions:', '    - Partition: Training', '      Partition: Test');
    expect(summary(checkCard(yamlTwice, 'dataset.yaml').problems)).toEqual([
      {
        severity: 'error',
        code: 'CardDuplicateKey',
        pointer: '/Dataset/Partitions/0/Partition',
        line: 7,
      },
    ]);
  });

  it('20: integers beyond 2^53 are named, and their digits kept as written', () => {
    const text = json(
      '    "Indexing": { "SNOMED": [900000000000207008] },',
      '    "Partitions": [{ "Partition": "Test", "Total": { "Image count": 12345678901234567890 } }]',
    );
    const result = checkCard(text, 'dataset.json');
    expect(summary(result.problems)).toEqual([
      {
        severity: 'warning',
        code: 'CardUnsafeInteger',
        pointer: '/Dataset/Indexing/SNOMED/0',
        line: 6,
      },
      {
        severity: 'warning',
        code: 'CardUnsafeInteger',
        pointer: '/Dataset/Partitions/0/Total/Image count',
        line: 7,
      },
    ]);
    expect(result.rawIntegers).toEqual({
      '/Dataset/Indexing/SNOMED/0': '900000000000207008',
      '/Dataset/Partitions/0/Total/Image count': '12345678901234567890',
    });
    const fromYaml = checkCard(yaml('  Indexing:', '    SNOMED: [900000000000207008]'), 'd.yaml');
    expect(fromYaml.rawIntegers).toEqual({ '/Dataset/Indexing/SNOMED/0': '900000000000207008' });
  });

  it('reads YAML as its JSON twin: dates, "No", 2.10 and numbers in text fields stay text', () => {
    const text = yaml(
      '  Descriptors:',
      '    Version: 2.10',
      '    Date: { Created: 2023-03-01, Published: 2024 }',
      '  Imaging:',
      '    Burned-in PHI: No',
      '    Procedures: [{ LOINC: 36643 }]',
      '  Partitions:',
      '    - Partition: Test',
      '      Total: { Patient count: 3000, Criterion: 2024 }',
    );
    const { value, problems } = checkCard(text, 'dataset.yaml');
    expect(problems).toEqual([]);
    expect(value).toMatchObject({
      Dataset: {
        Descriptors: { Version: '2.10', Date: { Created: '2023-03-01', Published: 2024 } },
        Imaging: { 'Burned-in PHI': 'No', Procedures: [{ LOINC: '36643' }] },
        Partitions: [{ Total: { 'Patient count': 3000, Criterion: '2024' } }],
      },
    });
  });

  it('keeps a YAML number in an anyOf (a year) a number, and never changes JSON', () => {
    const year = checkCard(yaml('  Descriptors:', '    Date: { Created: 2024.5 }'), 'd.yaml');
    expect(year.problems.map((found) => found.pointer)).toEqual([
      '/Dataset/Descriptors/Date/Created',
    ]);
    const fromJson = checkCard(json('    "Descriptors": { "Version": 2.1 }'), 'dataset.json');
    expect(fromJson.problems[0]?.message).toBe(
      '/Dataset/Descriptors/Version: must be a string, found a number 2.1',
    );
  });

  it('drops the unsafe-integer warning of a YAML number kept as text', () => {
    const text = yaml('  Descriptors:', '    Comments: 123456789012345678901234567890');
    const { problems, rawIntegers, value } = checkCard(text, 'dataset.yaml');
    expect(problems).toEqual([]);
    expect(rawIntegers).toEqual({});
    expect(value).toMatchObject({
      Dataset: { Descriptors: { Comments: '123456789012345678901234567890' } },
    });
  });

  it('names the other kind of card when $schema and content disagree', () => {
    const mismatch = checkCard(
      `{ "$schema": "${modelId}", "Dataset": { "Name": "abcd", "Link": "https://x.org" } }`,
      'dataset.json',
    ).problems;
    expect(summary(mismatch)).toEqual([
      { severity: 'error', code: 'CardSchemaMismatch', pointer: '/$schema', line: 1 },
    ]);
    expect(mismatch[0]?.hint).toBe(
      `If this is a dataset card, set "$schema" to "${datasetId}"; if it is a model card, rename "Dataset" to "Model".`,
    );
  });

  it('refuses a card of the other kind where one kind is expected', () => {
    const model = `{ "$schema": "${modelId}", "Model": { "Name": "abcd", "Link": "https://x.org" } }`;
    const { problems } = checkCard(model, 'content/m/1.0/dataset.json', {
      expectedKind: 'dataset',
    });
    expect(summary(problems)).toEqual([
      { severity: 'error', code: 'CardWrongKind', pointer: '/$schema', line: 1 },
    ]);
    expect(problems[0]?.message).toBe(
      'dataset.json must hold an ATLAS dataset card, but its "$schema" names the model card schema',
    );
    expect(checkCard(json(), 'dataset.json', { expectedKind: 'dataset' }).problems).toEqual([]);
  });

  it('does not compare a dataset card version with the folder name', () => {
    const text = json('    "Descriptors": { "Version": "2023.1" }');
    expect(checkCard(text, 'dataset.json', { folderVersion: '1.0' }).problems).toEqual([]);
  });

  it('proposes the dataset schema for a card with a Dataset object', () => {
    const { problems } = checkCard(yaml().replace(`$schema: ${datasetId}\n`, ''), 'dataset.yaml');
    expect(problems[0]?.hint).toBe(
      `Add "$schema": "${datasetId}": the schema of ATLAS dataset cards (this card has a "Dataset" object).`,
    );
  });
});
