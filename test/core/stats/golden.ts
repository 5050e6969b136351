// Loads test/golden/stats.json (written by test/golden/generate_stats.py) for the stats tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const path = fileURLToPath(new URL('../../golden/stats.json', import.meta.url));

/** A number of the golden file: non-finite values are spelled as strings there. */
export type GoldenNumber = number | 'Infinity' | '-Infinity' | 'NaN';

export interface RocEntry {
  name: string;
  scores: GoldenNumber[];
  labels: number[];
  weights?: GoldenNumber[];
  auc: number | null;
  full?: { thresholds: GoldenNumber[]; fpr: GoldenNumber[]; tpr: GoldenNumber[] };
  dropIntermediate?: { thresholds: GoldenNumber[]; fpr: GoldenNumber[]; tpr: GoldenNumber[] };
  reference?: { targetFpr: number; threshold: GoldenNumber; fpr: number; tpr: number };
}

export interface KsEntry {
  name: string;
  method: 'auto' | 'exact' | 'asymp';
  statistic: number;
  pValue: number;
  a?: GoldenNumber[];
  b?: GoldenNumber[];
  aModular?: [number, number, number, number, number];
  bModular?: [number, number, number, number, number];
}

export interface Golden {
  roc: RocEntry[];
  ks: KsEntry[];
  kstwo: { n: number; x: number; sf: number }[];
  smirnov: { n: number; x: number; sf: number }[];
  adjustment: ({ name: string; pValues: GoldenNumber[] } & Record<string, unknown>)[];
  percentile: {
    name: string;
    sortedValues: GoldenNumber[];
    q: number[];
    percentiles: GoldenNumber[];
  }[];
  realData?: {
    auc: {
      file: string;
      target: string;
      scoreColumn: string;
      attribute: string;
      value: string;
      n: number;
      positives: number;
      auc: number;
      curvePoints: number;
      referencePoints: number;
      reference: { threshold: GoldenNumber; fpr: number; tpr: number };
    }[];
    ks: {
      file: string;
      column: string;
      attribute: string;
      groups: [string, string];
      sizes: [number, number];
      statistic: number;
      pValue: number;
      pAdjustedBY: number;
    }[];
    adjustment: { method: 'BY'; pAdjusted: GoldenNumber[]; reject05: boolean[] };
  };
}

export const golden = JSON.parse(readFileSync(path, 'utf8')) as Golden;

/** The golden number as a double. */
export function num(value: GoldenNumber): number {
  return typeof value === 'number' ? value : Number(value);
}

/** A golden list as a Float64Array. */
export function floats(values: GoldenNumber[]): Float64Array {
  return Float64Array.from(values, num);
}

/** The golden ROC entry of that name. */
export function rocEntry(name: string): RocEntry {
  const entry = golden.roc.find((e) => e.name === name);
  if (entry === undefined) throw new Error(`no golden ROC entry named ${name}`);
  return entry;
}

/** Scores and labels of a golden ROC entry as typed arrays. */
export function rocData(entry: RocEntry): { scores: Float64Array; labels: Uint8Array } {
  return { scores: floats(entry.scores), labels: Uint8Array.from(entry.labels) };
}

/** value_i = ((i × mult) % mod) / div + offset, as the generator builds its large samples. */
export function modularSample([n, mult, mod, div, offset]: number[]): Float64Array {
  const values = new Float64Array(n!);
  for (let i = 0; i < n!; i++) values[i] = ((i * mult!) % mod!) / div! + offset!;
  return values;
}

/** Asserts |actual − expected| <= absolute + relative × |expected| elementwise; NaN equals NaN. */
export function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  { absolute = 0, relative = 0 }: { absolute?: number; relative?: number },
  label = '',
): void {
  expect(actual.length, `${label} length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (Number.isNaN(e) || !Number.isFinite(e)) {
      expect(a, `${label}[${i}]`).toBe(e);
      continue;
    }
    const tolerance = absolute + relative * Math.abs(e);
    if (!(Math.abs(a - e) <= tolerance)) {
      expect.fail(`${label}[${i}]: ${a} differs from ${e} by more than ${tolerance}`);
    }
  }
}
