import { describe, expect, it } from 'vitest';
import type { ViewValue } from '../../src/site/card-view.ts';
import { escapeHtml, fieldsHtml, valueHtml } from '../../src/site/value-html.ts';
import { expectSafeHtml } from './html-checks.ts';

describe('valueHtml', () => {
  it('escapes text and link targets, and marks text direction as automatic', () => {
    const html = valueHtml({
      kind: 'text',
      parts: [
        { text: '<b>"Ada" & \'Bo\'</b> ' },
        { text: 'https://example.org/?a=1&b=2', href: 'https://example.org/?a=1&b=2' },
      ],
    });
    expect(html).toBe(
      '<span class="text-value" dir="auto">&lt;b&gt;&quot;Ada&quot; &amp; &#39;Bo&#39;&lt;/b&gt; ' +
        '<a href="https://example.org/?a=1&amp;b=2">https://example.org/?a=1&amp;b=2</a></span>',
    );
    expectSafeHtml(html);
  });

  it('sets codes in code type, and says when nothing was given', () => {
    expect(valueHtml({ kind: 'text', parts: [{ text: 'RID5352' }], code: true })).toBe(
      '<span class="text-value code" dir="auto">RID5352</span>',
    );
    expect(valueHtml({ kind: 'empty', text: 'none' })).toBe('<span class="muted">none</span>');
  });

  it('renders lists inline or one item per line', () => {
    const item: ViewValue = { kind: 'text', parts: [{ text: 'CH' }] };
    expect(valueHtml({ kind: 'list', items: [item], inline: true })).toBe(
      '<ul class="chips"><li><span class="text-value" dir="auto">CH</span></li></ul>',
    );
    expect(valueHtml({ kind: 'list', items: [item], inline: false })).toMatch(
      /^<ul class="items">/,
    );
  });

  it('renders fields as a description list, a table field at full width', () => {
    const html = fieldsHtml([
      { label: 'Name <x>', pointer: '/Dataset/Name', value: { kind: 'empty', text: '(empty)' } },
      {
        label: 'Subjects',
        pointer: '/Dataset/Partitions/0/Total',
        value: {
          kind: 'table',
          label: 'Subjects of "Test"',
          rowHeader: 'Subset',
          columns: [
            { label: 'Sex', numeric: false },
            { label: 'Patient count', numeric: true },
          ],
          rows: [
            {
              label: 'Total',
              pointer: '/Dataset/Partitions/0/Total',
              cells: [
                null,
                {
                  label: 'Patient count',
                  pointer: '/Dataset/Partitions/0/Total/Patient count',
                  value: { kind: 'text', parts: [{ text: '900' }] },
                },
              ],
            },
          ],
        },
      },
    ]);
    expect(html).toBe(
      '<dl class="fields">' +
        '<div class="field"><dt dir="auto">Name &lt;x&gt;</dt><dd><span class="muted">(empty)</span></dd></div>' +
        '<div class="field wide"><dt dir="auto">Subjects</dt><dd>' +
        '<div class="table-scroll" tabindex="0" role="region" aria-label="Subjects of &quot;Test&quot;">' +
        '<table class="metrics subsets"><thead><tr><th scope="col">Subset</th><th scope="col">Sex</th>' +
        '<th scope="col" class="num">Patient count</th></tr></thead><tbody>' +
        '<tr><th scope="row" dir="auto">Total</th><td><span class="muted">—</span></td>' +
        '<td class="num"><span class="text-value" dir="auto">900</span></td></tr>' +
        '</tbody></table></div></dd></div></dl>',
    );
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters with meaning in HTML text and attributes', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
    expect(escapeHtml('نص 𝔘 e\u0301')).toBe('نص 𝔘 e\u0301');
  });
});
