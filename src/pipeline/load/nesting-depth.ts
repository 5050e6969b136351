/**
 * How deeply lists and objects may nest in a card or spec, checked before any parser or walker
 * recurses into the document: the JSON parser, the YAML composer and every later walk (schema
 * validation, position mapping) recurse once per level, and a few thousand levels exhaust the
 * stack. No ATLAS card or audit spec needs more than about 8 levels.
 */
import type { CST } from 'yaml';

/** The deepest nesting of lists and objects accepted; the top-level object is level 1. */
export const maxNestingDepth = 200;

/**
 * The offset of the first list or object that opens at a level deeper than `maxDepth` in JSON
 * text, or null. Scans the text once without recursion; text inside strings is skipped, and
 * syntax errors are left for the parser to report.
 * @param text the JSON text
 * @param maxDepth the deepest level allowed (default {@link maxNestingDepth})
 */
export function jsonTooDeepAt(text: string, maxDepth = maxNestingDepth): number | null {
  let depth = 0;
  let inString = false;

  for (let offset = 0; offset < text.length; offset += 1) {
    const char = text[offset];
    if (inString) {
      if (char === '\\') offset += 1;
      else if (char === '"') inString = false;
      continue;
    }

    if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      depth += 1;
      if (depth > maxDepth) return offset;
    } else if ((char === ']' || char === '}') && depth > 0) depth -= 1;
  }
  return null;
}

/**
 * The offset of the first collection (block or flow) that opens at a level deeper than
 * `maxDepth` in a YAML concrete syntax tree, or null. Walks the tree with an explicit stack.
 * @param tokens the top-level tokens of `new Parser().parse(text)`
 * @param maxDepth the deepest level allowed (default {@link maxNestingDepth})
 */
export function yamlTooDeepAt(
  tokens: Iterable<CST.Token>,
  maxDepth = maxNestingDepth,
): number | null {
  const stack: Array<{ token: CST.Token; depth: number }> = [];
  for (const token of tokens) stack.push({ token, depth: 0 });

  while (stack.length > 0) {
    const { token, depth } = stack.pop() as { token: CST.Token; depth: number };
    if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth });
      continue;
    }
    if (
      token.type !== 'block-map' &&
      token.type !== 'block-seq' &&
      token.type !== 'flow-collection'
    ) {
      continue;
    }

    const level = depth + 1;
    if (level > maxDepth) return token.offset;
    for (const item of token.items) {
      if ('key' in item && item.key) stack.push({ token: item.key, depth: level });
      if (item.value) stack.push({ token: item.value, depth: level });
    }
  }
  return null;
}
