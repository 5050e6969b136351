import { describe, expect, it } from 'vitest';
import { doiUrl, linkifyText, mailtoUrl, safeHttpUrl, snomedUrl } from '../../src/site/links.ts';

describe('safeHttpUrl', () => {
  it('accepts http and https URLs as written', () => {
    expect(safeHttpUrl('https://example.org/a?b=1#c')).toBe('https://example.org/a?b=1#c');
    expect(safeHttpUrl('http://example.org')).toBe('http://example.org');
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,hi',
    'vbscript:x',
    '//example.org',
    '/relative',
    'https://exa mple.org',
    'https:\\\\example.org',
    'https:example.org',
    '\u0001https://example.org',
    'mailto:a@b.org',
  ])('refuses %j', (value) => {
    expect(safeHttpUrl(value)).toBeNull();
  });
});

describe('identifier links', () => {
  it('encodes DOIs but keeps their slash', () => {
    expect(doiUrl('10.1002/(SICI)1097-0258')).toBe('https://doi.org/10.1002/(SICI)1097-0258');
    expect(doiUrl('10.1000/a b')).toBeNull();
  });

  it('links SNOMED CT ids by their digits only', () => {
    expect(snomedUrl('233604007')).toContain('conceptId1=233604007');
    expect(snomedUrl('2.336e8')).toBeNull();
  });

  it('builds mailto links only for plain addresses', () => {
    expect(mailtoUrl('ada@example.org')).toBe('mailto:ada@example.org');
    expect(mailtoUrl('a@b.org?subject=x')).toBeNull();
    expect(mailtoUrl('javascript:a@b.org')).toBeNull();
  });

  it('percent-encodes what a mailto URL would read as syntax', () => {
    expect(mailtoUrl('#a@example.org')).toBe('mailto:%23a@example.org');
    expect(mailtoUrl('a%b&c=d?e@example.org')).toBeNull();
    expect(mailtoUrl("o'neil+tag@example.org")).toBe("mailto:o'neil+tag@example.org");
    expect(mailtoUrl('a%b&c=d^e{f|g}@example.org')).toBe(
      'mailto:a%25b%26c%3Dd%5Ee%7Bf%7Cg%7D@example.org',
    );
  });
});

describe('linkifyText', () => {
  it('links URLs inside text and leaves trailing punctuation out', () => {
    expect(linkifyText('Code at https://example.org/x. Thanks')).toEqual([
      { text: 'Code at ' },
      { text: 'https://example.org/x', href: 'https://example.org/x' },
      { text: '. Thanks' },
    ]);
  });

  it('does not link other schemes', () => {
    expect(linkifyText('see javascript:alert(1)')).toEqual([{ text: 'see javascript:alert(1)' }]);
  });
});
