/**
 * The `card.json` a version publishes: the author's card with `Model performance` filled from
 * the audit (ATLAS metric names for what was computed, and a summary with a link to the full
 * results in `Comments`), validated against the card's schema before anything is written.
 *
 * A version without an audit publishes its card as today: a JSON card byte for byte, a YAML
 * card as JSON. So does a version whose card already holds everything the audit would add.
 */
import type { ErrorObject } from 'ajv';
import type { AuditResults } from '../../core/audit/results.ts';
import { performanceSummary } from '../../core/findings/performance-summary.ts';
import { childPointer, loadDocument, positionOf } from '../load/index.ts';
import { problem } from '../problems/catalogue.ts';
import type { Problem } from '../problems/problem.ts';
import { cardValidators } from '../validate/index.ts';
import { auditAtlasMetrics, metricVocabulary } from './atlas-metrics.ts';
import { cardJson } from './card-json.ts';
import {
  mergePerformance,
  type PerformanceMerge,
  type PerformanceSection,
} from './card-performance.ts';

/** One version's card and what the export needs besides it. */
export interface CardExportInput {
  /** The model and version folder names, for messages. */
  model: string;
  version: string;
  /** The card file, as problems name it, and its bytes as read. */
  cardPath: string;
  cardBytes: Uint8Array;
  /** The validated card, as parsed. */
  card: Record<string, unknown>;
  /** Integers whose digits a number cannot keep (pointer → digits as written). */
  rawIntegers: Readonly<Record<string, string>>;
  /** The version's audit results, or null without an audit. */
  results: AuditResults | null;
  /** Where the version's `results.json` is published (see `published-url.ts`). */
  resultsLink: string;
}

export interface CardExport {
  /** The bytes of `card.json`. */
  content: string | Uint8Array;
  /** Whether `Model performance` holds anything taken from the audit. */
  fromAudit: boolean;
  /**
   * `CardPerformanceMerged` (a warning) when the author's own entries were kept beside the
   * audit's; `CardExportInvalid` (an error, and then `content` must not be published) when the
   * exported card fails its schema.
   */
  problems: Problem[];
}

const performancePointer = childPointer(childPointer('', 'Model'), 'Model performance');

/**
 * Exports one version's card (see the module comment). Pure apart from AJV: reads no files.
 *
 * @param input The card, its audit and where the results are published.
 */
export function exportCard(input: CardExportInput): CardExport {
  const asWritten = input.cardPath.endsWith('.json')
    ? input.cardBytes
    : cardJson(input.card, input.rawIntegers);
  if (!input.results) return { content: asWritten, fromAudit: false, problems: [] };

  const schemaId = String(input.card.$schema);
  const model = (input.card.Model ?? {}) as Record<string, unknown>;
  const authored = model['Model performance'] as PerformanceSection | undefined;
  const merge = mergePerformance(authored, {
    metrics: auditAtlasMetrics(input.results, metricVocabulary(schemaId)),
    comments: performanceSummary(input.results, { link: input.resultsLink }),
  });

  const problems = merge.authored ? [mergeWarning(input, merge)] : [];
  const fromAudit = merge.addedMetrics.length > 0 || !merge.keptComments;
  if (!fromAudit) return { content: asWritten, fromAudit, problems };

  const exported = {
    ...input.card,
    Model: { ...model, 'Model performance': merge.section },
  };
  const invalid = schemaErrors(schemaId, exported);
  if (invalid !== null) {
    problems.push(
      problem('CardExportInvalid', {
        message:
          `The card exported for ${input.model} ${input.version} (with the audit's Model ` +
          `performance) does not follow ${schemaId}: ${invalid}.`,
        hint:
          'Nothing was published. The card itself passed validation, so this is a fault of ' +
          "auditcard's export: please report it with the card and the version's results.json.",
        file: input.cardPath,
      }),
    );
  }
  return { content: cardJson(exported, input.rawIntegers), fromAudit, problems };
}

/** The schema errors of `card`, one line, or null when it is valid. */
function schemaErrors(schemaId: string, card: unknown): string | null {
  const validate = cardValidators(schemaId)?.schema;
  if (!validate) return `no validator for the schema`;
  if (validate(card)) return null;
  return (validate.errors ?? []).map(describeError).join('; ');
}

function describeError(error: ErrorObject): string {
  return `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`;
}

/** `CardPerformanceMerged`: what of the author's `Model performance` was kept, what was added. */
function mergeWarning(input: CardExportInput, merge: PerformanceMerge): Problem {
  const kept = [
    ...(merge.keptMetrics.length > 0 ? [`Metrics (${merge.keptMetrics.join(', ')})`] : []),
    ...(merge.keptComments ? ['Comments'] : []),
  ].join(' and ');
  const added =
    merge.addedMetrics.length > 0
      ? `added the audit's ${merge.addedMetrics.join(', ')} to Metrics`
      : 'added no metric name from the audit';
  const comments = merge.keptComments
    ? `left out the audit's summary, since Comments is yours`
    : `wrote the audit's summary into Comments`;

  return problem('CardPerformanceMerged', {
    message:
      `The published card.json of ${input.model} ${input.version} kept your Model performance ` +
      `${kept} unchanged, ${added}, and ${comments}.`,
    hint: merge.keptComments
      ? `To publish the audit's summary (headline numbers, largest subgroup gap, link to ` +
        `${input.resultsLink}), remove Comments from Model performance, or cite that link in ` +
        'your Comments.'
      : 'Nothing of yours was replaced. Remove Model performance from the card to publish the ' +
        "audit's entries alone.",
    file: input.cardPath,
    pointer: performancePointer,
    ...positionOf(
      loadDocument(input.cardBytes, input.cardPath, 'card').positions,
      performancePointer,
    ),
  });
}
