/**
 * A chosen file → its samples, decoded by the browser at the file's own rate, or a RecordingError
 * that says in the user's terms what is wrong with it.
 */
import { nativeSampleRate } from './native-rate.ts';
import type { Recording } from './recording.ts';

/** Rate to decode at when the header does not say: the browser's usual output rate. */
const FALLBACK_RATE = 48000;
/** Less than this gives the analysis nothing to measure (it calibrates on the first 0.5 s). */
export const MIN_DURATION_SEC = 1;
/** Peak below which a file counts as silent: under the 16-bit noise floor (-96 dBFS). */
const SILENT_PEAK = 2 ** -16;

export type RecordingErrorKind = 'empty' | 'undecodable' | 'no-audio' | 'too-short' | 'too-many-channels';

export class RecordingError extends Error {
  override readonly name = 'RecordingError';
  readonly kind: RecordingErrorKind;
  readonly fileName: string;
  /** Seconds (too-short) or channels (too-many-channels), for the message. */
  readonly amount: number;

  constructor(kind: RecordingErrorKind, fileName: string, amount = 0) {
    super(`${fileName}: ${kind}`);
    this.kind = kind;
    this.fileName = fileName;
    this.amount = amount;
  }
}

export async function decodeRecording(file: File): Promise<Recording> {
  if (file.size === 0) throw new RecordingError('empty', file.name);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const sampleRate = nativeSampleRate(bytes) ?? FALLBACK_RATE;
  let buffer: AudioBuffer;
  try {
    // The context only decodes; one frame is the smallest it allows. decodeAudioData detaches the
    // buffer it is given, and `bytes` is not needed afterwards.
    buffer = await new OfflineAudioContext(1, 1, sampleRate).decodeAudioData(bytes.buffer);
  } catch {
    throw new RecordingError('undecodable', file.name);
  }
  return checkedRecording(file.name, buffer);
}

/** Refuses what the analysis cannot use; otherwise the buffer's channels as a Recording. */
export function checkedRecording(name: string, buffer: AudioBuffer): Recording {
  if (buffer.length === 0) throw new RecordingError('no-audio', name);
  if (buffer.numberOfChannels > 2) throw new RecordingError('too-many-channels', name, buffer.numberOfChannels);
  if (buffer.duration < MIN_DURATION_SEC) throw new RecordingError('too-short', name, buffer.duration);
  const channels = Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c));
  if (channels.every((channel) => peakOf(channel) < SILENT_PEAK)) throw new RecordingError('no-audio', name);
  return { name, channels, sampleRate: buffer.sampleRate };
}

function peakOf(samples: Float32Array): number {
  let peak = 0;
  for (let i = 0; i < samples.length; i++) {
    const v = Math.abs(samples[i]);
    if (v > peak) peak = v;
  }
  return peak;
}
