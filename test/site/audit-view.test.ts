import { describe, expect, it } from 'vitest';
import {
  attributesOf,
  describeBootstrap,
  describePolicy,
  disparityColumns,
  groupTable,
  projectionTable,
  ungroupedItems,
} from '../../src/site/audit-view.ts';
import { fixtureVersion } from './site-fixture.ts';

function firstTarget() {
  const target = fixtureVersion().results?.targets[0];
  if (!target) throw new Error('fixture: target expected');
  return target;
}

describe('groupTable', () => {
  it('puts the whole sample first and marks reference and small groups', () => {
    const { rows } = groupTable(firstTarget(), 2000);
    expect(rows[0]?.whole).toBe(true);
    expect(rows.find((r) => r.value === 'White')?.reference).toBe(true);
    expect(rows.filter((r) => r.small).map((r) => r.value)).toEqual(['Other']);
  });

  it('shows undefined metrics as a dash with a numbered reason', () => {
    const { rows, notes } = groupTable(firstTarget(), 2000);
    const other = rows.find((r) => r.value === 'Other');
    expect(other?.cells.auc?.text).toBe('—');
    expect(other?.cells.auc?.missing).toBe(true);
    const note = notes.find((n) => n.number === other?.cells.auc?.note);
    expect(note?.text).toBe('AUC is undefined: no positives in this group.');
    expect(other?.cells.auc?.title).toBe(note?.text);
  });

  it('explains a missing interval and replicates left out', () => {
    const { rows, notes } = groupTable(firstTarget(), 2000);
    expect(rows.find((r) => r.value === 'Other')?.cells.fpr?.text).toBe('0.250');
    expect(notes.map((n) => n.text)).toContain(
      'Youden J was undefined in 3 of 2000 bootstrap replicates, which the interval leaves out.',
    );
    expect(notes.map((n) => n.number)).toEqual(notes.map((_, i) => i + 1));
  });

  it('formats defined metrics with their interval', () => {
    const { rows } = groupTable(firstTarget(), 2000);
    expect(rows[0]?.cells.auc?.text).toBe('0.871 (0.842–0.898)');
  });
});

describe('describePolicy', () => {
  it('names the policy and convention', () => {
    expect(describePolicy(firstTarget().operatingPoint)).toBe(
      'Target false positive rate 0.200 (full-curve convention)',
    );
  });
});

describe('attributesOf', () => {
  it('lists attributes in order without the whole sample', () => {
    expect(attributesOf(firstTarget())).toEqual(['race', 'sex']);
  });
});

describe('projectionTable', () => {
  it('says the p-values were adjusted across all tests when there is one family', () => {
    const view = projectionTable(fixtureVersion().results!);
    expect(view.showFamily).toBe(false);
    expect(view.caption).toBe(
      'Two-sample Kolmogorov–Smirnov tests between subgroups; p-values adjusted across all tests (BY), α = 0.05.',
    );
  });

  it('shows the family column and each family’s method and tests when there are several', () => {
    const results = fixtureVersion().results!;
    const [tested, , untestable] = results.projections;
    const projections = [
      { ...tested!, family: 'CheXpert model' },
      { ...tested!, family: 'CXR foundation model', adjustMethod: 'holm' },
      { ...untestable!, family: 'CXR foundation model', adjustMethod: 'holm' },
    ];
    const view = projectionTable({ ...results, projections });
    expect(view.showFamily).toBe(true);
    expect(view.families.map((family) => [family.name, family.tests, family.tested])).toEqual([
      ['CheXpert model', 1, 1],
      ['CXR foundation model', 2, 1],
    ]);
    expect(view.caption).toBe(
      'Two-sample Kolmogorov–Smirnov tests between subgroups; p-values adjusted within each family, separately: CheXpert model (BY, 1 test); CXR foundation model (holm, 1 test), α = 0.05.',
    );
  });
});

describe('ungroupedItems', () => {
  it('names the attribute, the reason with the values, and the examples of each entry', () => {
    expect(ungroupedItems(firstTarget())).toEqual([
      {
        attribute: 'sex',
        count: 12,
        reason: 'value not listed: "f" ×10, "U" ×2',
        examples: 'p0007, p0081, …',
      },
      { attribute: 'sex', count: 1, reason: 'blank', examples: 'p0450' },
    ]);
  });

  it('gives the range of numbers outside the bins and says when values are left unnamed', () => {
    const target = {
      ...firstTarget(),
      ungrouped: [
        {
          attribute: 'age',
          reason: 'outside the bins' as const,
          count: 176,
          values: Array.from({ length: 12 }, (_, i) => ({ value: String(80 + i), count: 1 })),
          distinctValues: 31,
          range: { min: -3, max: 95 },
          examples: [],
        },
        {
          attribute: 'age',
          reason: 'not a number' as const,
          count: 10,
          values: [
            { value: 'unknown', count: 7 },
            { value: '89+', count: 3 },
          ],
          distinctValues: 2,
          examples: ['4'],
        },
      ],
    };
    expect(ungroupedItems(target).map((item) => [item.reason, item.examples])).toEqual([
      ['outside every bin, values from −3 to 95', ''],
      ['not a number: "unknown" ×7, "89+" ×3', '4, …'],
    ]);
  });
});

describe('describeBootstrap', () => {
  const settings = {
    replicates: 2000,
    level: 0.95,
    seed: 1,
    stratify: 'label' as const,
    resample: 'rows' as const,
    clusters: null,
  };

  it('names the resampling unit: rows, or whole patients with their number', () => {
    expect(describeBootstrap(settings)).toBe(
      '2\u2009000 replicates, 95% percentile intervals, seed 1, stratified by label (every ' +
        "replicate keeps the sample's positives and negatives, so the whole sample's prevalence " +
        'does not vary), resampling rows',
    );
    expect(describeBootstrap({ ...settings, resample: 'id', clusters: 1234 })).toBe(
      '2\u2009000 replicates, 95% percentile intervals, seed 1, stratified by label (patients ' +
        'with and without a positive row), resampling 1\u2009234 patients whole (rows sharing an id)',
    );
    expect(
      describeBootstrap({ ...settings, stratify: 'none', resample: 'id', clusters: 5 }),
    ).toMatch(/seed 1, not stratified, resampling 5 patients whole/);
  });

  it('says when no bootstrap ran', () => {
    expect(describeBootstrap({ ...settings, replicates: 0 })).toBe(
      'not run (point estimates only)',
    );
  });
});

describe('disparity tables', () => {
  it('flags a disparity whose interval excludes no difference, and only then', () => {
    const target = firstTarget();
    const columns = disparityColumns('reference');
    expect(columns.map((column) => column.key)).toEqual([
      'aucDifference',
      'tprDifference',
      'fprDifference',
      'ppvDifference',
      'npvDifference',
      'tprRatio',
      'fprRatio',
    ]);
    const subgroup = target.groups.find((group) => group.attribute !== 'all' && !group.reference)!;
    subgroup.metrics.tprDifference = { estimate: -0.1, low: -0.2, high: -0.01 };
    subgroup.metrics.fprDifference = { estimate: 0.05, low: -0.02, high: 0.1 };
    subgroup.metrics.tprRatio = { estimate: 0.8, low: 0.7, high: 0.95 };
    const { rows } = groupTable(target, 2000, columns);
    const row = rows.find((candidate) => candidate.value === subgroup.value)!;
    expect(row.cells.tprDifference?.flagged).toBe(true);
    expect(row.cells.fprDifference?.flagged).toBe(false);
    expect(row.cells.tprRatio?.flagged).toBe(true);
    expect(disparityColumns('all')[0]!.key).toBe('aucDifferenceFromAll');
  });
});
