/**
 * Sessions in IndexedDB through the app: a review survives a reload and opens again; renaming,
 * the agent's trend chart, deleting with confirmation; a full disk loses nothing saved before;
 * low free space is announced.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionSummary } from '../../src/storage/session-types.ts';
import { parseCsv } from '../support/csv.ts';
import { tempFolder, writeLoopedWav } from './long-wav.ts';
import { voiceLikeSignal } from './test-audio.ts';
import {
  downloaded,
  exported,
  openApp,
  openSampleCall,
  showView,
  voiceWav,
  waitForReview,
  waitForSaved,
  WAIT,
  type AppOptions,
  type AppPage,
  useAppServer,
} from './app-support.ts';

const running = useAppServer();
const folder = tempFolder('luister-sessions-');
const longCall = { path: join(folder.path, 'lang-gesprek.wav') };
beforeAll(() => {
  const voices = [voiceLikeSignal(8000, { seed: 3 }), voiceLikeSignal(8000, { seed: 4, pitchScale: 1.6 })];
  writeLoopedWav(longCall.path, voices, 8000, 10 * 60);
});
afterAll(() => folder.remove());

async function withApp(run: (app: AppPage) => Promise<void>, options?: AppOptions): Promise<void> {
  const app = await openApp(running.browser, running.server.url, options);
  try {
    await run(app);
  } finally {
    await app.context.close();
  }
}

/** Reviews a generated recording named `name`, as agent `agent`, and waits until it is saved. */
async function reviewFile(app: AppPage, name: string, agent = ''): Promise<void> {
  const { page } = app;
  await page.locator('luister-review #agent-name').fill(agent);
  await page.locator('luister-review #agent-name').dispatchEvent('change');
  await page.locator('luister-file-picker input[type="file"]').setInputFiles({ name, mimeType: 'audio/wav', buffer: Buffer.from(voiceWav()) });
  await waitForReview(page);
  await expect.poll(() => page.locator('luister-recording-view #recording-title').textContent(), WAIT).toBe(name);
  await waitForSaved(page);
}

const rows = (app: AppPage) => app.page.locator('luister-sessions tbody tr[data-session]');
const swapButton = (app: AppPage) => app.page.locator('luister-recording-view [data-action="swap-roles"]');
const laneLabels = (app: AppPage) => app.page.locator('luister-waveform .channel-label').allTextContents();

const comments = (app: AppPage) => app.page.locator('luister-coach-comments li[data-comment]');
const commentTimes = (app: AppPage) => comments(app).locator('button:first-child').allTextContents().then((times) => times.map((t) => t.trim()));

/** Steps the waveform's cursor to event `index` (arrow keys: no playback), then writes and adds a comment there. */
async function writeCommentAtEvent(app: AppPage, index: number, text: string): Promise<void> {
  const { page } = app;
  await page.locator('luister-waveform [part="wave"]').focus();
  // Back to the first event from wherever the selection is (it stops there), then on to `index`.
  const events = await page.locator('luister-event-list li').count();
  const selected = () =>
    page.locator('luister-event-list button').evaluateAll((buttons) => buttons.findIndex((b) => b.getAttribute('aria-current') === 'true'));
  for (let i = 0; i < events; i++) await page.keyboard.press('ArrowLeft');
  await expect.poll(selected, WAIT).toBe(0);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(selected, WAIT).toBe(index);
  const box = page.locator('luister-coach-comments textarea');
  await box.focus();
  const time = (await page.locator('luister-event-list li').nth(index).locator('.when').textContent())?.split(' ')[0] ?? '?';
  await expect(page.locator('luister-coach-comments label').textContent()).resolves.toContain(time);
  await box.fill(text);
  await box.press('Control+Enter');
}

/** The comments stored with the only session. */
function storedComments(app: AppPage): Promise<{ atSec: number; text: string }[]> {
  return app.page.evaluate(`import('/src/storage/session-store.ts').then(async ({ sessionStore }) => {
    const [session] = await sessionStore.listSessions();
    return session.comments ?? [];
  })`);
}

/** What the store holds of each session: roles, the agent's channel in the report, the trend's figures. */
function storedRoles(app: AppPage): Promise<{ roles: SessionSummary['roles']; agentChannel: number | null; talkShare: number | null }[]> {
  // A string: vitest rewrites `import()` inside functions.
  return app.page.evaluate(`import('/src/storage/session-store.ts').then(async ({ sessionStore }) => {
    const sessions = await sessionStore.listSessions();
    return Promise.all(sessions.map(async (s) => {
      const session = await sessionStore.getSession(s.id);
      return { roles: session.roles, agentChannel: session.report?.speakers.agent?.channel ?? null, talkShare: session.figures?.talkShare ?? null };
    }));
  })`);
}

describe('sessions', () => {
  it('keeps a reviewed recording across a reload, lists it and opens it again', () =>
    withApp(async (app) => {
      const { page, errors } = app;
      await reviewFile(app, 'gesprek-maandag.wav', 'Daan');
      await page.reload();
      await page.locator('luister-app [role="tab"]').first().waitFor();
      await showView(page, 'sessions');

      await expect.poll(() => rows(app).count(), WAIT).toBe(1);
      await expect(rows(app).locator('.name').textContent()).resolves.toBe('gesprek-maandag.wav');
      await expect(rows(app).locator('td').nth(2).textContent()).resolves.toBe('Daan');

      await rows(app).locator('[data-action="open"]').click();
      await expect.poll(() => page.locator('luister-app #tab-review').getAttribute('aria-selected'), WAIT).toBe('true');
      await waitForReview(page);
      await expect(page.locator('luister-recording-view #recording-title').textContent()).resolves.toBe('gesprek-maandag.wav');
      expect(await page.locator('luister-waveform [part~="region"]').count()).toBe(await page.locator('luister-event-list li').count());
      expect(errors).toEqual([]);
    }));

  it('swaps agent and customer of a stored file: analysed again in place, kept across a reload, swapped back', () =>
    withApp(async (app) => {
      const { page, errors } = app;
      await openSampleCall(page);
      await waitForSaved(page);
      await expect(laneLabels(app)).resolves.toEqual(['Medewerker (links)', 'Klant (rechts)']);
      const [before] = await storedRoles(app);
      expect(before).toMatchObject({ roles: { agentChannel: 0 }, agentChannel: 0 });

      await expect(swapButton(app).textContent()).resolves.toContain('Medewerker en klant omwisselen');
      await swapButton(app).click();
      await expect.poll(() => laneLabels(app), WAIT).toEqual(['Klant (links)', 'Medewerker (rechts)']);
      await waitForSaved(page);
      const swapped = await storedRoles(app);
      // The same session, analysed again: the agent is the other voice, and so are the trend's figures.
      expect(swapped).toHaveLength(1);
      expect(swapped[0]).toMatchObject({ roles: { agentChannel: 1 }, agentChannel: 1 });
      expect(swapped[0].talkShare).not.toBeCloseTo(before.talkShare ?? 0, 2);

      await page.reload();
      await page.locator('luister-app [role="tab"]').first().waitFor();
      await showView(page, 'sessions');
      await rows(app).locator('[data-action="open"]').click();
      await waitForReview(page);
      await expect(laneLabels(app)).resolves.toEqual(['Klant (links)', 'Medewerker (rechts)']);
      await swapButton(app).click();
      await expect.poll(() => laneLabels(app), WAIT).toEqual(['Medewerker (links)', 'Klant (rechts)']);
      await waitForSaved(page);
      const [back] = await storedRoles(app);
      expect(back).toEqual(before);
      expect(errors).toEqual([]);
    }));

  it('saves a swap finished after the user opened another session, without taking over the screen', () =>
    withApp(async (app) => {
      const { page, errors } = app;
      // Long enough (10 minutes) that its analysis is still running when the other session opens.
      await page.locator('luister-file-picker input[type="file"]').setInputFiles(longCall.path);
      await waitForReview(page);
      await waitForSaved(page);
      await reviewFile(app, 'kort.wav');
      await showView(page, 'sessions');
      await rows(app).filter({ hasText: 'lang-gesprek.wav' }).locator('[data-action="open"]').click();
      await expect.poll(() => page.locator('luister-recording-view #recording-title').textContent(), WAIT).toBe('lang-gesprek.wav');
      await waitForReview(page);
      await swapButton(app).click();
      await showView(page, 'sessions');
      await rows(app).filter({ hasText: 'kort.wav' }).locator('[data-action="open"]').click();
      await expect.poll(() => page.locator('luister-recording-view #recording-title').textContent(), WAIT).toBe('kort.wav');
      // The swap was still under way when the other session came on screen…
      expect(await page.locator('luister-review luister-analysis-progress').count()).toBe(1);
      await waitForSaved(page);
      // …and once saved it left that session on screen.
      await expect(page.locator('luister-recording-view #recording-title').textContent()).resolves.toBe('kort.wav');
      const stored = await storedRoles(app);
      expect(stored.map((s) => s.roles)).toContainEqual({ agentChannel: 1 });
      expect(errors).toEqual([]);
    }));

  it("hands a mono file's voice to the customer: the agent's figures go with it", () =>
    withApp(async (app) => {
      const { page, errors } = app;
      await reviewFile(app, 'klant-alleen.wav', 'Daan');
      expect((await storedRoles(app))[0]).toMatchObject({ roles: { monoSpeaker: 'agent' }, agentChannel: 0 });
      expect((await storedRoles(app))[0].talkShare).not.toBeNull();
      await expect(swapButton(app).textContent()).resolves.toContain('Deze stem is van de klant');
      await swapButton(app).click();
      await expect.poll(() => laneLabels(app), WAIT).toEqual(['Klant']);
      await waitForSaved(page);
      await expect(storedRoles(app)).resolves.toEqual([{ roles: { monoSpeaker: 'customer' }, agentChannel: null, talkShare: null }]);
      await expect(swapButton(app).textContent()).resolves.toContain('Deze stem is van de medewerker');
      // The agent's name stays with the session, as it was given.
      await expect(page.locator('luister-recording-view .facts').textContent()).resolves.toContain('Daan');
      expect(errors).toEqual([]);
    }));

  it("keeps a coach's comments on moments: written at the playback position, kept across a swap and a reload, exported, deleted", () =>
    withApp(async (app) => {
      const { page, errors } = app;
      await openSampleCall(page);
      await waitForSaved(page);
      // The silence at 0:16 (the fourth event), then the backchannel at 0:06 (the first).
      await writeCommentAtEvent(app, 3, 'Mooi: je liet de klant nadenken.');
      await writeCommentAtEvent(app, 0, 'Goed "hm-hm", op het juiste moment.');
      await expect.poll(() => commentTimes(app), WAIT).toEqual(['0:06', '0:16']);

      // Listening from a comment plays from just before its moment.
      const position = () => page.locator('luister-waveform').evaluate((el: HTMLElement & { position?: number }) => el.position ?? NaN);
      await comments(app).nth(1).locator('button').first().click();
      await expect.poll(position, WAIT).toBeGreaterThan(14);
      expect(await position()).toBeLessThan(15.5);
      await page.locator('luister-waveform [part="toolbar"] button.primary').click();

      const report = JSON.parse(await downloaded(await exported(page, 'json'))) as { comments?: { atSec: number; text: string }[] };
      expect(report.comments?.map((c) => [Math.floor(c.atSec), c.text])).toEqual([
        [6, 'Goed "hm-hm", op het juiste moment.'],
        [16, 'Mooi: je liet de klant nadenken.'],
      ]);

      // Analysed again with the roles swapped: the comments stay with it.
      await swapButton(app).click();
      await expect.poll(() => laneLabels(app), WAIT).toEqual(['Klant (links)', 'Medewerker (rechts)']);
      await expect.poll(() => commentTimes(app), WAIT).toEqual(['0:06', '0:16']);

      await page.reload();
      await page.locator('luister-app [role="tab"]').first().waitFor();
      await showView(page, 'sessions');
      await rows(app).locator('[data-action="open"]').click();
      await waitForReview(page);
      await expect.poll(() => commentTimes(app), WAIT).toEqual(['0:06', '0:16']);
      await comments(app).first().locator('[data-action="delete-comment"]').click();
      await expect.poll(() => commentTimes(app), WAIT).toEqual(['0:16']);
      await expect.poll(async () => (await storedComments(app)).map((c) => c.text), WAIT).toEqual(['Mooi: je liet de klant nadenken.']);
      expect(errors).toEqual([]);
    }));

  it('keeps a comment the full disk refused in its box, and says so', () =>
    withApp(async (app) => {
      const { page } = app;
      await openSampleCall(page);
      await waitForSaved(page);
      await page.evaluate(() => {
        const put = IDBObjectStore.prototype.put;
        IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
          if (this.name === 'sessions') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return put.apply(this, args);
        };
      });
      await writeCommentAtEvent(app, 3, 'Deze mag niet verloren gaan.');
      const form = page.locator('luister-coach-comments form');
      await expect.poll(() => form.locator('[role="alert"]').textContent(), WAIT).toContain('De opslag is vol');
      await expect(form.locator('textarea').inputValue()).resolves.toBe('Deze mag niet verloren gaan.');
      expect(await comments(app).count()).toBe(0);
      await expect(storedComments(app)).resolves.toEqual([]);
    }));

  it("renames, charts an agent over sessions, exports the agent's list, and deletes only after confirmation", () =>
    withApp(async (app) => {
      const { page } = app;
      await reviewFile(app, 'van-daan.wav', 'Daan');
      await reviewFile(app, 'een.wav', 'Sanne');
      await reviewFile(app, 'twee.wav', 'Sanne');
      await showView(page, 'sessions');
      await expect.poll(() => rows(app).count(), WAIT).toBe(3);

      // Rename the newest (first) session.
      await rows(app).first().locator('[data-action="edit"]').click();
      await page.locator('luister-sessions form.edit input[name="name"]').fill('twee, hernoemd');
      await page.locator('luister-sessions form.edit button[type="submit"]').click();
      await expect.poll(() => rows(app).first().locator('.name').textContent(), WAIT).toBe('twee, hernoemd');

      // The agent's chart: one SVG per figure, a point per session.
      await page.locator('luister-sessions #agent-filter').selectOption('Sanne');
      const charts = page.locator('luister-agent-trend svg');
      await expect.poll(() => charts.count(), WAIT).toBe(3);
      expect(await page.locator('luister-agent-trend svg').first().locator('circle').count()).toBe(2);

      // The list as CSV for a spreadsheet: the sessions shown (Sanne's), with her figures.
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('luister-sessions [data-action="export-list"]').click()]);
      expect(download.suggestedFilename()).toMatch(/^luister-sessies-\d{4}-\d{2}-\d{2}\.csv$/);
      const [header, ...listed] = parseCsv((await downloaded(download)).replace(/^\ufeff/, ''), ';');
      expect(header.slice(0, 3)).toEqual(['name', 'kind', 'agent']);
      expect(listed.map((row) => row.slice(0, 3))).toEqual([
        ['twee, hernoemd', 'review', 'Sanne'],
        ['een.wav', 'review', 'Sanne'],
      ]);
      const talkShare = header.indexOf('agent_talk_share');
      // Decimal commas, as a Dutch spreadsheet reads them.
      const pitchSd = header.indexOf('agent_pitch_sd_semitones');
      for (const row of listed) {
        expect(row[talkShare]).toMatch(/^(0,\d+|1)$/);
        expect(row[pitchSd]).toMatch(/^\d+,\d+$/);
      }

      // Delete: cancelling keeps it, confirming removes it.
      await rows(app).first().locator('[data-action="delete"]').click();
      await page.locator('luister-confirm-dialog dialog button:not([data-action])').click();
      expect(await rows(app).count()).toBe(2);
      await rows(app).first().locator('[data-action="delete"]').click();
      await page.locator('luister-confirm-dialog [data-action="confirm"]').click();
      await expect.poll(() => rows(app).count(), WAIT).toBe(1);
      await expect(rows(app).locator('.name').textContent()).resolves.toBe('een.wav');

      await page.locator('luister-sessions [data-action="delete-all"]').click();
      await page.locator('luister-confirm-dialog [data-action="confirm"]').click();
      await expect.poll(() => rows(app).count(), WAIT).toBe(0);
    }));

  it('says so when the disk is full, keeps the review on screen and loses no saved session', () =>
    withApp(async (app) => {
      const { page } = app;
      await reviewFile(app, 'bewaard.wav');
      // From now on every audio chunk hits a full disk.
      await page.evaluate(() => {
        const add = IDBObjectStore.prototype.add;
        IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
          if (this.name === 'audio') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return add.apply(this, args);
        };
      });
      await reviewFile(app, 'te-veel.wav');
      const alert = page.locator('luister-review [role="alert"]');
      await expect.poll(() => alert.textContent(), WAIT).toContain('De opslag van deze browser is vol, dus te-veel.wav is niet bewaard');
      await expect(page.locator('luister-recording-view #recording-title').textContent()).resolves.toBe('te-veel.wav');

      await showView(page, 'sessions');
      await expect.poll(() => rows(app).count(), WAIT).toBe(1);
      await expect(rows(app).locator('.name').textContent()).resolves.toBe('bewaard.wav');
    }));

  it('warns early when less than 10 % of the storage is free', () =>
    withApp(
      async ({ page }) => {
        const warning = page.locator('luister-app .storage-warning');
        await expect.poll(() => warning.textContent(), WAIT).toContain('er is nog maar 5% opslagruimte vrij');
      },
      {
        initScript: () => {
          const quota = 2e9;
          Object.defineProperty(navigator.storage, 'estimate', { value: async () => ({ usage: quota * 0.95, quota }) });
        },
      },
    ));
});
