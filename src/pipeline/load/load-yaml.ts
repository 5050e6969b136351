/**
 * Reads YAML with the `yaml` package's document API, keeping the position of every value and
 * key. Parsing uses the YAML 1.2 core schema: `2023-02-28` stays a string (no timestamps),
 * `yes`/`no` stay strings, and `1.10` is the number 1.1 (its literal is kept so that a later
 * "must be a string" error can say so).
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import { problem } from '../problems/catalogue.ts';
import { integerLosesDigits } from './exact-integer.ts';
import { loaderCode, loaderMessages, syntaxCode } from './messages.ts';
import {
  childPointer,
  defineMember,
  emptyDocument,
  type DocumentSubject,
  type LoadedDocument,
} from './source-map.ts';

/** Aliases expanded per document at most, so that a "billion laughs" file cannot blow up. */
const maxAliasExpansions = 100;

/**
 * Parses `text` as one YAML document.
 * @param file the file name to put in problems
 * @param subject whose file it is; decides the problem codes
 */
export function loadYaml(text: string, file: string, subject: DocumentSubject): LoadedDocument {
  const document = emptyDocument();
  const lineCounter = new LineCounter();
  const parsed = parseDocument(text, {
    schema: 'core',
    uniqueKeys: false,
    prettyErrors: false,
    lineCounter,
  });

  const syntaxErrors = [...parsed.errors, ...parsed.warnings];
  for (const error of syntaxErrors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    document.problems.push(
      problem(syntaxCode(subject, 'yaml'), {
        ...loaderMessages.yamlSyntax(firstSentence(error.message)),
        file,
        line,
        column: col,
      }),
    );
  }
  if (parsed.errors.length > 0) return document;

  const walker = new YamlWalker(parsed, lineCounter, file, subject, document);
  document.value = walker.value(parsed.contents, '');
  return document;
}

class YamlWalker {
  private aliasExpansions = 0;

  constructor(
    private readonly parsed: Document,
    private readonly lines: LineCounter,
    private readonly file: string,
    private readonly subject: DocumentSubject,
    private readonly document: LoadedDocument,
  ) {}

  value(node: unknown, pointer: string, active: Set<unknown> = new Set()): unknown {
    if (node === null || node === undefined) return null;
    const start = (node as YamlNode).range?.[0];
    if (start !== undefined) this.document.positions.set(pointer, this.position(start));

    if (isAlias(node)) return this.alias(node.resolve(this.parsed), pointer, active);
    if (isMap(node)) return this.map(node.items, pointer, active);
    if (isSeq(node)) {
      return node.items.map((item, index) =>
        this.value(item, childPointer(pointer, index), active),
      );
    }
    if (isScalar(node)) return this.scalar(node.value, node.source, pointer);
    return null;
  }

  private alias(target: unknown, pointer: string, active: Set<unknown>): unknown {
    this.aliasExpansions += 1;
    if (target === undefined || active.has(target) || this.aliasExpansions > maxAliasExpansions) {
      this.report('NotJsonValue', pointer, 'this alias (recursive, unknown or expanded too often)');
      return null;
    }
    const inner = new Set(active).add(target);
    return this.value(target, pointer, inner);
  }

  private map(
    pairs: Array<{ key: unknown; value: unknown }>,
    pointer: string,
    active: Set<unknown>,
  ): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const lines = new Map<string, Array<{ line: number; column: number }>>();

    for (const pair of pairs) {
      const key = this.key(pair.key, pointer);
      if (key === null) continue;
      const child = childPointer(pointer, key);
      const keyStart = (pair.key as YamlNode | null)?.range?.[0];
      const keyPosition = keyStart === undefined ? undefined : this.position(keyStart);
      if (keyPosition) this.document.keyPositions.set(child, keyPosition);
      // A key without a value (`key:`) has its position at the key.
      if (keyPosition) this.document.positions.set(child, keyPosition);
      defineMember(result, key, this.value(pair.value, child, active));
      if (keyPosition) lines.set(key, [...(lines.get(key) ?? []), keyPosition]);
    }

    for (const [key, positions] of lines) {
      if (positions.length < 2) continue;
      const repeat = positions[1];
      this.document.problems.push(
        problem(loaderCode(this.subject, 'DuplicateKey'), {
          ...loaderMessages.duplicateKey(
            pointer,
            key,
            positions.map((position) => position.line),
          ),
          file: this.file,
          ...repeat,
          pointer: childPointer(pointer, key),
        }),
      );
    }
    return result;
  }

  /** Object keys must be plain scalars; a list or map as a key has no JSON equivalent. */
  private key(node: unknown, pointer: string): string | null {
    if (isScalar(node)) return String(node.value);
    if (node === null || node === undefined) return 'null';
    const start = (node as YamlNode).range?.[0];
    this.document.problems.push(
      problem(loaderCode(this.subject, 'NotJsonValue'), {
        ...loaderMessages.notJsonValue(pointer, 'a key that is a list or a mapping'),
        file: this.file,
        ...(start === undefined ? {} : this.position(start)),
        pointer,
      }),
    );
    return null;
  }

  private scalar(value: unknown, source: string | undefined, pointer: string): unknown {
    if (typeof value === 'number') {
      const raw = source ?? String(value);
      this.document.rawNumbers.set(pointer, raw);
      if (!Number.isFinite(value)) {
        this.report('NotJsonValue', pointer, raw);
      } else if (integerLosesDigits(raw, value)) {
        this.document.problems.push(
          problem(loaderCode(this.subject, 'UnsafeInteger'), {
            ...loaderMessages.unsafeInteger(pointer, raw, value),
            file: this.file,
            ...this.document.positions.get(pointer),
            pointer,
          }),
        );
      }
      return value;
    }
    if (typeof value === 'bigint') return Number(value);
    if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
    this.report('NotJsonValue', pointer, String(source ?? value));
    return null;
  }

  private report(kind: 'NotJsonValue', pointer: string, what: string): void {
    this.document.problems.push(
      problem(loaderCode(this.subject, kind), {
        ...loaderMessages.notJsonValue(pointer, what),
        file: this.file,
        ...this.document.positions.get(pointer),
        pointer,
      }),
    );
  }

  private position(offset: number) {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }
}

/** The yaml package appends " at line …, column …" to messages; the position is reported apart. */
function firstSentence(message: string): string {
  const trimmed = message.replace(/ at line \d+, column \d+[\s\S]*$/, '');
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}
