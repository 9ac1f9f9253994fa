/**
 * The pace gauge's number: articulation rate, i.e. syllables per second of speech, over the last
 * few seconds. Pauses are left out of the denominator on purpose: the gauge answers "how fast am I
 * talking", and a listening pause must neither make a rushed speaker look calm nor a calm one look
 * slow. Conversational Dutch and English articulate at about 4.5–5.5 syllables/s (the sources are
 * in src/coach/norms.ts, whose rushed threshold the gauge's "fast" zone uses).
 */
import type { TimeSpan } from '../../report/report-types.ts';

/** Seconds of the call the gauge looks back over. */
export const PACE_WINDOW_SEC = 5;
/**
 * The window ends this far behind the newest frame: a syllable nucleus is confirmed only after
 * its intensity has fallen again (one syllable's decay, at most ~0.2 s on the test speech), so the
 * newest speech has no syllables yet and would otherwise read as slow.
 */
export const PACE_LAG_SEC = 0.2;
/** Less speech than this in the window gives no number: two syllables are not a rate. */
export const PACE_MIN_SPEECH_SEC = 1;

export interface PaceInput {
  /** Times of the syllable nuclei, ascending, s. */
  syllableTimes: readonly number[];
  /** Finished speech segments, ascending. */
  speech: readonly TimeSpan[];
  /** Start of the segment still going on, or null. */
  openSpeechStart: number | null;
  /** Time of the newest analysed audio, s. */
  nowSec: number;
}

export interface PaceOptions {
  windowSec?: number;
  lagSec?: number;
  minSpeechSec?: number;
}

/** Syllables per second of speech in the window, or null when it holds too little speech. */
export function paceAt(input: PaceInput, options: PaceOptions = {}): number | null {
  const windowSec = options.windowSec ?? PACE_WINDOW_SEC;
  const end = input.nowSec - (options.lagSec ?? PACE_LAG_SEC);
  const start = end - windowSec;
  if (end <= 0) return null;
  const speechSec = speechWithin(input.speech, input.openSpeechStart, start, end);
  if (speechSec < (options.minSpeechSec ?? PACE_MIN_SPEECH_SEC)) return null;
  return countWithin(input.syllableTimes, start, end) / speechSec;
}

/** Seconds of speech inside [from, to); walks back from the newest segment only as far as needed. */
export function speechWithin(speech: readonly TimeSpan[], openStart: number | null, from: number, to: number): number {
  let total = openStart !== null ? overlap(openStart, to, from, to) : 0;
  for (let i = speech.length - 1; i >= 0; i--) {
    const segment = speech[i];
    if (segment.end <= from) break;
    total += overlap(segment.start, segment.end, from, to);
  }
  return total;
}

/** How many of the ascending `times` lie in (from, to]; walks back from the newest. */
export function countWithin(times: readonly number[], from: number, to: number): number {
  let count = 0;
  for (let i = times.length - 1; i >= 0; i--) {
    const t = times[i];
    if (t <= from) break;
    if (t <= to) count++;
  }
  return count;
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}
