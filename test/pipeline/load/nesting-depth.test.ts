import { describe, expect, it } from 'vitest';
import { loadDocument, maxNestingDepth } from '../../../src/pipeline/load/index.ts';
import { checkAuditSpec, checkCard } from '../../../src/pipeline/validate/index.ts';

const schemaId = 'https://atlas.rsna.org/schemas/2025-11/model.json';

/** A card whose Summary is a string inside `depth` lists; the card and Model add two levels. */
function jsonCard(depth: number): string {
  const summary = `${'['.repeat(depth)}"text"${']'.repeat(depth)}`;
  return `{"$schema": "${schemaId}",\n "Model": {"Name": "Deep model", "Summary": ${summary}}}`;
}

function yamlFlowCard(depth: number): string {
  return `$schema: ${schemaId}\nModel:\n  Name: Deep model\n  Summary: ${'['.repeat(depth)}text${']'.repeat(depth)}\n`;
}

function yamlBlockCard(depth: number): string {
  return `$schema: ${schemaId}\nModel:\n  Name: Deep model\n  Summary:\n    ${'- '.repeat(depth)}text\n`;
}

describe('nesting depth', () => {
  it('is limited to 200 levels', () => {
    expect(maxNestingDepth).toBe(200);
  });

  it.each([
    ['JSON', 'card.json', jsonCard, { line: 2, column: 45 + maxNestingDepth - 2 }],
    ['YAML flow', 'card.yaml', yamlFlowCard, { line: 4, column: 12 + maxNestingDepth - 2 }],
    ['YAML block', 'card.yaml', yamlBlockCard, { line: 5, column: 5 + 2 * (maxNestingDepth - 2) }],
  ])('%s: refuses a card nested too deeply, at the level past the limit', (_, file, card, at) => {
    for (const depth of [201, 3000, 100_000]) {
      const { value, problems } = checkCard(card(depth), file);
      expect(value, `depth ${depth}`).toBeUndefined();
      expect(problems, `depth ${depth}`).toEqual([
        expect.objectContaining({ code: 'CardTooDeep', severity: 'error', file, ...at }),
      ]);
      expect(problems[0]?.message).toBe(
        'lists and objects are nested more than 200 levels deep here',
      );
    }
  });

  it.each([
    ['JSON', 'card.json', jsonCard],
    ['YAML flow', 'card.yaml', yamlFlowCard],
    ['YAML block', 'card.yaml', yamlBlockCard],
  ])('%s: reads a card nested 100 levels and checks it against the schema', (_, file, card) => {
    const { problems } = checkCard(card(100), file);
    expect(problems.map((found) => [found.code, found.pointer])).toEqual([
      ['CardSchemaViolation', '/Model'],
      ['CardSchemaViolation', '/Model/Summary'],
    ]);
  });

  it('accepts exactly 200 levels', () => {
    const text = `${'['.repeat(maxNestingDepth)}${']'.repeat(maxNestingDepth)}`;
    for (const file of ['x.json', 'x.yaml']) {
      const { problems } = loadDocument(text, file, 'card');
      expect(problems.map((found) => found.code)).toEqual(['CardNotAnObject']);
    }
    const deeper = `[${text}]`;
    expect(loadDocument(deeper, 'x.json', 'card').problems[0]?.code).toBe('CardTooDeep');
    expect(loadDocument(deeper, 'x.yaml', 'card').problems[0]?.code).toBe('CardTooDeep');
  });

  it('ignores brackets inside JSON strings', () => {
    const text = `{"a": "${'['.repeat(500)}\\"${'{'.repeat(500)}"}`;
    expect(loadDocument(text, 'x.json', 'card').problems).toEqual([]);
  });

  it('counts the levels that YAML aliases add', () => {
    const inner = `${'['.repeat(150)}${']'.repeat(150)}`;
    const text = `a: &a ${inner}\nb: ${'['.repeat(60)}*a${']'.repeat(60)}\n`;
    const { value, problems } = loadDocument(text, 'x.yaml', 'card');
    expect(value).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({ code: 'CardTooDeep', line: 2, column: 64 }),
    ]);
  });

  it('refuses a spec nested too deeply, in YAML and JSON, with Spec codes', () => {
    for (const depth of [201, 3000, 100_000]) {
      const yaml = `data: ${'['.repeat(depth)}x${']'.repeat(depth)}\ntargets: []\n`;
      const json = `{"data": ${'['.repeat(depth)}${']'.repeat(depth)}}`;
      const fromYaml = checkAuditSpec(yaml, 'audit.yaml', '.');
      const fromJson = checkAuditSpec(json, 'audit.json', '.');
      expect(fromYaml.spec).toBeNull();
      expect(fromYaml.problems).toEqual([
        expect.objectContaining({ code: 'SpecTooDeep', line: 1, column: 7 + 199 }),
      ]);
      expect(fromJson.problems).toEqual([
        expect.objectContaining({ code: 'SpecTooDeep', line: 1, column: 10 + 199 }),
      ]);
    }
  });
});
