/**
 * A defined point estimate with its bootstrap percentile interval, or the reason it has none.
 */
import type { DefinedMetric } from './results.ts';

/**
 * An interval is reported only when the metric was defined in at least this share of the
 * replicates. Below it, the defined replicates are a biased subset (for example only those that
 * happened to draw a positive into a small group) and their percentiles would mislead.
 */
export const MIN_DEFINED_SHARE = 0.5;

/** The bootstrap's percentiles of every statistic of a layout. */
export interface Intervals {
  low: Float64Array;
  high: Float64Array;
  undefinedCount: Int32Array;
  replicates: number;
}

/**
 * The metric for a defined estimate at `position` of the layout.
 *
 * - No bootstrap: `low`/`high` null, `intervalReason: 'bootstrap off'`.
 * - Defined in fewer than {@link MIN_DEFINED_SHARE} of the replicates (or in none): `low`/`high`
 *   null, `intervalReason: 'undefined in U of R replicates'`.
 * - Otherwise the percentile interval; `undefinedReplicates` is always given after a bootstrap.
 */
export function intervalMetric(
  estimate: number,
  position: number,
  intervals: Intervals | null,
): DefinedMetric {
  if (intervals === null) {
    return { estimate, low: null, high: null, intervalReason: 'bootstrap off' };
  }

  const undefinedReplicates = intervals.undefinedCount[position]!;
  const defined = intervals.replicates - undefinedReplicates;
  const low = intervals.low[position]!;
  const high = intervals.high[position]!;
  if (
    defined < MIN_DEFINED_SHARE * intervals.replicates ||
    Number.isNaN(low) ||
    Number.isNaN(high)
  ) {
    return {
      estimate,
      low: null,
      high: null,
      undefinedReplicates,
      intervalReason: `undefined in ${undefinedReplicates} of ${intervals.replicates} replicates`,
    };
  }
  return { estimate, low, high, undefinedReplicates };
}
