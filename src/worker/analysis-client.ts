/**
 * Main-thread client of the file-analysis Worker: one worker per job, a promise for the report,
 * a progress callback and cancel.
 */
import type { RoleOptions } from '../analysis/channel-roles.ts';
import type { RecordingAnalyzerOptions } from '../analysis/recording-analyzer.ts';
import type { Report } from '../report/report-types.ts';
import type { AnalyzeRequest, CancelRequest, WorkerResponse } from './messages.ts';

/** The job was cancelled before it finished; `fraction` is how far it had got. */
export class AnalysisCancelledError extends Error {
  readonly fraction: number;

  constructor(fraction: number) {
    super(`the analysis was cancelled at ${Math.round(fraction * 100)} %`);
    this.name = 'AnalysisCancelledError';
    this.fraction = fraction;
  }
}

export interface AnalyzeOptions {
  roles?: RoleOptions;
  options?: RecordingAnalyzerOptions;
  /** Called about every 1 % with the fraction done (0–1, increasing). */
  onProgress?: (fraction: number) => void;
  /** For hosts that bundle the worker differently. */
  createWorker?: () => Worker;
}

export interface AnalysisJob {
  /** The report; rejects with AnalysisCancelledError after `cancel`, or with the worker's error. */
  readonly result: Promise<Report>;
  /** Asks the worker to stop at its next chunk; `result` rejects once it has. */
  cancel(): void;
}

function createAnalysisWorker(): Worker {
  return new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Analyses decoded channels (one or two, equal length) in a Worker. The channels' buffers are
 * transferred to the worker, so they are unusable here afterwards: pass copies to keep them.
 */
export function analyzeRecording(channels: Float32Array[], sampleRate: number, options: AnalyzeOptions = {}): AnalysisJob {
  const worker = (options.createWorker ?? createAnalysisWorker)();
  const result = new Promise<Report>((resolve, reject) => {
    const settle = (): void => worker.terminate();
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      switch (message.type) {
        case 'progress':
          options.onProgress?.(message.fraction);
          break;
        case 'report':
          settle();
          resolve(message.report);
          break;
        case 'cancelled':
          settle();
          reject(new AnalysisCancelledError(message.fraction));
          break;
        case 'error':
          settle();
          reject(new Error(message.message));
          break;
      }
    };
    worker.onerror = (event) => {
      settle();
      reject(new Error(event.message || 'the analysis worker could not be started'));
    };
  });
  const request: AnalyzeRequest = { type: 'analyze', channels, sampleRate, roles: options.roles, options: options.options };
  // Each buffer once (channels may share one), and only real ArrayBuffers: shared ones cannot move.
  const buffers = new Set<ArrayBuffer>();
  for (const channel of channels) if (channel.buffer instanceof ArrayBuffer) buffers.add(channel.buffer);
  worker.postMessage(request, [...buffers]);
  const cancel: CancelRequest = { type: 'cancel' };
  return { result, cancel: () => worker.postMessage(cancel) };
}
