/**
 * Merging the audit's `Model performance` into the one the card's author wrote. The author's
 * text always wins and is never replaced: their `Metrics` stay, in their order, and the audit's
 * names are added after them only for metrics they do not list (under that name or a
 * synonym); their `Comments` stay, and the audit's summary is then not written.
 */
import type { AtlasMetric } from './atlas-metrics.ts';

/** An ATLAS `Model performance` object. */
export interface PerformanceSection {
  Metrics?: string[];
  Comments?: string;
}

/** What the audit contributes. */
export interface AuditPerformance {
  metrics: readonly AtlasMetric[];
  /** The summary for `Comments`. */
  comments: string;
}

/** The merged section and what happened to each side. */
export interface PerformanceMerge {
  section: PerformanceSection;
  /** Whether the author's card had any entry (a non-empty `Metrics` or a `Comments`). */
  authored: boolean;
  /** The author's metric names, all kept. */
  keptMetrics: string[];
  /** Whether the author's `Comments` was kept (and the audit's summary left out). */
  keptComments: boolean;
  /** The audit's names added after the author's. */
  addedMetrics: string[];
  /** The audit's names left out because the author lists the metric (`name` or a synonym). */
  listedMetrics: string[];
}

/**
 * Merges the audit's performance into the author's section (see the module comment).
 *
 * @param authored The card's `Model.Model performance`, as validated (undefined when absent).
 * @param audit The audit's metric names and summary.
 */
export function mergePerformance(
  authored: PerformanceSection | undefined,
  audit: AuditPerformance,
): PerformanceMerge {
  const keptMetrics = [...(authored?.Metrics ?? [])];
  const keptComments = authored?.Comments !== undefined;

  const listed = new Set(keptMetrics);
  const addedMetrics: string[] = [];
  const listedMetrics: string[] = [];
  for (const metric of audit.metrics) {
    if ([metric.name, ...metric.synonyms].some((name) => listed.has(name))) {
      listedMetrics.push(metric.name);
    } else {
      addedMetrics.push(metric.name);
    }
  }

  const section: PerformanceSection = { ...authored };
  const metrics = [...keptMetrics, ...addedMetrics];
  if (metrics.length > 0) section.Metrics = metrics;
  if (!keptComments) section.Comments = audit.comments;

  return {
    section,
    authored: keptMetrics.length > 0 || keptComments,
    keptMetrics,
    keptComments,
    addedMetrics,
    listedMetrics,
  };
}
