/**
 * Helpers for the card view tests: walking view values, rendering sections as the pages do, and
 * reading back the text a reader sees.
 */
import { parseHTML } from 'linkedom';
import {
  escapePointer,
  sectionValue,
  type CardSection,
  type ViewField,
  type ViewValue,
} from '../../src/site/card-view.ts';
import { escapeHtml, valueHtml } from '../../src/site/value-html.ts';

/** Every text shown in a value (labels included), in order. */
export function valueTexts(value: ViewValue): string[] {
  switch (value.kind) {
    case 'text':
      return [value.parts.map((part) => part.text).join('')];
    case 'empty':
      return [value.text];
    case 'list':
      return value.items.flatMap(valueTexts);
    case 'fields':
      return value.fields.flatMap((field) => [field.label, ...valueTexts(field.value)]);
    case 'table':
      return value.rows.flatMap((row) => [
        row.label,
        ...row.cells.flatMap((cell) => (cell ? valueTexts(cell.value) : [])),
      ]);
  }
}

/** Every link target in a value, in order. */
export function valueHrefs(value: ViewValue): string[] {
  switch (value.kind) {
    case 'text':
      return value.parts.flatMap((part) => (part.href ? [part.href] : []));
    case 'empty':
      return [];
    case 'list':
      return value.items.flatMap(valueHrefs);
    case 'fields':
      return value.fields.flatMap((field) => valueHrefs(field.value));
    case 'table':
      return value.rows.flatMap((row) => row.cells.flatMap((c) => (c ? valueHrefs(c.value) : [])));
  }
}

/** A field shown somewhere on the page, with the section it is in. */
export interface PlacedField {
  section: CardSection;
  field: ViewField;
}

/** Every field of the sections, nested ones and table cells included. */
export function placedFields(sections: readonly CardSection[]): PlacedField[] {
  const placed: PlacedField[] = [];
  const visit = (section: CardSection, value: ViewValue): void => {
    if (value.kind === 'list') value.items.forEach((item) => visit(section, item));
    if (value.kind === 'fields') {
      for (const field of value.fields) {
        placed.push({ section, field });
        visit(section, field.value);
      }
    }
    if (value.kind === 'table') {
      for (const cell of value.rows.flatMap((row) => row.cells)) {
        if (!cell) continue;
        placed.push({ section, field: cell });
        visit(section, cell.value);
      }
    }
  };
  for (const section of sections) visit(section, { kind: 'fields', fields: section.fields });
  return placed;
}

/** Every scalar of a JSON value with its JSON pointer (RFC 6901 escaping). */
export function leaves(value: unknown, pointer = ''): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, `${pointer}/${i}`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      leaves(item, `${pointer}/${escapePointer(key)}`),
    );
  }
  return [[pointer, value]];
}

/** The text a scalar must be shown as: raw digits, `Yes`/`No`, or the value as written. */
export function expectedText(
  value: unknown,
  pointer: string,
  rawIntegers: Record<string, string> = {},
): string {
  if (Object.hasOwn(rawIntegers, pointer)) return rawIntegers[pointer] as string;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

/** The sections as the card pages render them: a heading and the section's value each. */
export function sectionsHtml(sections: readonly CardSection[]): string {
  return sections
    .map(
      (section) =>
        `<section class="card-section" id="card-${section.id}">` +
        `<h2>${escapeHtml(section.title)}</h2>${valueHtml(sectionValue(section))}</section>`,
    )
    .join('\n');
}

/** The text a reader sees in an HTML fragment. */
export function visibleText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return document.body?.textContent ?? '';
}

/** Every `href` in an HTML fragment. */
export function htmlHrefs(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return [...document.querySelectorAll('[href]')].map((a) => a.getAttribute('href') ?? '');
}

/**
 * Text compared the way an HTML parser leaves it: carriage returns become line feeds and other
 * control characters (which a parser may drop or replace) are left out.
 */
export function comparable(text: string): string {
  return [...text.replace(/\r\n?/g, '\n')]
    .filter((character) => {
      const code = character.charCodeAt(0);
      return code === 0x09 || code === 0x0a || (code >= 0x20 && code !== 0x7f);
    })
    .join('');
}

/** What a reader and a browser get from an HTML fragment, read with one parse. */
export interface InspectedHtml {
  /** The text a reader sees. */
  text: string;
  /** Every `href`, in order. */
  hrefs: string[];
  /** Active content: elements, event handlers, styles or script URLs; empty when safe. */
  unsafe: string[];
}

const activeElements = new Set([
  'SCRIPT',
  'IFRAME',
  'STYLE',
  'OBJECT',
  'EMBED',
  'FORM',
  'BASE',
  'META',
]);

/**
 * Reads an HTML fragment once: its text, its links and anything active in it (the checks of
 * `expectSafeHtml`, collected rather than asserted one by one, which is much faster).
 */
export function inspectHtml(html: string): InspectedHtml {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const unsafe: string[] = [];
  const hrefs: string[] = [];
  for (const element of document.querySelectorAll('*')) {
    if (activeElements.has(element.tagName)) unsafe.push(`<${element.tagName}>`);
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on') || name === 'style') unsafe.push(`${name} on <${element.tagName}>`);
      if (name === 'href') hrefs.push(attribute.value);
      // Browsers ignore whitespace and control characters inside a scheme; so does this check.
      const compact = [...attribute.value].filter((c) => c.charCodeAt(0) > 0x20).join('');
      if (/^(javascript|data|vbscript):/i.test(compact)) unsafe.push(`${name}=${attribute.value}`);
    }
  }
  return { text: document.body?.textContent ?? '', hrefs, unsafe };
}
