/**
 * Streams the samples of a PCM or float WAV file from a Node file handle, a piece at a time: an
 * hour of stereo 48 kHz 16-bit is 690 MB, so the file is never read whole. Memory stays at one
 * piece's bytes and samples, reused from piece to piece.
 */
import type { FileHandle } from 'node:fs/promises';
import type { AudioStream } from './audio-stream.ts';
import { MAX_PIECE_FRAMES } from './audio-stream.ts';
import { nonFiniteWarning } from './non-finite.ts';
import { decodePcmFrames, type PcmLayout } from './pcm-decode.ts';
import { readWavHeader, type ByteRange, type WavHeader } from './wav-header.ts';

/** Reads `range` of the file; shorter only where the file ends. */
export async function readRange(handle: FileHandle, range: ByteRange, into = new Uint8Array(range.length)): Promise<Uint8Array> {
  let filled = 0;
  while (filled < range.length) {
    const { bytesRead } = await handle.read(into, filled, range.length - filled, range.offset + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return into.subarray(0, filled);
}

export function readWavFileHeader(handle: FileHandle, fileSize: number): Promise<WavHeader> {
  return readWavHeader(fileSize, (range) => readRange(handle, range));
}

/**
 * The stream of a WAV file whose header has been read and whose samples `layout` can decode.
 * Takes over `handle`: closing the stream closes it.
 */
export function createWavStream(handle: FileHandle, header: WavHeader, layout: PcmLayout): AudioStream {
  const { sampleRate } = header.format;
  const frames = Math.floor(header.dataBytes / layout.frameBytes);
  const warnings: string[] = [];
  const lengthWarning = dataLengthWarning(header, layout, frames);
  if (lengthWarning) warnings.push(lengthWarning);
  let closed: Promise<void> | null = null;

  async function* pieces(): AsyncGenerator<Float32Array[]> {
    const bytes = new Uint8Array(Math.min(frames, MAX_PIECE_FRAMES) * layout.frameBytes);
    const samples = Array.from({ length: layout.channels }, () => new Float32Array(Math.min(frames, MAX_PIECE_FRAMES)));
    let nonFinite = 0;
    let done = 0;
    while (done < frames) {
      const wanted = Math.min(frames - done, MAX_PIECE_FRAMES);
      const offset = header.dataOffset + done * layout.frameBytes;
      const got = Math.floor((await readRange(handle, { offset, length: wanted * layout.frameBytes }, bytes)).length / layout.frameBytes);
      if (got === 0) {
        // The file shrank after its header was read (a recorder still rewriting it?).
        warnings.push(`the file ended early, after ${seconds(done, sampleRate)} of audio; analysed what was there`);
        break;
      }
      nonFinite += decodePcmFrames(bytes, layout, got, samples);
      yield got === samples[0].length ? samples : samples.map((channel) => channel.subarray(0, got));
      done += got;
    }
    const warning = nonFiniteWarning(nonFinite);
    if (warning) warnings.push(warning);
  }

  return {
    sampleRate,
    channelCount: layout.channels,
    format: layout.label,
    expectedFrames: frames,
    warnings,
    pieces,
    close: () => (closed ??= handle.close()),
  };
}

function dataLengthWarning(header: WavHeader, layout: PcmLayout, frames: number): string | null {
  if (frames === 0) return null; // no audio at all is an error for the caller, not a warning
  const present = seconds(frames, header.format.sampleRate);
  if (header.dataLength === 'unknown') {
    return `the WAV header does not say how long the audio is (the recording was probably not finished properly); analysed the ${present} in the file`;
  }
  if (header.dataLength === 'truncated' && header.declaredDataBytes !== null) {
    const declared = seconds(Math.floor(header.declaredDataBytes / layout.frameBytes), header.format.sampleRate);
    return `the WAV file is truncated: its header announces ${declared} of audio but the file holds ${present}; analysed what is there`;
  }
  return null;
}

function seconds(frames: number, sampleRate: number): string {
  return `${(frames / sampleRate).toFixed(2)} s`;
}
