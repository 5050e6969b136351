import { describe, expect, it } from 'vitest';
import { cardSections, type ViewValue } from '../../src/site/card-view.ts';
import { fixtureVersion } from './site-fixture.ts';

/** Every text shown in a value, and every link target, in order. */
function texts(value: ViewValue): string[] {
  if (value.kind === 'text') return [value.parts.map((part) => part.text).join('')];
  if (value.kind === 'list') return value.items.flatMap(texts);
  return value.fields.flatMap((field) => [field.label, ...texts(field.value)]);
}

function hrefs(value: ViewValue): string[] {
  if (value.kind === 'text') return value.parts.flatMap((part) => (part.href ? [part.href] : []));
  if (value.kind === 'list') return value.items.flatMap(hrefs);
  return value.fields.flatMap((field) => hrefs(field.value));
}

/** Every scalar of a JSON value with its JSON pointer. */
function leaves(value: unknown, pointer = ''): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, `${pointer}/${i}`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => leaves(item, `${pointer}/${key}`));
  }
  return [[pointer, value]];
}

function sectionsOf(card: Record<string, unknown>, raw: Record<string, string> = {}) {
  const sections = cardSections(card, raw);
  const all = sections.flatMap((s) => s.fields.flatMap((f) => texts(f.value)));
  const links = sections.flatMap((s) => s.fields.flatMap((f) => hrefs(f.value)));
  return {
    sections,
    all,
    links,
    pointers: sections.flatMap((s) => s.fields.map((f) => f.pointer)),
  };
}

describe('cardSections', () => {
  it('shows every value of the card, known fields or not', () => {
    const version = fixtureVersion();
    const { all } = sectionsOf(version.card, version.rawIntegers);
    const shown = all.join('\n');
    for (const [pointer, value] of leaves(version.card)) {
      const expected =
        version.rawIntegers[pointer] ??
        (typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value));
      expect(shown, pointer).toContain(expected);
    }
  });

  it('shows each top-level property in exactly one section', () => {
    const version = fixtureVersion();
    const { pointers } = sectionsOf(version.card, version.rawIntegers);
    expect(new Set(pointers).size).toBe(pointers.length);
    expect(pointers).toContain('/Model/Local extension');
    expect(pointers).toContain('/$schema');
  });

  it('orders sections like an ATLAS card page', () => {
    const version = fixtureVersion();
    const ids = cardSections(version.card, version.rawIntegers).map((s) => s.id);
    expect(ids.slice(0, 8)).toEqual([
      'overview',
      'indexing',
      'authors',
      'organizations',
      'details',
      'dates',
      'references',
      'imaging',
    ]);
  });

  it('shows big integers with the digits as written, never rounded', () => {
    const version = fixtureVersion();
    const { all, links } = sectionsOf(version.card, version.rawIntegers);
    expect(all).toContain('900000000000207008');
    expect(all).toContain('12345678901234567890');
    expect(all.join(' ')).not.toContain('900000000000207000');
    expect(links.some((l) => l.includes('conceptId1=900000000000207008'))).toBe(true);
  });

  it('links identifiers to their registries', () => {
    const version = fixtureVersion();
    const { links } = sectionsOf(version.card, version.rawIntegers);
    expect(links).toEqual(
      expect.arrayContaining([
        'https://radlex.org/RID/RID5352',
        'https://doi.org/10.1148/ryai.230060',
        'https://pubmed.ncbi.nlm.nih.gov/38074789/',
        'https://pmc.ncbi.nlm.nih.gov/articles/PMC10698597/',
        'https://radelement.org/home/sets/element/RDE397',
        'https://radelement.org/home/sets/set/RDES174',
        'https://loinc.org/36572-6/',
        'https://orcid.org/0000-0002-1825-0097',
        'mailto:ada@example.org',
        'https://example.org/code',
      ]),
    );
  });

  it('links only http(s) URLs, showing other schemes as text', () => {
    const version = fixtureVersion();
    const { all, links } = sectionsOf(version.card, version.rawIntegers);
    expect(all).toContain('javascript:alert(1)');
    for (const link of links) expect(link).toMatch(/^(https?:\/\/|mailto:)/);
  });

  it('does not link a code that is more than a bare code', () => {
    const { links } = sectionsOf({
      Model: { Name: 'x', Link: 'https://x', Indexing: { RadLex: ['see RID10345 here'] } },
    });
    expect(links).toEqual(['https://x']);
  });

  it('accepts a license as a string or as text and URL', () => {
    const asString = sectionsOf({ Model: { Descriptors: { License: 'MIT' } } });
    expect(asString.all).toContain('MIT');
    const asObject = sectionsOf({
      Model: {
        Descriptors: {
          License: { Text: 'CC BY 4.0', URL: 'https://creativecommons.org/licenses/by/4.0/' },
        },
      },
    });
    expect(asObject.all).toContain('CC BY 4.0');
    expect(asObject.links).toContain('https://creativecommons.org/licenses/by/4.0/');
  });

  it('shows year-only and ISO dates as written', () => {
    const { all } = sectionsOf({
      Model: { Descriptors: { Date: { Created: 2024, Updated: '2025-01-15' } } },
    });
    expect(all).toEqual(['2024', '2025-01-15']);
  });

  it('keeps unknown properties of known objects', () => {
    const { all, sections } = sectionsOf({
      Model: { Descriptors: { Mystery: { Depth: [1, { Deeper: true }] } }, Extra: null },
      Sidecar: 'kept',
    });
    expect(all).toEqual(expect.arrayContaining(['Depth', '1', 'Deeper', 'Yes', 'null', 'kept']));
    expect(sections.map((s) => s.id)).toEqual(['descriptors', 'other', 'card']);
  });
});
