/**
 * The ATLAS card schemas auditcard knows, by `$id`, and their compiled validators: the model
 * card and the dataset card of ATLAS 2025-11. A card names its schema with `$schema`; the kind
 * of card (model or dataset) and its one top-level object (`Model`, `Dataset`) follow from it.
 *
 * Each schema also gets a stricter "lint" twin for the checks beyond the schema: ATLAS patterns
 * are not anchored (`RID[0-9]+` accepts `see RID10345 and others`), and `format: uri` accepts
 * `javascript:` URLs. The twin anchors every pattern and accepts only http(s) URIs; a value that
 * passes the schema but fails the twin gets a warning instead of an error.
 */
import type { ValidateFunction } from 'ajv';
import atlasDataset202511 from '../../../schemas/atlas/2025-11/dataset.json' with { type: 'json' };
import atlasModel202511 from '../../../schemas/atlas/2025-11/model.json' with { type: 'json' };
import { createAjv } from './create-ajv.ts';
import { bareCodeOf, type BareCode } from './bare-code.ts';

/** What an ATLAS card describes. */
export type CardKind = 'model' | 'dataset';

/** One card schema auditcard knows. */
export interface CardSchema {
  /** The schema's `$id`, which a card writes as its `$schema`. */
  id: string;
  kind: CardKind;
  /** The card's one top-level object besides `$schema`. */
  rootKey: 'Model' | 'Dataset';
  schema: object;
}

/** The card schemas auditcard knows, in the order they are listed to users. */
export const knownCardSchemas: readonly CardSchema[] = [
  { id: atlasModel202511.$id, kind: 'model', rootKey: 'Model', schema: atlasModel202511 },
  { id: atlasDataset202511.$id, kind: 'dataset', rootKey: 'Dataset', schema: atlasDataset202511 },
];

const cardSchemas: ReadonlyMap<string, CardSchema> = new Map(
  knownCardSchemas.map((entry) => [entry.id, entry]),
);

/** The `$schema` ids a card may name. */
export const supportedCardSchemas: readonly string[] = knownCardSchemas.map((entry) => entry.id);

/** The schema a card names, or undefined when auditcard does not know the id. */
export function cardSchemaOf(schemaId: unknown): CardSchema | undefined {
  return typeof schemaId === 'string' ? cardSchemas.get(schemaId) : undefined;
}

/** The schemas auditcard knows for one kind of card, in the order they are listed. */
export function cardSchemasOfKind(kind: CardKind): CardSchema[] {
  return knownCardSchemas.filter((entry) => entry.kind === kind);
}

/** The format name the lint twin uses in place of `uri`. */
export const httpUriFormat = 'http-uri';

interface CardValidators {
  schema: ValidateFunction;
  lint: ValidateFunction;
}

const compiled = new Map<string, CardValidators>();

/** The validators of a card schema, compiled on first use; undefined for an unknown id. */
export function cardValidators(schemaId: string): CardValidators | undefined {
  const cached = compiled.get(schemaId);
  if (cached) return cached;
  const schema = cardSchemas.get(schemaId)?.schema;
  if (!schema) return undefined;

  const lintAjv = createAjv();
  lintAjv.addFormat(httpUriFormat, {
    type: 'string',
    validate: (value: string) => /^https?:/i.test(value),
  });
  const validators = {
    schema: createAjv().compile(schema),
    lint: lintAjv.compile(lintSchema(schema) as object),
  };
  compiled.set(schemaId, validators);
  return validators;
}

/** The bare form a lint pattern came from, to word a warning. */
export function bareCodeFromLint(lintPattern: string): BareCode | undefined {
  return lintPatterns.get(lintPattern);
}

const lintPatterns = new Map<string, BareCode>();

/** A copy of `schema` with bare-code patterns and http(s)-only URIs (see the module comment). */
export function lintSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(lintSchema);
  if (typeof schema !== 'object' || schema === null) return schema;

  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'pattern' && typeof value === 'string') {
      const code = bareCodeOf(value);
      lintPatterns.set(code.bare, code);
      copy[key] = code.bare;
    } else if (key === 'format' && value === 'uri') copy[key] = httpUriFormat;
    else if (key === 'enum' || key === 'const') copy[key] = value;
    else copy[key] = lintSchema(value);
  }
  return copy;
}
