/**
 * Any schema-valid card renders: cards generated from the ATLAS 2025-11 schemas (odd but valid
 * ones included, see card-view-arbitrary.ts) are checked with auditcard's validator, so the
 * generator is checked too, then rendered to the HTML the card pages use. The page must show
 * every value, link only http(s) and plain mailto URLs, carry no active content, and never say
 * `undefined`, `NaN` or `[object Object]`.
 *
 * The Astro page itself is not rendered here (that needs Astro's Vite plugins in the test run);
 * it renders each section with `ValueView.astro`, which outputs exactly `valueHtml`, and the
 * site build test renders the pages from a fixture.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import datasetSchema from '../../schemas/atlas/2025-11/dataset.json' with { type: 'json' };
import modelSchema from '../../schemas/atlas/2025-11/model.json' with { type: 'json' };
import { checkCard } from '../../src/pipeline/validate/index.ts';
import { cardSections, type CardSection } from '../../src/site/card-view.ts';
import { datasetSections } from '../../src/site/dataset-view.ts';
import { cardArbitrary, forbiddenOutput } from './card-view-arbitrary.ts';
import {
  comparable,
  expectedText,
  inspectHtml,
  leaves,
  sectionsHtml,
} from './card-view-helpers.ts';

/** A link the card pages may make: http(s) without spaces or quotes, or a plain `mailto:`. */
const acceptedHref = /^(https?:\/\/[^\s"<>\\]+|mailto:[A-Za-z0-9\-._~!$'*+%]+@[A-Za-z0-9.-]+)$/i;

/** Fixed, so that a failure reproduces; fast-check prints the counterexample and its path. */
const seed = 20251104;

const kinds = [
  { name: 'model', file: 'card.json', schema: modelSchema, render: cardSections, runs: 80 },
  {
    name: 'dataset',
    file: 'dataset.json',
    schema: datasetSchema,
    render: datasetSections,
    runs: 50,
  },
] as const;

function errorsOf(problems: readonly { severity: string; code: string; message: string }[]) {
  return problems
    .filter((problem) => problem.severity === 'error')
    .map(({ code, message }) => `${code}: ${message}`);
}

/**
 * The odd but valid shapes a run must have tried, so that the generator cannot quietly stop
 * making them: each test checks these over all its cards.
 */
const oddities: Record<string, (text: string, raw: Record<string, string>) => boolean> = {
  'a License that is not an object': (text) => /"License": (?!\{)/.test(text),
  'an empty object': (text) => text.includes('{}'),
  'an empty list': (text) => text.includes('[]'),
  'a year-only date': (text) => /"(Created|Published|Updated|Date)": -?\d/.test(text),
  'very long text': (text) => /"[^"]{2000,}"/.test(text),
  'right-to-left text': (text) => /[\u0590-\u08ff]/.test(text),
  'combining characters': (text) => /\p{M}/u.test(text),
  'astral characters': (text) => /[\u{10000}-\u{10ffff}]/u.test(text),
  'an integer past 2^53': (_, raw) => Object.keys(raw).length > 0,
  'a URI that is not http(s)': (text) => /"(URL|Link)": "(?!https?:)/i.test(text),
  'a code with text around it': (text) => /"[^"]+RID\d+|"RID\d+[^"\d]/.test(text),
};

describe.each(kinds)('any valid $name card', ({ name, file, schema, render, runs }) => {
  it('renders every value, safely, without undefined, NaN or [object Object]', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(cardArbitrary(schema), (card) => {
        const text = JSON.stringify(card, null, 1);
        const checked = checkCard(text, file);
        expect(errorsOf(checked.problems)).toEqual([]);
        for (const [oddity, test] of Object.entries(oddities)) {
          if (test(text, checked.rawIntegers)) seen.add(oddity);
        }

        const value = checked.value as Record<string, unknown>;
        const sections: CardSection[] = render(value, checked.rawIntegers);
        const html = sectionsHtml(sections);
        for (const token of forbiddenOutput) expect(html).not.toContain(token);

        const page = inspectHtml(html);
        expect(page.unsafe).toEqual([]);
        const shown = comparable(page.text);
        const missing = leaves(value)
          .map(([pointer, leaf]) => [pointer, expectedText(leaf, pointer, checked.rawIntegers)])
          .filter(([, text]) => !shown.includes(comparable(text as string)))
          .map(([pointer]) => pointer);
        expect(missing).toEqual([]);
        const badLinks = page.hrefs.filter((href) => !acceptedHref.test(href));
        expect(badLinks).toEqual([]);
      }),
      { seed, numRuns: runs },
    );

    const expected = Object.keys(oddities).filter(
      // The dataset schema types License as an object.
      (oddity) => name === 'model' || oddity !== 'a License that is not an object',
    );
    expect([...seen].sort()).toEqual(expect.arrayContaining(expected.sort()));
  });
});
