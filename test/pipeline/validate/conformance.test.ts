/**
 * Our encoding of the ATLAS 2025-11 model schema must give the same verdicts as the official
 * copy: the same valid/invalid answer and the same failing instance paths, for the study's
 * card, the shared cases and every fixture card.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ours from '../../../schemas/atlas/2025-11/model.json' with { type: 'json' };
import { loadDocument } from '../../../src/pipeline/load/index.ts';
import { createAjv } from '../../../src/pipeline/validate/index.ts';
import { casesDir, fixturesDir, hasShared, officialModelSchema, studyCard } from './shared-data.ts';

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
