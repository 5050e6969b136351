import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  compareNatural,
  compareVersions,
  discoverContent,
} from '../../../src/pipeline/content/index.ts';

describe('discoverContent', () => {
  const root = mkdtempSync(join(tmpdir(), 'auditcard-content-'));
  const files: Record<string, string> = {
    'beta/v10/card.json': '{}',
    'beta/v2/card.yaml': '',
    'beta/v2/audit.yml': '',
    'alpha/1.0.0/card.json': '{}',
    'alpha/1.0.0/audit.yaml': '',
    'alpha/1.0.0/report.md': '',
    'alpha/1.0.0-rc.1/card.yml': '',
    'alpha/README.md': '',
    'alpha/both/card.json': '{}',
    'alpha/both/card.yaml': '',
    'alpha/empty/notes.txt': '',
    'alpha/.hidden/card.json': '{}',
    'odd name/1/card.json': '{}',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('lists versions by model, then version in semver-ish order', () => {
    const { versions } = discoverContent(root);
    expect(versions.map((one) => `${one.model}/${one.version}`)).toEqual([
      'alpha/1.0.0-rc.1',
      'alpha/1.0.0',
      'beta/v2',
      'beta/v10',
      'odd name/1',
    ]);
    const release = versions[1];
    expect(release).toEqual({
      model: 'alpha',
      version: '1.0.0',
      dir: join(root, 'alpha/1.0.0'),
      cardPath: join(root, 'alpha/1.0.0/card.json'),
      specPath: join(root, 'alpha/1.0.0/audit.yaml'),
      reportPath: join(root, 'alpha/1.0.0/report.md'),
      datasetCardPath: null,
    });
    expect(versions[2]?.specPath).toBe(join(root, 'beta/v2/audit.yml'));
  });

  it('reports folders without a card, with two cards, and names unsafe in URLs', () => {
    const { problems } = discoverContent(root);
    expect(
      problems.map((found) => [found.code, found.severity, found.file.slice(root.length + 1)]),
    ).toEqual([
      ['ContentAmbiguousFile', 'error', 'alpha/both/card.json'],
      ['ContentCardMissing', 'error', 'alpha/empty'],
      ['ContentNameNotPortable', 'error', 'odd name'],
    ]);
  });

  it('reports a missing content folder', () => {
    const { problems } = discoverContent(join(root, 'nope'));
    expect(problems[0]?.code).toBe('ContentFolderMissing');
  });
});

describe('links out of the content folder', () => {
  const base = mkdtempSync(join(tmpdir(), 'auditcard-links-'));
  const root = join(base, 'content');
  const outside = join(base, 'outside');
  mkdirSync(join(outside, 'version'), { recursive: true });
  writeFileSync(join(outside, 'secret.md'), 'not for publishing');
  writeFileSync(join(outside, 'card.json'), '{}');
  writeFileSync(join(outside, 'version', 'card.json'), '{}');
  mkdirSync(join(root, 'm', '1.0'), { recursive: true });
  mkdirSync(join(root, 'm', '1.1'), { recursive: true });
  mkdirSync(join(root, 'm', '1.3'), { recursive: true });
  writeFileSync(join(root, 'm', '1.0', 'card.json'), '{}');
  writeFileSync(join(root, 'm', '1.0', 'audit.yaml'), '');
  symlinkSync(join(outside, 'secret.md'), join(root, 'm', '1.0', 'report.md'));
  symlinkSync(join(outside, 'card.json'), join(root, 'm', '1.1', 'card.json'));
  symlinkSync(join(outside, 'version'), join(root, 'm', '2.0'));
  // A link that stays inside is fine.
  symlinkSync(join(root, 'm', '1.0', 'card.json'), join(root, 'm', '1.3', 'card.json'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('refuses a file or folder that links outside, and publishes nothing from it', () => {
    const { versions, problems } = discoverContent(root);
    expect(versions.map((one) => one.version)).toEqual(['1.3']);
    expect(
      problems.map((found) => [found.code, found.severity, found.file.slice(root.length + 1)]),
    ).toEqual([
      ['ContentLinkOutside', 'error', 'm/1.0/report.md'],
      ['ContentLinkOutside', 'error', 'm/1.1/card.json'],
      ['ContentLinkOutside', 'error', 'm/2.0'],
    ]);
    expect(problems[0]?.message).toContain('outside the content folder');
  });
});

describe('folder names', () => {
  const root = mkdtempSync(join(tmpdir(), 'auditcard-names-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** The problems of a content folder holding one version, `model/version/card.json`. */
  function problemsOf(model: string, version: string) {
    const content = mkdtempSync(join(root, 'content-'));
    mkdirSync(join(content, model, version), { recursive: true });
    writeFileSync(join(content, model, version, 'card.json'), '{}');
    return discoverContent(content).problems.map((found) => ({
      ...found,
      file: found.file.slice(content.length + 1),
    }));
  }

  it.each(['model-1', 'cxr_triage', 'CXR.Triage', '2024', 'a-'])('accepts %j', (name) => {
    expect(problemsOf(name, '1.0')).toEqual([]);
    expect(problemsOf('model', name)).toEqual([]);
  });

  it.each([
    ['q?x#y', 'q-x-y'],
    ['50%', '50'],
    ['my model', 'my-model'],
    ['tab\there', 'tab-here'],
    ['back\\slash', 'back-slash'],
    ['bell\u0007', 'bell'],
    ['modèle', 'modele'],
    ['肺', 'model-1'],
    ['-dash', 'dash'],
    ['_under', 'under'],
    ['a+b', 'a-b'],
  ])('refuses the model name %j as an error at the folder, suggesting %j', (name, suggestion) => {
    expect(problemsOf(name, '1.0')).toEqual([
      {
        code: 'ContentNameNotPortable',
        severity: 'error',
        message: `the model folder name ${JSON.stringify(name)} is not a safe name: it becomes part of URLs and file paths of the site`,
        hint:
          `Rename the folder to "${suggestion}". Names may hold ASCII letters, digits, ".", "_" ` +
          'and "-", starting with a letter or digit.',
        file: name,
      },
    ]);
  });

  it('refuses an unsafe version name at the version folder', () => {
    expect(problemsOf('model', '1.0 final')).toEqual([
      expect.objectContaining({
        code: 'ContentNameNotPortable',
        severity: 'error',
        file: join('model', '1.0 final'),
        hint: expect.stringContaining('Rename the folder to "1.0-final".') as unknown,
      }),
    ]);
  });
});

describe('content without versions', () => {
  const root = mkdtempSync(join(tmpdir(), 'auditcard-empty-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is an error naming the folder, with the expected layout', () => {
    writeFileSync(join(root, 'README.md'), '');
    mkdirSync(join(root, '.git'));
    const { versions, problems } = discoverContent(root);
    expect(versions).toEqual([]);
    expect(problems).toEqual([
      {
        code: 'ContentEmpty',
        severity: 'error',
        message: `the content folder ${root} has no model folders, so there is nothing to publish`,
        hint:
          'Lay the content out as <content>/<model>/<version>/card.json (or card.yaml), for ' +
          'example content/my-model/1.0/card.json, or name the content folder that holds them.',
        file: root,
      },
    ]);
  });

  it('names model folders that hold no version folder', () => {
    mkdirSync(join(root, 'alpha'));
    mkdirSync(join(root, 'beta'));
    writeFileSync(join(root, 'beta', 'notes.txt'), '');
    const [found] = discoverContent(root).problems;
    expect(found?.code).toBe('ContentEmpty');
    expect(found?.message).toBe(
      `the content folder ${root} has no version folders (its model folders "alpha", "beta" are empty)`,
    );
  });
});

describe('report.md', () => {
  const root = mkdtempSync(join(tmpdir(), 'auditcard-report-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('warns at a report in a version without an audit spec', () => {
    for (const version of ['1.0', '2.0']) {
      mkdirSync(join(root, 'model', version), { recursive: true });
      writeFileSync(join(root, 'model', version, 'card.json'), '{}');
      writeFileSync(join(root, 'model', version, 'report.md'), '# Notes\n');
    }
    writeFileSync(join(root, 'model', '2.0', 'audit.yaml'), '');

    const { versions, problems } = discoverContent(root);
    expect(versions.map((one) => one.reportPath)).toEqual([
      join(root, 'model', '1.0', 'report.md'),
      join(root, 'model', '2.0', 'report.md'),
    ]);
    expect(problems).toEqual([
      {
        code: 'ContentReportWithoutAudit',
        severity: 'warning',
        message: 'this report.md is never shown: the version has no audit.yaml',
        hint: 'The report is shown only with an audit; add audit.yaml or remove report.md.',
        file: join(root, 'model', '1.0', 'report.md'),
      },
    ]);
  });
});

describe('ordering', () => {
  it('compares names naturally', () => {
    expect(['m10', 'm2', 'M1', 'm1'].sort(compareNatural)).toEqual(['M1', 'm1', 'm2', 'm10']);
  });

  it('compares versions semver-ish', () => {
    const versions = [
      'v1.10.0',
      '1.2.0',
      '1.10.0-beta',
      '1.9',
      '2024-05-01',
      '2024-04-30',
      '1.10.0-alpha',
    ];
    expect(versions.sort(compareVersions)).toEqual([
      '1.2.0',
      '1.9',
      '1.10.0-alpha',
      '1.10.0-beta',
      'v1.10.0',
      '2024-04-30',
      '2024-05-01',
    ]);
  });
});
