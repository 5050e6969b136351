/**
 * Checking one card, model or dataset: load with positions, pick the schema by `$schema`,
 * validate, and add the warnings beyond the schema (codes that are not bare, links that are
 * not http(s)). A YAML card reads as its JSON twin would (see yaml-text.ts).
 */
import { basename, extname } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isPlainObject, loadDocument, positionOf, type LoadedDocument } from '../load/index.ts';
import { problem } from '../problems/catalogue.ts';
import type { Problem } from '../problems/problem.ts';
import { bareCodeInside } from './bare-code.ts';
import {
  bareCodeFromLint,
  cardSchemaOf,
  cardSchemasOfKind,
  cardValidators,
  httpUriFormat,
  knownCardSchemas,
  supportedCardSchemas,
  type CardKind,
  type CardSchema,
} from './card-schemas.ts';
import { closestMatches } from './closest.ts';
import { cardMessages } from './messages.ts';
import { schemaProblems, sortBySource } from './schema-errors.ts';
import { keepYamlNumbersAsText } from './yaml-text.ts';

/** A card after checking. */
export interface CheckedCard {
  /** The parsed card; `undefined` when the file could not be parsed. */
  value: unknown;
  /** What the card describes, from its `$schema`; undefined when the schema is unknown. */
  kind: CardKind | undefined;
  /** Integers whose digits a number cannot keep: JSON pointer → digits as written. */
  rawIntegers: Record<string, string>;
  /** Every problem, errors and warnings, in source order. */
  problems: Problem[];
}

/** What a card is checked against besides its schema. */
export interface CardContext {
  /**
   * The name of the version folder holding a model card; a different
   * `Model.Descriptors.Version` is a warning (`CardVersionMismatch`). Left out for a card
   * checked on its own; never compared for a dataset card, whose version is the data's.
   */
  folderVersion?: string;
  /**
   * The kind of card the file must hold (`card.json` a model card, `dataset.json` a dataset
   * card); a card of the other kind is an error (`CardWrongKind`). Left out for a card checked
   * on its own, which may be of either kind.
   */
  expectedKind?: CardKind;
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
  if (!isPlainObject(document.value)) return finish(document, undefined, []);

  const named = cardSchemaOf(document.value.$schema);
  const validators = named ? cardValidators(named.id) : undefined;
  if (!named || !validators) {
    return finish(document, undefined, [unknownSchema(document, file)]);
  }
  const mismatch = schemaMismatch(named, document, file);
  if (mismatch) return finish(document, named.kind, [mismatch]);

  const errors = validate(validators.schema, document, isYaml(file));
  validators.lint(document.value);
  // A value the loader already refused (`.inf`, a recursive alias) needs no schema error too.
  const refused = new Set(
    document.problems
      .filter((found) => found.code === 'CardNotJsonValue')
      .map((found) => found.pointer),
  );
  const problems = [
    ...schemaProblems(
      errors.filter((error) => !refused.has(error.instancePath)),
      {
        file,
        document,
        code: 'CardSchemaViolation',
        yaml: isYaml(file),
        schema: validators.schema.schema,
      },
    ),
    ...lintWarnings(validators.lint.errors ?? [], errors, document, file),
  ];
  if (context.expectedKind !== undefined && context.expectedKind !== named.kind) {
    problems.push(wrongKind(context.expectedKind, named, document, file));
  }
  if (context.folderVersion !== undefined && named.kind === 'model') {
    problems.push(...versionMismatch(document, file, context.folderVersion));
  }
  return finish(document, named.kind, problems);
}

/** The result: the loader's problems and `problems` in source order. */
function finish(
  document: LoadedDocument,
  kind: CardKind | undefined,
  problems: Problem[],
): CheckedCard {
  return {
    value: document.value,
    kind,
    rawIntegers: unsafeIntegers(document),
    problems: sortBySource([...document.problems, ...problems]),
  };
}

/**
 * Validates the card; a YAML card whose numbers the schema wanted as strings is validated
 * again with those numbers as written (see yaml-text.ts).
 */
function validate(
  schema: ValidateFunction,
  document: LoadedDocument,
  yaml: boolean,
): ErrorObject[] {
  schema(document.value);
  const errors = schema.errors ?? [];
  if (!yaml || keepYamlNumbersAsText(document, errors).length === 0) return errors;
  schema(document.value);
  return schema.errors ?? [];
}

/**
 * A missing or unknown `$schema`, with the id the card most likely means: the one whose
 * top-level key the card has (`Model`, `Dataset`), else the one spelled most alike.
 */
function unknownSchema(document: LoadedDocument, file: string): Problem {
  const card = document.value as Record<string, unknown>;
  const schemaId = card.$schema;
  const byRoot = knownCardSchemas.filter((entry) => Object.hasOwn(card, entry.rootKey));
  const bySpelling =
    typeof schemaId === 'string' ? closestMatches(schemaId, supportedCardSchemas, 1) : [];
  const proposal = byRoot.length === 1 ? byRoot[0] : cardSchemaOf(bySpelling[0]);

  const pointer = schemaId === undefined ? '' : '/$schema';
  return problem('CardUnknownSchema', {
    ...cardMessages.unknownSchema(schemaId, proposal, knownCardSchemas),
    file,
    ...positionOf(document.positions, pointer),
    pointer,
  });
}

/**
 * A card whose `$schema` names one kind of card while it holds the top-level object of the
 * other (a `Dataset` under the model schema). Validating it would only report the missing
 * `Model` and the unknown `Dataset`; one problem says what to change.
 */
function schemaMismatch(
  named: CardSchema,
  document: LoadedDocument,
  file: string,
): Problem | undefined {
  const card = document.value as Record<string, unknown>;
  if (Object.hasOwn(card, named.rootKey)) return undefined;
  const other = knownCardSchemas.find(
    (entry) => entry.kind !== named.kind && Object.hasOwn(card, entry.rootKey),
  );
  if (!other) return undefined;

  const pointer = '/$schema';
  return problem('CardSchemaMismatch', {
    ...cardMessages.schemaMismatch(named, other.rootKey, other),
    file,
    ...positionOf(document.positions, pointer),
    pointer,
  });
}

/** A card of one kind in the file of the other (a model card as `dataset.json`). */
function wrongKind(
  expected: CardKind,
  named: CardSchema,
  document: LoadedDocument,
  file: string,
): Problem {
  const [wanted = named] = cardSchemasOfKind(expected);
  const pointer = '/$schema';
  return problem('CardWrongKind', {
    ...cardMessages.wrongKind(basename(file), wanted, named),
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
      const suggestion =
        typeof error.data === 'string' ? bareCodeInside(error.data, code) : undefined;
      warnings.push(
        problem('CardCodeNotBare', {
          ...cardMessages.codeNotBare(pointer, error.data, code.pattern, code.shape, suggestion),
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
