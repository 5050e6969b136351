import { describe, expect, it } from 'vitest';
import { ksTestsCsv, metricsCsv } from '../../../src/pipeline/build/results-csv.ts';
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

describe('metricsCsv', () => {
  it('writes one row per group and metric, undefined values empty with their reason', () => {
    const results = fixtureVersion().results!;
    const lines = metricsCsv(results).trimEnd().split('\n');
    const header = lines[0]!.split(',');
    expect(header).toEqual([
      'target',
      'attribute',
      'value',
      'n',
      'positives',
      'negatives',
      'metric',
      'estimate',
      'low',
      'high',
      'undefined_replicates',
      'reason',
    ]);
    const metricCount = results.targets
      .flatMap((target) => target.groups)
      .reduce((sum, group) => sum + Object.keys(group.metrics).length, 0);
    expect(lines).toHaveLength(1 + metricCount);
    expect(lines.some((line) => /,,,,,[^,]+$/.test(line))).toBe(true);
  });

  it('defuses group values a spreadsheet would run as formulas, but keeps numbers', () => {
    const results = fixtureVersion().results!;
    const target = results.targets[0]!;
    const groups = [
      { ...target.groups[0]!, value: '=HYPERLINK("http://x","y")' },
      { ...target.groups[0]!, value: '-1' },
    ];
    const csv = metricsCsv({ ...results, targets: [{ ...target, groups }] });
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).toMatch(/,-1,/);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});
