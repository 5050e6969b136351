import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runValidate } from '../../src/cli/commands/validate.ts';
import { validateContent } from '../../src/pipeline/validate/index.ts';
import { fixturesDir } from '../pipeline/validate/shared-data.ts';

const root = mkdtempSync(join(tmpdir(), 'auditcard-validate-'));
const fullCard = readFileSync(join(fixturesDir, 'cards', 'valid-full.json'), 'utf8');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A content folder with one good version and, when asked, one bad version. */
function makeContent(name: string, withErrors: boolean): string {
  const cwd = join(root, name);
  const good = join(cwd, 'content', 'demo', '1.0');
  mkdirSync(good, { recursive: true });
  writeFileSync(join(good, 'card.json'), fullCard.replace('"Version": "2.1"', '"Version": "1.0"'));
  copyFileSync(join(fixturesDir, 'specs', 'minimal', 'audit.yaml'), join(good, 'audit.yaml'));
  copyFileSync(
    join(fixturesDir, 'specs', 'minimal', 'predictions.csv'),
    join(good, 'predictions.csv'),
  );
  const warned = join(cwd, 'content', 'demo', '1.1');
  mkdirSync(warned, { recursive: true });
  copyFileSync(join(fixturesDir, 'cards', 'warning-codes.yaml'), join(warned, 'card.yaml'));
  if (withErrors) {
    const bad = join(cwd, 'content', 'demo', '2.0');
    mkdirSync(bad, { recursive: true });
    copyFileSync(join(fixturesDir, 'cards', 'invalid-missing-link.json'), join(bad, 'card.json'));
    writeFileSync(join(bad, 'audit.yaml'), 'data: ../1.0/predictions.csv\ntargets: []\n');
  }
  return cwd;
}

async function run(args: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runValidate(args, {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    cwd,
  });
  return { status, stdout: out.join(''), stderr: err.join('\n') };
}

describe('auditcard validate', () => {
  const clean = makeContent('clean', false);
  const broken = makeContent('broken', true);

  it('exits 0 on content with warnings only, and says what it checked', async () => {
    const { status, stdout, stderr } = await run([], clean);
    expect(status).toBe(0);
    expect(stdout).toContain('content/demo/1.1/card.yaml:9:12  warning: ');
    expect(stderr).toBe('3 warnings in 1 file (4 files checked)');
  });

  it('exits 1 on content errors and prints every problem at once', async () => {
    const { status, stdout, stderr } = await run(['content'], broken);
    expect(status).toBe(1);
    expect(stdout).toContain(
      'content/demo/2.0/card.json:3:12  /Model: missing the required key "Link"  [CardSchemaViolation]',
    );
    expect(stdout).toContain(
      'content/demo/2.0/audit.yaml:2:10  /targets: must have at least 1 item',
    );
    expect(stderr).toBe('2 errors, 3 warnings in 3 files (6 files checked)');
  });

  it('checks single card files, spec files and version folders', async () => {
    expect((await run(['content/demo/1.0/card.json'], broken)).status).toBe(0);
    expect((await run(['content/demo/2.0/audit.yaml'], broken)).status).toBe(1);
    expect((await run(['content/demo/1.0'], broken)).status).toBe(0);
    expect((await run(['content/demo/2.0'], broken)).status).toBe(1);
    expect((await run(['content/demo'], broken)).status).toBe(1);
  });

  it('refuses a spec path that leaves the version folder', async () => {
    const spec = join(broken, 'content', 'demo', '2.0', 'audit.yaml');
    writeFileSync(
      spec,
      'data: ../1.0/predictions.csv\ntargets:\n  - { name: x, label: { column: y, positive: [1], negative: [0] }, score: s }\n',
    );
    const { status, stdout } = await run(
      ['content/demo/2.0/audit.yaml', '--format', 'json'],
      broken,
    );
    expect(status).toBe(1);
    const problems = JSON.parse(stdout) as Array<{ code: string; line: number; file: string }>;
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'SpecPathOutsideFolder',
        line: 1,
        file: 'content/demo/2.0/audit.yaml',
      }),
    ]);
  });

  it('catches a misspelled column without running the audit, at its place in audit.yaml', async () => {
    const cwd = makeContent('typo', false);
    const spec = join(cwd, 'content', 'demo', '1.0', 'audit.yaml');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('score: score', 'score: scroe'));
    const { status, stdout, stderr } = await run(['content/demo/1.0'], cwd);
    expect(status).toBe(1);
    expect(stdout).toBe(
      'content/demo/1.0/audit.yaml:5:12  Column "scroe" (score of target "Effusion") is not in ' +
        'predictions.csv.  [CsvMissingColumn]\n    hint: Did you mean "score"?\n',
    );
    expect(stderr).toBe('1 error in 1 file (3 files checked)');
  });

  it('warns about a card whose Version is not its folder name', async () => {
    const cwd = makeContent('version', false);
    const card = join(cwd, 'content', 'demo', '1.0', 'card.json');
    writeFileSync(card, fullCard);
    const { status, stdout } = await run(['content/demo/1.0', '--format', 'json'], cwd);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      expect.objectContaining({
        code: 'CardVersionMismatch',
        file: 'content/demo/1.0/card.json',
        pointer: '/Model/Descriptors/Version',
        line: 22,
      }),
    ]);
  });

  it('prints GitHub workflow commands', async () => {
    const { stdout } = await run(['--format=github'], clean);
    expect(stdout.split('\n')[0]).toMatch(
      /^::warning file=content\/demo\/1\.1\/card\.yaml,line=6,col=14,title=CardCodeNotBare::/,
    );
  });

  it('prints [] in JSON when there is nothing to report', async () => {
    const { status, stdout } = await run(['content/demo/1.0', '--format', 'json'], clean);
    expect(status).toBe(0);
    expect(stdout).toBe('[]\n');
  });

  it.each([
    [['--strict']],
    [['--format', 'xml']],
    [['--format']],
    [['missing-folder']],
    [['content/demo/1.0/predictions.csv']],
  ])('exits 2 on a usage error: %j', async (args) => {
    const { status, stderr } = await run(args, clean);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^auditcard validate: /);
  });
});

describe('auditcard validate on input that once crashed or passed silently', () => {
  const schemaId = 'https://atlas.rsna.org/schemas/2025-11/model.json';
  const deepCard = (depth: number) =>
    `{"$schema": "${schemaId}", "Model": {"Name": "Deep model", "Link": "https://example.org", ` +
    `"Summary": ${'['.repeat(depth)}"x"${']'.repeat(depth)}}}`;

  it.each([100, 201, 2500, 3000, 3500, 100_000])(
    'reports a card nested %i deep as content (exit 1), never a crash',
    async (depth) => {
      const cwd = join(root, `deep-${depth}`);
      mkdirSync(cwd, { recursive: true });
      writeFileSync(join(cwd, 'card.json'), deepCard(depth));
      writeFileSync(
        join(cwd, 'card.yaml'),
        `$schema: ${schemaId}\nModel:\n  Summary:\n    ${'- '.repeat(depth)}x\n`,
      );
      for (const file of ['card.json', 'card.yaml']) {
        const { status, stdout } = await run([file, '--format', 'json'], cwd);
        expect(status, file).toBe(1);
        const codes = (JSON.parse(stdout) as Array<{ code: string }>).map((found) => found.code);
        if (depth > 200) expect(codes, file).toEqual(['CardTooDeep']);
        else expect(codes, file).not.toContain('CardTooDeep');
      }
    },
  );

  it('refuses a card that is not UTF-8, at the first invalid byte', async () => {
    const cwd = makeContent('latin1', false);
    const card = join(cwd, 'content', 'demo', '1.0', 'card.json');
    writeFileSync(
      card,
      Buffer.from(readFileSync(card, 'latin1').replace('synthetic', 'synth\u00e9tic'), 'latin1'),
    );
    const { status, stdout } = await run(['content/demo/1.0', '--format', 'json'], cwd);
    expect(status).toBe(1);
    expect(JSON.parse(stdout)).toEqual([
      expect.objectContaining({
        code: 'CardEncoding',
        file: 'content/demo/1.0/card.json',
        line: 4,
      }),
    ]);
  });

  it('refuses an empty content folder, naming it', async () => {
    const cwd = join(root, 'empty');
    mkdirSync(join(cwd, 'content'), { recursive: true });
    const { status, stdout } = await run(['content'], cwd);
    expect(status).toBe(1);
    expect(stdout).toMatch(/^content {2}the content folder .*content has no model folders/);
    expect(stdout).toContain('[ContentEmpty]');
  });

  it('refuses model and version names that break URLs', async () => {
    const cwd = makeContent('names', false);
    mkdirSync(join(cwd, 'content', 'q?x#y', '1.0'), { recursive: true });
    copyFileSync(
      join(fixturesDir, 'cards', 'valid-minimal.json'),
      join(cwd, 'content', 'q?x#y', '1.0', 'card.json'),
    );
    for (const path of ['content', 'content/q?x#y', 'content/q?x#y/1.0']) {
      const { status, stdout } = await run([path, '--format', 'json'], cwd);
      expect(status, path).toBe(1);
      const problems = JSON.parse(stdout) as Array<{ code: string }>;
      expect(
        problems.filter((found) => found.code === 'ContentNameNotPortable'),
        path,
      ).toEqual([expect.objectContaining({ severity: 'error', file: 'content/q?x#y' })]);
    }
  });
});

describe('validateContent', () => {
  it('returns cards, specs and raw integers by version folder', async () => {
    const content = join(makeContent('api', false), 'content');
    const result = await validateContent(content);
    expect(result.versions.map((one) => one.version)).toEqual(['1.0', '1.1']);
    const dir = join(content, 'demo', '1.0');
    expect(result.cards.get(dir)).toMatchObject({ Model: { Name: 'Full synthetic triage model' } });
    expect(result.specs.get(dir)?.bootstrap.replicates).toBe(2000);
    expect(result.rawIntegers.get(dir)).toEqual({});
    expect(result.filesChecked).toBe(4);
    expect(result.problems.every((found) => found.severity === 'warning')).toBe(true);
  });
});
