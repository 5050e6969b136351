/**
 * The inside of a bootstrap worker thread: computes the replicates it is sent and posts their
 * values back on the task's port, counting each finished replicate in shared memory so that the
 * waiting main thread can show progress (see replicate-pool.ts).
 */
import { parentPort } from 'node:worker_threads';

import { computeReplicates } from '../../core/audit/replicates.ts';
import type { ReplicateTask, ReplicateReply } from './replicate-pool.ts';

parentPort!.on('message', (task: ReplicateTask) => {
  const { job, first, end, port, signals, slot } = task;
  let reply: ReplicateReply;
  try {
    const values = computeReplicates(job, first, end, () => {
      Atomics.add(signals, slot.progress, 1);
      signalActivity(signals);
    });
    reply = { values };
  } catch (error) {
    reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  // The values' own buffer (computeReplicates allocated it), moved rather than copied.
  port.postMessage(reply, 'values' in reply ? [reply.values.buffer as ArrayBuffer] : []);
  Atomics.store(signals, slot.done, 1);
  signalActivity(signals);
});

/** Wakes the main thread, which sleeps on the activity counter (index 0). */
function signalActivity(signals: Int32Array): void {
  Atomics.add(signals, 0, 1);
  Atomics.notify(signals, 0);
}
