/**
 * Model cards of the corpus: every object of the ATLAS 2025-11 model schema, every enum,
 * pattern and format, length limits counted in code points, `minItems`, `uniqueItems`,
 * `minProperties`/`maxProperties`, and nested `$ref`s, each valid and invalid.
 */
import { enumAt, lines, modelCard, modelSchemaId, text, type CorpusCase } from './case.ts';

const defs = '/$defs';
const contentCodes = enumAt('model', `${defs}/Indexing/properties/Content/items`);
const modalities = enumAt('model', `${defs}/Imaging/properties/Modalities/items`);
const fileFormats = enumAt('model', `${defs}/Imaging/properties/File format/items`);
const metrics = enumAt('model', `${defs}/Metrics/properties/Metrics/items`);
const ehrSystems = enumAt(
  'model',
  `${defs}/Model-properties/properties/EHR compatibility/properties/List/items`,
);

/** A card with every key of every object filled in, valid. */
export const fullModel = modelCard({
  Summary: 'Flags chest radiographs with a likely pleural effusion for early reading.',
  Indexing: {
    Content: ['CH', 'IN'],
    RadLex: ['RID10345', 'RID34539'],
    SNOMED: [233604007, 60046008],
    Keywords: ['pleural effusion', 'triage'],
  },
  Descriptors: {
    Authors: [
      {
        Name: 'Ada Example',
        Email: 'ada@example.org',
        Address: '1 Example Road, Exampletown',
        ORCID: 'https://orcid.org/0000-0002-1825-0097',
        URL: 'https://example.org/people/ada',
      },
    ],
    Comments: 'Synthetic card for the conformance corpus.',
    Contact: 'models@example.org',
    Date: { Created: '2024-01-15', Published: 2024, Updated: '2025-03-01' },
    'Ethical review': 'Approved by the example review board (ref. 2023-17).',
    Funding: 'None.',
    License: { Text: 'Apache-2.0', URL: 'https://www.apache.org/licenses/LICENSE-2.0' },
    Organizations: [
      {
        Name: 'Example Hospital',
        'Contact name': 'AI governance office',
        Email: 'ai@example.org',
        Address: '2 Example Road, Exampletown',
        URL: 'https://example.org',
      },
    ],
    References: [
      {
        Authors: 'Example A, et al.',
        Title: 'A triage model for chest radiographs',
        Source: 'Example Journal 2024; 1:e1',
        Date: '2024-06-01',
        DOI: '10.1148/ryai.230060',
        URL: 'https://doi.org/10.1148/ryai.230060',
        PMID: 37035435,
        PMCID: 'PMC8017407',
        Notes: 'The evaluation study.',
      },
    ],
    Version: '1.0',
  },
  'Model properties': {
    Architecture: 'DenseNet-121',
    Availability: 'On request.',
    'Clinical benefit': 'Earlier reading of urgent studies.',
    'Clinical workflow phase': 'Worklist prioritization',
    'Decision threshold': 'Score 0.5',
    'Degree of automation': 'Assistive',
    'Indications for use': 'Adult frontal chest radiographs.',
    Input: 'One frontal chest radiograph (DICOM).',
    Instructions: 'Send studies from the PACS router.',
    Limitations: 'Not evaluated on children.',
    Output: { Description: 'A score from 0 to 1.', CDEs: ['RDE397', 'RDES12', 'RDE397.1'] },
    Recommendation: 'Read flagged studies first.',
    'Regulatory information': {
      'FDA cleared': false,
      'CE marked': false,
      'Predicate device': 'None',
      'Authorization status': 'Research use only',
      'File number': 'K000000',
      Comment: 'Not for clinical use.',
    },
    Reproducibility: 'Seeded training; code available.',
    Sustainability: 'Inference on one GPU.',
    Use: {
      Intended: ['worklist triage'],
      'Out-of-scope': ['diagnosis without a reader'],
      Excluded: ['pediatric studies'],
    },
    User: {
      Intended: ['radiologists'],
      'Out-of-scope': ['patients'],
      Excluded: ['untrained staff'],
    },
    'EHR compatibility': { List: ['Epic', 'OpenEMR'], Other: 'Any HL7 FHIR R4 system' },
  },
  Imaging: {
    Modalities: ['Digital radiography (RID10351)', 'Computed radiography (RID10349)'],
    Procedures: [{ Name: 'XR Chest 1V', RadLex: 'RPID145', LOINC: '36554-4' }],
    'File format': ['DICOM', 'PNG'],
    Resolution: '1024 x 1024',
    Comments: 'Frontal views only.',
  },
  'Model performance': {
    Metrics: ['area under the receiver operating characteristic curve', 'sensitivity'],
    Comments: 'On the internal test set.',
  },
});

const valid: CorpusCase[] = [
  { name: 'valid-minimal.json', about: 'only the required keys', card: modelCard() },
  { name: 'valid-full.json', about: 'every key of every object', card: fullModel },
  {
    name: 'valid-key-order.json',
    about: 'keys in any order, `Model` before `$schema`',
    card: { Model: { Link: 'https://example.org/m', Name: 'Key order' }, $schema: modelSchemaId },
  },
  {
    name: 'valid-content-codes-all.json',
    about: 'every content code, once each (uniqueItems)',
    card: modelCard({ Indexing: { Content: contentCodes } }),
  },
  {
    name: 'valid-modalities-all.json',
    about: 'every imaging modality',
    card: modelCard({ Imaging: { Modalities: modalities } }),
  },
  {
    name: 'valid-file-formats-all.json',
    about: 'every file format',
    card: modelCard({ Imaging: { 'File format': fileFormats } }),
  },
  {
    name: 'valid-metrics-all.json',
    about: 'every metric, including the ones spelt with ’ and – (U+2019, U+2013)',
    card: modelCard({ 'Model performance': { Metrics: metrics } }),
  },
  {
    name: 'valid-ehr-systems-all.json',
    about: 'every EHR system',
    card: modelCard({ 'Model properties': { 'EHR compatibility': { List: ehrSystems } } }),
  },
  {
    name: 'valid-repeated-modalities.json',
    about: 'Modalities and File format have no uniqueItems: repeats are valid',
    card: modelCard({
      Imaging: {
        Modalities: ['Mammography (RID10357)', 'Mammography (RID10357)'],
        'File format': ['DICOM', 'DICOM'],
      },
    }),
  },
  {
    name: 'valid-dates-years.json',
    about: 'dates as a year (an integer)',
    card: modelCard({ Descriptors: { Date: { Created: 2019, Published: 2020, Updated: 2025 } } }),
  },
  {
    name: 'valid-dates-iso.json',
    about: 'ISO dates, leap days included',
    card: modelCard({
      Descriptors: {
        Date: { Created: '2000-02-29', Published: '2024-02-29', Updated: '1999-12-31' },
      },
    }),
  },
  {
    name: 'valid-dates-unbounded-years.json',
    about: 'a year is any integer: the schema sets no range',
    card: modelCard({ Descriptors: { Date: { Created: -44, Published: 0, Updated: 99999 } } }),
  },
  {
    name: 'valid-reference-dates.json',
    about: 'reference dates through the nested $ref (Descriptors → Reference → Date)',
    card: modelCard({
      Descriptors: {
        References: [
          { Title: 'Year only', Date: 2023 },
          { Title: 'Full date', Date: '2023-09-27' },
        ],
      },
    }),
  },
  {
    name: 'valid-codes-bare.json',
    about: 'RadLex, RPID, ORCID, DOI, PMID, PMCID and CDE codes written exactly',
    card: modelCard({
      Indexing: { RadLex: ['RID1', 'RID10345'], SNOMED: [0, 233604007] },
      Descriptors: {
        Authors: [{ Name: 'Ada Example', ORCID: 'https://orcid.org/0000-0001-5109-370X' }],
        References: [{ Title: 'Coded reference', DOI: '10.1000/182', PMID: 1, PMCID: 'PMC1' }],
      },
      Imaging: { Procedures: [{ RadLex: 'RPID1' }, { RadLex: 'RPID123456' }] },
      'Model properties': { Output: { CDEs: ['RDE1', 'RDES1', 'RDE1.2'] } },
    }),
  },
  {
    name: 'valid-codes-not-bare.json',
    about: 'unanchored patterns: codes inside other text pass the schema (warnings)',
    card: modelCard({
      Indexing: { RadLex: ['see RID10345 and others', 'RID10321 (CT)'] },
      Descriptors: {
        Authors: [{ Name: 'Ada Example', ORCID: 'https://orcid.org/not-an-orcid' }],
        References: [
          {
            Title: 'Codes with words',
            DOI: 'https://doi.org/10.1148/ryai.230060',
            PMCID: 'notPMC123x',
          },
        ],
      },
      Imaging: { Procedures: [{ RadLex: 'xRPID12' }] },
      'Model properties': { Output: { CDEs: ['see RDE123 in note'] } },
    }),
  },
  {
    name: 'valid-links-not-http.json',
    about: 'valid URIs that are not http(s) (warnings)',
    card: modelCard({
      Link: 'ftp://example.org/model.zip',
      Descriptors: {
        License: { URL: 'javascript:alert(document.domain)' },
        Organizations: [
          { Name: 'Mail', URL: 'mailto:models@example.org' },
          { Name: 'Book', URL: 'urn:isbn:0451450523' },
        ],
        Authors: [{ Name: 'File', URL: 'file:///etc/passwd' }],
      },
    }),
  },
  {
    name: 'valid-uris.json',
    about: 'URIs with a port, query, fragment, IPv6 host, capital scheme, percent-encoding',
    card: modelCard({
      Link: 'HTTPS://EXAMPLE.ORG/Model?v=1&lang=en#card',
      Descriptors: {
        License: { URL: 'https://[2001:db8::1]:8443/license' },
        References: [
          {
            Title: 'Percent-encoded IRI',
            URL: 'https://hi.wikipedia.org/wiki/%E0%A4%9C%E0%A4%B0%E0%A5%8D%E0%A4%AE%E0%A4%A8%E0%A5%80',
          },
        ],
      },
    }),
  },
  {
    name: 'valid-emails.json',
    about: 'email addresses with dots, plus tags, subdomains and punycode',
    card: modelCard({
      Descriptors: {
        Authors: [
          { Name: 'One', Email: 'first.last+cards@sub.example.co.uk' },
          { Name: 'Two', Email: 'x@example.org' },
          { Name: 'Three', Email: 'user@xn--bcher-kva.example' },
        ],
        Organizations: [{ Name: 'Org', Email: "o'brien_lab@example.org" }],
      },
    }),
  },
  {
    name: 'valid-lengths-minimum.json',
    about: 'every minLength met exactly',
    card: modelCard({
      Name: 'Abcd',
      Link: 'a:bc',
      Indexing: { Keywords: ['ab'] },
      Imaging: { Procedures: [{ Name: 'XR', RadLex: 'RPID1', LOINC: '1' }] },
      'Model properties': { Use: { Intended: ['Abcd'] }, User: { Intended: ['Abcd'] } },
    }),
  },
  {
    name: 'valid-lengths-maximum.json',
    about: 'every maxLength met exactly',
    card: modelCard({
      Name: text(256),
      Link: `https://example.org/${text(236)}`,
      Indexing: { Keywords: [text(64)] },
      Imaging: {
        Procedures: [{ Name: text(256), RadLex: 'RPID123456', LOINC: '123456789012' }],
      },
      'Model properties': { Use: { Excluded: [text(64)] }, User: { Excluded: [text(64)] } },
    }),
  },
  {
    name: 'valid-lengths-astral.json',
    about: 'lengths count code points: an emoji is one character (two UTF-16 units)',
    card: modelCard({
      Name: '🫁🫁🫁🫁',
      Indexing: { Keywords: ['🫁🩻', text(64, '🩻')] },
      'Model properties': { Use: { Intended: [text(64, '𝔸')] } },
    }),
  },
  {
    name: 'valid-lengths-astral-maximum.json',
    about: 'a 256-character name of which 128 are astral (384 UTF-16 units)',
    card: modelCard({ Name: `${text(128, '𝔸')}${text(128)}` }),
  },
  {
    name: 'valid-lengths-combining.json',
    about: 'a combining accent is a code point of its own: "e" + U+0301 is two characters',
    card: modelCard({ Name: 'Cafe\u0301', Indexing: { Keywords: ['e\u0301'] } }),
  },
  {
    name: 'valid-unicode-text.json',
    about: 'text in several scripts, right-to-left included',
    card: modelCard({
      Name: 'Modèle de tri thoracique — 胸部X線トリアージ',
      Summary: 'نموذج فرز الصور الشعاعية للصدر. Модель сортировки.',
    }),
  },
  {
    name: 'valid-empty-lists.json',
    about: 'lists without minItems may be empty',
    card: modelCard({
      Descriptors: { Authors: [], Organizations: [], References: [] },
      'Model properties': { Output: { CDEs: [] }, 'EHR compatibility': { List: [] } },
      'Model performance': { Metrics: [] },
    }),
  },
  {
    name: 'valid-empty-objects.json',
    about: 'objects without minProperties may be empty',
    card: modelCard({
      Indexing: {},
      Descriptors: { Date: {} },
      'Model properties': {
        'Regulatory information': {},
        Use: {},
        User: {},
        'EHR compatibility': {},
      },
      Imaging: {},
      'Model performance': {},
    }),
  },
  {
    name: 'valid-license-text.json',
    about: 'License with Text only (minProperties 1)',
    card: modelCard({ Descriptors: { License: { Text: 'CC BY 4.0' } } }),
  },
  {
    name: 'valid-license-not-object.json',
    about: 'the model schema gives License no type: a string License passes it',
    card: modelCard({ Descriptors: { License: 'CC BY 4.0' } }),
  },
  {
    name: 'valid-license-list.json',
    about: 'the model schema gives License no type: a list passes it too',
    card: modelCard({ Descriptors: { License: ['CC BY 4.0'] } }),
  },
  {
    name: 'valid-procedures-keys.json',
    about: 'procedures with one, two and three keys (min/maxProperties)',
    card: modelCard({
      Imaging: {
        Procedures: [
          { Name: 'CT Chest' },
          { Name: 'XR Hand', LOINC: '36623-7' },
          { Name: 'CT Abdomen', LOINC: '36813-4', RadLex: 'RPID16' },
        ],
      },
    }),
  },
  {
    name: 'valid-regulatory.json',
    about: 'regulatory booleans and strings',
    card: modelCard({
      'Model properties': {
        'Regulatory information': {
          'FDA cleared': true,
          'CE marked': true,
          'File number': 'K123456',
        },
      },
    }),
  },
  {
    name: 'valid-summary-multiline.json',
    about: 'a summary with line breaks, tabs and quotes',
    card: modelCard({ Summary: 'Line one.\nLine two,\tindented "quoted".\n' }),
  },
  {
    name: 'valid-minimal.yaml',
    about: 'the minimal card in YAML',
    text: true,
    card: lines(
      `$schema: ${modelSchemaId}`,
      'Model:',
      '  Name: Chest radiograph triage model',
      '  Link: https://example.org/models/cxr-triage',
    ),
  },
  {
    name: 'valid-scalars.yaml',
    about: 'YAML: plain 1.10, 36643 and 0123 stay text where a string is wanted; dates stay text',
    text: true,
    card: lines(
      `$schema: ${modelSchemaId}`,
      'Model:',
      '  Name: Chest radiograph triage model',
      '  Link: https://example.org/models/cxr-triage',
      '  Summary: yes',
      '  Descriptors:',
      '    Version: 1.10',
      '    Comments: 1e3',
      '    Date:',
      '      Created: 2024-02-28',
      '      Published: 2024',
      '  Imaging:',
      '    Procedures:',
      '      - Name: XR Chest',
      '        LOINC: 36643',
      '  Model properties:',
      '    Regulatory information:',
      '      FDA cleared: false',
      '      File number: 0123',
    ),
  },
  {
    name: 'valid-full.yaml',
    about: 'a full card in YAML: block and flow styles, comments, block scalars',
    text: true,
    card: lines(
      '# A model card in YAML.',
      `$schema: ${modelSchemaId}`,
      'Model:',
      '  Name: Chest radiograph triage model',
      '  Link: https://example.org/models/cxr-triage',
      '  Summary: >',
      '    Flags chest radiographs with a likely',
      '    pleural effusion.',
      '  Indexing:',
      '    Content: [CH, IN]',
      '    RadLex: [RID10345]',
      '    SNOMED: [233604007]',
      '    Keywords: [pleural effusion, triage]',
      '  Descriptors:',
      '    Authors:',
      '      - Name: Ada Example',
      '        ORCID: https://orcid.org/0000-0002-1825-0097',
      '    Date: { Created: 2024-01-15, Published: 2024 }',
      '    License: { Text: Apache-2.0 }',
      '    References:',
      '      - Title: A triage model for chest radiographs',
      '        DOI: 10.1148/ryai.230060',
      '        PMID: 37035435',
      '        PMCID: PMC8017407',
      '    Version: 2.0',
      '  Model properties:',
      '    Limitations: |',
      '      Not evaluated on children.',
      '      Not evaluated on lateral views.',
      '    Output:',
      '      CDEs: [RDE397]',
      '    Use:',
      '      Intended: [worklist triage]',
      '  Imaging:',
      '    Modalities: [Digital radiography (RID10351)]',
      '    File format: [DICOM]',
      '  Model performance:',
      '    Metrics: [sensitivity, specificity]',
    ),
  },
  {
    name: 'valid-anchors.yaml',
    about: 'YAML anchors and aliases reuse a list',
    text: true,
    card: lines(
      `$schema: ${modelSchemaId}`,
      'Model:',
      '  Name: Chest radiograph triage model',
      '  Link: https://example.org/models/cxr-triage',
      '  Model properties:',
      '    Use:',
      '      Intended: &triage [worklist triage]',
      '    User:',
      '      Intended: *triage',
    ),
  },
];

/** Unknown keys, one card per object that allows no others; each a near miss of a real key. */
const unknownKeys: CorpusCase[] = [
  ['top-level', 'top level', { Version: '1.0' }, true],
  ['model', '`Model`', { Sumary: 'Misspelt summary.' }],
  [
    'descriptors',
    '`Descriptors`',
    { Descriptors: { 'Ethical Review': 'Approved.', Licence: 'MIT' } },
  ],
  ['date', '`Descriptors.Date`', { Descriptors: { Date: { Publised: 2024 } } }],
  ['license', '`License`', { Descriptors: { License: { Url: 'https://example.org/l' } } }],
  [
    'imaging',
    '`Imaging`',
    { Imaging: { Modality: ['Mammography (RID10357)'], 'File formats': ['PNG'] } },
  ],
  [
    'procedure',
    'an imaging procedure',
    { Imaging: { Procedures: [{ Name: 'XR', 'LOINC code': '1' }] } },
  ],
  ['indexing', '`Indexing`', { Indexing: { Keyword: ['triage'], Snomed: [1] } }],
  [
    'performance',
    '`Model performance`',
    { 'Model performance': { Metric: ['sensitivity'], Comment: 'x' } },
  ],
  [
    'model-properties',
    '`Model properties`',
    { 'Model properties': { Limitation: 'x', Regulatory: 'x' } },
  ],
  ['output', '`Output`', { 'Model properties': { Output: { CDE: ['RDE1'] } } }],
  [
    'regulatory',
    '`Regulatory information`',
    { 'Model properties': { 'Regulatory information': { 'FDA Cleared': true, 'CE mark': true } } },
  ],
  [
    'use',
    '`Use`',
    { 'Model properties': { Use: { 'Intended use': ['triage'], 'Out of scope': ['diagnosis'] } } },
  ],
  ['user', '`User`', { 'Model properties': { User: { 'Excluded users': ['patients'] } } }],
  [
    'ehr',
    '`EHR compatibility`',
    { 'Model properties': { 'EHR compatibility': { list: ['Epic'], Systems: 'x' } } },
  ],
  [
    'organization',
    'an organization',
    {
      Descriptors: {
        Organizations: [{ Name: 'Org', 'E-mail': 'a@example.org', Website: 'https://example.org' }],
      },
    },
  ],
  [
    'person',
    'an author',
    {
      Descriptors: {
        Authors: [
          { Name: 'Ada', Orcid: 'https://orcid.org/0000-0002-1825-0097', Affiliation: 'x' },
        ],
      },
    },
  ],
  [
    'reference',
    'a reference',
    { Descriptors: { References: [{ Title: 'T', Pmid: 1, Doi: '10.1/x' }] } },
  ],
].map(([slug, where, fields, topLevel]) => ({
  name: `invalid-unknown-key-${slug as string}.json`,
  about: `an unknown key in ${where as string}, with the closest allowed key`,
  card: topLevel
    ? { ...modelCard(), ...(fields as object) }
    : modelCard(fields as Record<string, unknown>),
}));

const invalid: CorpusCase[] = [
  {
    name: 'invalid-schema-missing.json',
    about: 'no `$schema`: the hint gives the model schema, since the card has `Model`',
    card: { Model: modelCard().Model },
  },
  {
    name: 'invalid-schema-older.json',
    about: 'an unknown `$schema` close to the right one',
    card: { ...modelCard(), $schema: 'https://atlas.rsna.org/schemas/2025-06/model.json' },
  },
  {
    name: 'invalid-schema-http.json',
    about: '`$schema` with http instead of https',
    card: { ...modelCard(), $schema: 'http://atlas.rsna.org/schemas/2025-11/model.json' },
  },
  {
    name: 'invalid-schema-not-string.json',
    about: '`$schema` that is not a string',
    card: { ...modelCard(), $schema: 2025 },
  },
  {
    name: 'invalid-schema-of-dataset.json',
    about: 'the dataset schema named by a card holding `Model`',
    card: {
      $schema: 'https://atlas.rsna.org/schemas/2025-11/dataset.json',
      Model: modelCard().Model,
    },
  },
  { name: 'invalid-model-missing.json', about: 'no `Model`', card: { $schema: modelSchemaId } },
  {
    name: 'invalid-model-not-object.json',
    about: '`Model` is a string',
    card: { $schema: modelSchemaId, Model: 'Chest radiograph triage model' },
  },
  {
    name: 'invalid-model-list.json',
    about: '`Model` is a list of one object',
    card: { $schema: modelSchemaId, Model: [modelCard().Model] },
  },
  {
    name: 'invalid-name-missing.json',
    about: 'no `Name`',
    card: { $schema: modelSchemaId, Model: { Link: 'https://example.org/m' } },
  },
  {
    name: 'invalid-link-missing.json',
    about: 'no `Link`',
    card: { $schema: modelSchemaId, Model: { Name: 'Chest radiograph triage model' } },
  },
  {
    name: 'invalid-name-link-lowercase.json',
    about: '`name` and `link`: one problem each, at the key, not also "missing"',
    card: {
      $schema: modelSchemaId,
      Model: { name: 'Lowercase keys', link: 'https://example.org/m' },
    },
  },
  ...unknownKeys,
  {
    name: 'invalid-enum-content.json',
    about: 'content codes: spelt out, lower case, unknown, one letter',
    card: modelCard({ Indexing: { Content: ['CHEST', 'ch', 'XX', 'N'] } }),
  },
  {
    name: 'invalid-enum-modalities.json',
    about: 'modalities: wrong case, abbreviation, bare code, name without code, DICOM code',
    card: modelCard({
      Imaging: {
        Modalities: [
          'Computed Tomography (RID10321)',
          'MRI',
          'RID10357',
          'Computed tomography',
          'DX',
        ],
      },
    }),
  },
  {
    name: 'invalid-enum-file-format.json',
    about: 'file formats: NIfTI spelt as usual, lower case, unknown, extension',
    card: modelCard({ Imaging: { 'File format': ['NIfTI', 'png', 'TIFF', 'dcm'] } }),
  },
  {
    name: 'invalid-enum-metrics.json',
    about: "metrics: acronyms, ASCII ' for ’ and - for –, trailing space",
    card: modelCard({
      'Model performance': {
        Metrics: [
          'AUC',
          "Harrell's C-index",
          'Damerau-Levenshtein distance',
          'F1',
          'sensitivity ',
          'Dice',
        ],
      },
    }),
  },
  {
    name: 'invalid-enum-ehr.json',
    about: 'EHR systems: longer and shorter names than the vocabulary',
    card: modelCard({
      'Model properties': {
        'EHR compatibility': { List: ['Epic Systems', 'Cerner', 'Meditech', 'Allscripts'] },
      },
    }),
  },
  {
    name: 'invalid-pattern-radlex.json',
    about: 'RadLex ids: lower case, no digits, a space, digits only',
    card: modelCard({ Indexing: { RadLex: ['rid123', 'RID', 'R ID12', '10345'] } }),
  },
  {
    name: 'invalid-pattern-rpid.json',
    about: 'RadLex Playbook ids: short prefix, lower case, digits only',
    card: modelCard({
      Imaging: { Procedures: [{ RadLex: 'RP145' }, { RadLex: 'rpid145' }, { RadLex: '14500' }] },
    }),
  },
  {
    name: 'invalid-pattern-orcid.json',
    about: 'ORCID: bare iD (pattern and format fail: one problem), http, no scheme',
    card: modelCard({
      Descriptors: {
        Authors: [
          { Name: 'A', ORCID: '0000-0002-1825-0097' },
          { Name: 'B', ORCID: 'http://orcid.org/0000-0002-1825-0097' },
          { Name: 'C', ORCID: 'orcid.org/0000-0002-1825-0097' },
        ],
      },
    }),
  },
  {
    name: 'invalid-pattern-doi.json',
    about: 'DOIs without the 10.nnnn/ prefix',
    card: modelCard({
      Descriptors: {
        References: [
          { Title: 'A', DOI: 'doi.org/abc' },
          { Title: 'B', DOI: '10.1148' },
          { Title: 'C', DOI: 'ryai.230060' },
        ],
      },
    }),
  },
  {
    name: 'invalid-pattern-pmcid.json',
    about: 'PMCIDs: no digits, lower case, digits only',
    card: modelCard({
      Descriptors: {
        References: [
          { Title: 'A', PMCID: 'PMC' },
          { Title: 'B', PMCID: 'pmc123' },
          { Title: 'C', PMCID: '8017407' },
        ],
      },
    }),
  },
  {
    name: 'invalid-pattern-cde.json',
    about: 'CDE ids: wrong prefix, lower case, no digits',
    card: modelCard({ 'Model properties': { Output: { CDEs: ['CDE12', 'rde12', 'RDE'] } } }),
  },
  {
    name: 'invalid-format-dates.json',
    about: 'dates: impossible day, day/month/year, no zero padding, quoted year',
    card: modelCard({
      Descriptors: {
        Date: { Created: '2023-02-29', Published: '27/09/2023', Updated: '2023-2-3' },
        References: [{ Title: 'Quoted year', Date: '2023' }],
      },
    }),
  },
  {
    name: 'invalid-format-dates-types.json',
    about: 'dates of the wrong type: a boolean, a fraction, null (one problem per anyOf)',
    card: modelCard({ Descriptors: { Date: { Created: true, Published: 2023.5, Updated: null } } }),
  },
  {
    name: 'invalid-format-email.json',
    about: 'email addresses without a domain, a local part or an @',
    card: modelCard({
      Descriptors: {
        Authors: [
          { Name: 'A', Email: 'not an email' },
          { Name: 'B', Email: 'name@' },
          { Name: 'C', Email: '@example.org' },
          { Name: 'D', Email: 'name at example.org' },
        ],
      },
    }),
  },
  {
    name: 'invalid-format-uri.json',
    about: 'URIs: no scheme, a space, non-ASCII letters, a data: URI with <>',
    card: modelCard({
      Link: 'https://hi.wikipedia.org/wiki/जर्मनी',
      Descriptors: {
        Organizations: [
          { Name: 'A', URL: 'www.example.org/model' },
          { Name: 'B', URL: 'https://example.org/a model card.pdf' },
          { Name: 'C', URL: 'data:text/html,<script>alert(1)</script>' },
        ],
      },
    }),
  },
  {
    name: 'invalid-types-strings.json',
    about: 'numbers, booleans, null and lists where text is wanted',
    card: modelCard({
      Name: 12345,
      Summary: true,
      Descriptors: { Version: 2, Comments: null },
      'Model properties': { Architecture: ['DenseNet'] },
      Indexing: { Keywords: [5] },
    }),
  },
  {
    name: 'invalid-types-integers.json',
    about: 'quoted, fractional and boolean values where an integer is wanted',
    card: modelCard({
      Indexing: { SNOMED: ['233604007', 1.5, true] },
      Descriptors: {
        References: [
          { Title: 'A', PMID: '38074789' },
          { Title: 'B', PMID: 1.5 },
        ],
      },
    }),
  },
  {
    name: 'invalid-types-booleans.json',
    about: 'quoted booleans and numbers where true or false is wanted',
    card: modelCard({
      'Model properties': {
        'Regulatory information': { 'FDA cleared': 'yes', 'CE marked': 1, Comment: 'x' },
      },
    }),
  },
  {
    name: 'invalid-types-lists.json',
    about: 'a single value where a list is wanted',
    card: modelCard({
      Indexing: { Content: 'CH', Keywords: 'triage' },
      Descriptors: { Authors: { Name: 'Ada Example' } },
      Imaging: { Modalities: 'Mammography (RID10357)' },
      'Model properties': { Use: { Intended: 'worklist triage' } },
    }),
  },
  {
    name: 'invalid-types-objects.json',
    about: 'lists, text and booleans where an object is wanted',
    card: modelCard({
      Descriptors: [],
      Imaging: 'DICOM',
      'Model properties': { Output: [], 'Regulatory information': true },
    }),
  },
  {
    name: 'invalid-types-nested.json',
    about: 'an object where text is wanted, deep in nested $refs',
    card: modelCard({
      Descriptors: {
        Date: { Created: { Year: 2024 } },
        References: [{ Title: { Text: 'Nested title' } }],
      },
    }),
  },
  {
    name: 'invalid-lengths-minimum.json',
    about: 'every minLength missed by one (RPID fails its pattern too: one problem)',
    card: modelCard({
      Name: 'Abc',
      Link: 'a:b',
      Indexing: { Keywords: ['a'] },
      Imaging: { Procedures: [{ Name: 'X', RadLex: 'RPID', LOINC: '' }] },
      'Model properties': { Use: { Intended: ['Abc'] }, User: { Intended: ['Ab'] } },
    }),
  },
  {
    name: 'invalid-lengths-maximum.json',
    about: 'every maxLength passed by one',
    card: modelCard({
      Name: text(257),
      Link: `https://example.org/${text(237)}`,
      Indexing: { Keywords: [text(65)] },
      Imaging: {
        Procedures: [{ Name: text(257), RadLex: 'RPID1234567', LOINC: '1234567890123' }],
      },
      'Model properties': { Use: { Excluded: [text(65)] }, User: { Excluded: [text(65)] } },
    }),
  },
  {
    name: 'invalid-lengths-astral.json',
    about: 'too short or long in code points, though not in UTF-16 units',
    card: modelCard({
      Name: '🫁🫁🫁',
      Indexing: { Keywords: ['🫁', text(65, '🩻')] },
      'Model properties': { Use: { Intended: ['🩻🩻🩻'] } },
    }),
  },
  {
    name: 'invalid-lengths-empty.json',
    about: 'empty strings where a minimum length is set',
    card: modelCard({ Name: '', Link: '', Indexing: { Keywords: [''] } }),
  },
  {
    name: 'invalid-min-items.json',
    about: 'empty lists where at least one item is wanted',
    card: modelCard({
      Indexing: { Content: [], RadLex: [], SNOMED: [], Keywords: [] },
      Imaging: { Modalities: [], Procedures: [], 'File format': [] },
      'Model properties': { Use: { Intended: [] }, User: { Excluded: [] } },
    }),
  },
  {
    name: 'invalid-unique-items.json',
    about: 'repeated items in every list that must not repeat',
    card: modelCard({
      Indexing: {
        Content: ['CH', 'CH'],
        RadLex: ['RID1', 'RID2', 'RID1'],
        SNOMED: [233604007, 233604007],
        Keywords: ['triage', 'triage'],
      },
      'Model performance': { Metrics: ['sensitivity', 'specificity', 'sensitivity'] },
      'Model properties': {
        Output: { CDEs: ['RDE1', 'RDE1'] },
        'EHR compatibility': { List: ['Epic', 'Epic'] },
        Use: { Intended: ['worklist triage', 'worklist triage'] },
        User: { Intended: ['radiologists', 'radiologists'] },
      },
    }),
  },
  {
    name: 'invalid-properties-count.json',
    about: 'objects with too few or too many keys (min/maxProperties)',
    card: modelCard({
      Descriptors: { License: {} },
      Imaging: {
        Procedures: [{}, { Name: 'XR', RadLex: 'RPID1', LOINC: '1', Extra: 'x' }],
      },
      'Model properties': { Output: {} },
    }),
  },
  {
    name: 'invalid-required-nested.json',
    about: 'required keys missing deep in nested $refs; a misspelt one reported once',
    card: modelCard({
      Descriptors: {
        Authors: [{ Email: 'ada@example.org' }],
        Organizations: [{ URL: 'https://example.org' }],
        References: [{ title: 'Lower-case title' }, { DOI: '10.1/x' }],
      },
    }),
  },
  {
    name: 'invalid-many-problems.json',
    about: 'a realistic card with many unrelated mistakes',
    card: modelCard({
      Name: 'CXR',
      Indexing: { Content: ['Chest'], RadLex: ['RID 10345'] },
      Descriptors: {
        Date: { Created: '01/02/2024' },
        Authors: [{ Name: 'Ada Example', ORCID: '0000-0002-1825-0097' }],
        References: [{ Title: 'Study', PMID: 'PMID: 37035435' }],
        Version: 1,
      },
      Imaging: { Modalities: ['X-ray'], 'File format': ['dicom'] },
      'Model performance': { Metrics: ['AUROC'] },
    }),
  },
  {
    name: 'invalid-top-level-list.json',
    about: 'a list instead of an object',
    card: [modelCard()],
  },
  {
    name: 'invalid-top-level-string.json',
    about: 'a JSON string holding a card (encoded twice)',
    card: JSON.stringify(modelCard()),
  },
  { name: 'invalid-top-level-null.json', about: 'null instead of an object', card: null },
  {
    name: 'invalid-types.yaml',
    about: 'YAML: empty value (null), quoted boolean, quoted integer, fraction in a date',
    text: true,
    card: lines(
      `$schema: ${modelSchemaId}`,
      'Model:',
      '  Name: Chest radiograph triage model',
      '  Link: https://example.org/models/cxr-triage',
      '  Descriptors:',
      '    Comments:',
      '    Date: { Created: 2024.5 }',
      '    References:',
      '      - Title: A study',
      '        PMID: "37035435"',
      '  Model properties:',
      '    Regulatory information:',
      '      FDA cleared: "false"',
    ),
  },
  {
    name: 'invalid-dates.yaml',
    about: 'YAML: plain dates stay text, so an impossible one is still refused',
    text: true,
    card: lines(
      `$schema: ${modelSchemaId}`,
      'Model:',
      '  Name: Chest radiograph triage model',
      '  Link: https://example.org/models/cxr-triage',
      '  Descriptors:',
      '    Date:',
      '      Created: 2024-02-30',
      '      Published: 02/03/2024',
      '      Updated: 2024-1-5',
    ),
  },
  {
    name: 'invalid-enums.yaml',
    about: 'YAML: enum values, with their positions in flow and block lists',
    text: true,
    card: lines(
      `$schema: ${modelSchemaId}`,
      'Model:',
      '  Name: Chest radiograph triage model',
      '  Link: https://example.org/models/cxr-triage',
      '  Indexing:',
      '    Content: [ch, CT]',
      '  Imaging:',
      '    File format:',
      '      - nifti',
      '      - DICOM',
    ),
  },
  {
    name: 'invalid-unknown-key.yaml',
    about: 'YAML: a misspelt key, at the key',
    text: true,
    card: lines(
      `$schema: ${modelSchemaId}`,
      'Model:',
      '  Name: Chest radiograph triage model',
      '  Link: https://example.org/models/cxr-triage',
      '  Descriptors:',
      '    Ethical Review: Approved.',
    ),
  },
  {
    name: 'invalid-schema-missing.yaml',
    about: 'YAML: no `$schema`',
    text: true,
    card: lines(
      'Model:',
      '  Name: Chest radiograph triage model',
      '  Link: https://example.org/models/cxr-triage',
    ),
  },
];

/** Every model card of the corpus. */
export const modelCases: readonly CorpusCase[] = [...valid, ...invalid];
