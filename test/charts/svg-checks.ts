import { parseHTML } from 'linkedom';
import { expect } from 'vitest';

/** The accessibility and sanity rules every chart's SVG must meet. */
export function expectAccessibleSvg(svg: string, label: RegExp): void {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = document.querySelector('body > svg');
  expect(root).not.toBeNull();
  expect(root?.getAttribute('role')).toBe('img');
  expect(root?.getAttribute('aria-label')).toMatch(label);
  expect(root?.querySelector(':scope > title')?.textContent).toMatch(label);
  expect(root?.querySelector(':scope > desc')?.textContent?.length).toBeGreaterThan(20);

  for (const element of root?.querySelectorAll('[aria-label]') ?? []) {
    expect(element.hasAttribute('role'), `${element.tagName} has aria-label without role`).toBe(
      true,
    );
  }
  expect(svg).not.toMatch(/NaN|Infinity/);
}
