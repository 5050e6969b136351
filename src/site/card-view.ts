/**
 * Turns an ATLAS model card into sections of labelled values for the card page.
 *
 * Known fields get their links (RadLex, SNOMED CT, DOI, PubMed, RadElement, LOINC); every other
 * property, including ones the schema does not know, is walked and shown as written, so nothing a
 * card says is dropped. Integers whose digits a JSON number cannot keep are shown from
 * `rawIntegers` (by JSON pointer) instead of the rounded number.
 */
import {
  doiUrl,
  linkifyText,
  loincUrl,
  mailtoUrl,
  pmcUrl,
  pubmedUrl,
  radElementUrl,
  radlexUrl,
  snomedUrl,
  type TextPart,
} from './links.ts';

/** A value ready to render: text with optional links, a list, or labelled fields. */
export type ViewValue =
  | { kind: 'text'; parts: TextPart[]; code?: boolean }
  | { kind: 'list'; items: ViewValue[]; inline: boolean }
  | { kind: 'fields'; fields: ViewField[] };

export interface ViewField {
  label: string;
  /** JSON pointer of the value in the card. */
  pointer: string;
  value: ViewValue;
}

export interface CardSection {
  /** Fragment id on the page. */
  id: string;
  title: string;
  fields: ViewField[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** How the value at a pointer (array indices written `*`) becomes a link. */
const codeLinks: Record<string, (text: string) => string | null> = {
  '/Model/Indexing/RadLex/*': radlexUrl,
  '/Model/Indexing/SNOMED/*': snomedUrl,
  '/Model/Indexing/Content/*': () => null,
  '/Model/Descriptors/References/*/DOI': doiUrl,
  '/Model/Descriptors/References/*/PMID': pubmedUrl,
  '/Model/Descriptors/References/*/PMCID': pmcUrl,
  '/Model/Imaging/Procedures/*/RadLex': () => null,
  '/Model/Imaging/Procedures/*/LOINC': loincUrl,
  '/Model/Model properties/Output/CDEs/*': radElementUrl,
};

/** Labels that say more than the key does; every other label is the key as written. */
const labels: Record<string, string> = {
  '/$schema': 'ATLAS schema',
  '/Model/Imaging/Procedures/*/RadLex': 'RadLex Playbook ID',
  '/Model/Imaging/Procedures/*/LOINC': 'LOINC code',
  '/Model/Indexing/Content': 'Content codes',
  '/Model/Indexing/RadLex': 'RadLex terms',
  '/Model/Indexing/SNOMED': 'SNOMED CT concepts',
  '/Model/Model properties/Output/CDEs': 'Common data elements',
};

interface SectionPlan {
  id: string;
  title: string;
  /** Pointer of the object whose properties the section shows. */
  from: string;
  /** The properties shown, in order; `rest` takes every property no other section took. */
  keys: string[] | 'rest';
}

const plan: SectionPlan[] = [
  { id: 'overview', title: 'Overview', from: '/Model', keys: ['Name', 'Link', 'Summary'] },
  { id: 'indexing', title: 'Indexing', from: '/Model/Indexing', keys: 'rest' },
  { id: 'authors', title: 'Authors', from: '/Model/Descriptors', keys: ['Authors'] },
  {
    id: 'organizations',
    title: 'Organizations',
    from: '/Model/Descriptors',
    keys: ['Organizations'],
  },
  {
    id: 'details',
    title: 'Version, license and funding',
    from: '/Model/Descriptors',
    keys: ['Version', 'License', 'Funding', 'Ethical review'],
  },
  { id: 'dates', title: 'Dates', from: '/Model/Descriptors/Date', keys: 'rest' },
  { id: 'references', title: 'References', from: '/Model/Descriptors', keys: ['References'] },
  { id: 'imaging', title: 'Imaging', from: '/Model/Imaging', keys: 'rest' },
  {
    id: 'properties',
    title: 'Model properties',
    from: '/Model/Model properties',
    keys: 'rest',
  },
  {
    id: 'use',
    title: 'Use and users',
    from: '/Model/Model properties',
    keys: ['Use', 'User'],
  },
  { id: 'performance', title: 'Model performance', from: '/Model/Model performance', keys: 'rest' },
  {
    id: 'regulatory',
    title: 'Regulatory information',
    from: '/Model/Model properties/Regulatory information',
    keys: 'rest',
  },
  {
    id: 'ehr',
    title: 'EHR compatibility',
    from: '/Model/Model properties/EHR compatibility',
    keys: 'rest',
  },
  {
    id: 'contact',
    title: 'Contact and comments',
    from: '/Model/Descriptors',
    keys: ['Contact', 'Comments'],
  },
  { id: 'descriptors', title: 'Other descriptors', from: '/Model/Descriptors', keys: 'rest' },
  { id: 'other', title: 'Other model fields', from: '/Model', keys: 'rest' },
  { id: 'card', title: 'Card format', from: '', keys: 'rest' },
];

/**
 * Builds the sections of a card page. Sections without fields are left out.
 *
 * @param card The validated card as parsed.
 * @param rawIntegers Digits of integers beyond 2^53, by JSON pointer.
 */
export function cardSections(
  card: Record<string, unknown>,
  rawIntegers: Record<string, string> = {},
): CardSection[] {
  const taken = new Set<string>();
  // Objects that later sections show property by property are not shown whole by `rest`.
  for (const section of plan) {
    if (section.from !== '' && isObject(at(card as Json, section.from))) taken.add(section.from);
  }

  const sections: CardSection[] = [];
  for (const section of plan) {
    const source = at(card as Json, section.from);
    if (!isObject(source)) continue;

    const keys = section.keys === 'rest' ? Object.keys(source) : section.keys;
    const fields: ViewField[] = [];
    for (const key of keys) {
      const pointer = `${section.from}/${escapePointer(key)}`;
      if (!(key in source) || taken.has(pointer)) continue;
      if (section.keys === 'rest' && isLaterSectionKey(pointer, section)) continue;

      taken.add(pointer);
      fields.push(viewField(key, source[key] as Json, pointer, rawIntegers));
    }
    if (fields.length > 0) sections.push({ id: section.id, title: section.title, fields });
  }

  return sections;
}

/** Whether a `rest` section should leave a property to a named section that comes after it. */
function isLaterSectionKey(pointer: string, current: SectionPlan): boolean {
  const index = plan.indexOf(current);
  return plan
    .slice(index + 1)
    .some(
      (section) =>
        section.keys !== 'rest' &&
        section.keys.some((key) => `${section.from}/${escapePointer(key)}` === pointer),
    );
}

function viewField(
  key: string,
  value: Json,
  pointer: string,
  rawIntegers: Record<string, string>,
): ViewField {
  return { label: labelFor(key, pointer), pointer, value: viewValue(value, pointer, rawIntegers) };
}

/**
 * Describes any JSON value for display.
 *
 * @param value The value.
 * @param pointer Its JSON pointer in the card, which picks links and raw digits.
 * @param rawIntegers Digits of integers beyond 2^53, by JSON pointer.
 */
export function viewValue(
  value: Json,
  pointer: string,
  rawIntegers: Record<string, string> = {},
): ViewValue {
  if (Array.isArray(value)) {
    const items = value.map((item, index) => viewValue(item, `${pointer}/${index}`, rawIntegers));
    const inline =
      value.every((item) => typeof item !== 'object' || item === null) &&
      value.every((item) => String(item).length <= 64);
    return { kind: 'list', items, inline };
  }

  if (isObject(value)) {
    const fields = Object.entries(value).map(([key, item]) =>
      viewField(key, item, `${pointer}/${escapePointer(key)}`, rawIntegers),
    );
    return { kind: 'fields', fields };
  }

  return scalarView(value, pointer, rawIntegers);
}

function scalarView(
  value: null | boolean | number | string,
  pointer: string,
  rawIntegers: Record<string, string>,
): ViewValue {
  const pattern = genericPointer(pointer);
  const text = scalarText(value, pointer, rawIntegers);

  const link = codeLinks[pattern];
  if (link) return { kind: 'text', parts: [{ text, href: link(text) ?? undefined }], code: true };

  if (typeof value === 'string' && /(^|\/)(Email)$/.test(pointer)) {
    return { kind: 'text', parts: [{ text, href: mailtoUrl(value) ?? undefined }] };
  }
  if (typeof value === 'string') return { kind: 'text', parts: linkifyText(value) };
  return { kind: 'text', parts: [{ text }] };
}

/** The text of a scalar as written: raw digits for big integers, `Yes`/`No` for booleans. */
function scalarText(
  value: null | boolean | number | string,
  pointer: string,
  rawIntegers: Record<string, string>,
): string {
  const raw = rawIntegers[pointer];
  if (raw !== undefined) return raw;
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

function labelFor(key: string, pointer: string): string {
  return labels[genericPointer(pointer)] ?? labels[pointer] ?? key;
}

/** A pointer with its array indices written `*`, to look up rules for every item. */
function genericPointer(pointer: string): string {
  return pointer.replace(/\/\d+(?=\/|$)/g, '/*');
}

function at(root: Json, pointer: string): Json | undefined {
  if (pointer === '') return root;

  let node: Json | undefined = root;
  for (const token of pointer.slice(1).split('/')) {
    if (!isObject(node)) return undefined;
    node = node[unescapePointer(token)];
  }
  return node;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Escapes a property name as one JSON pointer token (RFC 6901). */
export function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointer(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}
