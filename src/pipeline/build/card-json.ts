/**
 * A card as JSON text that keeps every integer's digits as written. `JSON.stringify` would
 * print a parsed SNOMED CT id such as 900000000000207008 as 900000000000207000, another code;
 * here the digits recorded by the loader (`rawIntegers`, by JSON pointer) are written instead.
 */
import { childPointer } from '../load/source-map.ts';

/**
 * Serializes `value` with two-space indentation, as `JSON.stringify(value, null, 2)` does, but
 * writes `rawIntegers[pointer]` in place of the number at each recorded pointer.
 */
export function cardJson(value: unknown, rawIntegers: Readonly<Record<string, string>>): string {
  return `${write(value, '', '', rawIntegers)}\n`;
}

function write(
  value: unknown,
  pointer: string,
  indent: string,
  rawIntegers: Readonly<Record<string, string>>,
): string {
  const raw = rawIntegers[pointer];
  if (typeof value === 'number' && raw !== undefined) return raw;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inner = `${indent}  `;
    const items = value.map((item, index) =>
      write(item, childPointer(pointer, index), inner, rawIntegers),
    );
    return `[\n${items.map((item) => `${inner}${item}`).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    const members = entries.map(
      ([key, item]) =>
        `${inner}${JSON.stringify(key)}: ${write(item, childPointer(pointer, key), inner, rawIntegers)}`,
    );
    return `{\n${members.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
