/**
 * Checking one card: load with positions, pick the schema by `$schema`, validate, and add the
 * warnings beyond the schema (codes that are not bare, links that are not http(s)).
 */
import { extname } from 'node:path';
import type { ErrorObject } from 'ajv';
import { isPlainObject, loadDocument, positionOf, type LoadedDocument } from '../load/index.ts';
import { problem } from '../problems/catalogue.ts';
import type { Problem } from '../problems/problem.ts';
import {
  bareCodeFromLint,
  cardValidators,
  httpUriFormat,
  supportedCardSchemas,
} from './card-schemas.ts';
import { closestMatches } from './closest.ts';
import { cardMessages } from './messages.ts';
import { schemaProblems, sortBySource } from './schema-errors.ts';

/** A card after checking. */
export interface CheckedCard {
  /** The parsed card; `undefined` when the file could not be parsed. */
  value: unknown;
  /** Integers whose digits a number cannot keep: JSON pointer → digits as written. */
  rawIntegers: Record<string, string>;
  /** Every problem, errors and warnings, in source order. */
  problems: Problem[];
}

/** What a card is checked against besides its schema. */
export interface CardContext {
  /**
   * The name of the version folder holding the card; a different `Model.Descriptors.Version`
   * is a warning (`CardVersionMismatch`). Left out for a card checked on its own.
   */
  folderVersion?: string;
}

/**
 * Checks the content of a card file.
 * @param text the file's bytes (decoded strictly as UTF-8), or its text already decoded
 * @param file the file name, put in problems; `.json` is read as JSON, anything else as YAML
 * @param context what else to check the card against (default: nothing)
 */
export function checkCard(
  text: string | Uint8Array,
  file: string,
  context: CardContext = {},
): CheckedCard {
  const document = loadDocument(text, file, 'card');
  const rawIntegers = unsafeIntegers(document);
  if (!isPlainObject(document.value)) {
    return { value: document.value, rawIntegers, problems: document.problems };
  }

  const schemaId = document.value.$schema;
  const validators = typeof schemaId === 'string' ? cardValidators(schemaId) : undefined;
  if (!validators) {
    return {
      value: document.value,
      rawIntegers,
      problems: sortBySource([...document.problems, unknownSchema(schemaId, document, file)]),
    };
  }

  const schemaContext = {
    file,
    document,
    code: 'CardSchemaViolation' as const,
    yaml: isYaml(file),
  };
  validators.schema(document.value);
  const errors = validators.schema.errors ?? [];
  validators.lint(document.value);
  const warnings = lintWarnings(validators.lint.errors ?? [], errors, document, file);
  if (context.folderVersion !== undefined) {
    warnings.push(...versionMismatch(document, file, context.folderVersion));
  }

  return {
    value: document.value,
    rawIntegers,
    problems: sortBySource([
      ...document.problems,
      ...schemaProblems(errors, schemaContext),
      ...warnings,
    ]),
  };
}

function unknownSchema(schemaId: unknown, document: LoadedDocument, file: string): Problem {
  const near =
    typeof schemaId === 'string' ? closestMatches(schemaId, supportedCardSchemas, 1) : [];
  const pointer = schemaId === undefined ? '' : '/$schema';
  return problem('CardUnknownSchema', {
    ...cardMessages.unknownSchema(schemaId, supportedCardSchemas, near),
    file,
    ...positionOf(document.positions, pointer),
    pointer,
  });
}

/**
 * Warnings for values the schema accepts but its lint twin refuses: a pattern that matches
 * only part of the value, or a URI that is not http(s).
 */
function lintWarnings(
  lintErrors: readonly ErrorObject[],
  schemaErrors: readonly ErrorObject[],
  document: LoadedDocument,
  file: string,
): Problem[] {
  const failing = new Set(schemaErrors.map((error) => error.instancePath));
  const warnings: Problem[] = [];

  for (const error of lintErrors) {
    const pointer = error.instancePath;
    if (failing.has(pointer)) continue;
    const position = positionOf(document.positions, pointer);
    const params = error.params as Record<string, unknown>;

    if (error.keyword === 'pattern') {
      const code = bareCodeFromLint(String(params.pattern));
      if (!code) continue;
      warnings.push(
        problem('CardCodeNotBare', {
          ...cardMessages.codeNotBare(pointer, error.data, code.pattern, code.shape),
          file,
          ...position,
          pointer,
        }),
      );
    } else if (error.keyword === 'format' && params.format === httpUriFormat) {
      warnings.push(
        problem('CardLinkNotHttp', {
          ...cardMessages.linkNotHttp(pointer, error.data),
          file,
          ...position,
          pointer,
        }),
      );
    }
  }
  return warnings;
}

/** The card's `Model.Descriptors.Version` when it is a string other than the folder's name. */
function versionMismatch(document: LoadedDocument, file: string, folder: string): Problem[] {
  const model = (document.value as Record<string, unknown>).Model;
  const descriptors = isPlainObject(model) ? model.Descriptors : undefined;
  const version = isPlainObject(descriptors) ? descriptors.Version : undefined;
  if (typeof version !== 'string' || version === folder) return [];

  const pointer = '/Model/Descriptors/Version';
  return [
    problem('CardVersionMismatch', {
      ...cardMessages.versionMismatch(pointer, version, folder),
      file,
      ...positionOf(document.positions, pointer),
      pointer,
    }),
  ];
}

function unsafeIntegers(document: LoadedDocument): Record<string, string> {
  const result: Record<string, string> = {};
  for (const found of document.problems) {
    if (found.code !== 'CardUnsafeInteger' || found.pointer === undefined) continue;
    const raw = document.rawNumbers.get(found.pointer);
    if (raw !== undefined) result[found.pointer] = raw;
  }
  return result;
}

function isYaml(file: string): boolean {
  return extname(file).toLowerCase() !== '.json';
}
