/**
 * `npm run bench`: times the core audit (`runAudit`) on synthetic data shaped like the full
 * study — 4 binary targets, race in 3 groups, sex in 2 — with a bootstrap of row resamples that
 * re-derives the target-FPR operating point (0.2, full curve) in every replicate.
 *
 * Options: `--sizes 10000,114720` (rows), `--replicates 2000`, `--large-replicates 200` (for
 * sizes of 1M rows and more), `--no-sklearn`. The data are generated in memory from a seed, so
 * every run audits the same rows.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { runAudit } from '../src/core/audit/index.ts';
import type { AuditSpec } from '../src/core/audit/index.ts';
import { tableFromColumns, type AuditTable } from '../src/core/audit/table.ts';
import { createRandom } from '../src/core/stats/index.ts';

const STUDY_ROWS = 114_720;
const LARGE_ROWS = 1_000_000;
const TARGETS = ['effusion', 'cardiomegaly', 'atelectasis', 'edema'];
const PREVALENCES = [0.1, 0.18, 0.27, 0.4];
const RACES = ['Asian', 'Black', 'White'];
const RACE_SHARES = [0.15, 0.2, 0.65];
const SEXES = ['F', 'M'];

interface Timing {
  rows: number;
  replicates: number;
  seconds: number;
  peakRssMb: number;
}

/** Columns of a synthetic study: labels at each prevalence, scores rounded to 3 decimals. */
function syntheticTable(rows: number, seed: number): AuditTable {
  const random = createRandom(seed);
  const race: string[] = new Array<string>(rows);
  const sex: string[] = new Array<string>(rows);
  for (let i = 0; i < rows; i += 1) {
    const u = random();
    race[i] =
      u < RACE_SHARES[0]!
        ? RACES[0]!
        : u < RACE_SHARES[0]! + RACE_SHARES[1]!
          ? RACES[1]!
          : RACES[2]!;
    sex[i] = random() < 0.5 ? SEXES[0]! : SEXES[1]!;
  }

  const columns: Record<string, string[]> = { race, sex };
  TARGETS.forEach((target, t) => {
    const labels: string[] = new Array<string>(rows);
    const scores: string[] = new Array<string>(rows);
    for (let i = 0; i < rows; i += 1) {
      const positive = random() < PREVALENCES[t]!;
      // Positives score higher on average; a group shift gives the groups different AUCs.
      const shift = (positive ? 1.4 : 0) + (race[i] === RACES[1] ? -0.2 : 0);
      const logit = shift - 0.7 + normal(random);
      labels[i] = positive ? '1' : '0';
      // Rounding to 1e-3 leaves at most 1,001 distinct scores, so ties are common.
      scores[i] = (1 / (1 + Math.exp(-logit))).toFixed(3);
    }
    columns[`${target}_label`] = labels;
    columns[`${target}_score`] = scores;
  });
  return tableFromColumns('synthetic.csv', columns);
}

// Box–Muller, one value per call.
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function benchSpec(replicates: number): AuditSpec {
  return {
    data: 'synthetic.csv',
    targets: TARGETS.map((name) => ({
      name,
      label: { column: `${name}_label`, positive: [1], negative: [0] },
      score: `${name}_score`,
    })),
    groups: [
      { column: 'race', reference: 'White' },
      { column: 'sex', reference: 'M' },
    ],
    operatingPoint: { policy: 'target-fpr', targetFpr: 0.2, convention: 'full-curve' },
    bootstrap: { replicates, level: 0.95, seed: 2024, stratify: 'label', resample: 'rows' },
    projections: [],
    adjust: 'BY',
    alpha: 0.05,
    invalidScores: 'exclude',
  };
}

function timeAudit(rows: number, replicates: number): Timing {
  const table = syntheticTable(rows, 7);
  const spec = benchSpec(replicates);
  let peak = process.memoryUsage.rss();
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };

  const start = process.hrtime.bigint();
  runAudit(
    {
      spec,
      model: 'bench',
      version: '1',
      tables: new Map([[spec.data, table]]),
      inputs: [{ path: spec.data, sha256: '0'.repeat(64), rows }],
    },
    { onProgress: ({ done }) => (done % 50 === 0 ? sample() : undefined) },
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  sample();
  return { rows, replicates, seconds, peakRssMb: peak / 2 ** 20 };
}

const COLUMNS = ['rows', 'replicates', 'seconds', 'peak RSS (MB)', 's / replicate / target'];

// One line per size as soon as it is measured, so a long run shows its progress.
function printLine(cells: string[]): void {
  console.log(cells.map((cell, c) => cell.padStart(Math.max(COLUMNS[c]!.length, 9))).join('  '));
}

function printTiming(t: Timing): void {
  printLine([
    t.rows.toLocaleString('en-US'),
    String(t.replicates),
    t.seconds.toFixed(2),
    t.peakRssMb.toFixed(0),
    (t.seconds / t.replicates / TARGETS.length).toExponential(2),
  ]);
}

/** Runs bench/sklearn_reference.py when /usr/bin/python3 has scikit-learn; else says why not. */
function compareWithSklearn(ours: Timing | undefined): void {
  const python = '/usr/bin/python3';
  const script = fileURLToPath(new URL('./sklearn_reference.py', import.meta.url));
  if (ours === undefined) {
    console.log(`scikit-learn comparison skipped: no ${STUDY_ROWS}-row run in --sizes`);
    return;
  }
  if (!existsSync(python)) {
    console.log(`scikit-learn comparison skipped: ${python} not found`);
    return;
  }
  const probe = spawnSync(python, ['-c', 'import sklearn, numpy'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    console.log(`scikit-learn comparison skipped: ${python} cannot import sklearn and numpy`);
    return;
  }

  const run = spawnSync(python, [script, '--rows', String(STUDY_ROWS), '--replicates', '20'], {
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    console.log(`scikit-learn comparison failed: ${run.stderr.trim()}`);
    return;
  }
  const result = JSON.parse(run.stdout) as { replicates: number; seconds: number };
  const perReplicate = result.seconds / result.replicates;
  const extrapolated = perReplicate * ours.replicates;
  console.log(
    `scikit-learn loop: ${result.replicates} replicates in ${result.seconds.toFixed(2)} s ` +
      `(${perReplicate.toFixed(3)} s each), extrapolated to ${ours.replicates}: ` +
      `${extrapolated.toFixed(1)} s; auditcard ${ours.seconds.toFixed(1)} s; ` +
      `ratio sklearn / auditcard ${(extrapolated / ours.seconds).toFixed(2)}`,
  );
}

function main(): void {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: `10000,${STUDY_ROWS},${LARGE_ROWS}` },
      replicates: { type: 'string', default: '2000' },
      'large-replicates': { type: 'string', default: '200' },
      'no-sklearn': { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const replicates = Number(values.replicates);
  const largeReplicates = Number(values['large-replicates']);

  console.log(
    `core audit: ${TARGETS.length} targets, groups race (3) and sex (2), target FPR 0.2 ` +
      `full-curve, bootstrap of rows stratified by label`,
  );
  if (sizes.some((rows) => rows >= LARGE_ROWS) && largeReplicates < replicates) {
    console.log(
      `${LARGE_ROWS.toLocaleString('en-US')} rows and more: ${largeReplicates} replicates`,
    );
  }
  printLine(COLUMNS);
  const timings: Timing[] = [];
  for (const rows of sizes) {
    const count = rows >= LARGE_ROWS ? Math.min(replicates, largeReplicates) : replicates;
    const timing = timeAudit(rows, count);
    printTiming(timing);
    timings.push(timing);
  }
  console.log(`max RSS of the process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

  if (values['no-sklearn']) console.log('scikit-learn comparison skipped: --no-sklearn');
  else compareWithSklearn(timings.find((t) => t.rows === STUDY_ROWS));
}

main();
