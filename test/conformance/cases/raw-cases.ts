/**
 * Cards whose exact bytes matter, kept as written (the formatter never touches them, see
 * `.prettierignore`): syntax errors, duplicate keys, integers beyond 2^53, number literals,
 * byte-order marks and line ends, invalid UTF-8, nesting depth, and YAML's own constructs.
 * Their names end in `.raw.json` or `.raw.yaml`.
 */
import { datasetSchemaId, lines, modelSchemaId, type CorpusCase } from './case.ts';

/** A raw case: text, or bytes for files that are not UTF-8. */
export interface RawCase extends Omit<CorpusCase, 'card' | 'text'> {
  bytes: string | Uint8Array;
}

const modelHead = [
  '{',
  `  "$schema": "${modelSchemaId}",`,
  '  "Model": {',
  '    "Name": "Chest radiograph triage model",',
  '    "Link": "https://example.org/models/cxr-triage",',
];
const datasetHead = [
  '{',
  `  "$schema": "${datasetSchemaId}",`,
  '  "Dataset": {',
  '    "Name": "Chest radiograph evaluation set",',
  '    "Link": "https://example.org/datasets/cxr-eval",',
];
const modelYamlHead = [
  `$schema: ${modelSchemaId}`,
  'Model:',
  '  Name: Chest radiograph triage model',
  '  Link: https://example.org/models/cxr-triage',
];
const datasetYamlHead = [
  `$schema: ${datasetSchemaId}`,
  'Dataset:',
  '  Name: Chest radiograph evaluation set',
  '  Link: https://example.org/datasets/cxr-eval',
];

/** A JSON card whose `Model` (or `Dataset`) ends with `body` lines. */
function json(head: string[], ...body: string[]): string {
  return lines(...head, ...body, '  }', '}');
}

/** `depth` nested lists around a string, as one line. */
function nested(depth: number): string {
  return `${'['.repeat(depth)}"deep"${']'.repeat(depth)}`;
}

/** Latin-1 bytes of a text (é becomes the single byte 0xE9, which is not UTF-8). */
function latin1(text: string): Uint8Array {
  return Uint8Array.from([...text].map((char) => char.charCodeAt(0) & 0xff));
}

export const rawModelCases: readonly RawCase[] = [
  {
    name: 'invalid-syntax-trailing-comma.raw.json',
    about: 'JSON: a trailing comma, reported at its position',
    bytes: json(modelHead, '    "Summary": "x",'),
  },
  {
    name: 'invalid-syntax-single-quotes.raw.json',
    about: 'JSON: single quotes',
    bytes: json(modelHead, "    'Summary': 'x'"),
  },
  {
    name: 'invalid-syntax-comment.raw.json',
    about: 'JSON: a comment',
    bytes: json(modelHead, '    // the version', '    "Summary": "x"'),
  },
  {
    name: 'invalid-syntax-unclosed.raw.json',
    about: 'JSON: the file ends inside the object',
    bytes: lines(...modelHead, '    "Summary": "x"'),
  },
  { name: 'invalid-syntax-empty.raw.json', about: 'JSON: an empty file', bytes: '' },
  {
    name: 'invalid-syntax-two-values.raw.json',
    about: 'JSON: two objects one after the other',
    bytes: `${json(modelHead, '    "Summary": "x"')}{}\n`,
  },
  {
    name: 'invalid-duplicate-keys.raw.json',
    about: 'JSON: Name twice and Link three times (the schema alone sees the last)',
    bytes: json(
      modelHead,
      '    "Name": "Overwritten model name",',
      '    "Link": "not a uri",',
      '    "Link": "https://example.org/models/overwritten"',
    ),
  },
  {
    name: 'invalid-duplicate-keys-nested.raw.json',
    about: 'JSON: a repeated key deep in a reference',
    bytes: json(
      modelHead,
      '    "Descriptors": {',
      '      "References": [{ "Title": "A", "PMID": 1, "PMID": 2 }]',
      '    }',
    ),
  },
  {
    name: 'valid-big-integers.raw.json',
    about: 'JSON: SNOMED ids and a PMID beyond 2^53 (warnings; digits kept)',
    bytes: json(
      modelHead,
      '    "Indexing": { "SNOMED": [233604007, 900000000000207008, 9007199254740993] },',
      '    "Descriptors": { "References": [{ "Title": "R", "PMID": 12345678901234567890 }] }',
    ),
  },
  {
    name: 'valid-integer-literals.raw.json',
    about: 'JSON: 37035435.0, 1e3 and 2E+3 are integers; 2^53 - 1 is safe',
    bytes: json(
      modelHead,
      '    "Indexing": { "SNOMED": [1e3, 2E+3, 9007199254740991] },',
      '    "Descriptors": { "References": [{ "Title": "R", "PMID": 37035435.0 }] }',
    ),
  },
  {
    name: 'invalid-unique-equal-numbers.raw.json',
    about: 'JSON: 1 and 1.0 are the same number, so not unique',
    bytes: json(modelHead, '    "Indexing": { "SNOMED": [1, 1.0] }'),
  },
  {
    name: 'valid-escaped-astral.raw.json',
    about: 'JSON: four emoji written as escaped surrogate pairs make a 4-character name',
    bytes: lines(
      '{',
      `  "$schema": "${modelSchemaId}",`,
      '  "Model": {',
      '    "Name": "\\ud83e\\udec1\\ud83e\\udec1\\ud83e\\udec1\\ud83e\\udec1",',
      '    "Link": "https://example.org/models/cxr-triage"',
      '  }',
      '}',
    ),
  },
  {
    name: 'invalid-escaped-astral.raw.json',
    about: 'JSON: three escaped emoji are three characters, too short for a name',
    bytes: lines(
      '{',
      `  "$schema": "${modelSchemaId}",`,
      '  "Model": {',
      '    "Name": "\\ud83e\\udec1\\ud83e\\udec1\\ud83e\\udec1",',
      '    "Link": "https://example.org/models/cxr-triage"',
      '  }',
      '}',
    ),
  },
  {
    name: 'valid-bom-crlf.raw.json',
    about: 'JSON: a byte-order mark and CRLF line ends',
    bytes: `\uFEFF${json(modelHead, '    "Summary": "x"').replaceAll('\n', '\r\n')}`,
  },
  {
    name: 'invalid-encoding-latin1.raw.json',
    about: 'JSON saved as Latin-1: the é is not UTF-8',
    bytes: latin1(json(modelHead, '    "Summary": "Modèle de tri"')),
  },
  {
    name: 'invalid-too-deep.raw.json',
    about: 'JSON: lists nested 250 levels deep',
    bytes: json(modelHead, `    "Summary": ${nested(250)}`),
  },
  {
    name: 'invalid-syntax-indent.raw.yaml',
    about: 'YAML: a key indented wrongly',
    bytes: lines(...modelYamlHead, '  Descriptors:', '    Version: "1.0"', '   Comments: x'),
  },
  {
    name: 'invalid-syntax-tab.raw.yaml',
    about: 'YAML: a tab used for indentation',
    bytes: lines(...modelYamlHead, '  Descriptors:', '\tVersion: "1.0"'),
  },
  {
    name: 'invalid-multi-document.raw.yaml',
    about: 'YAML: two documents in one file',
    bytes: lines(...modelYamlHead, '---', ...modelYamlHead),
  },
  {
    name: 'invalid-duplicate-keys.raw.yaml',
    about: 'YAML: Link twice',
    bytes: lines(...modelYamlHead, '  Link: https://example.org/models/other'),
  },
  {
    name: 'valid-big-integers.raw.yaml',
    about: 'YAML: a SNOMED id beyond 2^53 (warning); a long file number stays text',
    bytes: lines(
      ...modelYamlHead,
      '  Indexing:',
      '    SNOMED: [900000000000207008]',
      '  Model properties:',
      '    Regulatory information:',
      '      File number: 123456789012345678901',
    ),
  },
  {
    name: 'invalid-not-json-values.raw.yaml',
    about: 'YAML: .inf and .nan have no JSON value; where text is wanted .inf stays text',
    bytes: lines(...modelYamlHead, '  Summary: .inf', '  Indexing:', '    SNOMED: [.inf, .nan]'),
  },
  {
    name: 'invalid-collection-key.raw.yaml',
    about: 'YAML: a list used as a key',
    bytes: lines(...modelYamlHead, '  ? [Name, Link]', '  : both'),
  },
  {
    name: 'invalid-aliases-recursive.raw.yaml',
    about: 'YAML: an alias inside its own anchor',
    bytes: lines(...modelYamlHead, '  Indexing: &loop', '    Keywords: [*loop]'),
  },
];

export const rawDatasetCases: readonly RawCase[] = [
  {
    name: 'invalid-syntax-trailing-comma.raw.json',
    about: 'JSON: a trailing comma in a partition',
    bytes: json(datasetHead, '    "Partitions": [{ "Partition": "Test", }]'),
  },
  {
    name: 'invalid-syntax-unquoted-key.raw.json',
    about: 'JSON: a key without quotes',
    bytes: json(datasetHead, '    Partitions: [{ "Partition": "Test" }]'),
  },
  {
    name: 'invalid-duplicate-keys.raw.json',
    about: 'JSON: a partition with Partition twice and a count twice',
    bytes: json(
      datasetHead,
      '    "Partitions": [',
      '      {',
      '        "Partition": "Training",',
      '        "Partition": "Test",',
      '        "Total": { "Patient count": 10, "Patient count": 12 }',
      '      }',
      '    ]',
    ),
  },
  {
    name: 'invalid-duplicate-keys.raw.yaml',
    about: 'YAML: Sex twice in one subset',
    bytes: lines(
      ...datasetYamlHead,
      '  Partitions:',
      '    - Partition: Test',
      '      Subsets:',
      '        - Sex: Female',
      '          Sex: Male',
    ),
  },
  {
    name: 'valid-big-integers.raw.json',
    about: 'JSON: an image count beyond 2^53 (warning; digits kept)',
    bytes: json(
      datasetHead,
      '    "Partitions": [{ "Partition": "Test", "Total": { "Image count": 12345678901234567890 } }]',
    ),
  },
  {
    name: 'valid-big-integers.raw.yaml',
    about: 'YAML: a SNOMED id beyond 2^53 (warning)',
    bytes: lines(...datasetYamlHead, '  Indexing:', '    SNOMED: [900000000000207008]'),
  },
  {
    name: 'valid-integer-literals.raw.json',
    about: 'JSON: 18.0 and 1e3 are integers, so valid ages and counts',
    bytes: json(
      datasetHead,
      '    "Partitions": [',
      '      {',
      '        "Partition": "Test",',
      '        "Total": { "Patient count": 1e3, "Age range": [[18.0, "years"], [65, "years"]] }',
      '      }',
      '    ]',
    ),
  },
  {
    name: 'valid-bom-crlf.raw.yaml',
    about: 'YAML: a byte-order mark and CRLF line ends',
    bytes: `\uFEFF${lines(...datasetYamlHead, '  Imaging:', '    Burned-in PHI: Unknown').replaceAll('\n', '\r\n')}`,
  },
  {
    name: 'invalid-encoding-latin1.raw.yaml',
    about: 'YAML saved as Latin-1: the é is not UTF-8',
    bytes: latin1(lines(...datasetYamlHead, '  Dataset properties:', '    Sampling: Sélection')),
  },
  {
    name: 'invalid-syntax-unclosed.raw.yaml',
    about: 'YAML: an unclosed flow list',
    bytes: lines(...datasetYamlHead, '  Partitions: [{ Partition: Test }'),
  },
  {
    name: 'invalid-too-deep.raw.yaml',
    about: 'YAML: lists nested 250 levels deep',
    bytes: lines(...datasetYamlHead, `  Partitions: ${nested(250)}`),
  },
  {
    name: 'invalid-empty.raw.yaml',
    about: 'YAML: an empty file',
    bytes: '',
  },
];
