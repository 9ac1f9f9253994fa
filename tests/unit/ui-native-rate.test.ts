/** Reading a recording's own sample rate from its header, per container; null when unsure. */
import { describe, expect, it } from 'vitest';
import { encodeWav } from '../../src/audio/wav-writer.ts';
import { nativeSampleRate } from '../../src/ui/review/native-rate.ts';

function bytes(...parts: (string | number[])[]): Uint8Array {
  const out: number[] = [];
  for (const part of parts) {
    if (typeof part === 'string') for (const c of part) out.push(c.charCodeAt(0));
    else out.push(...part);
  }
  return Uint8Array.from(out);
}

const zeros = (n: number) => new Array<number>(n).fill(0);

describe('native sample rate', () => {
  it('reads WAV headers', () => {
    expect(nativeSampleRate(encodeWav([new Float32Array(16)], 8000, 'int16'))).toBe(8000);
    expect(nativeSampleRate(encodeWav([new Float32Array(16), new Float32Array(16)], 44100, 'float32', { extensible: true }))).toBe(44100);
  });

  it('reads FLAC STREAMINFO', () => {
    // Block sizes and frame sizes, then 16000 Hz (20 bits), stereo, 16 bits.
    expect(nativeSampleRate(bytes('fLaC', [0, 0, 0, 34], zeros(10), [0x03, 0xe8, 0x02, 0xf0], zeros(20)))).toBe(16000);
  });

  it('reads the first MPEG audio frame, after an ID3v2 tag', () => {
    expect(nativeSampleRate(bytes('ID3', [3, 0, 0, 0, 0, 0, 10], zeros(10), [0xff, 0xfb, 0x90, 0x64], zeros(8)))).toBe(44100);
    // MPEG-2 layer III at rate index 1: 24 kHz.
    expect(nativeSampleRate(bytes([0xff, 0xf3, 0x84, 0x64], zeros(8)))).toBe(24000);
  });

  it('knows Ogg Opus decodes at 48 kHz and reads the Vorbis identification header', () => {
    expect(nativeSampleRate(bytes('OggS', zeros(24), 'OpusHead', zeros(11)))).toBe(48000);
    expect(nativeSampleRate(bytes('OggS', zeros(24), '\u0001vorbis', [0, 0, 0, 0, 1, 0x22, 0x56, 0, 0], zeros(8)))).toBe(22050);
  });

  it('reads the AAC sample entry of MP4/M4A, also when it sits at the end of the file', () => {
    const mp4a = bytes([0, 0, 0, 36], 'mp4a', zeros(16), [0, 1, 0, 16, 0, 0, 0, 0], [0x3e, 0x80, 0, 0]);
    const ftyp = bytes([0, 0, 0, 16], 'ftyp', 'M4A ', [0, 0, 0, 0]);
    expect(nativeSampleRate(Uint8Array.from([...ftyp, ...mp4a]))).toBe(16000);
    expect(nativeSampleRate(Uint8Array.from([...ftyp, ...new Uint8Array(300_000), ...mp4a]))).toBe(16000);
  });

  it('reads WebM: Opus at 48 kHz, otherwise the SamplingFrequency element', () => {
    const ebml = [0x1a, 0x45, 0xdf, 0xa3];
    expect(nativeSampleRate(bytes(ebml, zeros(20), 'A_OPUS', zeros(10)))).toBe(48000);
    const rate = new Uint8Array(8);
    new DataView(rate.buffer).setFloat64(0, 44100);
    expect(nativeSampleRate(bytes(ebml, zeros(20), 'A_VORBIS', [0xe1, 0x8b, 0xb5, 0x88], [...rate], zeros(4)))).toBe(44100);
  });

  it('returns null for what it does not recognise or cannot trust', () => {
    expect(nativeSampleRate(bytes(zeros(64)))).toBeNull();
    expect(nativeSampleRate(bytes('RIFF', [0, 0, 0, 0], 'WAVE'))).toBeNull();
    expect(nativeSampleRate(bytes('fLaC', zeros(3)))).toBeNull();
    // A header claiming a rate no decoder context accepts.
    expect(nativeSampleRate(encodeWav([new Float32Array(4)], 1000, 'int16'))).toBeNull();
  });
});
