/**
 * Renders a card value prepared by `card-view.ts` as HTML, for the card pages (through
 * `ValueView.astro`) and for tests that render any card without Astro.
 *
 * Every text is escaped; an `href` is only ever a URL that `links.ts` accepted (http(s) or a
 * plain `mailto:`). Texts carry `dir="auto"`, so that a right-to-left value reads in its own
 * direction without reordering the page around it.
 */
import type { ViewField, ViewTable, ViewValue } from './card-view.ts';

/**
 * The HTML of a value: text with links, a list, labelled fields (`<dl>`), or a table.
 *
 * @param value The value from `cardSections`, `datasetSections` or `viewValue`.
 */
export function valueHtml(value: ViewValue): string {
  switch (value.kind) {
    case 'text': {
      const parts = value.parts
        .map((part) =>
          part.href === undefined
            ? escapeHtml(part.text)
            : `<a href="${escapeHtml(part.href)}">${escapeHtml(part.text)}</a>`,
        )
        .join('');
      const className = value.code ? 'text-value code' : 'text-value';
      return `<span class="${className}" dir="auto">${parts}</span>`;
    }
    case 'empty':
      return `<span class="muted">${escapeHtml(value.text)}</span>`;
    case 'list': {
      const items = value.items.map((item) => `<li>${valueHtml(item)}</li>`).join('');
      return `<ul class="${value.inline ? 'chips' : 'items'}">${items}</ul>`;
    }
    case 'fields':
      return fieldsHtml(value.fields);
    case 'table':
      return tableHtml(value);
  }
}

/** Labelled fields as a description list. */
export function fieldsHtml(fields: readonly ViewField[]): string {
  const items = fields
    .map(
      (field) =>
        // A table needs the width of the page, so its field puts the label above it.
        `<div class="${field.value.kind === 'table' ? 'field wide' : 'field'}">` +
        `<dt dir="auto">${escapeHtml(field.label)}</dt>` +
        `<dd>${valueHtml(field.value)}</dd></div>`,
    )
    .join('');
  return `<dl class="fields">${items}</dl>`;
}

function tableHtml(table: ViewTable): string {
  const head = [{ label: table.rowHeader, numeric: false }, ...table.columns]
    .map(
      ({ label, numeric }) =>
        `<th scope="col"${numeric ? ' class="num"' : ''}>${escapeHtml(label)}</th>`,
    )
    .join('');
  const body = table.rows
    .map((row) => {
      const cells = row.cells
        .map((cell, index) => {
          const open = table.columns[index]?.numeric ? '<td class="num">' : '<td>';
          return cell === null
            ? `${open}<span class="muted">—</span></td>`
            : `${open}${valueHtml(cell.value)}</td>`;
        })
        .join('');
      return `<tr><th scope="row" dir="auto">${escapeHtml(row.label)}</th>${cells}</tr>`;
    })
    .join('');
  return (
    `<div class="table-scroll" tabindex="0" role="region" aria-label="${escapeHtml(table.label)}">` +
    `<table class="metrics subsets"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>` +
    '</div>'
  );
}

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => entities[character] ?? character);
}
