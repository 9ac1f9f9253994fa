/** A recording as the review view shows it. */
import type { Report } from '../../report/report-types.ts';
import type { RecordingNote } from '../../report/recording-notes.ts';
import type { CoachComment } from '../../storage/session-types.ts';

/**
 * A button that plays "around" a moment starts this long before it, s: the moment is heard in
 * what led up to it.
 */
export const LISTEN_LEAD_IN_SEC = 2;

/** Decoded samples in memory: a practice session from storage, or a file decoded whole. */
export interface Recording {
  /** The file name, exactly as the user's system gave it (shown as text, never as markup). */
  name: string;
  /** One array per channel, all the same length. */
  channels: Float32Array[];
  sampleRate: number;
}

/**
 * A recording with its analysis, ready to show. It holds no samples: the waveform draws `peaks`
 * and the player streams `media`, so an hour-long file costs a few megabytes here.
 */
export interface ReviewedRecording {
  name: string;
  sampleRate: number;
  /** Channels analysed and drawn (1 or 2). */
  channels: number;
  /** Peak magnitudes per channel, `peaksPerSecond` a second (see worker/peaks.ts). */
  peaks: Float32Array[];
  report: Report;
  /** What the player plays: the original file, or a WAV made from stored audio. */
  media: Blob;
  /** The recording as a WAV, for the export; made on demand. */
  wav: () => Promise<Blob>;
  /** What the user should know about how it was analysed (channels left out, a cut-off file). */
  notes: RecordingNote[];
  /** The coach's comments on its moments (stored ones only), in time order. */
  comments: CoachComment[];
  /**
   * A chosen file, whose channel roles the coach set and may swap once it is stored. A practice
   * call's come from its inputs: the microphone is the agent.
   */
  fromFile: boolean;
  /** Set once it is stored; absent when saving failed. */
  sessionId?: string;
  agent?: string;
}
