/**
 * `AuditRowsUngrouped`: rows in no group of an attribute (a value `values:` lacks, a text or a
 * number outside the bins, a blank), one warning per attribute with the fix for each reason.
 */
import type { TargetResult, UngroupedRows } from '../../core/audit/results.ts';
import type { ColumnGroupSpec } from '../../core/audit/spec.ts';
import { specListText } from '../../core/audit/spec-text.ts';
import { describeValue, describeValueCounts } from '../../core/audit/value-counts.ts';
import { problem } from '../problems/catalogue.ts';
import type { Problem } from '../problems/problem.ts';
import { sameValueLoosely } from './closest-value.ts';

/**
 * The warning for one attribute, or null when every row of every target is in one of its groups.
 * Counts are given per target; the reasons and values are those of the target with the most
 * such rows.
 *
 * @param targets every target's results
 * @param spec the attribute's spec
 * @param file the data file, as problems name it
 */
export function ungroupedWarning(
  targets: readonly TargetResult[],
  spec: ColumnGroupSpec,
  file: string,
): Problem | null {
  const perTarget = targets
    .map((target) => {
      const entries = target.ungrouped.filter((entry) => entry.attribute === spec.column);
      const count = entries.reduce((sum, entry) => sum + entry.count, 0);
      return { target, entries, count, n: target.groups[0]?.n ?? 0 };
    })
    .filter((entry) => entry.count > 0);
  if (perTarget.length === 0) return null;

  const counts = perTarget
    .map(({ target, count, n }, index) => {
      const rows = index === 0 ? `${count} of ${n} rows` : `${count} of ${n}`;
      return `${rows} of target "${target.name}" (${percent(count, n)})`;
    })
    .join(' and ');
  const largest = perTarget.reduce((a, b) => (b.count > a.count ? b : a));
  const reasons = largest.entries.map((entry) => reasonText(entry, spec)).join('; ');

  return problem('AuditRowsUngrouped', {
    message: `${spec.column}: ${counts} are in no group (${reasons}); they count in the whole sample only.`,
    hint: largest.entries.map((entry) => reasonHint(entry, spec, perTarget)).join(' '),
    file,
    columnName: spec.column,
  });
}

function percent(count: number, n: number): string {
  if (n === 0) return '0%';
  const share = (100 * count) / n;
  return `${share < 10 ? share.toFixed(1) : Math.round(share)}%`;
}

function reasonText(entry: UngroupedRows, spec: ColumnGroupSpec): string {
  const values = describeValueCounts(entry.values, 10, entry.distinctValues);
  switch (entry.reason) {
    case 'value not listed':
      return `value not listed: ${values}`;
    case 'not a number':
      return `not a number: ${values}`;
    case 'outside the bins': {
      const edges = 'bins' in spec ? spec.bins : [];
      const span = `[${edges[0]}, ${edges.at(-1)}]`;
      return `outside the bins ${span}: ${rowsText(entry.count)}, ${rangeText(entry.range!)}`;
    }
    case 'blank':
      return `blank: ${rowsText(entry.count)}`;
  }
}

function rowsText(count: number): string {
  return `${count} ${count === 1 ? 'row' : 'rows'}`;
}

function rangeText(range: { min: number; max: number }): string {
  return range.min === range.max ? `all ${range.min}` : `from ${range.min} to ${range.max}`;
}

function reasonHint(
  entry: UngroupedRows,
  spec: ColumnGroupSpec,
  perTarget: readonly { entries: UngroupedRows[] }[],
): string {
  switch (entry.reason) {
    case 'value not listed':
      return notListedHint(entry, 'values' in spec ? (spec.values ?? []) : []);
    case 'not a number':
      return 'Bins need plain numbers such as 42: recode those values in the data (a blank cell counts as missing).';
    case 'outside the bins':
      return outsideHint(spec, perTarget);
    case 'blank':
      return 'Blank cells are missing values: fill them in where they are known.';
  }
}

function notListedHint(entry: UngroupedRows, listed: readonly string[]): string {
  const values = entry.values.slice(0, 10).map(({ value }) => value);
  const loose = values.filter((value) => listed.some((wanted) => sameValueLoosely(value, wanted)));
  const other = values.filter((value) => !loose.includes(value));
  const hints: string[] = [];
  if (other.length > 0) {
    hints.push(
      `To report them as groups, list them: \`values: ${specListText([...listed, ...other], 'group')}\`.`,
    );
  }
  if (loose.length > 0) {
    const names = loose.map(describeValue).join(', ');
    hints.push(
      `${names} ${loose.length === 1 ? 'differs' : 'differ'} from a listed value only in case or spaces (values compare exactly): write ${loose.length === 1 ? 'it' : 'them'} in \`values\` as the data has ${loose.length === 1 ? 'it' : 'them'}, or recode the data.`,
    );
  }
  return hints.join(' ');
}

function outsideHint(
  spec: ColumnGroupSpec,
  perTarget: readonly { entries: UngroupedRows[] }[],
): string {
  if (!('bins' in spec)) return '';
  let min = Infinity;
  let max = -Infinity;
  for (const { entries } of perTarget) {
    for (const entry of entries) {
      if (!entry.range) continue;
      min = Math.min(min, entry.range.min);
      max = Math.max(max, entry.range.max);
    }
  }
  const edges = spec.bins;
  const wider = [
    ...(min < edges[0]! ? [Math.floor(min)] : []),
    ...edges,
    ...(max > edges.at(-1)! ? [Math.ceil(max)] : []),
  ];
  const cover = min === max ? String(min) : `${min} to ${max}`;
  return `To report them, widen the bins to cover ${cover}, for example \`bins: [${wider.join(', ')}]\`; each bin includes its lower edge, and only the last bin also its top edge.`;
}
