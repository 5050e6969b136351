import { describe, expect, it } from 'vitest';
import { forestPlot } from '../../src/charts/forest-plot.ts';
import type { TargetResult } from '../../src/core/audit/results.ts';
import { fixtureTarget } from './chart-fixture.ts';
import { expectGolden } from './golden.ts';
import { expectAccessibleSvg } from './svg-checks.ts';

describe('forestPlot', () => {
  it('draws the fixture AUC plot exactly as the golden file', () => {
    expectGolden('forest-auc.svg', forestPlot(fixtureTarget(), 'auc'));
  });

  it('draws the fixture Youden J plot exactly as the golden file', () => {
    expectGolden('forest-youden.svg', forestPlot(fixtureTarget(), 'youden'));
  });

  it('is an accessible image with a text alternative naming every group', () => {
    const svg = forestPlot(fixtureTarget(), 'tpr');
    expectAccessibleSvg(svg, /True positive rate.*Pleural Effusion/);
    for (const group of ['race: White', 'race: Asian', 'race: Black', 'race: Other', 'sex: Male']) {
      expect(svg).toContain(group);
    }
  });

  it('keeps a row for an undefined metric, says why, and draws no NaN', () => {
    const svg = forestPlot(fixtureTarget(), 'auc');
    expect(svg).toContain('race: Other: undefined (no positives in this group)');
    expect(svg).toMatch(/<text[^>]*>undefined<\/text>/);
    expect(svg).not.toContain('NaN');
  });

  it('draws the whole sample as a reference line with its value', () => {
    expect(forestPlot(fixtureTarget(), 'auc')).toContain('Whole sample 0.871');
  });

  it('gives the same SVG on every call', () => {
    expect(forestPlot(fixtureTarget(), 'fpr')).toBe(forestPlot(fixtureTarget(), 'fpr'));
  });

  it('copes with a target whose groups are all undefined and that has no whole sample', () => {
    const target: TargetResult = {
      ...fixtureTarget(),
      groups: [
        {
          attribute: 'site',
          value: 'A',
          n: 3,
          positives: 0,
          negatives: 3,
          metrics: {
            auc: { estimate: null, reason: 'no positives' },
            tpr: { estimate: null, reason: 'no positives' },
            fpr: { estimate: 0, low: null, high: null },
            youden: { estimate: null, reason: 'no positives' },
          },
        },
      ],
    };
    const svg = forestPlot(target, 'auc');
    expectAccessibleSvg(svg, /AUC/);
    expect(svg).not.toContain('Whole sample');
  });
});
