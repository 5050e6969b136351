/**
 * Messages and hints of the problems the loader reports. Codes and severities live in the
 * catalogue; the wording lives here so tests can pin it.
 */
import type { ProblemCode } from '../problems/catalogue.ts';
import type { DocumentSubject } from './source-map.ts';

type LoaderProblem = 'DuplicateKey' | 'UnsafeInteger' | 'NotJsonValue' | 'NotAnObject';

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
  duplicateKey: (pointer: string, key: string, lines: number[]) => ({
    message: `${describeObject(pointer)} defines "${key}" ${lines.length} times, at lines ${listLines(lines)}`,
    hint: `Keep one "${key}": parsers silently keep the last one (line ${lines.at(-1)}), so the others are lost.`,
  }),
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
        ? 'Start the card with { "$schema": "…", "Model": { … } }.'
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

function listLines(lines: number[]): string {
  if (lines.length <= 2) return lines.join(' and ');
  return `${lines.slice(0, -1).join(', ')} and ${lines.at(-1)}`;
}

/** The number as JavaScript prints it, which is what a reader of the parsed value sees. */
function formatNumber(value: number): string {
  return String(value);
}
