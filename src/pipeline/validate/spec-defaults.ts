/**
 * From a schema-valid audit spec to an `AuditSpec`: the checks JSON Schema cannot express
 * (settings that contradict each other) and every default filled in.
 *
 * Defaults: operating point `{ policy: target-fpr, targetFpr: 0.2, convention: full-curve }`;
 * bootstrap `{ replicates: 2000, level: 0.95, seed: 1, stratify: label }` and `resample: id`
 * when the spec has an `id` column, else `rows` (`resample: id` without `id` is an issue); `adjust` BY;
 * `alpha` 0.05; `invalidScores` exclude; `minGroupSize` `{ n: 30, positives: 10, negatives: 10 }`
 * (a number sets `n` only); a projection's `source` is its file name without the extension.
 * Groups are checked in `spec-groups.ts`.
 *
 * Families: a projection's `family` defaults to `all`, the default family. `adjust` may be
 * written at the top level, on projections, or both (DESIGN.md's example puts it on a
 * projection). The tests of one family are adjusted together, so every `adjust` written for a
 * family must name the same method. The top-level `adjust` belongs to the default family; the
 * default family's method (top level, else written on one of its projections, else BY) becomes
 * `AuditSpec.adjust`, which is also the method of a named family that writes none.
 */
import { basename, extname } from 'node:path';
import {
  defaultFamily,
  defaultMinGroupSize,
  type AdjustMethod,
  type AuditSpec,
  type BootstrapSpec,
  type LabelValue,
  type MinGroupSize,
  type OperatingPointSpec,
  type ProjectionSpec,
  type TargetSpec,
} from '../../core/audit/spec.ts';
import { childPointer } from '../load/index.ts';
import { specMessages, type Wording } from './messages.ts';
import { completeGroups, type WrittenGroup } from './spec-groups.ts';

/** A contradiction found in the spec, at a JSON pointer. */
export interface SpecIssue extends Wording {
  pointer: string;
}

/** The spec as written, after it passed `schemas/audit-spec.json`. */
interface WrittenSpec {
  data: string;
  id?: string;
  targets: TargetSpec[];
  groups?: WrittenGroup[];
  operatingPoint?: {
    policy?: OperatingPointSpec['policy'];
    targetFpr?: number;
    convention?: 'full-curve' | 'reference';
    threshold?: number;
  };
  bootstrap?: Partial<BootstrapSpec>;
  projections?: Array<
    Omit<ProjectionSpec, 'source' | 'family' | 'adjust'> & {
      source?: string;
      family?: string;
      adjust?: AdjustMethod;
    }
  >;
  adjust?: AdjustMethod;
  alpha?: number;
  invalidScores?: AuditSpec['invalidScores'];
  minGroupSize?: number | Partial<MinGroupSize>;
}

export const defaultOperatingPoint: OperatingPointSpec = {
  policy: 'target-fpr',
  targetFpr: 0.2,
  convention: 'full-curve',
};
/** The bootstrap defaults but `resample`, which depends on the spec (see `completeBootstrap`). */
export const defaultBootstrap: Omit<BootstrapSpec, 'resample'> = {
  replicates: 2000,
  level: 0.95,
  seed: 1,
  stratify: 'label',
};

/**
 * Checks and completes a schema-valid spec.
 * @param written the parsed spec; must have passed the audit spec schema
 * @returns the completed spec, or the contradictions found (then `spec` is null)
 */
export function completeSpec(written: unknown): { spec: AuditSpec | null; issues: SpecIssue[] } {
  const input = written as WrittenSpec;
  const issues: SpecIssue[] = [];

  const operatingPoint = completeOperatingPoint(input.operatingPoint, issues);
  const bootstrap = completeBootstrap(input, issues);
  const groups = completeGroups(input.groups ?? [], input.targets, issues);
  checkTargets(input.targets, issues);
  const methods = chooseMethods(input, issues);
  const projections = completeProjections(input.projections ?? [], methods, issues);
  const adjust = methods.get(defaultFamily) ?? 'BY';
  if (issues.length > 0 || operatingPoint === null) return { spec: null, issues };

  const spec: AuditSpec = {
    data: input.data,
    ...(input.id === undefined ? {} : { id: input.id }),
    targets: input.targets,
    groups,
    operatingPoint,
    bootstrap,
    projections,
    adjust,
    alpha: input.alpha ?? 0.05,
    invalidScores: input.invalidScores ?? 'exclude',
    minGroupSize: completeMinGroupSize(input.minGroupSize),
  };
  return { spec, issues };
}

function completeOperatingPoint(
  written: WrittenSpec['operatingPoint'],
  issues: SpecIssue[],
): OperatingPointSpec | null {
  const pointer = '/operatingPoint';
  if (!written) return { ...defaultOperatingPoint };
  const { targetFpr, convention, threshold } = written;
  const policy = written.policy ?? (threshold === undefined ? 'target-fpr' : 'threshold');

  if (threshold !== undefined && targetFpr !== undefined) {
    issues.push({ pointer, ...specMessages.bothPolicies(pointer) });
    return null;
  }
  const excluded: Record<OperatingPointSpec['policy'], Array<keyof typeof written>> = {
    'target-fpr': ['threshold'],
    threshold: ['targetFpr', 'convention'],
    youden: ['targetFpr', 'convention', 'threshold'],
  };
  const extra = excluded[policy].find((key) => written[key] !== undefined);
  if (extra) {
    const at = childPointer(pointer, extra);
    issues.push({ pointer: at, ...specMessages.policyExcludes(at, policy, extra) });
    return null;
  }

  if (policy === 'threshold') {
    if (threshold === undefined) {
      issues.push({ pointer, ...specMessages.policyNeeds(pointer, policy, 'threshold') });
      return null;
    }
    return { policy, threshold };
  }
  if (policy === 'youden') return { policy };
  return {
    policy,
    targetFpr: targetFpr ?? 0.2,
    convention: convention ?? 'full-curve',
  };
}

/**
 * Resampling by patient is the default whenever the spec names an `id` column: rows that share
 * an id (images of one patient) are not independent, and resampling them one by one gives
 * intervals that are too narrow.
 */
function completeBootstrap(input: WrittenSpec, issues: SpecIssue[]): BootstrapSpec {
  const resample = input.bootstrap?.resample ?? (input.id === undefined ? 'rows' : 'id');
  if (resample === 'id' && input.id === undefined) {
    const at = '/bootstrap/resample';
    issues.push({ pointer: at, ...specMessages.resampleWithoutId(at) });
  }
  return { ...defaultBootstrap, ...input.bootstrap, resample };
}

/** A number sets the minimum rows only; the object form sets any of the three. */
function completeMinGroupSize(written: WrittenSpec['minGroupSize']): MinGroupSize {
  if (typeof written === 'number') return { ...defaultMinGroupSize, n: written };
  return { ...defaultMinGroupSize, ...written };
}

function checkTargets(targets: TargetSpec[], issues: SpecIssue[]): void {
  const names = new Set<string>();
  targets.forEach((target, index) => {
    const pointer = childPointer('/targets', index);
    if (names.has(target.name)) {
      const at = childPointer(pointer, 'name');
      issues.push({ pointer: at, ...specMessages.repeatedTargetName(at, target.name) });
    }
    names.add(target.name);

    if (target.score === target.label.column) {
      // The labels read as scores rank the labels themselves: a perfect, meaningless AUC.
      const at = childPointer(pointer, 'score');
      issues.push({ pointer: at, ...specMessages.scoreIsLabel(at, target.score) });
    }

    const { positive, negative } = target.label;
    if (negative === 'rest') return;
    negative.forEach((value, valueIndex) => {
      if (!positive.some((other) => sameLabel(other, value))) return;
      const at = childPointer(childPointer(childPointer(pointer, 'label'), 'negative'), valueIndex);
      issues.push({ pointer: at, ...specMessages.labelValueBothSides(at, value) });
    });
  });
}

/** Label values match as numbers when either is a number (`1`, `1.0`, `"1"`), else as text. */
function sameLabel(a: LabelValue, b: LabelValue): boolean {
  if (typeof a === 'number' || typeof b === 'number') {
    const [x, y] = [Number(a), Number(b)];
    return String(a).trim() !== '' && String(b).trim() !== '' && x === y;
  }
  return a === b;
}

function completeProjections(
  written: NonNullable<WrittenSpec['projections']>,
  methods: ReadonlyMap<string, AdjustMethod>,
  issues: SpecIssue[],
): ProjectionSpec[] {
  const auditMethod = methods.get(defaultFamily) ?? 'BY';
  const sources = new Set<string>();
  return written.map((projection, index) => {
    const pointer = childPointer('/projections', index);
    const source = projection.source ?? basename(projection.data, extname(projection.data));
    if (sources.has(source)) {
      const at = childPointer(pointer, projection.source === undefined ? 'data' : 'source');
      issues.push({ pointer: at, ...specMessages.repeatedSource(at, source) });
    }
    sources.add(source);

    projection.comparisons.forEach(([first, second], comparisonIndex) => {
      if (first !== second) return;
      const at = childPointer(childPointer(pointer, 'comparisons'), comparisonIndex);
      issues.push({ pointer: at, ...specMessages.sameSelectors(at, first) });
    });
    return {
      data: projection.data,
      source,
      columns: projection.columns,
      comparisons: projection.comparisons,
      family: familyOf(projection),
      adjust: methods.get(familyOf(projection)) ?? auditMethod,
    };
  });
}

function familyOf(projection: { family?: string }): string {
  return projection.family ?? defaultFamily;
}

/**
 * The method of each family that writes one, the default family's including the top-level
 * `adjust`; records an issue at every `adjust` that differs from the first of its family.
 */
function chooseMethods(input: WrittenSpec, issues: SpecIssue[]): Map<string, AdjustMethod> {
  const first = new Map<string, { pointer: string; value: AdjustMethod }>();
  const note = (family: string, pointer: string, value: AdjustMethod) => {
    const chosen = first.get(family);
    if (chosen === undefined) first.set(family, { pointer, value });
    else if (value !== chosen.value) {
      issues.push({
        pointer,
        ...specMessages.conflictingAdjust(pointer, value, chosen.value, chosen.pointer, family),
      });
    }
  };

  if (input.adjust !== undefined) note(defaultFamily, '/adjust', input.adjust);
  (input.projections ?? []).forEach((projection, index) => {
    if (projection.adjust === undefined) return;
    const pointer = childPointer(childPointer('/projections', index), 'adjust');
    note(familyOf(projection), pointer, projection.adjust);
  });
  return new Map([...first].map(([family, { value }]) => [family, value]));
}
