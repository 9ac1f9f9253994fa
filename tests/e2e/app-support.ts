/**
 * What the app's browser tests share: the app page in a fresh context (its own storage), the
 * sample call loaded through the UI, and queries that reach into the elements' shadow roots.
 * Servers and Chromium come from harness.ts.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { encodeWav } from '../../src/audio/wav-writer.ts';
import { voiceLikeSignal } from './test-audio.ts';
import { afterAll, beforeAll } from 'vitest';
import { fakeMicrophoneArgs, launchChromium, startDevServer, type Server } from './harness.ts';
import { writeRushedSpeechWav } from './speech-audio.ts';

/**
 * How long a poll waits for the app: analysis runs in a Worker and takes seconds on a busy
 * machine, far beyond expect.poll's default second.
 */
export const WAIT = { timeout: 30_000 } as const;

export interface AppPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors. */
  errors: string[];
  /** Every URL the page requested, in order. */
  requests: string[];
}

export interface AppOptions {
  /** Browser language, which picks the app's default language. */
  locale?: string;
  /** Scripts run before the app's (to stub browser APIs). */
  initScript?: () => void;
}

/** The app at `baseUrl` in a new context, 1280×800, its tabs on screen. */
export async function openApp(browser: Browser, baseUrl: string, options: AppOptions = {}): Promise<AppPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: options.locale ?? 'nl-NL', acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('request', (request) => requests.push(request.url()));
  if (options.initScript) await page.addInitScript(options.initScript);
  await page.goto(baseUrl);
  await page.locator('luister-app [role="tab"]').first().waitFor();
  return { context, page, errors, requests };
}

/** Clicks "open sample call" and waits until the report card is on screen. */
export async function openSampleCall(page: Page): Promise<void> {
  await page.locator('luister-review [data-action="open-sample"]').click();
  await waitForReview(page);
}

/** Waits for a finished review: the report card and the waveform's regions. */
export async function waitForReview(page: Page): Promise<void> {
  await page.locator('luister-report-card article').waitFor({ timeout: 90_000 });
  await page.locator('luister-waveform canvas').first().waitFor();
}

/** Clicks one of the export bar's buttons and returns the download. */
export async function exported(page: Page, kind: 'json' | 'csv' | 'wav'): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`luister-export-bar [data-export="${kind}"]`).click()]);
  return download;
}

/** A download's contents as text. */
export async function downloaded(download: Download): Promise<string> {
  return readFile(await download.path(), 'utf8');
}

/** Waits until the recording on screen has been saved (its batch is done). */
export async function waitForSaved(page: Page): Promise<void> {
  await page.locator('luister-review luister-analysis-progress').waitFor({ state: 'detached', timeout: 60_000 });
}

export async function showView(page: Page, view: 'practice' | 'review' | 'sessions'): Promise<void> {
  await page.locator(`luister-app #tab-${view}`).click();
  await page.locator(`luister-app #panel-${view}`).waitFor({ state: 'visible' });
}

/** A 4 s mono WAV of a voice-like signal (16-bit). */
export function voiceWav(sampleRate = 16000): Uint8Array {
  return encodeWav([voiceLikeSignal(sampleRate)], sampleRate, 'int16');
}

/** Counts elements matching `selector` anywhere in the page, shadow roots included. */
export function countDeep(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    let count = 0;
    const visit = (root: Document | ShadowRoot): void => {
      count += root.querySelectorAll(sel).length;
      for (const element of root.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
    };
    visit(document);
    return count;
  }, selector);
}

/** The element that has focus, looking through shadow roots: tag, attributes that identify it. */
export function deepActiveElement(page: Page): Promise<{ tag: string; part: string | null; text: string }> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return { tag: active?.tagName.toLowerCase() ?? '', part: active?.getAttribute('part') ?? null, text: active?.textContent?.trim().slice(0, 60) ?? '' };
  });
}

/**
 * A dev server and Chromium for one test file: started before its tests, closed after them. With
 * `fakeMicrophoneSec`, Chromium's fake microphone plays that many seconds of rushed speech,
 * written to a temporary folder that is removed afterwards.
 */
export function useAppServer(options: { fakeMicrophoneSec?: number } = {}): {
  readonly server: Server;
  readonly browser: Browser;
  /** The fake microphone's file: on the browser's command line only, so it also finds its processes. */
  readonly microphoneWav: string;
} {
  const running = { microphoneWav: '' } as { server: Server; browser: Browser; microphoneWav: string };
  let folder: string | undefined;
  beforeAll(async () => {
    let args: string[] = [];
    if (options.fakeMicrophoneSec !== undefined) {
      folder = await mkdtemp(join(tmpdir(), 'luister-microphone-'));
      running.microphoneWav = await writeRushedSpeechWav(folder, options.fakeMicrophoneSec);
      args = fakeMicrophoneArgs(running.microphoneWav);
    }
    running.server = await startDevServer();
    running.browser = await launchChromium(args);
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.server?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });
  return running;
}

/**
 * Starts a 20 ms heartbeat on the page's main thread; `longestMainThreadGap` reads the longest
 * gap between its ticks since: how long the page could not respond.
 */
export function startMainThreadHeartbeat(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { maxGapMs: number };
    w.maxGapMs = 0;
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      w.maxGapMs = Math.max(w.maxGapMs, now - last);
      last = now;
    }, 20);
  });
}

/** The longest main-thread gap since startMainThreadHeartbeat, ms. */
export function longestMainThreadGap(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { maxGapMs: number }).maxGapMs);
}
