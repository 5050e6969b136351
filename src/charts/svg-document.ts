/**
 * The document Observable Plot draws into at build time, and the finishing every chart gets:
 * an accessible outer `<svg>` and no stray labels inside it.
 */
import { parseHTML } from 'linkedom';

/** A fresh DOM document from linkedom; Plot's `document` option. */
export function createDocument(): Document {
  return parseHTML('<!doctype html><html><head></head><body></body></html>')
    .document as unknown as Document;
}

export interface TextAlternative {
  /** A short name, used as `aria-label` and `<title>`. */
  label: string;
  /** A longer description of what the chart shows (its data in words), used as `<desc>`. */
  description: string;
}

/**
 * Makes a Plot's `<svg>` an accessible image and returns its markup.
 *
 * The outer element gets `role="img"`, `aria-label`, a `<title>` and a `<desc>`; inner
 * `aria-label`s on elements without a role are removed, because checkers flag them and the
 * image's own label already names the chart.
 */
export function finishSvg(svg: Element, text: TextAlternative): string {
  const document = svg.ownerDocument;

  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', text.label);
  for (const element of svg.querySelectorAll('[aria-label]')) {
    if (!element.hasAttribute('role')) element.removeAttribute('aria-label');
  }

  roundCoordinates(svg);

  const description = document.createElementNS('http://www.w3.org/2000/svg', 'desc');
  description.textContent = text.description;
  svg.insertBefore(description, svg.firstChild);

  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.textContent = text.label;
  svg.insertBefore(title, svg.firstChild);

  return svg.outerHTML;
}

const geometryAttributes = [
  'd',
  'transform',
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'cx',
  'cy',
  'points',
];

/**
 * Rounds the numbers of geometry attributes to two decimals (a hundredth of a pixel), so that
 * floating-point noise such as `392.59999999999997` neither bloats the page nor makes golden
 * files depend on the last bit of a computation.
 */
function roundCoordinates(svg: Element): void {
  for (const element of [svg, ...svg.querySelectorAll('*')]) {
    for (const name of geometryAttributes) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      element.setAttribute(
        name,
        value.replace(/-?\d*\.\d{3,}(?:e-?\d+)?/g, (number) =>
          String(Math.round(Number(number) * 100) / 100),
        ),
      );
    }
  }
}

/**
 * Colours for groups, in order: the Okabe–Ito palette (distinguishable with the common colour
 * vision deficiencies), without its yellow, which is too light on white paper.
 */
export const groupColors = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#882255',
] as const;
