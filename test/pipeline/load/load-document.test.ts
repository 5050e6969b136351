import { describe, expect, it } from 'vitest';
import { integerLosesDigits, loadDocument } from '../../../src/pipeline/load/index.ts';

describe('loadDocument (JSON)', () => {
  it('keeps the position of every value and key', () => {
    const text = '{\n  "a": [1, {"b": true}],\n  "c/d": null\n}';
    const { positions, keyPositions, value, problems } = loadDocument(text, 'x.json', 'card');
    expect(problems).toEqual([]);
    expect(value).toEqual({ a: [1, { b: true }], 'c/d': null });
    expect(positions.get('')).toEqual({ line: 1, column: 1 });
    expect(positions.get('/a/1/b')).toEqual({ line: 2, column: 18 });
    expect(positions.get('/c~1d')).toEqual({ line: 3, column: 10 });
    expect(keyPositions.get('/c~1d')).toEqual({ line: 3, column: 3 });
  });

  it('ignores a byte-order mark', () => {
    expect(loadDocument('\uFEFF{"a": 1}', 'x.json', 'card').problems).toEqual([]);
  });

  it('reports a syntax error at its position, without the position in the message', () => {
    const [problem] = loadDocument('{\n  "a": 1,,\n}', 'x.json', 'card').problems;
    expect(problem).toMatchObject({ code: 'CardJsonSyntax', line: 2, column: 10 });
    expect(problem?.message).toBe('not valid JSON: unexpected token Comma found');
  });

  it('keeps number literals as written', () => {
    const { rawNumbers } = loadDocument('{"a": 1.10, "b": 1e7}', 'x.json', 'card');
    expect(Object.fromEntries(rawNumbers)).toEqual({ '/a': '1.10', '/b': '1e7' });
  });

  it('uses Spec codes for specs', () => {
    const { problems } = loadDocument('{"a": 1, "a": 2}', 'audit.json', 'spec');
    expect(problems[0]?.code).toBe('SpecDuplicateKey');
  });
});

describe('loadDocument (YAML)', () => {
  it('uses the core schema: dates and yes stay strings', () => {
    const { value } = loadDocument('d: 2024-02-28\ny: yes\nn: 1.10\nz: ~\n', 'x.yaml', 'card');
    expect(value).toEqual({ d: '2024-02-28', y: 'yes', n: 1.1, z: null });
  });

  it('keeps positions of values and keys', () => {
    const { positions, keyPositions } = loadDocument('a:\n  - b: 1\n', 'x.yaml', 'card');
    expect(positions.get('/a/0/b')).toEqual({ line: 2, column: 8 });
    expect(keyPositions.get('/a/0/b')).toEqual({ line: 2, column: 5 });
  });

  it('refuses values JSON cannot hold and keys that are collections', () => {
    const { problems } = loadDocument('a: .inf\n? [1, 2]\n: x\n', 'x.yaml', 'card');
    expect(problems.map((found) => found.code)).toEqual(['CardNotJsonValue', 'CardNotJsonValue']);
  });

  it('limits alias expansion', () => {
    const lines = ['a: &a [1, 2]'];
    for (let level = 0; level < 12; level += 1) {
      lines.push(
        `l${level}: &l${level} [*${level === 0 ? 'a' : `l${level - 1}`}, *${level === 0 ? 'a' : `l${level - 1}`}]`,
      );
    }
    const { problems } = loadDocument(lines.join('\n'), 'x.yaml', 'spec');
    expect(problems.some((found) => found.code === 'SpecNotJsonValue')).toBe(true);
  });

  it('refuses a file with several documents', () => {
    const { problems, value } = loadDocument('a: 1\n---\nb: 2\n', 'x.yaml', 'card');
    expect(problems[0]).toMatchObject({ code: 'CardYamlSyntax', line: 2 });
    expect(value).toBeUndefined();
  });
});

describe('integerLosesDigits', () => {
  // The value is what a parser makes of the literal: Number(raw).
  it.each([
    ['900000000000207008', true],
    ['9007199254740993', true],
    ['9007199254740991', false],
    ['9007199254740992', false],
    ['1e7', false],
    ['1.5', false],
    ['0.1', false],
    ['-12345678901234567890', true],
    ['1e400', true],
    ['0x1F', false],
    ['12345678901234567890.0', true],
    ['0.0', false],
  ])('%s → %s', (raw, expected) => {
    expect(integerLosesDigits(raw, Number(raw))).toBe(expected);
  });
});
