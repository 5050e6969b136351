/**
 * The cell evaluator (one pass per group over weighted cells, the operating point found by
 * binary search on the whole sample's ROC steps) against the statistics module's plain
 * functions on the same weighted rows: random cells with ties, empty groups, rows in no group
 * and cells of weight 0 (rows a resample did not draw), under every operating-point policy.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { createCellEvaluator } from '../../../src/core/audit/cell-evaluator.ts';
import type { GroupDefinition, Grouping } from '../../../src/core/audit/groups.ts';
import { baseSlotIndex, metricLayout } from '../../../src/core/audit/metric-layout.ts';
import { scoreCells } from '../../../src/core/audit/score-cells.ts';
import type { OperatingPointSpec } from '../../../src/core/audit/spec.ts';
import {
  confusionAtThreshold,
  descendingOrder,
  rocAuc,
  thresholdForTargetFpr,
  youdenThreshold,
} from '../../../src/core/stats/index.ts';

/** Two attributes of two groups each (codes 0 and 1; −1 is "in no group"). */
function grouping(codesA: Int32Array, codesB: Int32Array): Grouping {
  const group = (attributeIndex: number, code: number, index: number): GroupDefinition => ({
    attribute: attributeIndex === 0 ? 'a' : 'b',
    value: String(code),
    reference: code === 0,
    attributeIndex,
    code,
    referenceIndex: index - code,
  });
  return {
    groups: [
      {
        attribute: 'all',
        value: 'all',
        reference: false,
        attributeIndex: -1,
        code: 0,
        referenceIndex: -1,
      },
      group(0, 0, 1),
      group(0, 1, 2),
      group(1, 0, 3),
      group(1, 1, 4),
    ],
    codes: [codesA, codesB],
  };
}

const row = fc.record({
  score: fc.integer({ min: 0, max: 12 }),
  label: fc.integer({ min: 0, max: 1 }),
  a: fc.integer({ min: -1, max: 1 }),
  b: fc.integer({ min: -1, max: 1 }),
});

const policies: OperatingPointSpec[] = [
  { policy: 'target-fpr', targetFpr: 0.2, convention: 'full-curve' },
  { policy: 'target-fpr', targetFpr: 0.5, convention: 'full-curve' },
  // Targets whose product with a count misses a half count by a rounding (0.07 × 50).
  { policy: 'target-fpr', targetFpr: 0.07, convention: 'full-curve' },
  { policy: 'target-fpr', targetFpr: 0.3, convention: 'full-curve' },
  { policy: 'target-fpr', targetFpr: 0, convention: 'full-curve' },
  { policy: 'target-fpr', targetFpr: 1, convention: 'full-curve' },
  { policy: 'target-fpr', targetFpr: 0.2, convention: 'reference' },
  { policy: 'youden' },
  { policy: 'threshold', threshold: 0.5 },
];

describe('createCellEvaluator against the statistics functions on weighted rows', () => {
  it('gives the same operating point and, per group, the same AUC, TPR, FPR and PPV', () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 2, maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 60, maxLength: 60 }),
        fc.constantFrom(...policies),
        // Scores as twelfths, or as distinct values (each row its own score, no ties).
        fc.boolean(),
        // Counts in single or double precision (see cell-counts.ts).
        fc.boolean(),
        (rows, weightOfRow, policy, distinct, single) => {
          const n = rows.length;
          const scores = Float64Array.from(rows, (r, i) => (distinct ? i / n : r.score / 12));
          const labels = Uint8Array.from(rows, (r) => r.label);
          const groups = grouping(
            Int32Array.from(rows, (r) => r.a),
            Int32Array.from(rows, (r) => r.b),
          );
          const tableRows = Int32Array.from(rows, (_, i) => i);
          const cells = scoreCells(scores, labels, descendingOrder(scores), tableRows, groups);
          // Each row's weight goes to its cell (rows sharing a cell add up).
          const counts = single ? new Float32Array(cells.count) : new Float64Array(cells.count);
          rows.forEach((_, i) => (counts[cells.rowCell[i]!]! += weightOfRow[i]!));

          const slots = metricLayout(groups.groups);
          const evaluate = createCellEvaluator(cells, groups.groups.length, slots, policy, null);
          const { values, point } = evaluate(counts);
          const slot = baseSlotIndex(slots);

          const weights = Float64Array.from(rows, (_, i) => weightOfRow[i]!);
          const positives = weights.reduce((sum, w, i) => sum + w * labels[i]!, 0);
          const negatives = weights.reduce((sum, w) => sum + w, 0) - positives;
          if (positives === 0 || negatives === 0) {
            expect(point).toBeNull();
            return;
          }
          const expected =
            policy.policy === 'target-fpr'
              ? thresholdForTargetFpr(scores, labels, policy.targetFpr, policy.convention, weights)
              : policy.policy === 'youden'
                ? youdenThreshold(scores, labels, weights)
                : { threshold: policy.threshold };
          expect(point?.threshold).toBe(expected.threshold);

          groups.groups.forEach((_, group) => {
            const inGroup = (i: number) =>
              group === 0 || (group <= 2 ? rows[i]!.a === group - 1 : rows[i]!.b === group - 3);
            const w = weights.map((weight, i) => (inGroup(i) ? weight : 0));
            const confusion = confusionAtThreshold(scores, labels, point!.threshold, w);
            const p = confusion.truePositives + confusion.falseNegatives;
            const q = confusion.falsePositives + confusion.trueNegatives;
            const predicted = confusion.truePositives + confusion.falsePositives;
            const orNaN = (value: number | null) => value ?? NaN;
            expect(values[slot(group, 'auc')]).toBe(orNaN(rocAuc(scores, labels, w)));
            expect(values[slot(group, 'tpr')]).toBe(p > 0 ? confusion.truePositives / p : NaN);
            expect(values[slot(group, 'fpr')]).toBe(q > 0 ? confusion.falsePositives / q : NaN);
            expect(values[slot(group, 'ppv')]).toBe(
              predicted > 0 ? confusion.truePositives / predicted : NaN,
            );
          });
        },
      ),
      { seed: 20261204, numRuns: 600 },
    );
  });
});
