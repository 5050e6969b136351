import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblems } from '../../../src/pipeline/problems/format.ts';
import type { Problem } from '../../../src/pipeline/problems/problem.ts';
import { checkCard } from '../../../src/pipeline/validate/index.ts';
import { casesDir, fixturesDir, hasShared, studyCard } from './shared-data.ts';

const cardsDir = `${fixturesDir}cards/`;
const goldenFile = `${cardsDir}expected-problems.txt`;
const schemaId = 'https://atlas.rsna.org/schemas/2025-11/model.json';

function checkFile(path: string, name = path) {
  return checkCard(readFileSync(path, 'utf8'), name);
}

function summary(problems: Problem[]) {
  return problems.map(({ severity, code, pointer, line }) => ({ severity, code, pointer, line }));
}

describe('fixture cards', () => {
  const names = readdirSync(cardsDir)
    .filter((name) => /\.(json|ya?ml)$/.test(name))
    .sort();

  it('give the pinned located messages (golden file; AUDITCARD_UPDATE_GOLDEN=1 rewrites it)', () => {
    const text = names
      .map((name) => {
        const { problems } = checkFile(`${cardsDir}${name}`, name);
        return `## ${name}\n${formatProblems(problems, 'human') || '(no problems)\n'}`;
      })
      .join('\n');
    if (process.env.AUDITCARD_UPDATE_GOLDEN === '1') writeFileSync(goldenFile, text);
    expect(existsSync(goldenFile), 'write the golden file with the variable set').toBe(true);
    expect(text).toBe(readFileSync(goldenFile, 'utf8'));
  });

  it('are valid without a single warning when named valid-', () => {
    for (const name of names.filter((one) => one.startsWith('valid-'))) {
      expect({ name, problems: checkFile(`${cardsDir}${name}`).problems }).toEqual({
        name,
        problems: [],
      });
    }
  });

  it('each have an error when named invalid-', () => {
    for (const name of names.filter((one) => one.startsWith('invalid-'))) {
      const { problems } = checkFile(`${cardsDir}${name}`);
      expect(
        problems.some((found) => found.severity === 'error'),
        name,
      ).toBe(true);
      for (const found of problems) {
        expect(found.line, `${name} ${found.message}`).toBeGreaterThan(0);
        expect(found.column, `${name} ${found.message}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('checkCard', () => {
  it('suggests the allowed key for a misspelling, at the key', () => {
    const { problems } = checkFile(`${cardsDir}invalid-misspelt-key.json`);
    const misspelt = problems.find(
      (found) => found.pointer === '/Model/Descriptors/Ethical Review',
    );
    expect(misspelt?.hint).toMatch(/^Did you mean "Ethical review"\?/);
    expect(misspelt?.line).toBe(6);
  });

  it('reports one problem for a failed anyOf, not one per alternative', () => {
    const { problems } = checkFile(`${cardsDir}invalid-dates.json`);
    expect(problems.map((found) => found.pointer)).toEqual([
      '/Model/Descriptors/Date/Created',
      '/Model/Descriptors/Date/Published',
      '/Model/Descriptors/Date/Updated',
    ]);
    expect(problems[0]?.message).toBe(
      '/Model/Descriptors/Date/Created: must be a date (YYYY-MM-DD) or an integer, found "2023-02-30"',
    );
  });

  it('keeps a plain YAML number as written where the schema wants a string', () => {
    const { problems, value } = checkFile(`${cardsDir}invalid-yaml-scalars.yaml`, 'card.yaml');
    expect(value).toMatchObject({ Model: { Descriptors: { Version: '1.10', Contact: 'yes' } } });
    expect(problems.map((found) => found.pointer)).toEqual([
      '/Model/Descriptors/Comments',
      '/Model/Model properties/Regulatory information/FDA cleared',
    ]);
    expect(problems[0]?.hint).toBe(
      'YAML reads this as null; put the value in quotes to keep it as text.',
    );
  });

  it('keeps YAML dates as strings', () => {
    const { value, problems } = checkFile(`${cardsDir}valid-minimal.yaml`);
    expect(problems).toEqual([]);
    expect(value).toMatchObject({ Model: { Descriptors: { Date: { Created: '2024-02-28' } } } });
  });

  it('gives the right $schema when it is unknown or missing', () => {
    const missing = checkCard('{ "Model": {} }', 'card.json').problems;
    expect(summary(missing)).toEqual([
      { severity: 'error', code: 'CardUnknownSchema', pointer: '', line: 1 },
    ]);
    expect(missing[0]?.hint).toBe(
      `Add "$schema": "${schemaId}": the schema of ATLAS model cards (this card has a "Model" object).`,
    );
    const older = checkFile(`${cardsDir}invalid-schema-id.json`).problems;
    expect(older[0]?.hint).toBe(
      `Did you mean "${schemaId}"? Set "$schema" to it: the schema of ATLAS model cards (this ` +
        'card has a "Model" object).',
    );
    const neither = checkCard('{ "Card": {} }', 'card.json').problems;
    expect(neither[0]?.hint).toBe(
      `Set "$schema" to one of: ${schemaId} (a model card, with "Model"); ` +
        'https://atlas.rsna.org/schemas/2025-11/dataset.json (a dataset card, with "Dataset").',
    );
  });

  it('reports JSON syntax errors at their position', () => {
    const text = `{\n  "$schema": "${schemaId}",\n  "Model": { "Name": "abcd", }\n}\n`;
    expect(summary(checkCard(text, 'card.json').problems)).toEqual([
      { severity: 'error', code: 'CardJsonSyntax', pointer: undefined, line: 3 },
    ]);
    expect(checkCard('', 'card.json').problems[0]?.code).toBe('CardJsonSyntax');
  });

  it('reports YAML syntax errors at their position', () => {
    const text = `$schema: ${schemaId}\nModel:\n  Name: "unclosed\n  Link: https://example.org\n`;
    const [first] = checkCard(text, 'card.yaml').problems;
    expect(first?.code).toBe('CardYamlSyntax');
    expect(first?.line).toBeGreaterThanOrEqual(3);
  });

  it('reports duplicate YAML keys with every line', () => {
    const text = `$schema: ${schemaId}\nModel:\n  Name: Twice named\n  Link: https://example.org/a\n  Link: https://example.org/b\n`;
    const { problems, value } = checkCard(text, 'card.yaml');
    expect(summary(problems)).toEqual([
      { severity: 'error', code: 'CardDuplicateKey', pointer: '/Model/Link', line: 5 },
    ]);
    expect(problems[0]?.message).toBe(
      'the object at /Model defines "Link" 2 times, at lines 4 and 5',
    );
    expect(value).toMatchObject({ Model: { Link: 'https://example.org/b' } });
  });

  it('gives a JSON-encoded string its own message', () => {
    const { problems } = checkFile(`${cardsDir}invalid-double-encoded.json`);
    expect(problems.map((found) => found.code)).toEqual(['CardNotAnObject']);
    expect(problems[0]?.message).toMatch(/encoded twice/);
    expect(checkFile(`${cardsDir}invalid-array.json`).problems[0]?.message).toMatch(/a list$/);
  });

  it('keeps a __proto__ key as data', () => {
    const { value, problems } = checkFile(`${cardsDir}invalid-proto-key.json`);
    expect(Object.getPrototypeOf((value as { Model: object }).Model)).toBe(Object.prototype);
    expect(problems.map((found) => found.pointer)).toEqual(['/Model/__proto__']);
  });

  it('warns when the card names another version than its folder, at the Version value', () => {
    const text = readFileSync(`${cardsDir}valid-minimal.yaml`, 'utf8');
    const { problems } = checkCard(text, 'content/m/1.0/card.yaml', { folderVersion: '1.0' });
    expect(problems).toEqual([
      {
        code: 'CardVersionMismatch',
        severity: 'warning',
        message: '/Model/Descriptors/Version: the card says version "1.10" but its folder is "1.0"',
        hint:
          'The site names a version by its folder, so pages would show both. Rename the folder ' +
          'to "1.10" if this is that version, or fix the card\'s Version to "1.0".',
        file: 'content/m/1.0/card.yaml',
        line: 6,
        column: 14,
        pointer: '/Model/Descriptors/Version',
      },
    ]);
  });

  it('accepts a Version equal to the folder, a missing Version, and a card checked alone', () => {
    const minimal = readFileSync(`${cardsDir}valid-minimal.yaml`, 'utf8');
    expect(checkCard(minimal, 'card.yaml', { folderVersion: '1.10' }).problems).toEqual([]);
    expect(checkCard(minimal, 'card.yaml').problems).toEqual([]);
    const unversioned = minimal.replace("    Version: '1.10'\n", '');
    expect(checkCard(unversioned, 'card.yaml', { folderVersion: '1.0' }).problems).toEqual([]);
  });

  it.skipIf(!hasShared)('accepts the study card without problems', () => {
    expect(checkFile(studyCard).problems).toEqual([]);
  });
});

describe.skipIf(!hasShared)('shared cases', () => {
  const check = (name: string) => checkFile(`${casesDir}${name}`, name).problems;

  it('16: unanchored patterns — one schema error, warnings for codes that are not bare', () => {
    expect(summary(check('16-pattern-unanchored.json'))).toEqual([
      {
        severity: 'warning',
        code: 'CardCodeNotBare',
        pointer: '/Model/Indexing/RadLex/0',
        line: 8,
      },
      {
        severity: 'error',
        code: 'CardSchemaViolation',
        pointer: '/Model/Indexing/RadLex/1',
        line: 8,
      },
      {
        severity: 'warning',
        code: 'CardCodeNotBare',
        pointer: '/Model/Descriptors/Authors/0/ORCID',
        line: 12,
      },
      {
        severity: 'warning',
        code: 'CardCodeNotBare',
        pointer: '/Model/Descriptors/References/0/DOI',
        line: 17,
      },
      {
        severity: 'warning',
        code: 'CardCodeNotBare',
        pointer: '/Model/Descriptors/References/0/PMCID',
        line: 18,
      },
      {
        severity: 'warning',
        code: 'CardCodeNotBare',
        pointer: '/Model/Imaging/Procedures/0/RadLex',
        line: 23,
      },
      {
        severity: 'warning',
        code: 'CardCodeNotBare',
        pointer: '/Model/Model properties/Output/CDEs/0',
        line: 26,
      },
    ]);
  });

  it('17: URI formats as ajv-formats full mode, and a warning for javascript:', () => {
    expect(summary(check('17-uri-format.json'))).toEqual([
      { severity: 'error', code: 'CardSchemaViolation', pointer: '/Model/Link', line: 5 },
      {
        severity: 'warning',
        code: 'CardLinkNotHttp',
        pointer: '/Model/Descriptors/License/URL',
        line: 7,
      },
      {
        severity: 'error',
        code: 'CardSchemaViolation',
        pointer: '/Model/Descriptors/Organizations/0/URL',
        line: 9,
      },
      {
        severity: 'error',
        code: 'CardSchemaViolation',
        pointer: '/Model/Descriptors/Organizations/1/URL',
        line: 10,
      },
      {
        severity: 'error',
        code: 'CardSchemaViolation',
        pointer: '/Model/Descriptors/Organizations/2/URL',
        line: 11,
      },
    ]);
  });

  it('19: duplicate keys are errors listing every line', () => {
    const problems = check('19-duplicate-keys.json');
    expect(problems.map((found) => [found.code, found.pointer, found.message])).toEqual([
      [
        'CardDuplicateKey',
        '/Model/Name',
        'the object at /Model defines "Name" 2 times, at lines 4 and 7',
      ],
      [
        'CardDuplicateKey',
        '/Model/Link',
        'the object at /Model defines "Link" 3 times, at lines 5, 8 and 9',
      ],
    ]);
  });

  it('20: integers beyond 2^53 are named, and their digits kept as written', () => {
    const result = checkFile(`${casesDir}20-big-integer.json`);
    expect(summary(result.problems)).toEqual([
      {
        severity: 'warning',
        code: 'CardUnsafeInteger',
        pointer: '/Model/Indexing/SNOMED/1',
        line: 6,
      },
      {
        severity: 'warning',
        code: 'CardUnsafeInteger',
        pointer: '/Model/Indexing/SNOMED/2',
        line: 6,
      },
      {
        severity: 'warning',
        code: 'CardUnsafeInteger',
        pointer: '/Model/Descriptors/References/1/PMID',
        line: 9,
      },
    ]);
    expect(result.rawIntegers).toEqual({
      '/Model/Indexing/SNOMED/1': '900000000000207008',
      '/Model/Indexing/SNOMED/2': '9007199254740993',
      '/Model/Descriptors/References/1/PMID': '12345678901234567890',
    });
  });
});
