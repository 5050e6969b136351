/**
 * Messages and hints of the problems the loader reports. Codes and severities live in the
 * catalogue; the wording lives here so tests can pin it.
 */
import type { ProblemCode } from '../problems/catalogue.ts';
import type { DocumentSubject, SourcePosition } from './source-map.ts';

type LoaderProblem =
  'DuplicateKey' | 'UnsafeInteger' | 'NotJsonValue' | 'NotAnObject' | 'TooDeep' | 'Encoding';

/** The catalogue code of a loader problem for a card or a spec. */
export function loaderCode(subject: DocumentSubject, kind: LoaderProblem): ProblemCode {
  return `${subject === 'card' ? 'Card' : 'Spec'}${kind}` as const;
}

/** The catalogue code of a syntax error. */
export function syntaxCode(subject: DocumentSubject, format: 'json' | 'yaml'): ProblemCode {
  if (subject === 'spec') return 'SpecYamlSyntax';
  return format === 'json' ? 'CardJsonSyntax' : 'CardYamlSyntax';
}

export const loaderMessages = {
  jsonSyntax: (detail: string) => ({
    message: `not valid JSON: ${detail}`,
    hint: 'Fix the syntax at this position; JSON allows no comments, trailing commas or single quotes.',
  }),
  yamlSyntax: (detail: string) => ({
    message: `not valid YAML: ${detail}`,
    hint: 'Fix the syntax at this position; check the indentation and closing quotes or brackets.',
  }),
  encoding: (offset: number, bytes: number[]) => ({
    message: `not valid UTF-8: ${describeBytes(bytes)} at byte offset ${offset} ${bytes.length > 1 ? 'are not' : 'is not'} a valid character`,
    hint:
      'Save the file as UTF-8. Text such as é or ü written by an editor set to Latin-1 or ' +
      'Windows-1252 is the usual cause; retype the character here after converting.',
  }),
  tooDeep: (subject: DocumentSubject, maxDepth: number) => ({
    message: `lists and objects are nested more than ${maxDepth} levels deep here`,
    hint:
      `auditcard reads at most ${maxDepth} levels; ${subject === 'card' ? 'an ATLAS card' : 'an audit spec'} ` +
      'needs fewer than 10. The file was probably generated wrongly (a value wrapped in lists ' +
      'again and again); write the value itself.',
  }),
  /** @param places where each definition's key starts, in source order */
  duplicateKey: (pointer: string, key: string, places: SourcePosition[]) => {
    // Lines say enough unless two definitions share one; then line:column tells them apart.
    const lines = places.map((place) => place.line);
    const sameLine = new Set(lines).size < lines.length;
    const named = places.map((place) => (sameLine ? `${place.line}:${place.column}` : place.line));
    const last = named.at(-1);
    return {
      message: `${describeObject(pointer)} defines "${key}" ${places.length} times, at ${sameLine ? '' : 'lines '}${listLines(named)}`,
      hint: `Keep one "${key}": parsers silently keep the last one (${sameLine ? 'at ' : 'line '}${last}), so the others are lost.`,
    };
  },
  unsafeInteger: (pointer: string, raw: string, value: number) => ({
    message: `${pointer}: the integer ${raw} cannot be kept exactly (a number reader makes it ${formatNumber(value)})`,
    hint:
      'Integers beyond 2^53 (9007199254740992) lose digits in JavaScript and most JSON tools. ' +
      'auditcard shows the digits as written, but other readers of this file will not; check the value.',
  }),
  notJsonValue: (pointer: string, raw: string) => ({
    message: `${pointer || 'the document'}: ${raw} has no JSON equivalent`,
    hint: 'JSON has no such value: use a finite number or a plain text key, or quote the value to keep it as text.',
  }),
  notAnObject: (subject: DocumentSubject, found: string) => ({
    message: `the ${subject === 'card' ? 'card' : 'audit spec'} must be an object of keys and values, but the file holds ${found}`,
    hint:
      subject === 'card'
        ? 'Start the card with { "$schema": "…", "Model": { … } } (or "Dataset" for a dataset card).'
        : 'Write the spec as YAML keys, starting with `data:` and `targets:`.',
  }),
  doubleEncoded: (subject: DocumentSubject) => ({
    message: `the ${subject === 'card' ? 'card' : 'audit spec'} is a JSON string that itself contains JSON (it was encoded twice)`,
    hint: 'Save the decoded object instead: parse the string once and write the result, without the outer quotes.',
  }),
};

function describeObject(pointer: string): string {
  return pointer === '' ? 'the top-level object' : `the object at ${pointer}`;
}

function describeBytes(bytes: number[]): string {
  const hex = bytes.map((byte) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`);
  return hex.length > 1 ? `the bytes ${hex.join(' ')}` : `the byte ${hex[0] ?? '(none)'}`;
}

function listLines(lines: Array<number | string>): string {
  if (lines.length <= 2) return lines.join(' and ');
  return `${lines.slice(0, -1).join(', ')} and ${lines.at(-1)}`;
}

/** The number as JavaScript prints it, which is what a reader of the parsed value sees. */
function formatNumber(value: number): string {
  return String(value);
}
