/**
 * The worklet gives the command line's numbers: a WAV rendered through the real AudioWorklet in
 * an OfflineAudioContext (at the file's own rate, so nothing is resampled) must produce the same
 * frames, speech segments and syllables as RecordingAnalyzer over the same samples in Node.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callPage, launchChromium, openTestPage, startDevServer, testFileUrl, type Server, type TestPage } from './harness.ts';
import { expectSameAsCommandLine } from './expectations.ts';
import { analyzeWavLikeCommandLine } from './reference.ts';
import type { SampleCoding } from '../../src/audio/pcm-decode.ts';
import { encodeWav } from '../../src/audio/wav-writer.ts';
import { voiceLikeSignal } from './test-audio.ts';

/**
 * 16-bit files at the common rates, a stereo call (agent, and a higher customer voice), and one
 * float file. The command line reads 16-bit samples as n / 32768 and Chromium as n / 32767 when
 * positive, which alone moves levels by up to 2.6e-4 dB; float samples reach both hosts bit for
 * bit, and then every field must agree to rounding error.
 */
interface Case {
  rate: number;
  /** 16-bit PCM, or 32-bit float, which every decoder reads back exactly. */
  coding: Extract<SampleCoding, 'int16' | 'float32'>;
  channels: 1 | 2;
  allFieldsWithin?: number;
}
const CASES: Case[] = [
  { rate: 16000, coding: 'int16', channels: 1 },
  { rate: 44100, coding: 'int16', channels: 1 },
  { rate: 48000, coding: 'int16', channels: 1 },
  { rate: 48000, coding: 'int16', channels: 2 },
  { rate: 48000, coding: 'float32', channels: 1, allFieldsWithin: 1e-9 },
];
const fileName = (c: Case): string => `voice-${c.rate}-${c.coding}-${c.channels}ch.wav`;
const voices = (c: Case): Float32Array[] =>
  c.channels === 1 ? [voiceLikeSignal(c.rate)] : [voiceLikeSignal(c.rate), voiceLikeSignal(c.rate, { seed: 2, pitchScale: 1.6 })];
const files: Record<string, Uint8Array> = Object.fromEntries(CASES.map((c) => [fileName(c), encodeWav(voices(c), c.rate, c.coding)]));

let server: Server;
let browser: Browser;
let tab: TestPage;

beforeAll(async () => {
  server = await startDevServer();
  browser = await launchChromium();
  tab = await openTestPage(browser, server.url, files);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('worklet in an OfflineAudioContext = command line', () => {
  it.each(CASES)('$rate Hz $coding, $channels channel(s): same frames, speech and syllables', async (c) => {
    const reference = await analyzeWavLikeCommandLine(files[fileName(c)]);
    const run = await callPage(tab.page, 'renderOffline', testFileUrl(fileName(c)), c.rate);

    expect(tab.errors).toEqual([]);
    expectSameAsCommandLine(run, reference, `${c.rate} Hz ${c.coding}`, c.allFieldsWithin);
    // Every voice has three phrases, with pitch: a silent run would also "agree".
    for (const track of reference.tracks) expect(track.speech.length).toBe(3);
    expect(reference.report.speakers.agent?.summary.meanF0Hz).toBeGreaterThan(120);
    // Batched, not per quantum: at most 20 a second of audio, plus the final flush.
    expect(run.batches).toBeLessThanOrEqual(Math.ceil(run.durationSec * 20) + 1);
  });
});
