/**
 * auditcard against what the study itself published: the BY-adjusted KS p-values and rejections
 * printed at the end of the study's two bias-inspection notebooks
 * (test/golden/study-published.json), compared at the 6 decimals the notebooks printed.
 *
 * The study adjusted each model's 20 tests as its own family, and the committed spec
 * (studies/cxr-foundation-bias/audit.yaml) names the same families (`family:` per model's
 * projection), so the committed spec, audited as it is, must reproduce the published table.
 * Only the bootstrap is turned off (replicates 0), to keep the test fast; it does not touch the
 * KS tests.
 *
 * Skipped where ../shared/data/cxr-foundation-bias (relative to the repository) is absent.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

import type { AuditResults, ProjectionTest } from '../../src/core/audit/results.ts';
import { auditVersion } from '../../src/pipeline/audit/index.ts';
import { loadAuditSpec } from '../../src/pipeline/validate/index.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const studyData = join(repoRoot, '..', 'shared', 'data', 'cxr-foundation-bias');
const specFile = join(repoRoot, 'studies', 'cxr-foundation-bias', 'audit.yaml');
const publishedFile = join(repoRoot, 'test', 'golden', 'study-published.json');
const inputs = ['card.json', 'chexpert-model.embeddings.csv', 'cxr-foundation.embeddings.csv'];

interface PublishedBlock {
  source: string;
  data: string;
  notebook: string;
  adjusted: { decimals: number; values: number[][] };
  rejected: { values: boolean[][] };
}

interface Published {
  ksTests: { rows: string[]; columns: [string, string][]; blocks: PublishedBlock[] };
}

const published = JSON.parse(await readFile(publishedFile, 'utf8')) as Published;

/** The committed spec's text with the bootstrap off; everything else as committed. */
function specText(original: string): string {
  const document = parseDocument(original);
  document.setIn(['bootstrap', 'replicates'], 0);
  return document.toString();
}

/** Assembles a version folder with the given spec text and the study's files, then audits it. */
async function auditWith(text: string, dirs: string[]): Promise<AuditResults> {
  const dir = await mkdtemp(join(tmpdir(), 'auditcard-published-'));
  dirs.push(dir);
  await writeFile(join(dir, 'audit.yaml'), text);
  for (const file of inputs) await copyFile(join(studyData, file), join(dir, file));

  const loaded = loadAuditSpec(dir);
  expect(loaded.problems).toEqual([]);
  expect(loaded.spec).not.toBeNull();
  const run = await auditVersion(dir, loaded.spec!, { model: 'CXR foundation bias', version: '1' });
  expect(run.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  expect(run.results).not.toBeNull();
  return run.results!;
}

/** The test of one cell of a published 4x5 matrix. */
function findTest(
  results: AuditResults,
  source: string,
  row: string,
  [left, right]: [string, string],
): ProjectionTest {
  const [attribute, leftValue] = left.split('=') as [string, string];
  const rightValue = right.split('=')[1];
  const found = results.projections.filter(
    (test) =>
      test.source === source &&
      test.column === row &&
      test.attribute === attribute &&
      test.groups[0] === leftValue &&
      test.groups[1] === rightValue,
  );
  expect(found, `${source} ${row} ${left} vs ${right}`).toHaveLength(1);
  return found[0]!;
}

function round(value: number, decimals: number): number {
  return Number(value.toFixed(decimals));
}

describe.skipIf(!existsSync(studyData))('the study’s published KS results', () => {
  const dirs: string[] = [];
  let results: AuditResults;

  beforeAll(async () => {
    results = await auditWith(specText(await readFile(specFile, 'utf8')), dirs);
  });

  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('the committed spec adjusts each model’s 20 tests as one BY family, as the study did', () => {
    expect(results.projections).toHaveLength(40);
    for (const block of published.ksTests.blocks) {
      const family = results.projections.filter((test) => test.family === block.source);
      expect(family, block.source).toHaveLength(20);
      expect(new Set(family.map((test) => test.source))).toEqual(new Set([block.source]));
      expect(new Set(family.map((test) => test.adjustMethod))).toEqual(new Set(['BY']));
    }
    expect(results.adjustment).toEqual({ method: 'BY', alpha: 0.05 });
  });

  for (const block of published.ksTests.blocks) {
    describe(`${block.source} (${block.notebook})`, () => {
      it('matches the printed BY-adjusted p-values to 6 decimals', () => {
        const { rows, columns } = published.ksTests;
        const actual = rows.map((row) =>
          columns.map((pair) => {
            const test = findTest(results, block.source, row, pair);
            expect(test.pAdjusted, `${row} ${pair.join(' vs ')}`).not.toBeNull();
            return round(test.pAdjusted!, block.adjusted.decimals);
          }),
        );
        expect(actual).toEqual(block.adjusted.values);
      });

      it('rejects the same null hypotheses at alpha 0.05', () => {
        const { rows, columns } = published.ksTests;
        const actual = rows.map((row) =>
          columns.map((pair) => findTest(results, block.source, row, pair).reject),
        );
        expect(actual).toEqual(block.rejected.values);
      });
    });
  }
});
