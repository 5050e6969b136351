/**
 * The `groups` of an audit spec after the schema: the checks JSON Schema cannot express, each
 * located at the value to fix, and the groups as `GroupSpec`s.
 *
 * - A group is one column (`values`, `bins` or `quantiles`, at most one of them) or an
 *   intersection (`intersect`: two or more of the spec's column groups, nothing else but
 *   `reference`). A column is a group once; an intersection once, whatever its order.
 * - A reference must name a group that will exist: one of `values`; for `bins` a bin label as the
 *   results write it (`'[40, 60)'`); for `quantiles` `Q1` … `Qk`; for an intersection a list with
 *   one such group of each attribute, in order. Without `values` the column's values are only
 *   known from the data, so such a reference is not checked here (the audit adds it as an empty
 *   group when the data lack it, and warns).
 * - A group column is a patient attribute, never a target's score or label column.
 */
import { binLabels } from '../../core/audit/bins.ts';
import { groupAttribute } from '../../core/audit/group-attribute.ts';
import type { ColumnGroupSpec, GroupSpec, TargetSpec } from '../../core/audit/spec.ts';
import { specListText, specValueText } from '../../core/audit/spec-text.ts';
import { childPointer } from '../load/index.ts';
import { closestMatches } from './closest.ts';
import { specMessages, type Wording } from './messages.ts';

/** A group as written, after it passed `schemas/audit-spec.json`. */
export interface WrittenGroup {
  column?: string;
  values?: string[];
  bins?: number[];
  quantiles?: number;
  intersect?: string[];
  reference?: string | string[];
}

/** A problem of a group, at a JSON pointer. */
export interface GroupIssue extends Wording {
  pointer: string;
}

const KINDS = ['values', 'bins', 'quantiles'] as const;

/** The attribute (and value) the results give the whole sample. */
const WHOLE_SAMPLE = 'all';

/**
 * Checks the written groups and returns them as `GroupSpec`s, in order.
 *
 * @param written the spec's `groups`
 * @param targets the spec's targets (a group may not be one of their columns)
 * @param issues receives every problem found
 */
export function completeGroups(
  written: readonly WrittenGroup[],
  targets: readonly TargetSpec[],
  issues: GroupIssue[],
): GroupSpec[] {
  const report = (pointer: string, wording: Wording) => issues.push({ pointer, ...wording });
  // Column → its checked group, or null when it has a problem of its own (already reported).
  const columns = new Map<string, ColumnGroupSpec | null>();

  const groups = written.map((group, index): GroupSpec | null => {
    const pointer = childPointer('/groups', index);
    if (group.intersect !== undefined) return null;
    if (group.column === undefined) {
      report(pointer, specMessages.groupNeedsColumn(pointer));
      return null;
    }
    if (group.column === WHOLE_SAMPLE) {
      // The results name the whole sample attribute "all", value "all": a column of that name
      // holding the value "all" would be taken for it, and its group left out of the report.
      report(
        childPointer(pointer, 'column'),
        specMessages.reservedGroupColumn(childPointer(pointer, 'column')),
      );
      return null;
    }
    const spec = columnGroup({ ...group, column: group.column }, pointer, report);
    if (columns.has(group.column)) {
      const at = childPointer(pointer, 'column');
      report(at, specMessages.repeatedGroupColumn(at, group.column));
    } else {
      columns.set(group.column, spec);
    }
    checkTargetColumn(group.column, targets, childPointer(pointer, 'column'), report);
    return spec;
  });

  // Attribute names (and sorted column lists of intersections) → where they are defined.
  const names = new Map<string, string>();
  written.forEach((group, index) => {
    if (group.column !== undefined && group.intersect === undefined && !names.has(group.column)) {
      names.set(group.column, childPointer(childPointer('/groups', index), 'column'));
    }
  });
  written.forEach((group, index) => {
    const { intersect } = group;
    if (intersect === undefined) return;
    const at = childPointer('/groups', index);
    groups[index] = intersection({ ...group, intersect }, at, columns, names, report);
  });
  return groups.filter((group): group is GroupSpec => group !== null);
}

type Report = (pointer: string, wording: Wording) => void;

function columnGroup(
  group: WrittenGroup & { column: string },
  pointer: string,
  report: Report,
): ColumnGroupSpec | null {
  const kinds = KINDS.filter((kind) => group[kind] !== undefined);
  if (kinds.length > 1) {
    const [first, second] = kinds as [string, string];
    report(
      pointer,
      first === 'values' && second === 'bins'
        ? specMessages.valuesAndBins(pointer)
        : specMessages.groupKinds(pointer, first, second),
    );
    return null;
  }
  if (
    group.bins !== undefined &&
    !checkIncreasing(group.bins, childPointer(pointer, 'bins'), report)
  ) {
    return null;
  }

  const { column, values, bins, quantiles, reference } = group;
  const spec: ColumnGroupSpec =
    bins !== undefined
      ? { column, bins }
      : quantiles !== undefined
        ? { column, quantiles }
        : { column, ...(values === undefined ? {} : { values }) };
  if (reference === undefined) return spec;

  const at = childPointer(pointer, 'reference');
  if (Array.isArray(reference)) {
    const suggestion = specValueText(reference[0] ?? '', 'group');
    report(at, specMessages.referenceListOnColumn(at, suggestion));
    return null;
  }
  const wording = referenceProblem(spec, reference, at);
  if (wording) {
    report(at, wording);
    return null;
  }
  return { ...spec, reference };
}

/** Why `reference` names no group of the column group `spec`, or null when it does (or may). */
function referenceProblem(
  spec: ColumnGroupSpec,
  reference: string,
  pointer: string,
  component?: string,
): Wording | null {
  if ('bins' in spec) {
    const labels = binLabels(spec.bins);
    if (labels.includes(reference)) return null;
    const near = closestMatches(reference, labels, 1);
    if (near.length === 0) near.push(...binWithEdges(reference, spec.bins, labels));
    return specMessages.referenceNotABin(pointer, reference, labels, near, (label) =>
      specValueText(label, 'group'),
    );
  }
  if ('quantiles' in spec) {
    const match = /^Q([1-9]\d*)$/.exec(reference);
    if (match && Number(match[1]) <= spec.quantiles) return null;
    return specMessages.referenceNotAQuantile(pointer, reference, spec.quantiles);
  }
  if (spec.values === undefined || spec.values.includes(reference)) return null;
  const near = closestMatches(reference, spec.values, 1);
  return specMessages.referenceNotAmongValues(pointer, reference, spec.values, near, component);
}

/**
 * The label of the bin whose edges a reference names in another form, such as `18–40` or
 * `18-40` (the labels of earlier versions), or nothing.
 */
function binWithEdges(reference: string, bins: readonly number[], labels: string[]): string[] {
  const number = '(-?\\d+(?:\\.\\d+)?)';
  const match = new RegExp(`^\\[?\\s*${number}\\s*(?:–|,|-|to)\\s*${number}\\s*[)\\]]?$`).exec(
    reference.trim(),
  );
  if (!match) return [];
  const [low, high] = [Number(match[1]), Number(match[2])];
  const index = bins.findIndex((edge, at) => edge === low && bins[at + 1] === high);
  return index < 0 ? [] : [labels[index]!];
}

/** Reports the first edge that does not increase; true when all do. */
function checkIncreasing(bins: number[], pointer: string, report: Report): boolean {
  for (let index = 1; index < bins.length; index += 1) {
    const previous = bins[index - 1]!;
    const value = bins[index]!;
    if (value <= previous) {
      const at = childPointer(pointer, index);
      report(at, specMessages.binsNotIncreasing(at, previous, value));
      return false;
    }
  }
  return true;
}

function intersection(
  group: WrittenGroup & { intersect: string[] },
  pointer: string,
  columns: ReadonlyMap<string, ColumnGroupSpec | null>,
  names: Map<string, string>,
  report: Report,
): GroupSpec | null {
  const extra = (['column', ...KINDS] as const).find((key) => group[key] !== undefined);
  if (extra) {
    const at = childPointer(pointer, extra);
    report(at, specMessages.intersectionKey(at, extra));
    return null;
  }

  const { intersect, reference } = group;
  const at = childPointer(pointer, 'intersect');
  if (intersect.length < 2) {
    report(at, specMessages.intersectTooFew(at, intersect));
    return null;
  }
  const known = [...columns.keys()];
  const parts = intersect.map((name, index) => {
    const part = columns.get(name);
    if (part === undefined) {
      const place = childPointer(at, index);
      report(
        place,
        specMessages.intersectNotAGroup(place, name, known, closestMatches(name, known, 1)),
      );
    }
    return part;
  });
  // An attribute with a problem of its own (null) was reported at its group.
  if (!parts.every((part): part is ColumnGroupSpec => part !== undefined && part !== null)) {
    return null;
  }

  const name = groupAttribute({ intersect });
  const key = [...intersect].sort().join('\u0000');
  const first = names.get(key) ?? names.get(name);
  if (first !== undefined) {
    report(at, specMessages.repeatedIntersection(at, name, first));
    return null;
  }
  names.set(key, at);
  names.set(name, at);

  if (reference === undefined) return { intersect };
  const checked = intersectionReference(
    reference,
    parts,
    childPointer(pointer, 'reference'),
    report,
  );
  return checked ? { intersect, reference: checked } : null;
}

/** The reference of an intersection, checked group by group; null after reporting a problem. */
function intersectionReference(
  reference: string | string[],
  parts: readonly ColumnGroupSpec[],
  pointer: string,
  report: Report,
): string[] | null {
  const columns = parts.map((part) => part.column);
  if (!Array.isArray(reference)) {
    const written = reference.split('&').map((piece) => piece.trim());
    const pieces = inPartOrder(written, parts) ?? parts.map((part) => exampleGroup(part));
    const example = specListText(pieces, 'group');
    report(pointer, specMessages.intersectionReferenceNotList(pointer, reference, example));
    return null;
  }
  if (reference.length !== parts.length) {
    report(pointer, specMessages.intersectionReferenceLength(pointer, reference.length, columns));
    return null;
  }

  let valid = true;
  reference.forEach((value, index) => {
    const at = childPointer(pointer, index);
    const wording = referenceProblem(parts[index]!, value, at, columns[index]);
    if (wording) {
      report(at, wording);
      valid = false;
    }
  });
  return valid ? reference : null;
}

/**
 * The pieces of a reference written as text, put in the order of the parts when each listed
 * value names its part (`White & Male` for [sex, race] gives [Male, White]); null when the
 * count differs.
 */
function inPartOrder(pieces: string[], parts: readonly ColumnGroupSpec[]): string[] | null {
  if (pieces.length !== parts.length) return null;
  const left = [...pieces];
  const chosen = parts.map((part) => {
    const values = 'values' in part ? part.values : undefined;
    const index = values ? left.findIndex((piece) => values.includes(piece)) : -1;
    return index < 0 ? undefined : left.splice(index, 1)[0];
  });
  return chosen.map((piece) => piece ?? left.shift()!);
}

/** A group of a column group for an example: its first value, bin or quantile bin. */
function exampleGroup(spec: ColumnGroupSpec): string {
  if ('bins' in spec) return binLabels(spec.bins)[0] ?? '';
  if ('quantiles' in spec) return 'Q1';
  return spec.values?.[0] ?? spec.column;
}

/**
 * A group is a patient attribute: grouping by a target's score or label column would compare
 * the model's output or the truth with itself.
 */
function checkTargetColumn(
  column: string,
  targets: readonly TargetSpec[],
  pointer: string,
  report: Report,
): void {
  const target =
    targets.find((one) => one.score === column) ??
    targets.find((one) => one.label.column === column);
  if (target === undefined) return;
  const role = target.score === column ? 'score' : 'label';
  report(pointer, specMessages.groupOnTargetColumn(pointer, column, role, target.name));
}
