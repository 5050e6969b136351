import { describe, expect, it } from 'vitest';

import { AuditRefusal } from '../../../src/core/audit/refusal.ts';
import { tableFromColumns } from '../../../src/core/audit/table.ts';
import { audit, caseSpec, estimate, group } from './helpers.ts';

function table(columns: Record<string, string[]>) {
  return tableFromColumns('t.csv', columns);
}

const scores = ['0.9', '0.8', '0.7', '0.6', '0.5', '0.4', '0.3', '0.2'];

describe('labels', () => {
  it('compares numbers as numbers and strings exactly, and excludes the rest by value', () => {
    const t = table({
      id: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'],
      score: scores,
      label: ['1.0', '1e0', ' 1', 'yes', '0', '0.0', '', '-1'],
    });
    const spec = caseSpec('t.csv', [], {});
    spec.targets[0]!.label = { column: 'label', positive: [1, 'yes'], negative: [0] };
    const results = audit(spec, t);
    const all = group(results, 'all', 'all');
    expect([all.n, all.positives, all.negatives]).toEqual([5, 3, 2]);
    expect(results.targets[0]!.excluded).toEqual([
      { reason: 'label " 1" neither positive nor negative', count: 1, examples: ['c'] },
      { reason: 'label (empty) neither positive nor negative', count: 1, examples: ['g'] },
      { reason: 'label "-1" neither positive nor negative', count: 1, examples: ['h'] },
    ]);
  });

  it('with negative: rest, blank and -1 are negatives', () => {
    const t = table({
      id: scores.map((_, i) => `r${i}`),
      score: scores,
      label: ['1', '1', '', '-1', '0', '1', 'x', '0'],
    });
    const results = audit(caseSpec('t.csv', []), t);
    const all = group(results, 'all', 'all');
    expect([all.n, all.positives, all.negatives]).toEqual([8, 3, 5]);
    expect(results.targets[0]!.excluded).toEqual([]);
  });

  it('names rows by 1-based row number when the spec has no id column', () => {
    const t = table({ score: ['0.1', 'NaN', '0.3', '0.4'], label: ['0', '1', '1', '0'] });
    const spec = caseSpec('t.csv', [], {
      operatingPoint: { policy: 'threshold', threshold: 0.35 },
    });
    delete spec.id;
    const results = audit(spec, t);
    expect(results.targets[0]!.excluded).toEqual([
      { reason: 'score not a number', count: 1, examples: ['2'] },
    ]);
  });

  it('refuses a target with a single class or no rows', () => {
    const one = table({ id: ['a', 'b'], score: ['0.1', '0.2'], label: ['1', '1'] });
    expect(() => audit(caseSpec('t.csv', []), one)).toThrow(AuditRefusal);
    const none = table({ id: ['a'], score: [''], label: ['1'] });
    try {
      audit(caseSpec('t.csv', []), none);
      expect.unreachable();
    } catch (error) {
      expect((error as AuditRefusal).issues.map((issue) => issue.code)).toEqual(['AuditNoRows']);
    }
  });
});

describe('groups', () => {
  const t = table({
    id: scores.map((_, i) => `r${i}`),
    score: scores,
    label: ['1', '0', '1', '0', '1', '0', '1', '0'],
    site: ['b', 'a', '', 'b', 'a', 'c', 'a', ''],
    code: ['10', '9', '10', '2', '9', '2', '10', '2'],
    age: ['18', '39.9', '40', '80', '80.5', '', 'NA', '17'],
  });

  it('puts the whole sample first, then the given values in order', () => {
    const results = audit(caseSpec('t.csv', [{ column: 'site', values: ['b', 'a'] }]), t);
    const groups = results.targets[0]!.groups;
    expect(groups.map((g) => [g.attribute, g.value, g.n])).toEqual([
      ['all', 'all', 8],
      ['site', 'b', 2],
      ['site', 'a', 3],
    ]);
  });

  it('lists every value when none are given: text by code unit with blank last, numbers numerically', () => {
    const results = audit(caseSpec('t.csv', [{ column: 'site' }, { column: 'code' }]), t);
    const groups = results.targets[0]!.groups.slice(1);
    expect(groups.map((g) => `${g.attribute}=${g.value}:${g.n}`)).toEqual([
      'site=a:3',
      'site=b:2',
      'site=c:1',
      'site=:2',
      'code=2:3',
      'code=9:2',
      'code=10:3',
    ]);
  });

  it('bins half-open with the last bin closed; values outside, blank or text go to no bin', () => {
    const results = audit(caseSpec('t.csv', [{ column: 'age', bins: [18, 40, 80] }]), t);
    const groups = results.targets[0]!.groups.slice(1);
    expect(groups.map((g) => [g.value, g.n])).toEqual([
      ['[18, 40)', 2],
      ['[40, 80]', 2],
    ]);
  });

  it('marks the reference group and gives the others differences and ratios', () => {
    const results = audit(
      caseSpec('t.csv', [{ column: 'site', values: ['a', 'b'], reference: 'a' }]),
      t,
    );
    const a = group(results, 'site', 'a');
    const b = group(results, 'site', 'b');
    expect(a.reference).toBe(true);
    const base = [
      'auc',
      'tpr',
      'fpr',
      'tnr',
      'fnr',
      'ppv',
      'npv',
      'prevalence',
      'youden',
      'brier',
      'ece',
    ];
    const withRatios = (suffix: string, ratio: string) => [
      ...base.map((name) => `${name}${suffix}`),
      ...base.filter((name) => name !== 'youden').map((name) => `${name}${ratio}`),
    ];
    // The reference group is compared with the whole sample only; the others with both.
    expect(Object.keys(a.metrics)).toEqual([
      ...base,
      ...withRatios('DifferenceFromAll', 'RatioToAll'),
    ]);
    expect(Object.keys(b.metrics)).toEqual([
      ...base,
      ...withRatios('Difference', 'Ratio'),
      ...withRatios('DifferenceFromAll', 'RatioToAll'),
    ]);
    const whole = group(results, 'all', 'all');
    expect(Object.keys(whole.metrics)).toEqual(base);
    const tprA = estimate(a.metrics.tpr)!;
    const tprB = estimate(b.metrics.tpr)!;
    expect(estimate(b.metrics.tprDifference)).toBeCloseTo(tprB - tprA, 15);
    const tprAll = estimate(whole.metrics.tpr)!;
    expect(estimate(b.metrics.tprDifferenceFromAll)).toBeCloseTo(tprB - tprAll, 15);
    expect(estimate(a.metrics.tprRatioToAll)).toBeCloseTo(tprA / tprAll, 15);
  });

  it('keeps ROC points between 0 and 1, starting at (0, 0) and ending at (1, 1)', () => {
    const results = audit(caseSpec('t.csv', []), t);
    const roc = group(results, 'all', 'all').roc!;
    expect(roc.fpr[0]).toBe(0);
    expect(roc.tpr[0]).toBe(0);
    expect(roc.fpr.at(-1)).toBe(1);
    expect(roc.tpr.at(-1)).toBe(1);
  });
});
