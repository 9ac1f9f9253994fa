import { HOP_SEC } from '../dsp/config.ts';
import type { SpeakerTrack } from '../analysis/speaker-track.ts';
import { coachTracks, type CoachReportOptions } from '../coach/coach-report.ts';
import {
  REPORT_SCHEMA,
  type Report,
  type ReportEvent,
  type Speaker,
  type SpeakerRole,
  type SpeakerSummary,
  type TimeSpan,
} from './report-types.ts';

export interface TrackForReport {
  role: SpeakerRole;
  channel: number;
  track: SpeakerTrack;
}

export interface ReportInput {
  tracks: TrackForReport[];
  durationSec: number;
  sampleRate: number;
  source?: Report['source'];
  /** Language, norms and the agent's stored profile for the coaching (src/coach). */
  coach?: CoachReportOptions;
}

/**
 * Builds the report from what the core measured on each channel. The events (pauses, silences,
 * overlaps, sighs…), each speaker's tone and the turn-taking figures come from the coach, the
 * same one the live app runs, so a report and a live session agree.
 */
export function buildReport(input: ReportInput): Report {
  const totalSpeech = input.tracks.reduce((sum, t) => sum + totalDuration(t.track.speech), 0);
  const coaching = coachTracks(input.tracks, input.coach);
  const speakers: Report['speakers'] = {};
  for (const { role, channel, track } of input.tracks) {
    const speaker = buildSpeaker(track, channel, totalSpeech);
    Object.assign(speaker.summary, coaching.summaries[role]);
    speaker.tone = coaching.tone[role] ?? [];
    speakers[role] = speaker;
  }
  const events: ReportEvent[] = coaching.events;
  return {
    schema: REPORT_SCHEMA,
    durationSec: round(input.durationSec, 6),
    sampleRate: input.sampleRate,
    speakers,
    events,
    ...(input.source ? { source: input.source } : {}),
  };
}

function buildSpeaker(track: SpeakerTrack, channel: number, totalSpeech: number): Speaker {
  const f0 = track.fields.f0Hz.view();
  const level = track.fields.levelDb.view();
  return {
    channel,
    frames: {
      hopSec: HOP_SEC,
      startSec: 0,
      f0Hz: Array.from(f0, (v) => round(v, 3)),
      levelDb: Array.from(level, (v) => round(v, 3)),
    },
    speech: track.speech.map((s) => ({ start: round(s.start, 3), end: round(s.end, 3) })),
    summary: summarise(track, f0, totalSpeech),
    tone: [],
  };
}

function summarise(track: SpeakerTrack, f0: Float32Array, totalSpeech: number): SpeakerSummary {
  const speechSec = totalDuration(track.speech);
  const pitch = pitchStatistics(f0);
  const syllables = track.syllableTimes.length;
  const span = track.speech.length > 0 ? track.speech[track.speech.length - 1].end - track.speech[0].start : 0;
  return {
    speechSec: round(speechSec, 3),
    talkShare: totalSpeech > 0 ? round(speechSec / totalSpeech, 4) : 0,
    meanF0Hz: round(pitch.meanHz, 2),
    pitchSdSemitones: round(pitch.sdSemitones, 3),
    syllables,
    speechRate: span > 0 ? round(syllables / span, 3) : 0,
    articulationRate: speechSec > 0 ? round(syllables / speechSec, 3) : 0,
    syllableTimes: track.syllableTimes.map((t) => round(t, 3)),
  };
}

/** Mean F0 in Hz and the standard deviation of F0 in semitones, over voiced frames (f0 > 0). */
export function pitchStatistics(f0: ArrayLike<number>, from = 0, to = f0.length): { meanHz: number; sdSemitones: number; voiced: number } {
  let n = 0;
  let sumHz = 0;
  let sumSt = 0;
  let sumSt2 = 0;
  for (let i = from; i < to; i++) {
    const hz = f0[i];
    if (hz <= 0) continue;
    const st = 12 * Math.log2(hz);
    n++;
    sumHz += hz;
    sumSt += st;
    sumSt2 += st * st;
  }
  if (n === 0) return { meanHz: 0, sdSemitones: 0, voiced: 0 };
  const meanSt = sumSt / n;
  return { meanHz: sumHz / n, sdSemitones: Math.sqrt(Math.max(0, sumSt2 / n - meanSt * meanSt)), voiced: n };
}

function totalDuration(spans: TimeSpan[]): number {
  return spans.reduce((sum, s) => sum + (s.end - s.start), 0);
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
