import type { ProjectionTest } from '../audit/results.ts';

/** A multiple-testing family of an audit's projection tests, as reports describe it. */
export interface TestFamily {
  /** The family's name, `all` for the default family. */
  name: string;
  /** The adjustment applied within the family (`BY`, `BH`, `holm`, `bonferroni`). */
  method: string;
  /** How many tests name the family, untestable ones included. */
  tests: number;
  /** How many of them could be run, and so were adjusted together. */
  tested: number;
}

/**
 * The families of the projection tests, in order of their first test. Reports show families only
 * when there is more than one; with one, "adjusted across all tests" is exact.
 *
 * @param tests an audit's projection tests
 * @returns one entry per distinct `family`; empty for no tests
 */
export function testFamilies(tests: readonly ProjectionTest[]): TestFamily[] {
  const families = new Map<string, TestFamily>();
  for (const test of tests) {
    const family = families.get(test.family) ?? {
      name: test.family,
      method: test.adjustMethod,
      tests: 0,
      tested: 0,
    };
    family.tests += 1;
    if (test.pValue !== null) family.tested += 1;
    families.set(test.family, family);
  }
  return [...families.values()];
}
