/**
 * The whole-file fallback: a chosen file → its samples, decoded by the browser's decodeAudioData
 * at the file's own rate, for files the streaming Worker cannot decode (a codec without a
 * WebCodecs decoder in this browser). It holds the whole recording in memory, so it takes only
 * recordings short enough for that; the checks are the Worker's (recording-checks.ts).
 */
import type { RecordingNote } from '../../report/recording-notes.ts';
import { MAX_ANALYSED_CHANNELS, RecordingError, durationProblem } from '../../worker/recording-checks.ts';
import { nativeSampleRate } from './native-rate.ts';
import type { Recording } from './recording.ts';

export { MIN_DURATION_SEC, RecordingError, type RecordingErrorKind } from '../../worker/recording-checks.ts';

/** Rate to decode at when the header does not say: the browser's usual output rate. */
const FALLBACK_RATE = 48000;
/**
 * Longest recording decoded whole: 20 minutes of 48 kHz stereo is 460 MB of samples, and the
 * analysis needs a copy of them in its Worker.
 */
export const WHOLE_FILE_MAX_SEC = 20 * 60;
/** When the length is unknown: compressed audio this large may well be longer than that. */
export const WHOLE_FILE_MAX_BYTES = 32 * 1024 * 1024;

/** A recording decoded whole, and what the user should know about it. */
export interface WholeFileRecording extends Recording {
  notes: RecordingNote[];
}

/**
 * Decodes `file` whole. `durationSec` is the length the Worker read from the container, if any.
 * @throws RecordingError
 */
export async function decodeRecording(file: File, durationSec: number | null = null): Promise<WholeFileRecording> {
  if (file.size === 0) throw new RecordingError('empty', file.name);
  const tooLong = durationSec !== null ? durationSec > WHOLE_FILE_MAX_SEC : file.size > WHOLE_FILE_MAX_BYTES;
  if (tooLong) throw new RecordingError('too-large', file.name, WHOLE_FILE_MAX_SEC);
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
  if (buffer.duration > WHOLE_FILE_MAX_SEC) throw new RecordingError('too-large', file.name, WHOLE_FILE_MAX_SEC);
  return checkedRecording(file.name, buffer);
}

/**
 * Refuses what the analysis cannot use; otherwise the buffer's channels (the first two of more,
 * with a note, as the Worker does) as a Recording.
 */
export function checkedRecording(name: string, buffer: AudioBuffer): WholeFileRecording {
  const used = Math.min(MAX_ANALYSED_CHANNELS, buffer.numberOfChannels);
  const channels = Array.from({ length: used }, (_, c) => buffer.getChannelData(c));
  const peak = channels.reduce((loudest, channel) => Math.max(loudest, peakOf(channel)), 0);
  const problem = durationProblem(buffer.length, buffer.sampleRate, peak);
  if (problem) throw new RecordingError(problem.kind, name, problem.amount);
  const notes: RecordingNote[] = buffer.numberOfChannels > used ? [{ kind: 'channels-picked', channels: buffer.numberOfChannels }] : [];
  return { name, channels, sampleRate: buffer.sampleRate, notes };
}

function peakOf(samples: Float32Array): number {
  let peak = 0;
  for (let i = 0; i < samples.length; i++) {
    const v = Math.abs(samples[i]);
    if (v > peak) peak = v;
  }
  return peak;
}
