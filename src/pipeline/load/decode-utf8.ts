/**
 * Strict UTF-8 decoding of card and spec files: an invalid byte is an error with its place,
 * never a silent U+FFFD, which would change names, codes and group values unseen.
 */
import { positionAtOffset, type SourcePosition } from './source-map.ts';

/** The decoded text, or where the first invalid byte is. */
export type DecodedText =
  { text: string } | { invalid: { offset: number; bytes: number[] } & SourcePosition };

/**
 * Decodes `bytes` as UTF-8 (a leading byte-order mark is dropped).
 * @returns the text, or the byte offset (0-based) of the first byte that starts no valid
 *   character, its bytes (the lead byte and the continuation bytes read before the fault), and
 *   the 1-based line and column where it would be, counted in the text before it
 */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const { offset, length } = firstInvalidSequence(bytes);
    const before = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, offset));
    const sequence = [...bytes.subarray(offset, offset + length)];
    return { invalid: { offset, bytes: sequence, ...positionAtOffset(before, before.length) } };
  }
}

/**
 * The start and length of the first ill-formed sequence, following the well-formed byte
 * sequences of Unicode §3.9, table 3-7 (no overlong forms, surrogates or values past U+10FFFF).
 */
function firstInvalidSequence(bytes: Uint8Array): { offset: number; length: number } {
  let offset = 0;
  while (offset < bytes.length) {
    const lead = bytes[offset] ?? 0;
    if (lead < 0x80) {
      offset += 1;
      continue;
    }

    const shape = leadShape(lead);
    if (shape === null) return { offset, length: 1 };
    let [low, high] = shape.second;
    for (let index = 1; index <= shape.continuations; index += 1) {
      const next = bytes[offset + index];
      if (next === undefined || next < low || next > high) return { offset, length: index };
      [low, high] = [0x80, 0xbf];
    }
    offset += shape.continuations + 1;
  }
  return { offset: bytes.length, length: 0 };
}

/** How many continuation bytes a lead byte needs and the range allowed for the first. */
function leadShape(lead: number): { continuations: number; second: [number, number] } | null {
  if (lead >= 0xc2 && lead <= 0xdf) return { continuations: 1, second: [0x80, 0xbf] };
  if (lead === 0xe0) return { continuations: 2, second: [0xa0, 0xbf] };
  if (lead === 0xed) return { continuations: 2, second: [0x80, 0x9f] };
  if (lead >= 0xe1 && lead <= 0xef) return { continuations: 2, second: [0x80, 0xbf] };
  if (lead === 0xf0) return { continuations: 3, second: [0x90, 0xbf] };
  if (lead === 0xf4) return { continuations: 3, second: [0x80, 0x8f] };
  if (lead >= 0xf1 && lead <= 0xf3) return { continuations: 3, second: [0x80, 0xbf] };
  return null;
}
