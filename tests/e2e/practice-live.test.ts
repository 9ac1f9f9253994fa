/**
 * `<luister-practice>` in real headless Chromium, through the project's test harness. The fake
 * capture device plays rushed TTS speech (the committed 260 wpm clips, joined with short gaps);
 * the page records through an instrumented sink and counts the streams, AudioContexts and event
 * listeners the element creates, so the tests can check that a call gives everything back.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LuisterPractice } from '../../src/ui/practice/luister-practice.ts';
import type { PracticeFinishedDetail } from '../../src/ui/practice/practice-events.ts';
import type { RecordingSink } from '../../src/ui/practice/recording-sink.ts';
import { installPageProbe } from '../support/page-probe.ts';
import { fakeMicrophoneArgs, launchChromium, openTestPage, ROOT, startDevServer, type Server, type TestPage } from './harness.ts';
import { writeRushedSpeechWav } from './speech-audio.ts';

const ELEMENT_MODULE = '/src/ui/practice/luister-practice.ts';
const SCREENSHOT = join(ROOT, 'docs/screenshots/practice-live.png');
/** Length of the rushed recording the fake microphone loops, s. */
const RUSHED_SEC = 12;
/** The pace the gauge must show for 260 wpm speech, syllables/s. */
const RUSHED_PACE = 5.5;

/** What the page records about the element, read back by the tests. */
interface Probe {
  /** Set by a test: the sink's closing write fails, as on a full disk. */
  failFinish: boolean;
  /** Listeners added minus removed, on tracks, contexts, worklet nodes and mediaDevices. */
  openListeners: number;
  sessions: string[];
  chunks: { sessionId: string; index: number; channels: number; length: number }[];
  finishedSessions: { sessionId: string; hasReport: boolean; durationSec: number | undefined }[];
  finished: { sessionId: string; reason: string; recordedSec: number; schema: string; agentSyllables: number; hasCustomer: boolean }[];
  started: string[];
  /** Every text the polite live region took on. */
  announcements: string[];
  /** performance.now() of every change to the agent's level meter: when the view was repainted. */
  repaints: number[];
  /** The main thread's long tasks (over 50 ms): performance.now() at their start, and duration, ms. */
  longTasks: { start: number; duration: number }[];
  /** performance.now() when the call started. */
  startedAt: number;
}

declare global {
  interface Window {
    practiceProbe?: Probe;
  }
}

/** What the element shows, read through its shadow roots. */
interface Shown {
  status: string;
  button: string;
  alert: string;
  pace: number | null;
  toneLabel: string | null;
  toneText: string;
  silencePhase: string | null;
  talkShare: string;
  resumeButton: boolean;
  notice: string;
  customerLevel: boolean;
}

/**
 * Instruments the page (after load, before the element exists: everything is looked up at call
 * time) and mounts `<luister-practice>` with a sink that records what it is given.
 */
async function mountPractice(page: Page, customer: 'none' | 'sample' | 'tab'): Promise<void> {
  // As a string: vitest rewrites `import()` inside functions of this file for Node.
  await page.evaluate(`import(${JSON.stringify(ELEMENT_MODULE)}).then(() => customElements.whenDefined('luister-practice'))`);
  await page.evaluate(installPageProbe);
  await page.evaluate(
    async ({ customer }) => {
      const probe: Probe = {
        failFinish: false,
        openListeners: 0,
        sessions: [],
        chunks: [],
        finishedSessions: [],
        finished: [],
        started: [],
        announcements: [],
        repaints: [],
        longTasks: [],
        startedAt: 0,
      };
      window.practiceProbe = probe;

      // Count listeners on what a call subscribes to; a call that cleans up leaves the count at 0.
      const watched = (target: EventTarget): boolean =>
        target instanceof MediaStreamTrack || target instanceof BaseAudioContext || target instanceof AudioWorkletNode || target instanceof MediaDevices;
      const add = EventTarget.prototype.addEventListener;
      const remove = EventTarget.prototype.removeEventListener;
      const held = new WeakMap<EventTarget, Set<unknown>>();
      EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
        if (watched(this) && listener) {
          const set = held.get(this) ?? new Set();
          if (!set.has(listener)) probe.openListeners++;
          set.add(listener);
          held.set(this, set);
        }
        return add.call(this, type, listener, options);
      };
      EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
        if (watched(this) && listener && held.get(this)?.delete(listener)) probe.openListeners--;
        return remove.call(this, type, listener, options);
      };

      const sink: RecordingSink = {
        async createSession() {
          const id = `session-${probe.sessions.length + 1}`;
          probe.sessions.push(id);
          return { id };
        },
        async appendAudioChunk(sessionId, index, channels) {
          probe.chunks.push({ sessionId, index, channels: channels.length, length: channels[0].length });
        },
        async finishSession(sessionId, result) {
          if (probe.failFinish) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          probe.finishedSessions.push({ sessionId, hasReport: result.report !== null, durationSec: result.durationSec });
        },
      };

      document.body.style.margin = '0';
      const element = document.createElement('luister-practice') as LuisterPractice;
      element.locale = 'nl';
      element.sink = sink;
      element.addEventListener('practice-started', (e) => {
        probe.started.push(e.detail.sessionId);
        probe.startedAt = performance.now();
      });
      element.addEventListener('practice-finished', (e) => {
        const detail: PracticeFinishedDetail = e.detail;
        probe.finished.push({
          sessionId: detail.sessionId,
          reason: detail.reason,
          recordedSec: detail.recordedSec,
          schema: detail.report.schema,
          agentSyllables: detail.report.speakers.agent?.summary.syllables ?? 0,
          hasCustomer: detail.report.speakers.customer !== undefined,
        });
      });
      document.body.append(element);
      await element.updateComplete;
      const root = element.shadowRoot;
      const region = root?.querySelector('[aria-live=polite]');
      const level = root?.querySelector('luister-practice-level-meter')?.shadowRoot?.querySelector('[role=meter]');
      if (!region || !level) throw new Error('no live region or level meter');
      new MutationObserver(() => probe.announcements.push(region.textContent?.trim() ?? '')).observe(region, { childList: true, characterData: true, subtree: true });
      new MutationObserver(() => probe.repaints.push(performance.now())).observe(level, { attributes: true, attributeFilter: ['aria-valuenow'] });
      new PerformanceObserver((list) => probe.longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({
        type: 'longtask',
      });
      const select = element.shadowRoot?.querySelector<HTMLSelectElement>('#customer');
      if (!select) throw new Error('no customer source select');
      select.value = customer;
      select.dispatchEvent(new Event('change'));
      await element.updateComplete;
    },
    { customer },
  );
}

async function unmount(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelector('luister-practice')?.remove());
}

function probe(page: Page): Promise<Probe> {
  return page.evaluate(() => {
    const p = window.practiceProbe;
    if (!p) throw new Error('the page is not instrumented');
    return p;
  });
}

/** Every captured track's readyState and every context's state. */
function mediaStates(page: Page): Promise<{ tracks: string[]; contexts: string[] }> {
  return page.evaluate(() => {
    const p = window.pageProbe;
    if (!p) throw new Error('the page is not instrumented');
    return { tracks: p.streams.flatMap((s) => s.getTracks().map((t) => t.readyState)), contexts: p.contexts.map((c) => c.state) };
  });
}

function shown(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const root = document.querySelector('luister-practice')?.shadowRoot;
    if (!root) throw new Error('no <luister-practice>');
    const inner = (tag: string) => root.querySelector(tag)?.shadowRoot ?? null;
    const meter = inner('luister-practice-pace-gauge')?.querySelector('[role=meter]');
    const valueText = meter?.getAttribute('aria-valuetext') ?? '';
    const badge = inner('luister-practice-tone-badge');
    return {
      status: root.querySelector('.status')?.textContent?.trim() ?? '',
      button: root.querySelector('.bar button')?.textContent?.trim() ?? '',
      alert: root.querySelector('[role=alert]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      // aria-valuenow is 0 while there is no number; the value text says so then.
      pace: meter && /^\d/.test(valueText) ? Number(meter.getAttribute('aria-valuenow')) : null,
      toneLabel: badge?.querySelector('[data-label]')?.getAttribute('data-label') ?? null,
      toneText: badge?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      silencePhase: inner('luister-practice-silence-timer')?.querySelector('[data-phase]')?.getAttribute('data-phase') ?? null,
      talkShare: inner('luister-practice-talk-share')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      resumeButton: [...root.querySelectorAll('[role=alert] button')].some((b) => b.classList.contains('primary')),
      notice: root.querySelector('.notice')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      customerLevel: inner('luister-practice-level-meter')?.querySelector('.customer') !== null,
    };
  });
}

/** axe-core's WCAG 2 A/AA violations inside `<luister-practice>`, as "rule (count): where" lines. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  }
  return page.evaluate(async () => {
    type Result = { violations: { id: string; nodes: { target: unknown; failureSummary?: string }[] }[] };
    const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<Result> } }).axe;
    const element = document.querySelector('luister-practice');
    if (!element) throw new Error('no <luister-practice>');
    const result = await axe.run(element, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    return result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join(' | ')}`);
  });
}

/** Polls `read` until `done` holds or `timeoutMs` passes; returns the last reading. */
async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

/** Starts a call from the keyboard, as an agent without a mouse would. */
async function startByKeyboard(page: Page): Promise<void> {
  const button = page.locator('luister-practice').getByRole('button', { name: 'Start oefengesprek' });
  await button.focus();
  await page.keyboard.press('Enter');
  const live = await waitFor(() => shown(page), (s) => s.status === 'Live', 15_000);
  expect(live.status).toBe('Live');
}

async function stopByKeyboard(page: Page): Promise<void> {
  const button = page.locator('luister-practice').getByRole('button', { name: 'Stop gesprek' });
  await button.focus();
  await page.keyboard.press('Enter');
  await waitFor(() => probe(page), (p) => p.finished.length > 0, 10_000);
}

describe('<luister-practice> with a fake microphone', () => {
  let server: Server;
  let browser: Browser;
  let tab: TestPage;
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'luister-practice-'));
    const wavPath = await writeRushedSpeechWav(folder, RUSHED_SEC);
    server = await startDevServer();
    // Tab sharing: the fake UI picks a capture source by itself, with a fake audio track.
    browser = await launchChromium([...fakeMicrophoneArgs(wavPath), '--auto-select-desktop-capture-source=Entire screen']);
    tab = await openTestPage(browser, server.url);
    await tab.page.setViewportSize({ width: 1280, height: 800 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  // Each test mounts its own element; a failed one must not leave its element for the next.
  afterEach(() => unmount(tab.page));

  it('has no accessibility violations before a call (axe, WCAG 2 A/AA)', async () => {
    await mountPractice(tab.page, 'none');
    expect(await axeViolations(tab.page)).toEqual([]);
  });

  it('shows the rushed badge and a fast pace for rushed speech, records the call and reports at Stop', async () => {
    const page = tab.page;
    await mountPractice(page, 'sample');
    await startByKeyboard(page);
    const startedAt = Date.now();

    // The measured pace first: within a few seconds, well above the rushed norm, and it stays there.
    const paces: number[] = [];
    const read = async (): Promise<Shown> => {
      const now = await shown(page);
      if (now.pace !== null) paces.push(now.pace);
      return now;
    };
    const fast = await waitFor(read, (s) => (s.pace ?? 0) > RUSHED_PACE, 10_000);
    expect(fast.pace).toBeGreaterThan(RUSHED_PACE);
    // "Stays there" is about the readings from now on, not the ones taken while the pace rose.
    paces.length = 0;
    // Until the coach has heard enough speech to judge (its calibration) the badge shows no
    // label: none is made up here.
    expect(fast.toneLabel).toBeNull();

    // Then the coach's judgement, from its live stream: rushed, with the measured reason. (Its
    // first judgement can be 'neutral' for one tick: a label needs two judgements in a row.)
    const rushed = await waitFor(read, (s) => s.toneLabel === 'rushed', 35_000);
    const badgeSec = (Date.now() - startedAt) / 1000;
    console.info(
      `practice: '${rushed.toneLabel}' after ${badgeSec.toFixed(1)} s; pace ${Math.min(...paces)}–${Math.max(...paces)} syllables/s ` +
        `over ${paces.length} readings; talk share "${rushed.talkShare}"; badge "${rushed.toneText}"`,
    );
    expect(rushed.toneLabel).toBe('rushed');
    expect(rushed.toneText).toMatch(/^Gehaast .*lettergrepen per seconde/);
    // The gauge's 5 s window now and then spans a join between two clips and reads a little
    // lower (5.4 once in 136 readings): most readings stay above the norm, none far below it.
    const sorted = [...paces].sort((x, y) => x - y);
    expect(sorted[Math.floor(sorted.length * 0.1)]).toBeGreaterThan(RUSHED_PACE);
    expect(sorted[0]).toBeGreaterThan(RUSHED_PACE - 0.5);
    // The sample's customer has spoken by now (from 4.7 s): both speakers have a share.
    expect(rushed.talkShare).toMatch(/^Jij \d+% · klant [1-9]\d*%$/);

    // Smooth and prompt: the view repaints at the analysis' batch rate (20 a second), so whatever
    // becomes decidable shows within a batch and a frame, far under 0.3 s; once the call runs the
    // main thread has no long stalls; the live region speaks on changes, not on every frame.
    const live = await probe(page);
    const settled = live.startedAt + 2000;
    const repaints = live.repaints.filter((t) => t > settled);
    const gaps = repaints.slice(1).map((t, i) => t - repaints[i]).sort((a, b) => a - b);
    const median = gaps[Math.floor(gaps.length / 2)];
    const p99 = gaps[Math.floor(gaps.length * 0.99)];
    const stalls = live.longTasks.filter((t) => t.start > settled).map((t) => Math.round(t.duration));
    console.info(
      `practice: ${repaints.length} repaints, gaps median ${median.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms; ` +
        `long tasks while live ${stalls.join(', ') || 'none'}; ${live.announcements.length} announcements: ${JSON.stringify(live.announcements)}`,
    );
    expect(median).toBeLessThan(100);
    expect(p99).toBeLessThan(300);
    expect(stalls.filter((d) => d > 200)).toEqual([]);

    await mkdir(join(ROOT, 'docs/screenshots'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    // Every panel filled in: still no violations (meters named, colours with text, contrast).
    expect(await axeViolations(page)).toEqual([]);
    expect(live.announcements).toContain('Gesprek gestart.');
    expect(live.announcements.some((a) => a.includes('Toon: Gehaast.'))).toBe(true);
    expect(live.announcements.length).toBeLessThan(30);

    await stopByKeyboard(page);
    const p = await probe(page);
    expect(p.finished).toHaveLength(1);
    const finished = p.finished[0];
    expect(finished.reason).toBe('user');
    expect(finished.schema).toBe('luister-report/1');
    expect(finished.agentSyllables).toBeGreaterThan(20);
    expect(finished.hasCustomer).toBe(true);
    expect(p.started).toEqual([finished.sessionId]);

    // Recorded in order, two channels, chunks of at most a second, all of it.
    const chunks = p.chunks.filter((c) => c.sessionId === finished.sessionId);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.map((c) => c.index)).toEqual(chunks.map((_, i) => i));
    expect(chunks.every((c) => c.channels === 2)).toBe(true);
    const rate = await page.evaluate(() => window.pageProbe?.contexts[0]?.sampleRate ?? 0);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(rate);
    const recordedSamples = chunks.reduce((sum, c) => sum + c.length, 0);
    expect(recordedSamples / rate).toBeCloseTo(finished.recordedSec, 3);
    expect(p.finishedSessions).toEqual([{ sessionId: finished.sessionId, hasReport: true, durationSec: finished.recordedSec }]);
    expect(tab.errors).toEqual([]);
    await unmount(page);
  });

  it('releases the microphone, closes the AudioContext and removes its listeners at Stop', async () => {
    const page = tab.page;
    await mountPractice(page, 'none');
    await startByKeyboard(page);
    const running = await mediaStates(page);
    expect(running.tracks.length).toBeGreaterThan(0);
    expect(running.tracks.every((s) => s === 'live')).toBe(true);
    expect(running.contexts).toEqual(['running']);
    expect((await probe(page)).openListeners).toBeGreaterThan(0);
    // Without a customer source, the talk share says how to get one.
    expect((await shown(page)).talkShare).toContain('een bron voor de klant om ieders aandeel te zien');

    await page.waitForTimeout(1500);
    await stopByKeyboard(page);
    const stopped = await mediaStates(page);
    expect(stopped.tracks.every((s) => s === 'ended')).toBe(true);
    expect(stopped.contexts).toEqual(['closed']);
    // Only the element's own 'devicechange' listener stays while it is on the page.
    expect((await probe(page)).openListeners).toBe(1);
    expect((await shown(page)).button).toContain('Start oefengesprek');

    await unmount(page);
    expect((await probe(page)).openListeners).toBe(0);
    expect(tab.errors).toEqual([]);
  });

  it('says when the report could not be stored, and then offers no report to open', async () => {
    const page = tab.page;
    await mountPractice(page, 'none');
    await startByKeyboard(page);
    await page.waitForTimeout(1500);
    await stopByKeyboard(page);
    const finished = page.locator('luister-practice [part="finished"]');
    await expect.poll(() => finished.textContent(), { timeout: 5000 }).toMatch(/Het gesprek is bewaard \(0:0\d opgenomen\)/);
    expect(await finished.getByRole('button', { name: 'Bekijk het rapport' }).count()).toBe(1);

    await page.evaluate(() => {
      if (window.practiceProbe) window.practiceProbe.failFinish = true;
    });
    await startByKeyboard(page);
    expect(await finished.count()).toBe(0); // a new call clears the last one's
    await page.waitForTimeout(1500);
    await stopByKeyboard(page);
    await expect.poll(async () => (await shown(page)).notice, { timeout: 5000 }).toContain('De opname is bewaard, maar het rapport kon niet worden opgeslagen');
    expect(await finished.count()).toBe(0);
    await unmount(page);
  });

  it('releases everything and keeps the recording when the element is removed mid-call', async () => {
    const page = tab.page;
    await mountPractice(page, 'none');
    await startByKeyboard(page);
    await waitFor(() => probe(page), (p) => p.chunks.length >= 1, 5000);
    await unmount(page);
    const p = await waitFor(() => probe(page), (x) => x.finished.length > 0, 10_000);
    expect(p.finished.map((f) => f.reason)).toEqual(['disconnected']);
    expect(p.chunks.length).toBeGreaterThan(0);
    const states = await mediaStates(page);
    expect(states.tracks.every((s) => s === 'ended')).toBe(true);
    expect(states.contexts).toEqual(['closed']);
    expect(p.openListeners).toBe(0);
  });

  it('stops gracefully when the microphone is unplugged, says so and keeps the recording', async () => {
    const page = tab.page;
    await mountPractice(page, 'none');
    await startByKeyboard(page);
    await waitFor(() => probe(page), (p) => p.chunks.length >= 2, 6000);

    // What the browser does when the device goes away: the track ends and fires 'ended'.
    await page.evaluate(() => {
      const track = window.pageProbe?.streams[0]?.getAudioTracks()[0];
      if (!track) throw new Error('no microphone track');
      track.stop();
      track.dispatchEvent(new Event('ended'));
    });
    const after = await waitFor(() => shown(page), (s) => /losgekoppeld/.test(s.alert) && s.status === 'Niet in gesprek', 10_000);
    expect(after.alert).toMatch(/De microfoon is losgekoppeld\. Het gesprek is gestopt; de opname tot 0:0\d is bewaard\./);

    const p = await waitFor(() => probe(page), (x) => x.finished.length > 0, 5000);
    expect(p.chunks.length).toBeGreaterThan(0);
    expect(p.finished.map((f) => f.reason)).toEqual(['device-lost']);
    expect(p.finishedSessions.map((s) => s.sessionId)).toEqual([p.finished[0].sessionId]);
    const states = await mediaStates(page);
    expect(states.tracks.every((s) => s === 'ended')).toBe(true);
    expect(states.contexts).toEqual(['closed']);
    expect(tab.errors).toEqual([]);
    await unmount(page);
  });

  it("analyses a shared tab's audio as the customer, and goes on when the sharing stops", async () => {
    const page = tab.page;
    await mountPractice(page, 'tab');
    await startByKeyboard(page);
    const live = await shown(page);
    expect(live.customerLevel).toBe(true);
    expect(live.talkShare).not.toContain('een bron voor de klant om ieders aandeel te zien');

    // The user ends the sharing from the browser's bar: the display tracks end.
    await page.evaluate(() => {
      for (const track of window.pageProbe?.streams[1]?.getTracks() ?? []) {
        track.stop();
        track.dispatchEvent(new Event('ended'));
      }
    });
    const after = await waitFor(() => shown(page), (s) => s.notice !== '', 5000);
    expect(after.notice).toContain('De bron van de klant is gestopt');
    expect(after.status).toBe('Live');

    await stopByKeyboard(page);
    const p = await probe(page);
    expect(p.finished.map((f) => [f.reason, f.hasCustomer])).toEqual([['user', true]]);
    expect(p.chunks.every((c) => c.channels === 2)).toBe(true);
    const states = await mediaStates(page);
    expect(states.tracks.length).toBeGreaterThanOrEqual(3); // microphone, tab audio and tab video
    expect(states.tracks.every((s) => s === 'ended')).toBe(true);
    expect(states.contexts).toEqual(['closed']);
    expect(p.openListeners).toBe(1);
    expect(tab.errors).toEqual([]);
  });

  it('offers to resume when the browser suspends the AudioContext', async () => {
    const page = tab.page;
    await mountPractice(page, 'none');
    await startByKeyboard(page);
    await page.evaluate(() => window.pageProbe?.contexts[0]?.suspend());
    const suspended = await waitFor(() => shown(page), (s) => s.resumeButton, 5000);
    expect(suspended.status).toBe('Geluid gepauzeerd');
    expect(suspended.alert).toContain('De browser heeft het geluid gepauzeerd');

    await page.locator('luister-practice').getByRole('button', { name: 'Geluid hervatten' }).click();
    const resumed = await waitFor(() => shown(page), (s) => s.status === 'Live', 5000);
    expect(resumed.resumeButton).toBe(false);
    await stopByKeyboard(page);
    expect(tab.errors).toEqual([]);
    await unmount(page);
  });
});

describe('<luister-practice> without microphone permission', () => {
  let server: Server;
  let browser: Browser;
  let tab: TestPage;

  beforeAll(async () => {
    server = await startDevServer();
    // No --use-fake-ui-for-media-stream: nothing grants the permission, and the context denies it.
    browser = await launchChromium(['--use-fake-device-for-media-stream']);
    tab = await openTestPage(browser, server.url);
    await tab.page.context().grantPermissions([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says clearly that access was refused and what to do', async () => {
    const page = tab.page;
    await mountPractice(page, 'none');
    await page.locator('luister-practice').getByRole('button', { name: 'Start oefengesprek' }).click();
    const after = await waitFor(() => shown(page), (s) => s.alert !== '', 10_000);
    expect(after.alert).toContain('Toegang tot de microfoon is geweigerd');
    expect(after.alert).toContain('druk opnieuw op Start');
    expect(after.status).toBe('Niet in gesprek');
    const p = await probe(page);
    expect(p.sessions).toEqual([]);
    expect(p.openListeners).toBe(1);
    expect(await page.evaluate(() => window.pageProbe?.contexts.length)).toBe(0);
    expect(tab.errors).toEqual([]);
  });
});
