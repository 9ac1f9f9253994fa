/**
 * A practice call in the whole app (real IndexedDB) against what real life does to it, in headless
 * Chromium with a fake microphone: the microphone changes mid-call, the browser pauses the sound
 * while the tab is hidden, the machine is too busy to keep the sound going, the storage fills up,
 * the tab is closed. Each ends in a clear message and keeps what was recorded.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RecordingNote, SkipCause } from '../../src/report/recording-notes.ts';
import { AUDIO_SERVICE, chromiumProcesses } from '../support/chromium-processes.ts';
import { installPageProbe } from '../support/page-probe.ts';
import { openApp, showView, useAppServer, waitForReview, WAIT, type AppPage } from './app-support.ts';

/** A stored session as the tests read it back through the app's own store. */
interface Stored {
  id: string;
  name: string;
  createdAt: number;
  status: string;
  chunkCount: number;
  sampleRate: number;
  durationSec: number;
  /** Seconds of audio the store returns. */
  audioSec: number;
  /** RMS of the last two stored seconds of channel 0. */
  tailRms: number;
  /** Longest run of exact zeros in channel 0 after its first half second, s: a seam in the recording. */
  longestSilenceSec: number;
  /** What the session keeps of what the agent was told about the recording. */
  notes: RecordingNote[];
  reportSec: number | null;
}

/** Keeps every captured stream and every AudioContext the app makes (looked up at call time). */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(installPageProbe);
}

/** Every session in the store with its audio's length (a string: vitest rewrites `import()` in functions). */
function storedSessions(page: Page): Promise<Stored[]> {
  return page.evaluate(`import('/src/storage/session-store.ts').then(async ({ sessionStore }) => {
    const sessions = await sessionStore.listSessions();
    return Promise.all(sessions.map(async (s) => {
      const audio = (await sessionStore.loadAudio(s.id))[0] ?? new Float32Array(0);
      const tail = audio.subarray(Math.max(0, audio.length - 2 * s.sampleRate));
      let sum = 0;
      for (const x of tail) sum += x * x;
      let run = 0, longest = 0;
      for (let i = Math.round(s.sampleRate / 2); i < audio.length; i++) {
        run = audio[i] === 0 ? run + 1 : 0;
        if (run > longest) longest = run;
      }
      const { report } = await sessionStore.getSession(s.id);
      return { id: s.id, name: s.name, createdAt: s.createdAt, status: s.status, chunkCount: s.chunkCount, sampleRate: s.sampleRate, durationSec: s.durationSec,
        audioSec: audio.length / s.sampleRate, tailRms: Math.sqrt(sum / Math.max(1, tail.length)),
        longestSilenceSec: longest / s.sampleRate, reportSec: report ? report.durationSec : null, notes: s.notes ?? [] };
    }));
  })`);
}

async function onlySession(page: Page): Promise<Stored> {
  const sessions = await storedSessions(page);
  expect(sessions).toHaveLength(1);
  return sessions[0];
}

const practice = (page: Page) => page.locator('luister-practice');
const statusText = (page: Page) => practice(page).locator('.status').textContent().then((t) => t?.trim() ?? '');
const noticeText = (page: Page) => practice(page).locator('.notice').textContent().then((t) => t?.trim() ?? '');
const alertText = (page: Page) => practice(page).locator('[role="alert"]').textContent().then((t) => t?.trim() ?? '');
/** The call clock in seconds. */
const clockSec = (page: Page) =>
  practice(page)
    .locator('.clock')
    .textContent()
    .then((t) => {
      const [m, s] = (t ?? '').replace(/[^\d:]/g, '').split(':').map(Number);
      return m * 60 + s;
    });

const probeTime = (page: Page, key: 'startedAt' | 'clickedAt') => page.evaluate((k) => window.pageProbe?.[k] ?? 0, key);

/** Opens the practice view, starts a call and resolves with the page's Date.now() when it went live. */
async function startCall(page: Page): Promise<number> {
  await showView(page, 'practice');
  await practice(page).getByRole('button', { name: 'Start oefengesprek' }).click();
  await expect.poll(() => statusText(page), WAIT).toBe('Live');
  await expect.poll(() => probeTime(page, 'startedAt'), WAIT).toBeGreaterThan(0);
  return probeTime(page, 'startedAt');
}

/** Stops the call and waits until the session is finished in the store; resolves with the page's Date.now() at the click. */
async function stopCall(page: Page): Promise<number> {
  await practice(page).getByRole('button', { name: 'Stop gesprek' }).click();
  const at = await probeTime(page, 'clickedAt');
  await expect.poll(() => statusText(page), WAIT).toBe('Niet in gesprek');
  await expect.poll(async () => (await storedSessions(page)).map((s) => s.status), WAIT).toEqual(['complete']);
  return at;
}

/**
 * The recording is as long as the call less `missingSec`: up to `shortBySec` shorter (the call
 * starts before the first block is stored, the last partial chunk), never longer by more than a hair.
 */
function expectRecordingLacks(session: Stored, callSec: number, missingSec: number, shortBySec = 1): void {
  expect(session.audioSec).toBeGreaterThan(callSec - missingSec - shortBySec);
  expect(session.audioSec).toBeLessThan(callSec - missingSec + 0.5);
}

/**
 * The session keeps one note of the stretch its recording skips, about 2.5 s into the recording,
 * as long as the agent was told (`toldSec`, rounded to a tenth).
 */
function expectSkipNote(session: Stored, cause: SkipCause, toldSec: number): void {
  expect(session.notes).toHaveLength(1);
  const note = session.notes[0];
  expect(note).toMatchObject({ kind: 'skipped', cause });
  if (note.kind !== 'skipped') return;
  expect(note.atSec).toBeGreaterThan(2.4);
  expect(note.atSec).toBeLessThan(3.5);
  expectTold(note, toldSec);
}

/** The note keeps the seconds the user was told, before their rounding (to a tenth: these gaps are short). */
function expectTold(note: RecordingNote, toldSec: number): void {
  expect(toldSec).toBeLessThan(60);
  expect('missingSec' in note && Math.abs(note.missingSec - toldSec)).toBeLessThanOrEqual(0.05 + 1e-9);
}

/** Opens the only session from the session list and reads the notes its review shows. */
async function shownNotes(page: Page): Promise<string[]> {
  await showView(page, 'sessions');
  await page.locator('luister-sessions tbody tr[data-session] [data-action="open"]').click();
  await waitForReview(page);
  const texts = await page.locator('luister-recording-view .note').allTextContents();
  return texts.map((text) => text.replace(/\s+/g, ' ').trim());
}

/** Tracks of every stream the page opened: label and state, in order. */
function tracks(page: Page): Promise<{ label: string; state: string }[]> {
  return page.evaluate(() => (window.pageProbe?.streams ?? []).flatMap((s) => s.getAudioTracks().map((t) => ({ label: t.label, state: t.readyState }))));
}

/** Takes the processor from processes for `ms`, as a busy machine does to threads it does not schedule. */
async function freeze(pids: number[], ms: number): Promise<void> {
  if (pids.length === 0) throw new Error('no process to freeze');
  for (const pid of pids) process.kill(pid, 'SIGSTOP');
  try {
    await new Promise((resolve) => setTimeout(resolve, ms));
  } finally {
    for (const pid of pids) process.kill(pid, 'SIGCONT');
  }
}

/** Seconds as the Dutch notices write them (0,8). */
const dutchSec = (text: string | undefined): number => Number((text ?? '').replace(',', '.'));

describe('a practice call survives real life', () => {
  const running = useAppServer({ fakeMicrophoneSec: 12 });

  async function withApp(run: (app: AppPage) => Promise<void>): Promise<void> {
    const app = await openApp(running.browser, running.server.url);
    try {
      await instrument(app.page);
      await run(app);
    } finally {
      await app.context.close();
    }
  }

  it('switches to another microphone picked mid-call, without a break in the recording', () =>
    withApp(async ({ page, errors }) => {
      const liveAt = await startCall(page);
      await expect.poll(async () => (await onlySession(page)).chunkCount, WAIT).toBeGreaterThanOrEqual(2);

      const picker = practice(page).locator('#microphone-live');
      await picker.selectOption({ label: 'Fake Audio Input 2' });
      await expect.poll(() => noticeText(page), WAIT).toContain('Er wordt nu geluisterd naar Fake Audio Input 2');
      expect(await statusText(page)).toBe('Live');
      const switched = await tracks(page);
      // The first microphone is released, the new one records.
      expect(switched[0].state).toBe('ended');
      expect(switched.at(-1)).toEqual({ label: 'Fake Audio Input 2', state: 'live' });

      const chunksAtSwitch = (await onlySession(page)).chunkCount;
      await expect.poll(async () => (await onlySession(page)).chunkCount, WAIT).toBeGreaterThanOrEqual(chunksAtSwitch + 3);
      const stoppedAt = await stopCall(page);

      // Seamless: the recording is as long as the call, and the stretch after the switch has speech in it.
      const session = await onlySession(page);
      const callSec = (stoppedAt - liveAt) / 1000;
      console.info(
        `microphone switch: call ${callSec.toFixed(1)} s, recording ${session.audioSec.toFixed(2)} s, tail RMS ${session.tailRms.toFixed(3)}, ` +
          `longest digital silence ${(session.longestSilenceSec * 1000).toFixed(0)} ms`,
      );
      expectRecordingLacks(session, callSec, 0);
      expect(session.tailRms).toBeGreaterThan(0.01);
      // The fake microphone's file has faint noise under the speech: a stretch of exact zeros would be
      // a seam where neither microphone fed the call. At most a few render quanta while the new one starts.
      expect(session.longestSilenceSec).toBeLessThan(0.1);
      expect(session.reportSec).toBeCloseTo(session.audioSec, 0);
      expect(errors).toEqual([]);
    }));

  it('follows the system default microphone when it changes mid-call', () =>
    withApp(async ({ page, errors }) => {
      await startCall(page);
      await expect.poll(async () => (await onlySession(page)).chunkCount, WAIT).toBeGreaterThanOrEqual(2);
      expect((await tracks(page)).map((t) => t.label)).toEqual(['Fake Default Audio Input']);

      // The OS makes "Fake Audio Input 1" the default: the 'default' entry takes on its group.
      await page.evaluate(async () => {
        const media = navigator.mediaDevices;
        const real = await media.enumerateDevices();
        const target = real.find((d) => d.label === 'Fake Audio Input 1');
        if (!target) throw new Error('no second fake input');
        media.enumerateDevices = async () =>
          real.map((d) => (d.deviceId === 'default' && d.kind === 'audioinput' ? ({ ...d.toJSON(), groupId: target.groupId } as MediaDeviceInfo) : d));
        media.dispatchEvent(new Event('devicechange'));
      });
      await expect.poll(() => noticeText(page), WAIT).toContain('Er wordt nu geluisterd naar Fake Audio Input 1');
      expect(await tracks(page)).toEqual([
        { label: 'Fake Default Audio Input', state: 'ended' },
        { label: 'Fake Audio Input 1', state: 'live' },
      ]);
      // Another 'devicechange' with nothing moved switches nothing.
      await page.evaluate(() => navigator.mediaDevices.dispatchEvent(new Event('devicechange')));
      await page.waitForTimeout(1000);
      expect(await tracks(page)).toHaveLength(2);
      expect(await statusText(page)).toBe('Live');
      await stopCall(page);
      expect((await onlySession(page)).audioSec).toBeGreaterThan(2);
      expect(errors).toEqual([]);
    }));

  it('resumes by itself when the hidden tab is visible again, and says how long the gap in the recording is', () =>
    withApp(async ({ page, errors }) => {
      const liveAt = await startCall(page);
      await page.waitForTimeout(2500);

      // Hidden, and the browser suspends the sound (as it does for a frozen background tab).
      await page.evaluate(async () => {
        let state: DocumentVisibilityState = 'hidden';
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
        (window as unknown as { setVisibility(s: DocumentVisibilityState): void }).setVisibility = (s) => {
          state = s;
          document.dispatchEvent(new Event('visibilitychange'));
        };
        document.dispatchEvent(new Event('visibilitychange'));
        await window.pageProbe?.contexts[0]?.suspend();
      });
      const hiddenAt = Date.now();
      await expect.poll(() => statusText(page), WAIT).toBe('Geluid gepauzeerd');
      await page.waitForTimeout(4000);
      const clockBefore = await clockSec(page);

      await page.evaluate(() => (window as unknown as { setVisibility(s: DocumentVisibilityState): void }).setVisibility('visible'));
      const visibleAt = Date.now();
      await expect.poll(() => statusText(page), WAIT).toBe('Live');
      const notice = await noticeText(page);
      // Stored at once, not only at Stop: a tab closed now would keep it with the recording.
      await expect.poll(async () => (await onlySession(page)).notes.length, WAIT).toBe(1);
      const hiddenSec = (visibleAt - hiddenAt) / 1000;
      console.info(`hidden tab: hidden ${hiddenSec.toFixed(1)} s; notice "${notice}"`);
      const match = /Het tabblad stond op de achtergrond en de browser pauzeerde het geluid ([\d,]+) s lang\. Het gesprek loopt weer; de opname heeft bij 0:0\d een gat van ([\d,]+) s\./.exec(notice);
      expect(match).not.toBeNull();
      const gapSec = Number(match?.[2].replace(',', '.'));
      expect(gapSec).toBeGreaterThan(hiddenSec - 1);
      expect(gapSec).toBeLessThan(hiddenSec + 1);
      expect(await practice(page).getByRole('button', { name: 'Geluid hervatten' }).count()).toBe(0);

      // The call goes on: the clock moves again.
      await expect.poll(() => clockSec(page), WAIT).toBeGreaterThan(clockBefore + 1);
      const stoppedAt = await stopCall(page);
      const session = await onlySession(page);
      const callSec = (stoppedAt - liveAt) / 1000;
      console.info(`hidden tab: call ${callSec.toFixed(1)} s, recording ${session.audioSec.toFixed(2)} s, gap ${gapSec} s`);
      // The recording lacks the gap, and only the gap; the session keeps where and how long.
      expectRecordingLacks(session, callSec, gapSec);
      expectSkipNote(session, 'paused', gapSec);
      expect(await shownNotes(page)).toEqual([
        expect.stringMatching(/^Bij 0:0\d ontbreekt [\d,]+ s van het gesprek in de opname: de browser had het geluid gepauzeerd \(het tabblad stond op de achtergrond/),
      ]);
      expect(errors).toEqual([]);
    }));

  it('tells the agent when the machine stalls the audio devices, and the recording lacks only that stretch', () =>
    withApp(async ({ page, errors }) => {
      const liveAt = await startCall(page);
      await page.waitForTimeout(2500);
      // The audio service runs the devices (here the fake microphone and output): when its threads get
      // no processor, the device skips what it missed and the context's clock falls behind.
      const audioService = chromiumProcesses(running.microphoneWav).filter((p) => p.kind === AUDIO_SERVICE);
      await freeze(audioService.map((p) => p.pid), 800);
      // Told once the stall is over: the notice then holds all of it.
      await page.waitForTimeout(2500);
      const notice = await noticeText(page);
      console.info(`device stall: notice "${notice}"`);
      const match = /^Het geluid haperde ([\d,]+) s bij 0:0\d: de computer had het te druk om bij te blijven\. Het gesprek loopt door; de opname slaat daar ([\d,]+) s over\.$/.exec(notice);
      expect(match).not.toBeNull();
      const missingSec = dutchSec(match?.[2]);
      expect(missingSec).toBeGreaterThan(0.5);
      expect(missingSec).toBeLessThan(1.3);
      expect(await statusText(page)).toBe('Live');

      await page.waitForTimeout(1500);
      const stoppedAt = await stopCall(page);
      const session = await onlySession(page);
      const callSec = (stoppedAt - liveAt) / 1000;
      console.info(`device stall: call ${callSec.toFixed(2)} s, recording ${session.audioSec.toFixed(2)} s, missing ${missingSec} s`);
      expectRecordingLacks(session, callSec, missingSec);
      expect(session.reportSec).toBeCloseTo(session.audioSec, 0);
      // A coach who opens the session later reads where the recording skips, and why.
      expectSkipNote(session, 'stall', missingSec);
      const shown = await shownNotes(page);
      console.info(`device stall: the review says "${shown.join(' | ')}"`);
      expect(shown).toEqual([expect.stringMatching(/^Bij 0:0\d ontbreekt [\d,]+ s van het gesprek in de opname: het geluid haperde, omdat de computer het te druk had\. Beluister rond 0:0\d$/)]);
      expect(errors).toEqual([]);
    }));

  it('tells the agent when the sound was rendered too late, and that the recording is whole', () =>
    withApp(async ({ page, errors }) => {
      const liveAt = await startCall(page);
      await page.waitForTimeout(1500);
      // A processor beside the app's worklets (they share the render thread) keeps it busy for 0.6 s.
      await page.evaluate(async () => {
        const ctx = window.pageProbe?.contexts[0];
        if (!ctx) throw new Error('no context');
        await ctx.audioWorklet.addModule('/tests/e2e/pages/stall-processor.js');
        const node = new AudioWorkletNode(ctx, 'luister-test-stall');
        node.connect(ctx.destination);
        node.port.postMessage(600);
      });
      // Told once the stall is over: the notice then holds all of it.
      await page.waitForTimeout(2500);
      const notice = await noticeText(page);
      // Chromium's own count of late audio: the instrument the live bench reads (0 over an hour)
      // does count a graph held up.
      const underruns = await page.evaluate(() => (window.pageProbe?.contexts[0] as AudioContext & { playbackStats?: { underrunDuration: number } }).playbackStats?.underrunDuration ?? null);
      console.info(`late render: notice "${notice}", underruns ${underruns} s`);
      expect(underruns).toBeGreaterThan(0.3);
      // The context caught up: nothing is missing.
      const match = /^Het geluid haperde ([\d,]+) s bij 0:0\d: de computer had het te druk om bij te blijven\. Het gesprek loopt door en de opname is compleet\.$/.exec(notice);
      expect(match).not.toBeNull();
      // The clock shows the stall net of what it caught up within a check: at most the 0.6 s.
      expect(dutchSec(match?.[1])).toBeGreaterThan(0.2);
      expect(dutchSec(match?.[1])).toBeLessThan(0.8);
      expect(await statusText(page)).toBe('Live');
      const stoppedAt = await stopCall(page);
      const session = await onlySession(page);
      const callSec = (stoppedAt - liveAt) / 1000;
      console.info(`late render: call ${callSec.toFixed(2)} s, recording ${session.audioSec.toFixed(2)} s`);
      // Whole: at most the 0.6 s that starting and stopping cost any call.
      expectRecordingLacks(session, callSec, 0, 0.6);
      expect(session.notes).toEqual([]);
      // Its name and its date are the same moment (the Sessions list shows both).
      const dated = await page.evaluate((at) => new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short' }).format(at), session.createdAt);
      expect(session.name).toBe(`Oefengesprek ${dated}`);
      // The stopped call says it is saved, and its report is one click away.
      const finished = practice(page).locator('[part="finished"]');
      await expect(finished.textContent()).resolves.toMatch(/Het gesprek is bewaard \(0:0\d opgenomen\)\. Het rapport staat klaar\./);
      await finished.getByRole('button', { name: 'Bekijk het rapport' }).click();
      await waitForReview(page);
      await expect(page.locator('luister-recording-view #recording-title').textContent()).resolves.toMatch(/^Oefengesprek /);
      expect(await page.locator('luister-app #panel-review').isVisible()).toBe(true);
      expect(errors).toEqual([]);
    }));

  it('warns before the storage is full, keeps what fits when it is, and the analysis goes on', () =>
    withApp(async ({ page, errors }) => {
      const FITS = 4;
      await page.evaluate((fits) => {
        // Room for about 3½ minutes of 48 kHz mono, then a full disk from chunk `fits` on.
        const quota = 2e9;
        Object.defineProperty(navigator.storage, 'estimate', { configurable: true, value: async () => ({ usage: quota - 40e6, quota }) });
        let chunks = 0;
        const add = IDBObjectStore.prototype.add;
        IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
          if (this.name === 'audio' && ++chunks > fits) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return add.apply(this, args);
        };
      }, FITS);
      await startCall(page);
      // The early warning comes while everything still fits.
      await expect.poll(() => noticeText(page), WAIT).toContain('De opslagruimte raakt op: er is in deze browser nog plaats voor ongeveer 3 minuten opname.');
      expect((await onlySession(page)).chunkCount).toBeLessThan(FITS);
      expect(await alertText(page)).toBe('');

      await expect.poll(() => alertText(page), WAIT).toContain(`De opslag van de browser is vol: de opname tot 0:0${FITS} is bewaard`);
      expect(await alertText(page)).toContain('De analyse loopt door.');
      // Still live, still measuring: the clock runs well past what was stored.
      expect(await statusText(page)).toBe('Live');
      await expect.poll(() => clockSec(page), WAIT).toBeGreaterThanOrEqual(FITS + 4);

      await practice(page).getByRole('button', { name: 'Stop gesprek' }).click();
      await expect.poll(() => statusText(page), WAIT).toBe('Niet in gesprek');
      const end = await alertText(page);
      console.info(`full disk: "${end}"`);
      expect(end).toMatch(new RegExp(`^De opslag van de browser raakte vol\\. De opname tot 0:0${FITS} is bewaard; de laatste [\\d,]+ s konden niet worden bewaard\\.`));

      // What fitted is stored and readable, and the session is finished with a report of the whole call.
      await expect.poll(async () => (await onlySession(page)).status, WAIT).toBe('complete');
      const session = await onlySession(page);
      expect(session.chunkCount).toBe(FITS);
      expect(session.audioSec).toBeCloseTo(FITS, 3);
      expect(session.durationSec).toBeCloseTo(FITS, 3);
      expect(session.reportSec).toBeGreaterThan(FITS + 3);
      // The session says why its recording is shorter than its report.
      const lostSec = dutchSec(/de laatste ([\d,]+) s/.exec(end)?.[1]);
      expect(session.notes).toEqual([{ kind: 'cut-short', atSec: expect.closeTo(FITS, 3), missingSec: expect.any(Number) }]);
      expectTold(session.notes[0], lostSec);
      expect(await shownNotes(page)).toEqual([
        expect.stringMatching(new RegExp(`^De opname houdt op bij 0:0${FITS}: de laatste [\\d,]+ s van het gesprek pasten niet meer in de opslag van de browser\\.`)),
      ]);
      expect(errors).toEqual([]);
    }));

  it('keeps the recording up to a closed tab, and lists the session as interrupted and openable', async () => {
    const app = await openApp(running.browser, running.server.url);
    try {
      await instrument(app.page);
      const liveAt = await startCall(app.page);
      await expect.poll(async () => (await onlySession(app.page)).chunkCount, WAIT).toBeGreaterThanOrEqual(6);
      // Closed without a chance to finish anything (no beforeunload, no pagehide work awaited).
      const closedAt = await app.page.evaluate(() => Date.now());
      await app.page.close();
      const recordedSec = (closedAt - liveAt) / 1000;

      const page = await app.context.newPage();
      await page.goto(running.server.url);
      await page.locator('luister-app [role="tab"]').first().waitFor();
      await showView(page, 'sessions');
      const row = page.locator('luister-sessions tbody tr[data-session]');
      await expect.poll(() => row.count(), WAIT).toBe(1);
      await expect.poll(() => row.locator('[data-state="interrupted"]').textContent(), WAIT).toBe('opname onderbroken');

      const session = await onlySession(page);
      console.info(`closed tab: ${recordedSec.toFixed(1)} s live, ${session.audioSec.toFixed(2)} s stored in ${session.chunkCount} chunks`);
      expect(session.status).toBe('recording');
      // Chunks are written each second: at most the last second (and the worklet's latency) is missing.
      expect(session.audioSec).toBeGreaterThan(recordedSec - 2);
      expect(session.audioSec).toBeLessThanOrEqual(recordedSec + 0.2);
      const minutes = Math.floor(session.audioSec / 60);
      const seconds = String(Math.floor(session.audioSec % 60)).padStart(2, '0');
      expect(await row.locator('td.num').nth(1).textContent()).toBe(`${minutes}:${seconds}`);

      // Openable: the review analyses what was recorded.
      await row.locator('[data-action="open"]').click();
      await waitForReview(page);
    } finally {
      await app.context.close();
    }
  });
});
