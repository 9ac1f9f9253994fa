import { describe, expect, it } from 'vitest';
import { AudioInputError } from '../../src/audio/audio-input-error.ts';
import { looksLikeWav, parseWavHeader, readWavHeader, WaveFormatTag, type ByteRange } from '../../src/audio/wav-header.ts';
import { encodeWav } from '../../src/audio/wav-writer.ts';

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const setU32 = (bytes: Uint8Array, at: number, value: number): void => new DataView(bytes.buffer, bytes.byteOffset).setUint32(at, value, true);
const setU16 = (bytes: Uint8Array, at: number, value: number): void => new DataView(bytes.buffer, bytes.byteOffset).setUint16(at, value, true);

/** A plain 16-bit mono file of `frames` samples: fmt at 12, data header at 36, audio from 44. */
const plain = (frames = 10, sampleRate = 16000): Uint8Array => encodeWav([new Float32Array(frames)], sampleRate, 'int16');

function expectDamaged(bytes: Uint8Array, detail: RegExp): void {
  expect(() => parseWavHeader(bytes)).toThrow(AudioInputError);
  expect(() => parseWavHeader(bytes)).toThrow(detail);
}

describe('parseWavHeader', () => {
  it('reads the format and the data extent of a canonical 44-byte-header file', () => {
    const header = parseWavHeader(encodeWav([new Float32Array(5), new Float32Array(5)], 44100, 'int16'));
    expect(header).toEqual({
      container: 'RIFF',
      format: { formatTag: WaveFormatTag.pcm, extensible: false, channels: 2, sampleRate: 44100, blockAlign: 4, bitsPerSample: 16 },
      dataOffset: 44,
      dataBytes: 20,
      declaredDataBytes: 20,
      dataLength: 'declared',
    });
  });

  it('resolves WAVE_FORMAT_EXTENSIBLE to its sub-format', () => {
    const pcm = parseWavHeader(encodeWav([new Float32Array(3)], 48000, 'int24', { extensible: true }));
    expect(pcm.format).toMatchObject({ formatTag: WaveFormatTag.pcm, extensible: true, bitsPerSample: 24, blockAlign: 3 });
    expect(pcm.dataOffset).toBe(12 + 8 + 40 + 8);
    const float = parseWavHeader(encodeWav([new Float32Array(3)], 48000, 'float32', { extensible: true }));
    expect(float.format).toMatchObject({ formatTag: WaveFormatTag.float, extensible: true, bitsPerSample: 32 });
  });

  it('skips LIST, fact and odd-sized chunks (with their pad byte) before the data', () => {
    const bytes = encodeWav([new Float32Array(4)], 8000, 'int16', {
      extraChunks: [
        { id: 'LIST', body: ascii('INFOISFT\x05\x00\x00\x00test\x00') }, // 17 bytes: odd, padded
        { id: 'fact', body: new Uint8Array([4, 0, 0, 0]) },
      ],
    });
    const header = parseWavHeader(bytes);
    // 12 RIFF + 24 fmt + (8 + 17 + 1) LIST + (8 + 4) fact + 8 data header
    expect(header.dataOffset).toBe(12 + 24 + 26 + 12 + 8);
    expect(header.dataBytes).toBe(8);
  });

  it('takes a data size of 0 or 0xFFFFFFFF as unknown and reads to the end of the file', () => {
    for (const placeholder of [0, 0xffffffff]) {
      const bytes = plain(10);
      setU32(bytes, 40, placeholder);
      const header = parseWavHeader(bytes);
      expect(header).toMatchObject({ dataLength: 'unknown', dataBytes: 20, declaredDataBytes: null });
    }
  });

  it('keeps what is there when the data chunk is longer than the file', () => {
    const header = parseWavHeader(plain(100).subarray(0, 44 + 51));
    expect(header).toMatchObject({ dataLength: 'truncated', dataBytes: 51, declaredDataBytes: 200 });
  });

  it('takes the data length of an RF64 file from its ds64 chunk', () => {
    const audio = plain(6).subarray(44);
    const ds64 = new Uint8Array(28);
    setU32(ds64, 8, audio.length); // data size, low 32 bits
    const bytes = new Uint8Array([...ascii('RF64\xff\xff\xff\xffWAVE'), ...ascii('ds64'), 28, 0, 0, 0, ...ds64, ...plain(6).subarray(12, 36), ...ascii('data\xff\xff\xff\xff'), ...audio]);
    expect(parseWavHeader(bytes)).toMatchObject({ container: 'RF64', dataLength: 'declared', dataBytes: 12 });
  });

  it('judges the data length against the whole file when given only its start', () => {
    const header = parseWavHeader(plain(1000).subarray(0, 64), 44 + 2000);
    expect(header).toMatchObject({ dataLength: 'declared', dataBytes: 2000 });
    expect(() => parseWavHeader(plain(1000).subarray(0, 20), 2044)).toThrow(RangeError);
  });

  describe('says the file is damaged, in words, when', () => {
    it('it is shorter than a RIFF header', () => expectDamaged(ascii('RIFF\x00\x00'), /only 6 bytes/));
    it('it is not RIFF…WAVE', () => expectDamaged(ascii('RIFF\x04\x00\x00\x00AVI LIST'), /RIFF…WAVE/));
    it('it ends inside the header', () => expectDamaged(plain().subarray(0, 30), /runs past the end/));
    it('it ends before the fmt chunk', () => expectDamaged(plain().subarray(0, 16), /no "fmt " chunk/));
    it('it ends before the data chunk', () => expectDamaged(plain().subarray(0, 40), /no "data" chunk/));
    it('the data comes before the format', () => {
      const bytes = new Uint8Array([...ascii('RIFF\x00\x00\x00\x00WAVE'), ...ascii('data\x02\x00\x00\x00'), 0, 0]);
      expectDamaged(bytes, /before the "fmt " chunk/);
    });
    it('a chunk size sends the walk into garbage', () => {
      const bytes = new Uint8Array([...plain().subarray(0, 36), ...ascii('LIST\x02\x00\x00\x00ab'), 0x01, 0x02, 0x03, 0x04, 9, 0, 0, 0, ...new Uint8Array(9)]);
      expectDamaged(bytes, /no valid chunk at byte 46/);
    });
    it('the fmt chunk is too short', () => {
      const bytes = plain();
      setU32(bytes, 16, 14);
      expectDamaged(bytes, /shorter than the 16/);
    });
    it('it declares no channels', () => {
      const bytes = plain();
      setU16(bytes, 22, 0);
      expectDamaged(bytes, /0 channels/);
    });
    it('it declares a sample rate of 0', () => {
      const bytes = plain();
      setU32(bytes, 24, 0);
      expectDamaged(bytes, /sample rate of 0/);
    });
  });

  it('refuses big-endian RIFX and unknown extensible sub-formats with advice', () => {
    const rifx = plain();
    rifx.set(ascii('RIFX'), 0);
    expect(() => parseWavHeader(rifx)).toThrow(/big-endian.*ffmpeg/);
    const odd = encodeWav([new Float32Array(3)], 48000, 'int16', { extensible: true });
    odd[12 + 8 + 30] ^= 0xff; // a byte of the GUID's fixed tail
    expect(() => parseWavHeader(odd)).toThrow(/sub-format/);
  });
});

describe('readWavHeader', () => {
  it('skips a large chunk without reading it', async () => {
    const junk = new Uint8Array(5_000_001);
    const bytes = encodeWav([new Float32Array(4)], 16000, 'int16', { extraChunks: [{ id: 'JUNK', body: junk }] });
    const requests: ByteRange[] = [];
    const header = await readWavHeader(bytes.length, async (range) => {
      requests.push(range);
      return bytes.subarray(range.offset, range.offset + range.length);
    });
    expect(header.dataOffset).toBe(12 + 24 + 8 + junk.length + 1 + 8);
    expect(Math.max(...requests.map((r) => r.length))).toBeLessThanOrEqual(40);
  });
});

describe('looksLikeWav', () => {
  it('goes by the magic bytes', () => {
    expect(looksLikeWav(plain())).toBe(true);
    expect(looksLikeWav(ascii('RIFF'))).toBe(true); // cut short: the parser will say so
    expect(looksLikeWav(ascii('RIFF\x00\x00\x00\x00AVI '))).toBe(false);
    expect(looksLikeWav(ascii('ID3\x03\x00\x00\x00\x00\x00\x00\x00\x00'))).toBe(false);
    expect(looksLikeWav(new Uint8Array(0))).toBe(false);
  });
});
