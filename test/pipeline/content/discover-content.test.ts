import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
    });
    expect(versions[2]?.specPath).toBe(join(root, 'beta/v2/audit.yml'));
  });

  it('reports folders without a card, with two cards, and names unsafe in URLs', () => {
    const { problems } = discoverContent(root);
    expect(problems.map((found) => [found.code, found.file.slice(root.length + 1)])).toEqual([
      ['ContentAmbiguousFile', 'alpha/both/card.json'],
      ['ContentCardMissing', 'alpha/empty'],
      ['ContentNameNotPortable', 'odd name'],
    ]);
  });

  it('reports a missing content folder', () => {
    const { problems } = discoverContent(join(root, 'nope'));
    expect(problems[0]?.code).toBe('ContentFolderMissing');
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
