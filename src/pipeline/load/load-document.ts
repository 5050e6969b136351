/**
 * Reads a card or spec file, choosing JSON or YAML by its extension, and checks that the
 * document is an object of keys and values.
 */
import { extname } from 'node:path';
import { problem } from '../problems/catalogue.ts';
import { decodeUtf8 } from './decode-utf8.ts';
import { loadJson } from './load-json.ts';
import { loadYaml } from './load-yaml.ts';
import { loaderCode, loaderMessages } from './messages.ts';
import { emptyDocument, type DocumentSubject, type LoadedDocument } from './source-map.ts';

/**
 * Parses `content` as JSON (`.json`) or YAML (`.yaml`, `.yml`; anything else is read as YAML,
 * which also accepts JSON) and reports a document that is not an object.
 * @param content the file's bytes, decoded strictly as UTF-8 (an invalid byte is
 *   `CardEncoding`/`SpecEncoding` at its line and column), or text already decoded
 * @param file the file name: decides the format and is put in problems
 * @param subject whose file it is; decides the problem codes
 */
export function loadDocument(
  content: string | Uint8Array,
  file: string,
  subject: DocumentSubject,
): LoadedDocument {
  const decoded = typeof content === 'string' ? { text: content } : decodeUtf8(content);
  if ('invalid' in decoded) {
    const { offset, bytes, line, column } = decoded.invalid;
    const document = emptyDocument();
    document.problems.push(
      problem(loaderCode(subject, 'Encoding'), {
        ...loaderMessages.encoding(offset, bytes),
        file,
        line,
        column,
      }),
    );
    return document;
  }

  const { text } = decoded;
  const format = extname(file).toLowerCase() === '.json' ? 'json' : 'yaml';
  const document =
    format === 'json' ? loadJson(text, file, subject) : loadYaml(text, file, subject);
  if (document.value === undefined) return document;

  if (!isPlainObject(document.value)) {
    const messages = looksDoubleEncoded(document.value)
      ? loaderMessages.doubleEncoded(subject)
      : loaderMessages.notAnObject(subject, describeKind(document.value));
    document.problems.push(
      problem(loaderCode(subject, 'NotAnObject'), {
        ...messages,
        file,
        // An empty YAML file has no node to place the problem at; its first line stands in.
        ...(document.positions.get('') ?? { line: 1, column: 1 }),
        pointer: '',
      }),
    );
  }
  return document;
}

/** True for an object of keys and values (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function looksDoubleEncoded(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\s*[{[]/.test(value)) return false;
  try {
    return typeof JSON.parse(value) === 'object';
  } catch {
    return false;
  }
}

function describeKind(value: unknown): string {
  if (value === null) return 'nothing (null or an empty file)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'a single string';
  return `a single ${typeof value}`;
}
