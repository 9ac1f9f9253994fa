/**
 * Encodes samples as a WAV file in memory, in any coding the reader reads: the inverse of
 * pcm-decode, for exporting short clips and for building exact test files.
 */
import { WaveFormatTag } from './wav-header.ts';
import type { SampleCoding } from './pcm-decode.ts';

export interface WavEncodeOptions {
  /** Write WAVE_FORMAT_EXTENSIBLE instead of the plain PCM/float tag. */
  extensible?: boolean;
  /** Chunks to put between "fmt " and "data" (LIST, fact…); odd sizes get their pad byte. */
  extraChunks?: { id: string; body: Uint8Array }[];
}

const CODINGS: Readonly<Record<SampleCoding, { bytes: number; float: boolean; write: (view: DataView, at: number, x: number) => void }>> = {
  uint8: { bytes: 1, float: false, write: (view, at, x) => view.setUint8(at, clampRound(x * 128 + 128, 0, 255)) },
  int16: { bytes: 2, float: false, write: (view, at, x) => view.setInt16(at, clampRound(x * 32768, -32768, 32767), true) },
  int24: {
    bytes: 3,
    float: false,
    write: (view, at, x) => {
      const v = clampRound(x * 8388608, -8388608, 8388607);
      view.setUint8(at, v & 0xff);
      view.setUint8(at + 1, (v >> 8) & 0xff);
      view.setUint8(at + 2, (v >> 16) & 0xff);
    },
  },
  int32: { bytes: 4, float: false, write: (view, at, x) => view.setInt32(at, clampRound(x * 2147483648, -2147483648, 2147483647), true) },
  float32: { bytes: 4, float: true, write: (view, at, x) => view.setFloat32(at, x, true) },
  float64: { bytes: 8, float: true, write: (view, at, x) => view.setFloat64(at, x, true) },
};

/** A complete WAV file holding `channels` (all the same length), samples in [-1, 1]. */
export function encodeWav(channels: ArrayLike<number>[], sampleRate: number, coding: SampleCoding, options: WavEncodeOptions = {}): Uint8Array {
  const { bytes: sampleBytes, float, write } = CODINGS[coding];
  const frames = channels[0]?.length ?? 0;
  const blockAlign = sampleBytes * channels.length;
  const tag = float ? WaveFormatTag.float : WaveFormatTag.pcm;

  const fmt = new DataView(new ArrayBuffer(options.extensible ? 40 : 16));
  fmt.setUint16(0, options.extensible ? WaveFormatTag.extensible : tag, true);
  fmt.setUint16(2, channels.length, true);
  fmt.setUint32(4, sampleRate, true);
  fmt.setUint32(8, sampleRate * blockAlign, true);
  fmt.setUint16(12, blockAlign, true);
  fmt.setUint16(14, sampleBytes * 8, true);
  if (options.extensible) {
    fmt.setUint16(16, 22, true); // cbSize
    fmt.setUint16(18, sampleBytes * 8, true); // valid bits
    fmt.setUint32(20, 0, true); // channel mask: unspecified
    // SubFormat GUID {0000xxxx-0000-0010-8000-00AA00389B71}, xxxx the format tag.
    new Uint8Array(fmt.buffer).set([tag & 0xff, tag >> 8, 0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xaa, 0, 0x38, 0x9b, 0x71], 24);
  }

  const before = [{ id: 'fmt ', body: new Uint8Array(fmt.buffer) }, ...(options.extraChunks ?? [])];
  const dataBytes = frames * blockAlign;
  const total = 12 + before.reduce((sum, chunk) => sum + chunkSize(chunk.body.length), 0) + chunkSize(dataBytes);
  // RIFF sizes are 32-bit: a larger file would need RF64, which this writer does not make.
  if (total - 8 > 0xffffffff) throw new RangeError(`${frames} frames of ${blockAlign} bytes do not fit in a WAV file (4 GiB)`);

  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  writeId(out, 0, 'RIFF');
  view.setUint32(4, total - 8, true);
  writeId(out, 8, 'WAVE');
  let at = 12;
  for (const chunk of before) {
    writeId(out, at, chunk.id);
    view.setUint32(at + 4, chunk.body.length, true);
    out.set(chunk.body, at + 8);
    at += chunkSize(chunk.body.length);
  }
  writeId(out, at, 'data');
  view.setUint32(at + 4, dataBytes, true);
  const data = at + 8;
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channels.length; c++) write(view, data + i * blockAlign + c * sampleBytes, channels[c][i]);
  }
  return out;
}

/** Bytes a chunk takes: its header, its body and the pad byte after an odd body. */
function chunkSize(bodyLength: number): number {
  return 8 + bodyLength + (bodyLength & 1);
}

function writeId(out: Uint8Array, at: number, id: string): void {
  for (let i = 0; i < 4; i++) out[at + i] = id.charCodeAt(i);
}

function clampRound(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}
