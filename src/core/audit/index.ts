export { runAudit, type AuditInput, type AuditOptions } from './run-audit.ts';
export { AuditRefusal, type AuditIssue, type AuditIssueCode } from './refusal.ts';
export { tableFromColumns, type AuditTable } from './table.ts';
export { parseCellNumber, cellNumberOrNull, type CellNumber } from './cell-number.ts';
export { cellMatches, cellMatchesText } from './label-value.ts';
export { parseSelector, type Selector } from './projections.ts';
export { type AuditProgress } from './target-audit.ts';
export { MIN_DEFINED_SHARE } from './interval-metric.ts';
export { MAX_ROC_POINTS } from './roc-points.ts';
export { MAX_EXCLUSION_EXAMPLES, labelClass } from './target-rows.ts';
export { MAX_UNGROUPED_VALUES } from './ungrouped-rows.ts';
export { binLabel, binLabels } from './bins.ts';
export { linearQuantile, quantileBins, type QuantileBins } from './quantile-bins.ts';
export {
  groupAttribute,
  isColumnGroup,
  isIntersection,
  INTERSECTION_SEPARATOR,
} from './group-attribute.ts';
export { smallGroup } from './small-groups.ts';
export {
  countValues,
  describeValue,
  describeValueCounts,
  type ValueCount,
} from './value-counts.ts';
export { specListText, specValueText } from './spec-text.ts';
export { labelListsText, labelValuesText } from './label-suggestion.ts';
export type * from './results.ts';
export type * from './spec.ts';
export { defaultFamily, defaultMinGroupSize } from './spec.ts';
