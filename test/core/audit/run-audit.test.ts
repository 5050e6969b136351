import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import { AuditRefusal } from '../../../src/core/audit/refusal.ts';
import type { AuditResults } from '../../../src/core/audit/results.ts';
import type { GroupSpec } from '../../../src/core/audit/spec.ts';
import {
  audit,
  caseSpec,
  caseTable,
  estimate,
  fullCurve,
  group,
  haveCases,
  reference,
} from './helpers.ts';

interface GoldenGroup {
  attribute: string;
  value: string;
  n: number;
  positives: number;
  negatives: number;
  auc: number | null;
  tpr?: number | null;
  fpr?: number | null;
  youden?: number | null;
  ppv?: number | null;
}
interface GoldenCase {
  rows: number;
  operatingPoints: Record<
    string,
    { threshold: number | null; fpr: number; tpr: number; infinite?: boolean }
  >;
  groups: Record<string, GoldenGroup[]>;
}

const goldenFile = fileURLToPath(new URL('../../golden/audit-cases.json', import.meta.url));
const golden = JSON.parse(readFileSync(goldenFile, 'utf8')).cases as Record<string, GoldenCase>;
const TOLERANCE = 1e-9;

const CASES: Record<string, { file: string; groups: GroupSpec[] }> = {
  '01': {
    file: '01-auc-single-class-subgroup.csv',
    groups: [
      { column: 'sex', values: ['F', 'M'] },
      { column: 'race', values: ['GroupA', 'GroupB', 'GroupC'] },
    ],
  },
  '02': { file: '02-nan-inf-scores.csv', groups: [{ column: 'sex', values: ['F', 'M'] }] },
  '04': {
    file: '04-ties-threshold-target-fpr.csv',
    groups: [{ column: 'sex', values: ['F', 'M'] }],
  },
  '05': { file: '05-separable-threshold-inf.csv', groups: [{ column: 'sex', values: ['F', 'M'] }] },
  '07': {
    file: '07-no-positive-predictions.csv',
    groups: [{ column: 'group', values: ['A', 'C'] }],
  },
};

function expectClose(actual: number | null, expected: number | null | undefined, what: string) {
  if (expected === null || expected === undefined) {
    expect(actual, what).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  expect(Math.abs(actual! - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    TOLERANCE,
  );
}

function compareWithGolden(results: AuditResults, expected: GoldenCase, convention: string) {
  const target = results.targets[0]!;
  const point = expected.operatingPoints[convention]!;
  expectClose(target.operatingPoint.threshold, point.threshold, 'threshold');
  expectClose(target.operatingPoint.achievedFpr, point.fpr, 'achieved FPR');
  expectClose(target.operatingPoint.achievedTpr, point.tpr, 'achieved TPR');
  expect(target.groups.map((g) => `${g.attribute}=${g.value}`)).toEqual(
    expected.groups[convention]!.map((g) => `${g.attribute}=${g.value}`),
  );
  for (const want of expected.groups[convention]!) {
    const got = group(results, want.attribute, want.value);
    const where = `${convention} ${want.attribute}=${want.value}`;
    expect([got.n, got.positives, got.negatives], where).toEqual([
      want.n,
      want.positives,
      want.negatives,
    ]);
    for (const name of ['auc', 'tpr', 'fpr', 'youden', 'ppv'] as const) {
      expectClose(estimate(got.metrics[name]), want[name], `${where} ${name}`);
    }
  }
}

describe.skipIf(!haveCases)('runAudit against scikit-learn (test/golden/audit-cases.json)', () => {
  for (const [name, { file, groups }] of Object.entries(CASES)) {
    for (const [convention, operatingPoint] of [
      ['full-curve', fullCurve],
      ['reference', reference],
    ] as const) {
      const expected = golden[name]!;
      if (expected.operatingPoints[convention]!.infinite) continue;
      it(`case ${name}, ${convention}`, () => {
        const results = audit(caseSpec(file, groups, { operatingPoint }), caseTable(file));
        compareWithGolden(results, expected, convention);
      });
    }
  }
});

describe.skipIf(!haveCases)('the cases README', () => {
  const one = CASES['01']!;

  it('01: a subgroup with negatives only has undefined AUC and TPR, defined FPR', () => {
    const full = audit(caseSpec(one.file, one.groups), caseTable(one.file));
    expect(estimate(group(full, 'all', 'all').metrics.auc)).toBe(0.90625);
    expect(estimate(group(full, 'race', 'GroupA').metrics.auc)).toBe(1);
    expect(estimate(group(full, 'race', 'GroupB').metrics.auc)).toBe(1);
    const c = group(full, 'race', 'GroupC');
    expect(c.metrics.auc).toEqual({ estimate: null, reason: 'no positives' });
    expect(c.metrics.tpr).toEqual({ estimate: null, reason: 'no positives' });
    expect(c.metrics.youden).toEqual({ estimate: null, reason: 'no positives' });
    expect(full.targets[0]!.operatingPoint.threshold).toBe(0.61);
    expect(estimate(c.metrics.fpr)).toBe(0.5);

    const ref = audit(
      caseSpec(one.file, one.groups, { operatingPoint: reference }),
      caseTable(one.file),
    );
    expect(ref.targets[0]!.operatingPoint.threshold).toBe(0.85);
    expect(estimate(group(ref, 'race', 'GroupC').metrics.fpr)).toBe(0.25);
  });

  it('01: a disparity that uses an undefined value is undefined, with the reason', () => {
    const groups: GroupSpec[] = [
      { column: 'race', values: ['GroupA', 'GroupB', 'GroupC'], reference: 'GroupA' },
    ];
    const results = audit(caseSpec(one.file, groups), caseTable(one.file));
    const c = group(results, 'race', 'GroupC');
    expect(c.metrics.aucDifference).toEqual({
      estimate: null,
      reason: 'AUC undefined for this group: no positives',
    });
    expect(c.metrics.tprRatio?.estimate).toBeNull();
    expect(estimate(c.metrics.fprDifference)).toBeCloseTo(0.5 - 0, 12);
    expect(group(results, 'race', 'GroupA').reference).toBe(true);
    expect(group(results, 'race', 'GroupA').metrics.aucDifference).toBeUndefined();

    const flipped = audit(
      caseSpec(one.file, [{ ...groups[0]!, reference: 'GroupC' }] as GroupSpec[]),
      caseTable(one.file),
    );
    expect(group(flipped, 'race', 'GroupA').metrics.aucDifference).toEqual({
      estimate: null,
      reason: 'AUC undefined for the reference group GroupC: no positives',
    });
  });

  it('02: rows with NaN, empty, NA, inf and -inf scores are excluded by id and reason', () => {
    const results = audit(
      caseSpec('02-nan-inf-scores.csv', []),
      caseTable('02-nan-inf-scores.csv'),
    );
    const target = results.targets[0]!;
    expect(target.excluded).toEqual([
      { reason: 'score not a number', count: 2, examples: ['p02', 'p08'] },
      { reason: 'score missing', count: 1, examples: ['p04'] },
      { reason: 'score not finite', count: 2, examples: ['p05', 'p07'] },
    ]);
    expect(group(results, 'all', 'all').n).toBe(5);
    expect(estimate(group(results, 'all', 'all').metrics.auc)).toBe(1);
    expect(results.inputs[0]!.excludedRows).toBe(5);
  });

  it('02: with invalidScores refuse, the file is refused naming the rows', () => {
    const spec = caseSpec('02-nan-inf-scores.csv', [], { invalidScores: 'refuse' });
    const run = () => audit(spec, caseTable('02-nan-inf-scores.csv'));
    expect(run).toThrow(AuditRefusal);
    try {
      run();
    } catch (error) {
      const issue = (error as AuditRefusal).issues[0]!;
      expect(issue.code).toBe('AuditInvalidScores');
      expect(issue.columnName).toBe('score');
      for (const id of ['p02', 'p04', 'p05', 'p07', 'p08']) expect(issue.message).toContain(id);
    }
  });

  it('04: ties, both conventions, achieved FPR reported', () => {
    const file = '04-ties-threshold-target-fpr.csv';
    const groups = CASES['04']!.groups;
    const full = audit(caseSpec(file, groups), caseTable(file));
    expect(estimate(group(full, 'all', 'all').metrics.auc)).toBe(0.75);
    expect(full.targets[0]!.operatingPoint).toMatchObject({ threshold: 0.65, achievedFpr: 0.2 });
    expect(full.targets[0]!.operatingPoint.achievedTpr).toBeCloseTo(1 / 3, 15);

    const ref = audit(caseSpec(file, groups, { operatingPoint: reference }), caseTable(file));
    expect(ref.targets[0]!.operatingPoint).toMatchObject({ threshold: 0.55, achievedFpr: 0.3 });
    expect(estimate(group(ref, 'sex', 'F').metrics.tpr)).toBeCloseTo(1 / 3, 15);
    expect(estimate(group(ref, 'sex', 'F').metrics.fpr)).toBeCloseTo(0.4, 15);
    expect(estimate(group(ref, 'sex', 'M').metrics.tpr)).toBeCloseTo(1 / 3, 15);
    expect(estimate(group(ref, 'sex', 'M').metrics.fpr)).toBeCloseTo(0.2, 15);
  });

  it('05: the reference convention lands on the infinite threshold and is refused', () => {
    const file = '05-separable-threshold-inf.csv';
    const spec = caseSpec(file, CASES['05']!.groups, { operatingPoint: reference });
    expect.assertions(4);
    try {
      audit(spec, caseTable(file));
    } catch (error) {
      expect(error).toBeInstanceOf(AuditRefusal);
      const issue = (error as AuditRefusal).issues[0]!;
      expect(issue.code).toBe('AuditInfiniteThreshold');
      expect(issue.message).toContain('reference convention');
    }
    const full = audit(caseSpec(file, CASES['05']!.groups), caseTable(file));
    expect(full.targets[0]!.operatingPoint).toMatchObject({
      threshold: 0.55,
      achievedFpr: 0.25,
      achievedTpr: 1,
    });
  });

  it('05: the Youden policy and a fixed threshold report their point, with no target or convention', () => {
    const file = '05-separable-threshold-inf.csv';
    const youden = audit(
      caseSpec(file, [], { operatingPoint: { policy: 'youden' } }),
      caseTable(file),
    );
    expect(youden.targets[0]!.operatingPoint).toEqual({
      policy: 'youden',
      target: null,
      threshold: 0.66,
      achievedFpr: 0,
      achievedTpr: 1,
      convention: null,
    });
    const fixed = audit(
      caseSpec(file, [], { operatingPoint: { policy: 'threshold', threshold: 0.5 } }),
      caseTable(file),
    );
    expect(fixed.targets[0]!.operatingPoint).toMatchObject({
      threshold: 0.5,
      achievedFpr: 0.25,
      achievedTpr: 1,
    });
  });

  it('07: no predicted positives: TPR and FPR 0, PPV undefined; ratio vs 0 undefined', () => {
    const file = '07-no-positive-predictions.csv';
    const groups: GroupSpec[] = [{ column: 'group', values: ['A', 'C'], reference: 'C' }];
    const results = audit(caseSpec(file, groups, { operatingPoint: reference }), caseTable(file));
    const c = group(results, 'group', 'C');
    expect(estimate(c.metrics.tpr)).toBe(0);
    expect(estimate(c.metrics.fpr)).toBe(0);
    expect(c.metrics.ppv).toEqual({ estimate: null, reason: 'no predicted positives' });
    expect(estimate(c.metrics.auc)).toBe(0.875);

    const a = group(results, 'group', 'A');
    expect(a.metrics.tprRatio).toEqual({
      estimate: null,
      reason: 'TPR of the reference group C is 0',
    });
    expect(estimate(a.metrics.tprDifference)).toBe(0.75);
    expect(a.metrics.ppvDifference?.estimate).toBeNull();
  });
});
