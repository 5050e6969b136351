/**
 * The real study (../shared/data/cxr-foundation-bias, skipped when absent) against
 * test/golden/audit-study.json: scikit-learn's roc_curve + argmin thresholds, per-group counts
 * and metrics, and the 40 KS tests with statsmodels' BY adjustment of each model's 20 tests as
 * one family (the study's families, named in its spec). Point estimates within 1e-9.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import type { AuditResults } from '../../../src/core/audit/results.ts';
import { auditVersion, checkResults, serializeResults } from '../../../src/pipeline/audit/index.ts';
import { completeSpec } from '../../../src/pipeline/validate/spec-defaults.ts';
import { haveStudy, studyDir } from '../../core/audit/helpers.ts';
import { studySpec } from './study-spec.ts';

const TOLERANCE = 1e-9;
const goldenFile = fileURLToPath(new URL('../../golden/audit-study.json', import.meta.url));

interface GoldenStudy {
  targets: Record<
    string,
    {
      rows: number;
      operatingPoints: Record<string, { threshold: number; fpr: number; tpr: number }>;
      groups: Record<string, Array<Record<string, number | string | null>>>;
    }
  >;
  projections: AuditResults['projections'];
}

function close(actual: number | null | undefined, expected: unknown, what: string) {
  if (expected === null) return expect(actual, what).toBeNull();
  expect(typeof actual, what).toBe('number');
  expect(
    Math.abs(actual! - (expected as number)),
    `${what}: ${actual} vs ${expected}`,
  ).toBeLessThanOrEqual(TOLERANCE);
}

describe.skipIf(!haveStudy)('the study, with 2,000 replicates', () => {
  const golden = JSON.parse(readFileSync(goldenFile, 'utf8')) as GoldenStudy;
  let results: AuditResults;

  it('runs in a few seconds without problems', { timeout: 120_000 }, async () => {
    const started = performance.now();
    const run = await auditVersion(studyDir, studySpec(2000), {
      model: 'CheXpert model',
      version: '1',
    });
    const seconds = (performance.now() - started) / 1000;
    console.info(`study audit with 2000 replicates: ${seconds.toFixed(2)} s`);
    expect(run.problems).toEqual([]);
    results = run.results!;
    expect(checkResults(results)).toEqual([]);
    expect(serializeResults(results)).not.toMatch(/NaN|Infinity/);
  });

  it('finds the thresholds scikit-learn and the study code find', () => {
    for (const target of results.targets) {
      const want = golden.targets[target.name]!;
      const point = want.operatingPoints.reference!;
      close(target.operatingPoint.threshold, point.threshold, `${target.name} threshold`);
      close(target.operatingPoint.achievedFpr, point.fpr, `${target.name} FPR`);
      close(target.operatingPoint.achievedTpr, point.tpr, `${target.name} TPR`);
    }
  });

  it('matches every group count and metric', () => {
    for (const target of results.targets) {
      const want = golden.targets[target.name]!.groups.reference!;
      expect(target.groups.map((g) => `${g.attribute}=${g.value}`)).toEqual(
        want.map((g) => `${g.attribute}=${g.value}`),
      );
      target.groups.forEach((group, index) => {
        const expected = want[index]!;
        const where = `${target.name} ${group.attribute}=${group.value}`;
        expect([group.n, group.positives, group.negatives], where).toEqual([
          expected.n,
          expected.positives,
          expected.negatives,
        ]);
        for (const name of ['auc', 'tpr', 'fpr', 'youden', 'ppv']) {
          close(group.metrics[name]!.estimate, expected[name], `${where} ${name}`);
        }
        expect(group.roc!.fpr.length).toBeLessThanOrEqual(200);
        expect(group.roc!.fpr.length).toBe(group.roc!.tpr.length);
        const auc = group.metrics.auc;
        if (auc.estimate !== null && 'low' in auc) {
          expect(auc.low!).toBeLessThanOrEqual(auc.high!);
          expect(auc.undefinedReplicates).toBe(0);
        }
      });
    }
  });

  it('matches the 40 KS tests and their BY-adjusted p-values, one family per model', () => {
    expect(results.projections).toHaveLength(40);
    results.projections.forEach((test, index) => {
      const expected = golden.projections[index]!;
      const where = `${test.source} ${test.column} ${test.groups.join(' vs ')}`;
      expect(
        [test.source, test.column, test.attribute, test.groups, test.sizes, test.family],
        where,
      ).toEqual([
        expected.source,
        expected.column,
        expected.attribute,
        expected.groups,
        expected.sizes,
        expected.family,
      ]);
      expect(test.adjustMethod, where).toBe(expected.adjustMethod);
      close(test.statistic, expected.statistic, `${where} D`);
      const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(b, 1e-300);
      expect(relative(test.pValue!, expected.pValue!), `${where} p`).toBeLessThanOrEqual(1e-7);
      expect(
        relative(test.pAdjusted!, expected.pAdjusted!),
        `${where} p adjusted`,
      ).toBeLessThanOrEqual(1e-7);
      expect(test.reject, where).toBe(expected.reject);
    });
  });
});

describe('the study spec', () => {
  it('is what studies/cxr-foundation-bias/audit.yaml says, defaults filled in', () => {
    const file = fileURLToPath(
      new URL('../../../studies/cxr-foundation-bias/audit.yaml', import.meta.url),
    );
    const { spec, issues } = completeSpec(parse(readFileSync(file, 'utf8')));
    expect(issues).toEqual([]);
    expect(spec).toEqual(studySpec(2000));
  });
});

describe.skipIf(!haveStudy)('the study, determinism', () => {
  it('gives byte-identical results for the same seed', { timeout: 60_000 }, async () => {
    const run = async () =>
      serializeResults(
        (await auditVersion(studyDir, studySpec(100), { model: 'm', version: '1' })).results!,
      );
    expect(await run()).toBe(await run());
  });
});
