/**
 * The audit of one target: rows, operating point, every group's metrics with bootstrap
 * intervals, and disparities against each attribute's reference group.
 */
import { bootstrapPercentiles, descendingOrder } from '../stats/index.ts';
import type { GroupDefinition, Grouping } from './groups.ts';
import { clusterLabelStrata, idClusters } from './id-clusters.ts';
import { baseSlotIndex, metricLayout, type BaseMetric, type MetricSlot } from './metric-layout.ts';
import type { AuditIssue } from './refusal.ts';
import type { GroupMetrics, GroupResult, Metric, OperatingPoint, TargetResult } from './results.ts';
import { intervalMetric, type Intervals } from './interval-metric.ts';
import { rocPoints } from './roc-points.ts';
import { rowIssues } from './row-issues.ts';
import {
  createSampleEvaluator,
  groupConfusion,
  scoreRanks,
  type TargetSample,
} from './sample-metrics.ts';
import type { AuditSpec, TargetSpec } from './spec.ts';
import type { AuditTable } from './table.ts';
import { selectTargetRows } from './target-rows.ts';
import { ungroupedRows } from './ungrouped-rows.ts';

export interface TargetAudit {
  /** Null when the target was refused (see `issues`). */
  result: TargetResult | null;
  issues: AuditIssue[];
  /** Table indices of the rows left out of this target. */
  excludedRows: Int32Array;
}

/** Progress of a long computation, for a progress bar. */
export interface AuditProgress {
  target: string;
  done: number;
  total: number;
}

/**
 * Audits one target.
 *
 * @param table the data file
 * @param target the target's spec
 * @param grouping the groups of the data file's rows
 * @param spec the whole spec (operating point, bootstrap, id, invalid-score handling)
 * @param onProgress called after each bootstrap replicate
 */
export function auditTarget(
  table: AuditTable,
  target: TargetSpec,
  grouping: Grouping,
  spec: AuditSpec,
  onProgress?: (progress: AuditProgress) => void,
): TargetAudit {
  const rows = selectTargetRows(table, target, spec.id);
  const issues = rowIssues(table, target, rows, spec);
  if (issues.length > 0) return { result: null, issues, excludedRows: rows.excludedRows };

  const sample = buildSample(rows.scores, rows.labels, rows.rows, grouping);
  const slots = metricLayout(grouping.groups);
  const evaluate = createSampleEvaluator(sample, slots, spec.operatingPoint);
  const estimate = evaluate(new Float64Array(rows.scores.length).fill(1));
  const point = estimate.point!;

  if (!Number.isFinite(point.threshold)) {
    const issue = infiniteThresholdIssue(table, target, spec, point);
    return { result: null, issues: [issue], excludedRows: rows.excludedRows };
  }

  const units = resamplingUnits(table, spec, rows.rows, sample.labels);
  const intervals = bootstrapIntervals(sample, evaluate, spec, units, (done, total) =>
    onProgress?.({ target: target.name, done, total }),
  );
  const groups = grouping.groups.map((group, index) =>
    groupResult(
      sample,
      group,
      index,
      grouping.groups,
      slots,
      estimate.values,
      intervals,
      point.threshold,
    ),
  );

  const result: TargetResult = {
    name: target.name,
    labelColumn: target.label.column,
    scoreColumn: target.score,
    operatingPoint: operatingPoint(spec, point),
    excluded: rows.excluded,
    ungrouped: ungroupedRows(table, spec.groups, grouping, rows.rows, spec.id),
    groups,
  };
  return { result, issues: [], excludedRows: rows.excludedRows };
}

function infiniteThresholdIssue(
  table: AuditTable,
  target: TargetSpec,
  spec: AuditSpec,
  point: { fpr: number; tpr: number },
): AuditIssue {
  const op = spec.operatingPoint;
  const convention = op.policy === 'target-fpr' ? ` with the ${op.convention} convention` : '';
  return {
    code: 'AuditInfiniteThreshold',
    file: table.path,
    columnName: target.score,
    message: `Target "${target.name}": the operating point${convention} is the infinite threshold (nothing predicted positive: FPR ${point.fpr}, TPR ${point.tpr}), which cannot be applied to new cases.`,
    hint:
      op.policy === 'target-fpr' && op.convention === 'reference'
        ? 'Use `convention: full-curve`, a target FPR that some finite threshold reaches, or a fixed `threshold`.'
        : 'Choose a fixed `threshold` or another target FPR.',
  };
}

function buildSample(
  scores: Float64Array,
  labels: Uint8Array,
  rows: Int32Array,
  grouping: Grouping,
): TargetSample {
  const order = descendingOrder(scores);
  const groupRows = grouping.groups.map((group) => {
    if (group.attributeIndex < 0) return order;
    const codes = grouping.codes[group.attributeIndex]!;
    return order.filter((row) => codes[rows[row]!] === group.code);
  });
  return { scores, labels, order, groupRows };
}

/** 1 for the rows of a group, 0 for the others. */
function membership(sample: TargetSample, group: number): Float64Array {
  const weights = new Float64Array(sample.scores.length);
  for (const row of sample.groupRows[group]!) weights[row] = 1;
  return weights;
}

/** The strata of a bootstrap: of rows, or of clusters with their cluster of each row. */
type ResamplingUnits =
  { strata?: Uint8Array } | { clusters: Int32Array; clusterStrata?: Uint8Array };

/**
 * What one replicate draws: rows (within labels under `stratify: label`), or with
 * `resample: id` whole clusters of the target's rows sharing an id (a blank id is a cluster of
 * its own row; see `idClusters`), within the strata "has a positive row" and "has none".
 */
function resamplingUnits(
  table: AuditTable,
  spec: AuditSpec,
  rows: Int32Array,
  labels: Uint8Array,
): ResamplingUnits {
  const { stratify, resample } = spec.bootstrap;
  const idCells = spec.id === undefined ? undefined : table.column(spec.id);
  if (resample === 'rows') return stratify === 'label' ? { strata: labels } : {};
  if (idCells === undefined) {
    throw new TypeError("spec.bootstrap.resample: id needs the spec's id column in the data");
  }

  const { clusters, count } = idClusters(idCells, rows);
  if (stratify === 'none') return { clusters };
  return { clusters, clusterStrata: clusterLabelStrata(clusters, labels, count) };
}

/**
 * Percentile intervals from a bootstrap of the target's rows or of its patients (see
 * `resamplingUnits`). Each replicate re-derives the operating point on the resampled whole
 * sample and computes every group's metrics at it, as the study did; a row drawn twice counts
 * twice, and a cluster replicate has as many rows as its drawn clusters hold.
 */
function bootstrapIntervals(
  sample: TargetSample,
  evaluate: (weights: Float64Array) => { values: Float64Array },
  spec: AuditSpec,
  units: ResamplingUnits,
  progress: (done: number, total: number) => void,
): Intervals | null {
  const { replicates, level, seed } = spec.bootstrap;
  if (replicates === 0) return null;

  const n = sample.scores.length;
  const counts = new Float64Array(n);
  const rankOf = scoreRanks(sample.order);
  let done = 0;
  const run = (indices: Int32Array) => {
    const { values } = evaluate(rankMultiplicities(indices, rankOf, counts));
    done += 1;
    progress(done, replicates);
    return values;
  };

  const result = bootstrapPercentiles(run, { n, replicates, level, seed, ...units });
  return {
    low: result.low,
    high: result.high,
    undefinedCount: result.undefinedCount,
    replicates: result.replicatesRun,
  };
}

/**
 * How many times each row occurs in a resample, indexed by score rank as the evaluator takes
 * weights (`multiplicities` indexed through `rankOf`). The sampler's indices are in range.
 */
function rankMultiplicities(
  indices: Int32Array,
  rankOf: Int32Array,
  out: Float64Array,
): Float64Array {
  out.fill(0);
  for (let k = 0; k < indices.length; k += 1) out[rankOf[indices[k]!]!]! += 1;
  return out;
}

function operatingPoint(
  spec: AuditSpec,
  point: { threshold: number; fpr: number; tpr: number },
): OperatingPoint {
  const op = spec.operatingPoint;
  return {
    policy: op.policy,
    target: op.policy === 'target-fpr' ? op.targetFpr : null,
    threshold: point.threshold,
    achievedFpr: point.fpr,
    achievedTpr: point.tpr,
    convention: op.policy === 'target-fpr' ? op.convention : null,
  };
}

function groupResult(
  sample: TargetSample,
  group: GroupDefinition,
  index: number,
  groups: readonly GroupDefinition[],
  slots: readonly MetricSlot[],
  values: Float64Array,
  intervals: Intervals | null,
  threshold: number,
): GroupResult {
  const counts = groupCounts(sample, index, threshold);
  const reasons = (other: number) => baseReasons(groupCounts(sample, other, threshold));
  const slotOf = baseSlotIndex(slots);
  const valueOf = (other: number, name: BaseMetric) => values[slotOf(other, name)]!;
  const metrics: Record<string, Metric> = {};

  slots.forEach((slot, position) => {
    if (slot.group !== index) return;
    const estimate = values[position]!;
    if (Number.isNaN(estimate)) {
      const reason = undefinedReason(slot, groups, valueOf, reasons);
      metrics[slot.name] = { estimate: null, reason };
      return;
    }
    metrics[slot.name] = intervalMetric(estimate, position, intervals);
  });

  const roc = rocPoints(sample.scores, sample.labels, membership(sample, index), sample.order);
  return {
    attribute: group.attribute,
    value: group.value,
    n: counts.n,
    positives: counts.positives,
    negatives: counts.negatives,
    ...(group.reference ? { reference: true } : {}),
    metrics: metrics as GroupMetrics,
    ...(roc ? { roc } : {}),
  };
}

interface GroupCounts {
  n: number;
  positives: number;
  negatives: number;
  predictedPositives: number;
}

function groupCounts(sample: TargetSample, group: number, threshold: number): GroupCounts {
  const confusion = groupConfusion(sample, group, threshold);
  const positives = confusion.truePositives + confusion.falseNegatives;
  const negatives = confusion.falsePositives + confusion.trueNegatives;
  return {
    n: positives + negatives,
    positives,
    negatives,
    predictedPositives: confusion.truePositives + confusion.falsePositives,
  };
}

/** Why each base metric is undefined for a group with these counts (only read when it is). */
function baseReasons(counts: GroupCounts): Record<BaseMetric, string> {
  const classReason =
    counts.n === 0 ? 'no rows' : counts.positives === 0 ? 'no positives' : 'no negatives';
  return {
    auc: classReason,
    tpr: counts.n === 0 ? 'no rows' : 'no positives',
    fpr: counts.n === 0 ? 'no rows' : 'no negatives',
    youden: classReason,
    ppv: counts.n === 0 ? 'no rows' : 'no predicted positives',
  };
}

function undefinedReason(
  slot: MetricSlot,
  groups: readonly GroupDefinition[],
  valueOf: (group: number, name: BaseMetric) => number,
  reasons: (group: number) => Record<BaseMetric, string>,
): string {
  if (slot.kind === 'base') return reasons(slot.group)[slot.name];

  const reference = groups[slot.reference]!;
  if (Number.isNaN(valueOf(slot.group, slot.of))) {
    return `${slot.of} undefined for this group: ${reasons(slot.group)[slot.of]}`;
  }
  if (Number.isNaN(valueOf(slot.reference, slot.of))) {
    return `${slot.of} undefined for the reference group ${reference.value}: ${reasons(slot.reference)[slot.of]}`;
  }
  return `${slot.of} of the reference group ${reference.value} is 0`;
}
