/**
 * The events `<luister-practice>` fires. They bubble and cross shadow roots, so the app shell can
 * listen on itself; HTMLElementEventMap makes `addEventListener('practice-finished', e => …)`
 * typed without casts.
 */
import type { Report } from '../../report/report-types.ts';

/** Why a call ended. */
export type StopReason =
  /** The agent pressed Stop. */
  | 'user'
  /** The microphone went away (unplugged, permission revoked): stopped gracefully. */
  | 'device-lost'
  /** The analysis worklet failed. */
  | 'engine-failed'
  /** The element was removed from the page during the call. */
  | 'disconnected';

export interface PracticeStartedDetail {
  sessionId: string;
}

export interface PracticeFinishedDetail {
  /** The same format as the review view's and the command line's (luister-report/1). */
  report: Report;
  /** The session the recording was written to. */
  sessionId: string;
  reason: StopReason;
  /** Seconds of audio stored. */
  recordedSec: number;
  /** Seconds of audio that could not be stored (0 normally). */
  lostSec: number;
  /** Whether the session was finished with its report in storage (false: only its audio is kept). */
  stored: boolean;
}

export type PracticeStartedEvent = CustomEvent<PracticeStartedDetail>;
export type PracticeFinishedEvent = CustomEvent<PracticeFinishedDetail>;

export function practiceStarted(detail: PracticeStartedDetail): PracticeStartedEvent {
  return new CustomEvent('practice-started', { detail, bubbles: true, composed: true });
}

export function practiceFinished(detail: PracticeFinishedDetail): PracticeFinishedEvent {
  return new CustomEvent('practice-finished', { detail, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    'practice-started': PracticeStartedEvent;
    'practice-finished': PracticeFinishedEvent;
  }
}
