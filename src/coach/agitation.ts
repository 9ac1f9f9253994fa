import { note, type Note } from '../i18n/translate.ts';
import type { SpeakerRole } from '../report/report-types.ts';
import type { CalibratedEvent, CoachSink, VoiceBaseline } from './coach-events.ts';
import { round1 } from './round.ts';
import { Latch } from './latch.ts';
import type { AgitationNorms } from './norms.ts';
import { RollingSpeech } from './rolling-speech.ts';
import type { WindowStats } from './speech-window.ts';

/** How far each cue has risen over the speaker's own baseline. */
interface Rises {
  pitchSt: number;
  loudnessDb: number;
  /** Articulation rate over the baseline's, minus 1. */
  rate: number;
}

interface Agitated {
  start: number;
  end: number;
  confidence: number;
  reasons: Note[];
}

/**
 * Customer agitation: their median pitch, loudness and rate over a rolling window of their speech,
 * each against their own first stretch of speech in the call. When at least `minCues` rise clearly
 * (for `onTicks` judgements in a row) the customer is agitated until the cues fall back. Gives an
 * ongoing notice when it starts and an event, with the strongest moment's reasons, when it ends.
 */
export class AgitationTracker {
  private readonly role: SpeakerRole;
  private readonly norms: AgitationNorms;
  private readonly sink: CoachSink;
  private readonly speech: RollingSpeech;
  private readonly latch: Latch;
  /** Time of the first judgement of the current run meeting the on-condition. */
  private runStart: number | null = null;
  private agitated: Agitated | null = null;

  constructor(role: SpeakerRole, norms: AgitationNorms, sink: CoachSink, onCalibrated: (event: CalibratedEvent) => void) {
    this.role = role;
    this.norms = norms;
    this.sink = sink;
    // Pauses do not enter agitation, so their cap does not matter.
    this.speech = new RollingSpeech(
      role,
      { windowSec: norms.windowSpeechSec, calibrationSec: norms.calibrationSpeechSec, tickSec: norms.tickSpeechSec, maxPauseSec: Infinity },
      onCalibrated,
    );
    this.latch = new Latch(norms.onTicks, norms.offTicks);
  }

  /** One frame of this speaker's speech, centred at `time`; `now` is the stream time reached. */
  pushSpeech(time: number, f0Hz: number, levelDb: number, pauseBeforeSec: number, syllables: number, now: number): void {
    if (!this.speech.push(f0Hz, levelDb, pauseBeforeSec, syllables, now)) return;
    const baseline = this.speech.baseline;
    // The window must have moved on from the calibration stretch it would be compared with.
    if (baseline && this.speech.speechSec > this.norms.calibrationSpeechSec) this.judge(risesOf(this.speech.stats(), baseline), time, now);
  }

  /** Closes agitation still going on when the stream ends. */
  finish(now: number): void {
    if (this.agitated) this.close(now);
  }

  private judge(rises: Rises, time: number, now: number): void {
    const n = this.norms;
    const cues = (share: number) =>
      Number(rises.pitchSt >= share * n.pitchRiseSt) + Number(rises.loudnessDb >= share * n.loudnessRiseDb) + Number(rises.rate >= share * n.rateRise);
    const onCondition = cues(1) >= n.minCues;
    const holding = cues(n.holdRatio) >= n.minCues;
    if (onCondition) this.runStart ??= time;
    else this.runStart = null;
    const wasOn = this.latch.on;
    const on = this.latch.update(onCondition, !holding);
    if (on && !wasOn) {
      this.agitated = { start: this.runStart ?? time, end: time, confidence: 0, reasons: [] };
      this.sink.ongoing({ type: 'agitation', speaker: this.role, start: this.agitated.start, advice: note('agitation.ongoing'), decidedAt: now });
    }
    const agitated = this.agitated;
    if (agitated && holding) {
      agitated.end = time;
      const confidence = confidenceOf(rises, n);
      if (confidence > agitated.confidence) {
        agitated.confidence = confidence;
        agitated.reasons = reasonsOf(rises, n);
      }
    }
    if (!on && wasOn) this.close(now);
  }

  private close(now: number): void {
    const a = this.agitated;
    if (!a) return;
    this.sink.event({
      type: 'agitation',
      speaker: this.role,
      start: a.start,
      end: a.end,
      confidence: Math.round(a.confidence * 100) / 100,
      reasons: a.reasons,
      advice: note('agitation.advice'),
      decidedAt: now,
    });
    this.agitated = null;
  }
}

function risesOf(stats: WindowStats, baseline: VoiceBaseline): Rises {
  const pitchSt = stats.medianF0Hz > 0 && baseline.medianF0Hz > 0 ? 12 * Math.log2(stats.medianF0Hz / baseline.medianF0Hz) : 0;
  const rate = baseline.articulationRate > 0 ? stats.articulationRate / baseline.articulationRate - 1 : 0;
  return { pitchSt, loudnessDb: stats.levelDb - baseline.levelDb, rate };
}

/** Mean over the three cues of how far each rose, 0 at none, 0.5 at its threshold, 1 at twice it. */
function confidenceOf(r: Rises, n: AgitationNorms): number {
  const part = (rise: number, threshold: number) => Math.min(2, Math.max(0, rise / threshold)) / 2;
  return (part(r.pitchSt, n.pitchRiseSt) + part(r.loudnessDb, n.loudnessRiseDb) + part(r.rate, n.rateRise)) / 3;
}

function reasonsOf(r: Rises, n: AgitationNorms): Note[] {
  const reasons: Note[] = [];
  if (r.pitchSt >= n.holdRatio * n.pitchRiseSt) reasons.push(note('agitation.pitch', { st: round1(r.pitchSt), min: n.pitchRiseSt }));
  if (r.loudnessDb >= n.holdRatio * n.loudnessRiseDb) reasons.push(note('agitation.loudness', { db: round1(r.loudnessDb), min: n.loudnessRiseDb }));
  if (r.rate >= n.holdRatio * n.rateRise) reasons.push(note('agitation.rate', { pct: Math.round(r.rate * 100), min: Math.round(n.rateRise * 100) }));
  return reasons;
}
