/**
 * Screenshots of each view for the README (docs/screenshots/, 1280×800). Not a check: it runs only
 * with LUISTER_SCREENSHOTS=1, since it writes into the tree.
 *
 *   LUISTER_SCREENSHOTS=1 npx vitest run --project e2e tests/e2e/app-screenshots.test.ts
 */
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionSummary } from '../../src/storage/session-types.ts';
import { openApp, openSampleCall, showView, waitForSaved, type AppPage } from './app-support.ts';
import { launchChromium, ROOT, startDevServer, type Server } from './harness.ts';

const enabled = process.env.LUISTER_SCREENSHOTS === '1';
const OUT = join(ROOT, 'docs', 'screenshots');
/** The README should stay light. */
const MAX_BYTES = 250 * 1024;

declare global {
  interface Window {
    luisterStore?: typeof import('../../src/storage/session-store.ts');
  }
}

let server: Server;
let browser: Browser;

beforeAll(async () => {
  if (!enabled) return;
  await mkdir(OUT, { recursive: true });
  server = await startDevServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A 1280×800 picture of the page, from the top of the viewport or from `from`'s top. */
async function shoot(page: Page, name: string, from?: string): Promise<void> {
  const path = join(OUT, `${name}.png`);
  // No hover effects in the picture; let transitions and canvases settle.
  await page.mouse.move(1279, 799);
  await page.waitForTimeout(500);
  const box = from ? await page.locator(from).first().boundingBox() : null;
  const scrollY = await page.evaluate(() => window.scrollY);
  // From an element: cut from the whole page, so the end of the page does not limit the scroll.
  const clip = box ? { x: 0, y: Math.max(0, box.y + scrollY - 16), width: 1280, height: 800 } : undefined;
  await page.screenshot({ path, animations: 'disabled', caret: 'hide', ...(clip ? { clip, fullPage: true } : {}) });
  const { size } = await stat(path);
  console.info(`screenshot ${name}.png: ${Math.round(size / 1024)} KB`);
  expect(size).toBeLessThan(MAX_BYTES);
}

/** Scrolls the element matching `selector` (shadow roots pierced) to the top of the viewport. */
async function scrollTo(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().evaluate((element) => element.scrollIntoView({ block: 'start' }));
}

/**
 * Earlier practice sessions of one agent, so the trend chart has a history to show. The figures
 * are made up (a plausible month of practice); the newest session is a real review.
 */
async function seedHistory(page: Page, agent: string): Promise<void> {
  await page.addScriptTag({ type: 'module', content: "import * as s from '/src/storage/session-store.ts'; window.luisterStore = s;" });
  await page.waitForFunction(() => window.luisterStore !== undefined);
  await page.evaluate(async (name) => {
    const { sessionStore } = window.luisterStore as NonNullable<Window['luisterStore']>;
    const day = 86_400_000;
    const history = [
      { talkShare: 0.71, pitchSd: 1.6, rate: 6.4 },
      { talkShare: 0.66, pitchSd: 1.9, rate: 6.0 },
      { talkShare: 0.6, pitchSd: 2.3, rate: 5.6 },
    ];
    for (const [i, h] of history.entries()) {
      const session: SessionSummary = await sessionStore.createSession({
        kind: 'practice',
        name: `Oefengesprek ${i + 1}`,
        agent: name,
        sampleRate: 8000,
        channels: 1,
        createdAt: Date.now() - (history.length - i) * 7 * day,
      });
      await sessionStore.appendAudioChunk(session.id, 0, [new Float32Array(8000)]);
      const summary = { speechSec: 60, talkShare: h.talkShare, meanF0Hz: 110, pitchSdSemitones: h.pitchSd, syllables: 300, speechRate: h.rate * 0.8, articulationRate: h.rate };
      const speaker = { frames: { hopSec: 0.01, startSec: 0, f0Hz: [], levelDb: [] }, speech: [], summary, tone: [] };
      await sessionStore.finishSession(session.id, {
        report: { schema: 'luister-report/1', durationSec: 180 + i * 40, sampleRate: 8000, speakers: { agent: speaker }, events: [] },
        durationSec: 180 + i * 40,
      });
    }
  }, agent);
}

async function reviewSample(app: AppPage, agent: string): Promise<void> {
  await app.page.locator('luister-review #agent-name').fill(agent);
  await app.page.locator('luister-review #agent-name').dispatchEvent('change');
  await openSampleCall(app.page);
  await waitForSaved(app.page);
}

describe.runIf(enabled)('screenshots', () => {
  it('review, sessions and practice, in Dutch and English', async () => {
    const app = await openApp(browser, server.url, { locale: 'nl-NL' });
    const { page } = app;
    try {
      await shoot(page, 'review-start');
      await seedHistory(page, 'Daan');
      await reviewSample(app, 'Daan');
      await scrollTo(page, 'luister-recording-view');
      await page.locator('luister-waveform [part="wave"]').focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await shoot(page, 'review-waveform');
      await shoot(page, 'review-report', 'luister-report-card #tone-title');

      await showView(page, 'sessions');
      await page.locator('luister-sessions #agent-filter').selectOption('Daan');
      await page.locator('luister-agent-trend svg').first().waitFor();
      await shoot(page, 'sessions');
      await scrollTo(page, 'luister-agent-trend');
      await shoot(page, 'sessions-trend');

      await showView(page, 'practice');
      await page.waitForTimeout(1000);
      await shoot(page, 'practice');

      // In English from the start: the report's reasons are written in the language of the analysis.
      await page.locator('luister-language-switch button[lang="en"]').click();
      await showView(page, 'review');
      await reviewSample(app, 'Daan');
      await scrollTo(page, 'luister-recording-view');
      await shoot(page, 'review-waveform-en');
    } finally {
      await app.context.close();
    }
  });
});
