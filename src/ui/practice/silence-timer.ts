/**
 * The silence timer's state machine. It follows the speech boundaries of both speakers and says,
 * for any moment, who is speaking or how long it has been quiet and what that quiet means:
 *
 * - after the agent's turn, a silence of a second or more is the customer's room to think: good
 *   listening ("Geef ruimte — stilte is goed"); only very long ones ask for a check-in;
 * - after the customer's turn, a moment to think is fine, but from the coach's dead-air limit on
 *   the customer is waiting for the agent;
 * - with only the agent's microphone (no customer source) the agent's silence is listening to a
 *   customer we cannot hear, so it is never judged.
 *
 * The limits are the coach's (src/coach/norms.ts), so the timer and the coach's events agree.
 */
import { defaultCoachNorms } from '../../coach/norms.ts';
import type { SpeakerRole } from '../../report/report-types.ts';

export type SilencePhase =
  /** Nobody has spoken yet. */
  | 'waiting'
  /** Someone is speaking (see `speaking`). */
  | 'speaking'
  /** Quiet for less than `gapSec`: an ordinary gap between or within turns. */
  | 'gap'
  /** Quiet after the agent: the customer's room to think. */
  | 'space'
  /** Quiet after the agent for very long: check the customer is still there. */
  | 'check-in'
  /** Quiet after the customer, briefly: the agent may think. */
  | 'think'
  /** Quiet after the customer for long: dead air, the customer is waiting. */
  | 'respond'
  /** Quiet after the agent when the customer cannot be heard: listening. */
  | 'listening';

export interface SilenceState {
  phase: SilencePhase;
  /** Who speaks now, agent first. */
  speaking: SpeakerRole[];
  /** When the current silence began (backdated to the last speech), s; null when not silent. */
  silenceStart: number | null;
  /** Length of the current silence so far, s (0 when not silent). */
  silenceSec: number;
  /** Who spoke last before the current silence. */
  after: SpeakerRole | null;
}

/** A silence that has just ended because someone began to speak. */
export interface EndedSilence {
  start: number;
  end: number;
  after: SpeakerRole;
  /** Who broke it. */
  by: SpeakerRole;
}

export interface SilenceLimits {
  /** Quiet from this long feels like a silence, not a gap (Jefferson's ~1 s standard maximum), s. */
  gapSec: number;
  /** After the customer, quiet from this long is dead air (the coach's `deadAirSec`), s. */
  respondSec: number;
  /**
   * After the agent, quiet from this long suggests asking whether the customer is still there, s.
   * A working choice: well past thinking time after an open question, short of giving up.
   */
  checkInSec: number;
}

export const DEFAULT_SILENCE_LIMITS: SilenceLimits = {
  gapSec: defaultCoachNorms.turns.longGapSec,
  respondSec: defaultCoachNorms.turns.deadAirSec,
  checkInSec: 8,
};

export class SilenceTimer {
  private readonly hasCustomer: boolean;
  private readonly limits: SilenceLimits;
  private readonly speakingNow = new Set<SpeakerRole>();
  private silenceStart: number | null = null;
  private after: SpeakerRole | null = null;

  constructor(hasCustomer: boolean, limits: SilenceLimits = DEFAULT_SILENCE_LIMITS) {
    this.hasCustomer = hasCustomer;
    this.limits = limits;
  }

  /** `role` began to speak at `timeSec`; returns the silence this ends, if there was one. */
  speechStart(role: SpeakerRole, timeSec: number): EndedSilence | null {
    let ended: EndedSilence | null = null;
    if (this.silenceStart !== null && this.after !== null) {
      ended = { start: this.silenceStart, end: Math.max(this.silenceStart, timeSec), after: this.after, by: role };
    }
    this.speakingNow.add(role);
    this.silenceStart = null;
    return ended;
  }

  /** `role` stopped speaking at `timeSec` (the time of their last speech). */
  speechEnd(role: SpeakerRole, timeSec: number): void {
    if (!this.speakingNow.delete(role)) return;
    if (this.speakingNow.size === 0) {
      this.silenceStart = timeSec;
      this.after = role;
    }
  }

  /** The state at `nowSec` (the newest analysed time). */
  at(nowSec: number): SilenceState {
    const speaking = (['agent', 'customer'] as const).filter((role) => this.speakingNow.has(role));
    if (speaking.length > 0) return { phase: 'speaking', speaking, silenceStart: null, silenceSec: 0, after: this.after };
    if (this.silenceStart === null || this.after === null) {
      return { phase: 'waiting', speaking, silenceStart: null, silenceSec: 0, after: null };
    }
    const silenceSec = Math.max(0, nowSec - this.silenceStart);
    return { phase: this.phaseOf(this.after, silenceSec), speaking, silenceStart: this.silenceStart, silenceSec, after: this.after };
  }

  private phaseOf(after: SpeakerRole, silenceSec: number): SilencePhase {
    const l = this.limits;
    if (silenceSec < l.gapSec) return 'gap';
    if (after === 'agent') {
      if (!this.hasCustomer) return 'listening';
      return silenceSec < l.checkInSec ? 'space' : 'check-in';
    }
    return silenceSec < l.respondSec ? 'think' : 'respond';
  }
}

/** Phases worth telling a screen-reader user about when they begin (the others change too often). */
export function isAnnouncedPhase(phase: SilencePhase): boolean {
  return phase === 'space' || phase === 'check-in' || phase === 'respond';
}
