/**
 * YAML cards read as their JSON twins would: a plain scalar that YAML's core schema reads as a
 * number, written where the schema allows only a string, is kept as the text it was written
 * as. `Version: 1.10` is the string "1.10" (not the number 1.1), `LOINC: 36643` the string
 * "36643". YAML dates need nothing: the core schema has no timestamps, so `2024-02-28` is
 * already the string it looks like.
 *
 * The schema decides, through the validator's own errors: only a `type` error that asks for a
 * string, outside any `anyOf`/`oneOf` (where the number may be the alternative meant, as a year
 * in an ATLAS date), turns a number back into its text. JSON cards are never changed: a JSON
 * number is a number.
 */
import type { ErrorObject } from 'ajv';
import type { LoadedDocument } from '../load/index.ts';

/** Loader problems about a number that no longer apply once it is text. */
const numberProblems = new Set(['CardUnsafeInteger', 'CardNotJsonValue']);

/**
 * Replaces, in `document.value`, each number that the schema wanted as a string by its literal
 * as written, and forgets what the loader noted about it as a number (its raw literal, and an
 * unsafe-integer warning or a not-a-JSON-value error such as for `.inf`).
 * @param document a YAML document, loaded with number literals (`rawNumbers`)
 * @param errors the errors of validating `document.value` against the card's schema
 * @returns the JSON pointers of the values changed; validate again when there are any
 */
export function keepYamlNumbersAsText(
  document: LoadedDocument,
  errors: readonly ErrorObject[],
): string[] {
  const changed: string[] = [];
  for (const error of errors) {
    if (!wantsOnlyString(error) || typeof error.data !== 'number') continue;
    const pointer = error.instancePath;
    const raw = document.rawNumbers.get(pointer);
    if (raw === undefined || !replaceAt(document.value, pointer, raw)) continue;
    document.rawNumbers.delete(pointer);
    changed.push(pointer);
  }

  const forgotten = new Set(changed);
  document.problems = document.problems.filter(
    (found) => !(numberProblems.has(found.code) && forgotten.has(found.pointer ?? '')),
  );
  return changed;
}

function wantsOnlyString(error: ErrorObject): boolean {
  const { type } = error.params as { type?: unknown };
  return (
    error.keyword === 'type' && type === 'string' && !/\/(anyOf|oneOf)\//.test(error.schemaPath)
  );
}

/** Sets the value at a JSON pointer (RFC 6901) inside `root`; false when there is none. */
function replaceAt(root: unknown, pointer: string, value: string): boolean {
  const tokens = pointer
    .split('/')
    .slice(1)
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
  const last = tokens.pop();
  if (last === undefined) return false;

  let parent = root;
  for (const token of tokens) {
    if (typeof parent !== 'object' || parent === null || !Object.hasOwn(parent, token))
      return false;
    parent = (parent as Record<string, unknown>)[token];
  }
  if (typeof parent !== 'object' || parent === null || !Object.hasOwn(parent, last)) return false;
  // Defined rather than assigned, so that a key such as `__proto__` stays data.
  Object.defineProperty(parent, last, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return true;
}
