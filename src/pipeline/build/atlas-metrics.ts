/**
 * The names an ATLAS card's `Model performance.Metrics` gives the metrics an audit computes.
 * ATLAS allows only names from its vocabulary (an `enum` in the card schema), so each metric of
 * the results maps to one exact vocabulary entry, or to none and is left out of the list.
 */
import atlasModel202511 from '../../../schemas/atlas/2025-11/model.json' with { type: 'json' };
import type { AuditResults } from '../../core/audit/results.ts';

/** An audit metric's ATLAS name, and the other vocabulary entries that mean the same. */
export interface AtlasMetric {
  /** The key in the results' `metrics`, such as `tpr`. */
  key: string;
  /** The vocabulary entry the export writes. */
  name: string;
  /** Vocabulary entries an author may have used for the same metric. */
  synonyms: readonly string[];
}

/**
 * Results metric key → ATLAS 2025-11 vocabulary entry, in the order the export lists them.
 * Rates keep the names the audit report uses (true positive rate, not sensitivity); the usual
 * clinical names are synonyms, so a card that lists `sensitivity` does not get the same metric
 * twice. Not mapped, because the vocabulary has no entry: `fnr` (no "false negative rate"),
 * `prevalence` (a property of the sample), and the disparities (`tprDifference`, `aucRatio`, …).
 */
export const atlasMetrics: readonly AtlasMetric[] = [
  { key: 'auc', name: 'area under the receiver operating characteristic curve', synonyms: [] },
  { key: 'tpr', name: 'true positive rate', synonyms: ['sensitivity', 'recall'] },
  { key: 'fpr', name: 'false positive rate', synonyms: [] },
  { key: 'tnr', name: 'true negative rate', synonyms: ['specificity'] },
  { key: 'ppv', name: 'positive predictive value', synonyms: ['precision'] },
  { key: 'npv', name: 'negative predictive value', synonyms: [] },
  { key: 'youden', name: 'Youden index', synonyms: [] },
  { key: 'brier', name: 'Brier score', synonyms: [] },
  { key: 'ece', name: 'expected calibration error', synonyms: [] },
];

/** The metric vocabulary of each card schema auditcard knows, by `$id`. */
const vocabularies: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  [
    atlasModel202511.$id,
    new Set(atlasModel202511.$defs.Metrics.properties.Metrics.items.enum as readonly string[]),
  ],
]);

/** The `Model performance.Metrics` vocabulary of a card schema; empty for an unknown `$id`. */
export function metricVocabulary(schemaId: string): ReadonlySet<string> {
  return vocabularies.get(schemaId) ?? new Set();
}

/**
 * The ATLAS metrics of what an audit computed: every mapped metric with a defined estimate for
 * at least one group of one target (a metric that is undefined everywhere was not measured),
 * whose name the card's vocabulary has; in the order of {@link atlasMetrics}.
 *
 * @param results The audit results.
 * @param vocabulary The allowed names (see {@link metricVocabulary}).
 */
export function auditAtlasMetrics(
  results: AuditResults,
  vocabulary: ReadonlySet<string>,
): AtlasMetric[] {
  const defined = new Set<string>();
  for (const target of results.targets) {
    for (const group of target.groups) {
      for (const [key, metric] of Object.entries(group.metrics)) {
        if (metric.estimate !== null) defined.add(key);
      }
    }
  }
  return atlasMetrics.filter((metric) => defined.has(metric.key) && vocabulary.has(metric.name));
}
