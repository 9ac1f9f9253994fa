/**
 * Talk share while the call runs: the agent's share of all speech so far, counted the way the
 * report counts it (speech seconds of the agent over speech seconds of both), so the number at
 * the end of the call is the report's.
 */
import type { TimeSpan } from '../../report/report-types.ts';

/** Seconds of speech in finished segments plus the open one up to `nowSec`. */
export function speechSecondsUntil(speech: readonly TimeSpan[], openStart: number | null, nowSec: number): number {
  let total = 0;
  for (const segment of speech) total += segment.end - segment.start;
  if (openStart !== null && nowSec > openStart) total += nowSec - openStart;
  return total;
}

/** The agent's share (0–1) of all speech, or null before anyone has spoken. */
export function talkShare(agentSec: number, customerSec: number): number | null {
  const total = agentSec + customerSec;
  return total > 0 ? agentSec / total : null;
}

/**
 * Keeps the finished-segment sum per speaker so the per-frame update does not walk the whole call
 * again: only segments added since the last call are summed.
 */
export class SpeechTotal {
  private counted = 0;
  private closedSec = 0;

  /** Speech seconds of `speech` (growing, never rewritten) plus the open segment up to `nowSec`. */
  at(speech: readonly TimeSpan[], openStart: number | null, nowSec: number): number {
    for (; this.counted < speech.length; this.counted++) this.closedSec += speech[this.counted].end - speech[this.counted].start;
    return this.closedSec + (openStart !== null && nowSec > openStart ? nowSec - openStart : 0);
  }
}
