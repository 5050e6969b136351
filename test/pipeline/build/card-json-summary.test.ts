/**
 * The summary written into the exported card's `Model performance.Comments`: at most 512 code
 * points however long the names, counted as JSON Schema's `maxLength` counts them, with less
 * detail before anything is cut, and the link kept whole.
 */
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import {
  codePointLength,
  performanceSummary,
} from '../../../src/core/findings/performance-summary.ts';
import { fixtureResults, group, metric, results, target } from './card-json-fixture.ts';

const link = 'https://example.org/audits/models/fixture-model/2.0/results.json';

/** What AJV says of `text` under `maxLength: 512`: the schema's own way of counting. */
const fitsSchema = new Ajv2020().compile({ type: 'string', maxLength: 512 });

/** A target whose subgroups have the given values, with the metrics every audit has. */
function targetWithGroups(name: string, values: string[]) {
  return target(name, [
    group('all', 'all', [1000, 200], {
      auc: metric(0.9, 0.88, 0.92),
      tpr: metric(0.8, 0.75, 0.85),
      fpr: metric(0.2, 0.18, 0.22),
      youden: metric(0.6, 0.55, 0.65),
      ppv: metric(0.5, 0.45, 0.55),
    }),
    ...values.map((value, index) =>
      group(
        'ethnicity',
        value,
        [100, 20],
        {
          auc: metric(0.9 - index / 100, 0.8, 0.95),
          tpr: metric(0.8 - index / 50, 0.7, 0.9),
          fpr: metric(0.2),
          youden: metric(0.6),
        },
        index === 0,
      ),
    ),
  ]);
}

describe('performanceSummary', () => {
  it('gives the headline numbers with intervals, the largest gap and the link', () => {
    const audit = results([targetWithGroups('Pneumothorax', ['White', 'Black'])]);

    const summary = performanceSummary(audit, { link });

    expect(summary).toBe(
      'Operating point chosen on the whole sample: target FPR 0.2. Whole sample (95% CI in ' +
        'brackets): Pneumothorax (n=1000, 200 positive): AUC 0.900 [0.880, 0.920], TPR 0.800 ' +
        '[0.750, 0.850], FPR 0.200 [0.180, 0.220], PPV 0.500 [0.450, 0.550], ' +
        "Youden's J 0.600 [0.550, 0.650]. Largest subgroup gap: Pneumothorax TPR, " +
        `ethnicity: Black 0.780 vs ethnicity: White 0.800 (-0.020). Full results: ${link}`,
    );
  });

  it('keeps the interval of AUC alone when all of them do not fit', () => {
    const summary = performanceSummary(fixtureResults(), { link });

    expect(summary).toBe(
      'Operating point chosen on the whole sample: target FPR 0.2. Whole sample (95% CI in ' +
        'brackets): Pneumothorax (n=500, 100 positive): AUC 0.881 [0.850, 0.910], TPR 0.790, ' +
        "FPR 0.200, TNR 0.800, FNR 0.210, Youden's J 0.590, Brier score 0.123, ECE 0.031; " +
        'Pleural Effusion: no whole-sample result. Largest subgroup gap: Pneumothorax TPR, ' +
        `sex: Female 0.700 vs sex: Male 0.880 (-0.180). Full results: ${link}`,
    );
  });

  it('drops intervals, then metrics, then counts, then whole targets, before it cuts text', () => {
    const names = ['No Finding', 'Pleural Effusion', 'Cardiomegaly', 'Pneumothorax', 'Edema'];
    const more = ['Atelectasis', 'Consolidation', 'Pneumonia', 'Lung Opacity', 'Fracture'].concat([
      'Lung Lesion',
      'Pleural Other',
      'Support Devices',
      'Emphysema',
      'Fibrosis',
      'Hernia',
    ]);
    const summaryOf = (count: number) =>
      performanceSummary(
        results(
          [...names, ...more]
            .slice(0, count)
            .map((name) => targetWithGroups(name, ['White', 'Black'])),
        ),
        { link },
      );

    expect(summaryOf(2)).toContain(
      "AUC 0.900 [0.880, 0.920], TPR 0.800, FPR 0.200, PPV 0.500, Youden's J 0.600; Pleural",
    );
    expect(summaryOf(3)).toContain(
      'Whole sample: No Finding (n=1000, 200 positive): AUC 0.900, TPR 0.800, FPR 0.200; ',
    );
    expect(summaryOf(4)).toContain(
      'Whole sample: No Finding (n=1000, 200 positive): AUC 0.900; Pleural Effusion (n=1000, ',
    );
    expect(summaryOf(6)).toContain('Whole sample: No Finding: AUC 0.900; Pleural Effusion: AUC');
    expect(summaryOf(10)).toContain('Fracture: AUC 0.900. Largest subgroup gap');
    expect(summaryOf(16)).toMatch(
      /; Lung Opacity: AUC 0\.900; 7 more targets in the full results\. Largest subgroup gap/,
    );
    for (const count of [2, 3, 4, 6, 10, 16]) {
      const summary = summaryOf(count);
      expect(summary).not.toContain('…');
      expect(summary).toContain(
        'Largest subgroup gap: No Finding TPR, ethnicity: Black 0.780 vs ethnicity: White 0.800',
      );
      expect(summary.endsWith(`Full results: ${link}`)).toBe(true);
      expect(codePointLength(summary)).toBeLessThanOrEqual(512);
    }
  });

  it.each([
    ['very long group names', 100_000, 3],
    ['very long group names and many targets', 5_000, 40],
    ['names of emoji (two UTF-16 units each)', 2_000, 12],
  ])('stays within 512 code points with %s', (_case, nameLength, targets) => {
    const emoji = _case.startsWith('names of emoji');
    const longName = (emoji ? '🩻' : 'Ethnicity not stated in the referral letter ').repeat(
      Math.ceil(nameLength / (emoji ? 1 : 44)),
    );
    const audit = results(
      Array.from({ length: targets }, (_, index) =>
        targetWithGroups(`${longName} ${index}`, [`${longName} A`, `${longName} B`]),
      ),
    );

    const summary = performanceSummary(audit, { link });

    expect(codePointLength(summary)).toBeLessThanOrEqual(512);
    expect(fitsSchema(summary)).toBe(true);
    expect(summary.endsWith(`Full results: ${link}`)).toBe(true);
    expect(summary).toContain('Largest subgroup gap: ');
    // No surrogate pair is split by a cut.
    expect(summary).not.toMatch(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
    );
  });

  it('counts code points, not UTF-16 units, as the schema does', () => {
    const emojiTarget = targetWithGroups('🩻'.repeat(30), ['🩻 A', '🩻 B']);
    const summary = performanceSummary(results([emojiTarget]), { link, maxLength: 300 });

    expect(summary.length).toBeGreaterThan(codePointLength(summary));
    expect(codePointLength(summary)).toBeLessThanOrEqual(300);
  });

  it('cuts even the link when it alone is longer than the budget', () => {
    const summary = performanceSummary(fixtureResults(), {
      link: `https://example.org/${'x'.repeat(600)}`,
    });

    expect(codePointLength(summary)).toBe(512);
    expect(summary.endsWith('…')).toBe(true);
  });

  it('says what it cannot give: no targets, no whole sample, no defined gap', () => {
    expect(performanceSummary(results([]), { link: '/r.json' })).toBe(
      'The audit has no targets. Full results: /r.json',
    );

    const undefinedEverywhere = target('Pneumothorax', [
      group('all', 'all', [10, 0], {}),
      group('sex', 'Female', [5, 0], {}, true),
      group('sex', 'Male', [5, 0], {}),
    ]);
    expect(performanceSummary(results([undefinedEverywhere]), { link: '/r.json' })).toBe(
      'Operating point chosen on the whole sample: target FPR 0.2. Whole sample: Pneumothorax ' +
        '(n=10, 0 positive): no metric defined. No subgroup gap is defined. Full results: /r.json',
    );
  });

  it('names the policy of the operating point', () => {
    const audit = fixtureResults();
    audit.targets[0]!.operatingPoint = {
      ...audit.targets[0]!.operatingPoint,
      policy: 'youden',
      target: null,
    };
    expect(performanceSummary(audit, { link })).toMatch(/^[^.]*: Youden-optimal threshold\./);

    audit.targets[0]!.operatingPoint.policy = 'threshold';
    expect(performanceSummary(audit, { link })).toMatch(/^[^.]*: threshold 0\.5\./);
  });

  it('refuses a budget that is not a positive integer', () => {
    expect(() => performanceSummary(fixtureResults(), { link, maxLength: 0 })).toThrow(RangeError);
  });
});
