/**
 * Reads JSON with @humanwhocodes/momoa, keeping the position of every value and key, every
 * number literal as written, and every key that an object defines more than once.
 */
import { parse, type DocumentNode, type MemberNode, type ValueNode } from '@humanwhocodes/momoa';
import { problem } from '../problems/catalogue.ts';
import { recordNumber } from './exact-integer.ts';
import { loaderCode, loaderMessages, syntaxCode } from './messages.ts';
import { jsonTooDeepAt, maxNestingDepth } from './nesting-depth.ts';
import {
  childPointer,
  defineMember,
  emptyDocument,
  positionAtOffset,
  type DocumentSubject,
  type LoadedDocument,
  type SourcePosition,
} from './source-map.ts';

/**
 * Parses `text` as strict JSON (a leading byte-order mark is ignored). Lists and objects nested
 * deeper than {@link maxNestingDepth} are refused before parsing (`CardTooDeep`, `SpecTooDeep`).
 * @param file the file name to put in problems
 * @param subject whose file it is; decides the problem codes
 */
export function loadJson(text: string, file: string, subject: DocumentSubject): LoadedDocument {
  const document = emptyDocument();
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;

  const tooDeep = jsonTooDeepAt(source);
  if (tooDeep !== null) {
    document.problems.push(
      problem(loaderCode(subject, 'TooDeep'), {
        ...loaderMessages.tooDeep(subject, maxNestingDepth),
        file,
        ...positionAtOffset(source, tooDeep),
      }),
    );
    return document;
  }

  let tree: DocumentNode;
  try {
    tree = parse(source, { mode: 'json' });
  } catch (error) {
    document.problems.push(syntaxProblem(error, file, subject));
    return document;
  }

  document.value = new JsonWalker(source, file, subject, document).value(tree.body, '');
  return document;
}

class JsonWalker {
  constructor(
    private readonly source: string,
    private readonly file: string,
    private readonly subject: DocumentSubject,
    private readonly document: LoadedDocument,
  ) {}

  value(node: ValueNode, pointer: string): unknown {
    this.document.positions.set(pointer, at(node.loc.start));

    switch (node.type) {
      case 'Object':
        return this.object(node.members, pointer);
      case 'Array':
        return node.elements.map((element, index) =>
          this.value(element.value, childPointer(pointer, index)),
        );
      case 'Number':
        return this.number(node.value, node.loc.start.offset, node.loc.end.offset, pointer);
      case 'String':
      case 'Boolean':
        return node.value;
      case 'Null':
        return null;
      default:
        // JSON mode never yields NaN, Infinity or identifiers; keep the types honest anyway.
        return undefined;
    }
  }

  private object(members: MemberNode[], pointer: string): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const places = new Map<string, SourcePosition[]>();

    for (const member of members) {
      const key = member.name.type === 'String' ? member.name.value : member.name.name;
      const child = childPointer(pointer, key);
      this.document.keyPositions.set(child, at(member.name.loc.start));
      defineMember(result, key, this.value(member.value, child));
      places.set(key, [...(places.get(key) ?? []), at(member.name.loc.start)]);
    }

    for (const [key, keyPlaces] of places) {
      if (keyPlaces.length < 2) continue;
      const repeat = members.filter((member) => memberKey(member) === key)[1];
      this.document.problems.push(
        problem(loaderCode(this.subject, 'DuplicateKey'), {
          ...loaderMessages.duplicateKey(pointer, key, keyPlaces),
          file: this.file,
          ...(repeat ? at(repeat.name.loc.start) : {}),
          pointer: childPointer(pointer, key),
        }),
      );
    }
    return result;
  }

  private number(value: number, start: number, end: number, pointer: string): number {
    recordNumber(
      this.document,
      { subject: this.subject, file: this.file },
      pointer,
      this.source.slice(start, end),
      value,
    );
    return value;
  }
}

function memberKey(member: MemberNode): string {
  return member.name.type === 'String' ? member.name.value : member.name.name;
}

function at(location: { line: number; column: number }): SourcePosition {
  return { line: location.line, column: location.column };
}

function syntaxProblem(error: unknown, file: string, subject: DocumentSubject) {
  const located = error as { message?: string; line?: number; column?: number };
  const detail = String(located.message ?? error).replace(/\s*\(\d+:\d+\)\s*$/, '');
  return problem(syntaxCode(subject, 'json'), {
    ...loaderMessages.jsonSyntax(lowerFirst(detail.replace(/\.$/, ''))),
    file,
    ...(typeof located.line === 'number' && typeof located.column === 'number'
      ? { line: located.line, column: located.column }
      : {}),
  });
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
