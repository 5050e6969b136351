/**
 * What a loaded card or spec remembers about its source: where each value and key was written,
 * and number literals exactly as written.
 */
import type { Problem } from '../problems/problem.ts';

/** A 1-based line and column in a source file. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** A JSON or YAML file read with positions. */
export interface LoadedDocument {
  /** The parsed value; `undefined` when the file could not be parsed at all. */
  value: unknown;
  /** JSON pointer of every value → where the value starts. */
  positions: Map<string, SourcePosition>;
  /** JSON pointer of every object member → where its key starts. */
  keyPositions: Map<string, SourcePosition>;
  /** JSON pointer of every number → the literal as written (`1.10`, `900000000000207008`). */
  rawNumbers: Map<string, string>;
  /** Syntax errors, duplicate keys, numbers that cannot be kept exactly. */
  problems: Problem[];
}

/** Whose file is loaded: it decides the problem codes (`Card…` or `Spec…`). */
export type DocumentSubject = 'card' | 'spec';

/** Appends one key or index to a JSON pointer (RFC 6901 escaping). */
export function childPointer(pointer: string, key: string | number): string {
  const token = String(key).replaceAll('~', '~0').replaceAll('/', '~1');
  return `${pointer}/${token}`;
}

/** The position of `pointer`, or of its nearest ancestor that has one. */
export function positionOf(
  positions: ReadonlyMap<string, SourcePosition>,
  pointer: string,
): SourcePosition | undefined {
  for (let current = pointer; ; current = current.slice(0, current.lastIndexOf('/'))) {
    const found = positions.get(current);
    if (found || current === '') return found;
  }
}

/**
 * The 1-based line and column of a UTF-16 offset in `text`; a line ends at `\n`, `\r\n` or a
 * lone `\r`, and columns count UTF-16 code units, as the JSON and YAML parsers do.
 */
export function positionAtOffset(text: string, offset: number): SourcePosition {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/**
 * Defines an own, enumerable property, so that a key such as `__proto__` in the user's file is
 * data and never changes the object's prototype.
 */
export function defineMember(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

export function emptyDocument(): LoadedDocument {
  return {
    value: undefined,
    positions: new Map(),
    keyPositions: new Map(),
    rawNumbers: new Map(),
    problems: [],
  };
}
