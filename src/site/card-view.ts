/**
 * Turns an ATLAS card into sections of labelled values for a card page: the model card here, the
 * dataset card through the same machinery in `dataset-view.ts`.
 *
 * A section plan names where each property of the schema is shown; every other property,
 * including ones the schema does not know, is walked and shown as written in a catch-all section,
 * so nothing a card says is dropped. Codes link to their registries (RadLex, SNOMED CT, LOINC,
 * DOI, PubMed, PubMed Central, RadElement) and URLs to themselves, only ever over http(s).
 * Integers whose digits a JSON number cannot keep are shown from `rawIntegers` (by JSON pointer)
 * instead of the rounded number.
 */
import {
  doiUrl,
  linkifyText,
  linkRadlexCodes,
  loincUrl,
  mailtoUrl,
  pmcUrl,
  pubmedUrl,
  radElementUrl,
  radlexUrl,
  safeHttpUrl,
  snomedUrl,
  type TextPart,
} from './links.ts';

/**
 * A value ready to render: text with optional links, a note that nothing was given (an empty
 * text, list or object), a list, labelled fields, or a table of records.
 */
export type ViewValue =
  | { kind: 'text'; parts: TextPart[]; code?: boolean }
  | { kind: 'empty'; text: string }
  | { kind: 'list'; items: ViewValue[]; inline: boolean }
  | { kind: 'fields'; fields: ViewField[] }
  | ViewTable;

export interface ViewField {
  label: string;
  /** JSON pointer of the value in the card. */
  pointer: string;
  value: ViewValue;
}

/** Records with the same properties, one row each (such as the subsets of a dataset partition). */
export interface ViewTable {
  kind: 'table';
  /** What the table shows, for assistive technology (`aria-label`). */
  label: string;
  /** Header of the first column, which names each row. */
  rowHeader: string;
  /** The other columns: a property name each, numbers aligned for comparison. */
  columns: { label: string; numeric: boolean }[];
  rows: ViewTableRow[];
}

export interface ViewTableRow {
  label: string;
  /** JSON pointer of the record the row shows. */
  pointer: string;
  /** One cell per column; null where the record does not have that property. */
  cells: (ViewField | null)[];
}

export interface CardSection {
  /** Fragment id on the page. */
  id: string;
  title: string;
  fields: ViewField[];
  /** Whether this is a catch-all section for properties the plan does not name. */
  fallback: boolean;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** One section of a card page. */
export interface SectionPlan {
  id: string;
  title: string;
  /** Pointer of the object whose properties the section shows. */
  from: string;
  /** The properties shown, in order; `rest` takes every property no other section took. */
  keys: string[] | 'rest';
  /** A catch-all for properties that no schema-named section shows. */
  fallback?: boolean;
}

/**
 * How a property's value is shown, keyed by its pointer below the card's main object (`/Model`
 * or `/Dataset`), with array indices written `*`.
 */
export interface ViewRules {
  /** Codes shown in code type, linked by the function when it gives a URL. */
  codes: Record<string, (text: string) => string | null>;
  /** Labels that say more than the key does; every other label is the key as written. */
  labels: Record<string, string>;
  /** Values given their own view (such as a table); null falls back to the generic view. */
  special: Record<string, (value: Json, pointer: string, context: ViewContext) => ViewValue | null>;
}

export interface ViewContext {
  rules: ViewRules;
  /** Digits of integers beyond 2^53, by JSON pointer. */
  rawIntegers: Record<string, string>;
}

/** Rules shared by model and dataset cards: the schemas share these definitions. */
export const sharedRules: ViewRules = {
  codes: {
    '/Indexing/RadLex/*': radlexUrl,
    '/Indexing/SNOMED/*': snomedUrl,
    '/Indexing/Content/*': () => null,
    '/Descriptors/References/*/DOI': doiUrl,
    '/Descriptors/References/*/PMID': pubmedUrl,
    '/Descriptors/References/*/PMCID': pmcUrl,
    // RadLex Playbook has a search page but no stable page per RPID, so the code is not linked.
    '/Imaging/Procedures/*/RadLex': () => null,
    '/Imaging/Procedures/*/LOINC': loincUrl,
  },
  labels: {
    '/$schema': 'ATLAS schema',
    '/Imaging/Procedures/*/RadLex': 'RadLex Playbook ID',
    '/Imaging/Procedures/*/LOINC': 'LOINC code',
    '/Indexing/Content': 'Content codes',
    '/Indexing/RadLex': 'RadLex terms',
    '/Indexing/SNOMED': 'SNOMED CT concepts',
    '/Descriptors/Authors/*/ORCID': 'ORCID iD',
    '/Descriptors/References/*/PMID': 'PubMed ID',
    '/Descriptors/References/*/PMCID': 'PubMed Central ID',
  },
  special: {
    '/Imaging/Modalities/*': (value) =>
      typeof value === 'string' && value !== ''
        ? { kind: 'text', parts: linkRadlexCodes(value) }
        : null,
  },
};

/** Rules of the model card. */
export const modelRules: ViewRules = {
  codes: { ...sharedRules.codes, '/Model properties/Output/CDEs/*': radElementUrl },
  labels: {
    ...sharedRules.labels,
    '/Model properties/Output/CDEs': 'Common data elements',
    '/Model performance/Metrics': 'Metrics reported',
  },
  special: sharedRules.special,
};

/** Where each property of an ATLAS 2025-11 model card is shown, in page order. */
export const modelPlan: SectionPlan[] = [
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
  ...closingSections('/Model', 'model'),
];

/**
 * The sections that end every card page, model or dataset: contact and comments, the card's
 * format, then catch-alls for descriptors, fields of the main object and of the card that no
 * earlier section showed.
 *
 * @param root The card's main object (`/Model`, `/Dataset`).
 * @param noun What the card describes, for the catch-all's title (`Other model fields`).
 */
export function closingSections(root: string, noun: string): SectionPlan[] {
  const descriptors = `${root}/Descriptors`;
  return [
    {
      id: 'contact',
      title: 'Contact and comments',
      from: descriptors,
      keys: ['Contact', 'Comments'],
    },
    { id: 'card', title: 'Card format', from: '', keys: ['$schema'] },
    {
      id: 'descriptors',
      title: 'Other descriptors',
      from: descriptors,
      keys: 'rest',
      fallback: true,
    },
    { id: 'other', title: `Other ${noun} fields`, from: root, keys: 'rest', fallback: true },
    { id: 'other-card', title: 'Other card fields', from: '', keys: 'rest', fallback: true },
  ];
}

/**
 * Builds the sections of a model card page. Sections without fields are left out.
 *
 * @param card The validated card as parsed.
 * @param rawIntegers Digits of integers beyond 2^53, by JSON pointer.
 */
export function cardSections(
  card: Record<string, unknown>,
  rawIntegers: Record<string, string> = {},
): CardSection[] {
  return planSections(card, modelPlan, { rules: modelRules, rawIntegers });
}

/**
 * Builds the sections of a card page from a plan. Each property is shown once: in the first
 * section that names it, else in the first `rest` section over its object; an object that a
 * section of the plan shows property by property is never also shown whole.
 *
 * @param card The validated card as parsed.
 * @param plan The sections, in page order.
 * @param context Rules and raw integer digits.
 */
export function planSections(
  card: Record<string, unknown>,
  plan: readonly SectionPlan[],
  context: ViewContext,
): CardSection[] {
  const root = card as Json;
  const taken = new Set<string>();
  for (const section of plan) {
    if (section.from !== '' && isObject(at(root, section.from))) taken.add(section.from);
  }

  const sections: CardSection[] = [];
  for (const [index, section] of plan.entries()) {
    const source = at(root, section.from);
    if (!isObject(source)) continue;

    const keys = section.keys === 'rest' ? Object.keys(source) : section.keys;
    const fields: ViewField[] = [];
    for (const key of keys) {
      const pointer = `${section.from}/${escapePointer(key)}`;
      if (!Object.hasOwn(source, key) || taken.has(pointer)) continue;
      if (section.keys === 'rest' && isNamedLater(pointer, plan.slice(index + 1))) continue;

      taken.add(pointer);
      fields.push(viewField(key, source[key] as Json, pointer, context));
    }
    if (fields.length > 0) {
      sections.push({
        id: section.id,
        title: section.title,
        fields,
        fallback: section.fallback ?? false,
      });
    }
  }

  return sections;
}

/**
 * What a section shows under its heading: the value alone when the section has one field named
 * like the section (such as `References`), else its fields.
 */
export function sectionValue(section: CardSection): ViewValue {
  const [only] = section.fields;
  if (section.fields.length === 1 && only && only.label === section.title) return only.value;
  return { kind: 'fields', fields: section.fields };
}

/** Whether a later section names the property, so that a `rest` section leaves it alone. */
function isNamedLater(pointer: string, later: readonly SectionPlan[]): boolean {
  return later.some(
    (section) =>
      section.keys !== 'rest' &&
      section.keys.some((key) => `${section.from}/${escapePointer(key)}` === pointer),
  );
}

/**
 * Describes one property for display.
 *
 * @param key The property name as written.
 * @param value Its value.
 * @param pointer Its JSON pointer in the card.
 * @param context Rules and raw integer digits.
 */
export function viewField(
  key: string,
  value: Json,
  pointer: string,
  context: ViewContext,
): ViewField {
  const rule = rulePointer(pointer);
  const label = context.rules.labels[rule] ?? key;
  return { label, pointer, value: viewValue(value, pointer, context) };
}

/**
 * Describes any JSON value for display.
 *
 * @param value The value.
 * @param pointer Its JSON pointer in the card, which picks links, special views and raw digits.
 * @param context Rules and raw integer digits (default: the model card's, none).
 */
export function viewValue(
  value: Json,
  pointer: string,
  context: ViewContext = { rules: modelRules, rawIntegers: {} },
): ViewValue {
  const special = lookup(context.rules.special, rulePointer(pointer));
  const shown = special?.(value, pointer, context);
  if (shown) return shown;

  if (Array.isArray(value)) {
    if (value.length === 0) return { kind: 'empty', text: 'none' };
    const items = value.map((item, index) => viewValue(item, `${pointer}/${index}`, context));
    const inline =
      value.every((item) => typeof item !== 'object' || item === null) &&
      value.every((item) => String(item).length <= 64);
    return { kind: 'list', items, inline };
  }

  if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return { kind: 'empty', text: 'none' };
    const fields = entries.map(([key, item]) =>
      viewField(key, item, `${pointer}/${escapePointer(key)}`, context),
    );
    return { kind: 'fields', fields };
  }

  return scalarView(value, pointer, context);
}

function scalarView(
  value: null | boolean | number | string,
  pointer: string,
  context: ViewContext,
): ViewValue {
  const text = scalarText(value, pointer, context.rawIntegers);
  if (text === '') return { kind: 'empty', text: '(empty)' };

  const link = lookup(context.rules.codes, rulePointer(pointer));
  if (link) return { kind: 'text', parts: [{ text, href: link(text) ?? undefined }], code: true };
  if (typeof value !== 'string') return { kind: 'text', parts: [{ text }] };

  const key = lastKey(pointer);
  if (key === 'Email')
    return { kind: 'text', parts: [{ text, href: mailtoUrl(text) ?? undefined }] };
  // A value that is a URL as a whole links to exactly itself; linkifying it could cut it short.
  if (key === 'URL' || key === 'Link' || key === 'ORCID') {
    return { kind: 'text', parts: [{ text, href: safeHttpUrl(text) ?? undefined }] };
  }
  return { kind: 'text', parts: linkifyText(text) };
}

/** The text of a scalar as written: raw digits for big integers, `Yes`/`No` for booleans. */
export function scalarText(
  value: null | boolean | number | string,
  pointer: string,
  rawIntegers: Record<string, string>,
): string {
  const raw = lookup(rawIntegers, pointer);
  if (raw !== undefined) return raw;
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

/**
 * The pointer that rules are keyed by: array indices written `*`, and without the card's main
 * object (`/Model/Imaging/Modalities/0` → `/Imaging/Modalities/*`). Top-level properties other
 * than the main object keep their pointer (`/$schema`).
 */
export function rulePointer(pointer: string): string {
  return pointer.replace(/\/\d+(?=\/|$)/g, '/*').replace(/^\/(?:Model|Dataset)(?=\/)/, '');
}

/** An own property of a lookup table (never one inherited from `Object.prototype`). */
function lookup<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function lastKey(pointer: string): string {
  return unescapePointer(pointer.slice(pointer.lastIndexOf('/') + 1));
}

/** The value at a JSON pointer, or undefined. */
export function at(root: Json, pointer: string): Json | undefined {
  if (pointer === '') return root;

  let node: Json | undefined = root;
  for (const token of pointer.slice(1).split('/')) {
    if (!isObject(node)) return undefined;
    const key = unescapePointer(token);
    node = Object.hasOwn(node, key) ? node[key] : undefined;
  }
  return node;
}

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Escapes a property name as one JSON pointer token (RFC 6901). */
export function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointer(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}
