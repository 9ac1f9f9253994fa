/**
 * A practice call's analysis frames in the session store, against real IndexedDB in Chromium:
 * records round trip exactly and only in order, a database of the first schema version is
 * upgraded without losing its sessions, a full disk fails only the write that hit it, deleting a
 * session deletes its frames, and an hour of frames is read back and reported on quickly.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from './app-support.ts';
import { launchChromium, startDevServer, type Server } from './harness.ts';

let server: Server;
let browser: Browser;
let app: AppPage;

interface Modules {
  store: typeof import('../../src/storage/session-store.ts');
  records: typeof import('../../src/analysis/frame-records.ts');
  report: typeof import('../../src/report/build-report.ts');
}

declare global {
  interface Window {
    luisterFrameModules?: Modules;
  }
}

beforeAll(async () => {
  server = await startDevServer();
  browser = await launchChromium();
  app = await openApp(browser, server.url);
  // The app's own modules from the dev server (test code cannot import() in page.evaluate).
  await app.page.addScriptTag({
    type: 'module',
    content: [
      "import * as store from '/src/storage/session-store.ts';",
      "import * as records from '/src/analysis/frame-records.ts';",
      "import * as report from '/src/report/build-report.ts';",
      'window.luisterFrameModules = { store, records, report };',
    ].join('\n'),
  });
  await app.page.waitForFunction(() => window.luisterFrameModules !== undefined);
});

afterAll(async () => {
  await app?.context.close();
  await browser?.close();
  await server?.close();
});

describe('frame records in the session store', () => {
  it('round trip exactly, per channel, only in order, and go with their session', async () => {
    const result = await app.page.evaluate(async () => {
      const { store: storeModule, records: rec } = window.luisterFrameModules as Modules;
      const store = new storeModule.SessionStore(`luister-test-${crypto.randomUUID()}`);
      const s = await store.createSession({ kind: 'practice', name: 'frames', sampleRate: 8000, channels: 2 });
      const other = await store.createSession({ kind: 'practice', name: 'other', sampleRate: 8000, channels: 1 });
      const made: import('../../src/analysis/frame-records.ts').FrameRecord[] = [];
      const recorders = [0, 1].map((c) => new rec.FrameRecorder(c, (r) => made.push(r)));
      // Batches as the worklet sends them: Float64 frames of 13 numbers, some events.
      for (let b = 0; b < 500; b++) {
        for (const [c, recorder] of recorders.entries()) {
          const frames = Float64Array.from({ length: 5 * 13 }, (_, i) => Math.sin(b * 65 + i + c) * 100);
          const events = b % 50 === 0 ? Float64Array.of(1, b * 5, 3, b * 5 + 1) : new Float64Array(0);
          recorder.add(b * 5, frames, 5, events, events.length / 2);
        }
      }
      for (const recorder of recorders) recorder.flush();
      const errors: string[] = [];
      const attempt = async (p: Promise<unknown>): Promise<void> => {
        try {
          await p;
          errors.push('ok');
        } catch (e) {
          errors.push((e as { kind?: string }).kind ?? String(e));
        }
      };
      const channel0 = made.filter((r) => r.channel === 0);
      // Out of order (record 1 before 0), a channel the session lacks.
      await attempt(store.appendFrameRecord(s.id, channel0[1]));
      await attempt(store.appendFrameRecord(other.id, { ...channel0[0], channel: 1 }));
      for (const r of made) await store.appendFrameRecord(s.id, r);
      await store.appendFrameRecord(other.id, channel0[0]);
      // The same record twice.
      await attempt(store.appendFrameRecord(s.id, channel0[0]));
      const loaded = [await store.loadFrameRecords(s.id, 0), await store.loadFrameRecords(s.id, 1)];
      const same = loaded.every((records, c) => {
        const expected = made.filter((r) => r.channel === c);
        return (
          records.length === expected.length &&
          records.every(
            (r, i) =>
              r.index === i &&
              r.firstFrame === expected[i].firstFrame &&
              r.frameCount === expected[i].frameCount &&
              r.frames.every((v, k) => Object.is(v, expected[i].frames[k])) &&
              r.events.length === expected[i].events.length &&
              r.events.every((v, k) => v === expected[i].events[k]),
          )
        );
      });
      const rebuilt = loaded.map((records) => rec.trackFromRecords(records, 2500));
      await store.finishSession(s.id, { report: null });
      await attempt(store.appendFrameRecord(s.id, { ...channel0[0], index: channel0.length }));
      await store.deleteSession(s.id);
      const afterDelete = (await store.loadFrameRecords(s.id, 0)).length + (await store.loadFrameRecords(s.id, 1)).length;
      const otherKept = (await store.loadFrameRecords(other.id, 0)).length;
      await store.deleteAllData();
      const afterClear = (await store.loadFrameRecords(other.id, 0)).length;
      await store.close();
      return {
        errors,
        counts: loaded.map((l) => l.length),
        same,
        frames: rebuilt.map((t) => t.frameCount),
        syllables: rebuilt.map((t) => t.syllableTimes.length),
        afterDelete,
        otherKept,
        afterClear,
      };
    });
    expect(result).toEqual({
      errors: ['invalid', 'invalid', 'failed', 'invalid'],
      counts: [3, 3],
      same: true,
      frames: [2500, 2500],
      syllables: [10, 10],
      afterDelete: 0,
      otherKept: 1,
      afterClear: 0,
    });
  });

  it('upgrades a database of schema version 1 and keeps its sessions and audio', async () => {
    const result = await app.page.evaluate(async () => {
      const { store: storeModule } = window.luisterFrameModules as Modules;
      const name = `luister-test-${crypto.randomUUID()}`;
      // The first version's schema and a session in it, written as that version of the app did.
      const old = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name, 1);
        req.onupgradeneeded = () => {
          req.result.createObjectStore('sessions', { keyPath: 'id' });
          req.result.createObjectStore('reports', { keyPath: 'sessionId' });
          req.result.createObjectStore('audio', { keyPath: ['sessionId', 'index'] });
        };
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = old.transaction(['sessions', 'audio', 'reports'], 'readwrite');
        tx.objectStore('sessions').put({
          id: 'old-1', kind: 'practice', name: 'van vroeger', createdAt: 1, durationSec: 1, sampleRate: 8000, channels: 1, status: 'complete', chunkCount: 1, samples: 8000,
        });
        tx.objectStore('audio').put({ sessionId: 'old-1', index: 0, channels: [new Float32Array(8000).fill(0.25)] });
        // Its report as that version stored it: frame lists as plain numbers.
        tx.objectStore('reports').put({
          sessionId: 'old-1',
          report: {
            schema: 'luister-report/1', durationSec: 1, sampleRate: 8000, events: [],
            speakers: { agent: { channel: 0, frames: { hopSec: 0.01, startSec: 0, f0Hz: [0, 101.5], levelDb: [-60, -20.25] }, speech: [], summary: {}, tone: [] } },
          },
        });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      old.close();
      const store = new storeModule.SessionStore(name);
      const sessions = await store.listSessions();
      const [audio] = await store.loadAudio('old-1');
      const oldFrames = (await store.getSession('old-1')).report?.speakers.agent?.frames;
      const s = await store.createSession({ kind: 'practice', name: 'nieuw', sampleRate: 8000, channels: 1 });
      await store.appendFrameRecord(s.id, { channel: 0, index: 0, firstFrame: 0, frameCount: 1, frames: new Float32Array(13), events: new Float64Array(0) });
      const frames = (await store.loadFrameRecords(s.id, 0)).length;
      await store.close();
      const version = await new Promise<number>((resolve) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => {
          resolve(req.result.version);
          req.result.close();
        };
      });
      await new Promise((resolve) => (indexedDB.deleteDatabase(name).onsuccess = resolve));
      return { names: sessions.map((x) => x.name), samples: audio.length, first: audio[0], frames, version, oldF0: oldFrames?.f0Hz, oldLevel: oldFrames?.levelDb };
    });
    expect(result).toEqual({ names: ['van vroeger'], samples: 8000, first: 0.25, frames: 1, version: 2, oldF0: [0, 101.5], oldLevel: [-60, -20.25] });
  });

  it('fails only the frame write that hits a full disk: the records before it stay', async () => {
    const result = await app.page.evaluate(async () => {
      const { store: storeModule } = window.luisterFrameModules as Modules;
      const store = new storeModule.SessionStore(`luister-test-${crypto.randomUUID()}`);
      const s = await store.createSession({ kind: 'practice', name: 'vol', sampleRate: 8000, channels: 1 });
      const record = (index: number) => ({ channel: 0, index, firstFrame: index * 10, frameCount: 10, frames: new Float32Array(130).fill(index), events: new Float64Array(0) });
      await store.appendFrameRecord(s.id, record(0));
      await store.appendFrameRecord(s.id, record(1));
      const add = IDBObjectStore.prototype.add;
      IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
        if (this.name === 'frames') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return add.apply(this, args);
      };
      let kind = '';
      try {
        await store.appendFrameRecord(s.id, record(2));
      } catch (e) {
        kind = (e as { kind?: string }).kind ?? String(e);
      } finally {
        IDBObjectStore.prototype.add = add;
      }
      const kept = (await store.loadFrameRecords(s.id, 0)).map((r) => r.frames[0]);
      // Once there is room again, the record that failed goes in after them.
      await store.appendFrameRecord(s.id, record(2));
      const after = (await store.loadFrameRecords(s.id, 0)).length;
      await store.deleteAllData();
      await store.close();
      return { kind, kept, after };
    });
    expect(result).toEqual({ kind: 'full', kept: [0, 1], after: 3 });
  });

  it('reads an hour of two speakers back and builds the report from it quickly', async () => {
    const result = await app.page.evaluate(async () => {
      const { store: storeModule, records: rec, report } = window.luisterFrameModules as Modules;
      const store = new storeModule.SessionStore(`luister-test-${crypto.randomUUID()}`);
      const s = await store.createSession({ kind: 'practice', name: 'uur', sampleRate: 48000, channels: 2 });
      const hourFrames = 3600 * 100;
      // Speech-like frames: 3 s talk, 2 s pause per speaker (alternating), a pitch contour, a level.
      const write: Promise<void>[] = [];
      for (let c = 0; c < 2; c++) {
        const recorder = new rec.FrameRecorder(c, (r) => write.push(store.appendFrameRecord(s.id, r)));
        const frames = new Float64Array(1000 * 13);
        for (let first = 0; first < hourFrames; first += 1000) {
          const events: number[] = [];
          for (let k = 0; k < 1000; k++) {
            const i = first + k;
            const inTalk = (i + c * 250) % 500 < 300;
            const at = k * 13;
            frames[at] = inTalk && i % 7 !== 0 ? 120 + 30 * Math.sin(i / 40) + c * 80 : 0;
            frames[at + 2] = inTalk ? -20 + 6 * Math.sin(i / 9) : -60;
            frames[at + 3] = -62;
            for (let f = 4; f < 13; f++) frames[at + f] = inTalk ? 500 + f * 10 : 0.1;
            // Speech start (1), end (2) and syllables (3), as src/dsp/events.ts numbers them.
            if ((i + c * 250) % 500 === 0) events.push(1, i);
            if ((i + c * 250) % 500 === 299) events.push(2, i);
            if (inTalk && i % 25 === 0) events.push(3, i);
          }
          recorder.add(first, frames, 1000, Float64Array.from(events), events.length / 2);
        }
        recorder.flush();
      }
      await Promise.all(write);
      const t0 = performance.now();
      const tracks = [];
      for (let c = 0; c < 2; c++) tracks.push(rec.trackFromRecords(await store.loadFrameRecords(s.id, c), hourFrames));
      const t1 = performance.now();
      const built = report.buildReport({
        tracks: tracks.map((track, channel) => ({ role: channel === 0 ? ('agent' as const) : ('customer' as const), channel, track })),
        durationSec: 3600,
        sampleRate: 48000,
      });
      const t2 = performance.now();
      await store.deleteAllData();
      await store.close();
      return { readMs: t1 - t0, reportMs: t2 - t1, frames: built.speakers.agent?.frames.f0Hz.length ?? 0, speech: built.speakers.customer?.speech.length ?? 0 };
    });
    console.log(`an hour of two speakers' frames: read back and rebuilt in ${Math.round(result.readMs)} ms, report built in ${Math.round(result.reportMs)} ms`);
    expect(result.frames).toBe(360000);
    expect(result.speech).toBeGreaterThan(700);
    // Generous for a shared 2-core machine; measured figures are printed above.
    expect(result.readMs).toBeLessThan(15000);
  });
});
