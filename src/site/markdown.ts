/**
 * Renders an author's markdown (`report.md`) to HTML that is safe to put in a page.
 *
 * The pipeline is remark-parse → remark-gfm → remark-rehype → rehype-raw → heading ids →
 * fragment links → rehype-sanitize → rehype-stringify. The sanitizer runs last before
 * serialising, so nothing added after it can reintroduce markup.
 *
 * The sanitizer prefixes every `id` and `name` with `user-content-` so that a report cannot
 * clobber the page's own ids or DOM globals. Links inside the report (`#limitations`, footnote
 * calls) would then point to ids that no longer exist, so before sanitizing, every fragment link
 * whose target exists in the report is rewritten to the prefixed id. Footnotes are generated
 * without a prefix for the same reason: the sanitizer adds it exactly once.
 */
import type { Element, ElementContent, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/** The prefix the sanitizer puts before every `id` and `name` of the author's markup. */
export const clobberPrefix = 'user-content-';

/** Elements removed together with their content (not just unwrapped). */
const strippedElements = [
  'script',
  'style',
  'iframe',
  'noscript',
  'template',
  'textarea',
  'title',
  'xmp',
  'noembed',
  'noframes',
  'plaintext',
];

const schema: SanitizeSchema = {
  ...defaultSchema,
  clobberPrefix,
  strip: strippedElements,
  attributes: {
    ...defaultSchema.attributes,
    // Heading ids are added before sanitizing; keep them (they are prefixed like any id).
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'id'],
  },
};

export interface MarkdownOptions {
  /**
   * Levels added to every heading, so that the report's `#` sits below the page's own headings
   * (default 0; a heading never goes below `h6`).
   */
  headingOffset?: number;
}

/**
 * Renders markdown (CommonMark with GitHub extensions: tables, footnotes, strikethrough, task
 * lists, autolinks) to sanitized HTML.
 *
 * @param markdown The author's markdown.
 * @param options See {@link MarkdownOptions}.
 * @returns An HTML fragment without scripts, styles, frames, event handlers or unsafe URLs.
 */
export function renderMarkdown(markdown: string, options: MarkdownOptions = {}): string {
  const headingOffset = options.headingOffset ?? 0;

  const file = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
    .use(rehypeRaw)
    .use(rehypeHeadingIds)
    .use(rehypeShiftHeadings, headingOffset)
    .use(rehypePrefixFragmentLinks, clobberPrefix)
    .use(rehypeSanitize, schema)
    .use(rehypeStringify)
    .processSync(markdown);

  return String(file);
}

/** Gives every heading without an id one made from its text, unique within the document. */
function rehypeHeadingIds() {
  return (tree: Root) => {
    const used = new Set<string>();
    visitElements(tree, (element) => {
      const id = element.properties.id;
      if (typeof id === 'string') used.add(id);
    });

    visitElements(tree, (element) => {
      if (!isHeading(element) || element.properties.id !== undefined) return;

      const base = slug(textContent(element)) || 'section';
      let id = base;
      for (let count = 1; used.has(id); count += 1) id = `${base}-${count}`;
      used.add(id);
      element.properties.id = id;
    });
  };
}

/** Moves headings down by `offset` levels, stopping at `h6`. */
function rehypeShiftHeadings(offset: number) {
  return (tree: Root) => {
    if (offset === 0) return;
    visitElements(tree, (element) => {
      if (!isHeading(element)) return;
      const level = Math.min(6, Number(element.tagName.slice(1)) + offset);
      element.tagName = `h${level}`;
    });
  };
}

/**
 * Rewrites `href="#target"` to `href="#<prefix>target"` when an element of the document has the
 * id or name `target`, matching what the sanitizer will do to that id or name.
 */
function rehypePrefixFragmentLinks(prefix: string) {
  return (tree: Root) => {
    const targets = new Set<string>();
    visitElements(tree, (element) => {
      for (const key of ['id', 'name'] as const) {
        const value = element.properties[key];
        if (typeof value === 'string') targets.add(value);
      }
    });

    visitElements(tree, (element) => {
      const href = element.properties.href;
      if (typeof href !== 'string' || !href.startsWith('#')) return;

      const target = decodeFragment(href.slice(1));
      if (targets.has(target)) element.properties.href = `#${prefix}${target}`;
    });
  };
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** A GitHub-like slug: lowercase, letters, digits, spaces as hyphens, other marks dropped. */
function slug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function isHeading(element: Element): boolean {
  return /^h[1-6]$/.test(element.tagName);
}

function textContent(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  return node.children.map(textContent).join('');
}

function visitElements(node: Root | Element, visit: (element: Element) => void): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    visit(child);
    visitElements(child, visit);
  }
}
