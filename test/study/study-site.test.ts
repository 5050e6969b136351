/**
 * The real study, end to end: a content folder assembled from the committed spec
 * (studies/cxr-foundation-bias/audit.yaml) and the study's card and sample files in
 * ../shared/data, built into a site with `auditcard build`. Skipped where ../shared is absent.
 *
 * The numbers themselves are checked against scikit-learn/scipy/statsmodels in
 * test/pipeline/audit/study.test.ts; this test checks that the whole path publishes them.
 */
import { copyFile, mkdir, mkdtemp, readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { AuditResults } from '../../src/core/audit/results.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const studyData = join(repoRoot, '..', 'shared', 'data', 'cxr-foundation-bias');
const golden = JSON.parse(
  await readFile(join(repoRoot, 'test', 'golden', 'audit-study.json'), 'utf8'),
) as { targets: Record<string, { operatingPoints: { reference: { threshold: number } } }> };

describe.skipIf(!existsSync(studyData))('the real study, built as a site', () => {
  let root: string;
  let out: string;
  let status: number;
  const output: string[] = [];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'auditcard-study-'));
    const version = join(root, 'content', 'cxr-foundation-bias', '1.0');
    await mkdir(version, { recursive: true });
    await copyFile(
      join(repoRoot, 'studies', 'cxr-foundation-bias', 'audit.yaml'),
      join(version, 'audit.yaml'),
    );
    for (const file of [
      'card.json',
      'chexpert-model.embeddings.csv',
      'cxr-foundation.embeddings.csv',
    ]) {
      await copyFile(join(studyData, file), join(version, file));
    }

    out = join(root, 'site');
    const io = {
      stdout: (text: string) => output.push(text),
      stderr: (text: string) => output.push(text),
      cwd: root,
    };
    status = await main(['build', '--content', 'content', '--out', 'site'], io);
  }, 300_000);

  it('builds and publishes with exit status 0', () => {
    expect(output.join('\n')).toContain('Published');
    expect(status).toBe(0);
  });

  it('publishes the card page, the audit report and the downloads under permanent URLs', async () => {
    const folder = join(out, 'models', 'cxr-foundation-bias', '1.0');
    const files = await readdir(folder);
    expect(files).toEqual(
      expect.arrayContaining([
        'index.html',
        'audit',
        'card.json',
        'results.json',
        'metrics.csv',
        'ks-tests.csv',
      ]),
    );

    const cardPage = await readFile(join(folder, 'index.html'), 'utf8');
    expect(cardPage).toContain('Chest Radiography Foundation Model (as studied for bias)');
    expect(cardPage).toContain('https://doi.org/10.1148/ryai.230060');

    const report = await readFile(join(folder, 'audit', 'index.html'), 'utf8');
    expect(report).toContain('Pleural Effusion');
    expect(report).toContain('<svg');
    expect(report).not.toMatch(/NaN|Infinity/);
  });

  it("publishes the card as written plus the audit's Model performance, and results at the reference thresholds", async () => {
    const folder = join(out, 'models', 'cxr-foundation-bias', '1.0');
    const published = JSON.parse(await readFile(join(folder, 'card.json'), 'utf8')) as {
      Model: Record<string, unknown> & { 'Model performance'?: { Comments?: string } };
    };
    const original = JSON.parse(await readFile(join(studyData, 'card.json'), 'utf8')) as {
      Model: Record<string, unknown>;
    };
    const { 'Model performance': performance, ...rest } = published.Model;
    const { 'Model performance': _authors, ...originalRest } = original.Model;
    void _authors;
    expect({ ...published, Model: rest }).toEqual({ ...original, Model: originalRest });
    expect(performance?.Comments).toContain('models/cxr-foundation-bias/1.0/results.json');

    const results = JSON.parse(
      await readFile(join(folder, 'results.json'), 'utf8'),
    ) as AuditResults;
    expect(results.targets.map((target) => target.name)).toEqual([
      'No Finding',
      'Pleural Effusion',
    ]);
    for (const target of results.targets) {
      expect(target.operatingPoint.threshold).toBe(
        golden.targets[target.name]!.operatingPoints.reference.threshold,
      );
    }
    expect(results.projections).toHaveLength(40);
  });

  it('shows the Model performance filled from the audit on the card page', async () => {
    const page = await readFile(
      join(out, 'models', 'cxr-foundation-bias', '1.0', 'index.html'),
      'utf8',
    );
    expect(page).toContain('Model performance');
    expect(page).toContain('area under the receiver operating characteristic curve');
    expect(page).toContain('Operating point chosen on the whole sample');
  });

  it('shows disparities with intervals and flags, and nothing undefined as a number', async () => {
    const folder = join(out, 'models', 'cxr-foundation-bias', '1.0');
    const report = await readFile(join(folder, 'audit', 'index.html'), 'utf8');
    expect(report).toContain('disparities against the whole sample');
    expect(report).toContain('disparities against each attribute&#39;s reference group');
    // Intervals of differences, such as "−0.038 (−0.062 to −0.015)".
    expect(report).toMatch(/−?\d\.\d{3} \(−?\d\.\d{3} to −?\d\.\d{3}\)/);
    expect(report).toContain('The interval excludes no difference');
    expect(report).not.toMatch(/>\s*(NaN|Infinity|undefined|null)\s*</);
  });

  it('shows the KS tests by family, one per model as the spec names them', async () => {
    const folder = join(out, 'models', 'cxr-foundation-bias', '1.0');
    const report = await readFile(join(folder, 'audit', 'index.html'), 'utf8');
    expect(report).toContain(
      'p-values adjusted within each family, separately: CheXpert model (BY, 20 tests); ' +
        'CXR foundation model (BY, 20 tests), α = 0.05.',
    );
    expect(report).toContain('<th scope="col">Family</th>');

    const csv = (await readFile(join(folder, 'ks-tests.csv'), 'utf8')).trim().split('\n');
    expect(csv[0]).toMatch(/,family,adjust_method$/);
    expect(csv.slice(1).filter((row) => row.endsWith(',CheXpert model,BY'))).toHaveLength(20);
    expect(csv.slice(1).filter((row) => row.endsWith(',CXR foundation model,BY'))).toHaveLength(20);
  });
});
