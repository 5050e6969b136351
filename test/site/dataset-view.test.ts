import { describe, expect, it } from 'vitest';
import type { ViewTable, ViewValue } from '../../src/site/card-view.ts';
import { datasetName, datasetSections } from '../../src/site/dataset-view.ts';
import { valueTexts } from './card-view-helpers.ts';

const schema = 'https://atlas.rsna.org/schemas/2025-11/dataset.json';

function partitionsOf(partitions: unknown[]): ViewValue | undefined {
  const sections = datasetSections({ $schema: schema, Dataset: { Partitions: partitions } });
  return sections.find((section) => section.id === 'partitions')?.fields[0]?.value;
}

/** The table of the first partition. */
function tableOf(partition: Record<string, unknown>): ViewTable {
  const value = partitionsOf([partition]);
  if (value?.kind !== 'list') throw new Error('a list of partitions expected');
  const [first] = value.items;
  if (first?.kind !== 'fields') throw new Error('a partition shown as fields expected');
  const table = first.fields.find((field) => field.value.kind === 'table')?.value;
  if (table?.kind !== 'table') throw new Error('a table expected');
  return table;
}

describe('datasetSections', () => {
  it('orders the sections of a dataset card page', () => {
    const sections = datasetSections({
      $schema: schema,
      Dataset: {
        Partitions: [{ Partition: 'Test' }],
        Imaging: { 'Burned-in PHI': 'No', 'Pre-processing': 'Resized to 512 × 512.' },
        'Dataset properties': { Motivation: 'Benchmark', Sampling: 'Consecutive' },
        Descriptors: { License: { Text: 'CC0' }, Date: { Created: 2023 } },
        Name: 'Test set',
        Link: 'https://example.org/data',
      },
    });
    expect(sections.map((s) => s.id)).toEqual([
      'overview',
      'details',
      'dates',
      'imaging',
      'properties',
      'partitions',
      'card',
    ]);
    expect(sections.find((s) => s.id === 'properties')?.title).toBe('Dataset properties');
  });

  it('puts a partition’s total and subsets in one table, the total first', () => {
    const table = tableOf({
      Partition: 'External testing',
      Subsets: [
        { Sex: 'Female', 'Patient count': 120, 'Image count': 300 },
        { Demographic: 'Asian', Sex: 'Male', 'Patient count': 40 },
        { Criterion: 'Age ≥ 80', Comments: 'Few patients' },
        { 'Site count': 2 },
      ],
      Total: { 'Site count': 3, 'Patient count': 900, 'Image count': 2000 },
    });

    expect(table.label).toBe('Subjects of External testing');
    expect(table.columns).toEqual([
      { label: 'Criterion', numeric: false },
      { label: 'Sex', numeric: false },
      { label: 'Demographic', numeric: false },
      { label: 'Site count', numeric: true },
      { label: 'Patient count', numeric: true },
      { label: 'Image count', numeric: true },
      { label: 'Comments', numeric: false },
    ]);
    expect(table.rows.map((row) => [row.label, row.pointer])).toEqual([
      ['Total', '/Dataset/Partitions/0/Total'],
      ['Female', '/Dataset/Partitions/0/Subsets/0'],
      ['Male, Asian', '/Dataset/Partitions/0/Subsets/1'],
      ['Age ≥ 80', '/Dataset/Partitions/0/Subsets/2'],
      ['Subset 4', '/Dataset/Partitions/0/Subsets/3'],
    ]);
    const total = table.rows[0]?.cells.map((cell) => cell && valueTexts(cell.value).join(''));
    expect(total).toEqual([null, null, null, '3', '900', '2000', null]);
    expect(table.rows[1]?.cells[4]?.pointer).toBe('/Dataset/Partitions/0/Subsets/0/Patient count');
  });

  it('always names the total’s row Total', () => {
    const table = tableOf({ Partition: 'Test', Total: { Criterion: 'All adults', Sex: 'Male' } });
    expect(table.rows.map((row) => row.label)).toEqual(['Total']);
  });

  it('keeps the partition’s other fields around the table, in the card’s order', () => {
    const value = partitionsOf([
      { Comments: 'Held out by site', Partition: 'Hold-out', Total: { 'Image count': 10 } },
    ]);
    if (value?.kind !== 'list' || value.items[0]?.kind !== 'fields') throw new Error('fields');
    expect(value.items[0].fields.map((field) => [field.label, field.value.kind])).toEqual([
      ['Comments', 'text'],
      ['Partition', 'text'],
      ['Subjects', 'table'],
    ]);
  });

  it('writes an age range as a span, with units on both ends only when they differ', () => {
    const table = tableOf({
      Partition: 'Test',
      Total: {
        'Age range': [
          [18, 'years'],
          [90, 'years'],
        ],
      },
      Subsets: [
        {
          'Age range': [
            [6, 'months'],
            [2, 'years'],
          ],
        },
      ],
    });
    const ages = table.rows.map((row) => row.cells[0] && valueTexts(row.cells[0].value));
    expect(ages).toEqual([['18–90 years'], ['6 months – 2 years']]);
  });

  it('shows an age range of another shape as written', () => {
    const table = tableOf({ Partition: 'Test', Total: { 'Age range': [[18], 'adults'] } });
    expect(valueTexts(table.rows[0]?.cells[0]?.value ?? { kind: 'empty', text: '' })).toEqual([
      '18',
      'adults',
    ]);
  });

  it('falls back to fields when the total or subsets are not records', () => {
    const value = partitionsOf([{ Partition: 'Test', Total: 'about 300 patients', Subsets: [] }]);
    expect(value && valueTexts(value)).toEqual([
      'Partition',
      'Test',
      'Total',
      'about 300 patients',
      'Subsets',
      'none',
    ]);
  });

  it('links the codes the dataset schema shares with the model schema', () => {
    const sections = datasetSections({
      $schema: schema,
      Dataset: {
        Indexing: { RadLex: ['RID5352'], SNOMED: [233604007] },
        Imaging: {
          Modalities: ['Computed tomography (RID10321)'],
          Procedures: [{ LOINC: '36813-4', RadLex: 'RPID145' }],
        },
        Descriptors: { References: [{ Title: 'Paper', DOI: '10.1148/ryai.230060', PMID: 1 }] },
      },
    });
    const links = JSON.stringify(sections).match(/"href":"[^"]+"/g);
    expect(links).toEqual([
      '"href":"https://radlex.org/RID/RID5352"',
      '"href":"https://browser.ihtsdotools.org/?perspective=full&conceptId1=233604007&edition=MAIN"',
      '"href":"https://doi.org/10.1148/ryai.230060"',
      '"href":"https://pubmed.ncbi.nlm.nih.gov/1/"',
      '"href":"https://radlex.org/RID/RID10321"',
      '"href":"https://loinc.org/36813-4/"',
      `"href":"${schema}"`,
    ]);
  });
});

describe('datasetName', () => {
  it('is the card’s Dataset.Name when it is a string', () => {
    expect(datasetName({ Dataset: { Name: 'CheXpert test set' } })).toBe('CheXpert test set');
    expect(datasetName({ Dataset: { Name: 42 } })).toBeUndefined();
    expect(datasetName({})).toBeUndefined();
  });
});
