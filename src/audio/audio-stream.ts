/**
 * The one shape every file reader produces and the analysis consumes: the format up front, then
 * the samples as a sequence of bounded pieces, so that no reader ever holds a whole recording.
 */

/** Most frames in one piece: about 0.7 s at 48 kHz, 256 KiB a channel at most. */
export const MAX_PIECE_FRAMES = 32768;

export interface AudioStream {
  readonly sampleRate: number;
  readonly channelCount: number;
  /** What the file is, for people and for the report's `source.format`, e.g. "WAV 16-bit PCM". */
  readonly format: string;
  /** Frames the file should hold when its header says so (WAV); for progress only. */
  readonly expectedFrames: number | null;
  /**
   * The samples, once, in order: each piece is `channelCount` arrays of the same length, between 1
   * and MAX_PIECE_FRAMES, with no NaN or infinite values. A piece may be reused after the next one
   * is requested: copy what you keep.
   */
  pieces(): AsyncIterable<Float32Array[]>;
  /** What the user should know about the input (truncation, repaired samples). Complete once `pieces` has ended. */
  readonly warnings: readonly string[];
  /** Releases the file; safe to call more than once, and before, during or after reading. */
  close(): Promise<void>;
}

/** Cuts decoded channels into pieces of at most MAX_PIECE_FRAMES, as views (no copying). */
export function* boundedPieces(channels: Float32Array[]): Generator<Float32Array[]> {
  const length = channels[0]?.length ?? 0;
  for (let from = 0; from < length; from += MAX_PIECE_FRAMES) {
    const to = Math.min(length, from + MAX_PIECE_FRAMES);
    yield channels.map((samples) => samples.subarray(from, to));
  }
}
