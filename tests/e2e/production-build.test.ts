/**
 * The production build: `vite build` must bundle the worklet and the Worker into plain
 * JavaScript modules that load from `vite preview` and give the same numbers as in dev.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSameAsCommandLine, REPORT_TOLERANCE } from './expectations.ts';
import {
  callPage,
  launchChromium,
  openTestPage,
  ROOT,
  startPreviewServer,
  TEST_PAGE,
  testFileUrl,
  viteConfig,
  type Server,
  type TestPage,
} from './harness.ts';
import { analyzeWavLikeCommandLine, differencesBeyond } from './reference.ts';
import { encodeWav } from '../../src/audio/wav-writer.ts';
import { voiceLikeSignal } from './test-audio.ts';

const RATE = 48000;

let outDir: string;
let server: Server;
let browser: Browser;
let tab: TestPage;
const wav = encodeWav([voiceLikeSignal(RATE)], RATE, 'int16');

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'luister-build-'));
  await build(viteConfig({ build: { outDir, emptyOutDir: true, rolldownOptions: { input: join(ROOT, TEST_PAGE) } } }));
  server = await startPreviewServer(outDir);
  browser = await launchChromium();
  tab = await openTestPage(browser, server.url, { 'voice.wav': wav });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** The built JavaScript files and their text. */
async function builtScripts(): Promise<{ name: string; code: string }[]> {
  const names = (await readdir(outDir, { recursive: true })).filter((name) => name.endsWith('.js'));
  return Promise.all(names.map(async (name) => ({ name, code: await readFile(join(outDir, name), 'utf8') })));
}

describe('production build', () => {
  it('emits the worklet and the Worker as bundled JavaScript', async () => {
    const scripts = await builtScripts();
    const worklets = scripts.filter((s) => s.code.includes('registerProcessor('));
    const workers = scripts.filter((s) => s.code.includes('already analysing a recording'));
    console.info(`build: ${scripts.map((s) => s.name).join(', ')}`);
    expect(worklets.map((s) => s.name)).toEqual([expect.stringMatching(/luister-processor-.*\.js$/)]);
    expect(workers.map((s) => s.name)).toEqual([expect.stringMatching(/analysis-worker-.*\.js$/)]);
    // Self-contained: the audio thread cannot load anything the bundle left out.
    expect(worklets[0].code).not.toMatch(/\bimport\b[^(]*from\s*['"]/);
    const files = await readdir(outDir, { recursive: true });
    expect(files.filter((name) => name.endsWith('.ts'))).toEqual([]);
  });

  it('runs the bundled worklet like the command line', async () => {
    const reference = await analyzeWavLikeCommandLine(wav);
    const run = await callPage(tab.page, 'renderOffline', testFileUrl('voice.wav'), RATE);
    expect(tab.errors).toEqual([]);
    expectSameAsCommandLine(run, reference, `built worklet, ${RATE} Hz`);
  });

  it('runs the bundled Worker like the command line', async () => {
    const reference = await analyzeWavLikeCommandLine(wav);
    const run = await callPage(tab.page, 'analyzeInWorker', testFileUrl('voice.wav'), RATE);
    expect(tab.errors).toEqual([]);
    expect(differencesBeyond(run.report, reference.report, REPORT_TOLERANCE)).toEqual([]);
    expect(run.progress.at(-1)).toBe(1);
  });
});
