// The study's own files (../shared/data beside the repository), against the reference values
// that test/golden/generate_stats.py computed from them with pandas, scikit-learn, SciPy and
// statsmodels. Skipped where the files or the golden section are absent.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ksTwoSample } from '../../../src/core/stats/ks-two-sample.ts';
import { thresholdForTargetFpr } from '../../../src/core/stats/operating-point.ts';
import { adjustPValues } from '../../../src/core/stats/p-value-adjustment.ts';
import { rocAuc } from '../../../src/core/stats/roc-auc.ts';
import { rocCurve } from '../../../src/core/stats/roc-curve.ts';
import { expectClose, floats, golden, num } from './golden.ts';

const folder = fileURLToPath(
  new URL('../../../../shared/data/cxr-foundation-bias/', import.meta.url),
);
const real = golden.realData;
const available = real !== undefined && existsSync(folder);

interface Table {
  column(name: string): string[];
}

const tables = new Map<string, Table>();
function table(file: string): Table {
  let loaded = tables.get(file);
  if (loaded === undefined) {
    const parsed = Papa.parse<string[]>(readFileSync(folder + file, 'utf8'), {
      skipEmptyLines: true,
    });
    const [header, ...rows] = parsed.data;
    loaded = {
      column(name) {
        const index = header!.indexOf(name);
        if (index < 0) throw new Error(`${file}: no column ${name}`);
        return rows.map((row) => row[index]!);
      },
    };
    tables.set(file, loaded);
  }
  return loaded;
}

describe.skipIf(!available)('the study files (../shared/data)', () => {
  it('AUC, curve sizes and reference thresholds per group match scikit-learn', () => {
    for (const expected of real!.auc) {
      const t = table(expected.file);
      const groupColumn = expected.attribute === 'all' ? null : t.column(expected.attribute);
      const keep = (i: number) => groupColumn === null || groupColumn[i] === expected.value;
      const allScores = t.column(expected.scoreColumn);
      const allLabels = t.column(expected.target);
      const rows = allScores.map((_, i) => i).filter(keep);
      const scores = Float64Array.from(rows, (i) => Number(allScores[i]));
      // Positive: the label is 1 (written 1.0); blank, 0 and -1 are negative, as in the study.
      const labels = Uint8Array.from(rows, (i) =>
        allLabels[i] !== '' && Number(allLabels[i]) === 1 ? 1 : 0,
      );
      const label = `${expected.file} ${expected.target} ${expected.attribute}=${expected.value}`;

      expect(scores.length, label).toBe(expected.n);
      expect(
        labels.reduce((s, l) => s + l, 0),
        label,
      ).toBe(expected.positives);
      expect(Math.abs(rocAuc(scores, labels)! - expected.auc), label).toBeLessThanOrEqual(1e-9);
      expect(rocCurve(scores, labels).fpr.length, label).toBe(expected.curvePoints);
      expect(rocCurve(scores, labels, { dropIntermediate: true }).fpr.length, label).toBe(
        expected.referencePoints,
      );
      const choice = thresholdForTargetFpr(scores, labels, 0.2, 'reference');
      expect(choice.threshold, label).toBe(num(expected.reference.threshold));
      expect(Math.abs(choice.fpr - expected.reference.fpr), label).toBeLessThanOrEqual(1e-9);
    }
  });

  it('KS tests of PCA modes 1–4 match scipy, and their BY adjustment matches statsmodels', () => {
    const pValues: number[] = [];
    for (const expected of real!.ks) {
      const t = table(expected.file);
      const groups = t.column(expected.attribute);
      const values = t.column(expected.column);
      const pick = (group: string) =>
        Float64Array.from(
          values.filter(
            (_, i) =>
              groups[i] === group || (Number(groups[i]) === Number(group) && groups[i] !== ''),
          ),
          Number,
        );
      const a = pick(expected.groups[0]);
      const b = pick(expected.groups[1]);
      const label = `${expected.file} ${expected.column} ${expected.attribute} ${expected.groups}`;
      expect([a.length, b.length], label).toEqual(expected.sizes);

      const result = ksTwoSample(a, b);
      expect(result.method, label).toBe('exact');
      expect(Math.abs(result.statistic - expected.statistic), label).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(result.pValue - expected.pValue), label).toBeLessThanOrEqual(
        1e-12 * expected.pValue,
      );
      pValues.push(result.pValue);
    }
    expect(pValues.length).toBe(40);
    expectClose(
      adjustPValues(Float64Array.from(pValues), 'BY'),
      floats(real!.adjustment.pAdjusted),
      { relative: 1e-11 },
      'BY',
    );
  });
});
