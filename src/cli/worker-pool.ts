/**
 * Runs jobs on a fixed number of worker threads, one job per worker at a time. A worker that dies
 * under a job (an uncaught error, process.exit, out of memory) costs that job only: it settles as
 * `crashed` says and a new worker takes over the remaining jobs.
 */
import { Worker } from 'node:worker_threads';

export interface WorkerPoolOptions<J, R> {
  /** The worker's entry module; it answers every job message with exactly one result message. */
  workerUrl: URL;
  /** Workers at once (at least 1; never more than there are jobs). */
  size: number;
  /** The result of a job whose worker died; `cause` says how. */
  crashed(job: J, cause: string): R;
  /** Called as each job settles, in the order they finish. */
  settled?(index: number, result: R): void;
  /**
   * Whatever a worker writes to its stdout. Without this it would go to the process's stdout,
   * which the batch keeps empty so it can be piped.
   */
  output?(text: string): void;
}

/** The results in the order of `jobs`, once every job has settled and every worker has ended. */
export async function runInWorkers<J, R>(jobs: readonly J[], options: WorkerPoolOptions<J, R>): Promise<R[]> {
  const results: R[] = new Array<R>(jobs.length);
  const ended: Promise<unknown>[] = [];
  let next = 0;
  let settledCount = 0;

  await new Promise<void>((resolve) => {
    const settle = (index: number, result: R): void => {
      results[index] = result;
      options.settled?.(index, result);
      if (++settledCount === jobs.length) resolve();
    };

    const startWorker = (): void => {
      const worker = new Worker(options.workerUrl, {
        // The entry registers what it needs (see batch-worker.mjs); inheriting the main thread's
        // loader flags would only load tsx a second time.
        execArgv: [],
        stdout: true,
      });
      worker.stdout.setEncoding('utf8').on('data', (text: string) => options.output?.(text));
      let current = -1;
      let cause: string | null = null;

      const feed = (): void => {
        if (next >= jobs.length) {
          current = -1;
          ended.push(worker.terminate());
          return;
        }
        current = next++;
        worker.postMessage(jobs[current]);
      };
      worker.on('message', (result: unknown) => {
        const index = current;
        feed();
        settle(index, result as R);
      });
      // 'error' comes first for an uncaught exception or out of memory; 'exit' always ends it.
      worker.on('error', (error) => (cause = error.message));
      worker.on('exit', (code) => {
        if (current === -1) return;
        const index = current;
        current = -1;
        if (next < jobs.length) startWorker();
        settle(index, options.crashed(jobs[index], cause ?? `its thread exited with code ${code}`));
      });
      feed();
    };

    if (jobs.length === 0) resolve();
    for (let i = 0; i < Math.min(Math.max(1, options.size), jobs.length); i++) startWorker();
  });
  await Promise.all(ended);
  return results;
}
