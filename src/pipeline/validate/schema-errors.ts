/**
 * AJV errors → located problems. Each error keeps its structure (keyword, pointer, params)
 * until the last step; alternatives of one `anyOf`/`oneOf` collapse into a single problem, the
 * position comes from the loaded document, and duplicates are dropped.
 */
import type { ErrorObject } from 'ajv';
import { childPointer, positionOf, type LoadedDocument } from '../load/index.ts';
import { problem, type ProblemCode } from '../problems/catalogue.ts';
import type { Problem } from '../problems/problem.ts';
import { closestMatches } from './closest.ts';
import { schemaMessages, typeName, type Wording } from './messages.ts';

export interface SchemaErrorContext {
  file: string;
  document: LoadedDocument;
  code: ProblemCode;
  /** True for YAML sources, whose number and boolean readings get their own hints. */
  yaml: boolean;
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

  for (const { error, branches } of collapseAlternatives(errors)) {
    const described = describe(error, branches, context);
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

/**
 * Drops the errors of each failed alternative of an `anyOf`/`oneOf` and keeps them beside the
 * `anyOf`/`oneOf` error itself, which then stands for all of them.
 */
function collapseAlternatives(
  errors: readonly ErrorObject[],
): Array<{ error: ErrorObject; branches: ErrorObject[] }> {
  const groups = errors
    .filter((error) => error.keyword === 'anyOf' || error.keyword === 'oneOf')
    .map((error) => ({ error, branches: [] as ErrorObject[] }));

  const kept: Array<{ error: ErrorObject; branches: ErrorObject[] }> = [];
  for (const error of errors) {
    const owner = groups.find(
      (group) =>
        group.error !== error &&
        error.schemaPath.startsWith(`${group.error.schemaPath}/`) &&
        (error.instancePath === group.error.instancePath ||
          error.instancePath.startsWith(`${group.error.instancePath}/`)),
    );
    if (owner) owner.branches.push(error);
    else kept.push(groups.find((group) => group.error === error) ?? { error, branches: [] });
  }
  return kept;
}

function describe(
  error: ErrorObject,
  branches: ErrorObject[],
  context: SchemaErrorContext,
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
      return withDescription(
        schemaMessages.required(pointer, String(params.missingProperty), required),
      );
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((parent.properties as object | undefined) ?? {});
      return {
        pointer: childPointer(pointer, key),
        atKey: true,
        ...schemaMessages.unknownKey(pointer, key, allowed, closestMatches(key, allowed, 1)),
      };
    }
    case 'type': {
      const hint = schemaMessages.typeHint(params.type, error.data, raw, context.yaml);
      return withDescription({
        ...schemaMessages.type(pointer, params.type, error.data, raw),
        ...(hint ? { hint } : {}),
      });
    }
    case 'enum': {
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues : [];
      const near =
        typeof error.data === 'string' ? closestMatches(error.data, allowed.map(String)) : [];
      return withDescription(schemaMessages.enum(pointer, error.data, allowed, near));
    }
    case 'const':
      return withDescription(schemaMessages.const(pointer, error.data, params.allowedValue));
    case 'pattern': {
      // A schema's own description of the value says more than the shape of its pattern.
      const wording = schemaMessages.pattern(pointer, error.data, String(params.pattern));
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
        schemaMessages.items(pointer, bound(error), Number(params.limit), sizeOf(error.data)),
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

  // The alternative whose type the value has explains best what is wrong with it.
  const closest = branches.find(
    (branch) => branch.instancePath === pointer && branch.keyword !== 'type',
  );
  const closestHint = closest ? describe(closest, [], context).hint : undefined;
  return withDescription({ ...wording, ...(closestHint ? { hint: closestHint } : {}) });
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
