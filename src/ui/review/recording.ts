/** A decoded recording as the review view holds it, and the waveform's summary of it. */
import type { Report } from '../../report/report-types.ts';

export interface Recording {
  /** The file name, exactly as the user's system gave it (shown as text, never as markup). */
  name: string;
  /** One array per channel, all the same length. */
  channels: Float32Array[];
  sampleRate: number;
}

/** A recording with its analysis, ready to show. */
export interface ReviewedRecording extends Recording {
  report: Report;
  /** What the player plays: the original file, or a WAV made from stored audio. */
  media: Blob;
  /** Set once it is stored; absent when saving failed. */
  sessionId?: string;
  agent?: string;
}

/**
 * Peak magnitudes per channel, `perSecond` values a second: what the waveform draws. Handing
 * these to wavesurfer spares it a second decode of the whole file.
 */
export function peaksOf(channels: readonly Float32Array[], sampleRate: number, perSecond = 200): Float32Array[] {
  const step = Math.max(1, Math.floor(sampleRate / perSecond));
  return channels.map((samples) => {
    const peaks = new Float32Array(Math.ceil(samples.length / step));
    for (let p = 0; p < peaks.length; p++) {
      let peak = 0;
      const end = Math.min(samples.length, (p + 1) * step);
      for (let i = p * step; i < end; i++) {
        const v = Math.abs(samples[i]);
        if (v > peak) peak = v;
      }
      peaks[p] = peak;
    }
    return peaks;
  });
}

export function durationOf(recording: Recording): number {
  return (recording.channels[0]?.length ?? 0) / recording.sampleRate;
}
