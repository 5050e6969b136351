/**
 * The audit of one target: rows, operating point, every group's metrics with bootstrap
 * intervals, and disparities against each attribute's reference group and the whole sample.
 */
import { descendingOrder } from '../stats/index.ts';
import { createCellCounts } from './cell-counts.ts';
import { createCellEvaluator } from './cell-evaluator.ts';
import { clusterPlan, rowPlan, type ResamplingPlan } from './cell-resampler.ts';
import type { GroupDefinition, Grouping } from './groups.ts';
import { clusterLabelStrata, idClusters } from './id-clusters.ts';
import { intervalMetric, type Intervals } from './interval-metric.ts';
import {
  baseSlotIndex,
  METRIC_NAMES,
  metricLayout,
  type BaseMetric,
  type MetricSlot,
} from './metric-layout.ts';
import type { AuditIssue } from './refusal.ts';
import { replicateIntervals, runReplicatesHere, type ReplicateRunner } from './replicates.ts';
import type {
  Calibration,
  GroupMetrics,
  GroupResult,
  Metric,
  OperatingPoint,
  TargetResult,
} from './results.ts';
import { rocPoints } from './roc-points.ts';
import { rowIssues } from './row-issues.ts';
import { scoreCells, type ScoreCells } from './score-cells.ts';
import type { AuditSpec, TargetSpec } from './spec.ts';
import type { AuditTable } from './table.ts';
import { selectTargetRows } from './target-rows.ts';
import { ungroupedRows } from './ungrouped-rows.ts';

/** The number of equal-width bins of the expected calibration error. */
export const CALIBRATION_BINS = 10;

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
 * @param runReplicates computes the bootstrap's replicates (default: in this thread)
 */
export function auditTarget(
  table: AuditTable,
  target: TargetSpec,
  grouping: Grouping,
  spec: AuditSpec,
  onProgress?: (progress: AuditProgress) => void,
  runReplicates: ReplicateRunner = runReplicatesHere,
): TargetAudit {
  const rows = selectTargetRows(table, target, spec.id);
  const issues = rowIssues(table, target, rows, spec);
  if (issues.length > 0) return { result: null, issues, excludedRows: rows.excludedRows };

  const order = descendingOrder(rows.scores);
  const cells = scoreCells(rows.scores, rows.labels, order, rows.rows, grouping);
  const slots = metricLayout(grouping.groups);
  const calibration = calibrationOf(rows.scores);
  const bins = calibration.bins;
  const evaluate = createCellEvaluator(
    cells,
    grouping.groups.length,
    slots,
    spec.operatingPoint,
    bins,
  );
  // The same kind of counts as the replicates' (one kind of array keeps V8's code monomorphic).
  const sizes = createCellCounts(cells.count, rows.scores.length);
  sizes.set(cells.size);
  const estimate = evaluate(sizes);
  const point = estimate.point!;

  if (!Number.isFinite(point.threshold)) {
    const issue = infiniteThresholdIssue(table, target, spec, point);
    return { result: null, issues: [issue], excludedRows: rows.excludedRows };
  }

  const intervals = bootstrapIntervals(
    cells,
    grouping.groups.length,
    slots,
    spec,
    bins,
    resamplingPlan(table, spec, rows.rows, rows.labels, cells),
    runReplicates,
    (done, total) => onProgress?.({ target: target.name, done, total }),
  );
  const counts = groupCounts(cells, grouping.groups.length, point.threshold);
  const groupRows = groupSampleRows(order, rows.rows, grouping);
  const groups = grouping.groups.map((group, index) => {
    const context = { groups: grouping.groups, slots, counts, calibration };
    const result = groupResult(group, index, context, estimate.values, intervals);
    const roc = rocPoints(
      rows.scores,
      rows.labels,
      membership(rows.scores.length, groupRows[index]!),
      order,
    );
    return roc ? { ...result, roc } : result;
  });

  const result: TargetResult = {
    name: target.name,
    labelColumn: target.label.column,
    scoreColumn: target.score,
    operatingPoint: operatingPoint(spec, point),
    calibration,
    excluded: rows.excluded,
    ungrouped: ungroupedRows(table, spec.groups, grouping, rows.rows, spec.id),
    groups,
  };
  return { result, issues: [], excludedRows: rows.excludedRows };
}

/**
 * Brier score and ECE are computed when every score of the target is a probability (in
 * [0, 1]); logits or other scales would make them meaningless.
 */
function calibrationOf(scores: Float64Array): Calibration {
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < scores.length; i += 1) {
    low = Math.min(low, scores[i]!);
    high = Math.max(high, scores[i]!);
  }
  if (low >= 0 && high <= 1) return { bins: CALIBRATION_BINS, binning: 'uniform' };
  return {
    bins: null,
    reason: `scores are not probabilities (they range from ${low} to ${high}, outside [0, 1])`,
  };
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

/** Per group of the layout (the whole sample first), its sample rows by decreasing score. */
function groupSampleRows(
  order: Int32Array,
  tableRows: Int32Array,
  grouping: Grouping,
): Int32Array[] {
  return grouping.groups.map((group) => {
    if (group.attributeIndex < 0) return order;
    const codes = grouping.codes[group.attributeIndex]!;
    return order.filter((row) => codes[tableRows[row]!] === group.code);
  });
}

/** 1 for the given rows, 0 for the others. */
function membership(n: number, rows: Int32Array): Float64Array {
  const weights = new Float64Array(n);
  for (const row of rows) weights[row] = 1;
  return weights;
}

/**
 * What one replicate draws: rows (within labels under `stratify: label`), or with
 * `resample: id` whole clusters of the target's rows sharing an id (a blank id is a cluster of
 * its own row; see `idClusters`), within the strata "has a positive row" and "has none".
 */
function resamplingPlan(
  table: AuditTable,
  spec: AuditSpec,
  rows: Int32Array,
  labels: Uint8Array,
  cells: ScoreCells,
): ResamplingPlan {
  const { stratify, resample } = spec.bootstrap;
  if (resample === 'rows') return rowPlan(cells, stratify === 'label' ? labels : undefined);
  const idCells = spec.id === undefined ? undefined : table.column(spec.id);
  if (idCells === undefined) {
    throw new TypeError("spec.bootstrap.resample: id needs the spec's id column in the data");
  }

  const { clusters, count } = idClusters(idCells, rows);
  const strata = stratify === 'none' ? undefined : clusterLabelStrata(clusters, labels, count);
  return clusterPlan(cells, clusters, count, strata);
}

/**
 * Percentile intervals from a bootstrap of the target's rows or of its patients (see
 * `resamplingPlan`). Each replicate re-derives the operating point on the resampled whole
 * sample and computes every group's metrics at it, as the study did; a row drawn twice counts
 * twice, and a cluster replicate has as many rows as its drawn clusters hold.
 */
function bootstrapIntervals(
  cells: ScoreCells,
  groupCount: number,
  slots: MetricSlot[],
  spec: AuditSpec,
  calibrationBins: number | null,
  plan: ResamplingPlan,
  runReplicates: ReplicateRunner,
  progress: (done: number, total: number) => void,
): Intervals | null {
  const { replicates, level, seed } = spec.bootstrap;
  if (replicates === 0) return null;

  const job = {
    cells,
    groupCount,
    slots,
    policy: spec.operatingPoint,
    calibrationBins,
    plan,
    seed,
    replicates,
  };
  let done = 0;
  const values = runReplicates(job, () => progress(++done, replicates));
  return replicateIntervals(values, slots.length, replicates, level);
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

interface GroupContext {
  groups: readonly GroupDefinition[];
  slots: readonly MetricSlot[];
  counts: readonly GroupCounts[];
  calibration: Calibration;
}

function groupResult(
  group: GroupDefinition,
  index: number,
  context: GroupContext,
  values: Float64Array,
  intervals: Intervals | null,
): GroupResult {
  const { groups, slots, counts } = context;
  const reasons = (other: number) => baseReasons(counts[other]!, context.calibration);
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

  const own = counts[index]!;
  return {
    attribute: group.attribute,
    value: group.value,
    n: own.positives + own.negatives,
    positives: own.positives,
    negatives: own.negatives,
    ...(group.reference ? { reference: true } : {}),
    metrics: metrics as GroupMetrics,
  };
}

interface GroupCounts {
  positives: number;
  negatives: number;
  predictedPositives: number;
  predictedNegatives: number;
}

/** Every group's rows by class, and predicted positive or not at the threshold. */
function groupCounts(cells: ScoreCells, groupCount: number, threshold: number): GroupCounts[] {
  const counts = Array.from({ length: groupCount }, () => ({
    positives: 0,
    negatives: 0,
    predictedPositives: 0,
    predictedNegatives: 0,
  }));
  for (let cell = 0; cell < cells.count; cell += 1) {
    const size = cells.size[cell]!;
    const predicted = cells.score[cell]! >= threshold;
    const combo = cells.combo[cell]!;
    for (let j = cells.comboStart[combo]!; j < cells.comboStart[combo + 1]!; j += 1) {
      const group = counts[cells.comboGroups[j]!]!;
      if (cells.label[cell] === 1) group.positives += size;
      else group.negatives += size;
      if (predicted) group.predictedPositives += size;
      else group.predictedNegatives += size;
    }
  }
  return counts;
}

/** Why each base metric is undefined for a group with these counts (only read when it is). */
function baseReasons(counts: GroupCounts, calibration: Calibration): Record<BaseMetric, string> {
  const n = counts.positives + counts.negatives;
  const noRows = 'no rows';
  const noPositives = n === 0 ? noRows : 'no positives';
  const noNegatives = n === 0 ? noRows : 'no negatives';
  const classReason = n === 0 ? noRows : counts.positives === 0 ? 'no positives' : 'no negatives';
  const calibrationReason = calibration.bins === null ? calibration.reason : noRows;
  return {
    auc: classReason,
    tpr: noPositives,
    fnr: noPositives,
    fpr: noNegatives,
    tnr: noNegatives,
    youden: classReason,
    ppv: n === 0 ? noRows : 'no predicted positives',
    npv: n === 0 ? noRows : 'no predicted negatives',
    prevalence: noRows,
    brier: calibrationReason,
    ece: calibrationReason,
  };
}

function undefinedReason(
  slot: MetricSlot,
  groups: readonly GroupDefinition[],
  valueOf: (group: number, name: BaseMetric) => number,
  reasons: (group: number) => Record<BaseMetric, string>,
): string {
  if (slot.kind === 'base') return reasons(slot.group)[slot.name];

  const compared =
    slot.against === 'all'
      ? 'the whole sample'
      : `the reference group ${groups[slot.reference]!.value}`;
  const name = METRIC_NAMES[slot.of];
  if (Number.isNaN(valueOf(slot.group, slot.of))) {
    return `${name} undefined for this group: ${reasons(slot.group)[slot.of]}`;
  }
  if (Number.isNaN(valueOf(slot.reference, slot.of))) {
    return `${name} undefined for ${compared}: ${reasons(slot.reference)[slot.of]}`;
  }
  return `${name} of ${compared} is 0`;
}
