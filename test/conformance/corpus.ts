/**
 * The conformance corpus as files: every case of `cases/` turned into the file a reader opens
 * under `corpus/` (`model/…`, `dataset/…`), plus `corpus/INDEX.md` listing what each exercises.
 * Cards written as objects are saved as JSON, and every card but the raw ones is formatted the
 * way `prettier --check` wants it, so the committed files and this module always agree
 * (`corpus.test.ts` checks it; `write-corpus.ts` writes them).
 */
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import type { CorpusCase } from './cases/case.ts';
import { datasetCases } from './cases/dataset-cases.ts';
import { modelCases } from './cases/model-cases.ts';
import { rawDatasetCases, rawModelCases, type RawCase } from './cases/raw-cases.ts';

/** The folder holding the corpus files. */
export const corpusDir = fileURLToPath(new URL('./corpus/', import.meta.url));

/** The kinds of card in the corpus, one folder each. */
export const corpusKinds = ['model', 'dataset'] as const;
export type CorpusKind = (typeof corpusKinds)[number];

/** One file of the corpus. */
export interface CorpusFile {
  kind: CorpusKind;
  /** The path under `corpus/`, such as `model/valid-minimal.json`. */
  path: string;
  about: string;
  content: string | Uint8Array;
  /** True for files kept byte for byte (`*.raw.json`, `*.raw.yaml`). */
  raw: boolean;
}

/** The name of the corpus index, under `corpus/`. */
export const indexFile = 'INDEX.md';

/** Every corpus file, by kind, in name order. */
export async function corpusFiles(): Promise<CorpusFile[]> {
  const cases: Array<[CorpusKind, readonly CorpusCase[], readonly RawCase[]]> = [
    ['model', modelCases, rawModelCases],
    ['dataset', datasetCases, rawDatasetCases],
  ];

  const files: CorpusFile[] = [];
  for (const [kind, formatted, raw] of cases) {
    const ofKind: CorpusFile[] = [];
    for (const one of formatted) {
      const path = `${kind}/${one.name}`;
      ofKind.push({
        kind,
        path,
        about: one.about,
        content: await formatCard(one, path),
        raw: false,
      });
    }
    for (const one of raw) {
      ofKind.push({
        kind,
        path: `${kind}/${one.name}`,
        about: one.about,
        content: one.bytes,
        raw: true,
      });
    }
    files.push(...ofKind.sort((a, b) => (a.path < b.path ? -1 : 1)));
  }
  return files;
}

/** `corpus/INDEX.md`: every file with what it exercises, by kind. */
export async function corpusIndex(files: readonly CorpusFile[]): Promise<string> {
  const sections = corpusKinds.map((kind) => {
    const ofKind = files.filter((file) => file.kind === kind);
    const count = (prefix: string) =>
      ofKind.filter((file) => file.path.startsWith(`${kind}/${prefix}`)).length;
    const rows = ofKind.map(
      (file) => `| [${file.path}](${file.path}) | ${file.about.replaceAll('|', '\\|')} |`,
    );
    return [
      `## ${kind === 'model' ? 'Model' : 'Dataset'} cards (${count('valid-')} valid, ${count('invalid-')} invalid)`,
      '',
      '| file | what it exercises |',
      '| --- | --- |',
      ...rows,
    ].join('\n');
  });

  const text = [
    '# Conformance corpus',
    '',
    'Written by `test/conformance/write-corpus.ts` from `test/conformance/cases/`; do not edit',
    'these files by hand. A name starting with `valid-` has no errors (warnings allowed), one',
    'starting with `invalid-` at least one. Files ending in `.raw.json` or `.raw.yaml` are kept',
    'byte for byte.',
    '',
    ...sections.flatMap((section) => [section, '']),
  ].join('\n');
  return format(text, { ...(await options('INDEX.md')), filepath: 'INDEX.md' });
}

async function formatCard(one: CorpusCase, path: string): Promise<string> {
  const yaml = /\.ya?ml$/.test(path);
  if (yaml && !one.text) throw new TypeError(`${path}: a YAML case must be written as text`);
  const source = one.text ? String(one.card) : `${JSON.stringify(one.card, null, 2)}\n`;
  return format(source, { ...(await options(path)), filepath: path });
}

async function options(path: string) {
  return (await resolveConfig(`${corpusDir}${path}`)) ?? {};
}
