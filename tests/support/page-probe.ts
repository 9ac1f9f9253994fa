/**
 * What the browser tests and the live bench watch inside the app's page, without hooks in the app:
 * every AudioContext it makes and every stream it opens (microphone, shared tab), the samples its worklets
 * report (read from the nodes' own message ports), and when the call went live and the user last
 * clicked, timed in the page (a test's own clock would add the round trips of polling and clicking).
 *
 * `installPageProbe` runs in the browser, before the app makes any of these: pass it to
 * `page.addInitScript` or `page.evaluate`. Playwright serialises it, so it must not use anything
 * from this module.
 */
export interface PageProbe {
  /** Microphones and shared tabs, in the order they were opened. */
  streams: MediaStream[];
  contexts: AudioContext[];
  /** Input samples per channel the analysis worklet reports having analysed. */
  analysedSamples: number;
  /** Samples per channel the recorder worklet has handed over for storage. */
  recordedSamples: number;
  /** Date.now() in the page when the call was live ('practice-started'), and at the last click. */
  startedAt: number;
  clickedAt: number;
}

declare global {
  interface Window {
    pageProbe?: PageProbe;
  }
}

export function installPageProbe(): void {
  const probe: PageProbe = { streams: [], contexts: [], analysedSamples: 0, recordedSamples: 0, startedAt: 0, clickedAt: 0 };
  window.pageProbe = probe;
  document.addEventListener('practice-started', () => (probe.startedAt = Date.now()));
  document.addEventListener('click', () => (probe.clickedAt = Date.now()), true);
  const media = navigator.mediaDevices;
  const getUserMedia = media.getUserMedia.bind(media);
  media.getUserMedia = async (constraints) => {
    const stream = await getUserMedia(constraints);
    probe.streams.push(stream);
    return stream;
  };
  const getDisplayMedia = media.getDisplayMedia.bind(media);
  media.getDisplayMedia = async (options) => {
    const stream = await getDisplayMedia(options);
    probe.streams.push(stream);
    return stream;
  };
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
}
