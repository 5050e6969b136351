import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

import type { AuditResults } from '../../../src/core/audit/results.ts';
import type { AuditSpec } from '../../../src/core/audit/spec.ts';
import {
  auditVersion,
  checkResults,
  serializeResults,
  writeResults,
} from '../../../src/pipeline/audit/index.ts';
import { caseSpec, casesDir, haveCases } from '../../core/audit/helpers.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'auditcard-audit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const goldenFile = fileURLToPath(new URL('../../golden/audit-cases.json', import.meta.url));
const golden = JSON.parse(readFileSync(goldenFile, 'utf8')).cases;
const options = { model: 'demo', version: '1.0' };
const CASE_01 = '01-auc-single-class-subgroup.csv';

function spec01(replicates: number): AuditSpec {
  return caseSpec(
    CASE_01,
    [{ column: 'race', values: ['GroupA', 'GroupB', 'GroupC'], reference: 'GroupA' }],
    {
      bootstrap: { replicates, level: 0.95, seed: 7, stratify: 'label', resample: 'rows' },
    },
  );
}

describe.skipIf(!haveCases)('auditVersion', () => {
  it('refuses invalid scores at the first such row, with its line and the column', async () => {
    const spec = caseSpec('02-nan-inf-scores.csv', [], { invalidScores: 'refuse' });
    const { results, problems } = await auditVersion(casesDir, spec, options);
    expect(results).toBeNull();
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'AuditInvalidScores',
        file: path.join(casesDir, '02-nan-inf-scores.csv'),
        row: 2,
        line: 3,
        columnName: 'score',
      }),
    ]);
    expect(problems[0]!.message).toMatch(/^Target "t": 5 rows have a score in column "score"/);
    expect(problems[0]!.message).toContain('score not a number: id p02, p08');
  });

  it('records each input with its sha256, rows and excluded rows', async () => {
    const spec = caseSpec('02-nan-inf-scores.csv', []);
    const { results, problems } = await auditVersion(casesDir, spec, options);
    const bytes = readFileSync(path.join(casesDir, '02-nan-inf-scores.csv'));
    expect(results!.inputs).toEqual([
      {
        path: '02-nan-inf-scores.csv',
        sha256: createHash('sha256').update(bytes).digest('hex'),
        rows: 10,
        excludedRows: 5,
      },
    ]);
    expect(problems.map((p) => [p.code, p.severity])).toEqual([['AuditRowsExcluded', 'warning']]);
    expect(results!.generatedBy).toMatch(/^auditcard /);
  });

  it('gives results that follow schemas/results.json and hold no NaN or Infinity', async () => {
    const { results } = await auditVersion(casesDir, spec01(200), options);
    expect(checkResults(results!)).toEqual([]);
    const text = serializeResults(results!);
    expect(text).not.toMatch(/NaN|Infinity/);
    expect(checkResults(JSON.parse(text))).toEqual([]);
  });

  it('gives byte-identical results for the same inputs and seed, others for another seed', async () => {
    const first = serializeResults((await auditVersion(casesDir, spec01(300), options)).results!);
    const second = serializeResults((await auditVersion(casesDir, spec01(300), options)).results!);
    expect(second).toBe(first);
    const other = spec01(300);
    other.bootstrap.seed = 8;
    expect(serializeResults((await auditVersion(casesDir, other, options)).results!)).not.toBe(
      first,
    );
  });

  it('reports bootstrap intervals around the estimates and the replicates where a metric was undefined', async () => {
    const { results } = await auditVersion(casesDir, spec01(500), options);
    const all = results!.targets[0]!.groups[0]!;
    const auc = all.metrics.auc;
    expect(auc.estimate).toBe(0.90625);
    if (auc.estimate === null) throw new Error('unreachable');
    expect(auc.low).toBeLessThanOrEqual(auc.estimate);
    expect(auc.high).toBeGreaterThanOrEqual(auc.estimate);
    expect(auc.undefinedReplicates).toBe(0);
    expect(results!.bootstrap).toEqual({
      replicates: 500,
      level: 0.95,
      seed: 7,
      stratify: 'label',
      resample: 'rows',
      clusters: null,
    });
  });

  it('refuses a duplicated column the spec uses (case 12), naming both positions', async () => {
    const spec = caseSpec('12-duplicate-headers.csv', []);
    const { results, problems } = await auditVersion(casesDir, spec, options);
    expect(results).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: 'CsvDuplicateHeader',
      file: path.join(casesDir, '12-duplicate-headers.csv'),
      columnName: 'score',
      pointer: '/targets/0/score',
    });
    expect(problems[0]!.message).toContain('positions 2 and 4');
  });

  it('names a missing column with the closest existing names', async () => {
    const spec = caseSpec(CASE_01, [{ column: 'Race' }]);
    const { problems } = await auditVersion(casesDir, spec, options);
    expect(problems.map((p) => [p.code, p.columnName, p.pointer, p.hint])).toEqual([
      ['CsvMissingColumn', 'Race', '/groups/0/column', 'Did you mean "race"?'],
    ]);
  });

  it('refuses a data file that is missing or outside the version folder', async () => {
    const missing = await auditVersion(casesDir, caseSpec('nope.csv', []), options);
    expect(missing.problems.map((p) => p.code)).toEqual(['AuditDataUnreadable']);
    expect(missing.problems[0]!.message).toContain('does not exist');
    const outside = await auditVersion(casesDir, caseSpec('../data/x.csv', []), options);
    expect(outside.problems[0]!.message).toContain('outside the version folder');
  });

  it('turns a refusal of the core into a problem (case 05, reference convention)', async () => {
    const spec = caseSpec('05-separable-threshold-inf.csv', [], {
      operatingPoint: { policy: 'target-fpr', targetFpr: 0.2, convention: 'reference' },
    });
    const { results, problems } = await auditVersion(casesDir, spec, options);
    expect(results).toBeNull();
    expect(problems.map((p) => [p.code, p.severity, p.columnName])).toEqual([
      ['AuditInfiniteThreshold', 'error', 'score'],
    ]);
  });

  it('refuses a data file that links outside the version folder', async () => {
    const folder = path.join(scratch, 'linked');
    mkdirSync(folder, { recursive: true });
    symlinkSync(path.join(casesDir, CASE_01), path.join(folder, CASE_01));
    const { results, problems } = await auditVersion(folder, spec01(0), options);
    expect(results).toBeNull();
    expect(problems.map((p) => p.code)).toEqual(['AuditDataUnreadable']);
    expect(problems[0]!.message).toContain('link to a file outside');
  });

  it('reports a ragged file by row and line', async () => {
    writeFileSync(path.join(scratch, 'ragged.csv'), 'id,score,label\na,0.1,0\nb,0.2\n');
    const { problems } = await auditVersion(scratch, caseSpec('ragged.csv', []), options);
    expect(problems.map((p) => [p.code, p.row, p.line])).toEqual([['CsvRaggedRow', 2, 3]]);
  });
});

describe.skipIf(!haveCases)('projection tests (case 09 against scipy and statsmodels)', () => {
  const comparisons: [string, string][] = [
    ['group=X', 'group=Y'],
    ['group=P', 'group=Q'],
    ['group=U', 'group=V'],
  ];

  function projectionSpec(pairs: [string, string][]): AuditSpec {
    return {
      ...caseSpec(CASE_01, []),
      projections: [
        {
          data: '09-ks-small-groups.csv',
          source: '09',
          columns: ['value'],
          comparisons: pairs,
          family: 'all',
          adjust: 'BY',
        },
      ],
    };
  }

  it('matches ks_2samp and the BY adjustment', async () => {
    const { results } = await auditVersion(casesDir, projectionSpec(comparisons), options);
    const tests = results!.projections;
    const want = golden['09'] as AuditResults['projections'];
    expect(tests.map((t) => t.method)).toEqual(['exact', 'exact', 'exact']);
    tests.forEach((test, index) => {
      const expected = want[index]!;
      expect(test.groups).toEqual(expected.groups);
      expect(test.sizes).toEqual(expected.sizes);
      expect(test.statistic!).toBeCloseTo(expected.statistic!, 9);
      expect(test.pValue!).toBeCloseTo(expected.pValue!, 9);
      expect(test.pAdjusted!).toBeCloseTo(expected.pAdjusted!, 9);
      expect(test.reject).toBe(expected.reject);
      expect([test.family, test.adjustMethod]).toEqual([expected.family, expected.adjustMethod]);
    });
    expect(tests[1]!.pValue!).toBeCloseTo(2 / 252, 12);
    expect(tests[2]!.statistic!).toBeCloseTo(2 / 3, 12);
    expect(results!.adjustment).toEqual({ method: 'BY', alpha: 0.05 });
    expect(results!.inputs.map((input) => input.path)).toEqual([CASE_01, '09-ks-small-groups.csv']);
  });

  it('leaves an untestable comparison null and out of the adjustment family', async () => {
    const withEmpty = projectionSpec([
      comparisons[0]!,
      ['group=X', 'group=nobody'],
      ...comparisons.slice(1),
    ]);
    const { results } = await auditVersion(casesDir, withEmpty, options);
    const tests = results!.projections;
    expect(tests[1]).toMatchObject({
      groups: ['X', 'nobody'],
      sizes: [1, 0],
      statistic: null,
      pValue: null,
      pAdjusted: null,
      method: 'none',
      reject: null,
      family: 'all',
      adjustMethod: 'BY',
      reason: 'no numeric value values where group=nobody',
    });
    const want = golden['09'] as AuditResults['projections'];
    expect(tests[2]!.pAdjusted!).toBeCloseTo(want[1]!.pAdjusted!, 12);
  });
});

describe('writeResults', () => {
  const valid: AuditResults = {
    model: 'm',
    version: '1',
    generatedBy: 'auditcard test',
    inputs: [],
    bootstrap: {
      replicates: 0,
      level: 0.95,
      seed: 1,
      stratify: 'label',
      resample: 'rows',
      clusters: null,
    },
    targets: [],
    projections: [],
    adjustment: null,
  };

  it('writes the results and leaves no temporary file', async () => {
    const file = path.join(scratch, 'out', 'results.json');
    await writeResults(file, valid);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(valid);
    expect(readdirSync(path.dirname(file))).toEqual(['results.json']);
  });

  it('refuses to replace anything but a regular file (a pipe, a folder, a link)', async () => {
    const folder = path.join(scratch, 'special');
    mkdirSync(folder, { recursive: true });
    const pipe = path.join(folder, 'pipe');
    execFileSync('mkfifo', [pipe]);
    const link = path.join(folder, 'link.json');
    symlinkSync(path.join(folder, 'elsewhere.json'), link);
    for (const target of [pipe, folder, link]) {
      await expect(writeResults(target, valid)).rejects.toThrow(/is not a regular file/);
    }
    expect(lstatSync(pipe).isFIFO()).toBe(true);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('refuses invalid results and keeps the existing file as it was', async () => {
    const file = path.join(scratch, 'keep', 'results.json');
    await writeResults(file, valid);
    const before = readFileSync(file, 'utf8');
    const broken = { ...valid, bootstrap: { ...valid.bootstrap, level: NaN } };
    await expect(writeResults(file, broken)).rejects.toThrow(
      /bootstrap\/level: not a finite number/,
    );
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(readdirSync(path.dirname(file))).toEqual(['results.json']);
  });

  it('records the resampling unit, and refuses an unknown one or clusters that are not a count', async () => {
    const file = path.join(scratch, 'unit', 'results.json');
    const byId = { ...valid, bootstrap: { ...valid.bootstrap, resample: 'id', clusters: 412 } };
    await writeResults(file, byId as AuditResults);
    expect(JSON.parse(readFileSync(file, 'utf8')).bootstrap).toMatchObject({ clusters: 412 });
    const unknown = { ...valid, bootstrap: { ...valid.bootstrap, resample: 'images' } };
    await expect(writeResults(file, unknown as never)).rejects.toThrow(/bootstrap\/resample/);
    const fraction = { ...valid, bootstrap: { ...byId.bootstrap, clusters: 1.5 } };
    await expect(writeResults(file, fraction as never)).rejects.toThrow(/bootstrap\/clusters/);
    const missing: Record<string, unknown> = { ...valid.bootstrap };
    delete missing.clusters;
    await expect(writeResults(file, { ...valid, bootstrap: missing } as never)).rejects.toThrow(
      /clusters/,
    );
  });

  it('removes the temporary file when the rename fails', async () => {
    const folder = path.join(scratch, 'blocked');
    const file = path.join(folder, 'results.json');
    await writeResults(path.join(file, 'inner.json'), valid);
    await expect(writeResults(file, valid)).rejects.toThrow();
    expect(readdirSync(folder)).toEqual(['results.json']);
  });
});
