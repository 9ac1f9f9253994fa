/**
 * A practice call in the whole app (real IndexedDB, fake microphone) stores its analysis frames
 * while it runs, builds the report at Stop from the stored frames, and deleting the session
 * deletes them.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, showView, useAppServer, WAIT } from './app-support.ts';

interface StoredFrames {
  id: string;
  status: string;
  /** Per channel: records, frames in them, and channel 0's f0 as the report rounds it. */
  records: number[];
  frames: number[];
  f0: number[];
  report: { agentF0: number[]; customer: boolean } | null;
}

/** Every session with its stored frame records (a string: vitest rewrites `import()` in functions). */
function storedFrames(page: Page): Promise<StoredFrames[]> {
  return page.evaluate(`import('/src/storage/session-store.ts').then(async ({ sessionStore }) => {
    const sessions = await sessionStore.listSessions();
    return Promise.all(sessions.map(async (s) => {
      const channels = [];
      for (let c = 0; c < s.channels; c++) channels.push(await sessionStore.loadFrameRecords(s.id, c));
      const f0 = [];
      for (const r of channels[0] ?? []) for (let i = 0; i < r.frameCount; i++) f0.push(Math.round(r.frames[i * 13] * 1000) / 1000);
      const { report } = await sessionStore.getSession(s.id);
      return {
        id: s.id, status: s.status,
        records: channels.map((records) => records.length),
        frames: channels.map((records) => records.reduce((n, r) => n + r.frameCount, 0)),
        f0,
        report: report ? { agentF0: report.speakers.agent.frames.f0Hz, customer: report.speakers.customer !== undefined } : null,
      };
    }));
  })`);
}

const practice = (page: Page) => page.locator('luister-practice');
const statusText = (page: Page) => practice(page).locator('.status').textContent().then((t) => t?.trim() ?? '');

describe('a practice call stores its frames', () => {
  const running = useAppServer({ fakeMicrophoneSec: 12 });

  it('writes records while the call runs, reports at Stop from them, and removes them with the session', async () => {
    const app = await openApp(running.browser, running.server.url);
    const { page } = app;
    try {
      await showView(page, 'practice');
      await practice(page).getByRole('button', { name: 'Start oefengesprek' }).click();
      await expect.poll(() => statusText(page), WAIT).toBe('Live');
      // A record holds 10 s: the first one is stored while the call still runs.
      await expect.poll(async () => (await storedFrames(page))[0]?.records[0] ?? 0, { timeout: 30_000, interval: 500 }).toBeGreaterThanOrEqual(1);
      expect((await storedFrames(page))[0].status).toBe('recording');

      await practice(page).getByRole('button', { name: 'Stop gesprek' }).click();
      await expect.poll(() => statusText(page), WAIT).toBe('Niet in gesprek');
      await expect.poll(async () => (await storedFrames(page)).map((s) => s.status), WAIT).toEqual(['complete']);
      const [session] = await storedFrames(page);
      expect(session.records[0]).toBeGreaterThanOrEqual(2);
      expect(session.frames[0]).toBeGreaterThan(1000);
      // Every channel the same number of frames, and the report is over exactly those frames.
      expect(new Set(session.frames).size).toBe(1);
      expect(session.report).not.toBeNull();
      expect(session.report?.agentF0).toHaveLength(session.frames[0]);
      expect(session.report?.agentF0).toEqual(session.f0);
      expect(session.report?.agentF0.some((hz) => hz > 0)).toBe(true);

      await page.evaluate(`import('/src/storage/session-store.ts').then(({ sessionStore }) => sessionStore.deleteSession(${JSON.stringify(session.id)}))`);
      const left = await page.evaluate(`import('/src/storage/session-store.ts').then(({ sessionStore }) => sessionStore.loadFrameRecords(${JSON.stringify(session.id)}, 0))`);
      expect(left).toEqual([]);
      expect(app.errors).toEqual([]);
    } finally {
      await app.context.close();
    }
  });
});
