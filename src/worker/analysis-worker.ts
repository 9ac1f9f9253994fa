/**
 * Module Worker that analyses a decoded recording off the main thread: one job per worker
 * (the client terminates it when the job ends), progress about every 1 %, cancellable.
 */
import { analyzeInChunks } from './chunked-analysis.ts';
import type { WorkerRequest, WorkerResponse } from './messages.ts';

let cancelled = false;
let busy = false;

function post(message: WorkerResponse): void {
  self.postMessage(message);
}

/**
 * A message to ourselves: unlike setTimeout(0) it is not clamped to 4 ms after a few nested
 * calls, and a cancel the client posted earlier is queued ahead of it, so it runs first.
 */
const yieldChannel = new MessageChannel();
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    yieldChannel.port1.onmessage = () => resolve();
    yieldChannel.port2.postMessage(null);
  });
}

async function analyze(request: Extract<WorkerRequest, { type: 'analyze' }>): Promise<void> {
  try {
    const outcome = await analyzeInChunks(request, {
      onProgress: (fraction) => post({ type: 'progress', fraction }),
      isCancelled: () => cancelled,
      yieldToEventLoop,
    });
    post(outcome.done ? { type: 'report', report: outcome.report } : { type: 'cancelled', fraction: outcome.fraction });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    cancelled = true;
  } else if (busy) {
    post({ type: 'error', message: 'this worker is already analysing a recording' });
  } else {
    busy = true;
    void analyze(request);
  }
});
