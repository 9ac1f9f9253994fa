/**
 * A batch worker thread: takes one job at a time from the pool and answers each with its outcome.
 * Started through batch-worker.mjs, which makes TypeScript loadable in the thread.
 */
import { parentPort } from 'node:worker_threads';
import { runBatchJob } from './batch-job.ts';
import type { BatchJob } from './batch-messages.ts';

const port = parentPort;
if (!port) throw new Error('batch-worker.ts runs as a worker thread of the batch');
port.on('message', (job: BatchJob) => {
  void runBatchJob(job).then((outcome) => port.postMessage(outcome));
});
