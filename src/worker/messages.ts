/**
 * The contract between the file-analysis Worker and its client: one union each way, imported by
 * both ends so they are checked against each other.
 */
import type { RoleOptions } from '../analysis/channel-roles.ts';
import type { RecordingAnalyzerOptions } from '../analysis/recording-analyzer.ts';
import type { Report } from '../report/report-types.ts';

/** Client → worker: analyse these channels. Their buffers are transferred, not copied. */
export interface AnalyzeRequest {
  type: 'analyze';
  channels: Float32Array[];
  sampleRate: number;
  /** Which channel is which speaker, as on the command line. */
  roles?: RoleOptions;
  options?: RecordingAnalyzerOptions;
}

/** Client → worker: stop at the next chunk boundary. */
export interface CancelRequest {
  type: 'cancel';
}

export type WorkerRequest = AnalyzeRequest | CancelRequest;

export interface ProgressMessage {
  type: 'progress';
  /** Fraction of the samples analysed, 0–1, increasing. */
  fraction: number;
}

export interface ReportMessage {
  type: 'report';
  report: Report;
}

export interface CancelledMessage {
  type: 'cancelled';
  /** How far the analysis had got when it stopped. */
  fraction: number;
}

export interface ErrorMessage {
  type: 'error';
  message: string;
}

export type WorkerResponse = ProgressMessage | ReportMessage | CancelledMessage | ErrorMessage;
