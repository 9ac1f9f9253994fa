/**
 * Decodes a recording piece by piece with mediabunny (its demuxers, WebCodecs' AudioDecoder, its
 * own PCM decoder for WAV), reading the file through a small cache: memory stays flat however
 * long the file is. Says in the app's terms what is wrong with a file it cannot decode, and when
 * only the browser's whole-file decoder (decodeAudioData, main thread only) might.
 */
import { ALL_FORMATS, AudioSampleSink, BlobSource, Input, type InputAudioTrack } from 'mediabunny';
import { looksLikeWav, readWavHeader } from '../audio/wav-header.ts';
import { MAX_SAMPLE_RATE, MIN_SAMPLE_RATE } from '../dsp/config.ts';
import type { RecordingErrorKind } from './recording-checks.ts';

/** What the Worker can tell about a file before decoding it. */
export interface AudioFormat {
  /** From the container; the decoded chunks may differ (HE-AAC doubles it), so they rule. */
  sampleRate: number;
  channels: number;
  /** From the container's metadata, or counted from its packets; null when neither works. */
  durationSec: number | null;
  /**
   * What the header promises when that is more than the file holds (a WAV cut off mid-write):
   * the demuxer reports only what is there, so a cut-off file is noticed from this.
   */
  declaredSec: number | null;
}

/** One decoded stretch: `frames` samples in each plane (a reused buffer: copy what you keep). */
export interface DecodedChunk {
  planes: Float32Array[];
  frames: number;
  sampleRate: number;
  /** Where the stretch ends, seconds from the start of the track. */
  endSec: number;
}

/** The file cannot be decoded here: the kind of trouble, for the user's message. */
export class DecodeProblem extends Error {
  readonly kind: RecordingErrorKind;

  constructor(kind: RecordingErrorKind, detail: string) {
    super(detail);
    this.name = 'DecodeProblem';
    this.kind = kind;
  }
}

/** Streaming decoding is not possible for this file, but decodeAudioData may manage it. */
export class NeedsWholeFileDecode extends Error {
  readonly durationSec: number | null;

  constructor(detail: string, durationSec: number | null) {
    super(detail);
    this.name = 'NeedsWholeFileDecode';
    this.durationSec = durationSec;
  }
}

/**
 * Decodes `file`'s primary audio track (a video file's sound too), calling `onFormat` once before
 * the first chunk and `onChunk` for each chunk in order.
 * @throws DecodeProblem, NeedsWholeFileDecode
 */
export async function decodeAudioFile(
  file: Blob,
  onFormat: (format: AudioFormat) => void,
  onChunk: (chunk: DecodedChunk) => void | Promise<void>,
): Promise<void> {
  if (file.size === 0) throw new DecodeProblem('empty', 'the file is empty');
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  try {
    const track = await primaryAudioTrack(input);
    const durationSec = await durationOf(track);
    if (!(await track.canDecode())) throw new NeedsWholeFileDecode(`no streaming decoder for ${String(await track.getCodec())}`, durationSec);
    const sampleRate = await track.getSampleRate();
    if (sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE) throw new DecodeProblem('unsupported', `sample rate ${sampleRate} Hz`);
    onFormat({ sampleRate, channels: await track.getNumberOfChannels(), durationSec, declaredSec: await declaredWavSeconds(file) });
    await decodeTrack(track, onChunk);
  } finally {
    input.dispose();
  }
}

async function primaryAudioTrack(input: Input): Promise<InputAudioTrack> {
  let readable: boolean;
  try {
    readable = await input.canRead();
  } catch (error) {
    throw new DecodeProblem('corrupt', describe(error));
  }
  // Not a container mediabunny knows: the browser's own decoder gets its say.
  if (!readable) throw new NeedsWholeFileDecode('unknown container', null);
  let track: InputAudioTrack | null;
  try {
    track = await input.getPrimaryAudioTrack();
  } catch (error) {
    throw new DecodeProblem('corrupt', describe(error));
  }
  if (!track) throw new DecodeProblem('no-audio-track', 'the file has no audio track');
  return track;
}

/** A WAV header's declared length when the file is shorter than that, else null. */
async function declaredWavSeconds(file: Blob): Promise<number | null> {
  const read = async (from: number, length: number): Promise<Uint8Array> => new Uint8Array(await file.slice(from, from + length).arrayBuffer());
  if (!looksLikeWav(await read(0, 12))) return null;
  try {
    const header = await readWavHeader(file.size, (range) => read(range.offset, range.length));
    if (header.dataLength !== 'truncated' || header.declaredDataBytes === null) return null;
    return header.declaredDataBytes / header.format.blockAlign / header.format.sampleRate;
  } catch {
    return null;
  }
}

async function durationOf(track: InputAudioTrack): Promise<number | null> {
  try {
    const fromMetadata = await track.getDurationFromMetadata();
    if (fromMetadata !== null && Number.isFinite(fromMetadata)) return fromMetadata;
    // Counting packets reads the container's index or its packet headers, never decodes.
    const counted = await track.computeDuration();
    return Number.isFinite(counted) ? counted : null;
  } catch {
    return null;
  }
}

async function decodeTrack(track: InputAudioTrack, onChunk: (chunk: DecodedChunk) => void | Promise<void>): Promise<void> {
  const sink = new AudioSampleSink(track);
  // Reused for every chunk; grown when a chunk is longer than any before.
  let planes: Float32Array[] = [];
  try {
    for await (const sample of sink.samples()) {
      try {
        const frames = sample.numberOfFrames;
        if (frames === 0) continue;
        if (planes.length !== sample.numberOfChannels || planes[0].length < frames) {
          planes = Array.from({ length: sample.numberOfChannels }, () => new Float32Array(Math.max(frames, planes[0]?.length ?? 0)));
        }
        for (let c = 0; c < planes.length; c++) sample.copyTo(planes[c], { planeIndex: c, format: 'f32-planar', frameCount: frames });
        try {
          await onChunk({ planes, frames, sampleRate: sample.sampleRate, endSec: sample.timestamp + sample.duration });
        } catch (error) {
          // The consumer's own failure, not the file's: passed on as it is.
          throw new ConsumerError(error);
        }
      } finally {
        sample.close();
      }
    }
  } catch (error) {
    if (error instanceof ConsumerError) throw error.cause;
    throw new DecodeProblem('corrupt', describe(error));
  }
}

class ConsumerError extends Error {
  constructor(cause: unknown) {
    super('the chunk consumer failed', { cause });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
