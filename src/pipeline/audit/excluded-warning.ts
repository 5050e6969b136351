/**
 * `AuditRowsExcluded`: rows left out of a target, with a hint that fits the spec as written
 * (the label values in neither list and where they could go; the score policy).
 */
import { parseCellNumber } from '../../core/audit/cell-number.ts';
import { labelListsText, labelValuesText } from '../../core/audit/label-suggestion.ts';
import type { TargetResult } from '../../core/audit/results.ts';
import type { TargetSpec } from '../../core/audit/spec.ts';
import { specValueText } from '../../core/audit/spec-text.ts';
import type { AuditTable } from '../../core/audit/table.ts';
import { labelClass } from '../../core/audit/target-rows.ts';
import { countValues, describeValueCounts } from '../../core/audit/value-counts.ts';
import { problem } from '../problems/catalogue.ts';
import type { Problem } from '../problems/problem.ts';

/**
 * The warning for a target with excluded rows, or null when none were left out.
 *
 * @param target the target's results
 * @param spec the target's spec
 * @param table the data file
 */
export function excludedWarning(
  target: TargetResult,
  spec: TargetSpec,
  table: AuditTable,
): Problem | null {
  if (target.excluded.length === 0) return null;

  const total = target.excluded.reduce((sum, exclusion) => sum + exclusion.count, 0);
  const detail = target.excluded
    .map((exclusion) => `${exclusion.count} ${exclusion.reason}`)
    .join(', ');
  const hints = [
    ...(target.excluded.some((exclusion) => exclusion.reason.startsWith('label'))
      ? [labelHint(spec, table)]
      : []),
    ...(target.excluded.some((exclusion) => exclusion.reason.startsWith('score'))
      ? [
          'Rows with a missing or non-finite score are left out (`invalidScores: exclude`); set `invalidScores: refuse` to stop on them instead.',
        ]
      : []),
  ];

  return problem('AuditRowsExcluded', {
    message: `Target "${target.name}": ${total} ${total === 1 ? 'row' : 'rows'} left out (${detail}); the results list them.`,
    hint: hints.join(' '),
    file: table.path,
  });
}

/** Where the label values in neither list could go, in the spec's own terms. */
function labelHint(spec: TargetSpec, table: AuditTable): string {
  const labels = table.column(spec.label.column)!;
  const scores = table.column(spec.score)!;
  const unmatched: string[] = [];
  for (let index = 0; index < table.rowCount; index += 1) {
    const cell = labels[index]!;
    if (parseCellNumber(scores[index]!).ok && labelClass(cell, spec.label) < 0)
      unmatched.push(cell);
  }
  const values = countValues(unmatched);
  const negatives = spec.label.negative === 'rest' ? [] : spec.label.negative;
  const widened = `${labelValuesText(negatives).slice(0, -1)}${negatives.length > 0 ? ', ' : ''}${values
    .slice(0, 10)
    .map((entry) => specValueText(entry.value, 'label'))
    .join(', ')}]`;

  return (
    `The labels ${describeValueCounts(values)} are in neither list (${labelListsText(spec.label)}). ` +
    `If they mean uncertain or unknown, leaving them out is right; if they are negatives, write \`negative: ${widened}\`, ` +
    'or `negative: rest` to count every value that is not positive as negative (blank included).'
  );
}
