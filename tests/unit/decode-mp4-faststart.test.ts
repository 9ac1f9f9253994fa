import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import decode, { decodeChunked } from 'audio-decode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAudioFile } from '../../src/audio/decode-file.ts';
import { fileBytes, type BytePart } from '../../src/audio/file-bytes.ts';
import { planFaststart, shiftChunkOffsets } from '../../src/audio/mp4-faststart.ts';
import { encodeWav } from '../../src/audio/wav-writer.ts';

const HAS_FFMPEG = spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0;
if (!HAS_FFMPEG) console.warn('ffmpeg is not installed: the M4A streaming tests are skipped');
const dir = mkdtempSync(join(tmpdir(), 'luister-mp4-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A box: 32-bit size, type, body. */
function box(type: string, ...body: Uint8Array[]): Uint8Array {
  const size = 8 + body.reduce((n, b) => n + b.length, 0);
  const out = new Uint8Array(size);
  new DataView(out.buffer).setUint32(0, size);
  out.set(Array.from(type, (c) => c.charCodeAt(0)), 4);
  let at = 8;
  for (const b of body) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

/** A stco or co64 table body: version/flags, count, entries. */
function offsets(wide: boolean, values: number[]): Uint8Array {
  const out = new Uint8Array(8 + values.length * (wide ? 8 : 4));
  const view = new DataView(out.buffer);
  view.setUint32(4, values.length);
  values.forEach((v, i) => (wide ? view.setBigUint64(8 + 8 * i, BigInt(v)) : view.setUint32(8 + 4 * i, v)));
  return out;
}

function readOffsets(moov: Uint8Array, type: 'stco' | 'co64'): number[] {
  const at = Buffer.from(moov).indexOf(type) - 4;
  const view = new DataView(moov.buffer, moov.byteOffset + at);
  const count = view.getUint32(12);
  return Array.from({ length: count }, (_, i) => (type === 'co64' ? Number(view.getBigUint64(16 + 8 * i)) : view.getUint32(16 + 4 * i)));
}

const stbl = (...tables: Uint8Array[]): Uint8Array => box('moov', box('trak', box('mdia', box('minf', box('stbl', ...tables)))));

describe('shiftChunkOffsets', () => {
  it('moves the offsets in the range, in 32- and 64-bit tables, and nothing else', () => {
    const moov = stbl(box('stsz', new Uint8Array(12)), box('stco', offsets(false, [100, 1000, 5000, 8000])), box('co64', offsets(true, [999, 7999, 2 ** 40])));
    expect(shiftChunkOffsets(moov, { from: 1000, to: 8000, by: 50 })).toBe(true);
    expect(readOffsets(moov, 'stco')).toEqual([100, 1050, 5050, 8000]);
    expect(readOffsets(moov, 'co64')).toEqual([999, 8049, 2 ** 40]);
  });

  it('declines when a 32-bit offset would overflow, or the boxes do not parse', () => {
    expect(shiftChunkOffsets(stbl(box('stco', offsets(false, [0xffffff00]))), { from: 0, to: 2 ** 33, by: 0x1000 })).toBe(false);
    const broken = stbl(box('stco', offsets(false, [1])));
    new DataView(broken.buffer).setUint32(8, 4); // trak's size smaller than its header
    expect(shiftChunkOffsets(broken, { from: 0, to: 10, by: 1 })).toBe(false);
  });
});

describe.skipIf(!HAS_FFMPEG)('M4A with its index at the end', () => {
  const RATE = 44100;
  let atEnd: string;
  let atFront: string;
  beforeAll(() => {
    const tone = Float32Array.from({ length: RATE * 20 }, (_, i) => 0.4 * Math.sin((2 * Math.PI * 220 * i) / RATE));
    const wav = join(dir, 'tone.wav');
    writeFileSync(wav, encodeWav([tone], RATE, 'int16'));
    atEnd = join(dir, 'index-at-end.m4a');
    atFront = join(dir, 'index-at-front.m4a');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', wav, '-c:a', 'aac', atEnd]);
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', wav, '-c:a', 'aac', '-movflags', '+faststart', atFront]);
  });

  const plan = async (path: string): Promise<BytePart[] | null> => {
    const bytes = readFileSync(path);
    return planFaststart(bytes.length, async ({ offset, length }) => bytes.subarray(offset, offset + length));
  };

  const chunkCount = async (input: AsyncIterable<Uint8Array>): Promise<number> => {
    let chunks = 0;
    for await (const _ of decodeChunked(input, 'm4a')) chunks++;
    return chunks;
  };

  it('is decoded in one go as it is, and in many chunks once rearranged', async () => {
    expect(await chunkCount(fileBytes(atEnd))).toBe(1); // the premise: as it is, nothing streams
    const parts = await plan(atEnd);
    expect(parts).not.toBeNull();
    expect(await chunkCount(fileBytes(atEnd, parts!))).toBeGreaterThan(1);
  });

  it('decodes to exactly the samples of the file as it is', async () => {
    const whole = await decode(readFileSync(atEnd));
    const { channels } = await readAll(atEnd);
    expect(channels[0].length).toBe(whole.channelData[0].length);
    // Compared as bytes: a deep equality over a million numbers takes seconds.
    const bytes = (samples: Float32Array): Buffer => Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
    expect(bytes(channels[0]).equals(bytes(whole.channelData[0]))).toBe(true);
  });

  it('leaves a file whose index is already in front as it is', async () => {
    expect(await plan(atFront)).toBeNull();
  });
});

async function readAll(path: string): Promise<{ channels: Float32Array[] }> {
  const stream = await openAudioFile(path);
  const parts: Float32Array[] = [];
  try {
    for await (const piece of stream.pieces()) parts.push(piece[0].slice());
  } finally {
    await stream.close();
  }
  const joined = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (joined.set(p, at), at + p.length), 0);
  return { channels: [joined] };
}
