/**
 * Messages and hints of the problems found by validation: schema errors of cards and specs,
 * and the checks beyond the schema. Codes and severities live in the
 * catalogue (src/pipeline/problems/catalogue.ts); the wording lives here so tests can pin it.
 */
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
  if (value === null || typeof value === 'object' || typeof value === 'boolean') return show(value);
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
  /** @param keys the required keys missing from one object, in schema order */
  required: (pointer: string, keys: readonly string[], required: readonly string[]): Wording => {
    const names = keys.map((key) => `"${key}"`);
    const listed =
      names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
    return {
      message: `${where(pointer)}: missing the required key${keys.length > 1 ? 's' : ''} ${listed}`,
      hint: `Add ${listed}${required.length > keys.length ? ` (required here: ${required.join(', ')})` : ''}.`,
    };
  },

  unknownKey: (
    pointer: string,
    key: string,
    allowed: readonly string[],
    near: string[],
    nearIsMissing = false,
  ): Wording => ({
    message: `${where(pointer)}: unknown key "${key}"`,
    hint:
      (near[0]
        ? nearIsMissing
          ? `Did you mean "${near[0]}"? It is required here and missing, so rename the key. `
          : `Did you mean "${near[0]}"? `
        : '') +
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
      (allowed.length <= 30
        ? `Allowed: ${allowed.map((one) => JSON.stringify(one)).join(', ')}.`
        : `There are ${allowed.length} allowed values; copy one exactly from the schema.`),
  }),

  const: (pointer: string, value: unknown, allowed: unknown) => ({
    message: `${where(pointer)}: must be exactly ${JSON.stringify(allowed)}, found ${show(value)}`,
  }),

  pattern: (
    pointer: string,
    value: unknown,
    pattern: string,
    shape: string,
    suggestion: string | undefined,
  ): Wording => ({
    message: `${where(pointer)}: ${show(value)} does not match the pattern ${pattern}`,
    hint:
      `Expected the shape ${shape}.` +
      (suggestion === undefined ? '' : ` Did you mean ${show(suggestion)}?`),
  }),

  format: (pointer: string, value: unknown, format: string) => ({
    message: `${where(pointer)}: ${show(value)} is not a valid ${formatNames[format] ?? format}`,
    hint: formatHints[format] ?? `Write a valid ${format}.`,
  }),

  length: (pointer: string, bound: 'least' | 'most', limit: number, found: number) => ({
    message: `${where(pointer)}: must be at ${bound} ${plural(limit, 'character')} long, found ${found}`,
  }),

  items: (
    pointer: string,
    bound: 'least' | 'most',
    limit: number,
    found: number,
    required?: boolean,
  ) => ({
    message: `${where(pointer)}: must have at ${bound} ${plural(limit, 'item')}, found ${found}`,
    hint:
      bound === 'most'
        ? 'Remove items.'
        : required === false
          ? 'Add an item, or leave the key out.'
          : required === true
            ? 'Add an item; the key is required.'
            : 'Add an item.',
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

  /** The hint for a value of the wrong type where one of a few values is wanted. */
  typeEnumHint: (allowed: readonly unknown[]): string | undefined =>
    allowed.length <= 30
      ? `Allowed: ${allowed.map((one) => JSON.stringify(one)).join(', ')}.`
      : undefined,

  /** The hint for a value where a list of a fixed least length (a tuple) is wanted. */
  typeTupleHint: (items: number): string => `Write a list of ${items} items.`,

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
      if (/^\s*-?\d+(\.\d+)?\s*$/.test(value)) return 'Remove the quotes around the number.';
      const numbers = value.match(/\d+/g) ?? [];
      return numbers.length === 1
        ? `Write only the number, without quotes: ${numbers[0]}.`
        : undefined;
    }
    if (wanted.includes('boolean') && (value === 0 || value === 1)) {
      return `Write ${value === 1 ? 'true' : 'false'} instead of ${value}.`;
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

/** A card schema as named in messages: its id and the kind of card it describes. */
export interface SchemaChoice {
  id: string;
  kind: string;
  rootKey: string;
}

function listSchemas(choices: readonly SchemaChoice[]): string {
  return choices
    .map(({ id, kind, rootKey }) => `${id} (a ${kind} card, with "${rootKey}")`)
    .join('; ');
}

export const cardMessages = {
  /**
   * @param proposal the id the card most likely means (by its top-level key, else by spelling)
   * @param supported every id auditcard knows
   */
  unknownSchema: (
    found: unknown,
    proposal: SchemaChoice | undefined,
    supported: readonly SchemaChoice[],
  ): Wording => ({
    message:
      found === undefined
        ? 'the card has no "$schema", so auditcard cannot tell which ATLAS schema it follows'
        : `the card's "$schema" ${show(found)} is not a schema auditcard knows`,
    hint: proposal
      ? (found === undefined
          ? `Add "$schema": "${proposal.id}"`
          : `Did you mean "${proposal.id}"? Set "$schema" to it`) +
        `: the schema of ATLAS ${proposal.kind} cards (this card has a "${proposal.rootKey}" object).`
      : `Set "$schema" to one of: ${listSchemas(supported)}.`,
  }),

  schemaMismatch: (named: SchemaChoice, foundRoot: string, proposal: SchemaChoice): Wording => ({
    message: `the card's "$schema" names the ATLAS ${named.kind} card schema, but the card holds a "${foundRoot}" object instead of "${named.rootKey}"`,
    hint:
      `If this is a ${proposal.kind} card, set "$schema" to "${proposal.id}"; if it is a ` +
      `${named.kind} card, rename "${foundRoot}" to "${named.rootKey}".`,
  }),

  wrongKind: (file: string, expected: SchemaChoice, found: SchemaChoice): Wording => ({
    message: `${file} must hold an ATLAS ${expected.kind} card, but its "$schema" names the ${found.kind} card schema`,
    hint:
      'In a version folder, card.json (or card.yaml) is the model card and dataset.json (or ' +
      'dataset.yaml) the card of the dataset the audit was evaluated on; move the card to the ' +
      `file of its kind, or set "$schema" to "${expected.id}" if it is a ${expected.kind} card.`,
  }),

  codeNotBare: (
    pointer: string,
    value: unknown,
    pattern: string,
    shape: string,
    suggestion: string | undefined,
  ): Wording => ({
    message: `${where(pointer)}: ${show(value)} is not a bare code`,
    hint:
      `The schema only checks that ${pattern} appears somewhere in the value; tools reading ` +
      `the card expect exactly the code, shaped ${shape}. ` +
      (suggestion === undefined
        ? 'Move other words to a comment field.'
        : `Write only ${show(suggestion)} and move other words to a comment field.`),
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
    column?: string,
  ) => ({
    message: `${where(pointer)}: reference "${reference}" is not among the ${column === undefined ? "group's values" : `values of ${column}`}`,
    hint:
      (near[0] ? `Did you mean "${near[0]}"? ` : '') +
      `Values: ${values.map((value) => `"${value}"`).join(', ')}.`,
  }),
  repeatedGroupColumn: (pointer: string, column: string): Wording => ({
    message: `${where(pointer)}: column "${column}" is already a group`,
    hint: 'Define each group column once; results are named by column.',
  }),
  reservedGroupColumn: (pointer: string): Wording => ({
    message: `${where(pointer)}: a group column cannot be named "all", the name the results give the whole sample`,
    hint: 'Rename the column in the data file and here (for example to "all_group").',
  }),
  groupNeedsColumn: (pointer: string): Wording => ({
    message: `${where(pointer)}: a group needs "column" (one attribute) or "intersect" (a combination of attributes)`,
    hint: 'Write { column: race, values: [White, Black] } or { intersect: [race, sex] }.',
  }),
  groupKinds: (pointer: string, first: string, second: string): Wording => ({
    message: `${where(pointer)}: gives both "${first}" and "${second}"; a group is cut one way`,
    hint:
      'Keep "values" for a column of categories, "bins" for fixed edges of a numeric column, or ' +
      '"quantiles" for edges at its sample quantiles.',
  }),
  intersectionKey: (pointer: string, key: string): Wording => ({
    message: `${where(pointer)}: "${key}" does not apply to an intersection, which combines the groups of its attributes`,
    hint:
      `Remove "${key}" here and give it to the attribute's own group, such as ` +
      '{ column: age, bins: [18, 40, 60, 80] }; the intersection then uses those groups.',
  }),
  intersectTooFew: (pointer: string, columns: readonly string[]): Wording => ({
    message: `${where(pointer)}: an intersection needs at least two attributes, found ${columns.length}`,
    hint:
      columns.length === 1
        ? `${columns[0]} alone is already reported by its own group; list another attribute, such as [${columns[0]}, sex].`
        : 'List the group columns to combine, such as [race, sex].',
  }),
  intersectNotAGroup: (
    pointer: string,
    name: string,
    groupColumns: readonly string[],
    near: readonly string[],
  ): Wording => ({
    message: `${where(pointer)}: "${name}" is not a group column of this spec`,
    hint:
      (near[0] ? `Did you mean "${near[0]}"? ` : '') +
      `An intersection combines attributes defined in \`groups\`: add { column: ${name} } (with its values, bins or quantiles) to groups.` +
      (groupColumns.length > 0
        ? ` Group columns: ${groupColumns.map((column) => `"${column}"`).join(', ')}.`
        : ''),
  }),
  repeatedIntersection: (pointer: string, name: string, first: string): Wording => ({
    message: `${where(pointer)}: the attribute "${name}" is already defined at ${first}`,
    hint:
      'Define each intersection once (the order of its columns only orders its groups); a ' +
      'column whose name is the same as an intersection’s must be renamed in the data.',
  }),
  referenceNotABin: (
    pointer: string,
    reference: string,
    labels: readonly string[],
    near: readonly string[],
    quoted: (label: string) => string,
  ): Wording => ({
    message: `${where(pointer)}: reference "${reference}" is not one of the bins`,
    hint:
      (near[0] ? `Did you mean ${quoted(near[0])}? ` : '') +
      `Bins: ${labels.map(quoted).join(', ')}; write the label in quotes, such as reference: ${quoted(labels[0] ?? '[0, 1]')}.`,
  }),
  referenceNotAQuantile: (pointer: string, reference: string, quantiles: number): Wording => ({
    message: `${where(pointer)}: reference "${reference}" is not one of Q1 … Q${quantiles}`,
    hint:
      `Quantile bins are found in the data, so name one by its rank: Q1 is the lowest of the ` +
      `${quantiles} bins, Q${quantiles} the highest (merged bins answer to each of their ranks).`,
  }),
  referenceListOnColumn: (pointer: string, suggestion: string): Wording => ({
    message: `${where(pointer)}: a group of one column has one reference value, not a list`,
    hint: `Write reference: ${suggestion}; a list is the reference of an intersection.`,
  }),
  intersectionReferenceNotList: (pointer: string, reference: string, example: string): Wording => ({
    message: `${where(pointer)}: the reference of an intersection lists one group of each attribute, found the text "${reference}"`,
    hint: `Write it as a list, in the order of intersect, such as reference: ${example} (values may themselves hold "&").`,
  }),
  intersectionReferenceLength: (
    pointer: string,
    found: number,
    columns: readonly string[],
  ): Wording => ({
    message: `${where(pointer)}: the reference lists ${found} ${found === 1 ? 'group' : 'groups'}, but the intersection has ${columns.length} attributes`,
    hint: `List one group of each, in this order: ${columns.join(', ')}.`,
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
  scoreIsLabel: (pointer: string, column: string): Wording => ({
    message: `${where(pointer)}: the score column "${column}" is also the target's label column`,
    hint: "Name the column with the model's output (a probability or logit) as score.",
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
