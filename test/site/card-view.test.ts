import { describe, expect, it } from 'vitest';
import { cardSections, sectionValue } from '../../src/site/card-view.ts';
import { leaves, valueHrefs, valueTexts } from './card-view-helpers.ts';
import { fixtureVersion } from './site-fixture.ts';

function sectionsOf(card: Record<string, unknown>, raw: Record<string, string> = {}) {
  const sections = cardSections(card, raw);
  const all = sections.flatMap((s) => s.fields.flatMap((f) => valueTexts(f.value)));
  const links = sections.flatMap((s) => s.fields.flatMap((f) => valueHrefs(f.value)));
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
    expect(sections.map((s) => s.id)).toEqual(['descriptors', 'other', 'other-card']);
    expect(sections.every((s) => s.fallback)).toBe(true);
  });

  it('links the RadLex code of an imaging modality and keeps its name as text', () => {
    const { sections } = sectionsOf({
      Model: { Imaging: { Modalities: ['Computed tomography (RID10321)', 'PET-CT (RID10341)'] } },
    });
    const [field] = sections[0]?.fields ?? [];
    expect(field?.value).toEqual({
      kind: 'list',
      inline: true,
      items: [
        {
          kind: 'text',
          parts: [
            { text: 'Computed tomography (' },
            { text: 'RID10321', href: 'https://radlex.org/RID/RID10321' },
            { text: ')' },
          ],
        },
        {
          kind: 'text',
          parts: [
            { text: 'PET-CT (' },
            { text: 'RID10341', href: 'https://radlex.org/RID/RID10341' },
            { text: ')' },
          ],
        },
      ],
    });
  });

  it('shows procedure codes, linking LOINC but not the RadLex Playbook ID', () => {
    const { all, links } = sectionsOf({
      Model: {
        Imaging: {
          Procedures: [
            { Name: 'CT Abdomen and Pelvis W contrast IV', LOINC: '36813-4', RadLex: 'RPID145' },
          ],
        },
      },
    });
    expect(all).toEqual(
      expect.arrayContaining(['RadLex Playbook ID', 'RPID145', 'LOINC code', '36813-4']),
    );
    expect(links).toEqual(['https://loinc.org/36813-4/']);
  });

  it('links a URL field to exactly its value, and not at all when it is not http(s)', () => {
    const { links, all } = sectionsOf({
      Model: {
        Name: 'Name',
        Link: 'https://example.org/model_(2024).',
        Descriptors: {
          Organizations: [{ Name: 'Lab', URL: 'urn:isbn:0451450523' }],
          Authors: [{ Name: 'Ada', ORCID: 'https://orcid.org/0000-0002-1825-0097' }],
        },
      },
    });
    expect(links).toEqual([
      'https://example.org/model_(2024).',
      'https://orcid.org/0000-0002-1825-0097',
    ]);
    expect(all).toContain('urn:isbn:0451450523');
    expect(all).toContain('ORCID iD');
  });

  it('says "none" for an empty list or object and "(empty)" for an empty text', () => {
    const { sections } = sectionsOf({
      Model: {
        Name: '',
        Descriptors: { Authors: [], License: {} },
        'Model properties': { Use: {}, 'Regulatory information': {} },
      },
    });
    const values = sections.flatMap((s) => s.fields.map((f) => [f.pointer, f.value]));
    expect(Object.fromEntries(values)).toEqual({
      '/Model/Name': { kind: 'empty', text: '(empty)' },
      '/Model/Descriptors/Authors': { kind: 'empty', text: 'none' },
      '/Model/Descriptors/License': { kind: 'empty', text: 'none' },
      '/Model/Model properties/Use': { kind: 'empty', text: 'none' },
    });
  });

  it('shows regulatory and EHR fields in their own sections', () => {
    const { sections } = sectionsOf({
      Model: {
        'Model properties': {
          'Regulatory information': {
            'FDA cleared': true,
            'CE marked': false,
            'File number': 'K123456',
          },
          'EHR compatibility': { List: ['Epic', 'VistA'], Other: 'HL7 FHIR R4' },
        },
        'Model performance': { Metrics: ['sensitivity', 'specificity'], Comments: 'AUC 0.91' },
      },
    });
    const shown = Object.fromEntries(
      sections.map((s) => [s.id, s.fields.flatMap((f) => [f.label, ...valueTexts(f.value)])]),
    );
    expect(shown).toEqual({
      performance: ['Metrics reported', 'sensitivity', 'specificity', 'Comments', 'AUC 0.91'],
      regulatory: ['FDA cleared', 'Yes', 'CE marked', 'No', 'File number', 'K123456'],
      ehr: ['List', 'Epic', 'VistA', 'Other', 'HL7 FHIR R4'],
    });
  });

  it('never looks up a rule or a raw integer on Object.prototype', () => {
    const card = JSON.parse(
      '{"Model":{"Descriptors":{"constructor":"c","__proto__":"p","toString":{"hasOwnProperty":1}}}}',
    ) as Record<string, unknown>;
    const { all, sections } = sectionsOf(card);
    expect(sections.flatMap((s) => s.fields.map((f) => f.label))).toEqual([
      'constructor',
      '__proto__',
      'toString',
    ]);
    expect(all).toEqual(['c', 'p', 'hasOwnProperty', '1']);
  });

  it('shows a section named like its one field without repeating the label', () => {
    const [references] = cardSections({
      Model: { Descriptors: { References: [{ Title: 'A paper' }] } },
    });
    expect(references && sectionValue(references).kind).toBe('list');
  });
});
