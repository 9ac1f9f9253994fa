/**
 * What the practice view shows, derived from the analysis and the coach: one immutable LiveView
 * per animation frame, plus what the polite live region should say about it.
 *
 * Events (speech boundaries, coach cues) are folded in as they come, cheaply; `refresh` reads the
 * tracks once per frame. Announcements are made on changes only: a new tone label, a silence
 * entering a phase that asks something of the agent, an event in the feed. Never per frame.
 */
import type { SpeakerTrack } from '../../analysis/speaker-track.ts';
import type { CoachEvent, OngoingEvent, ToneState } from '../../coach/coach-events.ts';
import { defaultCoachNorms } from '../../coach/norms.ts';
import { FRAMES_PER_SEC } from '../../dsp/config.ts';
import type { Note } from '../../i18n/translate.ts';
import type { ReportEventType, SpeakerRole, ToneLabel } from '../../report/report-types.ts';
import { paceAt } from './pace.ts';
import { pnote, type PracticeNote } from './practice-text.ts';
import { isAnnouncedPhase, SilenceTimer, type SilencePhase, type SilenceState } from './silence-timer.ts';
import { SpeechTotal, talkShare } from './talk-share.ts';

/** What the tone badge shows: the coach's most pressing label and why. */
export interface ToneView {
  label: ToneLabel;
  reasons: Note[];
  advice: Note[];
}

export interface FeedEntry {
  id: number;
  type: ReportEventType;
  speaker?: SpeakerRole;
  start: number;
  /** Null while the event is still going on. */
  end: number | null;
  /** The coach's reasons (or its advice, for an ongoing event). */
  reasons: Note[];
  /** A text of this view, for an event measured here rather than by the coach. */
  local: PracticeNote | null;
}

export interface LevelReading {
  /** Loudest frame level since the last frame (falling back slowly), dBFS. */
  db: number;
}

export interface LiveView {
  /** Seconds of the call analysed. */
  elapsedSec: number;
  hasCustomer: boolean;
  coachConnected: boolean;
  /** The agent's track, for the pitch trace; null before the first call. */
  agentTrack: SpeakerTrack | null;
  agentFrames: number;
  /** Syllables per second of speech over the last seconds, or null (too little speech). */
  pace: number | null;
  agentLevel: LevelReading | null;
  customerLevel: LevelReading | null;
  silence: SilenceState;
  /** The agent's share of all speech, 0–1; null without a customer or before any speech. */
  talkShare: number | null;
  tone: ToneView | null;
  /** Newest first. */
  feed: FeedEntry[];
  /** Recording chunks the sink has accepted. */
  chunksWritten: number;
}

/** Something for the polite live region. */
export type Spoken =
  | { kind: 'text'; note: PracticeNote }
  | { kind: 'tone'; label: ToneLabel }
  | { kind: 'silence'; phase: SilencePhase }
  | { kind: 'event'; entry: FeedEntry };

/** What the view reads its numbers from; a LiveAnalysis is one. */
export interface ViewSource {
  readonly durationSec: number;
  track(role: SpeakerRole): SpeakerTrack | undefined;
}

/** Feed entries kept (the view shows fewer). */
const FEED_LIMIT = 50;
/**
 * How fast the level display falls back, dB per second of audio. Rises show at once; falling
 * slowly (like a peak programme meter) keeps the bar readable at a glance instead of flickering
 * with every syllable.
 */
const LEVEL_FALL_DB_PER_SEC = 20;

const WAITING: SilenceState = { phase: 'waiting', speaking: [], silenceStart: null, silenceSec: 0, after: null };

export function emptyView(): LiveView {
  return {
    elapsedSec: 0,
    hasCustomer: false,
    coachConnected: false,
    agentTrack: null,
    agentFrames: 0,
    pace: null,
    agentLevel: null,
    customerLevel: null,
    silence: WAITING,
    talkShare: null,
    tone: null,
    feed: [],
    chunksWritten: 0,
  };
}

/** The view of one call. */
export class LiveViewModel {
  view: LiveView;
  private readonly source: ViewSource;
  private readonly hasCustomer: boolean;
  private readonly coachConnected: boolean;
  private readonly silence: SilenceTimer;
  private readonly open: Record<SpeakerRole, number | null> = { agent: null, customer: null };
  private readonly totals: Record<SpeakerRole, SpeechTotal> = { agent: new SpeechTotal(), customer: new SpeechTotal() };
  /** Per speaker, frames already folded into the level reading. */
  private readonly levelFrom: Record<SpeakerRole, number> = { agent: 0, customer: 0 };
  private pendingTone: ToneState | null = null;
  private toneLabel: ToneLabel | null = null;
  private silencePhase: SilencePhase = 'waiting';
  private nextFeedId = 1;
  private spoken: Spoken[] = [];

  constructor(source: ViewSource, options: { hasCustomer: boolean; coachConnected: boolean }) {
    this.source = source;
    this.hasCustomer = options.hasCustomer;
    this.coachConnected = options.coachConnected;
    this.silence = new SilenceTimer(options.hasCustomer);
    this.view = { ...emptyView(), hasCustomer: options.hasCustomer, coachConnected: options.coachConnected, agentTrack: source.track('agent') ?? null };
  }

  speechStart(role: SpeakerRole, timeSec: number): void {
    this.open[role] = timeSec;
    const ended = this.silence.speechStart(role, timeSec);
    // With a coach, its silence and dead-air events fill the feed; without one, they are measured here.
    if (ended && !this.coachConnected && this.hasCustomer) this.addMeasuredSilence(ended.start, ended.end, ended.after);
  }

  speechEnd(role: SpeakerRole, timeSec: number): void {
    this.open[role] = null;
    this.silence.speechEnd(role, timeSec);
  }

  /** The coach's tone judgement; shown from the next frame on. */
  tone(state: ToneState): void {
    if (state.role === 'agent') this.pendingTone = state;
  }

  coachEvent(event: CoachEvent): void {
    // Pauses within a turn are too frequent to list while talking; the report has them all.
    if (event.type === 'pause') return;
    // A finished event replaces the ongoing entry it closes (same type and start).
    const feed = this.view.feed.filter((e) => !(e.end === null && e.type === event.type && Math.abs(e.start - event.start) < 0.02));
    this.pushFeed({ id: this.nextFeedId++, type: event.type, speaker: event.speaker, start: event.start, end: event.end, reasons: event.reasons, local: null }, feed);
  }

  coachOngoing(event: OngoingEvent): void {
    const reasons = event.advice ? [event.advice] : [];
    this.pushFeed({ id: this.nextFeedId++, type: event.type, speaker: event.speaker, start: event.start, end: null, reasons, local: null }, this.view.feed);
  }

  /** Folds everything that arrived since the last frame into a new view. */
  refresh(chunksWritten: number): LiveView {
    const now = this.source.durationSec;
    const agent = this.source.track('agent');
    const customer = this.source.track('customer');

    const silence = this.silence.at(now);
    if (silence.phase !== this.silencePhase) {
      this.silencePhase = silence.phase;
      if (isAnnouncedPhase(silence.phase)) this.spoken.push({ kind: 'silence', phase: silence.phase });
    }

    let tone = this.view.tone;
    const state = this.pendingTone;
    this.pendingTone = null;
    // Only the coach's labels are shown; 'neutral' too is its judgement, never a default here.
    if (state && state.labels.length > 0) {
      const label = state.labels[0];
      tone = { label, reasons: state.reasons, advice: state.advice };
      if (label !== this.toneLabel) {
        this.toneLabel = label;
        this.spoken.push({ kind: 'tone', label });
      }
    }

    const agentSec = agent ? this.totals.agent.at(agent.speech, this.open.agent, now) : 0;
    const customerSec = customer ? this.totals.customer.at(customer.speech, this.open.customer, now) : 0;
    this.view = {
      ...this.view,
      elapsedSec: now,
      agentTrack: agent ?? null,
      agentFrames: agent?.frameCount ?? 0,
      pace: agent ? paceAt({ syllableTimes: agent.syllableTimes, speech: agent.speech, openSpeechStart: this.open.agent, nowSec: now }) : null,
      agentLevel: agent ? this.levelOf('agent', agent, this.view.agentLevel) : null,
      customerLevel: customer ? this.levelOf('customer', customer, this.view.customerLevel) : null,
      silence,
      talkShare: customer ? talkShare(agentSec, customerSec) : null,
      tone,
      chunksWritten,
    };
    return this.view;
  }

  /** Hands over what the live region should say and forgets it. */
  takeSpoken(): Spoken[] {
    const spoken = this.spoken;
    this.spoken = [];
    return spoken;
  }

  /** Long silences without a coach: measured from the speech boundaries, by the coach's limits. */
  private addMeasuredSilence(start: number, end: number, after: SpeakerRole): void {
    const turns = defaultCoachNorms.turns;
    const sec = Math.round((end - start) * 10) / 10;
    if (after === 'agent' && end - start >= turns.silenceSec) {
      this.pushFeed({ id: this.nextFeedId++, type: 'silence', speaker: 'customer', start, end, reasons: [], local: pnote('practiceCall.feed.silence', { sec }) }, this.view.feed);
    } else if (after === 'customer' && end - start >= turns.deadAirSec) {
      this.pushFeed({ id: this.nextFeedId++, type: 'dead-air', start, end, reasons: [], local: pnote('practiceCall.feed.deadAir', { sec }) }, this.view.feed);
    }
  }

  private pushFeed(entry: FeedEntry, feed: FeedEntry[]): void {
    this.view = { ...this.view, feed: [entry, ...feed].slice(0, FEED_LIMIT) };
    this.spoken.push({ kind: 'event', entry });
  }

  /**
   * The loudest level among the frames since the last refresh (a short peak is never skipped),
   * falling back no faster than LEVEL_FALL_DB_PER_SEC.
   */
  private levelOf(role: SpeakerRole, track: SpeakerTrack, previous: LevelReading | null): LevelReading | null {
    const from = this.levelFrom[role];
    const to = track.frameCount;
    if (to === 0) return null;
    if (to === from) return previous;
    let db = -Infinity;
    for (let i = from; i < to; i++) db = Math.max(db, track.fields.levelDb.get(i));
    this.levelFrom[role] = to;
    if (previous && from > 0) db = Math.max(db, previous.db - ((to - from) / FRAMES_PER_SEC) * LEVEL_FALL_DB_PER_SEC);
    return { db };
  }
}
