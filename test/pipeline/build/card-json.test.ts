import { describe, expect, it } from 'vitest';
import { cardJson } from '../../../src/pipeline/build/card-json.ts';

describe('cardJson', () => {
  it('writes what JSON.stringify writes when no integer needs its digits kept', () => {
    const card = {
      $schema: 'https://atlas.rsna.org/schemas/2025-11/model.json',
      Model: { Name: 'A "quoted" name', Tags: [], Empty: {}, Nested: [{ a: 1, b: [true, null] }] },
    };
    expect(cardJson(card, {})).toBe(`${JSON.stringify(card, null, 2)}\n`);
  });

  it('keeps the digits of integers beyond 2^53 at their pointers, and nowhere else', () => {
    const card = {
      Model: {
        // Parsed values, already rounded: what the loader hands over for these digits.
        Indexing: { SNOMED: [233604007, Number('900000000000207008'), Number('9007199254740993')] },
        'a/b~c': Number('12345678901234567890'),
      },
    };
    const raw = {
      '/Model/Indexing/SNOMED/1': '900000000000207008',
      '/Model/Indexing/SNOMED/2': '9007199254740993',
      '/Model/a~1b~0c': '12345678901234567890',
    };

    const text = cardJson(card, raw);

    expect(text).toContain('233604007,');
    expect(text).toContain('900000000000207008,');
    expect(text).toContain('9007199254740993\n');
    expect(text).toContain('"a/b~c": 12345678901234567890');
    expect(text).not.toContain('900000000000207000');
  });
});
