/**
 * Reads YAML with the `yaml` package's document API, keeping the position of every value and
 * key. Parsing uses the YAML 1.2 core schema: `2023-02-28` stays a string (no timestamps),
 * `yes`/`no` stay strings, and `1.10` is the number 1.1, its literal kept: card validation
 * turns it back into the text "1.10" where the schema wants a string
 * (src/pipeline/validate/yaml-text.ts), and an audit spec's "must be a string" error quotes it.
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  Parser,
  parseDocument,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import { problem } from '../problems/catalogue.ts';
import { recordNumber } from './exact-integer.ts';
import { loaderCode, loaderMessages, syntaxCode } from './messages.ts';
import { maxNestingDepth, yamlTooDeepAt } from './nesting-depth.ts';
import {
  childPointer,
  defineMember,
  emptyDocument,
  type DocumentSubject,
  type LoadedDocument,
  type SourcePosition,
} from './source-map.ts';

/** Aliases expanded per document at most, so that a "billion laughs" file cannot blow up. */
const maxAliasExpansions = 100;

/**
 * Parses `text` as one YAML document. Collections nested deeper than {@link maxNestingDepth}
 * (aliases included) are refused (`CardTooDeep`, `SpecTooDeep`): the syntax tree is checked
 * without recursion before the document is composed, since composing recurses once per level.
 * @param file the file name to put in problems
 * @param subject whose file it is; decides the problem codes
 */
export function loadYaml(text: string, file: string, subject: DocumentSubject): LoadedDocument {
  const document = emptyDocument();
  const tooDeep = tooDeepProblem(text, file, subject);
  if (tooDeep) {
    document.problems.push(tooDeep);
    return document;
  }

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
  const value = walker.value(parsed.contents, '');
  // An alias can nest a collection below the limit again; the whole value is then refused.
  if (!walker.tooDeep) document.value = value;
  return document;
}

/** The problem at the first collection nested too deeply, found in the syntax tree. */
function tooDeepProblem(text: string, file: string, subject: DocumentSubject) {
  const lines = new LineCounter();
  const offset = yamlTooDeepAt(new Parser(lines.addNewLine).parse(text));
  if (offset === null) return null;
  const { line, col } = lines.linePos(offset);
  return problem(loaderCode(subject, 'TooDeep'), {
    ...loaderMessages.tooDeep(subject, maxNestingDepth),
    file,
    line,
    column: col,
  });
}

class YamlWalker {
  private aliasExpansions = 0;
  /** Set once a collection (reached through aliases) nests deeper than the limit. */
  tooDeep = false;
  /** Where the outermost alias being expanded is written: the place to report a fault in it. */
  private aliasAt: SourcePosition | undefined;

  constructor(
    private readonly parsed: Document,
    private readonly lines: LineCounter,
    private readonly file: string,
    private readonly subject: DocumentSubject,
    private readonly document: LoadedDocument,
  ) {}

  /**
   * @param depth how many collections enclose `node`
   */
  value(node: unknown, pointer: string, active: Set<unknown> = new Set(), depth = 0): unknown {
    if (node === null || node === undefined || this.tooDeep) return null;
    const start = (node as YamlNode).range?.[0];
    if (start !== undefined) this.document.positions.set(pointer, this.position(start));

    if (isAlias(node)) return this.alias(node.resolve(this.parsed), pointer, active, depth);
    if ((isMap(node) || isSeq(node)) && depth >= maxNestingDepth) {
      this.tooDeep = true;
      this.document.problems.push(
        problem(loaderCode(this.subject, 'TooDeep'), {
          ...loaderMessages.tooDeep(this.subject, maxNestingDepth),
          file: this.file,
          ...(this.aliasAt ?? this.document.positions.get(pointer)),
          pointer,
        }),
      );
      return null;
    }
    if (isMap(node)) return this.map(node.items, pointer, active, depth + 1);
    if (isSeq(node)) {
      return node.items.map((item, index) =>
        this.value(item, childPointer(pointer, index), active, depth + 1),
      );
    }
    if (isScalar(node)) return this.scalar(node.value, node.source, pointer);
    return null;
  }

  private alias(target: unknown, pointer: string, active: Set<unknown>, depth: number): unknown {
    this.aliasExpansions += 1;
    if (target === undefined || active.has(target) || this.aliasExpansions > maxAliasExpansions) {
      this.report('NotJsonValue', pointer, 'this alias (recursive, unknown or expanded too often)');
      return null;
    }
    const inner = new Set(active).add(target);
    const outer = this.aliasAt;
    this.aliasAt ??= this.document.positions.get(pointer);
    const value = this.value(target, pointer, inner, depth);
    this.aliasAt = outer;
    return value;
  }

  private map(
    pairs: Array<{ key: unknown; value: unknown }>,
    pointer: string,
    active: Set<unknown>,
    depth: number,
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
      defineMember(result, key, this.value(pair.value, child, active, depth));
      if (keyPosition) lines.set(key, [...(lines.get(key) ?? []), keyPosition]);
    }

    for (const [key, positions] of lines) {
      if (positions.length < 2) continue;
      const repeat = positions[1];
      this.document.problems.push(
        problem(loaderCode(this.subject, 'DuplicateKey'), {
          ...loaderMessages.duplicateKey(pointer, key, positions),
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
      if (Number.isFinite(value))
        recordNumber(
          this.document,
          { subject: this.subject, file: this.file },
          pointer,
          raw,
          value,
        );
      else {
        this.document.rawNumbers.set(pointer, raw);
        this.report('NotJsonValue', pointer, raw);
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
