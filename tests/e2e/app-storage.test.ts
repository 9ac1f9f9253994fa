/**
 * The session store against real IndexedDB in Chromium: the recording API the live view uses
 * (create → appendAudioChunk… → finishSession), audio round trips exactly, the rules that keep
 * chunks in order and at most a second long, notes and channel roles kept with a session, and a
 * full disk failing one write only.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from './app-support.ts';
import { launchChromium, startDevServer, type Server } from './harness.ts';

let server: Server;
let browser: Browser;
let app: AppPage;

beforeAll(async () => {
  server = await startDevServer();
  browser = await launchChromium();
  app = await openApp(browser, server.url);
  await loadStoreModule();
});

afterAll(async () => {
  await app?.context.close();
  await browser?.close();
  await server?.close();
});

type StoreModule = typeof import('../../src/storage/session-store.ts');

declare global {
  interface Window {
    /** The store module as the page loaded it (set by `loadStoreModule`). */
    luisterStoreModule?: StoreModule;
  }
}

/**
 * Loads the store module into the page from the dev server, so the tests run the app's own code
 * on real IndexedDB. (Test code cannot `import()` in page.evaluate: the test runner rewrites it.)
 */
async function loadStoreModule(): Promise<void> {
  await app.page.addScriptTag({
    type: 'module',
    content: "import * as store from '/src/storage/session-store.ts'; window.luisterStoreModule = store;",
  });
  await app.page.waitForFunction(() => window.luisterStoreModule !== undefined);
}


describe('session store', () => {
  it('records in chunks and gives the audio back sample for sample', async () => {
    const result = await app.page.evaluate(async () => {
      const { SessionStore } = window.luisterStoreModule as StoreModule;
      const name = `luister-test-${crypto.randomUUID()}`;
      const store = new SessionStore(name);
      const rate = 8000;
      const s = await store.createSession({ kind: 'practice', name: 'oefening', agent: 'Daan', sampleRate: rate, channels: 2 });
      const left = Float32Array.from({ length: 2.5 * rate }, (_, i) => Math.sin(i / 10));
      const right = Float32Array.from({ length: 2.5 * rate }, (_, i) => Math.cos(i / 7));
      // Views on shared memory, as the live recorder has them.
      const shared = new Float32Array(new SharedArrayBuffer(rate * 4));
      shared.set(left.subarray(0, rate));
      await store.appendAudioChunk(s.id, 0, [shared, right.slice(0, rate)]);
      await store.appendAudioChunk(s.id, 1, [left.subarray(rate, 2 * rate), right.subarray(rate, 2 * rate)]);
      await store.appendAudioChunk(s.id, 2, [left.subarray(2 * rate), right.subarray(2 * rate)]);
      const agent = {
        channel: 0,
        frames: { hopSec: 0.01, startSec: 0, f0Hz: [0, 123.456, 499.999], levelDb: [-120, -33.333, -0.001] },
        speech: [{ start: 0.01, end: 0.03 }],
        summary: { speechSec: 0.02, talkShare: 1, meanF0Hz: 311.73, pitchSdSemitones: 12, syllables: 1, speechRate: 50, articulationRate: 50 },
        tone: [],
      };
      const report = { schema: 'luister-report/1' as const, durationSec: 2.5, sampleRate: rate, speakers: { agent }, events: [] };
      const done = await store.finishSession(s.id, { report });
      // Stored with its frame lists packed (an hour's would take put() 0.3–0.5 s as numbers)...
      const raw = await new Promise<{ report: { speakers: { agent: { frames: { f0Hz: unknown } } } } }>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => {
          const get = open.result.transaction('reports').objectStore('reports').get(s.id);
          get.onsuccess = () => {
            resolve(get.result);
            open.result.close();
          };
          get.onerror = () => reject(get.error);
        };
        open.onerror = () => reject(open.error);
      });
      const packed = raw.report.speakers.agent.frames.f0Hz instanceof Float64Array;
      const [l, r] = await store.loadAudio(s.id);
      const equal = l.length === left.length && l.every((x, i) => x === left[i]) && r.every((x, i) => x === right[i]);
      const full = await store.getSession(s.id);
      // ... and read back as the report it was, lists and all.
      const sameReport = JSON.stringify(full.report) === JSON.stringify(report);
      const listed = (await store.listSessions()).length;
      await store.deleteAllData();
      await store.close();
      return { durationSec: done.durationSec, status: done.status, chunkCount: done.chunkCount, equal, listed, packed, sameReport };
    });
    expect(result).toEqual({ durationSec: 2.5, status: 'complete', chunkCount: 3, equal: true, listed: 1, packed: true, sameReport: true });
  });

  it("keeps what the user was told about a recording, and a file's channel roles for an analysis run again", async () => {
    const result = await app.page.evaluate(async () => {
      const { SessionStore } = window.luisterStoreModule as StoreModule;
      const store = new SessionStore(`luister-test-${crypto.randomUUID()}`);
      const rate = 8000;
      const report = { schema: 'luister-report/1' as const, durationSec: 1, sampleRate: rate, speakers: {}, events: [] };
      // A practice call whose recording skips a stretch.
      const call = await store.createSession({ kind: 'practice', name: 'oefening', sampleRate: rate, channels: 1 });
      await store.appendAudioChunk(call.id, 0, [new Float32Array(rate)]);
      // Stored as it happens (a tab closed now would leave it), replaced as the list grows, then final.
      const stall = { kind: 'skipped' as const, atSec: 2.5, missingSec: 0.8, cause: 'stall' as const };
      await store.setNotes(call.id, [{ ...stall, missingSec: 0.3 }]);
      const duringCall = (await store.getSession(call.id)).notes;
      const skipped = [{ ...stall }];
      const finished = await store.finishSession(call.id, { report, notes: skipped });
      skipped[0].atSec = 99; // what the store returns is its own copy
      const returned = finished.notes?.[0];
      const returnedAtSec = returned?.kind === 'skipped' ? returned.atSec : null;
      // A stereo file with the agent on the right, cut off, analysed to the end.
      const file = await store.addPendingReview({ name: 'gesprek.wav', roles: { agentChannel: 1 } }, new Blob([new Uint8Array(44)]));
      const pendingRoles = (await store.getSession(file.id)).roles;
      await store.completeReview(file.id, {
        report,
        sampleRate: rate,
        channels: 2,
        peaks: [new Float32Array(4), new Float32Array(4)],
        peaksPerSecond: 4,
        notes: [{ kind: 'truncated', atSec: 1, expectedSec: 3 }],
      });
      // A stall the call then caught up on: finished with nothing to tell, it keeps no notes.
      const quiet = await store.createSession({ kind: 'practice', name: 'rustig', sampleRate: rate, channels: 1 });
      await store.setNotes(quiet.id, [stall]);
      await store.finishSession(quiet.id, { report, notes: [] });
      // A call cut off by a closed tab, finished later without a list: it keeps what it stored.
      const closed = await store.createSession({ kind: 'practice', name: 'gesloten', sampleRate: rate, channels: 1 });
      await store.setNotes(closed.id, [stall]);
      await store.finishSession(closed.id, { report });
      const [callBack, fileBack, quietBack, closedBack] = await Promise.all([call.id, file.id, quiet.id, closed.id].map((id) => store.getSession(id)));
      await store.deleteAllData();
      await store.close();
      return { duringCall, returnedAtSec, callNotes: callBack.notes, pendingRoles, fileRoles: fileBack.roles, fileNotes: fileBack.notes, quietHasNotes: 'notes' in quietBack, closedNotes: closedBack.notes };
    });
    expect(result).toEqual({
      duringCall: [{ kind: 'skipped', atSec: 2.5, missingSec: 0.3, cause: 'stall' }],
      returnedAtSec: 2.5,
      callNotes: [{ kind: 'skipped', atSec: 2.5, missingSec: 0.8, cause: 'stall' }],
      pendingRoles: { agentChannel: 1 },
      fileRoles: { agentChannel: 1 },
      fileNotes: [{ kind: 'truncated', atSec: 1, expectedSec: 3 }],
      quietHasNotes: false,
      closedNotes: [{ kind: 'skipped', atSec: 2.5, missingSec: 0.8, cause: 'stall' }],
    });
  });

  it('refuses chunks out of order, longer than a second, or with the wrong channel count', async () => {
    const errors = await app.page.evaluate(async () => {
      const { SessionStore } = window.luisterStoreModule as StoreModule;
      const store = new SessionStore(`luister-test-${crypto.randomUUID()}`);
      const s = await store.createSession({ kind: 'practice', name: 'x', sampleRate: 8000, channels: 1 });
      const errors: string[] = [];
      const attempt = async (index: number, channels: Float32Array[]): Promise<void> => {
        try {
          await store.appendAudioChunk(s.id, index, channels);
          errors.push('ok');
        } catch (e) {
          errors.push((e as { kind?: string }).kind ?? String(e));
        }
      };
      await attempt(1, [new Float32Array(100)]);
      await attempt(0, [new Float32Array(8001)]);
      await attempt(0, [new Float32Array(100), new Float32Array(100)]);
      await attempt(0, [new Float32Array(8000)]);
      await attempt(0, [new Float32Array(100)]);
      await store.deleteAllData();
      await store.close();
      return errors;
    });
    expect(errors).toEqual(['invalid', 'invalid', 'invalid', 'ok', 'invalid']);
  });

  it('fails only the write that hits a full disk: the chunks before it stay', async () => {
    const result = await app.page.evaluate(async () => {
      const { SessionStore } = window.luisterStoreModule as StoreModule;
      const store = new SessionStore(`luister-test-${crypto.randomUUID()}`);
      const s = await store.createSession({ kind: 'practice', name: 'vol', sampleRate: 8000, channels: 1 });
      await store.appendAudioChunk(s.id, 0, [new Float32Array(8000).fill(0.1)]);
      await store.appendAudioChunk(s.id, 1, [new Float32Array(8000).fill(0.2)]);
      const add = IDBObjectStore.prototype.add;
      IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
        if (this.name === 'audio') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return add.apply(this, args);
      };
      let kind = '';
      try {
        await store.appendAudioChunk(s.id, 2, [new Float32Array(8000)]);
      } catch (e) {
        kind = (e as { kind?: string }).kind ?? String(e);
      } finally {
        IDBObjectStore.prototype.add = add;
      }
      const [audio] = await store.loadAudio(s.id);
      const summary = (await store.listSessions())[0];
      await store.deleteAllData();
      await store.close();
      return { kind, chunks: summary.chunkCount, samples: audio.length };
    });
    expect(result).toEqual({ kind: 'full', chunks: 2, samples: 16000 });
  });
});
