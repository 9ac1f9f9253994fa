import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeChunked, type AudioData } from 'audio-decode';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AudioInputError } from '../../src/audio/audio-input-error.ts';
import { MAX_PIECE_FRAMES } from '../../src/audio/audio-stream.ts';
import { openAudioFile } from '../../src/audio/decode-file.ts';
import { CHANNEL_LOOKAHEAD_SEC, settleChannels } from '../../src/audio/decoded-stream.ts';
import { encodeWav } from '../../src/audio/wav-writer.ts';

const RATE = 48000;
const dir = mkdtempSync(join(tmpdir(), 'luister-decode-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const hasTool = (tool: string, versionFlag = '--version'): boolean => spawnSync(tool, [versionFlag], { stdio: 'ignore' }).status === 0;
const HAS_FFMPEG = hasTool('ffmpeg', '-version');
const HAS_SOX = hasTool('sox');
if (!HAS_FFMPEG) console.warn('ffmpeg is not installed: the compressed-format tests are skipped');
if (!HAS_SOX) console.warn('sox is not installed: the µ-law WAV test is skipped');

const sine = (hz: number, seconds: number, amplitude = 0.5): Float32Array =>
  Float32Array.from({ length: Math.round(seconds * RATE) }, (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / RATE));

function writeTemp(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

function ffmpeg(input: string, output: string, codecArgs: string[]): string {
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', input, ...codecArgs, output]);
  return output;
}

/** Deterministic pseudo-random bytes (mulberry32), so "random" inputs give the same result every run. */
function noiseBytes(length: number, seed: number): Uint8Array {
  let state = seed;
  return Uint8Array.from({ length }, () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) & 0xff;
  });
}

/** Frequency of a sine from its rising zero crossings. */
function toneHz(samples: ArrayLike<number>, sampleRate: number): number {
  let crossings = 0;
  for (let i = 1; i < samples.length; i++) if (samples[i - 1] < 0 && samples[i] >= 0) crossings++;
  return (crossings * sampleRate) / samples.length;
}

/** Everything a stream delivers, joined per channel, and the longest piece. */
async function readAll(path: string) {
  const stream = await openAudioFile(path);
  const parts: Float32Array[][] = [];
  let longest = 0;
  try {
    for await (const piece of stream.pieces()) {
      longest = Math.max(longest, piece[0].length);
      parts.push(piece.map((samples) => samples.slice()));
    }
  } finally {
    await stream.close();
  }
  const channels = Array.from({ length: stream.channelCount }, (_, c) => {
    const joined = new Float32Array(parts.reduce((n, piece) => n + piece[c].length, 0));
    let at = 0;
    for (const piece of parts) {
      joined.set(piece[c], at);
      at += piece[c].length;
    }
    return joined;
  });
  return { stream, channels, longest };
}

describe.skipIf(!HAS_FFMPEG)('compressed formats, through audio-decode', () => {
  let source: string;
  beforeAll(() => {
    source = writeTemp('stereo.wav', encodeWav([sine(200, 2), sine(330, 2)], RATE, 'int16'));
  });

  const formats: { name: string; file: string; args: string[]; label: string }[] = [
    { name: 'mp3', file: 'tone.mp3', args: ['-c:a', 'libmp3lame', '-b:a', '128k'], label: 'MP3' },
    { name: 'ogg/opus', file: 'tone.opus', args: ['-c:a', 'libopus', '-b:a', '64k'], label: 'Ogg Opus' },
    { name: 'ogg/vorbis', file: 'tone.ogg', args: ['-c:a', 'libvorbis'], label: 'Ogg Vorbis' },
    { name: 'flac', file: 'tone.flac', args: ['-c:a', 'flac'], label: 'FLAC' },
    { name: 'm4a/aac', file: 'tone.m4a', args: ['-c:a', 'aac', '-b:a', '128k'], label: 'M4A/AAC' },
    { name: 'webm/opus', file: 'tone.webm', args: ['-c:a', 'libopus'], label: 'WebM' },
  ];
  for (const { name, file, args, label } of formats) {
    it(`decodes ${name} to the same two tones, in bounded pieces`, async () => {
      const { stream, channels, longest } = await readAll(ffmpeg(source, join(dir, file), args));
      expect(stream).toMatchObject({ format: label, sampleRate: RATE, channelCount: 2, expectedFrames: null });
      expect(channels[0].length).toBeGreaterThan(2 * RATE - 2048);
      expect(channels[0].length).toBeLessThan(2 * RATE + 2048);
      expect(toneHz(channels[0], RATE)).toBeCloseTo(200, -1);
      expect(toneHz(channels[1], RATE)).toBeCloseTo(330, -1);
      expect(longest).toBeLessThanOrEqual(MAX_PIECE_FRAMES);
      expect(stream.warnings).toEqual([]);
    });
  }

  it('goes by the contents, not the file name', async () => {
    const mp3 = readFileSync(ffmpeg(source, join(dir, 'real.mp3'), ['-c:a', 'libmp3lame']));
    expect((await readAll(writeTemp('mp3-named.wav', mp3))).stream.format).toBe('MP3');
    const wav = readFileSync(source);
    expect((await readAll(writeTemp('wav-named.mp3', wav))).stream.format).toBe('WAV 16-bit PCM');
  });

  it('keeps a stereo mp3 stereo when it opens with the same silence on both channels', async () => {
    const silence = new Float32Array(6 * RATE);
    const left = Float32Array.from([...silence, ...sine(200, 1)]);
    const right = Float32Array.from([...silence, ...sine(330, 1)]);
    const wav = writeTemp('late-stereo.wav', encodeWav([left, right], RATE, 'int16'));
    const mp3 = ffmpeg(wav, join(dir, 'late-stereo.mp3'), ['-c:a', 'libmp3lame']);
    // The premise: the mp3 decoder returns identical stereo as mono, so the file starts out mono.
    const raw = decodeChunked(createReadStream(mp3, { highWaterMark: 64 * 1024 }), 'mp3');
    expect((await raw.next()).value?.channelData.length).toBe(1);
    await raw.return(undefined);

    const { stream, channels } = await readAll(mp3);
    expect(stream.channelCount).toBe(2);
    expect(channels[0].length).toBeGreaterThan(7 * RATE - 2048);
    expect(toneHz(channels[0].subarray(6.2 * RATE), RATE)).toBeCloseTo(200, -1);
    expect(toneHz(channels[1].subarray(6.2 * RATE), RATE)).toBeCloseTo(330, -1);
  });

  it('turns the decoder console chatter about damaged data into one warning', async () => {
    const mp3 = readFileSync(ffmpeg(source, join(dir, 'to-damage.mp3'), ['-c:a', 'libmp3lame']));
    const damaged = mp3.slice();
    damaged.set(noiseBytes(Math.floor(mp3.length / 3), 7), Math.floor(mp3.length / 3));
    const spies = (['log', 'info', 'warn', 'error'] as const).map((name) => vi.spyOn(console, name).mockImplementation(() => {}));
    const { stream, channels } = await readAll(writeTemp('damaged.mp3', damaged));
    expect(channels[0].length).toBeGreaterThan(RATE / 2);
    expect(stream.warnings).toEqual([expect.stringMatching(/^the MP3 decoder reported \d+ problems? in the data \(first: ".+"\); the file may be damaged/)]);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    // …and the console works again afterwards.
    console.info('probe');
    expect(spies[1]).toHaveBeenCalledWith('probe');
  });

  it('reports undecodable compressed data as the input’s fault', async () => {
    const m4a = readFileSync(ffmpeg(source, join(dir, 'cut.m4a'), ['-c:a', 'aac']));
    await expect(openAudioFile(writeTemp('cut-short.m4a', m4a.subarray(0, 2000)))).rejects.toThrow(/could not decode it as M4A\/AAC \(.+\)/);
    const ogg = readFileSync(ffmpeg(source, join(dir, 'broken.ogg'), ['-c:a', 'libvorbis']));
    const broken = Uint8Array.from([...ogg.subarray(0, 4000), ...noiseBytes(20000, 3)]);
    await expect(openAudioFile(writeTemp('broken-after-header.ogg', broken))).rejects.toThrow(/no audio could be decoded/);
  });
});

describe.skipIf(!HAS_SOX)('WAV encodings the streaming reader leaves to audio-decode', () => {
  it('reads µ-law WAV through the fallback decoder', async () => {
    const source = writeTemp('for-ulaw.wav', encodeWav([sine(200, 1)], 8000 * 6, 'int16'));
    const ulaw = join(dir, 'ulaw.wav');
    execFileSync('sox', [source, '-r', '8000', '-e', 'u-law', ulaw]);
    const { stream, channels } = await readAll(ulaw);
    expect(stream).toMatchObject({ format: 'WAV µ-law', sampleRate: 8000, channelCount: 1 });
    expect(channels[0].length).toBe(8000);
    expect(toneHz(channels[0], 8000)).toBeCloseTo(200, -1);
    expect(Math.max(...channels[0])).toBeCloseTo(0.5, 1);
  });
});

describe('bad input is refused with a message for the user', () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...noiseBytes(200, 1)]);
  const wav = encodeWav([sine(200, 0.1)], RATE, 'int16');
  const cases: { name: string; make: () => string; message: RegExp }[] = [
    { name: 'a missing file', make: () => join(dir, 'nothing-here.wav'), message: /^no such file; check the path$/ },
    { name: 'a folder', make: () => (mkdirSync(join(dir, 'a-folder.wav'), { recursive: true }), join(dir, 'a-folder.wav')), message: /is a folder/ },
    { name: 'an empty file', make: () => writeTemp('empty.wav', ''), message: /empty \(0 bytes\)/ },
    { name: 'a text file', make: () => writeTemp('notes.txt', 'Call notes: customer wants a refund.\n'), message: /not an audio file Luister can read/ },
    { name: 'a PNG image', make: () => writeTemp('picture.wav', png), message: /not an audio file Luister can read/ },
    { name: 'random bytes', make: () => writeTemp('noise.bin', Uint8Array.from([0, ...noiseBytes(10000, 2)])), message: /not an audio file/ },
    { name: 'a WAV cut off inside its header', make: () => writeTemp('cut.wav', wav.subarray(0, 30)), message: /not a readable WAV file: the "fmt" chunk runs past the end/ },
    { name: 'a WAV cut off after 4 bytes', make: () => writeTemp('riff.wav', wav.subarray(0, 4)), message: /not a readable WAV file: the file is only 4 bytes long/ },
    {
      name: 'a WAV with a corrupt chunk size',
      make: () => {
        const bad = Uint8Array.from([...wav.subarray(0, 36), ...'LIST'.split('').map((c) => c.charCodeAt(0)), 3, 0, 0, 0, ...noiseBytes(400, 5)]);
        return writeTemp('corrupt.wav', bad);
      },
      message: /not a readable WAV file: there is no valid chunk at byte 48/,
    },
  ];
  for (const { name, make, message } of cases) {
    it(name, async () => {
      const error = await openAudioFile(make()).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AudioInputError);
      expect((error as Error).message).toMatch(message);
    });
  }

  it('a WAV encoding no decoder here reads, such as MP3 inside WAV', async () => {
    const mp3InWav = wav.slice();
    new DataView(mp3InWav.buffer).setUint16(20, 0x0055, true);
    await expect(openAudioFile(writeTemp('mp3-in.wav', mp3InWav))).rejects.toThrow(/an encoding Luister does not read \(format 0x0055, 16 bits\); convert it/);
    const float16 = wav.slice();
    new DataView(float16.buffer).setUint16(20, 0x0003, true); // float with 16-bit samples
    await expect(openAudioFile(writeTemp('float16.wav', float16))).rejects.toThrow(/format 0x0003, 16 bits/);
  });

  it.skipIf(!hasTool('mkfifo'))('a named pipe, without waiting on it', async () => {
    const fifo = join(dir, 'pipe.wav');
    execFileSync('mkfifo', [fifo]);
    await expect(openAudioFile(fifo)).rejects.toThrow(/not a regular file/);
  });
});

describe('settleChannels', () => {
  const chunk = (channels: number, frames: number, value: number, sampleRate = RATE): AudioData => ({
    sampleRate,
    channelData: Array.from({ length: channels }, (_, c) => new Float32Array(frames).fill(value + c)),
  });
  const source = (chunks: AudioData[]) => {
    const iterator = chunks[Symbol.iterator]();
    return async () => iterator.next();
  };

  it('holds mono chunks until a stereo one settles it, and duplicates them', async () => {
    const start = await settleChannels(source([chunk(1, 100, 0), chunk(1, 50, 5), chunk(2, 10, 10), chunk(2, 10, 20)]));
    expect(start.channelCount).toBe(2);
    expect(start.held.map((channels) => channels.map((samples) => [samples.length, samples[0]]))).toEqual([
      [[100, 0], [100, 0]],
      [[50, 5], [50, 5]],
      [[10, 10], [10, 11]],
    ]);
  });

  it('settles on mono after the look-ahead, without reading the rest', async () => {
    let reads = 0;
    const lookahead = CHANNEL_LOOKAHEAD_SEC * 8000;
    const next = async (): Promise<IteratorResult<AudioData>> => {
      reads++;
      return { done: false, value: chunk(1, lookahead / 4, 0, 8000) };
    };
    const start = await settleChannels(next);
    expect(start).toMatchObject({ channelCount: 1, sampleRate: 8000 });
    expect(reads).toBe(4);
  });

  it('refuses a sample rate that changes, and a stream with no audio', async () => {
    await expect(settleChannels(source([chunk(1, 10, 0, 44100), chunk(1, 10, 0, 48000)]))).rejects.toThrow(/44100 Hz, then 48000 Hz/);
    await expect(settleChannels(source([]))).rejects.toThrow(AudioInputError);
  });
});
