import { describe, expect, it } from 'vitest';
import { ksTestsCsv } from '../../../src/pipeline/build/results-csv.ts';
import { fixtureVersion } from '../../site/site-fixture.ts';

describe('ksTestsCsv', () => {
  it('writes one row per test with its family and the family’s method last', () => {
    const results = fixtureVersion().results!;
    const projections = results.projections.map((test, index) =>
      index === 0 ? { ...test, family: 'features, first', adjustMethod: 'holm' } : test,
    );
    const [header, first, second, ...rest] = ksTestsCsv({ ...results, projections }).split('\n');
    expect(header?.split(',').slice(-3)).toEqual(['reason', 'family', 'adjust_method']);
    expect(first).toMatch(/,"features, first",holm$/);
    expect(second).toMatch(/,all,BY$/);
    expect(rest).toHaveLength(2);
  });
});
