/**
 * What the live bench reads inside the page, from the page probe (tests/support/page-probe.ts,
 * installed before the app loads) and the app's IndexedDB. Runs in the browser: serialised by
 * Playwright, so it must not use anything from its module.
 */
import '../tests/support/page-probe.ts';

/** A reading of the call: the page's clock and the audio clocks. */
export interface LiveReading {
  nowMs: number;
  sampleRate: number;
  /** Frames the context has rendered (its currentTime × rate). */
  contextFrames: number;
  analysedSamples: number;
  recordedSamples: number;
  /**
   * Chromium's own glitch count for the context's output (AudioContext.playbackStats, not in
   * every browser): render callbacks that came too late, and the audio they cost, s.
   */
  underrunEvents: number | null;
  underrunSec: number | null;
}

export function readLiveProbe(): LiveReading {
  const probe = window.pageProbe;
  const ctx = probe?.contexts.at(-1);
  if (!probe || !ctx) throw new Error('no call is running');
  const stats = (ctx as AudioContext & { playbackStats?: { underrunEvents: number; underrunDuration: number } }).playbackStats;
  return {
    underrunEvents: stats ? stats.underrunEvents : null,
    underrunSec: stats ? stats.underrunDuration : null,
    nowMs: Date.now(),
    sampleRate: ctx.sampleRate,
    contextFrames: Math.round(ctx.currentTime * ctx.sampleRate),
    analysedSamples: probe.analysedSamples,
    recordedSamples: probe.recordedSamples,
  };
}

/** The practice sessions in the app's IndexedDB, read directly (a build has no source modules to import). */
export async function readStoredSessions(): Promise<{ status: string; samples: number; sampleRate: number; chunkCount: number }[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('luister');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  try {
    return await new Promise((resolve, reject) => {
      const req = db.transaction('sessions').objectStore('sessions').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  } finally {
    db.close();
  }
}
