/**
 * What the coach tells its listeners. The same objects serve the live stream (the app subscribes
 * with `coach.on(...)`) and the report (src/coach/coach-report.ts renders the notes as text).
 */
import type { Note } from '../i18n/translate.ts';
import type { LoudnessCue, ReportEventType, SpeakerRole, ToneLabel, ToneMeasures } from '../report/report-types.ts';

export type { LoudnessCue, ToneMeasures };

/** A finished event: its start and end are known. */
export interface CoachEvent {
  type: ReportEventType;
  /** Whose event it is: who paused, sighed, cut in, or who stayed silent. Absent for dead air. */
  speaker?: SpeakerRole;
  start: number;
  end: number;
  /** 0–1, where the decision is graded (sighs, agitation). */
  confidence?: number;
  /** What was measured, against which norm. */
  reasons: Note[];
  /** What a coach would suggest. */
  advice?: Note;
  /**
   * Stream time at which the coach decided, s: a live listener heard of it then. Equal live and
   * offline, since decisions are made frame by frame with a fixed delay.
   */
  decidedAt: number;
}

/** Something under way whose end is not known yet (a silence passing 3 s, agitation rising). */
export interface OngoingEvent {
  type: 'silence' | 'dead-air' | 'agitation';
  speaker?: SpeakerRole;
  start: number;
  advice?: Note;
  decidedAt: number;
}

/** The agent's tone from `at` on, until the next ToneState. */
export interface ToneState {
  role: SpeakerRole;
  at: number;
  /** Most pressing first: rushed, monotone, warm; ['neutral'] when none applies. */
  labels: ToneLabel[];
  cues: LoudnessCue[];
  reasons: Note[];
  advice: Note[];
  measures: ToneMeasures;
  decidedAt: number;
}

/** A speaker's own reference, measured over their first stretch of speech in the call. */
export interface VoiceBaseline {
  speechSec: number;
  medianF0Hz: number;
  pitchSdSemitones: number;
  articulationRate: number;
  /** Median speech level, dBFS: depends on the microphone, so only compared within a call. */
  levelDb: number;
}

export interface CalibratedEvent {
  role: SpeakerRole;
  baseline: VoiceBaseline;
  decidedAt: number;
}

/** The live stream's event map: `coach.on('event', e => …)`. */
export interface CoachEventMap {
  event: CoachEvent;
  ongoing: OngoingEvent;
  tone: ToneState;
  calibrated: CalibratedEvent;
}

/** Where trackers hand their findings; the coach forwards them to listeners and keeps them. */
export interface CoachSink {
  event(event: CoachEvent): void;
  ongoing(event: OngoingEvent): void;
}
