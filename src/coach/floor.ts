import { HOP_SEC } from '../dsp/config.ts';
import type { SpeakerRole } from '../report/report-types.ts';
import type { SpeakerActivity } from './speaker-activity.ts';

/** Turn-taking figures of one speaker. */
export interface TurnStats {
  /** Turns this speaker took (backchannels do not take a turn). */
  turns: number;
  /**
   * Per turn taken over from the other speaker: the gap from the other's last speech to this
   * speaker's start, s; negative when they started before the other had stopped.
   */
  responseTimesSec: number[];
  /** Longest turn: from its first to its last speech, the other's backchannels included, s. */
  longestTurnSec: number;
}

/**
 * Who holds the floor. A speaker takes it with a turn (not with a backchannel); the overlap
 * tracker decides which short contributions were backchannels and who won an overlap.
 */
export class FloorTracker {
  private holderActivity: SpeakerActivity | null = null;
  private turnStart = -1;
  readonly stats: Partial<Record<SpeakerRole, TurnStats>> = {};

  constructor(speakers: readonly SpeakerActivity[]) {
    for (const s of speakers) this.stats[s.role] = { turns: 0, responseTimesSec: [], longestTurnSec: 0 };
  }

  get holder(): SpeakerActivity | null {
    return this.holderActivity;
  }

  /** `taker` takes the floor with a turn that began at frame `start`. */
  take(taker: SpeakerActivity, start: number): void {
    const previous = this.holderActivity;
    if (previous === taker) return;
    const stats = this.stats[taker.role];
    if (!stats) return;
    if (previous) {
      this.closeTurn();
      stats.responseTimesSec.push((start - previous.lastSpeech) * HOP_SEC);
    }
    this.holderActivity = taker;
    this.turnStart = start;
    stats.turns++;
  }

  /** Ends the last turn with the stream. */
  finish(): void {
    this.closeTurn();
    this.holderActivity = null;
  }

  private closeTurn(): void {
    const holder = this.holderActivity;
    if (!holder) return;
    const stats = this.stats[holder.role];
    const length = (holder.lastSpeech - this.turnStart) * HOP_SEC;
    if (stats && length > stats.longestTurnSec) stats.longestTurnSec = length;
  }
}
