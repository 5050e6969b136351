/**
 * The bootstrap on worker threads gives the numbers of a single-threaded run, bit for bit, and
 * reports every replicate's progress.
 */
import { afterAll, describe, expect, it } from 'vitest';

import { runAudit } from '../../../src/core/audit/run-audit.ts';
import type { AuditSpec } from '../../../src/core/audit/spec.ts';
import { tableFromColumns } from '../../../src/core/audit/table.ts';
import { createRandom } from '../../../src/core/stats/index.ts';
import { availableParallelism } from 'node:os';

import { createReplicatePool, defaultThreads } from '../../../src/pipeline/audit/replicate-pool.ts';

const ROWS = 3000;

function input(resample: 'rows' | 'id', replicates: number) {
  const random = createRandom(11);
  const columns: Record<string, string[]> = { id: [], race: [], sex: [], label: [], score: [] };
  for (let row = 0; row < ROWS; row += 1) {
    const positive = random() < 0.25;
    columns.id!.push(`p${Math.floor(row / 3)}`);
    columns.race!.push(['A', 'B', 'W'][Math.floor(random() * 3)]!);
    columns.sex!.push(random() < 0.5 ? 'F' : 'M');
    columns.label!.push(positive ? '1' : '0');
    columns.score!.push((random() + (positive ? 0.4 : 0)).toFixed(2));
  }
  const spec: AuditSpec = {
    data: 'd.csv',
    id: 'id',
    targets: [
      { name: 't', label: { column: 'label', positive: [1], negative: [0] }, score: 'score' },
    ],
    groups: [
      { column: 'race', reference: 'W' },
      { column: 'sex', reference: 'M' },
    ],
    operatingPoint: { policy: 'target-fpr', targetFpr: 0.2, convention: 'full-curve' },
    bootstrap: { replicates, level: 0.95, seed: 5, stratify: 'label', resample },
    projections: [],
    adjust: 'BY',
    alpha: 0.05,
    invalidScores: 'exclude',
  } as AuditSpec;
  const table = tableFromColumns('d.csv', columns);
  return {
    spec,
    model: 'm',
    version: '1',
    tables: new Map([['d.csv', table]]),
    inputs: [{ path: 'd.csv', sha256: '0'.repeat(64), rows: ROWS }],
  };
}

describe('the replicate pool', () => {
  const pool = createReplicatePool({ threads: 3, minParallelWork: 0 });
  afterAll(() => pool.close());

  it.each(['rows', 'id'] as const)(
    'gives the single-threaded results bit for bit (resample: %s)',
    (resample) => {
      const single = runAudit(input(resample, 150));
      let progress = 0;
      const parallel = runAudit(input(resample, 150), {
        runReplicates: pool.runReplicates,
        onProgress: ({ done, total }) => {
          expect(done).toBe(progress + 1);
          expect(total).toBe(150);
          progress = done;
        },
      });
      expect(parallel).toEqual(single);
      expect(progress).toBe(150);
    },
    60_000,
  );

  it('keeps small jobs on the calling thread', () => {
    const inPlace = createReplicatePool({ threads: 4 });
    const results = runAudit(input('rows', 20), { runReplicates: inPlace.runReplicates });
    expect(results).toEqual(runAudit(input('rows', 20)));
    return inPlace.close();
  });
});

describe('defaultThreads', () => {
  const saved = process.env.AUDITCARD_THREADS;
  afterAll(() => {
    if (saved === undefined) delete process.env.AUDITCARD_THREADS;
    else process.env.AUDITCARD_THREADS = saved;
  });

  it('takes AUDITCARD_THREADS up to the processors, and the processors otherwise', () => {
    process.env.AUDITCARD_THREADS = '1';
    expect(defaultThreads()).toBe(1);
    process.env.AUDITCARD_THREADS = '100000';
    expect(defaultThreads()).toBe(availableParallelism());
    for (const unusable of ['0', '-2', '1.5', 'many', '']) {
      process.env.AUDITCARD_THREADS = unusable;
      expect(defaultThreads()).toBe(availableParallelism());
    }
  });
});
