/**
 * Our encodings of the ATLAS 2025-11 model and dataset schemas must be the official ones
 * without their annotations: the same structure, and the same verdicts (valid or not, and the
 * same failing instance paths) for the study's card, the shared cases and every fixture card.
 * The corpus in test/conformance/ compares the verdicts on many more cards.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import oursDataset from '../../../schemas/atlas/2025-11/dataset.json' with { type: 'json' };
import ours from '../../../schemas/atlas/2025-11/model.json' with { type: 'json' };
import { loadDocument } from '../../../src/pipeline/load/index.ts';
import { createAjv } from '../../../src/pipeline/validate/index.ts';
import {
  casesDir,
  fixturesDir,
  hasOfficialDataset,
  hasShared,
  officialDatasetSchema,
  officialModelSchema,
  studyCard,
} from './shared-data.ts';

const annotations = new Set(['description', 'title', 'examples', '$comment']);

function withoutAnnotations(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutAnnotations);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => !annotations.has(key))
      .map(([key, value]) => [key, withoutAnnotations(value)]),
  );
}

/** Every annotation text (description, title, …) of a schema, for "nothing was copied". */
function annotationTexts(schema: unknown, found: string[] = []): string[] {
  if (Array.isArray(schema)) schema.forEach((item) => annotationTexts(item, found));
  else if (typeof schema === 'object' && schema !== null) {
    for (const [key, value] of Object.entries(schema)) {
      if (annotations.has(key) && typeof value === 'string') found.push(value);
      else if (key !== 'examples') annotationTexts(value, found);
    }
  }
  return found;
}

function verdict(validate: ReturnType<ReturnType<typeof createAjv>['compile']>, card: unknown) {
  const valid = validate(card);
  const paths = [...new Set((validate.errors ?? []).map((error) => error.instancePath))].sort();
  return { valid, paths };
}

const cardFixtures = readdirSync(`${fixturesDir}cards`)
  .filter((name) => /\.(json|ya?ml)$/.test(name))
  .map((name) => `${fixturesDir}cards/${name}`);

describe('our ATLAS 2025-11 model schema', () => {
  it('carries no annotation text of the published schema', () => {
    const text = readFileSync(
      new URL('../../../schemas/atlas/2025-11/model.json', import.meta.url),
      'utf8',
    );
    expect(text).not.toMatch(/copyright/i);
    expect(text).not.toMatch(/ROADMAP|"title"|"examples"|"\$comment"/);
    expect(ours.$id).toBe('https://atlas.rsna.org/schemas/2025-11/model.json');
    expect(ours.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it.skipIf(!hasShared)('has the same structure as the official copy, annotations aside', () => {
    const official = JSON.parse(readFileSync(officialModelSchema, 'utf8')) as unknown;
    expect(withoutAnnotations(ours)).toEqual(withoutAnnotations(official));
  });

  it.skipIf(!hasShared)('gives the official verdict on every card', () => {
    const official = JSON.parse(readFileSync(officialModelSchema, 'utf8')) as object;
    const validateOfficial = createAjv().compile(official);
    const validateOurs = createAjv().compile(ours);
    const files = [
      studyCard,
      ...['16-pattern-unanchored', '17-uri-format', '19-duplicate-keys', '20-big-integer'].map(
        (name) => `${casesDir}${name}.json`,
      ),
      ...cardFixtures,
    ];

    let compared = 0;
    let invalid = 0;
    for (const file of files) {
      const { value } = loadDocument(readFileSync(file, 'utf8'), file, 'card');
      if (value === undefined) continue;
      const official = verdict(validateOfficial, value);
      expect({ file, ...verdict(validateOurs, value) }).toEqual({ file, ...official });
      compared += 1;
      if (!official.valid) invalid += 1;
    }
    expect(compared).toBeGreaterThanOrEqual(20);
    expect(invalid).toBeGreaterThanOrEqual(10);
  });
});

describe('our ATLAS 2025-11 dataset schema', () => {
  const path = new URL('../../../schemas/atlas/2025-11/dataset.json', import.meta.url);

  it('carries no annotation text of the published schema', () => {
    const text = readFileSync(path, 'utf8');
    expect(text).not.toMatch(/copyright/i);
    expect(text).not.toMatch(/ROADMAP|"title"|"examples"|"\$comment"/);
    expect(annotationTexts(oursDataset)).toHaveLength(1);
    expect(oursDataset.$id).toBe('https://atlas.rsna.org/schemas/2025-11/dataset.json');
    expect(oursDataset.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it.skipIf(!hasOfficialDataset)(
    'has the same structure as the official copy, annotations aside',
    () => {
      const official = JSON.parse(readFileSync(officialDatasetSchema, 'utf8')) as unknown;
      expect(withoutAnnotations(oursDataset)).toEqual(withoutAnnotations(official));
    },
  );

  it.skipIf(!hasOfficialDataset)('shares no description with the official copy', () => {
    const official = new Set(
      annotationTexts(JSON.parse(readFileSync(officialDatasetSchema, 'utf8'))),
    );
    expect(annotationTexts(oursDataset).filter((text) => official.has(text))).toEqual([]);
  });
});

describe.skipIf(!hasShared)('our ATLAS 2025-11 model schema, annotations', () => {
  it('shares no description with the official copy', () => {
    const official = new Set(
      annotationTexts(JSON.parse(readFileSync(officialModelSchema, 'utf8'))),
    );
    expect(annotationTexts(ours).filter((text) => official.has(text))).toEqual([]);
  });
});
