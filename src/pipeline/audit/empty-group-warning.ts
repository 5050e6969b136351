/**
 * `AuditEmptyGroup`: a group the spec configures that holds no row of some target, with the
 * values (or, for bins, the range of numbers) the column really holds, so that the fix is one
 * step.
 */
import { parseCellNumber } from '../../core/audit/cell-number.ts';
import { cellMatchesText } from '../../core/audit/label-value.ts';
import type { GroupResult, TargetResult } from '../../core/audit/results.ts';
import { binLabels } from '../../core/audit/bins.ts';
import { groupAttribute, isIntersection } from '../../core/audit/group-attribute.ts';
import type { BinnedGroupSpec, GroupSpec, QuantileGroupSpec } from '../../core/audit/spec.ts';
import type { AuditTable } from '../../core/audit/table.ts';
import { countValues, describeValue, describeValueCounts } from '../../core/audit/value-counts.ts';
import { problem } from '../problems/catalogue.ts';
import type { Problem } from '../problems/problem.ts';
import { closestValue } from './closest-value.ts';

/**
 * One warning per configured group that is empty in at least one target, in the order of the
 * first target's groups; for an intersection, one warning naming its empty combinations.
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

  const intersections = new Map<string, { names: Set<string>; groups: GroupResult[] }>();
  const warnings = [...empty.values()].flatMap(({ group, targets: names }) => {
    const spec = specs.find((candidate) => groupAttribute(candidate) === group.attribute);
    if (spec === undefined) return [];
    const which =
      targets.length > 1 && names.length === targets.length
        ? 'of any target'
        : `of ${names.length === 1 ? 'target' : 'targets'} ${names.map((name) => `"${name}"`).join(', ')}`;
    if (isIntersection(spec)) {
      const entry = intersections.get(group.attribute) ?? { names: new Set(), groups: [] };
      for (const name of names) entry.names.add(name);
      entry.groups.push(group);
      intersections.set(group.attribute, entry);
      return [];
    }
    const cells = table.column(spec.column)!;
    const where =
      'bins' in spec
        ? `the bin ${group.attribute} ${group.value}`
        : 'quantiles' in spec
          ? `the quantile bin ${group.attribute} ${group.value}`
          : `the group ${group.attribute}=${describeValue(group.value)}`;
    const hint =
      'bins' in spec
        ? binHint(spec, group, cells)
        : 'quantiles' in spec
          ? quantileHint(spec)
          : valueHint(group, cells);
    return [
      problem('AuditEmptyGroup', {
        message: `No rows ${which} are in ${where}; its metrics are undefined.`,
        hint,
        file: table.path,
        columnName: group.attribute,
      }),
    ];
  });

  for (const [attribute, { names, groups }] of intersections) {
    const total = targets[0]?.groups.filter((group) => group.attribute === attribute).length ?? 0;
    warnings.push(
      intersectionWarning(attribute, groups, total, [...names], targets.length, table.path),
    );
  }
  return warnings;
}

/**
 * One warning per intersection with empty combinations, naming them (at most 10): every
 * combination is listed so that a missing one is visible, which may be expected.
 */
function intersectionWarning(
  attribute: string,
  groups: readonly GroupResult[],
  total: number,
  names: readonly string[],
  targetCount: number,
  file: string,
): Problem {
  const which =
    targetCount > 1 && names.length === targetCount
      ? 'any target'
      : `${names.length === 1 ? 'target' : 'targets'} ${names.map((name) => `"${name}"`).join(', ')}`;
  const listed = groups
    .slice(0, 10)
    .map(
      (group) =>
        group.components?.map((part) => describeValue(part.value)).join(' & ') ?? group.value,
    )
    .join(', ');
  const more = groups.length > 10 ? `, and ${groups.length - 10} more` : '';
  return problem('AuditEmptyGroup', {
    message: `${attribute}: ${groups.length} of ${total} combinations hold no rows of ${which} (${listed}${more}); their metrics are undefined.`,
    hint:
      'An intersection lists every combination of its attributes’ groups, so that a missing one ' +
      'is visible. If rows were expected there, check the values of each attribute; otherwise ' +
      'there is nothing to fix.',
    file,
  });
}

function quantileHint(spec: QuantileGroupSpec): string {
  return (
    `Quantile edges are interpolated between the values; with few rows or few distinct values, some ` +
    `of the ${spec.quantiles} bins can hold none. Ask for fewer \`quantiles\`, or give fixed \`bins\`.`
  );
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
  const bin = binLabels(spec.bins).indexOf(group.value);
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
