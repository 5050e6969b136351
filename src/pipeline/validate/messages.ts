/**
 * Messages and hints of the problems found by validation: schema errors of cards and specs,
 * the checks beyond the schema, and content discovery. Codes and severities live in the
 * catalogue (src/pipeline/problems/catalogue.ts); the wording lives here so tests can pin it.
 */
import { describePattern } from './pattern-shape.ts';

/** A message with its hint, as spread into a problem. */
export interface Wording {
  message: string;
  hint?: string;
}

/** The place named in a message: a JSON pointer, or "top level" for the whole document. */
export function where(pointer: string): string {
  return pointer === '' ? 'top level' : pointer;
}

/** A value as quoted in a message: JSON, shortened past 60 characters. */
export function show(value: unknown, raw?: string): string {
  if (raw !== undefined) return raw;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…${text.startsWith('"') ? '"' : ''}` : text;
}

const typeNames: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object of keys and values',
  null: 'null',
};

/** `a string`, `an integer`, … for a JSON Schema type or list of types. */
export function typeName(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((one) => typeNames[String(one)] ?? String(one)).join(' or ');
}

/** `a string "x"`, `an integer 2`, `a list`, `null`: what a value is, for "found …". */
function found(value: unknown, raw?: string): string {
  if (value === null || typeof value === 'object') return show(value);
  return `${typeName(typeOf(value))} ${show(value, raw)}`;
}

/** The JSON Schema type a value has, for "found …" (`integer` for whole numbers). */
export function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const formatNames: Record<string, string> = { uri: 'URI', date: 'date', email: 'email address' };

const formatHints: Record<string, string> = {
  uri:
    'Write an absolute URL with its scheme, such as https://example.org/page; encode spaces ' +
    'and non-ASCII characters as %XX (a space is %20).',
  date: 'Write a calendar date as YYYY-MM-DD, for example 2025-01-31.',
  email: 'Write an address such as name@example.org.',
};

export const schemaMessages = {
  required: (pointer: string, key: string, required: readonly string[]): Wording => ({
    message: `${where(pointer)}: missing the required key "${key}"`,
    hint: `Add "${key}"${required.length > 1 ? ` (required here: ${required.join(', ')})` : ''}.`,
  }),

  unknownKey: (pointer: string, key: string, allowed: readonly string[], near: string[]) => ({
    message: `${where(pointer)}: unknown key "${key}"`,
    hint:
      (near[0] ? `Did you mean "${near[0]}"? ` : '') +
      (allowed.length > 0
        ? `Allowed keys here: ${allowed.join(', ')}.`
        : 'No keys are allowed here.'),
  }),

  type: (pointer: string, expected: unknown, value: unknown, raw: string | undefined) => ({
    message: `${where(pointer)}: must be ${typeName(expected)}, found ${found(value, raw)}`,
  }),

  enum: (pointer: string, value: unknown, allowed: readonly unknown[], near: string[]) => ({
    message: `${where(pointer)}: ${show(value)} is not one of the allowed values`,
    hint:
      (near.length > 0 ? `Closest allowed: ${near.map((one) => `"${one}"`).join(', ')}. ` : '') +
      (allowed.length <= 10
        ? `Allowed: ${allowed.map((one) => JSON.stringify(one)).join(', ')}.`
        : `There are ${allowed.length} allowed values; copy one exactly from the schema.`),
  }),

  const: (pointer: string, value: unknown, allowed: unknown) => ({
    message: `${where(pointer)}: must be exactly ${JSON.stringify(allowed)}, found ${show(value)}`,
  }),

  pattern: (pointer: string, value: unknown, pattern: string) => ({
    message: `${where(pointer)}: ${show(value)} does not match the pattern ${pattern}`,
    hint: `Expected the shape ${describePattern(pattern)}.`,
  }),

  format: (pointer: string, value: unknown, format: string) => ({
    message: `${where(pointer)}: ${show(value)} is not a valid ${formatNames[format] ?? format}`,
    hint: formatHints[format] ?? `Write a valid ${format}.`,
  }),

  length: (pointer: string, bound: 'least' | 'most', limit: number, found: number) => ({
    message: `${where(pointer)}: must be at ${bound} ${plural(limit, 'character')} long, found ${found}`,
  }),

  items: (pointer: string, bound: 'least' | 'most', limit: number, found: number) => ({
    message: `${where(pointer)}: must have at ${bound} ${plural(limit, 'item')}, found ${found}`,
    hint: bound === 'least' ? 'Add an item, or leave the key out.' : 'Remove items.',
  }),

  keys: (pointer: string, bound: 'least' | 'most', limit: number, found: number) => ({
    message: `${where(pointer)}: must have at ${bound} ${plural(limit, 'key')}, found ${found}`,
    hint: bound === 'least' ? 'Fill in a key, or leave the whole object out.' : 'Remove keys.',
  }),

  uniqueItems: (pointer: string, first: number, second: number, value: unknown) => ({
    message: `${where(pointer)}: items ${first} and ${second} are the same (${show(value)})`,
    hint: 'Remove the repeated item.',
  }),

  range: (pointer: string, comparison: string, limit: number, value: unknown) => ({
    message: `${where(pointer)}: must be ${comparisonWords[comparison] ?? comparison} ${limit}, found ${show(value)}`,
  }),

  alternatives: (pointer: string, alternatives: string[], value: unknown, raw?: string) => ({
    message: `${where(pointer)}: must be ${alternatives.join(' or ')}, found ${show(value, raw)}`,
  }),

  other: (pointer: string, detail: string) => ({ message: `${where(pointer)}: ${detail}` }),

  /** Hints for a value of the wrong type, when its literal explains the mistake. */
  typeHint: (expected: unknown, value: unknown, raw: string | undefined, yaml: boolean) => {
    const wanted = Array.isArray(expected) ? expected : [expected];
    if (wanted.includes('string') && typeof value === 'number' && yaml && raw !== undefined) {
      const reading = raw === String(value) ? 'a number' : `the number ${String(value)}`;
      return `YAML reads ${raw} as ${reading}; write "${raw}" in quotes to keep it as text.`;
    }
    if (wanted.includes('string') && (typeof value === 'boolean' || value === null) && yaml) {
      return `YAML reads this as ${show(value)}; put the value in quotes to keep it as text.`;
    }
    if (wanted.includes('string') && typeof value === 'number') return 'Put the value in quotes.';
    if (
      wanted.some((type) => type === 'integer' || type === 'number') &&
      typeof value === 'string'
    ) {
      return /^\s*-?\d+(\.\d+)?\s*$/.test(value)
        ? 'Remove the quotes around the number.'
        : undefined;
    }
    if (wanted.includes('boolean') && typeof value === 'string') {
      return /^(true|false)$/.test(value)
        ? `Remove the quotes: write ${value}.`
        : 'Write true or false, without quotes.';
    }
    if (wanted.includes('array') && !Array.isArray(value)) {
      const item = typeof value === 'object' && value !== null ? '{ … }' : show(value);
      return `Write it as a list, even of one item: [${item}].`;
    }
    return undefined;
  },
};

export const cardMessages = {
  unknownSchema: (found: unknown, supported: readonly string[], near: string[]): Wording => ({
    message:
      found === undefined
        ? 'the card has no "$schema", so auditcard cannot tell which ATLAS version it follows'
        : `the card's "$schema" ${show(found)} is not a schema auditcard knows`,
    hint:
      (near[0] ? `Did you mean "${near[0]}"? ` : '') +
      `Set "$schema" to one of: ${supported.join(', ')}.`,
  }),

  codeNotBare: (pointer: string, value: unknown, pattern: string, shape: string): Wording => ({
    message: `${where(pointer)}: ${show(value)} is not a bare code`,
    hint:
      `The schema only checks that ${pattern} appears somewhere in the value; tools reading ` +
      `the card expect exactly the code, shaped ${shape}. Move other words to a comment field.`,
  }),

  linkNotHttp: (pointer: string, value: unknown): Wording => ({
    message: `${where(pointer)}: ${show(value)} is not an http(s) link`,
    hint:
      'It is a valid URI, but the site shows only http:// and https:// addresses as links ' +
      '(never javascript:, data: or file:), so this one appears as plain text.',
  }),

  versionMismatch: (pointer: string, written: string, folder: string): Wording => ({
    message: `${where(pointer)}: the card says version ${show(written)} but its folder is ${show(folder)}`,
    hint:
      `The site names a version by its folder, so pages would show both. Rename the folder to ` +
      `${show(written)} if this is that version, or fix the card's Version to ${show(folder)}.`,
  }),
};

export const specMessages = {
  bothPolicies: (pointer: string): Wording => ({
    message: `${where(pointer)}: gives both "threshold" and "targetFpr"; choose one operating point`,
    hint: 'Use { targetFpr: 0.2 } to search for a threshold, or { threshold: 0.5 } to fix one.',
  }),
  policyNeeds: (pointer: string, policy: string, key: string): Wording => ({
    message: `${where(pointer)}: policy "${policy}" needs "${key}"`,
    hint: `Add ${key}, for example { policy: ${policy}, ${key}: ${key === 'threshold' ? '0.5' : '0.2'} }.`,
  }),
  policyExcludes: (pointer: string, policy: string, key: string): Wording => ({
    message: `${where(pointer)}: "${key}" does not apply to policy "${policy}"`,
    hint: `Remove "${key}", or change the policy.`,
  }),
  valuesAndBins: (pointer: string): Wording => ({
    message: `${where(pointer)}: gives both "values" and "bins"; a group is either categorical or binned`,
    hint: 'Keep "values" for a column of categories, or "bins" for a numeric column.',
  }),
  binsNotIncreasing: (pointer: string, previous: number, value: number): Wording => ({
    message: `${where(pointer)}: bin edges must increase, but ${value} follows ${previous}`,
    hint: 'List the edges from low to high without repeats, for example [18, 40, 60, 80].',
  }),
  referenceNotAmongValues: (
    pointer: string,
    reference: string,
    values: string[],
    near: string[],
  ) => ({
    message: `${where(pointer)}: reference "${reference}" is not among the group's values`,
    hint:
      (near[0] ? `Did you mean "${near[0]}"? ` : '') +
      `Values: ${values.map((value) => `"${value}"`).join(', ')}.`,
  }),
  repeatedGroupColumn: (pointer: string, column: string): Wording => ({
    message: `${where(pointer)}: column "${column}" is already a group`,
    hint: 'Define each group column once; results are named by column.',
  }),
  groupOnTargetColumn: (
    pointer: string,
    column: string,
    role: 'score' | 'label',
    target: string,
  ): Wording => ({
    message: `${where(pointer)}: "${column}" is the ${role} column of target "${target}" and cannot be a group`,
    hint:
      "A group is a patient attribute (such as sex, race or age), not the model's output or the " +
      'label; group by another column.',
  }),
  resampleWithoutId: (pointer: string): Wording => ({
    message: `${where(pointer)}: "resample: id" needs an "id" column, and the spec has none`,
    hint: 'Add `id:` naming the patient column (for example `id: patient_id`), or use `resample: rows`.',
  }),
  repeatedTargetName: (pointer: string, name: string): Wording => ({
    message: `${where(pointer)}: target name "${name}" is used twice`,
    hint: 'Give each target its own name; results are keyed by it.',
  }),
  labelValueBothSides: (pointer: string, value: unknown): Wording => ({
    message: `${where(pointer)}: ${show(value)} is listed as both positive and negative`,
    hint: 'A label value counts on one side only; remove it from one list.',
  }),
  repeatedSource: (pointer: string, source: string): Wording => ({
    message: `${where(pointer)}: projection source "${source}" is used twice`,
    hint: 'Set a distinct `source:` on each projection; tables name tests by it.',
  }),
  sameSelectors: (pointer: string, selector: string): Wording => ({
    message: `${where(pointer)}: compares "${selector}" with itself`,
    hint: 'A comparison needs two different groups, such as [race=Asian, race=White].',
  }),
  conflictingAdjust: (
    pointer: string,
    value: string,
    first: string,
    firstPointer: string,
    family: string,
  ): Wording => ({
    message: `${where(pointer)}: adjust "${value}" differs from "${first}" at ${firstPointer}, in the same family "${family}"`,
    hint:
      'The tests of one family are adjusted together with one method: write the same `adjust:` ' +
      'in the family (the top-level one counts for the default family `all`), or give this ' +
      'projection its own `family:`.',
  }),
  absolutePath: (pointer: string, path: string): Wording => ({
    message: `${where(pointer)}: "${path}" is an absolute path; paths must stay inside the version folder`,
    hint: 'Write the path relative to the folder of audit.yaml, such as predictions.csv.',
  }),
  parentPath: (pointer: string, path: string): Wording => ({
    message: `${where(pointer)}: "${path}" climbs out with ".."; paths must stay inside the version folder`,
    hint: 'Copy the file into the version folder and name it relative to audit.yaml.',
  }),
  linkEscapes: (pointer: string, path: string, kind: 'file' | 'folder'): Wording => ({
    message: `${where(pointer)}: "${path}" is a link to a ${kind} outside the version folder`,
    hint:
      kind === 'file'
        ? 'Copy the file into the version folder instead of linking to it, so the version stays self-contained.'
        : 'Name a CSV file inside the version folder, relative to audit.yaml, such as predictions.csv.',
  }),
  namesVersionFolder: (pointer: string, path: string): Wording => ({
    message: `${where(pointer)}: "${path}" names the version folder itself, not a file`,
    hint: 'Name the CSV file, relative to audit.yaml, such as predictions.csv.',
  }),
  namesFolder: (pointer: string, path: string): Wording => ({
    message: `${where(pointer)}: "${path}" names a folder, not a file`,
    hint: 'Name the CSV file in it, such as data/predictions.csv; paths are relative to audit.yaml.',
  }),
  fileMissing: (pointer: string, path: string, near: string[]): Wording => ({
    message: `${where(pointer)}: the file "${path}" does not exist in the version folder`,
    hint: near[0]
      ? `Did you mean "${near[0]}"?`
      : 'Check the name; paths are relative to audit.yaml.',
  }),
  notAFile: (pointer: string, path: string): Wording => ({
    message: `${where(pointer)}: "${path}" is not a regular file`,
    hint: 'Name a CSV file, relative to audit.yaml.',
  }),
};

const comparisonWords: Record<string, string> = {
  '<': 'less than',
  '<=': 'at most',
  '>': 'greater than',
  '>=': 'at least',
};

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
