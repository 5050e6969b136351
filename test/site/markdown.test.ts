import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clobberPrefix, renderMarkdown } from '../../src/site/markdown.ts';
import { expectFragmentLinksResolve, expectSafeHtml } from './html-checks.ts';

const sharedCase = fileURLToPath(
  new URL('../../../shared/cases/24-markdown-xss.md', import.meta.url),
);

/** Attacks in the spirit of the shared case, kept here so the test runs without it. */
const adversarial = `# Limitations of the model

Performance drops on portable films.[^portable] See [the method](#method-and-data).

<div onmouseover="alert('a')" style="position:fixed">hover</div>
<img src="x" onerror="alert('b')">
<svg><script>alert('svg')</script><a xlink:href="javascript:alert(1)">svg link</a></svg>
<iframe src="javascript:alert('c')"></iframe>
<object data="data:text/html,hi"></object>
<a href="jAva script:alert('d')">spaced scheme</a>
<a href="&#106;avascript:alert('e')">entity scheme</a>
<a href="java&#x09;script:alert('tab')">tab scheme</a>
<form action="javascript:alert('form')"><button formaction="javascript:alert(2)">x</button></form>
<base href="javascript:alert('base')">
<meta http-equiv="refresh" content="0;url=javascript:alert(1)">

[markdown link](javascript:alert('f'))
[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgnZycpPC9zY3JpcHQ+)
[reference link][evil]
![img](javascript:alert('h'))
<https://example.org/safe>

[evil]: javascript:alert('ref')

## Method and data

<h2 id="current">Current</h2>

<a name="old"></a>

<a id="user-content-already">already prefixed</a>

See [current](#current), [old](#old) and [already](#user-content-already).

<script>alert('i')</script>
<style>body{display:none}</style>
<noscript><img src=x onerror=alert(1)></noscript>

[^portable]: Internal validation only.
`;

describe('renderMarkdown', () => {
  it('removes scripts, frames, styles, event handlers and unsafe URLs', () => {
    const html = renderMarkdown(adversarial);
    expectSafeHtml(html);
    expect(html).toContain('spaced scheme');
    expect(html).toContain('<a href="https://example.org/safe">');
  });

  it('keeps footnotes working after the sanitizer prefixes their ids', () => {
    const html = renderMarkdown(adversarial);
    const links = expectFragmentLinksResolve(html);
    expect(links).toContain(`${clobberPrefix}fn-portable`);
    expect(links).toContain(`${clobberPrefix}fnref-portable`);
    expect(html).not.toContain(`${clobberPrefix}${clobberPrefix}fn`);
  });

  it('gives headings ids and resolves links to headings, raw ids and anchor names', () => {
    const html = renderMarkdown(adversarial);
    expect(html).toContain(`id="${clobberPrefix}limitations-of-the-model"`);
    const links = expectFragmentLinksResolve(html);
    expect(links).toEqual(
      expect.arrayContaining([
        `${clobberPrefix}method-and-data`,
        `${clobberPrefix}current`,
        `${clobberPrefix}old`,
        `${clobberPrefix}${clobberPrefix}already`,
      ]),
    );
  });

  it('keeps ids unique when two headings have the same text', () => {
    const html = renderMarkdown('# Results\n\n## Results\n');
    expect(html).toContain(`id="${clobberPrefix}results"`);
    expect(html).toContain(`id="${clobberPrefix}results-1"`);
  });

  it('moves headings down by the offset, never below h6', () => {
    const html = renderMarkdown('# One\n\n##### Five\n', { headingOffset: 2 });
    expect(html).toContain('<h3 id="user-content-one">One</h3>');
    expect(html).toContain('<h6 id="user-content-five">Five</h6>');
  });

  it('renders GitHub tables and task lists', () => {
    const html = renderMarkdown('| a | b |\n| - | - |\n| 1 | 2 |\n\n- [x] done\n');
    expect(html).toContain('<table>');
    expect(html).toContain('type="checkbox"');
  });

  it.runIf(existsSync(sharedCase))('makes the shared case 24-markdown-xss.md safe', () => {
    const html = renderMarkdown(readFileSync(sharedCase, 'utf8'));
    expectSafeHtml(html);
    const links = expectFragmentLinksResolve(html);
    expect(links).toContain(`${clobberPrefix}fn-1`);
    expect(html).toContain(`id="${clobberPrefix}current"`);
    expect(html).toContain(`name="${clobberPrefix}old"`);
  });
});
