/**
 * The review view in Chromium: the sample call end to end (report card, waveform, labelled
 * regions, lanes aligned with the waveform), hostile and broken files, the keyboard, and exports.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report-types.ts';
import { encodeWav } from '../../src/audio/wav-writer.ts';
import { countDeep, deepActiveElement, downloaded, exported, openApp, openSampleCall, showView, voiceWav, waitForReview, WAIT, type AppPage, useAppServer } from './app-support.ts';
import { voiceLikeSignal } from './test-audio.ts';
import { parseCsv } from '../support/csv.ts';

const running = useAppServer();

async function withApp(run: (app: AppPage) => Promise<void>): Promise<void> {
  const app = await openApp(running.browser, running.server.url);
  try {
    await run(app);
  } finally {
    await app.context.close();
  }
}

describe('review', () => {
  it('opens the sample call in one click: both speakers, a drawn waveform, labelled regions, aligned lanes', () =>
    withApp(async ({ page, errors }) => {
      await openSampleCall(page);

      const card = page.locator('luister-report-card');
      await expect(card.locator('thead th', { hasText: 'Medewerker' }).first().textContent()).resolves.toContain('Medewerker');
      await expect(card.locator('thead th', { hasText: 'Klant' }).first().textContent()).resolves.toContain('Klant');
      const summaryRows = await card.locator('table').first().locator('tbody tr').count();
      expect(summaryRows).toBe(6);
      // The sample's agent speaks under the 15 s the coach needs to follow tone: the card says why.
      await expect(card.getByText('Geen toonverloop').textContent()).resolves.toBe(
        'Geen toonverloop: de medewerker sprak 13,6 s, en de coach volgt de toon pas na 15 s spraak (eerst leert hij de stem van de medewerker kennen).',
      );

      // wavesurfer draws after the report is shown and may redraw once more (a canvas measured
      // mid-redraw is detached): poll until the drawn canvas has its size.
      const waveform = page.locator('luister-waveform canvas').first();
      await expect.poll(async () => (await waveform.boundingBox())?.width ?? 0, WAIT).toBeGreaterThan(100);
      await expect.poll(async () => (await waveform.boundingBox())?.height ?? 0, WAIT).toBeGreaterThan(20);

      // One region per event, each with its text label (colour is never the only signal).
      const items = page.locator('luister-event-list li');
      const eventCount = await items.count();
      expect(eventCount).toBeGreaterThan(0);
      const regions = page.locator('luister-waveform [part~="region"]');
      await expect.poll(() => regions.count(), WAIT).toBe(eventCount);
      const labels = await page.locator('luister-waveform [part~="region-content"]').allTextContents();
      expect(labels).toHaveLength(eventCount);
      for (const label of labels) expect(label.trim()).toMatch(/^(Pauze|Stilte|Zucht|Door elkaar|Onderbreking|Luistersignaal|Spanning|Stille lijn)$/);
      const listed = await page.locator('luister-event-list .what').allTextContents();
      expect(labels.map((l) => l.trim())).toEqual(listed.map((l) => l.trim()));

      // The lanes span exactly the waveform's width, so a moment lines up in both.
      const wave = await page.locator('luister-waveform [part="wave"]').boundingBox();
      for (const lane of await page.locator('luister-feature-lanes canvas').all()) {
        const box = await lane.boundingBox();
        expect(Math.abs((box?.x ?? 0) - (wave?.x ?? 0))).toBeLessThanOrEqual(1);
        expect(Math.abs((box?.width ?? 0) - (wave?.width ?? 0))).toBeLessThanOrEqual(1);
      }
      expect(errors).toEqual([]);
    }));

  it("writes the report's reasons in the language chosen, also after it was made, on screen and in the CSV", () =>
    withApp(async ({ page }) => {
      await openSampleCall(page);
      const reasons = page.locator('luister-event-list .why');
      const dutch = await reasons.allTextContents();
      expect(dutch.length).toBeGreaterThan(0);
      expect(dutch.join(' ')).toMatch(/ de klant /);
      await page.locator('luister-language-switch button[lang="en"]').click();
      await expect.poll(async () => (await reasons.allTextContents()).join(' '), WAIT).toMatch(/ the customer /);
      const english = await reasons.allTextContents();
      expect(english).toHaveLength(dutch.length);
      for (const text of english) expect(text).not.toMatch(/ de klant | je /);
      // The events CSV, read by people too, follows the interface.
      const [, ...rows] = parseCsv((await downloaded(await exported(page, 'csv'))).slice(1));
      const csvReasons = rows.map((row) => row[5]).join(' ');
      expect(csvReasons).toMatch(/ the customer /);
      expect(csvReasons).not.toMatch(/ de klant | je /);
    }));

  it('shows a hostile file name as text: no script runs, no element is injected', () =>
    withApp(async ({ page, errors }) => {
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const name = '<img src=x onerror=alert(1)>.wav';
      await page.locator('luister-file-picker input[type="file"]').setInputFiles({ name, mimeType: 'audio/wav', buffer: Buffer.from(voiceWav()) });
      await waitForReview(page);

      await expect(page.locator('luister-recording-view #recording-title').textContent()).resolves.toBe(name);
      expect(await countDeep(page, 'img')).toBe(0);
      // The sessions list shows it as a name too.
      await showView(page, 'sessions');
      await expect.poll(() => page.locator('luister-sessions tbody .name').first().textContent(), WAIT).toBe(name);
      expect(await countDeep(page, 'img')).toBe(0);
      // Give a stray onerror handler time to fire.
      await page.waitForTimeout(500);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    }));

  it('reviews several files in one go, and a file dropped on the zone', () =>
    withApp(async ({ page }) => {
      const wav = Buffer.from(voiceWav());
      await page.locator('luister-file-picker input[type="file"]').setInputFiles([
        { name: 'eerste.wav', mimeType: 'audio/wav', buffer: wav },
        { name: 'tweede.wav', mimeType: 'audio/wav', buffer: wav },
      ]);
      const batch = page.locator('luister-review .batch li');
      await expect.poll(() => batch.allTextContents(), { timeout: 60_000 }).toEqual([
        expect.stringContaining('eerste.wav: klaar'),
        expect.stringContaining('tweede.wav: klaar'),
      ]);
      await expect.poll(() => page.locator('luister-recording-view #recording-title').textContent(), WAIT).toBe('tweede.wav');
      // Decoded at the file's own rate, not the browser's default.
      await expect(page.locator('luister-recording-view .facts').textContent()).resolves.toContain('mono · 16000 Hz');
      await batch.first().locator('button').click();
      await expect.poll(() => page.locator('luister-recording-view #recording-title').textContent(), WAIT).toBe('eerste.wav');

      // A drop, as from the file manager.
      const bytes = [...wav];
      const transfer = await page.evaluateHandle((data) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(data)], 'gesleept.wav', { type: 'audio/wav' }));
        return dt;
      }, bytes);
      const zone = page.locator('luister-file-picker [part="zone"]');
      await zone.dispatchEvent('dragover', { dataTransfer: transfer });
      await zone.dispatchEvent('drop', { dataTransfer: transfer });
      await expect.poll(() => page.locator('luister-recording-view #recording-title').textContent(), { timeout: 60_000 }).toBe('gesleept.wav');
      await showView(page, 'sessions');
      await expect.poll(() => page.locator('luister-sessions tbody tr[data-session]').count(), WAIT).toBe(3);
    }));

  it('reviews a compressed recording at its own rate (WebM/Opus from the browser\'s own recorder)', () =>
    withApp(async ({ page }) => {
      // Two seconds of a pulsing 150 Hz tone, recorded by MediaRecorder: a real Opus file.
      await page.locator('luister-file-picker input[type="file"]').evaluate(async (input: HTMLInputElement) => {
        const ctx = new AudioContext();
        const tone = new OscillatorNode(ctx, { type: 'sawtooth', frequency: 150 });
        const pulse = new GainNode(ctx, { gain: 0 });
        for (let t = 0; t < 2; t += 0.5) {
          pulse.gain.setValueAtTime(0.5, ctx.currentTime + t);
          pulse.gain.setValueAtTime(0, ctx.currentTime + t + 0.3);
        }
        const out = new MediaStreamAudioDestinationNode(ctx);
        tone.connect(pulse).connect(out);
        const recorder = new MediaRecorder(out.stream, { mimeType: 'audio/webm;codecs=opus' });
        const parts: Blob[] = [];
        recorder.ondataavailable = (e) => parts.push(e.data);
        const stopped = new Promise((resolve) => (recorder.onstop = resolve));
        tone.start();
        recorder.start();
        await new Promise((resolve) => setTimeout(resolve, 2000));
        recorder.stop();
        await stopped;
        await ctx.close();
        const transfer = new DataTransfer();
        transfer.items.add(new File(parts, 'opname.webm', { type: 'audio/webm' }));
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await waitForReview(page);
      await expect(page.locator('luister-recording-view #recording-title').textContent()).resolves.toBe('opname.webm');
      // Opus decodes at 48 kHz: the facts line says so, not the context's default.
      await expect(page.locator('luister-recording-view .facts').textContent()).resolves.toContain('48000 Hz');
    }));

  it('says clearly when a file cannot be decoded', () =>
    withApp(async ({ page }) => {
      const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
      await page.locator('luister-file-picker input[type="file"]').setInputFiles({ name: 'x.mp3', mimeType: 'audio/mpeg', buffer: noise });
      const alert = page.locator('luister-review [role="alert"]');
      await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain('x.mp3 kan niet worden geopend');
      await expect(alert.textContent()).resolves.toContain('wav, mp3, ogg/opus, m4a/aac, webm en flac');
      expect(await page.locator('luister-recording-view #recording-title').count()).toBe(0);
    }));

  it('works by keyboard alone: Tab to the waveform, Space plays and pauses, arrows step through events', () =>
    withApp(async ({ page }) => {
      await openSampleCall(page);
      await page.locator('luister-app #tab-review').focus();
      let reached = false;
      for (let i = 0; i < 40 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = (await deepActiveElement(page)).part === 'wave';
      }
      expect(reached).toBe(true);

      const play = page.locator('luister-waveform [part="toolbar"] button[aria-pressed]');
      await page.keyboard.press('Space');
      await expect.poll(() => play.getAttribute('aria-pressed'), WAIT).toBe('true');
      await page.keyboard.press('Space');
      await expect.poll(() => play.getAttribute('aria-pressed'), WAIT).toBe('false');

      const selected = (): Promise<number> =>
        page.locator('luister-event-list button').evaluateAll((buttons) => buttons.findIndex((b) => b.getAttribute('aria-current') === 'true'));
      expect(await selected()).toBe(-1);
      await page.keyboard.press('ArrowRight');
      await expect.poll(selected, WAIT).toBe(0);
      await page.keyboard.press('ArrowRight');
      await expect.poll(selected, WAIT).toBe(1);
      await page.keyboard.press('ArrowLeft');
      await expect.poll(selected, WAIT).toBe(0);
      // Stepping on to the last event keeps each selected one in sight in the list, which scrolls.
      const selectedInSight = (): Promise<boolean> =>
        page.locator('luister-event-list').evaluate((list) => {
          const box = list.shadowRoot?.querySelector('ol')?.getBoundingClientRect();
          const item = list.shadowRoot?.querySelector('button[aria-current="true"]')?.getBoundingClientRect();
          return !!box && !!item && item.top >= box.top - 1 && item.bottom <= box.bottom + 1;
        });
      const count = await page.locator('luister-event-list button').count();
      expect(count).toBeGreaterThan(5); // more than the list shows at once
      for (let index = 1; index < count; index++) {
        await page.keyboard.press('ArrowRight');
        await expect.poll(selected, WAIT).toBe(index);
        await expect.poll(selectedInSight, WAIT).toBe(true);
      }
      // Focus stayed on the waveform: the keys were the review's, not the page's.
      expect((await deepActiveElement(page)).part).toBe('wave');
    }));

  it('plays from the selected event however quickly the arrows were pressed', () =>
    withApp(async ({ page }) => {
      await openSampleCall(page);
      const waveform = page.locator('luister-waveform');
      const position = () => waveform.evaluate((el: HTMLElement & { position?: number }) => el.position ?? NaN);
      const playing = () => waveform.evaluate((el: HTMLElement & { isPlaying?: boolean }) => el.isPlaying ?? false);
      await expect(page.locator('luister-event-list li').nth(3).locator('.when').textContent()).resolves.toMatch(/^0:16/);
      // Wavesurfer dropped a seek asked for while the one before was under way, about one time in
      // three: Space then played from the event before the selected one.
      for (let trial = 0; trial < 6; trial++) {
        await page.locator('luister-waveform [part="wave"]').focus();
        for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
        for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
        await page.keyboard.press('Space');
        await expect.poll(playing, WAIT).toBe(true);
        await page.waitForTimeout(300);
        const heard = await position();
        await page.keyboard.press('Space');
        await expect.poll(playing, WAIT).toBe(false);
        expect(heard).toBeGreaterThanOrEqual(16);
        expect(heard).toBeLessThan(17.8);
      }
    }));

  it('says clearly when a file has no audio or is too short', () =>
    withApp(async ({ page }) => {
      const input = page.locator('luister-file-picker input[type="file"]');
      const alert = page.locator('luister-review [role="alert"]');
      await input.setInputFiles({ name: 'stil.wav', mimeType: 'audio/wav', buffer: Buffer.from(encodeWav([new Float32Array(16000)], 8000, 'int16')) });
      await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain('In stil.wav is niets te horen');
      await input.setInputFiles({ name: 'kort.wav', mimeType: 'audio/wav', buffer: Buffer.from(encodeWav([voiceLikeSignal(8000).subarray(2400, 6400)], 8000, 'int16')) });
      await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain('kort.wav duurt maar 0,5 s. Voor een analyse is minstens 1 seconde nodig.');
      await input.setInputFiles({ name: 'leeg.wav', mimeType: 'audio/wav', buffer: Buffer.alloc(0) });
      await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain('leeg.wav is leeg (0 bytes)');
    }));

  it('shows analysis progress and cancels it: nothing is shown or saved', () =>
    withApp(async ({ page }) => {
      // Twenty minutes of speech-like sound: long enough to still be analysing when Cancel comes.
      const rate = 8000;
      const voice = voiceLikeSignal(rate);
      const long = new Float32Array(20 * 60 * rate).map((_, i) => voice[i % voice.length]);
      await page.locator('luister-file-picker input[type="file"]').setInputFiles({ name: 'lang.wav', mimeType: 'audio/wav', buffer: Buffer.from(encodeWav([long], rate, 'int16')) });

      const bar = page.locator('luister-analysis-progress [role="progressbar"]');
      await expect.poll(() => bar.getAttribute('aria-valuenow'), { timeout: 30_000 }).toMatch(/^[1-9]\d?$/);
      await page.locator('luister-analysis-progress button').click();

      await expect.poll(() => page.locator('luister-review [role="alert"]').textContent(), WAIT).toContain('De analyse van lang.wav is geannuleerd');
      await expect.poll(() => bar.count(), WAIT).toBe(0);
      expect(await page.locator('luister-recording-view #recording-title').count()).toBe(0);
      await showView(page, 'sessions');
      await expect.poll(() => page.locator('luister-sessions .empty').first().textContent(), WAIT).toContain('Nog geen sessies');
    }));

  it('keeps the lanes on the waveform\'s time axis when zooming and scrolling', () =>
    withApp(async ({ page }) => {
      await openSampleCall(page);
      const lanes = page.locator('luister-feature-lanes');
      const view = () => lanes.evaluate((el: HTMLElement & { viewStart?: number; viewEnd?: number }) => [el.viewStart ?? NaN, el.viewEnd ?? NaN]);
      await expect.poll(async () => (await view())[1], WAIT).toBeCloseTo(32.59, 1);

      for (let i = 0; i < 3; i++) await page.locator('luister-waveform [part="toolbar"] .zoom button').nth(1).click();
      await expect.poll(async () => (await view())[1], WAIT).toBeLessThan(20);
      const [start, end] = await view();
      expect(start).toBeCloseTo(0, 1);

      // Scroll the waveform: the lanes' window moves by the same time.
      const scroller = page.locator('luister-waveform .surface > div');
      await scroller.evaluate((host) => {
        const scroll = host.shadowRoot?.querySelector('.scroll');
        if (scroll) scroll.scrollLeft += scroll.clientWidth / 2;
      });
      await expect.poll(async () => (await view())[0], WAIT).toBeGreaterThan(0.2 * (end - start));
      const [movedStart, movedEnd] = await view();
      expect(movedEnd - movedStart).toBeCloseTo(end - start, 1);
    }));

  it("zoomed in, keeps a long event's label in view after its start has scrolled out", () =>
    withApp(async ({ page }) => {
      await openSampleCall(page);
      for (let i = 0; i < 4; i++) await page.locator('luister-waveform [part="toolbar"] .zoom button').nth(1).click();
      const lanes = page.locator('luister-feature-lanes');
      const viewStart = () => lanes.evaluate((el: HTMLElement & { viewStart?: number }) => el.viewStart ?? NaN);
      // The customer's silence runs from 0:16 to 0:20; put the view's left edge at 0:18.
      await page.locator('luister-waveform .surface > div').evaluate((host) => {
        const scroll = host.shadowRoot?.querySelector('.scroll');
        if (scroll) scroll.scrollLeft = (18 / 32.59) * scroll.scrollWidth;
      });
      await expect.poll(viewStart, WAIT).toBeCloseTo(18, 0);
      const wave = await page.locator('luister-waveform .wave').boundingBox();
      const mark = page.locator('luister-waveform [data-event-type="silence"]');
      const markBox = await mark.boundingBox();
      const labelBox = await mark.locator('[part="region-content"]').boundingBox();
      if (!wave || !markBox || !labelBox) throw new Error('the waveform, the mark or its label has no box');
      expect(markBox.x).toBeLessThan(wave.x - 50);
      expect(labelBox.x).toBeGreaterThanOrEqual(wave.x - 1);
      expect(labelBox.x + labelBox.width).toBeLessThanOrEqual(markBox.x + markBox.width + 1);
      await expect(mark.locator('[part="region-content"]').textContent()).resolves.toBe('Stilte');
    }));

  it('plays faster or slower at the speed chosen, and remembers it', () =>
    withApp(async ({ page }) => {
      await openSampleCall(page);
      const speed = page.locator('luister-waveform select[data-control="speed"]');
      await expect(speed.inputValue()).resolves.toBe('1');
      await speed.selectOption('2');
      const waveform = page.locator('luister-waveform');
      const position = () => waveform.evaluate((el: HTMLElement & { position?: number }) => el.position ?? NaN);
      await page.locator('luister-waveform [part="toolbar"] button.primary').click();
      // Time for the media to start, then a measured stretch of wall-clock time.
      await expect.poll(position, WAIT).toBeGreaterThan(0.2);
      const from = { media: await position(), wall: Date.now() };
      await page.waitForTimeout(2000);
      const rate = ((await position()) - from.media) / ((Date.now() - from.wall) / 1000);
      await page.locator('luister-waveform [part="toolbar"] button.primary').click();
      expect(rate).toBeGreaterThan(1.6);
      expect(rate).toBeLessThan(2.4);
      await page.reload();
      await openSampleCall(page);
      await expect(speed.inputValue()).resolves.toBe('2');
    }));

  it('prints the report, not the controls', () =>
    withApp(async ({ page }) => {
      await openSampleCall(page);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('luister-app [role="tablist"]').isVisible()).toBe(false);
      expect(await page.locator('luister-export-bar').isVisible()).toBe(false);
      expect(await page.locator('luister-review [part="intro"]').isVisible()).toBe(false);
      expect(await page.locator('luister-report-card article').isVisible()).toBe(true);
      expect(await page.locator('luister-event-list ol').isVisible()).toBe(true);
      expect(await page.locator('luister-event-list li button').first().isVisible()).toBe(true);
    }));

  it('exports the report as JSON and its events as CSV', () =>
    withApp(async ({ page }) => {
      await openSampleCall(page);

      const jsonDownload = await exported(page, 'json');
      expect(jsonDownload.suggestedFilename()).toBe('Voorbeeldgesprek.report.json');
      const report = JSON.parse(await downloaded(jsonDownload)) as Report;
      expect(report.schema).toBe('luister-report/1');
      expect(report.sampleRate).toBe(8000);
      expect(report.durationSec).toBeCloseTo(32.59, 1);
      expect(Object.keys(report.speakers).sort()).toEqual(['agent', 'customer']);
      expect(report.source?.name).toBe('Voorbeeldgesprek.wav');
      expect(report.events.length).toBe(await page.locator('luister-event-list li').count());

      const csvDownload = await exported(page, 'csv');
      expect(csvDownload.suggestedFilename()).toBe('Voorbeeldgesprek.events.csv');
      const wavDownload = await exported(page, 'wav');
      expect(wavDownload.suggestedFilename()).toBe('Voorbeeldgesprek.wav');
      const wav = await readFile(await wavDownload.path());
      expect(wav.toString('latin1', 0, 4)).toBe('RIFF');
      expect(wav.readUInt16LE(22)).toBe(2); // channels
      expect(wav.readUInt32LE(24)).toBe(8000); // the file's own rate, not the browser's
      expect(wav.readUInt16LE(34)).toBe(16);
      expect(wav.length).toBe(44 + Math.round(report.durationSec * 8000) * 4);

      const text = await downloaded(csvDownload);
      expect(text.startsWith('\ufeff')).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);
      // The interface is Dutch: separated and numbered as a Dutch spreadsheet reads CSV.
      const [header, ...rows] = parseCsv(text.slice(1), ';');
      expect(header).toEqual(['type', 'speaker', 'start', 'end', 'confidence', 'reasons']);
      const decimal = (value: number | undefined) => (value === undefined ? '' : String(value).replace('.', ','));
      expect(rows).toEqual(report.events.map((e) => [e.type, e.speaker ?? '', decimal(e.start), decimal(e.end), decimal(e.confidence), (e.reasons ?? []).join('; ')]));
    }));
});
