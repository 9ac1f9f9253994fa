/**
 * What the test page exposes to the tests (window.luisterE2E), shared so both sides are typed.
 * Results are plain JSON: they cross from the page to Node.
 */
import type { FrameFieldName } from '../../../src/dsp/frame-layout.ts';
import type { Report, SpeakerRole, TimeSpan } from '../../../src/report/report-types.ts';

/** Every field of every frame of one speaker, at full precision, and what the events said. */
export interface TrackDump {
  role: SpeakerRole;
  frameCount: number;
  fields: Record<FrameFieldName, number[]>;
  speech: TimeSpan[];
  syllableTimes: number[];
  /** Speech boundaries as delivered by the speechstart / speechend events. */
  speechFromEvents: TimeSpan[];
}

export interface LiveRun {
  sampleRate: number;
  durationSec: number;
  tracks: TrackDump[];
  report: Report;
  warmUpMs: number;
  latencySec: number;
  /** Batches received (counted on the first channel) and the most frames one held. */
  batches: number;
  maxFramesPerBatch: number;
}

export interface OfflineRun extends LiveRun {
  /** Length of the decoded file, samples. */
  decodedLength: number;
}

export interface WorkerRun {
  report: Report;
  progress: number[];
}

export interface CancelledRun {
  progress: number[];
  reportArrived: boolean;
  error: { name: string; message: string; fraction: number | null };
}

export interface E2EApi {
  /** Decodes the WAV at `url` at `sampleRate` and renders it through the worklet offline. */
  renderOffline(url: string, sampleRate: number): Promise<OfflineRun>;
  /** Analyses the (fake) microphone in a real AudioContext for `seconds` of audio. */
  captureMicrophone(seconds: number): Promise<LiveRun>;
  /** Decodes the WAV at `url` at `sampleRate` and analyses it in the file Worker. */
  analyzeInWorker(url: string, sampleRate: number): Promise<WorkerRun>;
  /** Starts a Worker analysis of `seconds` of synthetic audio and cancels it at the first progress. */
  cancelWorkerAnalysis(seconds: number, sampleRate: number): Promise<CancelledRun>;
}

declare global {
  interface Window {
    luisterE2E?: E2EApi;
  }
}
