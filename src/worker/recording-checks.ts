/**
 * What makes a recording unusable for the analysis, shared by the streaming Worker path and the
 * whole-file fallback on the main thread, so both refuse the same files with the same words.
 */

/** Less than this gives the analysis nothing to measure (it calibrates on the first 0.5 s). */
export const MIN_DURATION_SEC = 1;
/** Peak below which a file counts as silent: under the 16-bit noise floor (-96 dBFS). */
export const SILENT_PEAK = 2 ** -16;
/** Channels the analysis reads: mono (one speaker) or stereo (agent and customer). */
export const MAX_ANALYSED_CHANNELS = 2;

export type RecordingErrorKind =
  /** 0 bytes. */
  | 'empty'
  /** No container or codec this browser knows, or a file that is not audio at all. */
  | 'undecodable'
  /** A known container whose audio codec this browser cannot decode. */
  | 'unsupported'
  /** Decoding started and then failed: damaged data. */
  | 'corrupt'
  /** A container without an audio track (a video-only WebM, say). */
  | 'no-audio-track'
  /** Silent, or no samples at all. */
  | 'no-audio'
  | 'too-short'
  /** Only whole-file decoding works for it here and it is too long for that. */
  | 'too-large'
  | 'too-many-channels';

export class RecordingError extends Error {
  override readonly name = 'RecordingError';
  readonly kind: RecordingErrorKind;
  readonly fileName: string;
  /** Seconds (too-short, too-large) or channels (too-many-channels), for the message. */
  readonly amount: number;

  constructor(kind: RecordingErrorKind, fileName: string, amount = 0) {
    super(`${fileName}: ${kind}`);
    this.kind = kind;
    this.fileName = fileName;
    this.amount = amount;
  }
}

/** Why a finished pass cannot give a report, or null when it can. */
export function durationProblem(frames: number, sampleRate: number, peak: number): { kind: RecordingErrorKind; amount: number } | null {
  if (frames === 0 || peak < SILENT_PEAK) return { kind: 'no-audio', amount: 0 };
  const seconds = frames / sampleRate;
  if (seconds < MIN_DURATION_SEC) return { kind: 'too-short', amount: seconds };
  return null;
}
