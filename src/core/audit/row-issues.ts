/**
 * Why a target's rows cannot give trustworthy results: scores refused under
 * `invalidScores: refuse`, no usable row, or a single class. Each issue names the values the
 * file really holds and the spec's lists, so that the fix can be written from the message.
 */
import { parseCellNumber } from './cell-number.ts';
import { labelListsText, suggestLabels } from './label-suggestion.ts';
import type { AuditIssue } from './refusal.ts';
import type { AuditSpec, TargetSpec } from './spec.ts';
import type { AuditTable } from './table.ts';
import { requireColumn, type TargetRows } from './target-rows.ts';
import { countValues, describeValueCounts, type ValueCount } from './value-counts.ts';

/**
 * The issues that refuse a target, or none.
 *
 * @param table the data file
 * @param target the target's spec
 * @param rows the target's rows as {@link selectTargetRows} chose them
 * @param spec the whole spec (for `invalidScores`)
 */
export function rowIssues(
  table: AuditTable,
  target: TargetSpec,
  rows: TargetRows,
  spec: AuditSpec,
): AuditIssue[] {
  const place = { file: table.path, columnName: target.label.column };
  if (rows.invalidScores > 0 && spec.invalidScores === 'refuse') {
    return [invalidScoresIssue(table, target, rows, spec.id)];
  }
  if (table.rowCount === 0) {
    return [
      {
        code: 'AuditNoRows',
        ...place,
        message: `Target "${target.name}": the file has a header but no data rows.`,
        hint: 'Add the predictions, one row per image, below the header.',
      },
    ];
  }
  if (rows.invalidScores === table.rowCount) {
    return [
      {
        code: 'AuditNoRows',
        ...place,
        columnName: target.score,
        message: `Target "${target.name}": no row has a usable score (${scoreReasons(rows)}).`,
        hint: `Check that "${target.score}" is the score column; scores must be plain decimal numbers such as 0.73.`,
      },
    ];
  }

  const found = labelsWithScores(table, target);
  const lists = labelListsText(target.label);
  const holds = `the label column holds ${describeValueCounts(found)} in the rows with a usable score`;
  const suggested = suggestLabels(found, target.label);
  const compare = 'numbers compare as numbers, text exactly, case and spaces included';
  const fix = (missing: string) =>
    suggested === null
      ? `Set the ${missing} values in the label to values the column holds (${compare}).`
      : `If that is what the values mean, write \`${suggested}\` in the label of target "${target.name}" (${compare}).`;

  let positives = 0;
  for (const label of rows.labels) positives += label;
  const negatives = rows.labels.length - positives;
  if (rows.labels.length === 0) {
    return [
      {
        code: 'AuditNoRows',
        ...place,
        message: `Target "${target.name}": no row has a label in the positive or negative list (${lists}); ${holds}.`,
        hint: fix('positive and negative'),
      },
    ];
  }
  if (positives === 0 || negatives === 0) {
    const missing = positives === 0 ? 'positive' : 'negative';
    return [
      {
        code: 'AuditSingleClass',
        ...place,
        message: `Target "${target.name}": no ${missing} rows (${lists}), so no ROC curve or operating point exists; ${holds}.`,
        hint: fix(missing),
      },
    ];
  }
  return [];
}

function invalidScoresIssue(
  table: AuditTable,
  target: TargetSpec,
  rows: TargetRows,
  id: string | undefined,
): AuditIssue {
  // Examples are ids when the spec names an id column, else data row numbers.
  const named = id ?? 'rows';
  const reasons = rows.excluded
    .filter((exclusion) => exclusion.reason.startsWith('score'))
    .map(
      (exclusion) => `${exclusion.reason}: ${named} ${exclusion.examples.slice(0, 5).join(', ')}`,
    );
  const count = rows.invalidScores;
  return {
    code: 'AuditInvalidScores',
    file: table.path,
    columnName: target.score,
    // Located at the first such row (the pipeline adds its line in the file).
    ...(rows.firstInvalidScore < 0 ? {} : { row: table.rowNumber(rows.firstInvalidScore) }),
    message:
      `Target "${target.name}": ${count} ${count === 1 ? 'row has' : 'rows have'} a score in ` +
      `column "${target.score}" that is missing or not a finite number (${reasons.join('; ')}).`,
    hint: 'Fix the scores, or set `invalidScores: exclude` to leave those rows out and report them.',
  };
}

/** `score missing ×3, score not a number ×7`. */
function scoreReasons(rows: TargetRows): string {
  return rows.excluded
    .filter((exclusion) => exclusion.reason.startsWith('score'))
    .map((exclusion) => `${exclusion.reason} ×${exclusion.count}`)
    .join(', ');
}

/** The label values of the rows whose score is usable (labelled or not), most frequent first. */
function labelsWithScores(table: AuditTable, target: TargetSpec): ValueCount[] {
  const labels = requireColumn(table, target.label.column);
  const scores = requireColumn(table, target.score);
  const usable: string[] = [];
  for (let index = 0; index < table.rowCount; index += 1) {
    if (parseCellNumber(scores[index]!).ok) usable.push(labels[index]!);
  }
  return countValues(usable);
}
