import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_PIECE_FRAMES, type AudioStream } from '../../src/audio/audio-stream.ts';
import { openAudioFile } from '../../src/audio/decode-file.ts';
import type { SampleCoding } from '../../src/audio/pcm-decode.ts';
import { encodeWav } from '../../src/audio/wav-writer.ts';

const dir = mkdtempSync(join(tmpdir(), 'luister-wav-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNumber = 0;

function writeTemp(bytes: Uint8Array, name = `f${fileNumber++}.wav`): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

interface ReadBack {
  stream: AudioStream;
  channels: number[][];
  pieceLengths: number[];
}

/** Reads a whole file through the streaming reader, copying every piece (pieces are reused). */
async function readBack(bytes: Uint8Array): Promise<ReadBack> {
  const stream = await openAudioFile(writeTemp(bytes));
  const channels: number[][] = Array.from({ length: stream.channelCount }, () => []);
  const pieceLengths: number[] = [];
  try {
    for await (const piece of stream.pieces()) {
      pieceLengths.push(piece[0].length);
      piece.forEach((samples, c) => channels[c].push(...samples));
    }
  } finally {
    await stream.close();
  }
  return { stream, channels, pieceLengths };
}

describe('streaming WAV reader: sample values round-trip exactly', () => {
  // Values each coding holds exactly (and a float32 holds exactly), with their raw integers.
  const cases: { coding: SampleCoding; values: number[]; label: string }[] = [
    { coding: 'uint8', values: [0, 0.5, -0.5, -1, 127 / 128], label: 'WAV 8-bit PCM' }, // 128, 192, 64, 0, 255
    { coding: 'int16', values: [0, 0.5, -0.5, -1, 32767 / 32768, 1 / 32768], label: 'WAV 16-bit PCM' }, // 0.5 is 16384
    { coding: 'int24', values: [0, 0.5, -1, 8388607 / 8388608, -1 / 8388608], label: 'WAV 24-bit PCM' },
    { coding: 'int32', values: [0, 0.5, -1, -0.25, 2 ** -20], label: 'WAV 32-bit PCM' },
    { coding: 'float32', values: [0, 0.5, -1, 0.1234567, 1.5, -2.75], label: 'WAV 32-bit float' },
    { coding: 'float64', values: [0, 0.5, -1, Math.fround(0.3), -0.125], label: 'WAV 64-bit float' },
  ];
  for (const { coding, values, label } of cases) {
    it(`${coding}, stereo`, async () => {
      const right = [...values].reverse();
      const { stream, channels } = await readBack(encodeWav([values, right], 22050, coding));
      expect(stream).toMatchObject({ sampleRate: 22050, channelCount: 2, format: label, expectedFrames: values.length });
      expect(channels[0]).toEqual(values.map(Math.fround));
      expect(channels[1]).toEqual(right.map(Math.fround));
      expect(stream.warnings).toEqual([]);
    });
  }

  it('reads the int16 value 16384 as 0.5 from hand-made bytes', async () => {
    const bytes = encodeWav([[0, 0]], 8000, 'int16');
    new DataView(bytes.buffer).setInt16(44, 16384, true);
    new DataView(bytes.buffer).setInt16(46, -32768, true);
    expect((await readBack(bytes)).channels[0]).toEqual([0.5, -1]);
  });

  it('reads WAVE_FORMAT_EXTENSIBLE PCM and float', async () => {
    const pcm = await readBack(encodeWav([[0.5, -0.25]], 96000, 'int24', { extensible: true }));
    expect(pcm.channels[0]).toEqual([0.5, -0.25]);
    const float = await readBack(encodeWav([[0.5, -0.25]], 96000, 'float32', { extensible: true }));
    expect(float.channels[0]).toEqual([0.5, -0.25]);
  });

  it('reads the audio after LIST and odd-sized chunks, and an odd-sized 8-bit data chunk', async () => {
    const { channels } = await readBack(
      encodeWav([[0.5, -0.5, 0.25]], 8000, 'uint8', { extraChunks: [{ id: 'LIST', body: new Uint8Array(5).fill(0x41) }, { id: 'fact', body: new Uint8Array(4) }] }),
    );
    expect(channels[0]).toEqual([0.5, -0.5, 0.25]);
  });
});

describe('streaming WAV reader: long files', () => {
  it('delivers bounded pieces, in order, with nothing lost', async () => {
    const frames = 2 * MAX_PIECE_FRAMES + 1234;
    const ramp = Array.from({ length: frames }, (_, i) => ((i % 65536) - 32768) / 32768);
    const reversed = [...ramp].reverse();
    const { channels, pieceLengths, stream } = await readBack(encodeWav([ramp, reversed], 48000, 'int16'));
    expect(pieceLengths).toEqual([MAX_PIECE_FRAMES, MAX_PIECE_FRAMES, 1234]);
    expect(channels[0]).toEqual(ramp);
    expect(channels[1]).toEqual(reversed);
    expect(stream.expectedFrames).toBe(frames);
  });
});

describe('streaming WAV reader: damaged and unusual files', () => {
  const tone = Array.from({ length: 16000 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 200 * i) / 16000));

  it('reads a truncated file up to where it ends, and warns', async () => {
    const whole = encodeWav([tone], 16000, 'int16');
    const { channels, stream } = await readBack(whole.subarray(0, 44 + 8001)); // half a second and a byte
    expect(channels[0].length).toBe(4000);
    expect(stream.warnings).toEqual([expect.stringMatching(/truncated: its header announces 1\.00 s of audio but the file holds 0\.25 s/)]);
  });

  it('reads a file whose header gives no data length to the end, and warns', async () => {
    const bytes = encodeWav([tone], 16000, 'int16');
    new DataView(bytes.buffer).setUint32(40, 0xffffffff, true);
    const { channels, stream } = await readBack(bytes);
    expect(channels[0].length).toBe(16000);
    expect(stream.warnings).toEqual([expect.stringMatching(/does not say how long the audio is.*1\.00 s/)]);
  });

  it('ignores a partial frame at the end', async () => {
    const bytes = encodeWav([[0.5, 0.5, 0.5]], 16000, 'int16');
    const cut = bytes.subarray(0, bytes.length - 1);
    expect((await readBack(cut)).channels[0]).toEqual([0.5, 0.5]);
  });

  it('reads NaN and infinite float samples as silence and counts them', async () => {
    const values = [0.5, NaN, Infinity, -Infinity, -0.5];
    const f32 = await readBack(encodeWav([values, [0, 0, 0, NaN, 0]], 16000, 'float32'));
    expect(f32.channels[0]).toEqual([0.5, 0, 0, 0, -0.5]);
    expect(f32.channels[1]).toEqual([0, 0, 0, 0, 0]);
    expect(f32.stream.warnings).toEqual(['4 samples were not a number (NaN or infinite) and were read as silence']);
    // A float64 beyond the float32 range would become Infinity: it is caught as well.
    const f64 = await readBack(encodeWav([[1e300, 0.25]], 16000, 'float64'));
    expect(f64.channels[0]).toEqual([0, 0.25]);
    expect(f64.stream.warnings).toEqual(['1 sample was not a number (NaN or infinite) and was read as silence']);
  });

  it('refuses a header whose frame size does not match its channels and bits', async () => {
    const bytes = encodeWav([[0, 0]], 16000, 'int16');
    new DataView(bytes.buffer).setUint16(32, 3, true); // blockAlign 3 for 1 × 16 bits
    await expect(openAudioFile(writeTemp(bytes))).rejects.toThrow(/inconsistent \(1 channel of 16 bits need 2 bytes a frame, it says 3\)/);
  });
});
