import { HOP_SEC } from '../dsp/config.ts';
import { note, type Note } from '../i18n/translate.ts';
import type { CoachSink } from './coach-events.ts';
import type { TurnNorms } from './norms.ts';
import { round1 } from './round.ts';
import type { SpeakerActivity } from './speaker-activity.ts';

/**
 * Silences, frame by frame:
 * - a pause: a gap of at least `pauseMinSec` between one speaker's segments that nobody else
 *   fills (the same rule as `pausesOf` in the report builder, applied as the frames come);
 * - with two speakers, a silence: the customer says nothing for `silenceSec` after the agent;
 * - dead air: nobody says anything for `deadAirSec` after the customer.
 * A long gap in one speaker's speech can be both a pause and a silence: the first says the agent
 * paused, the second that the customer let it be.
 */
export class GapTracker {
  private readonly norms: TurnNorms;
  private readonly speakers: readonly SpeakerActivity[];
  private readonly sink: CoachSink;
  /** Per speaker: someone else spoke since their last segment ended. */
  private readonly filled: boolean[];
  /** Per speaker: length of the pause that ended at the current frame, s (0 when none). */
  readonly pauseEnded: number[];
  private quietAnnounced = false;
  /** Speech boundaries fall on 10 ms frames, so a 0.25 s gap can measure one hop less. */
  private readonly measuredPauseMin: number;

  constructor(norms: TurnNorms, speakers: readonly SpeakerActivity[], sink: CoachSink) {
    this.norms = norms;
    this.speakers = speakers;
    this.sink = sink;
    this.filled = speakers.map(() => false);
    this.pauseEnded = speakers.map(() => 0);
    this.measuredPauseMin = norms.pauseMinSec - HOP_SEC - 1e-9;
  }

  /** Judges `frame` once every speaker's activity has been updated to it. */
  step(frame: number, now: number): void {
    const speakers = this.speakers;
    speakers.forEach((s, i) => {
      this.pauseEnded[i] = 0;
      if (s.started && s.lastEnd >= 0 && !this.filled[i]) this.pause(i, now);
    });
    if (speakers.length === 2) {
      const anyoneSpeaking = speakers.some((s) => s.speaking);
      const quietBefore = speakers.every((s) => !s.ended && (!s.speaking || s.started));
      if (anyoneSpeaking && quietBefore) this.quietEnded(frame, now);
      else if (!anyoneSpeaking) this.quietGoesOn(frame, now);
    }
    speakers.forEach((s, i) => {
      if (s.ended || s.started) this.filled[i] = false;
      if (!s.speaking) this.filled[i] ||= speakers.some((other) => other !== s && other.speaking);
    });
  }

  private pause(i: number, now: number): void {
    const s = this.speakers[i];
    const start = s.lastEnd * HOP_SEC;
    const end = s.segmentStart * HOP_SEC;
    if (end - start < this.measuredPauseMin) return;
    this.pauseEnded[i] = end - start;
    this.sink.event({ type: 'pause', speaker: s.role, start, end, reasons: [note('pause.reason', { sec: round1(end - start) })], decidedAt: now });
  }

  private quietGoesOn(frame: number, now: number): void {
    const last = this.lastSpeaker();
    if (!last || this.quietAnnounced) return;
    const agentLast = last.role === 'agent';
    if ((frame - last.lastEnd) * HOP_SEC < (agentLast ? this.norms.silenceSec : this.norms.deadAirSec)) return;
    this.quietAnnounced = true;
    const start = last.lastEnd * HOP_SEC;
    if (agentLast) this.sink.ongoing({ type: 'silence', speaker: 'customer', start, advice: note('silence.ongoing'), decidedAt: now });
    else this.sink.ongoing({ type: 'dead-air', start, advice: note('deadAir.advice'), decidedAt: now });
  }

  /**
   * Someone speaks again after a quiet stretch. A quiet stretch still running when the stream ends
   * is not reported (the live notice has been given): the call may simply have ended.
   */
  private quietEnded(frame: number, now: number): void {
    this.quietAnnounced = false;
    const last = this.lastSpeaker();
    if (!last) return;
    const start = last.lastEnd * HOP_SEC;
    const end = frame * HOP_SEC;
    const sec = round1(end - start);
    if (last.role === 'agent') {
      if (end - start < this.norms.silenceSec) return;
      const customerAnswered = this.speakers.some((s) => s.role === 'customer' && s.started);
      const reasons: Note[] = [note('silence.reason', { sec, min: this.norms.silenceSec }), note(customerAnswered ? 'silence.thenCustomer' : 'silence.thenAgent')];
      this.sink.event({ type: 'silence', speaker: 'customer', start, end, reasons, advice: note('silence.advice'), decidedAt: now });
    } else {
      if (end - start < this.norms.deadAirSec) return;
      const reasons = [note('deadAir.reason', { sec, min: this.norms.deadAirSec })];
      this.sink.event({ type: 'dead-air', start, end, reasons, advice: note('deadAir.advice'), decidedAt: now });
    }
  }

  /**
   * Whoever spoke last before the quiet (their latest finished segment ends latest); a speaker
   * who starts at this frame is judged by the segment before.
   */
  private lastSpeaker(): SpeakerActivity | null {
    let last: SpeakerActivity | null = null;
    for (const s of this.speakers) if (s.lastEnd >= 0 && (!last || s.lastEnd > last.lastEnd)) last = s;
    return last;
  }
}
