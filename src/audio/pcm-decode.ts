/**
 * Interleaved PCM and IEEE-float WAV sample data to per-channel Float32Array in [-1, 1). Pure, for
 * the command line and the app alike.
 */
import { AudioInputError } from './audio-input-error.ts';
import { replaceNonFinite } from './non-finite.ts';
import { WaveFormatTag, type WavFormat } from './wav-header.ts';

export type SampleCoding = 'uint8' | 'int16' | 'int24' | 'int32' | 'float32' | 'float64';

export interface PcmLayout {
  coding: SampleCoding;
  channels: number;
  /** Bytes of one frame: a sample of every channel. */
  frameBytes: number;
  /** For people, e.g. "WAV 16-bit PCM". */
  label: string;
}

/**
 * Integer samples are read whole from their container: a 20-bit sample in 24 bits is stored
 * left-justified, so scaling by the container's range gives the right value without knowing the
 * valid bits. 8-bit WAV is unsigned (offset 128), every wider integer is signed.
 */
const INTEGER_CODINGS: Readonly<Record<number, SampleCoding>> = { 1: 'uint8', 2: 'int16', 3: 'int24', 4: 'int32' };
const FLOAT_CODINGS: Readonly<Record<number, SampleCoding>> = { 4: 'float32', 8: 'float64' };

/**
 * How to read the samples of `format`, or null when it is not PCM or float (A-law, µ-law, ADPCM,
 * MP3-in-WAV…), which another decoder has to handle.
 */
export function pcmLayoutOf(format: WavFormat): PcmLayout | null {
  const integer = format.formatTag === WaveFormatTag.pcm;
  if (!integer && format.formatTag !== WaveFormatTag.float) return null;
  const containerBytes = Math.ceil(format.bitsPerSample / 8);
  const coding = (integer ? INTEGER_CODINGS : FLOAT_CODINGS)[containerBytes];
  if (!coding) return null;
  const frameBytes = containerBytes * format.channels;
  if (format.blockAlign !== frameBytes) {
    throw new AudioInputError(
      `this is not a readable WAV file: its header is inconsistent (${format.channels} channel${format.channels === 1 ? '' : 's'} of ${format.bitsPerSample} bits need ${frameBytes} bytes a frame, it says ${format.blockAlign}); export it again from the recorder`,
    );
  }
  const label = `WAV ${format.bitsPerSample}-bit ${integer ? 'PCM' : 'float'}`;
  return { coding, channels: format.channels, frameBytes, label };
}

type SampleReader = (view: DataView, at: number) => number;

const READERS: Readonly<Record<SampleCoding, SampleReader>> = {
  uint8: (view, at) => (view.getUint8(at) - 128) / 128,
  int16: (view, at) => view.getInt16(at, true) / 32768,
  int24: (view, at) => (view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16)) / 8388608,
  int32: (view, at) => view.getInt32(at, true) / 2147483648,
  float32: (view, at) => view.getFloat32(at, true),
  float64: (view, at) => view.getFloat64(at, true),
};

/**
 * Decodes `frames` frames from the start of `bytes` into `out[c][0 .. frames)`.
 * @returns how many samples were not finite (NaN, ±Infinity, or a float64 too large for a
 *   float32) and were replaced with 0; only float data can hold them.
 */
export function decodePcmFrames(bytes: Uint8Array, layout: PcmLayout, frames: number, out: Float32Array[]): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const read = READERS[layout.coding];
  const sampleBytes = layout.frameBytes / layout.channels;
  for (let c = 0; c < layout.channels; c++) {
    const channel = out[c];
    for (let i = 0, at = c * sampleBytes; i < frames; i++, at += layout.frameBytes) channel[i] = read(view, at);
  }
  if (layout.coding !== 'float32' && layout.coding !== 'float64') return 0;
  let replaced = 0;
  for (let c = 0; c < layout.channels; c++) replaced += replaceNonFinite(out[c].subarray(0, frames));
  return replaced;
}
