/**
 * The conformance corpus (see README.md): the committed files are what the cases generate;
 * there are enough of them; each card's verdict is the one its name states; and our schemas
 * give the official schemas' verdict on every card that parses, with the same failing
 * instance paths.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import datasetSchema from '../../schemas/atlas/2025-11/dataset.json' with { type: 'json' };
import modelSchema from '../../schemas/atlas/2025-11/model.json' with { type: 'json' };
import { hasErrors } from '../../src/pipeline/problems/problem.ts';
import { checkCard, createAjv } from '../../src/pipeline/validate/index.ts';
import {
  hasOfficialDataset,
  hasShared,
  officialDatasetSchema,
  officialModelSchema,
} from '../pipeline/validate/shared-data.ts';
import {
  corpusDir,
  corpusFiles,
  corpusIndex,
  corpusKinds,
  indexFile,
  type CorpusFile,
  type CorpusKind,
} from './corpus.ts';

let files: CorpusFile[] = [];
beforeAll(async () => {
  files = await corpusFiles();
});

/** The card as auditcard reads it (a YAML card as its JSON twin), or undefined. */
function parsed(file: CorpusFile): unknown {
  return checkCard(file.content, file.path).value;
}

/** Whether a validator accepts a card, and the instance paths it fails at. */
function verdict(validate: ValidateFunction, card: unknown) {
  const valid = validate(card);
  const paths = [...new Set((validate.errors ?? []).map((error) => error.instancePath))].sort();
  return { valid, paths };
}

function compile(schema: object): ValidateFunction {
  return createAjv().compile(schema);
}

function readJson(path: string): object {
  return JSON.parse(readFileSync(path, 'utf8')) as object;
}

const ours: Record<CorpusKind, () => ValidateFunction> = {
  model: () => compile(modelSchema),
  dataset: () => compile(datasetSchema),
};

describe('the conformance corpus', () => {
  it('is exactly what cases/ generate (node --import tsx test/conformance/write-corpus.ts)', async () => {
    for (const kind of corpusKinds) {
      const written = readdirSync(`${corpusDir}${kind}`).sort();
      const expected = files.filter((file) => file.kind === kind).map((file) => file.path);
      expect(written.map((name) => `${kind}/${name}`)).toEqual(expected.sort());
    }
    for (const file of files) {
      const bytes = readFileSync(`${corpusDir}${file.path}`);
      expect(bytes.equals(Buffer.from(file.content)), file.path).toBe(true);
    }
    expect(readFileSync(`${corpusDir}${indexFile}`, 'utf8')).toBe(await corpusIndex(files));
  });

  it('has at least 80 model and 80 dataset cards, valid and invalid, JSON and YAML', () => {
    for (const kind of corpusKinds) {
      const ofKind = files.filter((file) => file.kind === kind);
      const named = (pattern: RegExp) => ofKind.filter((file) => pattern.test(file.path)).length;
      expect(ofKind.length, kind).toBeGreaterThanOrEqual(80);
      expect(named(/\/valid-/), kind).toBeGreaterThanOrEqual(25);
      expect(named(/\/invalid-/), kind).toBeGreaterThanOrEqual(40);
      expect(named(/\.ya?ml$/), kind).toBeGreaterThanOrEqual(8);
    }
  });

  it('names each card for its verdict: valid- without errors, invalid- with one at least', () => {
    for (const file of files) {
      const { problems } = checkCard(file.content, file.path);
      const name = file.path.split('/')[1] ?? '';
      expect({ file: file.path, errors: hasErrors(problems) }).toEqual({
        file: file.path,
        errors: name.startsWith('invalid-'),
      });
    }
  });

  it('locates every problem at a line and column', () => {
    for (const file of files) {
      for (const found of checkCard(file.content, file.path).problems) {
        expect(found.line, `${file.path}: ${found.message}`).toBeGreaterThan(0);
        expect(found.column, `${file.path}: ${found.message}`).toBeGreaterThan(0);
      }
    }
  });

  it('has every valid- card accepted by our schema', () => {
    for (const kind of corpusKinds) {
      const validate = ours[kind]();
      for (const file of files.filter((one) => one.kind === kind && /\/valid-/.test(one.path))) {
        expect({ file: file.path, ...verdict(validate, parsed(file)) }).toEqual({
          file: file.path,
          valid: true,
          paths: [],
        });
      }
    }
  });

  const official: Record<CorpusKind, { present: boolean; path: string }> = {
    model: { present: hasShared, path: officialModelSchema },
    dataset: { present: hasOfficialDataset, path: officialDatasetSchema },
  };

  for (const kind of corpusKinds) {
    it.skipIf(!official[kind].present)(
      `gives the official ${kind} schema's verdict and failing paths on every ${kind} card`,
      () => {
        const validateOurs = ours[kind]();
        const validateOfficial = compile(readJson(official[kind].path));
        let compared = 0;
        let invalid = 0;
        for (const file of files.filter((one) => one.kind === kind)) {
          const card = parsed(file);
          if (card === undefined) continue;
          const expected = verdict(validateOfficial, card);
          expect({ file: file.path, ...verdict(validateOurs, card) }).toEqual({
            file: file.path,
            ...expected,
          });
          compared += 1;
          if (!expected.valid) invalid += 1;
        }
        expect(compared).toBeGreaterThanOrEqual(80);
        expect(invalid).toBeGreaterThanOrEqual(40);
      },
    );
  }
});
