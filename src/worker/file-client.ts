/**
 * Main-thread client of the file Worker: one worker per job. The File goes to the worker as a
 * handle (structured clone, no copy of its bytes); only progress, the report and the small peaks
 * come back. Cancel terminates the worker, so decoding and analysis stop at once.
 */
import type { RoleOptions } from '../analysis/channel-roles.ts';
import type { RecordingAnalyzerOptions } from '../analysis/recording-analyzer.ts';
import { unpackReport } from '../report/packed-frames.ts';
import { AnalysisCancelledError } from './analysis-client.ts';
import type { FileWorkerRequest, FileWorkerResponse } from './file-messages.ts';
import { RecordingError } from './recording-checks.ts';
import type { FeedResult } from './recording-feed.ts';

export interface FileJobOptions {
  roles?: RoleOptions;
  options?: RecordingAnalyzerOptions;
  /** Called as decoding and analysis move on, with the fraction done (0–1, increasing). */
  onProgress?: (fraction: number) => void;
  /** For hosts that bundle the worker differently. */
  createWorker?: () => Worker;
}

/** Analysed; or only the browser's whole-file decoder may read the file (expected duration, when known). */
export type FileOutcome = { kind: 'analysed'; result: FeedResult } | { kind: 'needs-whole-file'; durationSec: number | null };

export interface FileJob<T> {
  /** Rejects with RecordingError (the file's fault), AnalysisCancelledError or Error. */
  readonly result: Promise<T>;
  cancel(): void;
}

function createFileWorker(): Worker {
  return new Worker(new URL('./file-worker.ts', import.meta.url), { type: 'module' });
}

/** A flag the worker reads between chunks, or undefined without SharedArrayBuffer. */
function stopFlag(): Int32Array | undefined {
  return typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
}

function runFileJob<T>(
  file: File,
  request: FileWorkerRequest,
  options: FileJobOptions,
  settle: (message: FileWorkerResponse) => T | undefined,
  stop?: Int32Array,
): FileJob<T> {
  const worker = (options.createWorker ?? createFileWorker)();
  let progress = 0;
  let rejectJob: (error: Error) => void = () => undefined;
  const result = new Promise<T>((resolve, reject) => {
    rejectJob = (error) => {
      // The flag stops the loop within a chunk; terminate() alone waits for a busy worker.
      if (stop) Atomics.store(stop, 0, 1);
      worker.terminate();
      reject(error);
    };
    worker.onmessage = (event: MessageEvent<FileWorkerResponse>) => {
      const message = event.data;
      if (message.type === 'progress') {
        progress = message.fraction;
        options.onProgress?.(message.fraction);
      } else if (message.type === 'recording-error') {
        rejectJob(new RecordingError(message.kind, file.name, message.amount));
      } else if (message.type === 'error') {
        rejectJob(new Error(message.message));
      } else {
        let value: T | undefined;
        try {
          value = settle(message);
        } catch (error) {
          rejectJob(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        if (value === undefined) return;
        worker.terminate();
        resolve(value);
      }
    };
    worker.onerror = (event) => rejectJob(new Error(event.message || 'the file worker could not be started'));
  });
  worker.postMessage(request);
  return { result, cancel: () => rejectJob(new AnalysisCancelledError(progress)) };
}

/** Decodes, analyses and summarises `file` for the waveform in one streaming pass in a Worker. */
export function analyzeFile(file: File, options: FileJobOptions = {}): FileJob<FileOutcome> {
  const stop = stopFlag();
  return runFileJob<FileOutcome>(
    file,
    {
      type: 'analyze-file',
      file,
      roles: options.roles,
      options: options.options,
      // Two speakers on two cores where there are two.
      parallel: (globalThis.navigator?.hardwareConcurrency ?? 1) >= 2,
      ...(stop ? { stop } : {}),
    },
    options,
    (message) => {
      if (message.type === 'analysed') return { kind: 'analysed', result: { ...message.result, report: unpackReport(message.result.report) } };
      if (message.type === 'needs-whole-file') return { kind: 'needs-whole-file', durationSec: message.durationSec };
      return undefined;
    },
    stop,
  );
}

/** `file` decoded into a 16-bit WAV at its own rate, in a Worker (the recording's export). */
export function fileAsWav(file: File): Promise<Blob> {
  return runFileJob<Blob>(file, { type: 'wav-file', file }, {}, (message) => {
    if (message.type === 'wav') return message.blob;
    if (message.type === 'needs-whole-file') throw new RecordingError('unsupported', file.name);
    return undefined;
  }).result;
}
