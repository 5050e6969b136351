import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblems } from '../../../src/pipeline/problems/format.ts';
import { checkAuditSpec, loadAuditSpec } from '../../../src/pipeline/validate/index.ts';
import { fixturesDir } from './shared-data.ts';

const specsDir = `${fixturesDir}specs/`;
const minimalDir = `${specsDir}minimal`;

/** Checks a spec text as if it were audit.yaml in the `minimal` fixture folder. */
function check(text: string, dir = minimalDir) {
  return checkAuditSpec(text, 'audit.yaml', dir);
}

const head = `data: predictions.csv
targets:
  - name: Effusion
    label: { column: effusion, positive: [1], negative: [0] }
    score: score
`;

describe('loadAuditSpec', () => {
  it('fills every default of a minimal spec', () => {
    const { spec, problems } = loadAuditSpec(minimalDir);
    expect(problems).toEqual([]);
    expect(spec).toEqual({
      data: 'predictions.csv',
      targets: [
        {
          name: 'Effusion',
          label: { column: 'effusion', positive: [1], negative: [0] },
          score: 'score',
        },
      ],
      groups: [],
      operatingPoint: { policy: 'target-fpr', targetFpr: 0.2, convention: 'full-curve' },
      bootstrap: { replicates: 2000, level: 0.95, seed: 1, stratify: 'label', resample: 'rows' },
      projections: [],
      adjust: 'BY',
      alpha: 0.05,
      invalidScores: 'exclude',
      minGroupSize: { n: 30, positives: 10, negatives: 10 },
    });
  });

  it("reads DESIGN.md's example spec", () => {
    const { spec, problems } = loadAuditSpec(`${specsDir}full`);
    expect(problems).toEqual([]);
    expect(spec?.projections).toEqual([
      {
        data: 'features.csv',
        source: 'features',
        columns: ['PCA Mode 1', 'PCA Mode 2'],
        comparisons: [
          ['race=Asian', 'race=White'],
          ['disease_label=1', 'disease_label=0'],
        ],
        family: 'all',
        adjust: 'BY',
      },
    ]);
    expect(spec?.adjust).toBe('BY');
    expect(spec?.targets[1]?.label.negative).toBe('rest');
    expect(spec?.groups[1]).toEqual({ column: 'age', bins: [18, 40, 60, 80] });
  });

  it('returns no spec and no problem for a folder without audit.yaml', () => {
    expect(loadAuditSpec(`${fixturesDir}cards`)).toEqual({
      spec: null,
      problems: [],
      dataFilesChecked: 0,
    });
  });

  it('pins the located messages of schema errors and contradictions', () => {
    const invalid = loadAuditSpec(`${specsDir}invalid`).problems;
    const conflicts = loadAuditSpec(`${specsDir}conflicts`).problems;
    const relative = (text: string) => text.replaceAll(specsDir, '');
    expect(relative(formatProblems(invalid, 'human'))).toMatchSnapshot();
    expect(relative(formatProblems(conflicts, 'human'))).toMatchSnapshot();
    expect(invalid.every((found) => found.code === 'SpecSchemaViolation')).toBe(true);
    // The missing "score" is reported once, at the misspelt key "scores" that stands for it.
    expect(invalid.find((found) => found.pointer === '/targets/0/scores')).toMatchObject({
      line: 5,
      column: 5,
    });
    expect(invalid.some((found) => found.message.includes('missing the required'))).toBe(false);
    expect(conflicts.every((found) => found.code === 'SpecInconsistent')).toBe(true);
  });
});

describe('operating point', () => {
  it.each([
    ['{ threshold: 0.5 }', { policy: 'threshold', threshold: 0.5 }],
    ['{ policy: youden }', { policy: 'youden' }],
    ['{ targetFpr: 0.1 }', { policy: 'target-fpr', targetFpr: 0.1, convention: 'full-curve' }],
    [
      '{ convention: reference }',
      { policy: 'target-fpr', targetFpr: 0.2, convention: 'reference' },
    ],
    ['{ policy: threshold, threshold: 0 }', { policy: 'threshold', threshold: 0 }],
  ])('reads %s', (written, expected) => {
    const { spec, problems } = check(`${head}operatingPoint: ${written}\n`);
    expect(problems).toEqual([]);
    expect(spec?.operatingPoint).toEqual(expected);
  });

  it.each([
    ['{ policy: threshold }', 'policy "threshold" needs "threshold"'],
    ['{ policy: youden, targetFpr: 0.2 }', '"targetFpr" does not apply to policy "youden"'],
    [
      '{ threshold: 0.5, convention: reference }',
      '"convention" does not apply to policy "threshold"',
    ],
  ])('refuses %s', (written, message) => {
    const { spec, problems } = check(`${head}operatingPoint: ${written}\n`);
    expect(spec).toBeNull();
    expect(problems.map((found) => found.message).join('\n')).toContain(message);
    expect(problems[0]?.line).toBe(6);
  });
});

describe('spec options', () => {
  it('turns the bootstrap off with replicates: 0 and keeps the other defaults', () => {
    const { spec } = check(`${head}bootstrap: { replicates: 0 }\n`);
    expect(spec?.bootstrap).toEqual({
      replicates: 0,
      level: 0.95,
      seed: 1,
      stratify: 'label',
      resample: 'rows',
    });
  });

  it('resamples whole patients by default when the spec names an id column', () => {
    expect(check(`${head}id: g\n`).spec?.bootstrap.resample).toBe('id');
    expect(check(`${head}id: g\nbootstrap: { resample: rows }\n`).spec?.bootstrap.resample).toBe(
      'rows',
    );
    expect(check(head).spec?.bootstrap.resample).toBe('rows');
  });

  it('refuses resample: id without an id column, at the setting', () => {
    const { spec, problems } = check(`${head}bootstrap: { replicates: 10, resample: id }\n`);
    expect(spec).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: 'SpecInconsistent',
      pointer: '/bootstrap/resample',
      line: 6,
    });
    expect(problems[0]?.message).toBe(
      '/bootstrap/resample: "resample: id" needs an "id" column, and the spec has none',
    );
    expect(problems[0]?.hint).toMatch(/id: patient_id.*resample: rows/);
  });

  it('says whether a list with too few items may be left out', () => {
    const empty = check('data: predictions.csv\ntargets: []\n');
    expect(empty.problems[0]).toMatchObject({
      pointer: '/targets',
      hint: 'Add an item; the key is required.',
    });
    const noColumns = check(
      `${head}projections:\n  - { data: predictions.csv, columns: [], comparisons: [[a=1, a=2]] }\n`,
    );
    expect(
      noColumns.problems.find((found) => found.pointer === '/projections/0/columns'),
    ).toMatchObject({
      hint: 'Add an item, or leave the key out.',
    });
  });

  it('refuses an unknown resampling unit', () => {
    const { spec, problems } = check(`${head}bootstrap: { resample: images }\n`);
    expect(spec).toBeNull();
    expect(problems[0]?.pointer).toBe('/bootstrap/resample');
  });

  it('takes adjust from the top level, alpha and invalidScores as written', () => {
    const { spec } = check(`${head}adjust: holm\nalpha: 0.01\ninvalidScores: refuse\n`);
    expect(spec).toMatchObject({ adjust: 'holm', alpha: 0.01, invalidScores: 'refuse' });
  });

  it('suggests quoting numeric group values', () => {
    const { problems } = check(`${head}groups:\n  - { column: sex, values: [0, 1] }\n`);
    expect(problems[0]?.hint).toBe(
      'YAML reads 0 as a number; write "0" in quotes to keep it as text.',
    );
  });

  it('reports YAML syntax and duplicate keys with positions', () => {
    expect(check('data: [x\n').problems[0]).toMatchObject({ code: 'SpecYamlSyntax', line: 2 });
    const duplicate = check(`${head}data: other.csv\n`).problems;
    expect(duplicate[0]).toMatchObject({ code: 'SpecDuplicateKey', line: 6, column: 1 });
    expect(check('- data: x\n').problems[0]?.code).toBe('SpecNotAnObject');
  });
});

describe('projection families', () => {
  /** A projection of the minimal folder's file, with extra keys in flow style. */
  const projection = (source: string, extra = '') =>
    `  - { data: predictions.csv, source: ${source}, columns: [score], comparisons: [[g=a, g=b]]${extra} }\n`;
  const withProjections = (...lines: string[]) => `${head}projections:\n${lines.join('')}`;

  it('puts projections without family: in the default family "all" with the audit’s method', () => {
    const { spec, problems } = check(
      `${withProjections(projection('one'), projection('two'))}adjust: holm\n`,
    );
    expect(problems).toEqual([]);
    expect(spec?.projections.map((p) => [p.family, p.adjust])).toEqual([
      ['all', 'holm'],
      ['all', 'holm'],
    ]);
    expect(spec?.adjust).toBe('holm');
  });

  it('gives each family its own method, and the audit’s to a family that names none', () => {
    const text = withProjections(
      projection('one', ', family: A, adjust: bonferroni'),
      projection('two', ', family: A'),
      projection('three', ', family: B'),
      projection('four', ', adjust: BH'),
    );
    const { spec, problems } = check(text);
    expect(problems).toEqual([]);
    expect(spec?.projections.map((p) => [p.family, p.adjust])).toEqual([
      ['A', 'bonferroni'],
      ['A', 'bonferroni'],
      ['B', 'BH'],
      ['all', 'BH'],
    ]);
    expect(spec?.adjust).toBe('BH');
  });

  it('lets a named family differ from the top-level adjust', () => {
    const text = `${withProjections(projection('one', ', family: A, adjust: holm'), projection('two'))}adjust: BY\n`;
    const { spec, problems } = check(text);
    expect(problems).toEqual([]);
    expect(spec?.projections.map((p) => p.adjust)).toEqual(['holm', 'BY']);
  });

  it('refuses two methods within one family, located at the second', () => {
    const text = withProjections(
      projection('one', ', family: A, adjust: BY'),
      projection('two', ', family: B, adjust: holm'),
      projection('three', ', family: A, adjust: holm'),
    );
    const { spec, problems } = check(text);
    expect(spec).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: 'SpecInconsistent',
      pointer: '/projections/2/adjust',
      line: 9,
    });
    expect(problems[0]?.message).toBe(
      '/projections/2/adjust: adjust "holm" differs from "BY" at /projections/0/adjust, in the same family "A"',
    );
    expect(problems[0]?.hint).toMatch(/own `family:`/);
  });

  it('counts the top-level adjust for the default family only', () => {
    const text = `${withProjections(projection('one', ', adjust: holm'))}adjust: BY\n`;
    const { problems } = check(text);
    expect(problems.map((found) => [found.code, found.pointer])).toEqual([
      ['SpecInconsistent', '/projections/0/adjust'],
    ]);
  });

  it('refuses an empty family name', () => {
    const { problems } = check(withProjections(projection('one', ", family: ''")));
    expect(problems[0]).toMatchObject({
      code: 'SpecSchemaViolation',
      pointer: '/projections/0/family',
    });
  });
});

describe('group columns', () => {
  it.each([
    ['score', 'score', 'Effusion'],
    ['effusion', 'label', 'Effusion'],
    ['cardiomegaly_score', 'score', 'Cardiomegaly'],
  ])('refuses a group on %j, the %s column of a target', (column, role, target) => {
    const text = `${head}  - name: Cardiomegaly
    label: { column: cardiomegaly, positive: [1], negative: rest }
    score: cardiomegaly_score
groups:
  - column: sex
  - { column: ${column}, bins: [0, 0.5, 1] }
`;
    const { spec, problems } = check(text);
    expect(spec).toBeNull();
    expect(problems).toEqual([
      {
        code: 'SpecInconsistent',
        severity: 'error',
        message: `/groups/1/column: "${column}" is the ${role} column of target "${target}" and cannot be a group`,
        hint:
          "A group is a patient attribute (such as sex, race or age), not the model's output or " +
          'the label; group by another column.',
        file: 'audit.yaml',
        line: 11,
        column: 15,
        pointer: '/groups/1/column',
      },
    ]);
  });
});

describe('spec paths', () => {
  const root = mkdtempSync(join(tmpdir(), 'auditcard-spec-'));
  const versionDir = join(root, 'content', 'model', '1.0');
  mkdirSync(join(versionDir, 'data'), { recursive: true });
  writeFileSync(join(root, 'secret.csv'), 'a\n1\n');
  writeFileSync(join(versionDir, 'predictions.csv'), 'effusion,score\n1,0.5\n');
  writeFileSync(join(versionDir, 'data', 'features.csv'), 'effusion,score\n1,0.5\n');
  symlinkSync(join(root, 'secret.csv'), join(versionDir, 'linked.csv'));
  symlinkSync(join(versionDir, 'predictions.csv'), join(versionDir, 'inside-link.csv'));
  symlinkSync(root, join(versionDir, 'linked-folder'));
  symlinkSync(join(versionDir, 'data'), join(versionDir, 'inside-folder-link'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const withData = (data: string) =>
    check(head.replace('data: predictions.csv', `data: ${JSON.stringify(data)}`), versionDir);

  it('accepts files inside the folder, also in subfolders and through inner links', () => {
    expect(withData('data/features.csv').problems).toEqual([]);
    expect(withData('./predictions.csv').problems).toEqual([]);
    expect(withData('inside-link.csv').problems).toEqual([]);
  });

  it.each([
    ['../../../secret.csv', /climbs out with "\.\."/],
    ['data/../predictions.csv', /climbs out/],
    [join(root, 'secret.csv'), /absolute path/],
    ['C:\\data\\predictions.csv', /absolute path/],
    ['linked.csv', /link to a file outside/],
    ['linked-folder', /link to a folder outside/],
  ])('refuses %s', (path, message) => {
    const { spec, problems } = withData(path);
    expect(spec).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'SpecPathOutsideFolder', line: 1, column: 7 });
    expect(problems[0]?.message).toMatch(message);
  });

  it('reports a missing file with a near name', () => {
    const missing = withData('prediction.csv').problems[0];
    expect(missing).toMatchObject({ code: 'SpecFileMissing', pointer: '/data', line: 1 });
    expect(missing?.hint).toBe('Did you mean "predictions.csv"?');
  });

  it.each([
    ['.', '"." names the version folder itself, not a file'],
    ['./', '"./" names the version folder itself, not a file'],
    ['data/..', '"data/.." climbs out with ".."; paths must stay inside the version folder'],
    ['data', '"data" names a folder, not a file'],
    ['data/', '"data/" names a folder, not a file'],
    ['inside-folder-link', '"inside-folder-link" names a folder, not a file'],
  ])('says that %j names a folder, never a file outside', (path, message) => {
    const { spec, problems } = withData(path);
    expect(spec).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toBe(`/data: ${message}`);
  });

  it('checks projection paths too', () => {
    const text = `${head}projections:\n  - data: ../features.csv\n    columns: [a]\n    comparisons: [[g=a, g=b]]\n`;
    expect(check(text, versionDir).problems[0]).toMatchObject({
      code: 'SpecPathOutsideFolder',
      pointer: '/projections/0/data',
      line: 7,
    });
  });
});
