import { FRAMES_PER_SEC, HOP_SEC } from '../dsp/config.ts';
import { note } from '../i18n/translate.ts';
import type { CoachSink } from './coach-events.ts';
import type { FloorTracker } from './floor.ts';
import { round1 } from './round.ts';
import type { TurnNorms } from './norms.ts';
import type { SpeakerActivity } from './speaker-activity.ts';

/** One speaker coming in while the other holds the floor, followed until it is clear who goes on. */
interface Episode {
  intruder: SpeakerActivity;
  holder: SpeakerActivity;
  /** Frame the intruder came in. */
  start: number;
  /** The holder was speaking at that moment (otherwise the intruder came in during their pause). */
  overlapped: boolean;
  holderSpoke: boolean;
  overlapFrames: number;
  firstOverlap: number;
  lastOverlap: number;
  /** The intruder has stopped after a short remark; is the holder going on? */
  awaitingResume: boolean;
}

/**
 * Who comes in while the other holds the floor, and what came of it:
 * - a backchannel: a short remark ("mm-hm", "ja") after which the holder goes on;
 * - an interruption: the intruder came in while the holder was talking, talked over them for
 *   `interruptionMinOverlapSec` or more, and the holder gave up the turn;
 * - an overlap: both talked for `overlapMinSec` or more, and the intruder gave way;
 * - nothing, for a quick take-over at the end of the other's turn or a short turn of one's own.
 * A speaker has stopped once silent for `yieldSec`, so breath pauses do not end an episode.
 */
export class OverlapTracker {
  private readonly norms: TurnNorms;
  private readonly speakers: readonly SpeakerActivity[];
  private readonly floor: FloorTracker;
  private readonly sink: CoachSink;
  private episode: Episode | null = null;
  private readonly yieldFrames: number;
  private readonly backchannelFrames: number;

  constructor(norms: TurnNorms, speakers: readonly SpeakerActivity[], floor: FloorTracker, sink: CoachSink) {
    this.norms = norms;
    this.speakers = speakers;
    this.floor = floor;
    this.sink = sink;
    this.yieldFrames = Math.round(norms.yieldSec * FRAMES_PER_SEC);
    this.backchannelFrames = Math.round(norms.backchannelMaxSec * FRAMES_PER_SEC);
  }

  /** Judges `frame` once every speaker's activity has been updated to it. */
  step(frame: number, now: number): void {
    if (this.episode) {
      this.count(this.episode, frame);
      this.resolve(this.episode, frame, now);
    }
    if (!this.episode) {
      this.open(frame);
      if (this.episode) this.count(this.episode, frame);
    }
  }

  /** Settles an episode still open when the stream ends, as if both had stopped. */
  finish(now: number): void {
    const episode = this.episode;
    if (!episode) return;
    if (episode.awaitingResume || (episode.holderSpoke && episode.intruder.lastSpeech >= episode.holder.lastSpeech)) this.tookTurn(episode, now);
    else this.gaveWay(episode, now);
  }

  private count(episode: Episode, frame: number): void {
    const { intruder, holder } = episode;
    if (holder.speaking) episode.holderSpoke = true;
    if (holder.speaking && intruder.speaking) {
      if (episode.overlapFrames === 0) episode.firstOverlap = frame;
      episode.overlapFrames++;
      episode.lastOverlap = frame;
    }
  }

  private open(frame: number): void {
    for (const intruder of this.speakers) {
      if (!intruder.started) continue;
      const holder = this.speakers.find((s) => s !== intruder);
      if (!holder || holder.started) {
        this.floor.take(intruder, frame);
        continue;
      }
      const overlapped = holder.speaking;
      const holdsFloor = this.floor.holder === holder && holder.silentFor(frame) * HOP_SEC <= this.norms.backchannelLeadSec;
      if (overlapped || holdsFloor) {
        this.episode = newEpisode(intruder, holder, frame, overlapped);
        return;
      }
      this.floor.take(intruder, frame);
    }
  }

  private resolve(episode: Episode, frame: number, now: number): void {
    const { intruder, holder } = episode;
    if (episode.awaitingResume) {
      if (holder.started) this.backchannel(episode, now);
      else if (intruder.started || (frame - intruder.lastSpeech) * HOP_SEC > this.norms.backchannelResumeSec) this.tookTurn(episode, now);
      return;
    }
    // Came in during the holder's pause and talked on past any backchannel: a turn of their own.
    // Should the holder have started again meanwhile, it is now they who talk over the new turn.
    if (!episode.overlapped && intruder.lastSpeech - episode.start > this.backchannelFrames) {
      this.tookTurn(episode, now);
      if (holder.speaking) {
        const swapped = newEpisode(holder, intruder, holder.segmentStart, true);
        swapped.overlapFrames = episode.overlapFrames;
        swapped.firstOverlap = episode.firstOverlap;
        swapped.lastOverlap = episode.lastOverlap;
        this.episode = swapped;
      }
      return;
    }
    const holderGone = episode.holderSpoke && holder.silentFor(frame) >= this.yieldFrames;
    const intruderGone = intruder.silentFor(frame) >= this.yieldFrames;
    if (holderGone && intruder.lastSpeech >= holder.lastSpeech) {
      this.tookTurn(episode, now);
    } else if (intruderGone) {
      if (holder.speaking || holder.lastSpeech > intruder.lastSpeech) this.gaveWay(episode, now);
      else if (intruder.lastSpeech - episode.start <= this.backchannelFrames) episode.awaitingResume = true;
      else this.tookTurn(episode, now);
    }
  }

  /** The intruder goes on and the holder has stopped. */
  private tookTurn(episode: Episode, now: number): void {
    const { intruder, holder } = episode;
    const overlapSec = episode.overlapFrames * HOP_SEC;
    const byAgent = intruder.role === 'agent';
    if (episode.overlapped && overlapSec >= this.norms.interruptionMinOverlapSec) {
      const start = episode.start * HOP_SEC;
      const end = holder.lastSpeech * HOP_SEC;
      this.sink.event({
        type: 'interruption',
        speaker: intruder.role,
        start,
        end,
        reasons: [note(byAgent ? 'interruption.byAgent' : 'interruption.byCustomer', { sec: round1(end - start) })],
        advice: note(byAgent ? 'interruption.adviceAgent' : 'interruption.adviceCustomer'),
        decidedAt: now,
      });
    } else if (overlapSec >= this.norms.overlapMinSec) {
      this.overlap(episode, now);
    }
    this.floor.take(intruder, episode.start);
    this.episode = null;
  }

  /** The intruder stopped and the holder went on. */
  private gaveWay(episode: Episode, now: number): void {
    if (episode.intruder.lastSpeech - episode.start <= this.backchannelFrames) this.backchannel(episode, now);
    else if (episode.overlapFrames * HOP_SEC >= this.norms.overlapMinSec) this.overlap(episode, now);
    this.episode = null;
  }

  private backchannel(episode: Episode, now: number): void {
    const start = episode.start * HOP_SEC;
    const end = episode.intruder.lastSpeech * HOP_SEC;
    const byAgent = episode.intruder.role === 'agent';
    this.sink.event({
      type: 'backchannel',
      speaker: episode.intruder.role,
      start,
      end,
      reasons: [note(byAgent ? 'backchannel.byAgent' : 'backchannel.byCustomer', { sec: round1(end - start) })],
      advice: byAgent ? note('backchannel.advice') : undefined,
      decidedAt: now,
    });
    this.episode = null;
  }

  private overlap(episode: Episode, now: number): void {
    // From the moment the intruder came in: a breath pause of the holder's there is still their turn.
    const start = (episode.overlapped ? episode.start : episode.firstOverlap) * HOP_SEC;
    const end = episode.lastOverlap * HOP_SEC;
    const byAgent = episode.intruder.role === 'agent';
    this.sink.event({
      type: 'overlap',
      speaker: episode.intruder.role,
      start,
      end,
      reasons: [note(byAgent ? 'overlap.byAgent' : 'overlap.byCustomer', { sec: round1(end - start) })],
      advice: note(byAgent ? 'overlap.adviceAgent' : 'overlap.adviceCustomer'),
      decidedAt: now,
    });
  }
}

function newEpisode(intruder: SpeakerActivity, holder: SpeakerActivity, start: number, overlapped: boolean): Episode {
  return { intruder, holder, start, overlapped, holderSpoke: overlapped, overlapFrames: 0, firstOverlap: -1, lastOverlap: -1, awaitingResume: false };
}
