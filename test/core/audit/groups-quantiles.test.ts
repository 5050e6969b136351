import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import {
  columnNumbers,
  linearQuantile,
  quantileBins,
} from '../../../src/core/audit/quantile-bins.ts';
import { tableFromColumns } from '../../../src/core/audit/table.ts';
import { audit, caseSpec } from './helpers.ts';

interface GoldenCase {
  name: string;
  values: number[];
  k: number;
  edges: number[];
  merged: number[];
}

/** `np.quantile(x, np.arange(k + 1) / k)` (method `linear`), from test/golden/generate_quantiles.py. */
const golden = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../golden/quantiles.json', import.meta.url)), 'utf8'),
) as { cases: GoldenCase[] };

describe('linearQuantile against numpy (test/golden/quantiles.json, tolerance 0)', () => {
  it.each(golden.cases.map((one) => [one.name, one] as const))('%s', (_, one) => {
    const sorted = Float64Array.from(one.values).sort();
    const edges = Array.from({ length: one.k + 1 }, (_, j) => linearQuantile(sorted, j / one.k));
    expect(edges).toEqual(one.edges);
  });

  it('merges equal edges as the golden file does', () => {
    for (const one of golden.cases) {
      const { edges } = quantileBins(Float64Array.from(one.values), one.k);
      // A single distinct value is the closed bin [v, v].
      expect(edges).toEqual(one.merged.length === 1 ? [one.merged[0], one.merged[0]] : one.merged);
    }
  });

  it('refuses an empty sample or a probability outside [0, 1]', () => {
    expect(() => linearQuantile(new Float64Array(0), 0.5)).toThrow(RangeError);
    expect(() => linearQuantile(Float64Array.of(1), 1.5)).toThrow(RangeError);
    expect(() => linearQuantile(Float64Array.of(1), Number.NaN)).toThrow(RangeError);
  });
});

describe('quantileBins', () => {
  const bins = (values: number[], k: number) => quantileBins(Float64Array.from(values), k);

  it('labels each bin with its quantile and its exact half-open interval, the last closed', () => {
    expect(bins([1, 2, 3, 4, 5, 6, 7, 8, 9], 4).labels).toEqual([
      'Q1 [1, 3)',
      'Q2 [3, 5)',
      'Q3 [5, 7)',
      'Q4 [7, 9]',
    ]);
    // Thirds are not exact in binary: the label writes the edge in full, never rounded.
    expect(bins([0, 1, 2, 3], 3).labels).toEqual(['Q1 [0, 1)', 'Q2 [1, 2)', 'Q3 [2, 3]']);
    expect(bins([0, 1], 3).labels).toEqual([
      'Q1 [0, 0.3333333333333333)',
      'Q2 [0.3333333333333333, 0.6666666666666666)',
      'Q3 [0.6666666666666666, 1]',
    ]);
  });

  it('merges equal edges from ties and names the quantile bins a merged bin spans', () => {
    const zeros = bins(
      [...Array<number>(60).fill(0), ...Array.from({ length: 40 }, (_, i) => i + 1)],
      4,
    );
    expect(zeros.labels).toEqual(['Q1–Q3 [0, 15.25)', 'Q4 [15.25, 40]']);
    expect(zeros.spans).toEqual([
      [1, 3],
      [4, 4],
    ]);

    const top = bins(
      [...Array.from({ length: 10 }, (_, i) => i), ...Array<number>(30).fill(100)],
      4,
    );
    expect(top.labels).toEqual(['Q1 [0, 77.25)', 'Q2–Q4 [77.25, 100]']);
  });

  it('gives one closed bin when every value is the same, and none without values', () => {
    expect(bins([5, 5, 5], 4)).toEqual({
      edges: [5, 5],
      spans: [[1, 4]],
      labels: ['Q1–Q4 [5, 5]'],
    });
    expect(bins([], 4)).toEqual({ edges: [], spans: [], labels: [] });
  });

  it('refuses fewer than two bins or a fractional count', () => {
    expect(() => bins([1, 2], 1)).toThrow(RangeError);
    expect(() => bins([1, 2], 2.5)).toThrow(RangeError);
  });

  it('reads only cells that are numbers as written', () => {
    expect([...columnNumbers(['1', ' 2', '', 'NA', '3.5', 'inf', '-0'])]).toEqual([1, 3.5, -0]);
  });
});

describe('quantile groups in an audit', () => {
  // Row 9 has no score, so the target leaves it out, but its age still counts for the edges.
  const table = tableFromColumns('t.csv', {
    id: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'],
    score: ['0.9', '0.8', '0.7', '0.6', '0.5', '0.4', '0.3', '0.2', '0.1', '', '0.05'],
    label: ['1', '0', '1', '0', '1', '0', '1', '0', '1', '0', '0'],
    age: ['10', '20', '30', '40', '50', '60', '70', '80', '', '90', 'unknown'],
  });

  it('cuts at the quantiles of every numeric cell of the file, the target’s exclusions included', () => {
    const results = audit(caseSpec('t.csv', [{ column: 'age', quantiles: 2 }]), table);
    const groups = results.targets[0]!.groups.slice(1);
    // Ages 10…90: the median is 50 (with row j); without row j it would be 45.
    expect(groups.map((group) => [group.value, group.n])).toEqual([
      ['Q1 [10, 50)', 4],
      ['Q2 [50, 90]', 4],
    ]);
  });

  it('reports blank and text cells as in no group', () => {
    const results = audit(caseSpec('t.csv', [{ column: 'age', quantiles: 2 }]), table);
    expect(
      results.targets[0]!.ungrouped.map((entry) => [entry.reason, entry.count, entry.values]),
    ).toEqual([
      ['not a number', 1, [{ value: 'unknown', count: 1 }]],
      ['blank', 1, [{ value: '', count: 1 }]],
    ]);
  });

  it('marks the reference bin named Qj, also when it was merged with others', () => {
    const results = audit(
      caseSpec('t.csv', [{ column: 'age', quantiles: 4, reference: 'Q4' }]),
      table,
    );
    const groups = results.targets[0]!.groups.slice(1);
    expect(groups.filter((group) => group.reference).map((group) => group.value)).toEqual([
      'Q4 [70, 90]',
    ]);
    expect(Object.keys(groups[0]!.metrics)).toContain('tprDifference');

    const tied = tableFromColumns('t.csv', {
      ...Object.fromEntries(['id', 'score', 'label'].map((name) => [name, table.column(name)!])),
      age: ['0', '0', '0', '0', '0', '0', '0', '5', '6', '7', '8'],
    });
    const merged = audit(
      caseSpec('t.csv', [{ column: 'age', quantiles: 4, reference: 'Q2' }]),
      tied,
    );
    expect(
      merged.targets[0]!.groups.slice(1).map((group) => [group.value, group.reference === true]),
    ).toEqual([
      ['Q1–Q3 [0, 5.5)', true],
      ['Q4 [5.5, 8]', false],
    ]);
  });
});
