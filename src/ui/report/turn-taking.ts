/**
 * Turns and response times. The coach puts each speaker's response times into the report's
 * summary, and those are what the card shows; reports made before that (older sessions) have
 * only speech segments, and for them, and for the tips that need to know *when* a turn was, the
 * turns are derived here from the segments, by the coach's own thresholds.
 */
import { defaultCoachNorms } from '../../coach/norms.ts';
import type { Report, SpeakerRole, TimeSpan } from '../../report/report-types.ts';

export interface Turn extends TimeSpan {
  speaker: SpeakerRole;
}

/** From the end of one speaker's turn to the start of the other's; negative when they overlapped. */
export interface ResponseGap {
  /** Who answered. */
  speaker: SpeakerRole;
  /** End of the turn being answered, s. */
  after: number;
  /** Start of the answer, s. */
  start: number;
  gapSec: number;
}

export interface ResponseSummary {
  speaker: SpeakerRole;
  /** Answers that started after the other had finished. */
  count: number;
  medianSec: number;
  longest: ResponseGap | null;
  /** Answers that started while the other was still speaking. */
  overlapping: number;
}

/**
 * The call as alternating turns. A speaker's segments split by less than a pause are one stretch
 * of speech; a short stretch lying wholly inside the other speaker's (a "ja", "mm") is a
 * backchannel, which neither takes the floor nor ends the other's turn. Thresholds are the
 * coach's, so the card and the live view agree on what a pause and a backchannel are.
 */
export function turnsOf(report: Report): Turn[] {
  const { pauseMinSec, backchannelMaxSec } = defaultCoachNorms.turns;
  const stretches: Turn[] = [];
  for (const role of ['agent', 'customer'] as const) {
    for (const span of report.speakers[role]?.speech ?? []) {
      const last = stretches.at(-1);
      if (last && last.speaker === role && span.start - last.end < pauseMinSec) last.end = Math.max(last.end, span.end);
      else stretches.push({ speaker: role, start: span.start, end: span.end });
    }
  }
  stretches.sort((a, b) => a.start - b.start);
  const inside = {
    agent: containment(stretches.filter((s) => s.speaker === 'customer')),
    customer: containment(stretches.filter((s) => s.speaker === 'agent')),
  };
  const floorTaking = stretches.filter((s) => s.end - s.start > backchannelMaxSec || !inside[s.speaker](s));
  const turns: Turn[] = [];
  for (const stretch of floorTaking) {
    const last = turns.at(-1);
    if (last && last.speaker === stretch.speaker) last.end = Math.max(last.end, stretch.end);
    else turns.push({ ...stretch });
  }
  return turns;
}

/**
 * Whether a span lies wholly inside one of `others` (sorted by start): the latest end among the
 * stretches starting at or before it reaches its end. A binary search over running maxima, since
 * an hour-long call has thousands of stretches and comparing every pair took tens of milliseconds.
 */
function containment(others: readonly TimeSpan[]): (span: TimeSpan) => boolean {
  const reach: number[] = [];
  for (const other of others) reach.push(Math.max(reach.at(-1) ?? Number.NEGATIVE_INFINITY, other.end));
  return (span) => {
    // The last stretch starting at or before the span.
    let low = 0;
    let high = others.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (others[middle].start <= span.start) low = middle + 1;
      else high = middle;
    }
    return low > 0 && reach[low - 1] >= span.end;
  };
}

export function responseGaps(turns: readonly Turn[]): ResponseGap[] {
  const gaps: ResponseGap[] = [];
  for (let i = 1; i < turns.length; i++) {
    const previous = turns[i - 1];
    const turn = turns[i];
    gaps.push({ speaker: turn.speaker, after: previous.end, start: turn.start, gapSec: turn.start - previous.end });
  }
  return gaps;
}

/** How `speaker` answered: the median and longest wait over answers that did not overlap. */
export function summariseResponses(gaps: readonly ResponseGap[], speaker: SpeakerRole): ResponseSummary {
  const own = gaps.filter((g) => g.speaker === speaker);
  const waited = own.filter((g) => g.gapSec >= 0).sort((a, b) => a.gapSec - b.gapSec);
  const middle = waited.length / 2;
  const medianSec =
    waited.length === 0
      ? 0
      : waited.length % 2 === 1
        ? waited[Math.floor(middle)].gapSec
        : (waited[middle - 1].gapSec + waited[middle].gapSec) / 2;
  return {
    speaker,
    count: waited.length,
    medianSec,
    longest: waited.at(-1) ?? null,
    overlapping: own.length - waited.length,
  };
}

/** What the report card shows per speaker. */
export interface ResponseFigures {
  count: number;
  medianSec: number;
  longestSec: number | null;
  /** When the longest wait began (the end of the turn answered); known only when derived here. */
  longestAfter?: number;
  overlapping: number;
}

/** The coach's response times when the report has them, otherwise derived from the segments. */
export function responseFigures(report: Report, speaker: SpeakerRole): ResponseFigures {
  const summary = report.speakers[speaker]?.summary;
  if (summary?.responseTimesSec) {
    const waited = summary.responseTimesSec.filter((t) => t >= 0);
    return {
      count: waited.length,
      medianSec: summary.medianResponseSec ?? 0,
      longestSec: waited.length > 0 ? Math.max(...waited) : null,
      overlapping: summary.responseTimesSec.length - waited.length,
    };
  }
  const own = summariseResponses(responseGaps(turnsOf(report)), speaker);
  return {
    count: own.count,
    medianSec: own.medianSec,
    longestSec: own.longest?.gapSec ?? null,
    ...(own.longest ? { longestAfter: own.longest.after } : {}),
    overlapping: own.overlapping,
  };
}
