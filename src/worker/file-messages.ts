/**
 * The contract between the file Worker (decode + analysis + peaks in one streaming pass) and its
 * client, imported by both ends.
 */
import type { RoleOptions } from '../analysis/channel-roles.ts';
import type { RecordingAnalyzerOptions } from '../analysis/recording-analyzer.ts';
import type { PackedReport } from '../report/packed-frames.ts';
import type { FeedResult } from './recording-feed.ts';
import type { RecordingErrorKind } from './recording-checks.ts';

/** Client → worker: analyse this file. A File is cloned as a handle; its bytes are not copied. */
export interface AnalyzeFileRequest {
  type: 'analyze-file';
  file: Blob;
  /**
   * Set to 1 by the client to stop (a SharedArrayBuffer, read between chunks): a worker busy in
   * its loop would otherwise run on for Chromium's forced-termination delay (2 s) after
   * terminate(). Absent where SharedArrayBuffer is not available (no cross-origin isolation).
   */
  stop?: Int32Array;
  /** Analyse a stereo recording's two speakers on two cores (a second Worker). */
  parallel?: boolean;
  roles?: RoleOptions;
  options?: RecordingAnalyzerOptions;
}

/** Client → worker: decode this file into a 16-bit WAV (the recording's export). */
export interface WavFileRequest {
  type: 'wav-file';
  file: Blob;
}

export type FileWorkerRequest = AnalyzeFileRequest | WavFileRequest;

export type FileWorkerResponse =
  | { type: 'progress'; fraction: number }
  /** The report's frame lists come packed (see packed-frames.ts): an hour's would take the page 0.1–0.25 s to clone. */
  | { type: 'analysed'; result: Omit<FeedResult, 'report'> & { report: PackedReport } }
  | { type: 'wav'; blob: Blob; sampleRate: number; channels: number }
  /** Only the browser's whole-file decoder may read it (on the main thread). */
  | { type: 'needs-whole-file'; durationSec: number | null; detail: string }
  | { type: 'recording-error'; kind: RecordingErrorKind; amount: number; detail: string }
  | { type: 'error'; message: string };
