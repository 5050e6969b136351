import { describe, expect, it } from 'vitest';
import { decodeUtf8, loadDocument } from '../../../src/pipeline/load/index.ts';
import { checkAuditSpec, checkCard } from '../../../src/pipeline/validate/index.ts';

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(
    parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part)] : part)),
  );

describe('decodeUtf8', () => {
  it('decodes valid UTF-8 and drops a byte-order mark', () => {
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'é ✓ 😀'))).toEqual({ text: 'é ✓ 😀' });
  });

  it.each([
    ['a Latin-1 byte', bytes('ab', [0xe9], 'c'), 2, [0xe9]],
    ['a lone continuation byte', bytes('ab', [0x80]), 2, [0x80]],
    ['a truncated sequence', bytes('a', [0xe2, 0x82], 'b'), 1, [0xe2, 0x82]],
    ['a sequence cut by the end', bytes('a', [0xf0, 0x9f, 0x98]), 1, [0xf0, 0x9f, 0x98]],
    ['an overlong form', bytes([0xc0, 0xaf]), 0, [0xc0]],
    ['an overlong three-byte form', bytes([0xe0, 0x80, 0xaf]), 0, [0xe0]],
    ['a surrogate', bytes('x', [0xed, 0xa0, 0x80]), 1, [0xed]],
    ['a value past U+10FFFF', bytes([0xf4, 0x90, 0x80, 0x80]), 0, [0xf4]],
    ['a byte that never occurs', bytes('é', [0xff]), 2, [0xff]],
  ])('finds %s', (_, input, offset, found) => {
    expect(decodeUtf8(input)).toMatchObject({ invalid: { offset, bytes: found } });
  });

  it('gives the line and column of the first invalid byte, counting characters before it', () => {
    const input = bytes('{\r\n  "é": "ü', [0xfc], '",\n  "b": "', [0xfc], '"}');
    expect(decodeUtf8(input)).toEqual({
      invalid: { offset: 14, bytes: [0xfc], line: 2, column: 10 },
    });
  });
});

describe('cards and specs that are not UTF-8', () => {
  it('refuses a card at the first invalid byte instead of substituting U+FFFD', () => {
    const card = bytes('{\n  "Model": {"Name": "Mod', [0xe8], 'le"}\n}');
    const { value, problems } = checkCard(card, 'card.json');
    expect(value).toBeUndefined();
    expect(problems).toEqual([
      {
        code: 'CardEncoding',
        severity: 'error',
        message: 'not valid UTF-8: the byte 0xE8 at byte offset 26 is not a valid character',
        hint:
          'Save the file as UTF-8. Text such as é or ü written by an editor set to Latin-1 or ' +
          'Windows-1252 is the usual cause; retype the character here after converting.',
        file: 'card.json',
        line: 2,
        column: 25,
      },
    ]);
  });

  it('refuses a YAML card and a spec the same way, with their own codes', () => {
    const yaml = bytes('Model:\n  Name: ', [0xe2, 0x28, 0xa1], '\n');
    expect(loadDocument(yaml, 'card.yaml', 'card').problems).toEqual([
      expect.objectContaining({ code: 'CardEncoding', line: 2, column: 9 }),
    ]);
    const spec = checkAuditSpec(bytes('data: p', [0xe9], '.csv\n'), 'audit.yaml', '.');
    expect(spec.spec).toBeNull();
    expect(spec.problems).toEqual([
      expect.objectContaining({ code: 'SpecEncoding', line: 1, column: 8 }),
    ]);
    expect(spec.problems[0]?.message).toMatch(/the bytes 0xE9 0x2E at byte offset 7|byte 0xE9/);
  });

  it('reads valid bytes as the same text', () => {
    const text = 'Model:\n  Name: Modèle ✓\n';
    expect(loadDocument(Buffer.from(text), 'card.yaml', 'card').value).toEqual(
      loadDocument(text, 'card.yaml', 'card').value,
    );
  });
});
