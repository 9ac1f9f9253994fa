/**
 * Streaming 16-bit PCM WAV writer for the bench: the hour-long files handed to Praat and the
 * command line are written piece by piece, never held whole (src/audio/wav-writer.ts encodes in
 * memory). Reading goes through src/audio.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { decodeWavBytes, type DecodedWav } from '../src/audio/wav-decode.ts';

/** A short WAV file read whole (espeak-ng's output). */
export function readWav(path: string): DecodedWav {
  return decodeWavBytes(new Uint8Array(readFileSync(path)));
}


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
