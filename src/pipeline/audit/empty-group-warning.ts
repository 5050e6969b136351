/**
 * `AuditEmptyGroup`: a group the spec configures that holds no row of some target, with the
 * values (or, for bins, the range of numbers) the column really holds, so that the fix is one
 * step.
 */
import { parseCellNumber } from '../../core/audit/cell-number.ts';
import { cellMatchesText } from '../../core/audit/label-value.ts';
import type { GroupResult, TargetResult } from '../../core/audit/results.ts';
import type { BinnedGroupSpec, GroupSpec } from '../../core/audit/spec.ts';
import type { AuditTable } from '../../core/audit/table.ts';
import { countValues, describeValue, describeValueCounts } from '../../core/audit/value-counts.ts';
import { problem } from '../problems/catalogue.ts';
import type { Problem } from '../problems/problem.ts';
import { closestValue } from './closest-value.ts';

/**
 * One warning per configured group that is empty in at least one target, in the order of the
 * first target's groups.
 *
 * @param targets every target's results
 * @param specs the spec's groups
 * @param table the data file
 */
export function emptyGroupWarnings(
  targets: readonly TargetResult[],
  specs: readonly GroupSpec[],
  table: AuditTable,
): Problem[] {
  const empty = new Map<string, { group: GroupResult; targets: string[] }>();
  for (const target of targets) {
    for (const group of target.groups) {
      if (group.n > 0 || group.attribute === 'all') continue;
      const key = JSON.stringify([group.attribute, group.value]);
      const entry = empty.get(key) ?? { group, targets: [] };
      entry.targets.push(target.name);
      empty.set(key, entry);
    }
  }

  return [...empty.values()].flatMap(({ group, targets: names }) => {
    const spec = specs.find((candidate) => candidate.column === group.attribute);
    if (spec === undefined) return [];
    const cells = table.column(spec.column)!;
    const which =
      targets.length > 1 && names.length === targets.length
        ? 'of any target'
        : `of ${names.length === 1 ? 'target' : 'targets'} ${names.map((name) => `"${name}"`).join(', ')}`;
    const where =
      'bins' in spec
        ? `the bin ${group.attribute} ${group.value}`
        : `the group ${group.attribute}=${describeValue(group.value)}`;
    return [
      problem('AuditEmptyGroup', {
        message: `No rows ${which} are in ${where}; its metrics are undefined.`,
        hint: 'bins' in spec ? binHint(spec, group, cells) : valueHint(group, cells),
        file: table.path,
        columnName: group.attribute,
      }),
    ];
  });
}

function valueHint(group: GroupResult, cells: readonly string[]): string {
  const counts = countValues(cells);
  const holds = `The column holds ${describeValueCounts(counts)}.`;
  const present = cells.filter((cell) => cellMatchesText(cell, group.value)).length;
  if (present > 0) {
    return `The column holds ${describeValue(group.value)} in ${rowsText(present)}, but the target left ${present === 1 ? 'it' : 'each'} out (see its excluded rows).`;
  }

  const near = closestValue(
    group.value,
    counts.map((entry) => entry.value),
  );
  if (near === null) return `${holds} List values from these in \`values:\`.`;
  return `Did you mean ${describeValue(near)}? Values compare exactly, case and spaces included. ${holds}`;
}

function binHint(spec: BinnedGroupSpec, group: GroupResult, cells: readonly string[]): string {
  const bin = spec.bins
    .slice(0, -1)
    .findIndex((low, index) => `${low}–${spec.bins[index + 1]}` === group.value);
  let min = Infinity;
  let max = -Infinity;
  let inBin = 0;
  const text: string[] = [];
  for (const cell of cells) {
    const number = parseCellNumber(cell);
    if (!number.ok) {
      text.push(cell);
      continue;
    }
    min = Math.min(min, number.value);
    max = Math.max(max, number.value);
    const low = spec.bins[bin]!;
    const high = spec.bins[bin + 1]!;
    const last = bin === spec.bins.length - 2;
    if (number.value >= low && (number.value < high || (last && number.value === high))) inBin += 1;
  }

  if (inBin > 0) {
    return `The column has values in ${group.value} in ${rowsText(inBin)}, but the target left ${inBin === 1 ? 'it' : 'each'} out (see its excluded rows).`;
  }
  const other = text.length > 0 ? describeValueCounts(countValues(text), 5) : '';
  if (min > max) return `The column holds no numbers, only ${other}; bins need plain numbers.`;
  const besides = other === '' ? '' : ` (besides ${other})`;
  return `The column's numbers run from ${min} to ${max}${besides}; choose bin edges within that range. Each bin includes its lower edge, and only the last bin also its top edge.`;
}

function rowsText(count: number): string {
  return `${count} ${count === 1 ? 'row' : 'rows'}`;
}
