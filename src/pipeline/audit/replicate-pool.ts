/**
 * Bootstrap replicates on several threads: a {@link ReplicateRunner} that splits a target's
 * replicates into contiguous ranges, sends all but the last to worker threads and computes the
 * last itself, then collects the workers' values. Every replicate draws from its own random
 * stream, so the values are those of a single-threaded run, bit for bit.
 *
 * The runner is synchronous, as the audit core is: while it waits, the main thread sleeps on a
 * shared counter (`Atomics.wait`, which Node allows on the main thread) that the workers bump
 * after every replicate, and reads their replies with `receiveMessageOnPort`. A worker that does
 * not start or stops making progress is given up on after a while: it is terminated and its
 * range computed here instead, so a broken thread costs time, never a wrong or missing number.
 *
 * Small jobs stay on the calling thread: a worker takes about a second to start (it loads the
 * TypeScript sources), more than a small bootstrap costs.
 */
import { availableParallelism } from 'node:os';
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from 'node:worker_threads';

import {
  computeReplicates,
  type ReplicateJob,
  type ReplicateRunner,
} from '../../core/audit/replicates.ts';

/** Jobs below this many unit-replicates ((cells + draw units) × replicates) run in place. */
export const MIN_PARALLEL_WORK = 20_000_000;

/** A worker that shows no sign of life for this long is replaced by the main thread. */
const STALL_LIMIT_MS = 120_000;
const WAKE_MS = 200;

/** What the main thread sends a worker for one range of a job. */
export interface ReplicateTask {
  job: ReplicateJob;
  first: number;
  end: number;
  /** Where the worker posts its {@link ReplicateReply}. */
  port: MessagePort;
  /** Shared counters: index 0 counts every worker's activity; `slot` gives this worker's own. */
  signals: Int32Array;
  slot: { progress: number; done: number };
}

export type ReplicateReply = { values: Float64Array } | { error: string };

export interface ReplicatePool {
  runReplicates: ReplicateRunner;
  /** Stops the workers (they are also unreferenced, so they never keep a process alive). */
  close(): Promise<void>;
}

export interface ReplicatePoolOptions {
  /**
   * Threads in all: the caller's and `threads − 1` workers, started on first use. Default
   * {@link defaultThreads}; 1 computes everything in the calling thread.
   */
  threads?: number;
  /** Jobs of less work stay on the calling thread; default {@link MIN_PARALLEL_WORK}. */
  minParallelWork?: number;
}

/** Creates a pool of bootstrap threads. */
export function createReplicatePool(options: ReplicatePoolOptions = {}): ReplicatePool {
  const { threads = defaultThreads(), minParallelWork = MIN_PARALLEL_WORK } = options;
  const workers: Worker[] = [];
  const workerCount = Math.max(0, Math.floor(threads) - 1);

  const runReplicates: ReplicateRunner = (job, onReplicate) => {
    if (workerCount === 0 || jobWork(job) < minParallelWork) {
      return computeReplicates(job, 0, job.replicates, onReplicate);
    }
    while (workers.length < workerCount) workers.push(startWorker());
    return runInParallel(job, workers, onReplicate, (index) => {
      void workers[index]!.terminate();
      workers[index] = startWorker();
    });
  };

  return {
    runReplicates,
    async close() {
      await Promise.all(workers.splice(0).map((worker) => worker.terminate()));
    },
  };
}

let shared: ReplicatePool | undefined;

/** One pool for the whole process, created on first use with {@link defaultThreads}. */
export function sharedReplicatePool(): ReplicatePool {
  shared ??= createReplicatePool();
  return shared;
}

/**
 * The `AUDITCARD_THREADS` setting when it is a positive integer, at most the processors (more
 * threads than processors only add workers' memory and start-up); else the processors.
 */
export function defaultThreads(): number {
  const setting = Number(process.env.AUDITCARD_THREADS);
  const processors = availableParallelism();
  return Number.isSafeInteger(setting) && setting > 0 ? Math.min(setting, processors) : processors;
}

function jobWork(job: ReplicateJob): number {
  return (job.cells.count + job.plan.units.length) * job.replicates;
}

function startWorker(): Worker {
  const worker = new Worker(new URL('./replicate-worker.js', import.meta.url));
  worker.unref();
  // Failures surface as a missing reply (see runInParallel); keep them from crashing the process.
  worker.on('error', () => {});
  return worker;
}

interface Range {
  first: number;
  end: number;
}

/** Contiguous ranges of replicates, as even as possible; the caller's range last. */
function splitRanges(replicates: number, parts: number): Range[] {
  const ranges: Range[] = [];
  for (let part = 0; part < parts; part += 1) {
    ranges.push({
      first: Math.floor((replicates * part) / parts),
      end: Math.floor((replicates * (part + 1)) / parts),
    });
  }
  return ranges;
}

function runInParallel(
  job: ReplicateJob,
  workers: readonly Worker[],
  onReplicate: () => void,
  replaceWorker: (index: number) => void,
): Float64Array {
  const k = job.slots.length;
  const values = new Float64Array(k * job.replicates);
  const ranges = splitRanges(job.replicates, workers.length + 1);
  const own = ranges.pop()!;
  const signals = new Int32Array(new SharedArrayBuffer(4 * (1 + 2 * workers.length)));
  const slots = workers.map((_, index) => ({ progress: 1 + 2 * index, done: 2 + 2 * index }));
  const ports = workers.map((worker, index) => {
    const { port1, port2 } = new MessageChannel();
    const task: ReplicateTask = {
      job,
      ...ranges[index]!,
      port: port2,
      signals,
      slot: slots[index]!,
    };
    worker.postMessage(task, [port2]);
    return port1;
  });

  let reported = 0;
  const reportWorkers = () => {
    let done = 0;
    for (const slot of slots) done += Atomics.load(signals, slot.progress);
    for (; reported < done; reported += 1) onReplicate();
  };
  const ownValues = values.subarray(own.first * k, own.end * k);
  computeReplicates(
    job,
    own.first,
    own.end,
    () => {
      onReplicate();
      reportWorkers();
    },
    ownValues,
  );

  const stalled = waitForWorkers(signals, slots, reportWorkers);
  ports.forEach((port, index) => {
    const { first, end } = ranges[index]!;
    const reply = stalled.has(index) ? undefined : receiveMessageOnPort(port)?.message;
    port.close();
    if (reply !== undefined && 'values' in (reply as ReplicateReply)) {
      values.set((reply as { values: Float64Array }).values, first * k);
      return;
    }
    if (reply !== undefined)
      throw new Error(`bootstrap worker failed: ${(reply as { error: string }).error}`);
    // No reply: the worker never started or stopped; compute its range here.
    replaceWorker(index);
    const done = Atomics.load(signals, slots[index]!.progress);
    computeReplicates(job, first, end, () => {}, values.subarray(first * k, end * k));
    for (let replicate = first + done; replicate < end; replicate += 1) onReplicate();
  });
  return values;
}

/**
 * Sleeps until every worker has set its done flag, reporting progress as it comes; returns the
 * workers given up on because nothing happened for {@link STALL_LIMIT_MS}.
 */
function waitForWorkers(
  signals: Int32Array,
  slots: readonly { progress: number; done: number }[],
  reportWorkers: () => void,
): Set<number> {
  const pending = () => slots.filter((slot) => Atomics.load(signals, slot.done) === 0);
  let quietSince = Date.now();
  for (;;) {
    reportWorkers();
    if (pending().length === 0) {
      // A worker counts its last replicates before it sets its done flag: read the counts again
      // now that every flag is set, or the last few replicates go unreported.
      reportWorkers();
      return new Set();
    }
    const seen = Atomics.load(signals, 0);
    const outcome = Atomics.wait(signals, 0, seen, WAKE_MS);
    if (outcome !== 'timed-out') quietSince = Date.now();
    else if (Date.now() - quietSince > STALL_LIMIT_MS) {
      return new Set(pending().map((slot) => slots.indexOf(slot)));
    }
  }
}
