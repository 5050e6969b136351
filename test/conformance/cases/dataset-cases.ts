/**
 * Dataset cards of the corpus: every object of the ATLAS 2025-11 dataset schema, its enums
 * (partitions, sex, demographic groups, burned-in PHI, age units, and the vocabularies it shares
 * with model cards), patterns, formats, counts, the age-range tuple, and nested `$ref`s, each
 * valid and invalid.
 */
import {
  datasetCard,
  datasetSchemaId,
  enumAt,
  lines,
  modelSchemaId,
  text,
  type CorpusCase,
} from './case.ts';

const defs = '/$defs';
const partitions = enumAt('dataset', `${defs}/Partitions/items/properties/Partition`);
const sexes = enumAt('dataset', `${defs}/Subset/properties/Sex`);
const demographics = enumAt('dataset', `${defs}/Subset/properties/Demographic`);
const contentCodes = enumAt('dataset', `${defs}/Indexing/properties/Content/items`);
const modalities = enumAt('dataset', `${defs}/Imaging/properties/Modalities/items`);
const fileFormats = enumAt('dataset', `${defs}/Imaging/properties/File format/items`);

/** A dataset card with one partition of the given fields. */
function withPartition(fields: Record<string, unknown>) {
  return datasetCard({ Partitions: [{ Partition: 'Test', ...fields }] });
}

/** A dataset card with one partition whose `Total` is `total`. */
function withTotal(total: unknown) {
  return withPartition({ Total: total });
}

/** A dataset card with one partition whose `Total` has the age range `range`. */
function withAgeRange(range: unknown) {
  return withTotal({ 'Age range': range });
}

const fullDataset = datasetCard({
  Indexing: {
    Content: ['CH'],
    RadLex: ['RID10345'],
    SNOMED: [233604007],
    Keywords: ['chest radiograph', 'pleural effusion'],
  },
  Descriptors: {
    Authors: [{ Name: 'Ada Example', ORCID: 'https://orcid.org/0000-0002-1825-0097' }],
    Comments: 'Synthetic card for the conformance corpus.',
    Contact: 'data@example.org',
    Date: { Created: 2022, Published: '2023-03-01', Updated: '2024-11-30' },
    'Ethical review': 'Retrospective use approved; consent waived.',
    Funding: 'None.',
    License: { Text: 'Research use only', URL: 'https://example.org/data-license' },
    Organizations: [{ Name: 'Example Hospital', Email: 'data@example.org' }],
    References: [
      {
        Title: 'An evaluation set of chest radiographs',
        Date: 2023,
        DOI: '10.1148/ryai.230060',
        PMID: 37035435,
        PMCID: 'PMC8017407',
      },
    ],
    Version: '2.1',
  },
  'Dataset properties': {
    Confidentiality: 'De-identified under the Safe Harbor method.',
    'External data': 'None.',
    'Missing information': 'Race missing for 3% of patients.',
    Motivation: 'Evaluating triage models by patient subgroup.',
    Noise: 'Labels extracted from reports; about 5% are wrong.',
    'Partitioning scheme': 'By patient, no patient in two partitions.',
    'Re-identification': 'Faces are not visible; dates are shifted.',
    'Relationships between instances': 'Several studies per patient.',
    Sampling: 'Consecutive studies, 2015–2020.',
    'Sensitive data': 'Race and ethnicity as recorded at registration.',
  },
  Imaging: {
    Modalities: ['Digital radiography (RID10351)'],
    Procedures: [{ Name: 'XR Chest 2V', LOINC: '36643-5' }],
    'File format': ['DICOM'],
    Resolution: 'Native',
    'Pre-processing': 'None.',
    'Burned-in PHI': 'No',
    Comments: 'Frontal and lateral views.',
  },
  Partitions: [
    {
      Partition: 'Training',
      Total: {
        'Site count': 3,
        'Patient count': 12611,
        'Exam count': 13002,
        'Series count': 13002,
        'Image count': 25010,
        'Age range': [
          [18, 'years'],
          [95, 'years'],
        ],
        Comments: 'Median age 61 years.',
      },
      Subsets: [
        { Sex: 'Female', 'Patient count': 5801 },
        { Sex: 'Male', Demographic: 'Asian', 'Patient count': 640, Criterion: 'Effusion' },
      ],
      Comments: 'No patient overlaps another partition.',
    },
    { Partition: 'Test', Total: { 'Patient count': 3000 } },
  ],
});

const valid: CorpusCase[] = [
  { name: 'valid-minimal.json', about: 'only the required keys', card: datasetCard() },
  { name: 'valid-full.json', about: 'every key of every object', card: fullDataset },
  {
    name: 'valid-key-order.json',
    about: 'keys in any order, `Dataset` before `$schema`',
    card: {
      Dataset: { Link: 'https://example.org/d', Name: 'Key order' },
      $schema: datasetSchemaId,
    },
  },
  {
    name: 'valid-partitions-all.json',
    about: 'every partition name',
    card: datasetCard({ Partitions: partitions.map((Partition) => ({ Partition })) }),
  },
  {
    name: 'valid-partitions-repeated.json',
    about: 'Partitions has no uniqueItems: two "Other" partitions are valid',
    card: datasetCard({ Partitions: [{ Partition: 'Other' }, { Partition: 'Other' }] }),
  },
  {
    name: 'valid-sexes-all.json',
    about: 'every value of Sex',
    card: withPartition({ Subsets: sexes.map((Sex) => ({ Sex })) }),
  },
  {
    name: 'valid-demographics-all.json',
    about: 'every demographic group',
    card: withPartition({ Subsets: demographics.map((Demographic) => ({ Demographic })) }),
  },
  ...['Yes', 'No', 'Unknown'].map((value) => ({
    name: `valid-burned-in-phi-${value.toLowerCase()}.json`,
    about: `Burned-in PHI "${value}"`,
    card: datasetCard({ Imaging: { 'Burned-in PHI': value } }),
  })),
  {
    name: 'valid-content-codes-all.json',
    about: 'every content code',
    card: datasetCard({ Indexing: { Content: contentCodes } }),
  },
  {
    name: 'valid-modalities-all.json',
    about: 'every imaging modality',
    card: datasetCard({ Imaging: { Modalities: modalities } }),
  },
  {
    name: 'valid-file-formats-all.json',
    about: 'every file format',
    card: datasetCard({ Imaging: { 'File format': fileFormats } }),
  },
  {
    name: 'valid-age-units.json',
    about: 'age bounds in days, months and years',
    card: withPartition({
      Subsets: [
        {
          'Age range': [
            [0, 'days'],
            [28, 'days'],
          ],
        },
        {
          'Age range': [
            [1, 'months'],
            [240, 'months'],
          ],
        },
        {
          'Age range': [
            [18, 'years'],
            [65, 'years'],
          ],
        },
      ],
    }),
  },
  {
    name: 'valid-age-bounds.json',
    about: 'age values at the limits, 0 and 240',
    card: withAgeRange([
      [0, 'years'],
      [240, 'years'],
    ]),
  },
  {
    name: 'valid-age-mixed-units.json',
    about: 'the bounds of one range in different units',
    card: withAgeRange([
      [6, 'months'],
      [17, 'years'],
    ]),
  },
  {
    name: 'valid-age-reversed.json',
    about: 'a lower bound above the upper one: the schema does not compare them',
    card: withAgeRange([
      [80, 'years'],
      [18, 'years'],
    ]),
  },
  {
    name: 'valid-counts.json',
    about: 'counts of zero and large counts',
    card: withTotal({
      'Site count': 0,
      'Patient count': 0,
      'Exam count': 1,
      'Series count': 2147483648,
      'Image count': 9007199254740991,
    }),
  },
  {
    name: 'valid-subsets-criteria.json',
    about: 'subsets by criterion, combined criteria, comments',
    card: withPartition({
      Subsets: [
        { Criterion: 'Positive for pleural effusion', 'Image count': 950 },
        { Sex: 'Female', Demographic: 'White', Criterion: 'No finding', 'Patient count': 12 },
        { Comments: 'Mean age (± SD): 66.3 ± 14.9 years' },
      ],
    }),
  },
  {
    name: 'valid-partition-only-name.json',
    about: 'a partition with its name only, and empty subsets',
    card: datasetCard({ Partitions: [{ Partition: 'Hold-out', Subsets: [] }] }),
  },
  {
    name: 'valid-empty-objects.json',
    about: 'objects without minProperties may be empty',
    card: datasetCard({
      Indexing: {},
      Descriptors: { Date: {} },
      'Dataset properties': {},
      Imaging: {},
      Partitions: [{ Partition: 'Other', Total: {}, Subsets: [{}] }],
    }),
  },
  {
    name: 'valid-empty-lists.json',
    about: 'lists without minItems may be empty',
    card: datasetCard({ Descriptors: { Authors: [], Organizations: [], References: [] } }),
  },
  {
    name: 'valid-dates.json',
    about: 'dates as years and as ISO dates',
    card: datasetCard({
      Descriptors: {
        Date: { Created: 2015, Published: '2020-02-29', Updated: '2024-12-31' },
        References: [{ Title: 'R', Date: 2021 }],
      },
    }),
  },
  {
    name: 'valid-codes-bare.json',
    about: 'RadLex, RPID, ORCID, DOI, PMID and PMCID codes written exactly',
    card: datasetCard({
      Indexing: { RadLex: ['RID58', 'RID1169'], SNOMED: [10200004, 441802002] },
      Descriptors: {
        Authors: [{ Name: 'A', ORCID: 'https://orcid.org/0000-0002-1694-233X' }],
        References: [{ Title: 'R', DOI: '10.1148/ryai.240101', PMID: 39441109, PMCID: 'PMC1' }],
      },
      Imaging: { Procedures: [{ Name: 'CT Chest', RadLex: 'RPID16' }] },
    }),
  },
  {
    name: 'valid-codes-not-bare.json',
    about: 'unanchored patterns: codes inside other text pass the schema (warnings)',
    card: datasetCard({
      Indexing: { RadLex: ['RID58 (liver)'] },
      Descriptors: {
        Authors: [{ Name: 'A', ORCID: 'https://orcid.org/0000-0002-1825-0097/ada' }],
        References: [{ Title: 'R', DOI: 'doi:10.1148/ryai.240101', PMCID: 'PMCID: PMC1' }],
      },
      Imaging: { Procedures: [{ RadLex: 'RPID16 CT' }] },
    }),
  },
  {
    name: 'valid-links-not-http.json',
    about: 'valid URIs that are not http(s) (warnings)',
    card: datasetCard({
      Link: 's3://bucket/cxr-eval/',
      Descriptors: { License: { URL: 'urn:example:license' } },
    }),
  },
  {
    name: 'valid-lengths-limits.json',
    about: 'name and link at their minimum and maximum lengths',
    card: datasetCard({
      Name: text(256),
      Link: 'a:bc',
      Indexing: { Keywords: ['ab', text(64)] },
      Imaging: { Procedures: [{ Name: 'XR', RadLex: 'RPID123456', LOINC: '123456789012' }] },
    }),
  },
  {
    name: 'valid-lengths-astral.json',
    about: 'lengths in code points: four emoji make a valid name',
    card: datasetCard({ Name: '🫁🩻🫁🩻', Indexing: { Keywords: [text(64, '🩻')] } }),
  },
  {
    name: 'valid-license-text.json',
    about: 'License with Text only',
    card: datasetCard({ Descriptors: { License: { Text: 'CC BY-NC 4.0' } } }),
  },
  {
    name: 'valid-unicode-text.json',
    about: 'text in several scripts',
    card: datasetCard({
      Name: 'Jeu de radiographies thoraciques — 胸部X線データセット',
      'Dataset properties': { Sampling: 'Выборка: последовательные исследования.' },
    }),
  },
  {
    name: 'valid-minimal.yaml',
    about: 'the minimal card in YAML',
    text: true,
    card: lines(
      `$schema: ${datasetSchemaId}`,
      'Dataset:',
      '  Name: Chest radiograph evaluation set',
      '  Link: https://example.org/datasets/cxr-eval',
    ),
  },
  {
    name: 'valid-scalars.yaml',
    about: 'YAML: "No" stays text (core schema), plain 2.10 and 36643 stay text where wanted',
    text: true,
    card: lines(
      `$schema: ${datasetSchemaId}`,
      'Dataset:',
      '  Name: Chest radiograph evaluation set',
      '  Link: https://example.org/datasets/cxr-eval',
      '  Descriptors:',
      '    Version: 2.10',
      '    Date: { Created: 2023-03-01, Updated: 2024 }',
      '  Imaging:',
      '    Burned-in PHI: No',
      '    Procedures:',
      '      - LOINC: 36643',
      '  Partitions:',
      '    - Partition: Test',
      '      Total:',
      '        Patient count: 3000',
      '        Age range: [[18, years], [95, years]]',
      '        Criterion: 2024',
    ),
  },
  {
    name: 'valid-full.yaml',
    about: 'a full card in YAML with block lists of subsets',
    text: true,
    card: lines(
      `$schema: ${datasetSchemaId}`,
      'Dataset:',
      '  Name: Chest radiograph evaluation set',
      '  Link: https://example.org/datasets/cxr-eval',
      '  Indexing:',
      '    Content: [CH]',
      '  Descriptors:',
      '    License:',
      '      Text: Research use only',
      '  Dataset properties:',
      '    Sampling: |',
      '      1,000 patients each of three',
      '      self-reported race groups.',
      '  Imaging:',
      '    Modalities: [Computed radiography (RID10349)]',
      '    File format: [JPEG]',
      '  Partitions:',
      '    - Partition: Internal testing',
      '      Total:',
      '        Patient count: 3000',
      '        Age range:',
      '          - [18, years]',
      '          - [90, years]',
      '      Subsets:',
      '        - Demographic: White',
      '          Patient count: 1000',
      '        - Demographic: Asian',
      '          Patient count: 1000',
      '        - Demographic: Black or African American',
      '          Patient count: 1000',
    ),
  },
  {
    name: 'valid-anchors.yaml',
    about: 'YAML anchors and aliases reuse an age range',
    text: true,
    card: lines(
      `$schema: ${datasetSchemaId}`,
      'Dataset:',
      '  Name: Chest radiograph evaluation set',
      '  Link: https://example.org/datasets/cxr-eval',
      '  Partitions:',
      '    - Partition: Training',
      '      Total: { Age range: &adults [[18, years], [90, years]] }',
      '    - Partition: Test',
      '      Total: { Age range: *adults }',
    ),
  },
];

/** Unknown keys, one card per object that allows no others; each a near miss of a real key. */
const unknownKeys: CorpusCase[] = (
  [
    ['top-level', 'top level', { Version: '1.0' }, true],
    ['dataset', '`Dataset`', { Partition: [{ Partition: 'Test' }] }],
    [
      'dataset-properties',
      '`Dataset properties`',
      { 'Dataset properties': { 'Sensitive Data': 'x', Bias: 'x' } },
    ],
    ['descriptors', '`Descriptors`', { Descriptors: { Licence: { Text: 'x' } } }],
    ['date', '`Descriptors.Date`', { Descriptors: { Date: { Create: 2020 } } }],
    ['license', '`License`', { Descriptors: { License: { url: 'https://example.org/l' } } }],
    ['imaging', '`Imaging`', { Imaging: { 'Burned in PHI': 'No', Preprocessing: 'None' } }],
    ['procedure', 'an imaging procedure', { Imaging: { Procedures: [{ name: 'XR Chest' }] } }],
    ['indexing', '`Indexing`', { Indexing: { Contents: ['CH'] } }],
    [
      'organization',
      'an organization',
      { Descriptors: { Organizations: [{ Name: 'O', Adress: 'x' }] } },
    ],
    ['person', 'an author', { Descriptors: { Authors: [{ Name: 'A', Mail: 'a@example.org' }] } }],
    ['reference', 'a reference', { Descriptors: { References: [{ Title: 'T', Journal: 'J' }] } }],
    ['partition', 'a partition', { Partitions: [{ Partition: 'Test', Subset: [], Count: 3 }] }],
    [
      'subset',
      'a subset',
      {
        Partitions: [
          { Partition: 'Test', Total: { Race: 'Asian', Gender: 'Female', Patients: 3, Age: [] } },
        ],
      },
    ],
  ] as const
).map(([slug, where, fields, topLevel]) => ({
  name: `invalid-unknown-key-${slug}.json`,
  about: `an unknown key in ${where}, with the closest allowed key`,
  card: topLevel ? { ...datasetCard(), ...fields } : datasetCard(fields),
}));

const invalid: CorpusCase[] = [
  {
    name: 'invalid-schema-missing.json',
    about: 'no `$schema`: the hint gives the dataset schema, since the card has `Dataset`',
    card: { Dataset: datasetCard().Dataset },
  },
  {
    name: 'invalid-schema-misspelt.json',
    about: 'an unknown `$schema`; the card has `Dataset`, so the dataset schema is proposed',
    card: { ...datasetCard(), $schema: 'https://atlas.rsna.org/schemas/2025-11/datset.json' },
  },
  {
    name: 'invalid-schema-of-model.json',
    about: 'the model schema named by a card holding `Dataset`',
    card: { $schema: modelSchemaId, Dataset: datasetCard().Dataset },
  },
  {
    name: 'invalid-schema-both-roots.json',
    about: 'a card holding both `Dataset` and `Model`',
    card: { ...datasetCard(), Model: { Name: 'A model', Link: 'https://example.org/m' } },
  },
  {
    name: 'invalid-dataset-missing.json',
    about: 'no `Dataset`',
    card: { $schema: datasetSchemaId },
  },
  {
    name: 'invalid-dataset-not-object.json',
    about: '`Dataset` is a list',
    card: { $schema: datasetSchemaId, Dataset: [datasetCard().Dataset] },
  },
  {
    name: 'invalid-name-link-missing.json',
    about: 'neither `Name` nor `Link`',
    card: { $schema: datasetSchemaId, Dataset: { Imaging: {} } },
  },
  {
    name: 'invalid-name-link-lowercase.json',
    about: '`name` and `link`: one problem each, at the key',
    card: { $schema: datasetSchemaId, Dataset: { name: 'Lowercase', link: 'https://example.org' } },
  },
  ...unknownKeys,
  {
    name: 'invalid-enum-partition.json',
    about: 'partition names: -ing form, lower case, abbreviation, verb',
    card: datasetCard({
      Partitions: [
        { Partition: 'Testing' },
        { Partition: 'training' },
        { Partition: 'Val' },
        { Partition: 'Validate' },
        { Partition: 'Holdout' },
      ],
    }),
  },
  {
    name: 'invalid-enum-sex.json',
    about: 'sex: initial, lower case, unknown value',
    card: withPartition({ Subsets: [{ Sex: 'F' }, { Sex: 'female' }, { Sex: 'Other' }] }),
  },
  {
    name: 'invalid-enum-demographic.json',
    about: 'demographic groups: short forms, synonyms and unlisted groups',
    card: withPartition({
      Subsets: [
        { Demographic: 'Black' },
        { Demographic: 'Caucasian' },
        { Demographic: 'Hispanic' },
        { Demographic: 'asian' },
        { Demographic: 'Other' },
      ],
    }),
  },
  {
    name: 'invalid-enum-burned-in-phi.json',
    about: 'burned-in PHI in lower case',
    card: datasetCard({ Imaging: { 'Burned-in PHI': 'yes' } }),
  },
  {
    name: 'invalid-enum-burned-in-phi-boolean.json',
    about: 'burned-in PHI as a boolean',
    card: datasetCard({ Imaging: { 'Burned-in PHI': false } }),
  },
  {
    name: 'invalid-enum-age-unit.json',
    about: 'age units: capitalized, abbreviated, unlisted',
    card: withPartition({
      Subsets: [
        {
          'Age range': [
            [2, 'Years'],
            [17, 'yrs'],
          ],
        },
        {
          'Age range': [
            [1, 'weeks'],
            [8, 'weeks'],
          ],
        },
      ],
    }),
  },
  {
    name: 'invalid-enum-shared.json',
    about: 'the vocabularies shared with model cards: content, modality, file format',
    card: datasetCard({
      Indexing: { Content: ['CHEST'] },
      Imaging: { Modalities: ['CT'], 'File format': ['nii'] },
    }),
  },
  {
    name: 'invalid-partitions-empty.json',
    about: 'an empty list of partitions (minItems 1)',
    card: datasetCard({ Partitions: [] }),
  },
  {
    name: 'invalid-partitions-object.json',
    about: 'partitions as an object instead of a list',
    card: datasetCard({ Partitions: { Partition: 'Test' } }),
  },
  {
    name: 'invalid-partition-name-missing.json',
    about: 'a partition without its name (required)',
    card: datasetCard({ Partitions: [{ Total: { 'Patient count': 10 } }] }),
  },
  {
    name: 'invalid-partition-not-object.json',
    about: 'partitions given as names',
    card: datasetCard({ Partitions: ['Training', 'Test'] }),
  },
  {
    name: 'invalid-partition-types.json',
    about: 'Total as a number, Subsets as an object, Comments as a list',
    card: withPartition({ Total: 3000, Subsets: { Sex: 'Female' }, Comments: ['x'] }),
  },
  {
    name: 'invalid-counts-negative.json',
    about: 'negative counts (minimum 0)',
    card: withTotal({ 'Site count': -1, 'Patient count': -3000 }),
  },
  {
    name: 'invalid-counts-types.json',
    about: 'counts as a fraction, a quoted number, a boolean and null',
    card: withTotal({
      'Patient count': 1.5,
      'Exam count': '12',
      'Series count': true,
      'Image count': null,
    }),
  },
  {
    name: 'invalid-counts-in-subsets.json',
    about: 'a negative count deep in the second subset',
    card: withPartition({
      Subsets: [{ 'Patient count': 10 }, { Sex: 'Male', 'Patient count': -10 }],
    }),
  },
  {
    name: 'invalid-age-one-bound.json',
    about: 'an age range with one bound (minItems 2)',
    card: withAgeRange([[18, 'years']]),
  },
  {
    name: 'invalid-age-three-bounds.json',
    about: 'an age range with three bounds (maxItems 2)',
    card: withAgeRange([
      [18, 'years'],
      [40, 'years'],
      [65, 'years'],
    ]),
  },
  {
    name: 'invalid-age-bound-no-unit.json',
    about: 'a bound without its unit (minItems 2)',
    card: withAgeRange([[18], [65, 'years']]),
  },
  {
    name: 'invalid-age-bound-extra.json',
    about: 'a bound with a third item (maxItems 2)',
    card: withAgeRange([
      [18, 'years', 'inclusive'],
      [65, 'years'],
    ]),
  },
  {
    name: 'invalid-age-value-types.json',
    about: 'age values quoted and fractional (prefixItems)',
    card: withAgeRange([
      ['18', 'years'],
      [65.5, 'years'],
    ]),
  },
  {
    name: 'invalid-age-value-range.json',
    about: 'age values below 0 and above 240',
    card: withAgeRange([
      [-1, 'days'],
      [241, 'months'],
    ]),
  },
  {
    name: 'invalid-age-unit-type.json',
    about: 'a number where the unit is wanted (items after prefixItems)',
    card: withAgeRange([
      [18, 1],
      [65, 'years'],
    ]),
  },
  {
    name: 'invalid-age-swapped.json',
    about: 'unit and value swapped in each bound',
    card: withAgeRange([
      ['years', 18],
      ['years', 65],
    ]),
  },
  {
    name: 'invalid-age-text.json',
    about: 'an age range written as text',
    card: withAgeRange('18-65 years'),
  },
  {
    name: 'invalid-age-objects.json',
    about: 'bounds written as objects',
    card: withAgeRange([
      { Value: 18, Unit: 'years' },
      { Value: 65, Unit: 'years' },
    ]),
  },
  {
    name: 'invalid-license-not-object.json',
    about: 'a string License: refused here, since the dataset schema types License',
    card: datasetCard({ Descriptors: { License: 'CC BY 4.0' } }),
  },
  {
    name: 'invalid-license-empty.json',
    about: 'an empty License (minProperties 1)',
    card: datasetCard({ Descriptors: { License: {} } }),
  },
  {
    name: 'invalid-patterns.json',
    about: 'RadLex, RPID, ORCID, DOI and PMCID codes that do not match',
    card: datasetCard({
      Indexing: { RadLex: ['58'] },
      Descriptors: {
        Authors: [{ Name: 'A', ORCID: 'orcid:0000-0002-1825-0097' }],
        References: [{ Title: 'R', DOI: 'ryai.240101', PMCID: 'pmc1' }],
      },
      Imaging: { Procedures: [{ RadLex: 'RP16' }] },
    }),
  },
  {
    name: 'invalid-formats.json',
    about: 'dates, emails and URIs that are not valid',
    card: datasetCard({
      Link: 'example.org/datasets/cxr-eval',
      Descriptors: {
        Date: { Created: '2023-13-01', Published: 'March 2023' },
        Organizations: [{ Name: 'O', Email: 'data(at)example.org', URL: 'https://exa mple.org' }],
      },
    }),
  },
  {
    name: 'invalid-types.json',
    about: 'values of the wrong type across the card',
    card: datasetCard({
      Name: 42,
      Descriptors: { Version: 2.1 },
      'Dataset properties': { Noise: false },
      Imaging: { 'Pre-processing': ['resize'] },
      Indexing: { SNOMED: ['233604007'] },
    }),
  },
  {
    name: 'invalid-lengths.json',
    about: 'name, link, keyword and procedure lengths outside their limits',
    card: datasetCard({
      Name: 'CXR',
      Link: `https://example.org/${text(237)}`,
      Indexing: { Keywords: ['x', text(65, '🩻')] },
      Imaging: { Procedures: [{ Name: 'X', LOINC: '' }] },
    }),
  },
  {
    name: 'invalid-lengths-astral.json',
    about: 'a name of three emoji: six UTF-16 units, but three characters',
    card: datasetCard({ Name: '🫁🩻🫁' }),
  },
  {
    name: 'invalid-min-items.json',
    about: 'empty lists where at least one item is wanted',
    card: datasetCard({
      Indexing: { Content: [], Keywords: [] },
      Imaging: { Modalities: [], Procedures: [], 'File format': [] },
    }),
  },
  {
    name: 'invalid-unique-items.json',
    about: 'repeated content codes, RadLex ids, SNOMED codes and keywords',
    card: datasetCard({
      Indexing: {
        Content: ['CH', 'CT', 'CH'],
        RadLex: ['RID58', 'RID58'],
        SNOMED: [10200004, 10200004],
        Keywords: ['chest', 'chest'],
      },
    }),
  },
  {
    name: 'invalid-properties-count.json',
    about: 'an empty procedure and one with four keys',
    card: datasetCard({
      Imaging: { Procedures: [{}, { Name: 'XR', RadLex: 'RPID1', LOINC: '1', Code: 'x' }] },
    }),
  },
  {
    name: 'invalid-required-nested.json',
    about: 'required keys missing in an author, an organization and a reference',
    card: datasetCard({
      Descriptors: {
        Authors: [{ ORCID: 'https://orcid.org/0000-0002-1825-0097' }],
        Organizations: [{ Email: 'data@example.org' }],
        References: [{ DOI: '10.1/x' }],
      },
    }),
  },
  {
    name: 'invalid-many-problems.json',
    about: 'a realistic card with many unrelated mistakes',
    card: datasetCard({
      Descriptors: { Date: { Published: '2023/03/01' }, License: 'CC BY' },
      Imaging: { 'Burned-in PHI': 'None', 'File format': ['Dicom'] },
      Partitions: [
        {
          Partition: 'Testing',
          Total: { Patients: 3000, 'Age range': [18, 90] },
          Subsets: [{ Race: 'White', 'Patient count': '1000' }, { Sex: 'M' }],
        },
      ],
    }),
  },
  {
    name: 'invalid-top-level-list.json',
    about: 'a list of cards instead of one card',
    card: [datasetCard(), datasetCard()],
  },
  {
    name: 'invalid-top-level-string.json',
    about: 'a JSON string holding a card (encoded twice)',
    card: JSON.stringify(datasetCard()),
  },
  {
    name: 'invalid-subsets.yaml',
    about: 'YAML: sex and demographic values, quoted count, capital unit',
    text: true,
    card: lines(
      `$schema: ${datasetSchemaId}`,
      'Dataset:',
      '  Name: Chest radiograph evaluation set',
      '  Link: https://example.org/datasets/cxr-eval',
      '  Partitions:',
      '    - Partition: Test',
      '      Subsets:',
      '        - Sex: F',
      '          Patient count: "1500"',
      '        - Demographic: Black',
      '          Age range: [[18, Years], [90, years]]',
    ),
  },
  {
    name: 'invalid-burned-in-phi.yaml',
    about: 'YAML: "yes" stays the text "yes" (core schema), which is not "Yes"',
    text: true,
    card: lines(
      `$schema: ${datasetSchemaId}`,
      'Dataset:',
      '  Name: Chest radiograph evaluation set',
      '  Link: https://example.org/datasets/cxr-eval',
      '  Imaging:',
      '    Burned-in PHI: yes',
    ),
  },
  {
    name: 'invalid-partitions.yaml',
    about: 'YAML: a partition list item without its name, a misspelt key',
    text: true,
    card: lines(
      `$schema: ${datasetSchemaId}`,
      'Dataset:',
      '  Name: Chest radiograph evaluation set',
      '  Link: https://example.org/datasets/cxr-eval',
      '  Partitions:',
      '    - Total:',
      '        Patient count: 10',
      '    - Partition: Training',
      '      Subset: []',
    ),
  },
  {
    name: 'invalid-schema-missing.yaml',
    about: 'YAML: no `$schema`',
    text: true,
    card: lines(
      'Dataset:',
      '  Name: Chest radiograph evaluation set',
      '  Link: https://example.org/datasets/cxr-eval',
    ),
  },
  {
    name: 'invalid-counts.yaml',
    about: 'YAML: a count written as 1,000 is text; a count of 1.5',
    text: true,
    card: lines(
      `$schema: ${datasetSchemaId}`,
      'Dataset:',
      '  Name: Chest radiograph evaluation set',
      '  Link: https://example.org/datasets/cxr-eval',
      '  Partitions:',
      '    - Partition: Test',
      '      Total:',
      '        Patient count: 1,000',
      '        Image count: 1.5',
    ),
  },
];

/** Every dataset card of the corpus. */
export const datasetCases: readonly CorpusCase[] = [...valid, ...invalid];
