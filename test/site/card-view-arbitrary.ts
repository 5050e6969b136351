/**
 * fast-check arbitraries of ATLAS cards, derived from a card schema: every card they generate
 * should be valid, and the property test checks that it is with auditcard's own validator, so a
 * generator that drifts from the schema fails loudly instead of testing nothing.
 *
 * Beyond the usual, the values include what a schema allows but a page may trip on: a License
 * that is a string (or any JSON: the ATLAS model schema gives it no type), empty objects and
 * lists, year-only dates, very long text, right-to-left and combining characters, astral
 * characters, markup and URL lookalikes, and integers past 2^53.
 */
import fc from 'fast-check';
import { resolveRef, type SchemaNode } from './card-view-schema.ts';

/** Substrings the rendered page must never contain; generated text leaves them out. */
export const forbiddenOutput = ['undefined', 'NaN', '[object Object]'];

/** Texts chosen to trip escaping, bidirectional layout, linking and number formatting. */
const oddTexts = [
  'نموذج تصنيف صور الصدر الشعاعية',
  'מודל 2.1 לזיהוי (RID5352) בצילומי חזה',
  'Mixed עברית and English, 12 345 ترقيم',
  '\u202Egnp.exe\u202C and \u2067isolated\u2069',
  'Ame\u0301lie Z\u0324\u0354\u0367\u0311a\u0308\u0356\u032D l\u036E\u0352',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝐀𝐈 model 🫁🩻 👩🏽‍⚕️ 🏳️‍🌈',
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  `a & b < c > d " e ' f \` g &amp; &lt;`,
  'javascript:alert(1)',
  'See https://example.org/x), and (https://example.org/y). Done.',
  'http://example.org/"onmouseover="alert(1)',
  'line one\nline two\r\n\r\n  indented\ttab',
  ' ',
  'null',
  'true',
  '0',
  '-0',
  '1e400',
  '{{ title }} ${x} <%= y %>',
  '\u0000\u0001\u0007\u001b[31m',
  '\uFEFFzero\u200Bwidth\u200D',
];

const notForbidden = (text: string): boolean =>
  !forbiddenOutput.some((token) => text.includes(token));

/** Free text of any length: random graphemes, any code points, odd texts, and very long text. */
const freeText: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 20, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 8, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
    { weight: 10, arbitrary: fc.constantFrom(...oddTexts) },
    // Very long text, rarely: a card has dozens of texts, and each must stay cheap to check.
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...oddTexts), fc.integer({ min: 100, max: 400 }))
        .map(([text, times]) => `${text} `.repeat(times)),
    },
    {
      weight: 1,
      arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1000, maxLength: 3000 }),
    },
  )
  .filter(notForbidden);

/** JSON Schema lengths count code points, as AJV does. */
const codePoints = (text: string): number => [...text].length;

const oddUris = [
  'https://example.org/',
  'http://example.org/a/b?c=d&e=f#g',
  'HTTPS://EXAMPLE.ORG/UPPER',
  'https://example.org/model_(2024).',
  "https://example.org/it's",
  'https://[2001:db8::1]:8443/x',
  'urn:isbn:0451450523',
  'mailto:someone@example.org',
  'ftp://example.org/file.txt',
  'javascript:alert(1)',
  'data:text/html,%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  'xhttps://orcid.org/0000-0002-1825-0097',
];

const uri: fc.Arbitrary<string> = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(...oddUris),
);

/** A valid calendar date as `YYYY-MM-DD`, years 0000 to 9999. */
const isoDate: fc.Arbitrary<string> = fc
  .date({
    min: new Date('0000-01-01T00:00:00Z'),
    max: new Date('9999-12-31T23:59:59Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));

/** Strings for a schema pattern; an ORCID iD is also a URI, so it gets URI-safe characters. */
function patterned(pattern: string): fc.Arbitrary<string> {
  if (pattern === 'https://orcid.org/.+') {
    return fc.oneof(
      fc.stringMatching(/^https:\/\/orcid\.org\/\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/),
      fc.stringMatching(/^https:\/\/orcid\.org\/[A-Za-z0-9._~-]{1,30}$/),
    );
  }
  // ATLAS patterns are not anchored: a value may have anything around the code.
  return fc.oneof(
    fc.stringMatching(new RegExp(`^(?:${pattern})$`)),
    fc.stringMatching(new RegExp(pattern)),
  );
}

function stringArbitrary(node: SchemaNode): fc.Arbitrary<string> {
  const min = typeof node.minLength === 'number' ? node.minLength : 0;
  const max = typeof node.maxLength === 'number' ? node.maxLength : Infinity;

  let base: fc.Arbitrary<string>;
  if (node.format === 'date') base = isoDate;
  else if (node.format === 'uri' && typeof node.pattern === 'string')
    base = patterned(node.pattern);
  else if (node.format === 'uri') base = uri;
  else if (node.format === 'email') base = fc.emailAddress();
  else if (typeof node.pattern === 'string') base = patterned(node.pattern);
  else if (min > 0 || max < Infinity) {
    base = fc.oneof(
      freeText,
      fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, 64) }),
    );
  } else base = freeText;

  return base.filter((text) => {
    const length = codePoints(text);
    return length >= min && length <= max && notForbidden(text);
  });
}

function integerArbitrary(node: SchemaNode): fc.Arbitrary<number> {
  const min = typeof node.minimum === 'number' ? node.minimum : undefined;
  const max = typeof node.maximum === 'number' ? node.maximum : undefined;
  if (min !== undefined || max !== undefined) return fc.integer({ min, max });
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.constantFrom(0, -1, Number.MAX_SAFE_INTEGER) },
    // Past 2^53: a SNOMED CT id can be; JSON gives the rounded number, the page the digits.
    { weight: 1, arbitrary: fc.bigInt(2n ** 53n, 10n ** 20n).map((big) => Number(big)) },
  );
}

/** Any JSON value, for a property the schema gives no type (as ATLAS does `License`). */
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  freeText,
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(freeText, { maxLength: 3 }),
);

/**
 * An arbitrary of the instances of a schema (the subset of JSON Schema 2020-12 that the ATLAS
 * card schemas use).
 *
 * @param root The card schema, whose `$defs` resolve `$ref`s.
 */
export function cardArbitrary(root: SchemaNode): fc.Arbitrary<Record<string, unknown>> {
  const of = (raw: SchemaNode): fc.Arbitrary<unknown> => {
    const node = resolveRef(raw, root);
    if ('const' in node) return fc.constant(node.const);
    if (Array.isArray(node.enum)) return fc.constantFrom(...(node.enum as unknown[]));
    if (Array.isArray(node.anyOf)) return fc.oneof(...(node.anyOf as SchemaNode[]).map(of));

    switch (node.type) {
      case 'string':
        return stringArbitrary(node);
      case 'integer':
        return integerArbitrary(node);
      case 'boolean':
        return fc.boolean();
      case 'array':
        return arrayArbitrary(node);
      case 'object':
        return objectArbitrary(node);
      case undefined:
        return node.properties ? fc.oneof(objectArbitrary(node), anyJson) : anyJson;
      default:
        throw new Error(`unsupported type ${String(node.type)}`);
    }
  };

  const arrayArbitrary = (node: SchemaNode): fc.Arbitrary<unknown[]> => {
    const prefix = ((node.prefixItems as SchemaNode[] | undefined) ?? []).map(of);
    const minLength = Math.max(0, Number(node.minItems ?? 0) - prefix.length);
    const maxLength = Math.min(4, Number(node.maxItems ?? Infinity) - prefix.length);
    const items = of(node.items as SchemaNode);
    const rest = node.uniqueItems
      ? fc.uniqueArray(items, { minLength, maxLength, selector: (item) => JSON.stringify(item) })
      : fc.array(items, { minLength, maxLength });
    return fc.tuple(fc.tuple(...prefix), rest).map(([head, tail]) => [...head, ...tail]);
  };

  const objectArbitrary = (node: SchemaNode): fc.Arbitrary<Record<string, unknown>> => {
    const properties = (node.properties as Record<string, SchemaNode> | undefined) ?? {};
    const model = Object.fromEntries(
      Object.entries(properties).map(([key, child]) => [key, of(child)]),
    );
    const requiredKeys = (node.required as string[] | undefined) ?? [];
    const min = Number(node.minProperties ?? 0);
    const max = Number(node.maxProperties ?? Infinity);
    return fc
      .record(model, { requiredKeys })
      .filter((value) => Object.keys(value).length >= min && Object.keys(value).length <= max);
  };

  return of(root) as fc.Arbitrary<Record<string, unknown>>;
}
