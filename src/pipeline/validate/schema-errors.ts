/**
 * AJV errors → located problems. Each error keeps its structure (keyword, pointer, params)
 * until the last step: the errors are grouped so that each fault is one problem
 * (error-grouping.ts), each is worded with a hint (messages.ts), placed at its value (or at
 * its key, for an unknown key) from the loaded document, and exact duplicates are dropped.
 */
import type { ErrorObject } from 'ajv';
import { childPointer, positionOf, type LoadedDocument } from '../load/index.ts';
import { problem, type ProblemCode } from '../problems/catalogue.ts';
import type { Problem } from '../problems/problem.ts';
import { bareCodeInside, bareCodeOf } from './bare-code.ts';
import { closestMatches } from './closest.ts';
import {
  groupErrors,
  misspeltRequiredKeys,
  missingKeysByObject,
  requiredKey,
} from './error-grouping.ts';
import { synonymOf } from './synonyms.ts';
import { schemaMessages, typeName, type Wording } from './messages.ts';

export interface SchemaErrorContext {
  file: string;
  document: LoadedDocument;
  code: ProblemCode;
  /** True for YAML sources, whose number and boolean readings get their own hints. */
  yaml: boolean;
  /**
   * The schema validated against (the validator's root), so that a hint can tell whether an
   * object's key is required; without it such hints stay general.
   */
  schema?: unknown;
}

interface Described extends Wording {
  pointer: string;
  /** Place the problem at the key rather than the value (unknown keys). */
  atKey?: boolean;
}

/**
 * One problem per distinct schema violation, in source order.
 * @param errors AJV errors from a validator compiled with `allErrors` and `verbose`
 */
export function schemaProblems(
  errors: readonly ErrorObject[],
  context: SchemaErrorContext,
): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  const collapsed = groupErrors(errors);
  const renamed = misspeltRequiredKeys(collapsed.map(({ error }) => error));
  const missing = missingKeysByObject(
    collapsed.map(({ error }) => error),
    renamed,
  );

  for (const { error, branches } of collapsed) {
    if (error.keyword === 'required' && renamed.has(requiredKey(error))) continue;
    const described = describe(error, branches, context, renamed, missing);
    const key = `${described.pointer}\u0000${described.message}`;
    if (seen.has(key)) continue;
    seen.add(key);

    const { document } = context;
    const position =
      (described.atKey ? document.keyPositions.get(described.pointer) : undefined) ??
      positionOf(document.positions, described.pointer);
    problems.push(
      problem(context.code, {
        message: described.message,
        ...(described.hint ? { hint: described.hint } : {}),
        file: context.file,
        ...position,
        pointer: described.pointer,
      }),
    );
  }
  return sortBySource(problems);
}

/** Problems ordered by line, then column, then pointer. */
export function sortBySource(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      (a.pointer ?? '').localeCompare(b.pointer ?? ''),
  );
}

function describe(
  error: ErrorObject,
  branches: ErrorObject[],
  context: SchemaErrorContext,
  renamed: ReadonlyMap<string, string> = new Map(),
  missingKeys: ReadonlyMap<string, string[]> = new Map(),
): Described {
  const pointer = error.instancePath;
  const params = error.params as Record<string, unknown>;
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  const raw = context.document.rawNumbers.get(pointer);
  const description = typeof parent.description === 'string' ? parent.description : undefined;
  const withDescription = (wording: Wording): Described => ({
    pointer,
    ...wording,
    ...(wording.hint || description ? { hint: wording.hint ?? description } : {}),
  });

  switch (error.keyword) {
    case 'required': {
      const required = Array.isArray(parent.required) ? parent.required.map(String) : [];
      const missing = missingKeys.get(pointer) ?? [String(params.missingProperty)];
      return withDescription(schemaMessages.required(pointer, missing, required));
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((parent.properties as object | undefined) ?? {});
      const missing = [...renamed].find(
        ([required, written]) => written === key && required.startsWith(`${pointer}\u0000`),
      );
      const near = missing
        ? [missing[0].slice(pointer.length + 1)]
        : withSynonym(closestMatches(key, allowed, 1), key, allowed);
      return {
        pointer: childPointer(pointer, key),
        atKey: true,
        ...schemaMessages.unknownKey(pointer, key, allowed, near, missing !== undefined),
      };
    }
    case 'type': {
      // Quoting a number does not help where the string must be one of a list or match a
      // pattern, and wrapping a value in a list does not make a list of two.
      const hint = Array.isArray(parent.enum)
        ? schemaMessages.typeEnumHint(parent.enum)
        : typeof parent.minItems === 'number' && parent.minItems > 1
          ? schemaMessages.typeTupleHint(parent.minItems)
          : 'pattern' in parent || 'format' in parent || 'const' in parent
            ? undefined
            : schemaMessages.typeHint(params.type, error.data, raw, context.yaml);
      return withDescription({
        ...schemaMessages.type(pointer, params.type, error.data, raw),
        ...(hint ? { hint } : {}),
      });
    }
    case 'enum': {
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues : [];
      const names = allowed.map(String);
      const near =
        typeof error.data === 'string'
          ? withSynonym(closestMatches(error.data, names), error.data, names)
          : [];
      return withDescription(schemaMessages.enum(pointer, error.data, allowed, near));
    }
    case 'const':
      return withDescription(schemaMessages.const(pointer, error.data, params.allowedValue));
    case 'pattern': {
      const code = bareCodeOf(String(params.pattern));
      const suggestion =
        typeof error.data === 'string' ? bareCodeInside(error.data, code) : undefined;
      const wording = schemaMessages.pattern(
        pointer,
        error.data,
        code.pattern,
        code.shape,
        suggestion,
      );
      // A schema's own description of the value says more than the shape of its pattern.
      return { pointer, ...wording, ...(description ? { hint: description } : {}) };
    }
    case 'format':
      return withDescription(schemaMessages.format(pointer, error.data, String(params.format)));
    case 'minLength':
    case 'maxLength':
      return withDescription(
        schemaMessages.length(pointer, bound(error), Number(params.limit), lengthOf(error.data)),
      );
    case 'minItems':
    case 'maxItems':
      return withDescription(
        schemaMessages.items(
          pointer,
          bound(error),
          Number(params.limit),
          sizeOf(error.data),
          keyRequired(error.schemaPath, context.schema),
        ),
      );
    case 'minProperties':
    case 'maxProperties':
      return withDescription(
        schemaMessages.keys(pointer, bound(error), Number(params.limit), sizeOf(error.data)),
      );
    case 'uniqueItems': {
      const [first, second] = [Number(params.i), Number(params.j)].sort((a, b) => a - b) as [
        number,
        number,
      ];
      const items = Array.isArray(error.data) ? error.data : [];
      return {
        ...schemaMessages.uniqueItems(pointer, first, second, items[second]),
        pointer: childPointer(pointer, second),
      };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return withDescription(
        schemaMessages.range(pointer, String(params.comparison), Number(params.limit), error.data),
      );
    case 'anyOf':
    case 'oneOf':
      return describeAlternatives(error, branches, context, withDescription);
    default:
      return withDescription(schemaMessages.other(pointer, error.message ?? error.keyword));
  }
}

function describeAlternatives(
  error: ErrorObject,
  branches: ErrorObject[],
  context: SchemaErrorContext,
  withDescription: (wording: Wording) => Described,
): Described {
  const pointer = error.instancePath;
  const alternatives = Array.isArray(error.schema) ? (error.schema as unknown[]) : [];
  const raw = context.document.rawNumbers.get(pointer);
  const wording = schemaMessages.alternatives(
    pointer,
    alternatives.map(describeSchema),
    error.data,
    raw,
  );

  // The alternative whose type the value has explains best what is wrong with it; another
  // alternative may still say how to turn the value into one of its type ("2023" → 2023).
  // A type hint ("put the value in quotes") is only offered when the type is all that branch
  // asks for: quoting 2023.5 would not make it a date.
  const atValue = branches.filter((branch) => branch.instancePath === pointer);
  const ordered = [
    ...atValue.filter((branch) => branch.keyword !== 'type'),
    ...atValue.filter((branch) => branch.keyword === 'type' && asksOnlyType(branch)),
  ];
  const hints = [
    ...new Set(ordered.map((branch) => describe(branch, [], context).hint).filter(isText)),
  ];
  const hint = hints.map((one, index) => (index === 0 ? one : `Or: ${lowerFirst(one)}`)).join(' ');
  return withDescription({ ...wording, ...(hint ? { hint } : {}) });
}

/** A short phrase for one alternative of an `anyOf`: `a date (YYYY-MM-DD)`, `an integer`. */
function describeSchema(schema: unknown): string {
  const node = (schema ?? {}) as Record<string, unknown>;
  if ('const' in node) return JSON.stringify(node.const);
  if (Array.isArray(node.enum))
    return `one of ${node.enum.map((one) => JSON.stringify(one)).join(', ')}`;
  if (node.format === 'date') return 'a date (YYYY-MM-DD)';
  if (typeof node.format === 'string') return `a ${node.format}`;
  if (typeof node.pattern === 'string') return `a string matching ${node.pattern}`;
  if (node.type !== undefined) return typeName(node.type);
  if (typeof node.description === 'string') return node.description;
  return 'another form';
}

/** The near matches, with the synonym of `word` first when it has one allowed here. */
function withSynonym(near: string[], word: string, allowed: readonly string[]): string[] {
  const synonym = synonymOf(word, allowed);
  if (synonym === undefined) return near;
  return [synonym, ...near.filter((one) => one !== synonym)].slice(0, Math.max(near.length, 1));
}

function asksOnlyType(error: ErrorObject): boolean {
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  return Object.keys(parent).every((key) => key === 'type' || annotationKeys.has(key));
}

const annotationKeys = new Set(['description', 'title', 'examples', '$comment']);

function isText(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function bound(error: ErrorObject): 'least' | 'most' {
  return error.keyword.startsWith('min') ? 'least' : 'most';
}

function lengthOf(value: unknown): number {
  return typeof value === 'string' ? [...value].length : 0;
}

function sizeOf(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  return typeof value === 'object' && value !== null ? Object.keys(value).length : 0;
}

/**
 * Whether the key holding a failing value is required by its object, read from the schema at
 * the error's schema path (`#/$defs/x/properties/key/minItems`: is `key` in the `required` of
 * `#/$defs/x`?); undefined when the path is not a property's or the schema is not at hand.
 */
function keyRequired(schemaPath: string, schema: unknown): boolean | undefined {
  const match = /^#(.*)\/properties\/([^/]+)\/[^/]+$/.exec(schemaPath);
  if (match === null || schema === undefined) return undefined;
  const unescape = (token: string) => token.replaceAll('~1', '/').replaceAll('~0', '~');
  let node: unknown = schema;
  for (const token of match[1]!.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[unescape(decodeURIComponent(token))];
  }
  if (node === null || typeof node !== 'object') return undefined;
  const required = (node as { required?: unknown }).required;
  return Array.isArray(required) && required.includes(unescape(decodeURIComponent(match[2]!)));
}
