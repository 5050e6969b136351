import { describe, expect, it } from 'vitest';
import { rocCurves } from '../../src/charts/roc-curves.ts';
import { fixtureResults, fixtureTarget } from './chart-fixture.ts';
import { expectGolden } from './golden.ts';
import { expectAccessibleSvg } from './svg-checks.ts';

describe('rocCurves', () => {
  it('draws the fixture curves by race exactly as the golden file', () => {
    expectGolden('roc-race.svg', rocCurves(fixtureTarget(), { attribute: 'race' }));
  });

  it('is an accessible image with a text alternative', () => {
    const svg = rocCurves(fixtureTarget(), { attribute: 'sex' });
    expectAccessibleSvg(svg, /ROC curves by sex for Pleural Effusion/);
  });

  it('names a group without ROC points instead of dropping it', () => {
    const svg = rocCurves(fixtureTarget(), { attribute: 'race' });
    expect(svg).toContain('race: Other (no curve)');
    expect(svg).toContain('race: Other: no curve, operating point undefined.');
    expect(svg).not.toContain('NaN');
  });

  it('marks each group’s operating point from its FPR and TPR', () => {
    const svg = rocCurves(fixtureTarget(), { attribute: 'race' });
    expect(svg).toContain(
      'race: Black: curve of 7 points, operating point at false positive rate 0.233, true positive rate 0.629.',
    );
  });

  it('draws a target without any ROC points', () => {
    const target = fixtureResults().targets[1];
    if (!target) throw new Error('fixture: second target missing');
    const svg = rocCurves(target, { attribute: 'sex' });
    expectAccessibleSvg(svg, /ROC curves by sex for Cardiomegaly/);
    expect(svg).toContain('sex: Male (no curve)');
  });

  it('gives the same SVG on every call', () => {
    const target = fixtureTarget();
    expect(rocCurves(target, { attribute: 'race' })).toBe(rocCurves(target, { attribute: 'race' }));
  });
});
