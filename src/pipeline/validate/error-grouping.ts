/**
 * Which AJV errors make one problem. AJV reports every keyword that fails; a user fixes faults.
 * Before any wording, the errors are grouped so that each fault is reported once:
 *
 * - the alternatives of one `anyOf`/`oneOf` collapse into the `anyOf`/`oneOf` error itself;
 * - an item past a list's `maxItems` is not also checked (removing it is the fix);
 * - at one value, a wrong type hides every other complaint about it (they follow from it), a
 *   failed pattern hides a failed format or minimum length, a failed format a failed minimum
 *   length (the pattern's shape or the format says more), and an unknown key a "too many
 *   keys" (removing the unknown key is the fix);
 * - an unknown key that misspells a missing required key (`link` for `Link`) stands for it;
 * - the missing required keys of one object are named together.
 */
import type { ErrorObject } from 'ajv';
import { closestMatches } from './closest.ts';

/** An error that stands for a fault, with the errors of its failed alternatives. */
export interface GroupedError {
  error: ErrorObject;
  branches: ErrorObject[];
}

/**
 * The errors that each stand for one fault (see the module comment), in AJV's order.
 * @param errors AJV errors from a validator compiled with `allErrors` and `verbose`
 */
export function groupErrors(errors: readonly ErrorObject[]): GroupedError[] {
  return withoutSubsumed(collapseAlternatives(errors));
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

/** Keywords a failure of which, at the same value, makes a failure of the others redundant. */
const subsumes: Readonly<Record<string, readonly string[]>> = {
  pattern: ['format', 'minLength'],
  format: ['minLength'],
  additionalProperties: ['maxProperties'],
};

/** Drops the errors that another error at the same value explains (see the module comment). */
function withoutSubsumed<T extends { error: ErrorObject }>(errors: T[]): T[] {
  const keywordsAt = new Map<string, Set<string>>();
  for (const { error } of errors) {
    const keywords = keywordsAt.get(error.instancePath) ?? new Set<string>();
    keywords.add(error.keyword);
    keywordsAt.set(error.instancePath, keywords);
  }

  const tooLong = errors
    .filter(({ error }) => error.keyword === 'maxItems')
    .map(({ error }) => ({
      pointer: error.instancePath,
      limit: Number((error.params as { limit?: unknown }).limit),
    }));

  return errors.filter(({ error }) => {
    if (tooLong.some((list) => isItemBeyond(error.instancePath, list.pointer, list.limit))) {
      return false;
    }
    const keywords = keywordsAt.get(error.instancePath) ?? new Set<string>();
    if (keywords.has('type')) return error.keyword === 'type' || isAboutChildren(error);
    return ![...keywords].some((other) => subsumes[other]?.includes(error.keyword));
  });
}

/** True when `pointer` is in or under an item of the list at `list` past its `limit` items. */
function isItemBeyond(pointer: string, list: string, limit: number): boolean {
  if (!pointer.startsWith(`${list}/`)) return false;
  const index = Number(pointer.slice(list.length + 1).split('/')[0]);
  return Number.isInteger(index) && index >= limit;
}

/** `required` and `additionalProperties` are about an object's keys, not the object's type. */
function isAboutChildren(error: ErrorObject): boolean {
  return error.keyword === 'required' || error.keyword === 'additionalProperties';
}

/**
 * The missing required keys of each object (those not misspelt as an unknown key), so that
 * one problem names them all; the duplicates of that problem are then dropped as equal.
 */
export function missingKeysByObject(
  errors: readonly ErrorObject[],
  renamed: ReadonlyMap<string, string>,
): Map<string, string[]> {
  const missing = new Map<string, string[]>();
  for (const error of errors) {
    if (error.keyword !== 'required' || renamed.has(requiredKey(error))) continue;
    const { missingProperty } = error.params as { missingProperty?: unknown };
    missing.set(error.instancePath, [
      ...(missing.get(error.instancePath) ?? []),
      String(missingProperty),
    ]);
  }
  return missing;
}

/** `pointer\u0000key` of a `required` error. */
export function requiredKey(error: ErrorObject): string {
  const { missingProperty } = error.params as { missingProperty?: unknown };
  return `${error.instancePath}\u0000${String(missingProperty)}`;
}

/**
 * The missing required keys that an unknown key of the same object misspells: `required`
 * key (`pointer\u0000key`) → the unknown key written instead.
 */
export function misspeltRequiredKeys(errors: readonly ErrorObject[]): Map<string, string> {
  const missing = new Map<string, string[]>();
  for (const error of errors) {
    if (error.keyword !== 'required') continue;
    const { missingProperty } = error.params as { missingProperty?: unknown };
    missing.set(error.instancePath, [
      ...(missing.get(error.instancePath) ?? []),
      String(missingProperty),
    ]);
  }

  const renamed = new Map<string, string>();
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties') continue;
    const key = String((error.params as { additionalProperty?: unknown }).additionalProperty);
    const candidates = (missing.get(error.instancePath) ?? []).filter(
      (candidate) => !renamed.has(`${error.instancePath}\u0000${candidate}`),
    );
    const [near] = closestMatches(key, candidates, 1);
    if (near !== undefined) renamed.set(`${error.instancePath}\u0000${near}`, key);
  }
  return renamed;
}
