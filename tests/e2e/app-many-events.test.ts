/**
 * An hour-long call with thousands of flagged events, in Chromium: the review draws them without
 * blocking the page (no long main-thread task; the task that takes the new recording renders at
 * most a first chunk of any list), and a click on an event late in the call, on the waveform or
 * in the report card, still selects it and plays from there. The whole hour in view, the events
 * are drawn on one canvas rather than as 3,000 elements, and a click on one is hit-tested there.
 *
 * The review is given straight to the recording view (an hour of audio and a report with 3,000
 * events made in the page), so the test measures drawing, not analysis.
 */
import { describe, expect, it } from 'vitest';
import { longestMainThreadGap, openApp, openSampleCall, startMainThreadHeartbeat, WAIT, useAppServer } from './app-support.ts';

const running = useAppServer();
const EVENTS = 3000;
const DURATION_SEC = 3600;
/**
 * The longest main-thread task allowed while the review is drawn. The aim is 100 ms; measured
 * 150–260 ms on a busy two-core machine. Before, adding the events as wavesurfer regions forced a
 * layout per region: the page froze for over a second and the regions took minutes to appear.
 */
const MAX_TASK_MS = 400;
/** Items a list renders per frame (the event list's and the report card's chunks). */
const CHUNK = 100;

describe('a review with thousands of events', () => {
  it('draws 3,000 events without a long task, and a late one still plays on click', async () => {
    const app = await openApp(running.browser, running.server.url);
    const { page } = app;
    try {
      await openSampleCall(page);
      // An hour of silence as a WAV (8 kHz, 16-bit), peaks, and a report with EVENTS events
      // spread over the hour; the last one stands apart near the end.
      await page.locator('luister-recording-view').evaluate(
        (view: HTMLElement & { recording: Record<string, unknown> & { peaks: Float32Array[]; report: Record<string, unknown> } }, { events, duration }) => {
          const rate = 8000;
          const bytes = new Uint8Array(44 + duration * rate * 2);
          const header = new DataView(bytes.buffer);
          for (const [at, text] of [[0, 'RIFF'], [8, 'WAVE'], [12, 'fmt '], [36, 'data']] as const) {
            for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i);
          }
          header.setUint32(4, bytes.length - 8, true);
          header.setUint32(16, 16, true);
          header.setUint16(20, 1, true);
          header.setUint16(22, 1, true);
          header.setUint32(24, rate, true);
          header.setUint32(28, rate * 2, true);
          header.setUint16(32, 2, true);
          header.setUint16(34, 16, true);
          header.setUint32(40, duration * rate * 2, true);
          const types = ['pause', 'silence', 'sigh', 'overlap', 'interruption', 'backchannel'];
          const spacing = (duration - 20) / (events - 1);
          const list = Array.from({ length: events }, (_, i) => {
            const start = i === events - 1 ? duration - 10 : 1 + i * spacing;
            return { type: types[i % types.length], speaker: i % 2 ? 'customer' : 'agent', start, end: start + 0.4 + (i % 5) * 0.3 };
          });
          const recording = view.recording;
          const peaks = recording.peaks.map(() => Float32Array.from({ length: duration * 20 }, (_, i) => 0.2 + 0.6 * Math.abs(Math.sin(i / 7))));
          (window as unknown as { hourLong: unknown }).hourLong = {
            ...recording,
            name: 'uur.wav',
            peaks,
            media: new Blob([bytes], { type: 'audio/wav' }),
            report: { ...recording.report, durationSec: duration, events: list },
          };
        },
        { events: EVENTS, duration: DURATION_SEC },
      );
      // Measured from here: every long task (PerformanceObserver) and a 20 ms heartbeat.
      await startMainThreadHeartbeat(page);
      type Updating = HTMLElement & { updateComplete: Promise<boolean> };
      const firstTask = await page.locator('luister-recording-view').evaluate(async (view: Updating & { recording: unknown }) => {
        const w = window as unknown as { hourLong: unknown; longestTaskMs: number };
        w.longestTaskMs = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) w.longestTaskMs = Math.max(w.longestTaskMs, entry.duration);
        }).observe({ type: 'longtask' });
        view.recording = w.hourLong;
        // What this task renders: the updates it started run as microtasks, before any frame.
        await view.updateComplete;
        const card = view.shadowRoot?.querySelector<Updating>('luister-report-card');
        const list = view.shadowRoot?.querySelector<Updating>('luister-event-list');
        await card?.updateComplete;
        await list?.updateComplete;
        return {
          moments: card?.shadowRoot?.querySelectorAll('.moments li').length ?? NaN,
          listed: list?.shadowRoot?.querySelectorAll('li').length ?? NaN,
        };
      });
      expect(firstTask.moments).toBeLessThanOrEqual(CHUNK);
      expect(firstTask.listed).toBeLessThanOrEqual(CHUNK);

      // At fit they stand a fraction of a pixel apart: drawn on the canvas, every one, and none is
      // an element.
      const marks = page.locator('luister-waveform [part~="region"]');
      const eventCanvas = page.locator('luister-waveform [part="event-canvas"]');
      await expect.poll(async () => Number((await eventCanvas.getAttribute('data-drawn')) ?? 0), { timeout: 60_000 }).toBe(EVENTS);
      expect(await marks.count()).toBe(0);
      await expect.poll(() => page.locator('luister-event-list li').count(), WAIT).toBe(EVENTS);
      // Silences, interruptions and sighs: every sixth event of each.
      const moments = page.locator('luister-report-card .moments li');
      await expect.poll(() => moments.count(), WAIT).toBe(EVENTS / 2);
      // Let the labels stack and the last frames draw.
      await page.waitForTimeout(1500);
      const maxGapMs = await longestMainThreadGap(page);
      const { longestTaskMs } = await page.evaluate(() => {
        const w = window as unknown as { longestTaskMs: number };
        return { longestTaskMs: w.longestTaskMs };
      });
      console.log(`${EVENTS} events drawn: longest task ${Math.round(longestTaskMs)} ms, longest heartbeat gap ${Math.round(maxGapMs)} ms`);
      expect(longestTaskMs).toBeLessThan(MAX_TASK_MS);

      // The last event, near the end of the hour: a real click on it on the canvas (its middle, in
      // its speaker's row) selects it and plays from there.
      await page.locator('luister-waveform .surface').scrollIntoViewIfNeeded();
      const point = await page.locator('luister-waveform').evaluate(
        (waveform: HTMLElement & { events: { start: number; end: number; speaker?: string }[]; channelRoles: string[] }, { index, duration }) => {
          const layer = waveform.shadowRoot?.querySelector('.surface > div')?.shadowRoot?.querySelector('[part="regions-container"]');
          if (!layer) throw new Error('no event layer');
          const box = layer.getBoundingClientRect();
          const event = waveform.events[index];
          const rows = waveform.channelRoles.length;
          const row = rows > 1 && event.speaker ? waveform.channelRoles.indexOf(event.speaker) : 0;
          // The middle of its mark (at least 2 px wide), on a whole pixel: a mouse event's
          // coordinates are whole pixels, and its neighbour's mark is 3 px away.
          const left = box.left + (event.start * box.width) / duration;
          const right = Math.max(box.left + (event.end * box.width) / duration, left + 2);
          return { x: Math.round((left + right) / 2), y: Math.round(box.top + ((row + 0.5) * box.height) / Math.max(1, rows)) };
        },
        { index: EVENTS - 1, duration: DURATION_SEC },
      );
      await page.mouse.click(point.x, point.y);
      const selected = (): Promise<number> =>
        page.locator('luister-event-list button').evaluateAll((buttons) => buttons.findIndex((b) => b.getAttribute('aria-current') === 'true'));
      await expect.poll(selected, WAIT).toBe(EVENTS - 1);
      await expect.poll(() => page.locator('luister-waveform .time').textContent(), WAIT).toMatch(/^59:5\d \/ 1:00:00$/);

      // The report card's last sigh (event 2996, at 59:37), from the last chunk of its list.
      await page.locator('luister-report-card .moments > div').nth(2).locator('li button').last().click();
      await expect.poll(selected, WAIT).toBe(EVENTS - 4);
      await expect.poll(() => page.locator('luister-waveform .time').textContent(), WAIT).toMatch(/^59:3\d \/ 1:00:00$/);
      expect(app.errors).toEqual([]);
    } finally {
      await app.context.close();
    }
  });
});
