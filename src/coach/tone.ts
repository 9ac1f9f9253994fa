import { note, type Note } from '../i18n/translate.ts';
import type { SpeakerRole, ToneLabel } from '../report/report-types.ts';
import type { CalibratedEvent, LoudnessCue, ToneMeasures, ToneState, VoiceBaseline } from './coach-events.ts';
import { round1 } from './round.ts';
import { Latch } from './latch.ts';
import type { ToneNorms } from './norms.ts';
import { RollingSpeech } from './rolling-speech.ts';
import type { WindowStats } from './speech-window.ts';
import type { VoiceProfile } from './voice-profile.ts';

export interface ToneSink {
  tone(state: ToneState): void;
  calibrated(event: CalibratedEvent): void;
}

/** What pitch and rate are compared with: a stored profile, else this call's calibration. */
type Reference = Pick<VoiceBaseline, 'pitchSdSemitones' | 'articulationRate'>;

/**
 * The agent's tone over a rolling window of their speech (silence left out), judged every
 * `tickSpeechSec` of new speech against population norms and the speaker's own baseline:
 * monotone, rushed (both can hold), warm, or neutral, plus too quiet / too loud. Each label has
 * hysteresis (Latch), and a new ToneState is given only when the labels or cues change.
 */
export class ToneTracker {
  private readonly role: SpeakerRole;
  private readonly norms: ToneNorms;
  private readonly profile: VoiceProfile | undefined;
  private readonly sink: ToneSink;
  private readonly speech: RollingSpeech;
  private readonly monotone: Latch;
  private readonly rushed: Latch;
  private readonly warm: Latch;
  private readonly quiet: Latch;
  private readonly loud: Latch;
  private lastKey = '';

  constructor(role: SpeakerRole, norms: ToneNorms, profile: VoiceProfile | undefined, sink: ToneSink) {
    this.role = role;
    this.norms = norms;
    this.profile = profile;
    this.sink = sink;
    this.speech = new RollingSpeech(
      role,
      { windowSec: norms.windowSpeechSec, calibrationSec: norms.calibrationSpeechSec, tickSec: norms.tickSpeechSec, maxPauseSec: norms.maxCountedPauseSec },
      (event) => sink.calibrated(event),
    );
    // Primed: the first judgement has no earlier state to hold on to.
    const latch = () => new Latch(norms.onTicks, norms.offTicks, true);
    this.monotone = latch();
    this.rushed = latch();
    this.warm = latch();
    this.quiet = latch();
    this.loud = latch();
  }

  /** This call's baseline, once the first stretch of speech has been heard. */
  get baseline(): VoiceBaseline | null {
    return this.speech.baseline;
  }

  /**
   * One frame of this speaker's speech (centred at `time`), with the pause before it and its
   * syllable nuclei; `now` is the stream time the coach has reached.
   */
  pushSpeech(time: number, f0Hz: number, levelDb: number, pauseBeforeSec: number, syllables: number, now: number): void {
    if (!this.speech.push(f0Hz, levelDb, pauseBeforeSec, syllables, now)) return;
    // Pitch and rate against a stored profile, else this call's calibration; no labels before either.
    const reference: Reference | null = this.profile ?? this.speech.baseline;
    if (!reference || this.speech.speechSec < this.norms.minWindowSpeechSec) return;
    this.judge(this.speech.stats(), reference, time, now);
  }

  private judge(stats: WindowStats, reference: Reference, time: number, now: number): void {
    const n = this.norms;
    const m = measuresOf(stats, this.speech.baseline, n);
    const monotoneLimit = monotoneLimitFor(reference, n);
    const sd = m.pitchSdSemitones;
    const monotone = this.monotone.update(sd !== null && sd < monotoneLimit, sd !== null && sd > monotoneLimit + n.monotone.releaseSt);

    const r = n.rushed;
    // The population's limit, or a clear step up from a slow speaker's own rate (not below a floor).
    const rateLimit = Math.min(r.maxArticulationRate, Math.max(r.ownFloorRate, r.ownRatio * reference.articulationRate));
    const wpmRelease = r.maxWordsPerMin * (1 - r.releaseRate / r.maxArticulationRate);
    const fast = m.articulationRate > rateLimit || m.wordsPerMin > r.maxWordsPerMin;
    const slow = m.articulationRate < rateLimit - r.releaseRate && m.wordsPerMin < wpmRelease;
    const rushed = this.rushed.update(fast && m.pauseShare < r.maxPauseShare, slow || m.pauseShare > r.maxPauseShare + r.releasePauseShare);

    const warmItems = warmItemsOf(m, monotoneLimit, n);
    const allWarm = warmItems.every(Boolean);
    const warm = this.warm.update(allWarm, !allWarm);

    const l = n.loudness;
    const calibrated = this.speech.baseline !== null;
    const level = m.levelVsBaselineDb;
    const quiet = this.quiet.update(calibrated && level < -l.quietDb, level > -l.quietDb + l.releaseDb);
    const loud = this.loud.update(calibrated && level > l.loudDb, level < l.loudDb - l.releaseDb);

    const labels: ToneLabel[] = [];
    if (rushed) labels.push('rushed');
    if (monotone) labels.push('monotone');
    if (warm && !rushed && !monotone) labels.push('warm');
    if (labels.length === 0) labels.push('neutral');
    const cues: LoudnessCue[] = [];
    if (quiet) cues.push('too-quiet');
    if (loud) cues.push('too-loud');
    const key = `${labels.join()}|${cues.join()}`;
    if (key === this.lastKey) return;
    this.lastKey = key;
    const { reasons, advice } = explain(labels, cues, m, reference, monotoneLimit, rateLimit, n);
    this.sink.tone({ role: this.role, at: time, labels, cues, reasons, advice, measures: m, decidedAt: now });
  }
}

function measuresOf(stats: WindowStats, baseline: VoiceBaseline | null, n: ToneNorms): ToneMeasures {
  return {
    windowSpeechSec: stats.speechSec,
    pitchSdSemitones: stats.voicedSec >= n.minVoicedSec ? stats.pitchSdSemitones : null,
    articulationRate: stats.articulationRate,
    wordsPerMin: (stats.speechRate * 60) / n.rushed.syllablesPerWord,
    pauseShare: stats.pauseShare,
    levelVsBaselineDb: baseline ? stats.levelDb - baseline.levelDb : 0,
    levelSpreadDb: stats.levelSpreadDb,
  };
}

/**
 * Below this SD the voice is flat: the population norm, or for a speaker whose own range is
 * narrower, a share of their own usual variation, never below `floorSt`.
 */
function monotoneLimitFor(reference: Reference, n: ToneNorms): number {
  const m = n.monotone;
  return Math.min(m.maxSdSt, Math.max(m.floorSt, m.ownRatio * reference.pitchSdSemitones));
}

/** The items of warmth, each checkable: [varied intonation, moderate rate, pauses, steady loudness]. */
function warmItemsOf(m: ToneMeasures, monotoneLimit: number, n: ToneNorms): boolean[] {
  const w = n.warm;
  return [
    // Clearly above the speaker's monotone limit (the population's 2 st, or their own).
    m.pitchSdSemitones !== null && m.pitchSdSemitones >= monotoneLimit + n.monotone.releaseSt,
    m.articulationRate >= w.minArticulationRate && m.articulationRate <= w.maxArticulationRate && m.wordsPerMin <= n.rushed.maxWordsPerMin,
    m.pauseShare >= w.minPauseShare,
    m.levelSpreadDb <= w.maxLevelSpreadDb && Math.abs(m.levelVsBaselineDb) < n.loudness.loudDb,
  ];
}

function explain(
  labels: ToneLabel[],
  cues: LoudnessCue[],
  m: ToneMeasures,
  reference: Reference,
  monotoneLimit: number,
  rateLimit: number,
  n: ToneNorms,
): { reasons: Note[]; advice: Note[] } {
  const reasons: Note[] = [];
  const advice: Note[] = [];
  const window = Math.round(m.windowSpeechSec);
  const sd = round1(m.pitchSdSemitones ?? 0);
  const share = Math.round(m.pauseShare * 100);
  const rate = round1(m.articulationRate);
  const { livelyLowSt: low, livelyHighSt: high } = n.monotone;
  if (labels.includes('rushed')) {
    const r = n.rushed;
    if (m.articulationRate > rateLimit) reasons.push(note('tone.rushed.articulation', { rate, window, max: round1(rateLimit) }));
    if (m.wordsPerMin > r.maxWordsPerMin) reasons.push(note('tone.rushed.wordRate', { wpm: Math.round(m.wordsPerMin), max: r.maxWordsPerMin }));
    reasons.push(note('tone.rushed.pauses', { share, max: Math.round(r.maxPauseShare * 100) }));
    reasons.push(note('tone.rushed.own', { rate: round1(reference.articulationRate) }));
    advice.push(note('tone.rushed.advice'));
  }
  if (labels.includes('monotone')) {
    reasons.push(note('tone.monotone.reason', { sd, window, low, high }));
    reasons.push(note('tone.monotone.own', { own: round1(reference.pitchSdSemitones), limit: round1(monotoneLimit) }));
    advice.push(note('tone.monotone.advice'));
  }
  if (labels.includes('warm')) {
    const w = n.warm;
    reasons.push(note('tone.warm.pitch', { sd, low, high }));
    reasons.push(note('tone.warm.rate', { rate, min: w.minArticulationRate, max: w.maxArticulationRate }));
    reasons.push(note('tone.warm.pauses', { share }));
    reasons.push(note('tone.warm.loudness', { spread: Math.round(m.levelSpreadDb), max: w.maxLevelSpreadDb }));
    advice.push(note('tone.warm.advice'));
  }
  if (labels.includes('neutral')) reasons.push(note('tone.neutral.reason', { sd, rate, share, window }));
  const level = round1(Math.abs(m.levelVsBaselineDb));
  if (cues.includes('too-quiet')) {
    reasons.push(note('tone.quiet.reason', { db: level, limit: n.loudness.quietDb }));
    advice.push(note('tone.quiet.advice'));
  }
  if (cues.includes('too-loud')) {
    reasons.push(note('tone.loud.reason', { db: level, limit: n.loudness.loudDb }));
    advice.push(note('tone.loud.advice'));
  }
  return { reasons, advice };
}
