/**
 * The ATLAS card schemas auditcard knows, by `$id`, and their compiled validators.
 *
 * Each schema also gets a stricter "lint" twin for the checks beyond the schema: ATLAS patterns
 * are not anchored (`RID[0-9]+` accepts `see RID10345 and others`), and `format: uri` accepts
 * `javascript:` URLs. The twin anchors every pattern and accepts only http(s) URIs; a value that
 * passes the schema but fails the twin gets a warning instead of an error.
 */
import type { ValidateFunction } from 'ajv';
import atlasModel202511 from '../../../schemas/atlas/2025-11/model.json' with { type: 'json' };
import { createAjv } from './create-ajv.ts';
import { describePattern } from './pattern-shape.ts';

/** Card schemas by `$id`, in the order they are listed to users. */
const cardSchemas: ReadonlyMap<string, object> = new Map([
  [atlasModel202511.$id, atlasModel202511],
]);

/** The `$schema` ids a card may name. */
export const supportedCardSchemas: readonly string[] = [...cardSchemas.keys()];

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
  const schema = cardSchemas.get(schemaId);
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

/** What a value under an ATLAS pattern should be exactly, and how to say so. */
export interface BareCode {
  /** The pattern as the schema writes it (unanchored). */
  pattern: string;
  /** The anchored pattern of a bare value. */
  bare: string;
  /** The expected shape, for hints. */
  shape: string;
}

/**
 * Bare forms that differ from simply anchoring the schema's pattern: RadElement value codes
 * carry a `.n` suffix (`RDE397.1`), and an ORCID iD has a fixed shape.
 */
const knownBareCodes: readonly BareCode[] = [
  {
    pattern: 'RDE[S]?[0-9]+',
    bare: '^RDES?[0-9]+(?:\\.[0-9]+)?$',
    shape: 'RDE<digits> or RDES<digits>, with .<digits> for a value (RDE397.1)',
  },
  {
    pattern: 'https://orcid.org/.+',
    bare: '^https://orcid\\.org/[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$',
    shape: 'https://orcid.org/0000-0002-1825-0097',
  },
];

/** The bare form of a schema pattern. */
export function bareCodeOf(pattern: string): BareCode {
  const known = knownBareCodes.find((code) => code.pattern === pattern);
  return known ?? { pattern, bare: `^(?:${pattern})$`, shape: describePattern(pattern) };
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
