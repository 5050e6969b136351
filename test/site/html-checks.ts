import { parseHTML } from 'linkedom';
import { expect } from 'vitest';

/** Asserts that rendered HTML has no active content and that every in-page link resolves. */
export function expectSafeHtml(html: string): void {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);

  for (const tag of ['script', 'iframe', 'style', 'object', 'embed', 'form', 'base', 'meta']) {
    expect(document.querySelector(tag), `<${tag}> present`).toBeNull();
  }
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      expect(attribute.name, `event handler on <${element.tagName}>`).not.toMatch(/^on/i);
      expect(attribute.name).not.toBe('style');
      if (
        ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset'].includes(attribute.name)
      ) {
        // Browsers ignore whitespace and control characters inside a scheme; so does this check.
        const value = [...attribute.value]
          .filter((character) => character.charCodeAt(0) > 0x20)
          .join('')
          .toLowerCase();
        expect(value, `${attribute.name}=${attribute.value}`).not.toMatch(
          /^(javascript|data|vbscript):/,
        );
      }
    }
  }
  expect(html.toLowerCase()).not.toMatch(/<script/);
}

/** Asserts that every `href="#…"` names an element id or anchor name in the same HTML. */
export function expectFragmentLinksResolve(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const targets = new Set<string>();
  for (const element of document.querySelectorAll('[id], a[name]')) {
    const id = element.getAttribute('id');
    const name = element.getAttribute('name');
    if (id) targets.add(id);
    if (name) targets.add(name);
  }

  const fragments = [...document.querySelectorAll('a[href^="#"]')].map((a) =>
    decodeURIComponent((a.getAttribute('href') ?? '').slice(1)),
  );
  for (const fragment of fragments) {
    expect(targets.has(fragment), `#${fragment} has no target`).toBe(true);
  }
  return fragments;
}
