/**
 * Which metrics an audit reports for which group, as slots of one Float64Array.
 *
 * The point estimate and every bootstrap replicate fill the same layout, so an interval always
 * belongs to the statistic it is printed beside, and the interval of a disparity comes from the
 * disparity computed inside each replicate (paired), not from the groups' separate intervals.
 *
 * Every group gets the base metrics. Every subgroup (not the whole sample) gets, for each base
 * metric, its disparity against the whole sample: `<metric>DifferenceFromAll` = group − whole
 * sample and `<metric>RatioToAll` = group / whole sample. A subgroup of an attribute with a
 * reference group (other than the reference itself) also gets its disparity against the
 * reference: `<metric>Difference` = group − reference and `<metric>Ratio` = group / reference.
 * Youden's index has no ratio: it can be zero or negative, which makes a ratio meaningless.
 */
import type { GroupDefinition } from './groups.ts';

/** The statistics computed for every group, in slot order. */
export const BASE_METRICS = [
  'auc',
  'tpr',
  'fpr',
  'tnr',
  'fnr',
  'ppv',
  'npv',
  'prevalence',
  'youden',
  'brier',
  'ece',
] as const;
export type BaseMetric = (typeof BASE_METRICS)[number];

/** How a metric is named to readers: in the results' reasons and in the card's summary. */
export const METRIC_NAMES: Readonly<Record<BaseMetric, string>> = {
  auc: 'AUC',
  tpr: 'TPR',
  fpr: 'FPR',
  tnr: 'TNR',
  fnr: 'FNR',
  ppv: 'PPV',
  npv: 'NPV',
  prevalence: 'prevalence',
  youden: "Youden's J",
  brier: 'Brier score',
  ece: 'ECE',
};

const RATIO_METRICS: readonly BaseMetric[] = BASE_METRICS.filter((name) => name !== 'youden');

/** What a disparity is measured against: the attribute's reference group or the whole sample. */
export type Comparison = 'reference' | 'all';

export type MetricSlot =
  | { group: number; name: BaseMetric; kind: 'base' }
  | {
      group: number;
      name: string;
      kind: 'difference' | 'ratio';
      of: BaseMetric;
      /** The group compared with (0, the whole sample, when `against` is `all`). */
      reference: number;
      against: Comparison;
    };

/** The result key of a disparity slot, e.g. `tprDifference` or `aucRatioToAll`. */
export function disparityName(of: BaseMetric, kind: 'difference' | 'ratio', against: Comparison) {
  if (against === 'reference') return kind === 'difference' ? `${of}Difference` : `${of}Ratio`;
  return kind === 'difference' ? `${of}DifferenceFromAll` : `${of}RatioToAll`;
}

/** The slots of every group's metrics, group by group: base metrics, then disparities. */
export function metricLayout(groups: readonly GroupDefinition[]): MetricSlot[] {
  const slots: MetricSlot[] = [];
  groups.forEach((group, index) => {
    for (const name of BASE_METRICS) slots.push({ group: index, name, kind: 'base' });
    if (index === 0) return;

    if (group.referenceIndex >= 0 && !group.reference) {
      pushDisparities(slots, index, group.referenceIndex, 'reference');
    }
    pushDisparities(slots, index, 0, 'all');
  });
  return slots;
}

function pushDisparities(
  slots: MetricSlot[],
  group: number,
  reference: number,
  against: Comparison,
): void {
  for (const of of BASE_METRICS) {
    const name = disparityName(of, 'difference', against);
    slots.push({ group, name, kind: 'difference', of, reference, against });
  }
  for (const of of RATIO_METRICS) {
    const name = disparityName(of, 'ratio', against);
    slots.push({ group, name, kind: 'ratio', of, reference, against });
  }
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
