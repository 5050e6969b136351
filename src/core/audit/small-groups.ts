/**
 * Small groups: those with fewer rows, positives or negatives than the spec's `minGroupSize`.
 * They stay in the results with every number, flagged, so that a reader (and the findings)
 * knows their estimates and disparities are too unstable to read on their own.
 */
import type { SmallGroup } from './results.ts';
import { defaultMinGroupSize, type MinGroupSize } from './spec.ts';

/**
 * The small-group flag of a group with these counts, or null when it meets every minimum.
 *
 * @param counts the group's rows, positives and negatives for one target
 * @param minimum the spec's `minGroupSize` (default {@link defaultMinGroupSize}); a minimum of 0
 *   never flags
 * @returns `{ minimum, reason }`, the reason naming each count that falls short, such as
 *   `12 rows, fewer than 30; 0 positives, fewer than 10`
 */
export function smallGroup(
  counts: { n: number; positives: number; negatives: number },
  minimum: MinGroupSize = defaultMinGroupSize,
): SmallGroup | null {
  const short = [
    { count: counts.n, least: minimum.n, one: 'row', many: 'rows' },
    { count: counts.positives, least: minimum.positives, one: 'positive', many: 'positives' },
    { count: counts.negatives, least: minimum.negatives, one: 'negative', many: 'negatives' },
  ].filter(({ count, least }) => count < least);
  if (short.length === 0) return null;

  const reason = short
    .map(
      ({ count, least, one, many }) => `${count} ${count === 1 ? one : many}, fewer than ${least}`,
    )
    .join('; ');
  return { minimum: { ...minimum }, reason };
}
