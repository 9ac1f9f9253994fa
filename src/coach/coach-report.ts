/**
 * The coach's findings in the report's form: the same CallCoach the live app runs, given the
 * finished tracks in one go, with its notes rendered as text in the report's language.
 */
import type { Locale } from '../i18n/messages.ts';
import { renderNote, type Note } from '../i18n/translate.ts';
import type { MessageRef, ReportEvent, SpeakerRole, SpeakerSummary, ToneMeasures, ToneWindow } from '../report/report-types.ts';
import { CallCoach, type CoachOptions, type CoachResult, type CoachTrack } from './call-coach.ts';
import type { CoachEvent, ToneState } from './coach-events.ts';
import type { TurnNorms } from './norms.ts';
import { round } from './round.ts';
import { quantile } from './speech-window.ts';

export interface CoachReportOptions extends CoachOptions {
  /** Language of the reasons and advice (default English). */
  locale?: Locale;
  /** Also keep each reason and piece of advice as its message, so a viewer can switch language (the app). */
  messages?: boolean;
}

/** What the coach adds to a report: events, each speaker's tone, and summary fields. */
export interface CoachReport {
  events: ReportEvent[];
  tone: Partial<Record<SpeakerRole, ToneWindow[]>>;
  summaries: Partial<Record<SpeakerRole, Partial<SpeakerSummary>>>;
  result: CoachResult;
}

export function coachTracks(tracks: readonly CoachTrack[], options: CoachReportOptions = {}): CoachReport {
  const texts: Texts = { locale: options.locale ?? 'en', messages: options.messages ?? false };
  const coach = new CallCoach(
    tracks.map((t) => t.role),
    options,
  );
  coach.advance(tracks);
  const result = coach.finish(tracks);
  const tone: CoachReport['tone'] = {};
  const summaries: CoachReport['summaries'] = {};
  for (const { role, track } of tracks) {
    const states = result.tone.filter((s) => s.role === role);
    const lastSpeech = track.speech.length > 0 ? track.speech[track.speech.length - 1].end : 0;
    if (states.length > 0) tone[role] = states.map((state, i) => toneWindow(state, states[i + 1]?.at ?? Math.max(state.at, lastSpeech), texts));
    summaries[role] = summaryOf(role, result, coach.norms.turns);
  }
  return { events: result.events.map((e) => reportEvent(e, texts)), tone, summaries, result };
}

/** How the coach's notes become the report's texts: in `locale`, and with their messages when asked. */
interface Texts {
  locale: Locale;
  messages: boolean;
}

/** A note as a message of the report: a copy, so the report shares nothing with the coach. */
function messageOf(note: Note): MessageRef {
  return { key: note.key, params: { ...note.params } };
}

function reportEvent(e: CoachEvent, texts: Texts): ReportEvent {
  return {
    type: e.type,
    ...(e.speaker ? { speaker: e.speaker } : {}),
    start: round(e.start, 3),
    end: round(e.end, 3),
    ...(e.confidence !== undefined ? { confidence: e.confidence } : {}),
    reasons: e.reasons.map((n) => renderNote(texts.locale, n)),
    ...(e.advice ? { advice: renderNote(texts.locale, e.advice) } : {}),
    ...(texts.messages ? { reasonMessages: e.reasons.map(messageOf), ...(e.advice ? { adviceMessage: messageOf(e.advice) } : {}) } : {}),
  };
}

function toneWindow(state: ToneState, end: number, texts: Texts): ToneWindow {
  return {
    start: round(state.at, 3),
    end: round(end, 3),
    label: state.labels[0],
    labels: state.labels,
    cues: state.cues,
    reasons: state.reasons.map((n) => renderNote(texts.locale, n)),
    advice: state.advice.map((n) => renderNote(texts.locale, n)),
    ...(texts.messages ? { reasonMessages: state.reasons.map(messageOf), adviceMessages: state.advice.map(messageOf) } : {}),
    measures: roundMeasures(state.measures),
  };
}

function roundMeasures(m: ToneMeasures): ToneMeasures {
  return {
    windowSpeechSec: round(m.windowSpeechSec, 2),
    pitchSdSemitones: m.pitchSdSemitones === null ? null : round(m.pitchSdSemitones, 2),
    articulationRate: round(m.articulationRate, 2),
    wordsPerMin: round(m.wordsPerMin, 0),
    pauseShare: round(m.pauseShare, 3),
    levelVsBaselineDb: round(m.levelVsBaselineDb, 1),
    levelSpreadDb: round(m.levelSpreadDb, 1),
  };
}

function summaryOf(role: SpeakerRole, result: CoachResult, norms: TurnNorms): Partial<SpeakerSummary> {
  const summary: Partial<SpeakerSummary> = {};
  const turns = result.turns[role];
  if (turns) {
    const times = turns.responseTimesSec.map((t) => round(t, 3));
    summary.turns = turns.turns;
    summary.longestMonologueSec = round(turns.longestTurnSec, 3);
    summary.responseTimesSec = times;
    if (times.length > 0) summary.medianResponseSec = round(quantile([...times].sort((a, b) => a - b), 0.5), 3);
    summary.slowResponses = times.filter((t) => t > norms.longGapSec).length;
    summary.earlyResponses = times.filter((t) => t < 0).length;
    summary.backchannels = result.events.filter((e) => e.type === 'backchannel' && e.speaker === role).length;
    summary.interruptions = result.events.filter((e) => e.type === 'interruption' && e.speaker === role).length;
  }
  const baseline = result.baselines[role];
  if (baseline) {
    summary.baseline = {
      speechSec: round(baseline.speechSec, 2),
      medianF0Hz: round(baseline.medianF0Hz, 1),
      pitchSdSemitones: round(baseline.pitchSdSemitones, 2),
      articulationRate: round(baseline.articulationRate, 2),
      levelDb: round(baseline.levelDb, 1),
    };
  }
  return summary;
}
