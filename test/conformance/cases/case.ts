/**
 * What a corpus card is made of, and helpers shared by the case lists. A case is a card written
 * as an object (saved as formatted JSON) or as text (YAML, or JSON whose bytes matter), with a
 * line saying what it exercises. Its file name starts with `valid-` or `invalid-`: the verdict
 * of the ATLAS schema (ours and the official one alike), which the tests check.
 */
import datasetSchema from '../../../schemas/atlas/2025-11/dataset.json' with { type: 'json' };
import modelSchema from '../../../schemas/atlas/2025-11/model.json' with { type: 'json' };

export interface CorpusCase {
  /** The file name: `valid-…` or `invalid-…`, then `.json`, `.yaml` or `.yml`. */
  name: string;
  /** What the card exercises, one line for the corpus index. */
  about: string;
  /** The card: an object (written as JSON, or as YAML for a `.yaml` name) or its exact text. */
  card: unknown;
  /** True when `card` is the file's text. */
  text?: boolean;
}

export const modelSchemaId = modelSchema.$id;
export const datasetSchemaId = datasetSchema.$id;

/** A model card: `$schema`, a name and a link, and `fields` added to `Model`. */
export function modelCard(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    $schema: modelSchemaId,
    Model: {
      Name: 'Chest radiograph triage model',
      Link: 'https://example.org/models/cxr-triage',
      ...fields,
    },
  };
}

/** A dataset card: `$schema`, a name and a link, and `fields` added to `Dataset`. */
export function datasetCard(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    $schema: datasetSchemaId,
    Dataset: {
      Name: 'Chest radiograph evaluation set',
      Link: 'https://example.org/datasets/cxr-eval',
      ...fields,
    },
  };
}

/** A YAML or raw JSON case from its lines (joined with `\n`, ending with one). */
export function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

/** The allowed values of the enum at a JSON pointer of one of our schemas. */
export function enumAt(schema: 'model' | 'dataset', pointer: string): string[] {
  let node: unknown = schema === 'model' ? modelSchema : datasetSchema;
  for (const token of pointer.split('/').slice(1)) {
    node = (node as Record<string, unknown>)[token.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  return (node as { enum: string[] }).enum;
}

/** A string of exactly `length` code points, made of `unit` repeated (and cut to length). */
export function text(length: number, unit = 'x'): string {
  const points = [...unit.repeat(Math.ceil(length / [...unit].length))];
  return points.slice(0, length).join('');
}
