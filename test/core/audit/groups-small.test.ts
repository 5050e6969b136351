import { describe, expect, it } from 'vitest';

import { smallGroup } from '../../../src/core/audit/small-groups.ts';
import { defaultMinGroupSize } from '../../../src/core/audit/spec.ts';
import { tableFromColumns } from '../../../src/core/audit/table.ts';
import { audit, caseSpec, group } from './helpers.ts';

describe('smallGroup', () => {
  it('flags fewer than 30 rows, 10 positives or 10 negatives by default', () => {
    expect(smallGroup({ n: 29, positives: 15, negatives: 14 })?.reason).toBe(
      '29 rows, fewer than 30',
    );
    expect(smallGroup({ n: 100, positives: 9, negatives: 91 })?.reason).toBe(
      '9 positives, fewer than 10',
    );
    expect(smallGroup({ n: 30, positives: 10, negatives: 20 })).toBeNull();
  });

  it('names every count that falls short, and carries the minimum', () => {
    expect(smallGroup({ n: 1, positives: 1, negatives: 0 })).toEqual({
      minimum: defaultMinGroupSize,
      reason: '1 row, fewer than 30; 1 positive, fewer than 10; 0 negatives, fewer than 10',
    });
  });

  it('takes the spec’s minimum; zero never flags', () => {
    const minimum = { n: 5, positives: 2, negatives: 0 };
    expect(smallGroup({ n: 4, positives: 2, negatives: 2 }, minimum)?.reason).toBe(
      '4 rows, fewer than 5',
    );
    expect(
      smallGroup({ n: 0, positives: 0, negatives: 0 }, { n: 0, positives: 0, negatives: 0 }),
    ).toBeNull();
  });
});

describe('small groups in the results', () => {
  const n = 40;
  const table = tableFromColumns('t.csv', {
    id: Array.from({ length: n }, (_, i) => `r${i}`),
    score: Array.from({ length: n }, (_, i) => String(((i * 7919) % 100) / 100)),
    label: Array.from({ length: n }, (_, i) => (i % 2 === 0 ? '1' : '0')),
    site: Array.from({ length: n }, (_, i) => (i < 34 ? 'A' : 'B')),
  });

  it('flags a group below the minimum but keeps every number of it', () => {
    const results = audit(caseSpec('t.csv', [{ column: 'site', reference: 'A' }]), table);
    const b = group(results, 'site', 'B');
    expect(b.small).toEqual({
      minimum: { n: 30, positives: 10, negatives: 10 },
      reason: '6 rows, fewer than 30; 3 positives, fewer than 10; 3 negatives, fewer than 10',
    });
    expect([b.n, b.positives, b.negatives]).toEqual([6, 3, 3]);
    expect(b.metrics.auc.estimate).not.toBeNull();
    expect(Object.keys(b.metrics)).toContain('aucDifference');
    expect(group(results, 'site', 'A').small).toBeUndefined();
    expect(group(results, 'all', 'all').small).toBeUndefined();
  });

  it('puts the flag after the counts and the reference mark, before the metrics', () => {
    const results = audit(caseSpec('t.csv', [{ column: 'site', reference: 'B' }]), table);
    expect(Object.keys(group(results, 'site', 'B'))).toEqual([
      'attribute',
      'value',
      'n',
      'positives',
      'negatives',
      'reference',
      'small',
      'metrics',
      'roc',
    ]);
  });

  it('applies the spec’s minGroupSize, the whole sample included', () => {
    const results = audit(
      caseSpec('t.csv', [{ column: 'site' }], {
        minGroupSize: { n: 50, positives: 0, negatives: 0 },
      }),
      table,
    );
    expect(group(results, 'all', 'all').small?.reason).toBe('40 rows, fewer than 50');
    const none = audit(
      caseSpec('t.csv', [{ column: 'site' }], {
        minGroupSize: { n: 0, positives: 0, negatives: 0 },
      }),
      table,
    );
    expect(none.targets[0]!.groups.some((one) => one.small)).toBe(false);
  });
});
