/**
 * The file Worker in the browser: the report it builds equals the command line's, progress
 * arrives and increases, and cancel stops it without a report.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callPage, launchChromium, openTestPage, startDevServer, testFileUrl, type Server, type TestPage } from './harness.ts';
import { REPORT_TOLERANCE } from './expectations.ts';
import { analyzeWavLikeCommandLine, differencesBeyond } from './reference.ts';
import { encodeWav } from '../../src/audio/wav-writer.ts';
import { voiceLikeSignal } from './test-audio.ts';

const RATE = 16000;

let server: Server;
let browser: Browser;
let tab: TestPage;
const wav = encodeWav([voiceLikeSignal(RATE)], RATE, 'int16');

beforeAll(async () => {
  server = await startDevServer();
  browser = await launchChromium();
  tab = await openTestPage(browser, server.url, { 'voice.wav': wav });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('file analysis Worker', () => {
  it('reports what the command line reports, with increasing progress', async () => {
    const reference = await analyzeWavLikeCommandLine(wav);
    const run = await callPage(tab.page, 'analyzeInWorker', testFileUrl('voice.wav'), RATE);
    console.info(`worker: ${run.progress.length} progress messages, first ${run.progress[0]}, last ${run.progress.at(-1)}`);

    expect(tab.errors).toEqual([]);
    expect(run.report.speakers.agent?.frames.f0Hz.length).toBe(reference.tracks[0].frameCount);
    expect(differencesBeyond(run.report, reference.report, REPORT_TOLERANCE)).toEqual([]);
    // About every 1 %: a 4 s file gives about a hundred, strictly increasing, ending at 1.
    expect(run.progress.length).toBeGreaterThanOrEqual(50);
    expect(run.progress.length).toBeLessThanOrEqual(101);
    for (let i = 1; i < run.progress.length; i++) expect(run.progress[i]).toBeGreaterThan(run.progress[i - 1]);
    expect(run.progress.at(-1)).toBe(1);
  });

  it('stops on cancel: the promise rejects with a cancellation error and no report arrives', async () => {
    // Ten minutes of audio takes many seconds to analyse; the cancel comes at the first 1 %.
    const run = await callPage(tab.page, 'cancelWorkerAnalysis', 600, RATE);
    console.info(`cancel: stopped at ${run.error.fraction} after ${run.progress.length} progress messages`);

    expect(tab.errors).toEqual([]);
    expect(run.reportArrived).toBe(false);
    expect(run.error.name).toBe('AnalysisCancelledError');
    expect(run.progress.length).toBeGreaterThanOrEqual(1);
    // Stopped a chunk or a few after the cancel (each is 5 s of audio), far from the end: the
    // bound leaves room for a slow main thread without letting a run to the end pass.
    expect(run.error.fraction).toBeGreaterThan(0);
    expect(run.error.fraction).toBeLessThan(0.5);
  });
});
