/**
 * Which metrics an audit reports for which group, as slots of one Float64Array.
 *
 * The point estimate and every bootstrap replicate fill the same layout, so an interval always
 * belongs to the statistic it is printed beside. Every group gets the base metrics; a group of
 * an attribute with a reference group (other than the reference itself) also gets, for each base
 * metric, its difference from the reference (`tprDifference` = group − reference) and, for the
 * rates, their ratio (`tprRatio` = group / reference). Youden's index has no ratio: it can be
 * zero or negative, which makes a ratio meaningless.
 */
import type { GroupDefinition } from './groups.ts';

export const BASE_METRICS = ['auc', 'tpr', 'fpr', 'youden', 'ppv'] as const;
export type BaseMetric = (typeof BASE_METRICS)[number];

const RATIO_METRICS: readonly BaseMetric[] = ['auc', 'tpr', 'fpr', 'ppv'];

export type MetricSlot =
  | { group: number; name: BaseMetric; kind: 'base' }
  | {
      group: number;
      name: string;
      kind: 'difference' | 'ratio';
      of: BaseMetric;
      reference: number;
    };

/** The slots of every group's metrics, group by group, base metrics first. */
export function metricLayout(groups: readonly GroupDefinition[]): MetricSlot[] {
  const slots: MetricSlot[] = [];
  groups.forEach((group, index) => {
    for (const name of BASE_METRICS) slots.push({ group: index, name, kind: 'base' });
    if (group.referenceIndex < 0 || group.reference) return;

    const reference = group.referenceIndex;
    for (const of of BASE_METRICS) {
      slots.push({ group: index, name: `${of}Difference`, kind: 'difference', of, reference });
    }
    for (const of of RATIO_METRICS) {
      slots.push({ group: index, name: `${of}Ratio`, kind: 'ratio', of, reference });
    }
  });
  return slots;
}

/** Position of each (group, base metric) in the layout, for computing disparities. */
export function baseSlotIndex(
  slots: readonly MetricSlot[],
): (group: number, name: BaseMetric) => number {
  const index = new Map<string, number>();
  slots.forEach((slot, position) => {
    if (slot.kind === 'base') index.set(`${slot.group}\u0000${slot.name}`, position);
  });
  return (group, name) => index.get(`${group}\u0000${name}`)!;
}
