/**
 * One problem per fault a user fixes: what `schemaProblems` merges and drops, on small schemas.
 */
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../src/pipeline/load/index.ts';
import { createAjv } from '../../../src/pipeline/validate/index.ts';
import { schemaProblems } from '../../../src/pipeline/validate/schema-errors.ts';

function problemsOf(schema: object, text: string) {
  const validate = createAjv().compile(schema);
  const document = loadDocument(text, 'x.json', 'card');
  validate(document.value);
  return schemaProblems(validate.errors ?? [], {
    file: 'x.json',
    document,
    code: 'CardSchemaViolation',
    yaml: false,
  }).map(({ message, hint }) => ({ message, hint }));
}

describe('schemaProblems', () => {
  it('names every missing key of one object in one problem', () => {
    const schema = {
      type: 'object',
      properties: { Name: {}, Link: {}, Kind: {} },
      required: ['Name', 'Link', 'Kind'],
    };
    expect(problemsOf(schema, '{"Kind": 1}')).toEqual([
      {
        message: 'top level: missing the required keys "Name" and "Link"',
        hint: 'Add "Name" and "Link" (required here: Name, Link, Kind).',
      },
    ]);
  });

  it('reports a misspelt required key once, at the key', () => {
    const schema = {
      type: 'object',
      properties: { Link: { type: 'string' } },
      required: ['Link'],
      additionalProperties: false,
    };
    expect(problemsOf(schema, '{"link": "x"}')).toEqual([
      {
        message: 'top level: unknown key "link"',
        hint: 'Did you mean "Link"? It is required here and missing, so rename the key. Allowed keys here: Link.',
      },
    ]);
  });

  it('lets a wrong type hide the other complaints about the same value', () => {
    const schema = { type: 'string', enum: ['Yes', 'No'] };
    expect(problemsOf(schema, 'false')).toEqual([
      { message: 'top level: must be a string, found false', hint: 'Allowed: "Yes", "No".' },
    ]);
  });

  it('lets a failed pattern hide a failed format and minimum length of the same value', () => {
    const schema = {
      type: 'string',
      pattern: 'https://orcid.org/.+',
      format: 'uri',
      minLength: 30,
    };
    expect(problemsOf(schema, '"0000-0002-1825-0097"').map((one) => one.message)).toEqual([
      'top level: "0000-0002-1825-0097" does not match the pattern https://orcid.org/.+',
    ]);
  });

  it('does not check the items past a maximum length', () => {
    const schema = { type: 'array', maxItems: 2, items: { enum: ['a', 'b'] } };
    expect(problemsOf(schema, '["a", "b", "c"]').map((one) => one.message)).toEqual([
      'top level: must have at most 2 items, found 3',
    ]);
  });

  it('puts "too many keys" down to the unknown key', () => {
    const schema = {
      type: 'object',
      properties: { a: {}, b: {} },
      maxProperties: 2,
      additionalProperties: false,
    };
    expect(problemsOf(schema, '{"a": 1, "b": 2, "c": 3}').map((one) => one.message)).toEqual([
      'top level: unknown key "c"',
    ]);
  });

  it('offers the synonym of a key or value when spelling finds nothing', () => {
    const schema = {
      type: 'object',
      properties: { Demographic: { enum: ['White'] }, Metric: { enum: ['true positive rate'] } },
      additionalProperties: false,
    };
    expect(problemsOf(schema, '{"Race": "x", "Metric": "TPR"}').map((one) => one.hint)).toEqual([
      'Did you mean "Demographic"? Allowed keys here: Demographic, Metric.',
      'Closest allowed: "true positive rate". Allowed: "true positive rate".',
    ]);
  });
});
