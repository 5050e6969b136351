/**
 * `auditcard build` on good and bad content: a build publishes everything or nothing, and a
 * failed build leaves the site that was there before untouched.
 */
import { cp, mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { siteMarkerFile, siteMarkerText } from '../../../src/pipeline/build/output-folder.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const demoVersion = join(repoRoot, 'content', 'cxr-triage-demo', '1.0');

async function workspace(): Promise<{
  root: string;
  output: string[];
  run: (args: string[]) => Promise<number>;
}> {
  const root = await mkdtemp(join(tmpdir(), 'auditcard-build-'));
  const output: string[] = [];
  const io = {
    stdout: (text: string) => output.push(text),
    stderr: (text: string) => output.push(text),
    cwd: root,
  };
  return { root, output, run: (args) => main(args, io) };
}

/** A previously published site, to check that failed builds never touch it. */
async function publishedSite(root: string): Promise<string> {
  const site = join(root, 'site');
  await mkdir(site);
  await writeFile(join(site, 'index.html'), 'the published site');
  await writeFile(join(site, siteMarkerFile), siteMarkerText);
  return site;
}

describe('auditcard build', () => {
  it('builds the demo content: index, card pages, reports and downloads', async () => {
    const { root, run } = await workspace();
    const status = await run([
      'build',
      '--content',
      join(repoRoot, 'content'),
      '--out',
      'site',
      '--quiet',
    ]);
    expect(status).toBe(0);

    const version = join(root, 'site', 'models', 'cxr-triage-demo', '1.1');
    expect((await readdir(version)).sort()).toEqual(
      [
        'audit',
        'card.json',
        'dataset',
        'dataset.json',
        'index.html',
        'ks-tests.csv',
        'metrics.csv',
        'results.json',
      ].sort(),
    );
    const index = await readFile(join(root, 'site', 'index.html'), 'utf8');
    expect(index).toContain('Chest radiograph triage model (synthetic demo)');
    const report = await readFile(join(version, 'audit', 'index.html'), 'utf8');
    expect(report).toContain('Pneumothorax');
    expect(report).toContain('role="img"');
    // Astro leaves server modules in a static build's folder; they are not part of the site.
    expect((await readdir(join(root, 'site'))).filter((name) => name.endsWith('.mjs'))).toEqual([]);
  }, 300_000);

  it('publishes nothing when report.md nests too deep, and names the line', async () => {
    const { root, output, run } = await workspace();
    const site = await publishedSite(root);
    const version = join(root, 'content', 'cxr-triage-demo', '1.0');
    await cp(demoVersion, version, { recursive: true });
    await writeFile(join(version, 'report.md'), `# Report\n\n${'>'.repeat(2000)} deep\n`);
    const status = await run(['build', '--content', 'content', '--out', 'site']);
    expect(status).toBe(1);
    expect(output.join('\n')).toMatch(
      /report\.md:3:1 {2}this line nests quotes or lists 2000 levels deep.*\[ContentReportUnrenderable\]/,
    );
    expect(await readFile(join(site, 'index.html'), 'utf8')).toBe('the published site');
  }, 120_000);

  it('publishes nothing when a card is invalid, and names the file, line and column', async () => {
    const { root, output, run } = await workspace();
    const site = await publishedSite(root);
    const version = join(root, 'content', 'broken', '1.0');
    await mkdir(version, { recursive: true });
    await writeFile(
      join(version, 'card.json'),
      JSON.stringify(
        {
          $schema: 'https://atlas.rsna.org/schemas/2025-11/model.json',
          Model: { Name: 'Broken', Link: 'x' },
        },
        null,
        2,
      ),
    );

    const status = await run(['build', '--content', 'content', '--out', 'site']);

    expect(status).toBe(1);
    expect(output.join('\n')).toMatch(
      /content\/broken\/1\.0\/card\.json:\d+:\d+ .*\[CardSchemaViolation\]/,
    );
    expect((await readdir(site)).sort()).toEqual([siteMarkerFile, 'index.html']);
    expect(await readFile(join(site, 'index.html'), 'utf8')).toBe('the published site');
    expect((await readdir(root)).sort()).toEqual(['content', 'site']);
  });

  it('stops at validation on a misspelled column, located in audit.yaml, before any audit', async () => {
    const { root, output, run } = await workspace();
    const version = join(root, 'content', 'demo', '1.0');
    await cp(demoVersion, version, { recursive: true });
    const spec = join(version, 'audit.yaml');
    const text = await readFile(spec, 'utf8');
    await writeFile(spec, text.replace('score: score_pneumothorax', 'score: score_pneumothoraks'));

    const status = await run(['build', '--content', 'content', '--out', 'site']);

    expect(status).toBe(1);
    const printed = output.join('\n');
    expect(printed).toMatch(
      /content\/demo\/1\.0\/audit\.yaml:7:12 {2}Column "score_pneumothoraks" \(score of target "Pneumothorax"\) is not in predictions\.csv\. {2}\[CsvMissingColumn\]\n {4}hint: Did you mean "score_pneumothorax"\?/,
    );
    expect(printed).not.toContain('Auditing');
    expect(printed).toContain('1 error in 1 file');
  });

  it('publishes nothing when an audit is refused (an infinite threshold)', async () => {
    const { root, output, run } = await workspace();
    const site = await publishedSite(root);
    const version = join(root, 'content', 'separable', '1.0');
    await mkdir(version, { recursive: true });
    await cp(join(demoVersion, 'card.json'), join(version, 'card.json'));
    await writeFile(
      join(version, 'predictions.csv'),
      'id,score,label\na,0.9,1\nb,0.8,1\nc,0.3,0\nd,0.2,0\n',
    );
    await writeFile(
      join(version, 'audit.yaml'),
      [
        'data: predictions.csv',
        'id: id',
        'targets:',
        '  - { name: Finding, label: { column: label, positive: [1], negative: [0] }, score: score }',
        'groups: []',
        'operatingPoint: { targetFpr: 0.2, convention: reference }',
        'bootstrap: { replicates: 0 }',
        '',
      ].join('\n'),
    );

    const status = await run(['build', '--content', 'content', '--out', 'site']);

    expect(status).toBe(1);
    expect(output.join('\n')).toContain('[AuditInfiniteThreshold]');
    expect(await readFile(join(site, 'index.html'), 'utf8')).toBe('the published site');
  });

  it('replaces a site it published before, marker included', async () => {
    const { root, run } = await workspace();
    const site = await publishedSite(root);
    await writeFile(join(site, 'stale.html'), 'from the old build');

    expect(
      await run(['build', '--content', join(repoRoot, 'content'), '--out', 'site', '--quiet']),
    ).toBe(0);

    const files = await readdir(site);
    expect(files).toContain(siteMarkerFile);
    expect(files).not.toContain('stale.html');
  }, 300_000);

  it.each([
    ['the working directory', '.'],
    ['the content folder', 'content'],
    ['a folder holding the content', join('content', '..')],
    ['the root of the file system', '/'],
    ['a folder inside the content folder, which every later build would read', 'content/site'],
    ["the project's own site sources", join(repoRoot, 'src', 'pages', 'published')],
  ])('refuses to publish into %s, and deletes nothing', async (_what, out) => {
    const { root, output, run } = await workspace();
    await mkdir(join(root, 'content'));
    await writeFile(join(root, 'content', 'keep.txt'), 'mine');

    expect(await run(['build', '--content', 'content', '--out', out])).toBe(1);

    expect(output.join('\n')).toContain('[BuildOutputUnsafe]');
    expect(await readFile(join(root, 'content', 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('refuses a non-empty folder that no build published, and a file', async () => {
    const { root, output, run } = await workspace();
    await mkdir(join(root, 'documents'));
    await writeFile(join(root, 'documents', 'thesis.tex'), 'years of work');
    await writeFile(join(root, 'notes.txt'), 'a file');

    expect(await run(['build', '--content', join(repoRoot, 'content'), '--out', 'documents'])).toBe(
      1,
    );
    expect(await run(['build', '--content', join(repoRoot, 'content'), '--out', 'notes.txt'])).toBe(
      1,
    );

    expect(output.join('\n')).toMatch(/has no \.auditcard-site file[\s\S]*is a file, not a folder/);
    expect(await readFile(join(root, 'documents', 'thesis.tex'), 'utf8')).toBe('years of work');
  });

  it('builds from a working directory outside the project, as the installed command', async () => {
    const root = await mkdtemp(join(tmpdir(), 'auditcard-elsewhere-'));
    await cp(join(repoRoot, 'content'), join(root, 'content'), { recursive: true });

    const run = spawnSync(
      process.execPath,
      [join(repoRoot, 'bin', 'auditcard.js'), 'build', '--content', 'content', '--out', 'site'],
      { cwd: root, encoding: 'utf8', timeout: 240_000 },
    );

    expect(run.stderr).toContain(`Published ${join(root, 'site')}`);
    expect(run.status).toBe(0);
    const page = await readFile(
      join(root, 'site', 'models', 'cxr-triage-demo', '1.0', 'audit', 'index.html'),
      'utf8',
    );
    expect(page).toContain('Pneumothorax');
    expect((await readdir(root)).sort()).toEqual(['content', 'site']);
  }, 300_000);

  it('refuses an unknown option with exit status 2', async () => {
    const { run, output } = await workspace();
    expect(await run(['build', '--contnet', 'x'])).toBe(2);
    expect(output.join('\n')).toContain("unknown option '--contnet'");
  });
});
