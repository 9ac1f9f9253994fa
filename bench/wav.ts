/**
 * Tiny WAV reader and streaming writer for the bench (PCM 8/16/24/32-bit and 32-bit float in,
 * 16-bit PCM out). Just enough for espeak-ng's output and for the long files handed to Praat and
 * the command line.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';

export interface DecodedWav {
  sampleRate: number;
  /** One Float32Array per channel, samples in [-1, 1). */
  channels: Float32Array[];
}

export function readWav(path: string): DecodedWav {
  const bytes = readFileSync(path);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number): string => bytes.toString('latin1', at, at + 4);
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error(`${path}: not a RIFF/WAVE file`);
  let format = 0;
  let channelCount = 0;
  let sampleRate = 0;
  let bits = 0;
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      format = view.getUint16(body, true);
      channelCount = view.getUint16(body + 2, true);
      sampleRate = view.getUint32(body + 4, true);
      bits = view.getUint16(body + 14, true);
      if (format === 0xfffe && size >= 26) format = view.getUint16(body + 24, true); // WAVE_FORMAT_EXTENSIBLE
    } else if (id === 'data') {
      if (channelCount === 0) throw new Error(`${path}: data chunk before fmt chunk`);
      // Writers that stream to a pipe leave the size unset; trust the file length then.
      const end = Math.min(bytes.length, body + size);
      return { sampleRate, channels: decode(view, body, end, format, channelCount, bits, path) };
    }
    at = body + size + (size & 1);
  }
  throw new Error(`${path}: no data chunk`);
}

function decode(view: DataView, from: number, to: number, format: number, channelCount: number, bits: number, path: string): Float32Array[] {
  const bytesPerSample = bits / 8;
  const frames = Math.floor((to - from) / (bytesPerSample * channelCount));
  const channels = Array.from({ length: channelCount }, () => new Float32Array(frames));
  const read = sampleReader(view, format, bits, path);
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channelCount; c++) channels[c][i] = read(from + (i * channelCount + c) * bytesPerSample);
  }
  return channels;
}

function sampleReader(view: DataView, format: number, bits: number, path: string): (at: number) => number {
  if (format === 1 && bits === 16) return (at) => view.getInt16(at, true) / 32768;
  if (format === 1 && bits === 8) return (at) => (view.getUint8(at) - 128) / 128;
  if (format === 1 && bits === 24) return (at) => ((view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16)) / 8388608);
  if (format === 1 && bits === 32) return (at) => view.getInt32(at, true) / 2147483648;
  if (format === 3 && bits === 32) return (at) => view.getFloat32(at, true);
  throw new Error(`${path}: unsupported WAV encoding (format ${format}, ${bits} bits)`);
}

/** Writes a 16-bit PCM WAV piece by piece; the length must be known up front (it is, here). */
export class WavWriter {
  private readonly fd: number;
  private readonly channelCount: number;
  private readonly expectedFrames: number;
  private written = 0;
  private readonly chunk: Buffer;

  constructor(path: string, sampleRate: number, channelCount: number, totalFrames: number, chunkFrames = 65536) {
    const dataBytes = totalFrames * channelCount * 2;
    if (dataBytes + 36 > 0xffffffff) throw new RangeError('WAV larger than 4 GiB');
    this.fd = openSync(path, 'w');
    this.channelCount = channelCount;
    this.expectedFrames = totalFrames;
    this.chunk = Buffer.alloc(chunkFrames * channelCount * 2);
    const header = Buffer.alloc(44);
    header.write('RIFF', 0, 'latin1');
    header.writeUInt32LE(36 + dataBytes, 4);
    header.write('WAVE', 8, 'latin1');
    header.write('fmt ', 12, 'latin1');
    header.writeUInt32LE(16, 16);
    header.writeUInt16LE(1, 20);
    header.writeUInt16LE(channelCount, 22);
    header.writeUInt32LE(sampleRate, 24);
    header.writeUInt32LE(sampleRate * channelCount * 2, 28);
    header.writeUInt16LE(channelCount * 2, 32);
    header.writeUInt16LE(16, 34);
    header.write('data', 36, 'latin1');
    header.writeUInt32LE(dataBytes, 40);
    writeSync(this.fd, header);
  }

  /** Appends `frames` frames from `channels[c][0..frames)`. */
  write(channels: ArrayLike<number>[], frames: number): void {
    const maxFrames = this.chunk.length / (2 * this.channelCount);
    for (let from = 0; from < frames; from += maxFrames) {
      const n = Math.min(maxFrames, frames - from);
      let at = 0;
      for (let i = 0; i < n; i++) {
        for (let c = 0; c < this.channelCount; c++) {
          const x = Math.max(-1, Math.min(1, channels[c][from + i]));
          this.chunk.writeInt16LE(Math.round(x * 32767), at);
          at += 2;
        }
      }
      writeSync(this.fd, this.chunk, 0, at);
    }
    this.written += frames;
  }

  close(): void {
    closeSync(this.fd);
    if (this.written !== this.expectedFrames) {
      throw new Error(`WAV writer: wrote ${this.written} frames, header says ${this.expectedFrames}`);
    }
  }
}
