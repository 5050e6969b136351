import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AuditResults, GroupResult, Metric } from '../../../src/core/audit/results.ts';
import { deriveFindings, isSmallGroup, largestGap } from '../../../src/core/findings/index.ts';
import type { SiteModel } from '../../../src/site/site-model.ts';

function fixture(): AuditResults {
  const url = new URL('../../fixtures/site/site-model.json', import.meta.url);
  const site = JSON.parse(readFileSync(url, 'utf8')) as SiteModel;
  const results = site.models[0]?.versions[1]?.results;
  if (!results) throw new Error('fixture: results expected');
  return results;
}

const defined = (
  estimate: number,
  low: number | null = null,
  high: number | null = null,
): Metric => ({
  estimate,
  low,
  high,
});
const missing: Metric = { estimate: null, reason: 'no positives' };

function group(
  attribute: string,
  value: string,
  auc: Metric,
  extra: Partial<GroupResult> = {},
): GroupResult {
  return {
    attribute,
    value,
    n: 100,
    positives: 50,
    negatives: 50,
    metrics: { auc, tpr: defined(0.5), fpr: defined(0.2), youden: defined(0.3) },
    ...extra,
  };
}

function results(
  groups: GroupResult[],
  projections: AuditResults['projections'] = [],
): AuditResults {
  return {
    ...fixture(),
    targets: [{ ...fixture().targets[0]!, name: 'T', groups }],
    projections,
  };
}

describe('largestGap', () => {
  it('measures against the attribute’s reference group', () => {
    const target = results([
      group('all', 'all', defined(0.8)),
      group('race', 'A', defined(0.9), { reference: true }),
      group('race', 'B', defined(0.7, 0.6, 0.8)),
      group('race', 'C', defined(0.85)),
    ]).targets[0]!;
    const gap = largestGap(target, 'auc');
    expect(gap?.group.value).toBe('B');
    expect(gap?.comparison.value).toBe('A');
    expect(gap?.difference).toBeCloseTo(-0.2, 12);
    expect(gap?.excludesComparison).toBe(true);
  });

  it('falls back to the whole sample when an attribute has no reference', () => {
    const target = results([group('all', 'all', defined(0.8)), group('sex', 'F', defined(0.75))])
      .targets[0]!;
    expect(largestGap(target, 'auc')?.comparison.attribute).toBe('all');
  });

  it('skips undefined estimates and returns null when nothing is defined', () => {
    const target = results([
      group('all', 'all', defined(0.8)),
      group('race', 'A', missing, { reference: true }),
      group('race', 'B', defined(0.5)),
    ]).targets[0]!;
    expect(largestGap(target, 'auc')).toBeNull();
  });

  it('returns null for empty groups', () => {
    expect(largestGap(results([]).targets[0]!, 'tpr')).toBeNull();
  });
});

describe('deriveFindings', () => {
  it('derives the fixture’s findings in a fixed order', () => {
    const findings = deriveFindings(fixture());
    expect(findings.map((f) => [f.kind, f.target])).toEqual([
      ['metric-gap', 'Pleural Effusion'],
      ['metric-gap', 'Pleural Effusion'],
      ['small-groups', 'Pleural Effusion'],
      ['undefined-metrics', 'Pleural Effusion'],
      ['metric-gap', 'Cardiomegaly'],
      ['metric-gap', 'Cardiomegaly'],
      ['projection-tests', null],
    ]);
    expect(findings[0]?.message).toBe(
      'Pleural Effusion: the largest AUC gap is race: Black, 0.086 below race: White (0.803 vs 0.889). Its interval leaves out the comparison value.',
    );
    expect(findings[0]?.severity).toBe('attention');
    expect(findings[2]?.message).toContain('race: Other');
    expect(findings[6]?.message).toBe(
      '1 of 2 Kolmogorov–Smirnov tests on the feature projections found the subgroups’ distributions different after BY adjustment at α = 0.05. 1 could not be run.',
    );
  });

  it('names each family’s method when the tests were adjusted in several families', () => {
    const base = fixture();
    const [tested] = base.projections;
    const projections = [
      { ...tested!, family: 'CheXpert model', adjustMethod: 'BY' },
      { ...tested!, family: 'CXR foundation model', adjustMethod: 'holm', reject: false },
    ];
    const finding = deriveFindings({ ...base, projections }).at(-1);
    expect(finding?.message).toBe(
      '1 of 2 Kolmogorov–Smirnov tests on the feature projections found the subgroups’ distributions different after adjustment within each of 2 families (CheXpert model: BY; CXR foundation model: holm) at α = 0.05.',
    );
  });

  it('returns nothing for an audit without groups or tests', () => {
    expect(deriveFindings(results([]))).toEqual([]);
  });

  it('does not count calibration metrics of scores that are not probabilities as undefined', () => {
    const reason = 'scores are not probabilities (they range from -3 to 4, outside [0, 1])';
    const notProbability: Metric = { estimate: null, reason };
    const base = results([
      group('all', 'all', defined(0.8), {
        metrics: {
          auc: defined(0.8),
          tpr: defined(0.5),
          fpr: defined(0.2),
          youden: defined(0.3),
          brier: notProbability,
          ece: notProbability,
          eceRatioToAll: notProbability,
        },
      }),
    ]);
    const logits = {
      ...base,
      targets: [{ ...base.targets[0]!, calibration: { bins: null, reason } as const }],
    };
    expect(deriveFindings(logits).map((f) => f.kind)).not.toContain('undefined-metrics');
    const probabilities = {
      ...base,
      targets: [{ ...base.targets[0]!, calibration: { bins: 10, binning: 'uniform' } as const }],
    };
    const counted = deriveFindings(probabilities).find((f) => f.kind === 'undefined-metrics');
    expect(counted?.message).toBe(
      'T: 3 metrics are undefined; the tables give the reason for each.',
    );
  });

  it('never mentions NaN, even when every metric is undefined', () => {
    const all = { auc: missing, tpr: missing, fpr: missing, youden: missing };
    const findings = deriveFindings(
      results([
        { ...group('all', 'all', missing), metrics: all },
        { ...group('race', 'A', missing), metrics: all, reference: true },
      ]),
    );
    expect(findings.map((f) => f.kind)).toEqual(['undefined-metrics']);
    expect(JSON.stringify(findings)).not.toMatch(/NaN/);
  });
});

describe('isSmallGroup', () => {
  it('reads the flag the results carry (the audit applies the spec’s minGroupSize)', () => {
    const small = { minimum: { n: 30, positives: 10, negatives: 10 }, reason: '9 positives' };
    expect(isSmallGroup({ small })).toBe(true);
    expect(isSmallGroup({})).toBe(false);
  });
});

describe('small groups in gap findings', () => {
  const flag = (reason: string) => ({
    small: { minimum: { n: 30, positives: 10, negatives: 10 }, reason },
  });

  it('reports the largest gap between groups that are not small, and notes a larger small one', () => {
    const findings = deriveFindings(
      results([
        group('all', 'all', defined(0.8)),
        group('race', 'A', defined(0.9), { reference: true }),
        group('race', 'B', defined(0.8, 0.75, 0.85)),
        group('race', 'C', defined(0.5), { n: 12, ...flag('12 rows, fewer than 30') }),
      ]),
    );
    const gap = findings.find((finding) => finding.kind === 'metric-gap');
    expect(gap?.message).toBe(
      'T: the largest AUC gap is race: B, 0.100 below race: A (0.800 vs 0.900). ' +
        'Its interval leaves out the comparison value. A larger gap, race: C 0.400 below ' +
        'race: A, is unreliable: race: C is a small group (12 rows, fewer than 30).',
    );
    expect(gap?.severity).toBe('attention');
  });

  it('says so when every gap involves a small group, with severity info', () => {
    const findings = deriveFindings(
      results([
        group('all', 'all', defined(0.8)),
        group('race', 'A', defined(0.9), {
          reference: true,
          ...flag('5 negatives, fewer than 10'),
        }),
        group('race', 'B', defined(0.6, 0.5, 0.7)),
      ]),
    );
    const gap = findings.find((finding) => finding.kind === 'metric-gap');
    expect(gap?.message).toBe(
      'T: the largest AUC gap is race: B, 0.300 below race: A (0.600 vs 0.900). ' +
        'Its interval leaves out the comparison value. race: A is a small group ' +
        '(5 negatives, fewer than 10), so this gap is unreliable.',
    );
    expect(gap?.severity).toBe('info');
  });

  it('names small groups, intersections included, with the minimum from the results', () => {
    const findings = deriveFindings(
      results([
        group('all', 'all', defined(0.8)),
        group('race & sex', 'B & F', defined(0.7), {
          components: [
            { attribute: 'race', value: 'B' },
            { attribute: 'sex', value: 'F' },
          ],
          ...flag('12 rows, fewer than 30'),
        }),
      ]),
    );
    expect(findings.find((finding) => finding.kind === 'small-groups')?.message).toBe(
      'T: 1 group is small (fewer than 30 rows, 10 positives or 10 negatives): ' +
        'race & sex: B & F; read their estimates with care.',
    );
  });
});
