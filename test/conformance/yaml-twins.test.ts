/**
 * A YAML card with the structure of a JSON card works the same: every valid JSON card of the
 * corpus, written as YAML with each string that looks like a number left unquoted (`1.0`,
 * `36643`), reads as the same value with the same problems.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkCard } from '../../src/pipeline/validate/index.ts';
import { corpusFiles, type CorpusFile } from './corpus.ts';

let twins: CorpusFile[] = [];
beforeAll(async () => {
  twins = (await corpusFiles()).filter((file) => !file.raw && /\/valid-.*\.json$/.test(file.path));
});

/** The card as YAML, with quoted strings that YAML would read as numbers written plain. */
function asPlainYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0 }).replace(
    /(["'])([-+]?(?:\d[\d_]*)?\.?\d+(?:[eE][-+]?\d+)?)\1/g,
    '$2',
  );
}

function outcome(content: string | Uint8Array, name: string) {
  const { value, problems } = checkCard(content, name);
  return { value, problems: problems.map(({ code, pointer }) => ({ code, pointer })) };
}

describe('YAML twins of the valid JSON cards', () => {
  it('read as the same value with the same problems', () => {
    expect(twins.length).toBeGreaterThanOrEqual(50);
    let plain = 0;
    for (const file of twins) {
      const json = outcome(file.content, file.path);
      const yaml = asPlainYaml(json.value);
      if (yaml !== stringify(json.value, { lineWidth: 0 })) plain += 1;
      const twin = outcome(yaml, file.path.replace(/\.json$/, '.yaml'));
      expect({ file: file.path, ...twin }).toEqual({ file: file.path, ...json });
    }
    // Some twins do write number-like strings plain (versions, LOINC codes, file numbers).
    expect(plain).toBeGreaterThanOrEqual(3);
  });
});
