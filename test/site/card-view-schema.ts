/**
 * Walking an ATLAS card schema (JSON Schema 2020-12, the subset the ATLAS schemas use): every
 * property path it defines, and a card that fills every one of them with a valid value.
 */

/** A schema node, loosely typed: the walk reads only the keywords it knows. */
export type SchemaNode = { [keyword: string]: unknown };

/** A path of property names, with `*` for the items of an array. */
export type SchemaPath = string[];

/** Resolves a local `$ref` (`#/$defs/Name`) against the root schema; other nodes as they are. */
export function resolveRef(node: SchemaNode, root: SchemaNode): SchemaNode {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  const match = /^#\/\$defs\/(.+)$/.exec(ref);
  const defs = root.$defs as Record<string, SchemaNode> | undefined;
  const target = match && defs?.[match[1] as string];
  if (!target) throw new Error(`unsupported $ref ${ref}`);
  return resolveRef(target, root);
}

/**
 * Every property path of the schema, parents before children: `["Model", "Descriptors",
 * "Authors", "*", "Name"]` and so on. Array items add a `*` but no path of their own.
 */
export function schemaPaths(root: SchemaNode): SchemaPath[] {
  const paths: SchemaPath[] = [];
  const visit = (raw: SchemaNode, path: SchemaPath): void => {
    const node = resolveRef(raw, root);
    for (const branch of (node.anyOf as SchemaNode[] | undefined) ?? []) visit(branch, path);
    const properties = (node.properties as Record<string, SchemaNode> | undefined) ?? {};
    for (const [key, child] of Object.entries(properties)) {
      paths.push([...path, key]);
      visit(child, [...path, key]);
    }
    for (const item of (node.prefixItems as SchemaNode[] | undefined) ?? [])
      visit(item, [...path, '*']);
    if (node.items && typeof node.items === 'object')
      visit(node.items as SchemaNode, [...path, '*']);
  };
  visit(root, []);
  return paths;
}

/** Values for patterned strings: bare codes that resolve in their registries. */
const patternExamples: Record<string, string> = {
  'RID[0-9]+': 'RID5352',
  'RPID[0-9]+': 'RPID145',
  '[0-9]+\\.[0-9]+/.+': '10.1148/ryai.230060',
  'PMC[0-9]+': 'PMC10698597',
  'https://orcid.org/.+': 'https://orcid.org/0000-0002-1825-0097',
  'RDE[S]?[0-9]+': 'RDE397',
};

/** Values for integers by the last property name; a counter gives the others. */
const integerExamples: Record<string, number> = { PMID: 38074789, SNOMED: 233604007 };

/** Values for short strings by property name (`LOINC` allows at most 12 characters). */
const stringExamples: Record<string, string> = { LOINC: '36813-4' };

/**
 * A card that has every property of the schema, each with a valid value that names its path
 * where it is free text, so that a test can look for each value on the page.
 */
export function fullCard(root: SchemaNode): unknown {
  let counter = 0;
  const build = (raw: SchemaNode, path: SchemaPath): unknown => {
    const node = resolveRef(raw, root);
    const key = [...path].reverse().find((token) => token !== '*') ?? '';
    if ('const' in node) return node.const;
    if (Array.isArray(node.enum)) return node.enum[counter++ % node.enum.length];
    if (Array.isArray(node.anyOf)) return build(node.anyOf[0] as SchemaNode, path);

    if (node.type === 'string') return fullString(node, path, key);
    if (node.type === 'integer') {
      const min = typeof node.minimum === 'number' ? node.minimum : 0;
      const max = typeof node.maximum === 'number' ? node.maximum : Number.MAX_SAFE_INTEGER;
      return integerExamples[key] ?? Math.min(max, min + 1000 + counter++);
    }
    if (node.type === 'boolean') return true;
    if (node.type === 'array') {
      const prefix = ((node.prefixItems as SchemaNode[] | undefined) ?? []).map((item) =>
        build(item, [...path, '*']),
      );
      const count = Math.max(1, Number(node.minItems ?? 1) - prefix.length);
      const items = node.items as SchemaNode | undefined;
      const rest = items ? Array.from({ length: count }, () => build(items, [...path, '*'])) : [];
      return [...prefix, ...rest];
    }
    // Objects, and the untyped License whose object form has properties.
    const properties = (node.properties as Record<string, SchemaNode> | undefined) ?? {};
    return Object.fromEntries(
      Object.entries(properties).map(([name, child]) => [name, build(child, [...path, name])]),
    );
  };
  return build(root, []);
}

function fullString(node: SchemaNode, path: SchemaPath, key: string): string {
  const where = path.filter((token) => token !== '*').join(' › ');
  if (node.format === 'date') return '2024-05-06';
  if (typeof node.pattern === 'string') {
    const example = patternExamples[node.pattern];
    if (!example) throw new Error(`no example for pattern ${node.pattern}`);
    return example;
  }
  const slug = where.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  if (node.format === 'uri') return `https://example.org/${slug}`;
  if (node.format === 'email') return `${slug}@example.org`;
  if (stringExamples[key]) return stringExamples[key];

  const max = typeof node.maxLength === 'number' ? node.maxLength : Infinity;
  const min = typeof node.minLength === 'number' ? node.minLength : 0;
  const text = `${where} text`.slice(0, max);
  return text.padEnd(min, '.');
}
