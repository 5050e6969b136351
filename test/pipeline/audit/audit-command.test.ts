import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { runAuditCommand } from '../../../src/cli/commands/audit.ts';
import { checkResults } from '../../../src/pipeline/audit/index.ts';
import { casesDir, haveCases } from '../../core/audit/helpers.ts';

const root = mkdtempSync(path.join(tmpdir(), 'auditcard-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function capture(cwd = root) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd },
    out,
    err,
  };
}

function version(name: string, spec: string, files: string[]) {
  const dir = path.join(root, 'content', 'demo', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'audit.yaml'), spec);
  for (const file of files) copyFileSync(path.join(casesDir, file), path.join(dir, file));
  return path.relative(root, dir);
}

const spec01 = `data: 01-auc-single-class-subgroup.csv
id: id
targets:
  - name: Finding
    label: { column: label, positive: [1], negative: [0] }
    score: score
groups:
  - { column: race, values: [GroupA, GroupB, GroupC], reference: GroupA }
operatingPoint: { targetFpr: 0.2, convention: full-curve }
bootstrap: { replicates: 200, level: 0.95, seed: 3, resample: rows }
`;

describe.skipIf(!haveCases)('auditcard audit', () => {
  it('writes valid results to --out and says where', async () => {
    const dir = version('1.0', spec01, ['01-auc-single-class-subgroup.csv']);
    const { io, out, err } = capture();
    expect(await runAuditCommand([dir, '--out', 'out/r.json'], io)).toBe(0);
    const results = JSON.parse(readFileSync(path.join(root, 'out', 'r.json'), 'utf8'));
    expect(checkResults(results)).toEqual([]);
    expect(results.model).toBe('demo');
    expect(results.version).toBe('1.0');
    expect(results.targets[0].operatingPoint.threshold).toBe(0.61);
    expect(out).toEqual([]);
    expect(err.join('\n')).toContain(
      `wrote ${path.join(root, 'out', 'r.json')}: 1 target, 4 groups each, 0 projection tests`,
    );
  });

  it('writes results.json in the working directory by default', async () => {
    const dir = version('1.1', spec01, ['01-auc-single-class-subgroup.csv']);
    const cwd = path.join(root, 'work');
    mkdirSync(cwd, { recursive: true });
    const { io, err } = capture(cwd);
    expect(await runAuditCommand([path.join('..', dir)], io)).toBe(0);
    expect(existsSync(path.join(cwd, 'results.json'))).toBe(true);
    // Progress lines of the bootstrap come first in a log, then the summary.
    expect(err.at(-1)).toMatch(
      new RegExp(`^wrote ${path.join(cwd, 'results.json').replaceAll(/[.\\/]/g, '\\$&')}: `),
    );
  });

  it('refuses to write into the version folder, so an input can never be overwritten', async () => {
    const dir = version('1.2', spec01, ['01-auc-single-class-subgroup.csv']);
    const input = path.join(root, dir, '01-auc-single-class-subgroup.csv');
    const before = readFileSync(input, 'utf8');

    for (const out of [
      path.join(dir, '01-auc-single-class-subgroup.csv'),
      path.join(dir, 'r.json'),
    ]) {
      const { io, err } = capture();
      expect(await runAuditCommand([dir, '--out', out], io)).toBe(2);
      expect(err.join('\n')).toContain('is never written to');
    }
    expect(readFileSync(input, 'utf8')).toBe(before);
    expect(existsSync(path.join(root, dir, 'r.json'))).toBe(false);
  });

  it('exits 1 with the problem and writes nothing when the data has errors', async () => {
    const spec = spec01
      .replace('01-auc-single-class-subgroup.csv', '12-duplicate-headers.csv')
      .replace(
        '  - { column: race, values: [GroupA, GroupB, GroupC], reference: GroupA }\n',
        '  - { column: sex }\n',
      );
    const dir = version('2.0', spec, ['12-duplicate-headers.csv']);
    const { io, out, err } = capture();
    expect(await runAuditCommand([dir, '--out', 'bad.json', '--format', 'github'], io)).toBe(1);
    expect(out.join('')).toMatch(
      /^::error file=content\/demo\/2\.0\/audit\.yaml,line=6,col=12,title=CsvDuplicateHeader::Column "score" \(score of target "Finding"\) appears more than once in the header of 12-duplicate-headers\.csv, at positions 2 and 4\./,
    );
    expect(err).toEqual([]);
    expect(existsSync(path.join(root, 'bad.json'))).toBe(false);
  });

  it('exits 1 for an infinite reference threshold (case 05)', async () => {
    const spec = spec01
      .replace('01-auc-single-class-subgroup.csv', '05-separable-threshold-inf.csv')
      .replace('convention: full-curve', 'convention: reference')
      .replace(
        '  - { column: race, values: [GroupA, GroupB, GroupC], reference: GroupA }\n',
        '  - { column: sex }\n',
      );
    const dir = version('5.0', spec, ['05-separable-threshold-inf.csv']);
    const { io, out } = capture();
    expect(await runAuditCommand([dir, '--format', 'json', '--out', 'inf.json'], io)).toBe(1);
    const problems = JSON.parse(out.join(''));
    expect(problems.map((p: { code: string }) => p.code)).toEqual(['AuditInfiniteThreshold']);
  });

  it('exits 2 for usage errors', async () => {
    const { io, err } = capture();
    expect(await runAuditCommand([], io)).toBe(2);
    expect(await runAuditCommand(['missing-folder'], io)).toBe(2);
    expect(await runAuditCommand(['.', '--what'], io)).toBe(2);
    mkdirSync(path.join(root, 'empty'), { recursive: true });
    expect(await runAuditCommand(['empty'], io)).toBe(2);
    expect(err.join('\n')).toContain('no audit.yaml');
    expect(err.join('\n')).toContain('default: ./results.json, in the working directory');
  });

  it('refuses a data file linked from outside the version folder', async () => {
    const dir = version('6.0', spec01, []);
    symlinkSync(
      path.join(casesDir, '01-auc-single-class-subgroup.csv'),
      path.join(root, dir, '01-auc-single-class-subgroup.csv'),
    );
    const { io } = capture();
    expect(await runAuditCommand([dir, '--out', 'link.json'], io)).toBe(1);
  });
});
