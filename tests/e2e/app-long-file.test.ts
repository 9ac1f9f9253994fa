/**
 * A long recording in the review, in Chromium: the progress bar moves steadily while the page
 * stays responsive, Cancel stops the Worker itself and leaves nothing behind, and a tab closed
 * mid-analysis leaves the chosen file stored, listed as an interrupted analysis on reopening,
 * which can be run again (with the channel roles chosen for it) or removed.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { longestMainThreadGap, openApp, showView, startMainThreadHeartbeat, waitForReview, WAIT, type AppPage, useAppServer } from './app-support.ts';
import { tempFolder, writeLoopedWav } from './long-wav.ts';
import { voiceLikeSignal } from './test-audio.ts';

const running = useAppServer();
const folder = tempFolder('luister-long-file-');
const RATE = 16000;
const MINUTES = 40;
const path = join(folder.path, 'lang-gesprek.wav');
/** Shorter, for the tab-close test, which analyses it to the end once. */
const SHORT_MINUTES = 10;
const shortPath = join(folder.path, 'gesprek.wav');

beforeAll(() => {
  // Forty minutes of a two-voice call, written to disk piece by piece (154 MB).
  const voices = [voiceLikeSignal(RATE, { seed: 3 }), voiceLikeSignal(RATE, { seed: 4, pitchScale: 1.6 })];
  writeLoopedWav(path, voices, RATE, MINUTES * 60);
  writeLoopedWav(shortPath, voices, RATE, SHORT_MINUTES * 60);
});
afterAll(() => folder.remove());

const bar = (page: AppPage['page']) => page.locator('luister-analysis-progress [role="progressbar"]');
const listedOn = (page: AppPage['page']) => page.locator('luister-review .interrupted li');
const rowsOn = (page: AppPage['page']) => page.locator('luister-sessions tbody tr[data-session]');
const fileWorkers = (page: AppPage['page']) => page.workers().filter((w) => w.url().includes('file-worker')).length;
/** The review's setting of the agent's channel in a stereo file: 0 left, 1 right. */
const agentChannelInput = (page: AppPage['page'], channel: 0 | 1) => page.locator('luister-review input[name="agent-channel"]').nth(channel);

/** The channel each stored report analysed as the agent's (a string: vitest rewrites `import()` in functions). */
function storedAgentChannels(page: AppPage['page']): Promise<(number | null)[]> {
  return page.evaluate(`import('/src/storage/session-store.ts').then(async ({ sessionStore }) => {
    const sessions = await sessionStore.listSessions();
    return Promise.all(sessions.map(async (s) => (await sessionStore.getSession(s.id)).report?.speakers.agent?.channel ?? null));
  })`);
}

/** Reads the progress bar until it reaches `until` %, returning every value seen. */
async function progressValues(page: AppPage['page'], until: number): Promise<number[]> {
  const seen: number[] = [];
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const value = Number((await bar(page).getAttribute('aria-valuenow', { timeout: 30_000 })) ?? NaN);
    if (seen.at(-1) !== value) seen.push(value);
    if (value >= until) return seen;
    await page.waitForTimeout(50);
  }
  throw new Error(`the progress bar stopped at ${seen.at(-1)} %`);
}

describe('a long recording', () => {
  it('moves the progress bar while the page stays responsive; Cancel stops the Worker and keeps nothing', async () => {
    const app = await openApp(running.browser, running.server.url);
    const { page } = app;
    try {
      // A heartbeat on the main thread: the longest gap between timer ticks while it works.
      await startMainThreadHeartbeat(page);
      await page.locator('luister-file-picker input[type="file"]').setInputFiles(path);
      const seen = await progressValues(page, 25);
      expect(seen.length).toBeGreaterThan(5);
      for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
      expect(fileWorkers(page)).toBe(1);
      const maxGap = await longestMainThreadGap(page);
      expect(maxGap).toBeLessThan(250);

      await page.locator('luister-analysis-progress button').click();
      await expect.poll(() => page.locator('luister-review [role="alert"]').textContent(), WAIT).toContain('De analyse van lang-gesprek.wav is geannuleerd');
      // The Worker is gone at once, not left decoding in the background.
      await expect.poll(() => fileWorkers(page), WAIT).toBe(0);
      expect(await bar(page).count()).toBe(0);
      expect(await page.locator('luister-recording-view #recording-title').count()).toBe(0);
      expect(await page.locator('luister-review .interrupted').count()).toBe(0);
      await showView(page, 'sessions');
      await expect.poll(() => page.locator('luister-sessions .empty').first().textContent(), WAIT).toContain('Nog geen sessies');
      expect(app.errors).toEqual([]);
    } finally {
      await app.context.close();
    }
  });

  it('a tab closed mid-analysis leaves the file stored: listed as interrupted, analysed again as chosen, or removed', async () => {
    const app = await openApp(running.browser, running.server.url);
    const { context } = app;
    try {
      const closeDuringAnalysis = async (page: AppPage['page']): Promise<void> => {
        await page.locator('luister-file-picker input[type="file"]').setInputFiles(shortPath);
        await progressValues(page, 5);
        await page.close();
      };
      const reopen = async (): Promise<AppPage['page']> => {
        const page = await context.newPage();
        await page.goto(running.server.url);
        await page.locator('luister-app [role="tab"]').first().waitFor();
        await showView(page, 'review');
        return page;
      };
      // The agent is on the right in this file; later the setting changes for other files.
      await showView(app.page, 'review');
      await agentChannelInput(app.page, 1).check();
      await closeDuringAnalysis(app.page);

      let page = await reopen();
      await agentChannelInput(page, 0).check();
      let listed = listedOn(page);
      await expect.poll(() => listed.count(), WAIT).toBe(1);
      await expect(listed.locator('.name').textContent()).resolves.toContain('gesprek.wav');
      await showView(page, 'sessions');
      let rows = rowsOn(page);
      await expect.poll(() => rows.count(), WAIT).toBe(1);
      await expect(rows.first().textContent()).resolves.toContain('analyse onderbroken');

      // Analyse again: the stored file is read back and the session completes.
      await showView(page, 'review');
      await listed.locator('[data-action="reanalyse"]').click();
      await expect.poll(() => listed.count(), WAIT).toBe(0);
      await waitForReview(page);
      await expect(page.locator('luister-recording-view #recording-title').textContent()).resolves.toBe('gesprek.wav');
      await expect(page.locator('luister-recording-view .facts').textContent()).resolves.toContain(`${SHORT_MINUTES}:00`);
      await page.locator('luister-review luister-analysis-progress').waitFor({ state: 'detached', timeout: 60_000 });
      await showView(page, 'sessions');
      await expect.poll(() => rows.first().textContent(), WAIT).not.toContain('analyse onderbroken');
      // Analysed as it was chosen for this file, not as the setting stands now.
      await expect.poll(() => storedAgentChannels(page), WAIT).toEqual([1]);

      // Once more, and this time remove it: only the finished session stays.
      await showView(page, 'review');
      await closeDuringAnalysis(page);
      page = await reopen();
      listed = listedOn(page);
      rows = rowsOn(page);
      await expect.poll(() => listed.count(), WAIT).toBe(1);
      await listed.locator('[data-action="remove"]').click();
      await expect.poll(() => listed.count(), WAIT).toBe(0);
      await showView(page, 'sessions');
      await expect.poll(() => rows.count(), WAIT).toBe(1);
    } finally {
      await context.close();
    }
  });
});
