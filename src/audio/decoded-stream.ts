/**
 * Compressed files (MP3, Ogg, FLAC, M4A, WebM…) through audio-decode's chunked decoder, fed a
 * stream of the file's bytes, so that only the decoder's own buffers and one decoded chunk are in
 * memory.
 */
import { decodeChunked, type AudioData } from 'audio-decode';
import { AudioInputError } from './audio-input-error.ts';
import { boundedPieces, type AudioStream } from './audio-stream.ts';
import { ConsoleCapture } from './console-capture.ts';
import { nonFiniteWarning, replaceNonFinite } from './non-finite.ts';

/** The audio-decode format names this module feeds (what `audio-type` detects them as). */
export const DECODABLE_FORMATS = {
  mp3: 'MP3',
  oga: 'Ogg Vorbis',
  opus: 'Ogg Opus',
  flac: 'FLAC',
  m4a: 'M4A/AAC',
  aac: 'AAC',
  webm: 'WebM',
  wav: 'WAV',
  aiff: 'AIFF',
  caf: 'CAF',
  wma: 'WMA',
  amr: 'AMR',
  qoa: 'QOA',
} as const;
export type DecodableFormat = keyof typeof DECODABLE_FORMATS;

export function isDecodableFormat(name: string): name is DecodableFormat {
  return Object.hasOwn(DECODABLE_FORMATS, name);
}

/** How long mono output is held back to see whether the file is really stereo (see settleChannels). */
export const CHANNEL_LOOKAHEAD_SEC = 60;

/**
 * Decodes `input` (a file's bytes, in chunks) as `format`. Reads ahead until the channel count is
 * settled, so the sample rate and channel count are known when this returns.
 * @param input closed by the stream's `close` (through the decoder, which iterates it).
 * @param label what to call the format in messages and the report (defaults to the format's name).
 */
export async function openDecodedStream(
  input: AsyncIterable<Uint8Array>,
  format: DecodableFormat,
  label: string = DECODABLE_FORMATS[format],
): Promise<AudioStream> {
  const chunks = decodeChunked(input, format);
  const capture = new ConsoleCapture();
  const close = async (): Promise<void> => {
    await chunks.return(undefined);
  };
  const next = (): Promise<IteratorResult<AudioData>> => capture.run(() => chunks.next()).catch((error: unknown) => {
    throw decodeFailure(label, error);
  });
  try {
    return streamFrom(await settleChannels(next), next, label, capture, close);
  } catch (error) {
    await close();
    throw error;
  }
}

export interface SettledStart {
  sampleRate: number;
  channelCount: number;
  /** The chunks read while settling, already brought to `channelCount` channels. */
  held: Float32Array[][];
}

/**
 * Some decoders (mp3 and AAC in audio-decode) return identical stereo as mono, so a stereo call
 * that opens with silence on both channels starts out as mono chunks and turns stereo later. This
 * holds mono chunks back, up to CHANNEL_LOOKAHEAD_SEC, until a chunk with more channels settles it;
 * the held ones are then duplicated into every channel, which is what they were.
 */
export async function settleChannels(next: () => Promise<IteratorResult<AudioData>>): Promise<SettledStart> {
  const held: AudioData[] = [];
  let heldFrames = 0;
  for (;;) {
    const step = await next();
    if (step.done) break;
    const chunk = step.value;
    if (held.length > 0) checkSampleRate(held[0].sampleRate, chunk.sampleRate);
    held.push(chunk);
    heldFrames += chunk.channelData[0].length;
    if (chunk.channelData.length > 1 || heldFrames >= CHANNEL_LOOKAHEAD_SEC * chunk.sampleRate) break;
  }
  if (held.length === 0) throw new AudioInputError(NO_AUDIO_DECODED);
  const channelCount = held[held.length - 1].channelData.length;
  return {
    sampleRate: held[0].sampleRate,
    channelCount,
    held: held.map((chunk) => conform(chunk.channelData, channelCount)),
  };
}

const NO_AUDIO_DECODED = 'no audio could be decoded from this file; it is empty or damaged. Check that it plays in a media player';

function streamFrom(
  start: SettledStart,
  next: () => Promise<IteratorResult<AudioData>>,
  label: string,
  capture: ConsoleCapture,
  close: () => Promise<void>,
): AudioStream {
  const { sampleRate, channelCount } = start;
  const warnings: string[] = [];

  async function* pieces(): AsyncGenerator<Float32Array[]> {
    let nonFinite = 0;
    const deliver = function* (channels: Float32Array[]): Generator<Float32Array[]> {
      for (const samples of channels) nonFinite += replaceNonFinite(samples);
      yield* boundedPieces(channels);
    };
    for (const channels of start.held) yield* deliver(channels);
    start.held.length = 0; // let the look-ahead go as soon as it has been analysed
    for (let step = await next(); !step.done; step = await next()) {
      checkSampleRate(sampleRate, step.value.sampleRate);
      yield* deliver(conform(step.value.channelData, channelCount));
    }
    for (const warning of [nonFiniteWarning(nonFinite), capture.warning(label)]) if (warning) warnings.push(warning);
  }

  return { sampleRate, channelCount, format: label, expectedFrames: null, warnings, pieces, close };
}

/** Brings a chunk to `channelCount` channels: a mono chunk of a stereo stream is duplicated. */
function conform(channels: Float32Array[], channelCount: number): Float32Array[] {
  if (channels.length === channelCount) return channels;
  if (channels.length === 1) return Array.from({ length: channelCount }, () => channels[0]);
  throw new AudioInputError(
    `the number of channels changes part-way through the file (${channelCount} at first, then ${channels.length}); convert it to WAV first (ffmpeg -i IN -c:a pcm_s16le OUT.wav)`,
  );
}

function checkSampleRate(expected: number, actual: number): void {
  if (actual !== expected) {
    throw new AudioInputError(
      `the sample rate changes part-way through the file (${expected} Hz, then ${actual} Hz); convert it to WAV first (ffmpeg -i IN -ar ${expected} -c:a pcm_s16le OUT.wav)`,
    );
  }
}

function decodeFailure(label: string, error: unknown): AudioInputError {
  if (error instanceof AudioInputError) return error;
  const reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
  return new AudioInputError(`could not decode it as ${label} (${reason}); the file is damaged or not really ${label}. Check that it plays in a media player`);
}
