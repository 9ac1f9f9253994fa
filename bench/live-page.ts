/**
 * What the live bench watches inside the page, installed before the app loads: the AudioContext,
 * the analysis worklet's batches (samples analysed) and the recorder's blocks (samples handed to
 * storage), read from the nodes' existing message ports, so the app needs no hooks of its own.
 * Runs in the browser: serialised by Playwright, so it must not use anything from its module.
 */
export interface LivePageProbe {
  contexts: AudioContext[];
  /** Input samples per channel the analysis worklet reports having analysed. */
  analysedSamples: number;
  /** Samples per channel the recorder worklet has handed over. */
  recordedSamples: number;
  /** Date.now() when the call was live ('practice-started'), and at the last click. */
  startedAt: number;
  clickedAt: number;
}

declare global {
  interface Window {
    liveProbe?: LivePageProbe;
  }
}

export function installLiveProbe(): void {
  const probe: LivePageProbe = { contexts: [], analysedSamples: 0, recordedSamples: 0, startedAt: 0, clickedAt: 0 };
  window.liveProbe = probe;
  const NativeContext = window.AudioContext;
  window.AudioContext = class extends NativeContext {
    constructor(options?: AudioContextOptions) {
      super(options);
      probe.contexts.push(this);
    }
  };
  const NativeNode = window.AudioWorkletNode;
  window.AudioWorkletNode = class extends NativeNode {
    constructor(ctx: BaseAudioContext, name: string, options?: AudioWorkletNodeOptions) {
      super(ctx, name, options);
      // A listener beside the app's own onmessage: both receive every message.
      this.port.addEventListener('message', (event: MessageEvent<{ type: string; samples?: number; length?: number }>) => {
        const data = event.data;
        if (name === 'luister-analysis' && data.type === 'batch') probe.analysedSamples = data.samples ?? 0;
        if (name === 'luister-practice-recorder' && data.type === 'block') probe.recordedSamples += data.length ?? 0;
      });
    }
  };
  document.addEventListener('practice-started', () => (probe.startedAt = Date.now()));
  document.addEventListener('click', () => (probe.clickedAt = Date.now()), true);
}

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
  const probe = window.liveProbe;
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
