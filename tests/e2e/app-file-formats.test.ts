/**
 * Every kind of file the review may be given, in Chromium: each format decoded piece by piece in
 * the file Worker (never by the main thread's decodeAudioData), video files, and every way a file
 * can be wrong, each with its own clear message; the whole-file fallback for a codec the Worker
 * cannot decode, and its size limit.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeWav } from '../../src/audio/wav-writer.ts';
import { ROOT } from './harness.ts';
import { downloaded, exported, openApp, showView, waitForReview, waitForSaved, WAIT, type AppOptions, type AppPage, useAppServer } from './app-support.ts';
import { tempFolder } from './long-wav.ts';
import { voiceLikeSignal } from './test-audio.ts';

const running = useAppServer();
const FORMATS = join(ROOT, 'tests/fixtures/formats');

function hasFfmpeg(): boolean {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Counts the page's whole-file decodes (the fallback), in window.wholeFileDecodes. */
function countWholeFileDecodes(): void {
  const w = window as unknown as { wholeFileDecodes: number };
  w.wholeFileDecodes = 0;
  const decode = BaseAudioContext.prototype.decodeAudioData;
  BaseAudioContext.prototype.decodeAudioData = function (this: BaseAudioContext, ...args: Parameters<BaseAudioContext['decodeAudioData']>) {
    w.wholeFileDecodes++;
    return decode.apply(this, args);
  };
}

/**
 * Takes WebCodecs' AudioDecoder away from the file Worker, as in a browser without it: the
 * worker is started from a wrapper that imports it, then removes the decoder before any message.
 * Counts whole-file decodes like countWholeFileDecodes (init scripts cannot call each other).
 */
function withoutWorkerAudioDecoder(): void {
  const w = window as unknown as { wholeFileDecodes: number };
  w.wholeFileDecodes = 0;
  const decode = BaseAudioContext.prototype.decodeAudioData;
  BaseAudioContext.prototype.decodeAudioData = function (this: BaseAudioContext, ...args: Parameters<BaseAudioContext['decodeAudioData']>) {
    w.wholeFileDecodes++;
    return decode.apply(this, args);
  };
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      const href = new URL(url, location.href).href;
      if (!href.includes('file-worker')) {
        super(url, options);
        return;
      }
      const wrapper = `import ${JSON.stringify(href)};\ndelete self.AudioDecoder;\n`;
      super(URL.createObjectURL(new Blob([wrapper], { type: 'text/javascript' })), options);
    }
  };
}

async function withApp(run: (app: AppPage) => Promise<void>, options: AppOptions = { initScript: countWholeFileDecodes }): Promise<void> {
  const app = await openApp(running.browser, running.server.url, options);
  try {
    await run(app);
  } finally {
    await app.context.close();
  }
}

function choose(app: AppPage, name: string, bytes: Uint8Array, mimeType = 'application/octet-stream'): Promise<void> {
  return app.page.locator('luister-file-picker input[type="file"]').setInputFiles({ name, mimeType, buffer: Buffer.from(bytes) });
}

const facts = (app: AppPage) => app.page.locator('luister-recording-view .facts').textContent();
const title = (app: AppPage) => app.page.locator('luister-recording-view #recording-title').textContent();
const alert = (app: AppPage) => app.page.locator('luister-review [role="alert"]').textContent();
const wholeFileDecodes = (app: AppPage) => app.page.evaluate(() => (window as unknown as { wholeFileDecodes: number }).wholeFileDecodes);

/** Reviews `name` and waits for its report; returns the facts line. */
async function reviewed(app: AppPage, name: string, bytes: Uint8Array): Promise<string | null> {
  await choose(app, name, bytes);
  await expect.poll(() => title(app), { timeout: 60_000 }).toBe(name);
  await waitForReview(app.page);
  return facts(app);
}

/** Waits until the review on screen is saved, reloads the page and opens the (only) session again. */
async function reopenedAfterReload(app: AppPage): Promise<void> {
  await waitForSaved(app.page);
  await app.page.reload();
  await showView(app.page, 'sessions');
  await app.page.locator('luister-sessions tbody tr[data-session] [data-action="open"]').click();
  await waitForReview(app.page);
}

describe('file formats and broken files', () => {
  it('decodes wav, mp3, m4a/aac, ogg/opus, ogg/vorbis and flac in the Worker, at each file\'s own rate', () =>
    withApp(async (app) => {
      const cases: [string, string][] = [
        ['voice.mp3', 'stereo · 44100 Hz'],
        ['voice.m4a', 'stereo · 44100 Hz'],
        ['voice.opus', 'stereo · 48000 Hz'],
        ['voice.ogg', 'stereo · 44100 Hz'],
        ['voice.flac', 'stereo · 16000 Hz'],
      ];
      for (const [name, expected] of cases) {
        await expect(reviewed(app, name, readFileSync(join(FORMATS, name)))).resolves.toContain(expected);
        // Both speakers analysed: the report card has a column for each.
        await expect(app.page.locator('luister-report-card thead th', { hasText: 'Klant' }).count()).resolves.toBeGreaterThan(0);
      }
      const wav = encodeWav([voiceLikeSignal(22050)], 22050, 'int16');
      await expect(reviewed(app, 'stem.wav', wav)).resolves.toContain('mono · 22050 Hz');
      expect(await wholeFileDecodes(app)).toBe(0);
      expect(app.errors).toEqual([]);
    }));

  it('takes the sound of a video, and says so when a video has none', () =>
    withApp(async (app) => {
      await expect(reviewed(app, 'video-with-sound.webm', readFileSync(join(FORMATS, 'video-with-sound.webm')))).resolves.toContain('stereo · 48000 Hz');
      await choose(app, 'video-only.webm', readFileSync(join(FORMATS, 'video-only.webm')));
      await expect.poll(() => alert(app), WAIT).toContain('video-only.webm bevat geen geluidsspoor');
      await expect(title(app)).resolves.toBe('video-with-sound.webm');
    }));

  it('8 kHz telephone audio and 192 kHz studio audio are analysed at their own rates', () =>
    withApp(async (app) => {
      await expect(reviewed(app, 'telefoon.wav', encodeWav([voiceLikeSignal(8000)], 8000, 'int16'))).resolves.toContain('mono · 8000 Hz');
      const studio = encodeWav([voiceLikeSignal(192000)], 192000, 'int16');
      await expect(reviewed(app, 'studio.wav', studio)).resolves.toContain('mono · 192000 Hz');
      // The analysis found the voice: speech in the report's summary for the agent.
      const speech = await app.page.locator('luister-report-card tbody tr').first().textContent();
      expect(speech).toMatch(/\d/);
    }));

  it('analyses the first two of six channels and says so', () =>
    withApp(async (app) => {
      const rate = 16000;
      const voice = voiceLikeSignal(rate);
      const other = voiceLikeSignal(rate, { seed: 2, pitchScale: 1.6 });
      const silent = new Float32Array(voice.length);
      const wav = encodeWav([voice, other, silent, silent, silent, silent], rate, 'int16');
      await expect(reviewed(app, 'zes.wav', wav)).resolves.toContain('stereo · 16000 Hz');
      const note = app.page.locator('luister-recording-view .note[data-note="channels-picked"]');
      await expect(note.textContent()).resolves.toContain('6 kanalen');
      expect(await app.page.locator('luister-waveform .channel-label').count()).toBe(2);
      await expect(reopenedAfterReload(app).then(() => note.textContent())).resolves.toContain('6 kanalen');
    }));

  it('a truncated file: what is there is analysed, with a note that it was cut off', () =>
    withApp(async (app) => {
      const full = encodeWav([voiceLikeSignal(16000), voiceLikeSignal(16000)].map((v) => Float32Array.from({ length: 3 * v.length }, (_, i) => v[i % v.length])), 16000, 'int16');
      // 12 s in the header, 6 s in the file.
      const cut = full.subarray(0, 44 + (full.length - 44) / 2);
      await reviewed(app, 'afgekapt.wav', cut);
      const note = app.page.locator('luister-recording-view .note[data-note="truncated"]');
      await expect(note.textContent()).resolves.toContain('afgekapt');
      await expect(facts(app)).resolves.toContain('0:06');
      // Kept with the session: opened again after a reload, it says the same.
      await reopenedAfterReload(app);
      await expect(note.textContent()).resolves.toContain('Het bestand houdt op bij 0:06, terwijl het 0:12 zou moeten duren');
      // And its exported report says so too.
      const report = JSON.parse(await downloaded(await exported(app.page, 'json'))) as { notes?: unknown };
      expect(report.notes).toEqual([{ kind: 'truncated', atSec: expect.closeTo(6, 2), expectedSec: expect.closeTo(12, 2) }]);
      // Its button plays the recording from just before where it stops.
      await note.getByRole('button', { name: 'Beluister rond 0:06' }).click();
      await expect.poll(() => app.page.locator('luister-waveform [part="toolbar"] button[aria-pressed]').getAttribute('aria-pressed'), WAIT).toBe('true');
      await expect.poll(() => app.page.locator('luister-waveform .time').textContent(), WAIT).toMatch(/^0:0[45] \/ 0:06$/);
    }));

  it('says clearly what is wrong: empty, zero-length audio, not audio at all, corrupt', () =>
    withApp(async (app) => {
      await choose(app, 'leeg.wav', new Uint8Array(0));
      await expect.poll(() => alert(app), WAIT).toContain('leeg.wav is leeg (0 bytes)');
      await choose(app, 'geen-samples.wav', encodeWav([new Float32Array(0), new Float32Array(0)], 8000, 'int16'));
      await expect.poll(() => alert(app), WAIT).toContain('In geen-samples.wav is niets te horen');
      await choose(app, 'tekst.mp3', new TextEncoder().encode('dit is geen geluid '.repeat(200)));
      await expect.poll(() => alert(app), WAIT).toContain('tekst.mp3 kan niet worden geopend');
      // A FLAC whose frames after the header are overwritten: the container is fine, the audio is not.
      const flac = new Uint8Array(readFileSync(join(FORMATS, 'voice.flac')));
      for (let i = 8192; i < flac.length; i++) flac[i] = (i * 7919) & 0xff;
      await choose(app, 'kapot.flac', flac);
      await expect.poll(() => alert(app), WAIT).toContain('kapot.flac is beschadigd');
      expect(await app.page.locator('luister-recording-view #recording-title').count()).toBe(0);
    }));

  it('falls back to whole-file decoding for a codec the Worker cannot decode, within a size limit', () =>
    withApp(
      async (app) => {
        await expect(reviewed(app, 'voice.opus', readFileSync(join(FORMATS, 'voice.opus')))).resolves.toContain('stereo · 48000 Hz');
        expect(await wholeFileDecodes(app)).toBe(1);
        if (!hasFfmpeg()) return;
        // 25 minutes of Opus at a low bit rate: a small file, too long to decode whole.
        const folder = tempFolder('luister-long-opus-');
        try {
          const path = join(folder.path, 'lang.opus');
          execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'sine=frequency=150:duration=1500', '-c:a', 'libopus', '-b:a', '6k', path]);
          await app.page.locator('luister-file-picker input[type="file"]').setInputFiles(path);
          await expect.poll(() => alert(app), WAIT).toContain('lang.opus is te lang om in deze browser in één keer te openen');
          await expect(alert(app)).resolves.toContain('hooguit 20 minuten');
          expect(await wholeFileDecodes(app)).toBe(1);
        } finally {
          folder.remove();
        }
      },
      { initScript: withoutWorkerAudioDecoder },
    ));
});
