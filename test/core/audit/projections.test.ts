import { describe, expect, it } from 'vitest';

import { runProjections } from '../../../src/core/audit/projections.ts';
import type { ProjectionTest } from '../../../src/core/audit/results.ts';
import type { AdjustMethod, ProjectionSpec } from '../../../src/core/audit/spec.ts';
import { tableFromColumns } from '../../../src/core/audit/table.ts';
import { adjustPValues } from '../../../src/core/stats/index.ts';

/**
 * Six groups of eight values: X and Y do not overlap (the smallest exact p-value for 8 + 8),
 * P and Q barely, U and V overlap more, so the tests have distinct p-values below 1 and their
 * adjusted values depend on the size of the family.
 */
const groups = { X: 0, Y: 10, P: 0, Q: 6, U: 0, V: 3 };
const cells = Object.entries(groups).flatMap(([group, shift]) =>
  Array.from({ length: 8 }, (_, index) => ({ group, value: String(index + shift) })),
);
const table = tableFromColumns('features.csv', {
  group: cells.map((cell) => cell.group),
  value: cells.map((cell) => cell.value),
});
const tables = new Map([['features.csv', table]]);

function projection(
  source: string,
  comparisons: [string, string][],
  family = 'all',
  adjust: AdjustMethod = 'BY',
): ProjectionSpec {
  return { data: 'features.csv', source, columns: ['value'], comparisons, family, adjust };
}

const first = projection('first', [
  ['group=X', 'group=Y'],
  ['group=P', 'group=Q'],
]);
const second = projection('second', [
  ['group=U', 'group=V'],
  ['group=P', 'group=V'],
]);

/** The adjusted p-values of the tests, in order. */
const adjusted = (tests: ProjectionTest[]) => tests.map((test) => test.pAdjusted);

describe('runProjections families', () => {
  it('adjusts two families independently: each as if it were adjusted alone', () => {
    const both = runProjections(
      [
        { ...first, family: 'A' },
        { ...second, family: 'B' },
      ],
      tables,
      0.05,
    ).tests;
    const alone = [
      ...runProjections([{ ...first, family: 'A' }], tables, 0.05).tests,
      ...runProjections([{ ...second, family: 'B' }], tables, 0.05).tests,
    ];

    expect(adjusted(both)).toEqual(adjusted(alone));
    expect(both.map((test) => test.reject)).toEqual(alone.map((test) => test.reject));
    expect(both.map((test) => test.family)).toEqual(['A', 'A', 'B', 'B']);
    expect(both.map((test) => test.reject)).toEqual([true, true, false, false]);
  });

  it('adjusts every test in the default family "all" together when no family is named', () => {
    const { tests } = runProjections([first, second], tables, 0.05);
    const raw = Float64Array.from(tests, (test) => test.pValue!);

    expect(tests.map((test) => [test.family, test.adjustMethod])).toEqual(
      Array.from({ length: 4 }, () => ['all', 'BY']),
    );
    expect(adjusted(tests)).toEqual([...adjustPValues(raw, 'BY')]);
    // The families matter: in a family of four, the first test's adjusted p-value is larger.
    const own = runProjections([first], tables, 0.05).tests;
    expect(tests[0]!.pAdjusted!).toBeGreaterThan(own[0]!.pAdjusted!);
    expect(tests.map((test) => test.reject)).toEqual([true, false, false, false]);
  });

  it('adjusts each family with its own method', () => {
    const { tests } = runProjections(
      [
        { ...first, family: 'A', adjust: 'holm' },
        { ...second, family: 'B', adjust: 'bonferroni' },
      ],
      tables,
      0.05,
    );
    const raw = (from: number) => Float64Array.from(tests.slice(from, from + 2), (t) => t.pValue!);

    expect(tests.map((test) => test.adjustMethod)).toEqual([
      'holm',
      'holm',
      'bonferroni',
      'bonferroni',
    ]);
    expect(adjusted(tests)).toEqual([
      ...adjustPValues(raw(0), 'holm'),
      ...adjustPValues(raw(2), 'bonferroni'),
    ]);
  });

  it('keeps an untestable comparison in no family, and names the family it belongs to', () => {
    const withEmpty = {
      ...first,
      family: 'A',
      comparisons: [first.comparisons[0]!, ['group=X', 'group=nobody'], first.comparisons[1]!],
    } satisfies ProjectionSpec;
    const { tests } = runProjections([withEmpty], tables, 0.05);
    const without = runProjections([{ ...first, family: 'A' }], tables, 0.05).tests;

    expect(tests[1]).toMatchObject({ pValue: null, pAdjusted: null, reject: null, family: 'A' });
    expect([tests[0]!.pAdjusted, tests[2]!.pAdjusted]).toEqual(adjusted(without));
  });

  it('refuses two methods within one family', () => {
    const mixed = [
      { ...first, family: 'A', adjust: 'BY' as const },
      { ...second, family: 'A', adjust: 'holm' as const },
    ];
    expect(() => runProjections(mixed, tables, 0.05)).toThrow(RangeError);
  });
});
