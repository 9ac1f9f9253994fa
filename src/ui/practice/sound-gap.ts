/**
 * What a suspended AudioContext costs the recording. While the context is suspended no render
 * quantum runs: the microphone's samples of that stretch are dropped, so the recording (and the
 * call clock, which follows it) skips exactly the time the context did not advance.
 */

/** Shorter gaps than this are not worth telling the agent about, s. */
export const NOTABLE_GAP_SEC = 0.25;

export interface SoundPause {
  /** performance.now() when the context stopped running, ms. */
  wallMs: number;
  /** The context's clock then, s. */
  contextSec: number;
  /** Whether the page was hidden at any point while paused. */
  hidden: boolean;
}

export interface SoundGap {
  /** Wall-clock time the sound stood still, s. */
  pausedSec: number;
  /** Audio missing from the recording, s (0 when the context kept running after all). */
  missingSec: number;
  /** Position in the recording where the gap is, s. */
  atSec: number;
  hidden: boolean;
}

export function pauseStarted(contextSec: number, hidden: boolean, wallMs = performance.now()): SoundPause {
  return { wallMs, contextSec, hidden };
}

export function gapOf(pause: SoundPause, contextSec: number, wallMs = performance.now()): SoundGap {
  const pausedSec = Math.max(0, (wallMs - pause.wallMs) / 1000);
  const advanced = Math.max(0, contextSec - pause.contextSec);
  return { pausedSec, missingSec: Math.max(0, pausedSec - advanced), atSec: pause.contextSec, hidden: pause.hidden };
}
