/**
 * Every property of the ATLAS 2025-11 model and dataset schemas has a place on its card page: a
 * card that fills every property is rendered, and each property path must be shown by a section
 * the plan names (not a catch-all), with its value in the page's text. The study's real card must
 * show every value it has.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import datasetSchema from '../../schemas/atlas/2025-11/dataset.json' with { type: 'json' };
import modelSchema from '../../schemas/atlas/2025-11/model.json' with { type: 'json' };
import { checkCard } from '../../src/pipeline/validate/index.ts';
import { cardSections, rulePointer, type CardSection } from '../../src/site/card-view.ts';
import { datasetSections } from '../../src/site/dataset-view.ts';
import {
  comparable,
  expectedText,
  htmlHrefs,
  leaves,
  placedFields,
  sectionsHtml,
  visibleText,
} from './card-view-helpers.ts';
import { fullCard, schemaPaths, type SchemaNode, type SchemaPath } from './card-view-schema.ts';
import { expectSafeHtml } from './html-checks.ts';

const shared = new URL('../../../shared/data/', import.meta.url);
const officialSchemas = new URL('atlas/2025-11/', shared);
const studyCard = new URL('cxr-foundation-bias/card.json', shared);

interface Kind {
  name: 'model' | 'dataset';
  file: string;
  schema: SchemaNode;
  sections: (card: Record<string, unknown>, raw?: Record<string, string>) => CardSection[];
}

const kinds: Kind[] = [
  { name: 'model', file: 'card.json', schema: modelSchema, sections: cardSections },
  { name: 'dataset', file: 'dataset.json', schema: datasetSchema, sections: datasetSections },
];

/** A schema path as the generic JSON pointer of the view (`/Model/Descriptors/Authors/*`). */
function pointerOf(path: SchemaPath): string {
  return `/${path.map((token) => token.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

/** Whether a field at a view pointer (with indices) shows the schema path or an ancestor. */
function covers(viewPointer: string, path: SchemaPath): boolean {
  return within(viewPointer.replace(/\/\d+(?=\/|$)/g, '/*'), pointerOf(path));
}

/** Whether the value at `pointer` is the value at `outer` or inside it. */
function within(outer: string, pointer: string): boolean {
  return pointer === outer || pointer.startsWith(`${outer}/`);
}

describe.each(kinds)('the $name card page', ({ name, file, schema, sections: sectionsOf }) => {
  const card = fullCard(schema) as Record<string, unknown>;
  const paths = schemaPaths(schema);

  it('is given a card that fills every property and is valid', () => {
    expect(paths.length).toBeGreaterThan(name === 'model' ? 80 : 70);
    const checked = checkCard(JSON.stringify(card, null, 2), file);
    expect(checked.problems).toEqual([]);
  });

  it('shows every property path of the schema in a section the plan names', () => {
    const placed = placedFields(sectionsOf(card));
    const shown = placed.filter(({ section }) => !section.fallback);
    // A path has its place when a field shows it (or its parent), or when fields show its parts.
    const missing = paths.filter(
      (path) =>
        !shown.some(
          ({ field }) =>
            covers(field.pointer, path) ||
            within(pointerOf(path), field.pointer.replace(/\/\d+(?=\/|$)/g, '/*')),
        ),
    );
    expect(missing.map(pointerOf)).toEqual([]);
    expect(
      placed.filter(({ section }) => section.fallback).map(({ field }) => field.pointer),
    ).toEqual([]);
  });

  it('shows every value of the card in the rendered HTML, each in its own field', () => {
    const sections = sectionsOf(card);
    const html = sectionsHtml(sections);
    expectSafeHtml(html);
    const text = comparable(visibleText(html));
    const placed = placedFields(sections);
    for (const [pointer, value] of leaves(card)) {
      const expected = expectedText(value, pointer);
      expect(text, pointer).toContain(comparable(expected));
      const owners = placed.filter(({ field }) => within(field.pointer, pointer));
      expect(owners.length, pointer).toBeGreaterThan(0);
      expect(
        owners.some(({ section }) => section.fallback),
        pointer,
      ).toBe(false);
    }
  });

  it('labels every field', () => {
    for (const { field } of placedFields(sectionsOf(card))) {
      expect(field.label.trim(), field.pointer).not.toBe('');
    }
  });

  it('links every code to its registry, and nothing but http(s) and mailto', () => {
    const hrefs = htmlHrefs(sectionsHtml(sectionsOf(card)));
    const expected = [
      'https://radlex.org/RID/RID5352',
      'https://browser.ihtsdotools.org/?perspective=full&conceptId1=233604007&edition=MAIN',
      'https://loinc.org/36813-4/',
      'https://doi.org/10.1148/ryai.230060',
      'https://pubmed.ncbi.nlm.nih.gov/38074789/',
      'https://pmc.ncbi.nlm.nih.gov/articles/PMC10698597/',
      'https://orcid.org/0000-0002-1825-0097',
      `https://example.org/${name}-link`,
    ];
    if (name === 'model') expected.push('https://radelement.org/home/sets/element/RDE397');
    expect(hrefs).toEqual(expect.arrayContaining(expected));
    for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|mailto:[^:]+$)/);
    expect(hrefs.some((href) => href.startsWith('mailto:'))).toBe(true);
    // An imaging modality names its RadLex term, as in `Ultrasound (RID10326)`.
    const root = card[name === 'model' ? 'Model' : 'Dataset'] as {
      Imaging: { Modalities: string[] };
    };
    const [code] = /RID\d+/.exec(root.Imaging.Modalities[0] ?? '') ?? [];
    expect(hrefs).toContain(`https://radlex.org/RID/${code}`);
  });

  it.skipIf(!existsSync(officialSchemas))('walks the same paths as the official schema', () => {
    const official = JSON.parse(
      readFileSync(new URL(`${name}.json`, officialSchemas), 'utf8'),
    ) as SchemaNode;
    expect(schemaPaths(official)).toEqual(paths);
  });
});

describe('the model card page', () => {
  it('keys its rules by the pointer below the card’s main object', () => {
    expect(rulePointer('/Model/Imaging/Procedures/2/LOINC')).toBe('/Imaging/Procedures/*/LOINC');
    expect(rulePointer('/Dataset/Partitions/0/Subsets/11/Sex')).toBe('/Partitions/*/Subsets/*/Sex');
    expect(rulePointer('/$schema')).toBe('/$schema');
  });
});

describe.skipIf(!existsSync(studyCard))('the study’s real card', () => {
  const text = existsSync(studyCard) ? readFileSync(studyCard) : new Uint8Array();
  const checked = checkCard(text, 'card.json');
  const card = checked.value as Record<string, unknown>;

  it('renders every field it has, each in a section the plan names', () => {
    expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const sections = cardSections(card, checked.rawIntegers);
    const html = sectionsHtml(sections);
    expectSafeHtml(html);
    const shown = comparable(visibleText(html));
    const placed = placedFields(sections);

    const values = leaves(card);
    expect(values.length).toBeGreaterThan(50);
    for (const [pointer, value] of values) {
      expect(shown, pointer).toContain(
        comparable(expectedText(value, pointer, checked.rawIntegers)),
      );
      const owners = placed.filter(({ field }) => within(field.pointer, pointer));
      expect(owners.length, pointer).toBeGreaterThan(0);
      expect(
        owners.some(({ section }) => section.fallback),
        pointer,
      ).toBe(false);
    }
    expect(sections.map((section) => section.id)).toEqual([
      'overview',
      'indexing',
      'authors',
      'organizations',
      'details',
      'dates',
      'references',
      'properties',
      'use',
      'card',
    ]);
  });

  it('links its reference, RadLex terms and common data elements', () => {
    const hrefs = htmlHrefs(sectionsHtml(cardSections(card, checked.rawIntegers)));
    expect(hrefs).toEqual(
      expect.arrayContaining([
        'https://github.com/biomedia-mira/cxr-foundation-bias',
        'https://doi.org/10.1148/ryai.230060',
        'https://pubmed.ncbi.nlm.nih.gov/38074789/',
        'https://pmc.ncbi.nlm.nih.gov/articles/PMC10698597/',
        'https://radlex.org/RID/RID11550',
        'https://radlex.org/RID/RID5352',
        'https://radelement.org/home/sets/element/RDE397',
        'https://radelement.org/home/sets/element/RDE2721',
        'https://creativecommons.org/licenses/by/4.0/',
      ]),
    );
  });
});
