/**
 * Coaching tips tied to moments in this call, grounded in active listening: let silences be, do
 * not interrupt, summarise, ask open questions, keep a lively and unhurried voice. Each tip says
 * what happened when ("at 0:18 …") and, where the coaching module has one, its advice text.
 *
 * The coach's norms (src/coach/norms.ts) set the thresholds it shares with the live view; the few
 * that only the report card uses are in TIP_NORMS with their reasons.
 */
import { defaultCoachNorms } from '../../coach/norms.ts';
import type { Locale } from '../../i18n/messages.ts';
import { t, type ParamsArgument } from '../../i18n/translate.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import type { Report, ReportEvent, ReportEventType, ToneLabel } from '../../report/report-types.ts';
import { formatClock, formatNumber, formatPercent, formatSeconds } from '../format.ts';
import { uiText } from '../i18n/ui-text.ts';
import { responseGaps, turnsOf, type ResponseGap, type Turn } from './turn-taking.ts';

export const TIP_NORMS = {
  /**
   * Above this share of the talking the agent is explaining more than listening; in service calls
   * the customer should carry at least half (a working norm of contact-centre coaching).
   */
  agentTalkShareHigh: 0.6,
  /** At or below this the customer had the room: worth saying so. */
  agentTalkShareGood: 0.5,
  /** A customer turn this long tells a story worth summarising back, s. */
  summariseAfterSec: 3,
  /** Customer turns this short on average (and at least `minTurns` of them) suggest closed questions, s. */
  shortAnswerSec: 2.5,
  minTurns: 3,
} as const;

export type TipKind = 'praise' | 'suggestion';

export interface CoachingTip {
  kind: TipKind;
  /** The moment in the call the tip is about, s; absent for the call as a whole. */
  at?: number;
  /** What happened, in `locale`. */
  text(locale: Locale): string;
  /** What to do, from the coaching module's texts where it has one. */
  advice?(locale: Locale): string;
}

const norms = defaultCoachNorms;

export function coachingTips(report: Report): CoachingTip[] {
  const turns = turnsOf(report);
  const gaps = responseGaps(turns);
  const tips = [
    roomGiven(report, gaps),
    interruption(report, gaps),
    summariseMoment(turns),
    openQuestions(turns),
    talkShare(report),
    toneTip(report, 'monotone', 'tone.monotone.advice'),
    toneTip(report, 'rushed', 'tone.rushed.advice'),
    customerEvent(report, 'sigh', 'sigh.advice'),
    customerEvent(report, 'agitation', 'agitation.advice'),
    backchannels(report),
    deadAir(report),
  ].filter((tip): tip is CoachingTip => tip !== null);
  // Moments in call order, then the tips about the call as a whole.
  return tips.sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity));
}

/** The coaching module's texts that take no parameters: its advice sentences. */
type AdviceKey = { [K in MessageKey]: ParamsArgument<K> extends [] ? K : never }[MessageKey];

function advice(key: AdviceKey): (locale: Locale) => string {
  return (locale) => t(locale, key);
}

function eventsOf(report: Report, type: ReportEventType, speaker?: ReportEvent['speaker']): ReportEvent[] {
  return report.events.filter((e) => e.type === type && (speaker === undefined || e.speaker === speaker));
}

/** The longest wait for the customer after the agent: the coach's silence events, else turn gaps. */
function roomGiven(report: Report, gaps: ResponseGap[]): CoachingTip | null {
  const silences = eventsOf(report, 'silence', 'customer').map((e) => ({ start: e.start, sec: e.end - e.start }));
  const waits = silences.length > 0 ? silences : gaps.filter((g) => g.speaker === 'customer').map((g) => ({ start: g.after, sec: g.gapSec }));
  const longest = waits.reduce<{ start: number; sec: number } | null>((best, w) => (!best || w.sec > best.sec ? w : best), null);
  if (!longest || longest.sec < norms.turns.silenceSec) return null;
  return {
    kind: 'praise',
    at: longest.start,
    text: (locale) => uiText(locale, 'tip.room', { time: formatClock(longest.start), seconds: formatSeconds(locale, longest.sec) }),
    advice: advice('silence.advice'),
  };
}

/** The agent starting over the customer: the coach's interruption events, else overlapping answers. */
function interruption(report: Report, gaps: ResponseGap[]): CoachingTip | null {
  const events = eventsOf(report, 'interruption', 'agent');
  const cuts =
    events.length > 0
      ? events.map((e) => ({ at: e.start, overlap: e.end - e.start }))
      : gaps.filter((g) => g.speaker === 'agent' && -g.gapSec >= norms.turns.interruptionMinOverlapSec).map((g) => ({ at: g.start, overlap: -g.gapSec }));
  const first = cuts[0];
  if (first) {
    return {
      kind: 'suggestion',
      at: first.at,
      text: (locale) =>
        uiText(locale, 'tip.interrupted', { time: formatClock(first.at), seconds: formatSeconds(locale, first.overlap), count: String(cuts.length) }),
      advice: advice('interruption.adviceAgent'),
    };
  }
  const answers = gaps.filter((g) => g.speaker === 'agent');
  if (answers.length < 2 || answers.some((g) => g.gapSec < 0)) return null;
  return { kind: 'praise', text: (locale) => uiText(locale, 'tip.noInterruptions') };
}

function summariseMoment(turns: Turn[]): CoachingTip | null {
  const longest = turns
    .filter((turn) => turn.speaker === 'customer')
    .reduce<Turn | null>((best, turn) => (!best || turn.end - turn.start > best.end - best.start ? turn : best), null);
  if (!longest || longest.end - longest.start < TIP_NORMS.summariseAfterSec) return null;
  return {
    kind: 'suggestion',
    at: longest.end,
    text: (locale) => uiText(locale, 'tip.summarise', { start: formatClock(longest.start), end: formatClock(longest.end) }),
  };
}

function openQuestions(turns: Turn[]): CoachingTip | null {
  const answers = turns.filter((turn) => turn.speaker === 'customer');
  if (answers.length < TIP_NORMS.minTurns) return null;
  const meanSec = answers.reduce((sum, turn) => sum + turn.end - turn.start, 0) / answers.length;
  if (meanSec >= TIP_NORMS.shortAnswerSec) return null;
  return { kind: 'suggestion', text: (locale) => uiText(locale, 'tip.openQuestions', { seconds: formatSeconds(locale, meanSec) }) };
}

function talkShare(report: Report): CoachingTip | null {
  const agent = report.speakers.agent?.summary;
  if (!agent || !report.speakers.customer) return null;
  const share = agent.talkShare;
  if (share > TIP_NORMS.agentTalkShareHigh) {
    return { kind: 'suggestion', text: (locale) => uiText(locale, 'tip.talkShareHigh', { percent: formatPercent(locale, share) }) };
  }
  if (share <= TIP_NORMS.agentTalkShareGood) {
    return { kind: 'praise', text: (locale) => uiText(locale, 'tip.talkShareGood', { percent: formatPercent(locale, share) }) };
  }
  return null;
}

/**
 * The agent's first stretch with this tone label, from the report's tone windows; without
 * windows, the call-wide figure against the same norm the live coach uses.
 */
function toneTip(report: Report, label: Extract<ToneLabel, 'monotone' | 'rushed'>, adviceKey: AdviceKey): CoachingTip | null {
  const agent = report.speakers.agent;
  if (!agent) return null;
  const window = agent.tone.find((w) => w.label === label);
  if (window) {
    const key = label === 'monotone' ? 'tip.monotoneAt' : 'tip.rushedAt';
    return { kind: 'suggestion', at: window.start, text: (locale) => uiText(locale, key, { time: formatClock(window.start) }), advice: advice(adviceKey) };
  }
  if (agent.tone.length > 0) return null;
  const { pitchSdSemitones, articulationRate, speechSec } = agent.summary;
  if (speechSec < norms.tone.minWindowSpeechSec) return null;
  if (label === 'monotone' && pitchSdSemitones > 0 && pitchSdSemitones < norms.tone.monotone.maxSdSt) {
    return {
      kind: 'suggestion',
      text: (locale) => uiText(locale, 'tip.monotoneOverall', { sd: formatNumber(locale, pitchSdSemitones) }),
      advice: advice(adviceKey),
    };
  }
  if (label === 'rushed' && articulationRate > norms.tone.rushed.maxArticulationRate) {
    return {
      kind: 'suggestion',
      text: (locale) => uiText(locale, 'tip.rushedOverall', { rate: formatNumber(locale, articulationRate) }),
      advice: advice(adviceKey),
    };
  }
  return null;
}

function customerEvent(report: Report, type: 'sigh' | 'agitation', adviceKey: AdviceKey): CoachingTip | null {
  const first = eventsOf(report, type, 'customer')[0];
  if (!first) return null;
  const key = type === 'sigh' ? 'tip.sigh' : 'tip.agitation';
  return { kind: 'suggestion', at: first.start, text: (locale) => uiText(locale, key, { time: formatClock(first.start) }), advice: advice(adviceKey) };
}

function backchannels(report: Report): CoachingTip | null {
  const events = eventsOf(report, 'backchannel', 'agent');
  const first = events[0];
  if (!first) return null;
  return {
    kind: 'praise',
    at: first.start,
    text: (locale) => uiText(locale, 'tip.backchannel', { time: formatClock(first.start), count: String(events.length) }),
    advice: advice('backchannel.advice'),
  };
}

function deadAir(report: Report): CoachingTip | null {
  const first = eventsOf(report, 'dead-air')[0];
  if (!first) return null;
  return {
    kind: 'suggestion',
    at: first.start,
    text: (locale) => uiText(locale, 'tip.deadAir', { time: formatClock(first.start), seconds: formatSeconds(locale, first.end - first.start) }),
    advice: advice('deadAir.advice'),
  };
}
