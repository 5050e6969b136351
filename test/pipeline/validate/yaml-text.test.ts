import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../src/pipeline/load/index.ts';
import { createAjv } from '../../../src/pipeline/validate/index.ts';
import { keepYamlNumbersAsText } from '../../../src/pipeline/validate/yaml-text.ts';

const schema = {
  type: 'object',
  properties: {
    version: { type: 'string' },
    count: { type: 'integer' },
    year: { anyOf: [{ type: 'string', format: 'date' }, { type: 'integer' }] },
    codes: { type: 'array', items: { type: 'string' } },
    'a/b': { type: 'string' },
  },
};
const validate = createAjv().compile(schema);

function keep(text: string) {
  const document = loadDocument(text, 'x.yaml', 'card');
  validate(document.value);
  const changed = keepYamlNumbersAsText(document, validate.errors ?? []);
  return { changed, document, valid: validate(document.value) };
}

describe('keepYamlNumbersAsText', () => {
  it('turns a number where a string is wanted back into its literal', () => {
    const { changed, document, valid } = keep('version: 1.10\ncodes: [0123, 1e3, x]\na/b: 7\n');
    expect(changed).toEqual(['/version', '/codes/0', '/codes/1', '/a~1b']);
    expect(document.value).toEqual({ version: '1.10', codes: ['0123', '1e3', 'x'], 'a/b': '7' });
    expect(document.rawNumbers.size).toBe(0);
    expect(valid).toBe(true);
  });

  it('leaves numbers where numbers are wanted, or where an anyOf may want one', () => {
    const { changed, document } = keep('count: 12\nyear: 2024.5\n');
    expect(changed).toEqual([]);
    expect(document.value).toEqual({ count: 12, year: 2024.5 });
  });

  it('forgets the warnings and errors about a number that is now text', () => {
    const { document } = keep('version: 123456789012345678901\ncodes: [.inf]\n');
    expect(document.value).toEqual({ version: '123456789012345678901', codes: ['.inf'] });
    expect(document.problems).toEqual([]);
  });

  it('leaves booleans and null alone (they have their own hints)', () => {
    const { changed, document } = keep('version: true\ncodes: [~]\n');
    expect(changed).toEqual([]);
    expect(document.value).toEqual({ version: true, codes: [null] });
  });
});
