/**
 * `npm run bench`: times the full audit (`runAudit` with the pipeline's pool of worker threads)
 * on synthetic data shaped like the full study — 4 binary targets, race in 3 groups, sex in 2,
 * 114,720 rows — with a bootstrap of row resamples that re-derives the target-FPR operating
 * point (0.2, full curve) in every replicate, and every metric, calibration and disparity the
 * audit reports. Compares, in the same run, with a straightforward scikit-learn loop over the
 * same computation (bench/sklearn_reference.py), extrapolated from a few replicates.
 *
 * Scores come in two kinds: `rounded` to 3 decimals (at most 1,001 distinct values, as many
 * models' exported outputs) and `continuous` (every score distinct, the worst case for the
 * audit's compression of tied rows; see src/core/audit/score-cells.ts).
 *
 * Options: `--sizes 10000,114720,1000000` (rows), `--scores rounded,continuous` (the kinds run
 * at every size), `--replicates 2000`, `--large-replicates 200` (for 1M rows and more),
 * `--threads N` (default: AUDITCARD_THREADS or the processors), `--no-sklearn`. The data are
 * generated in memory from a seed, so every run audits the same rows.
 *
 * Each line splits the time into setup (reading the columns, building cells, point estimates:
 * once per audit, growing with the rows) and the replicates, shown per row, replicate and
 * target so that sizes compare: growth linear in the rows keeps that figure flat.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { runAudit } from '../src/core/audit/index.ts';
import { createReplicatePool, defaultThreads } from '../src/pipeline/audit/replicate-pool.ts';
import type { AuditSpec } from '../src/core/audit/index.ts';
import { tableFromColumns, type AuditTable } from '../src/core/audit/table.ts';
import { createRandom } from '../src/core/stats/index.ts';

const USAGE = `npm run bench -- [options]
  --sizes 10000,114720,1000000  rows of the synthetic data sets
  --scores rounded,continuous   score kinds, each run at every size
  --replicates 2000             bootstrap replicates
  --large-replicates 200        replicates at 1,000,000 rows and more
  --threads N                   threads (default: AUDITCARD_THREADS or the processors)
  --no-sklearn                  skip the scikit-learn comparison
  --help                        this text`;

const STUDY_ROWS = 114_720;
const LARGE_ROWS = 1_000_000;
const TARGETS = ['effusion', 'cardiomegaly', 'atelectasis', 'edema'];
const PREVALENCES = [0.1, 0.18, 0.27, 0.4];
const RACES = ['Asian', 'Black', 'White'];
const RACE_SHARES = [0.15, 0.2, 0.65];
const SEXES = ['F', 'M'];

type ScoreKind = 'rounded' | 'continuous';

interface Timing {
  rows: number;
  scores: ScoreKind;
  replicates: number;
  seconds: number;
  /** The part spent outside the replicates: reading the columns, cells, point estimates. */
  setupSeconds: number;
  peakRssMb: number;
}

/** Columns of a synthetic study: labels at each prevalence, scores rounded or not. */
function syntheticTable(rows: number, seed: number, scoreKind: ScoreKind): AuditTable {
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
      const probability = 1 / (1 + Math.exp(-logit));
      scores[i] = scoreKind === 'rounded' ? probability.toFixed(3) : String(probability);
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

function timeAudit(
  rows: number,
  replicates: number,
  scores: ScoreKind,
  pool: ReturnType<typeof createReplicatePool>,
): Timing {
  const table = syntheticTable(rows, 7, scores);
  const spec = benchSpec(replicates);
  let peak = process.memoryUsage.rss();
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };

  // Each target's replicates run between its first and its last progress report; the rest of
  // the time is setup, which grows with the rows but not with the replicates.
  const spans = new Map<string, { first: bigint; last: bigint }>();
  const start = process.hrtime.bigint();
  runAudit(
    {
      spec,
      model: 'bench',
      version: '1',
      tables: new Map([[spec.data, table]]),
      inputs: [{ path: spec.data, sha256: '0'.repeat(64), rows }],
    },
    {
      runReplicates: pool.runReplicates,
      onProgress: ({ target, done }) => {
        const now = process.hrtime.bigint();
        const span = spans.get(target);
        if (span === undefined) spans.set(target, { first: now, last: now });
        else span.last = now;
        if (done % 50 === 0) sample();
      },
    },
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  sample();
  // The first report comes after one replicate: scale the span up by one replicate's share.
  const replicateSeconds = [...spans.values()].reduce(
    (sum, span) => sum + (Number(span.last - span.first) / 1e9) * (replicates / (replicates - 1)),
    0,
  );
  return {
    rows,
    scores,
    replicates,
    seconds,
    setupSeconds: seconds - replicateSeconds,
    peakRssMb: peak / 2 ** 20,
  };
}

const COLUMNS = [
  'rows',
  'scores',
  'replicates',
  'seconds',
  'setup (s)',
  'ns / row / replicate / target',
  'peak RSS (MB)',
];

// One line per size as soon as it is measured, so a long run shows its progress.
function printLine(cells: string[]): void {
  console.log(cells.map((cell, c) => cell.padStart(Math.max(COLUMNS[c]!.length, 9))).join('  '));
}

function printTiming(t: Timing): void {
  printLine([
    t.rows.toLocaleString('en-US'),
    t.scores,
    String(t.replicates),
    t.seconds.toFixed(2),
    t.setupSeconds.toFixed(2),
    ((1e9 * (t.seconds - t.setupSeconds)) / t.rows / t.replicates / TARGETS.length).toFixed(1),
    t.peakRssMb.toFixed(0),
  ]);
}

/** Runs bench/sklearn_reference.py when /usr/bin/python3 has scikit-learn; else says why not. */
function compareWithSklearn(ours: Timing): void {
  const python = '/usr/bin/python3';
  const script = fileURLToPath(new URL('./sklearn_reference.py', import.meta.url));
  if (!existsSync(python)) {
    console.log(`scikit-learn comparison skipped: ${python} not found`);
    return;
  }
  const probe = spawnSync(python, ['-c', 'import sklearn, numpy'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    console.log(`scikit-learn comparison skipped: ${python} cannot import sklearn and numpy`);
    return;
  }

  const args = [script, '--rows', String(ours.rows), '--replicates', '10', '--scores', ours.scores];
  const run = spawnSync(python, args, { encoding: 'utf8' });
  if (run.status !== 0) {
    console.log(`scikit-learn comparison failed: ${run.stderr.trim()}`);
    return;
  }
  const result = JSON.parse(run.stdout) as { replicates: number; seconds: number };
  const perReplicate = result.seconds / result.replicates;
  const extrapolated = perReplicate * ours.replicates;
  console.log(
    `scikit-learn loop, ${ours.scores} scores: ${result.replicates} replicates in ` +
      `${result.seconds.toFixed(2)} s (${(perReplicate / TARGETS.length).toFixed(3)} s per ` +
      `replicate and target), extrapolated to ${ours.replicates}: ${extrapolated.toFixed(0)} s; ` +
      `auditcard ${ours.seconds.toFixed(1)} s; sklearn / auditcard ` +
      `${(extrapolated / ours.seconds).toFixed(1)}x`,
  );
}

const OPTIONS = {
  sizes: { type: 'string', default: `10000,${STUDY_ROWS},${LARGE_ROWS}` },
  scores: { type: 'string', default: 'rounded,continuous' },
  replicates: { type: 'string', default: '2000' },
  'large-replicates': { type: 'string', default: '200' },
  threads: { type: 'string', default: String(defaultThreads()) },
  'no-sklearn': { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

/** The options, or null (after saying why) when they are not usable. */
function readOptions(): ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'] | null {
  let values;
  try {
    values = parseArgs({ options: OPTIONS }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return null;
  }
  const numbers = [...values.sizes.split(','), values.replicates, values['large-replicates']];
  const kinds = values.scores.split(',');
  if (
    !numbers.every((text) => Number.isSafeInteger(Number(text)) && Number(text) > 0) ||
    !kinds.every((kind) => kind === 'rounded' || kind === 'continuous') ||
    !(Number.isSafeInteger(Number(values.threads)) && Number(values.threads) > 0)
  ) {
    console.error(
      `sizes, replicates and threads are positive integers; scores rounded or continuous\n\n${USAGE}`,
    );
    return null;
  }
  return values;
}

async function main(): Promise<void> {
  const values = readOptions();
  if (values === null) {
    process.exitCode = 2;
    return;
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const sizes = values.sizes.split(',').map(Number);
  const kinds = values.scores.split(',') as ScoreKind[];
  const replicates = Number(values.replicates);
  const largeReplicates = Number(values['large-replicates']);
  const threads = Number(values.threads);
  const pool = createReplicatePool({ threads });

  console.log(
    `full audit: ${TARGETS.length} targets, groups race (3) and sex (2), target FPR 0.2 ` +
      `full-curve, bootstrap of rows stratified by label, ${threads} thread(s)`,
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
    for (const kind of kinds) {
      const timing = timeAudit(rows, count, kind, pool);
      printTiming(timing);
      timings.push(timing);
    }
  }
  console.log(`max RSS of the process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  await pool.close();

  const study = timings.filter((t) => t.rows === STUDY_ROWS);
  if (values['no-sklearn']) console.log('scikit-learn comparison skipped: --no-sklearn');
  else if (study.length === 0)
    console.log(`scikit-learn comparison skipped: no ${STUDY_ROWS}-row run`);
  else study.forEach(compareWithSklearn);
}

await main();
