import type { SpeakerTrack } from '../analysis/speaker-track.ts';
import { FRAMES_PER_SEC, HOP_SEC } from '../dsp/config.ts';
import { note, type Note } from '../i18n/translate.ts';
import type { SpeakerRole } from '../report/report-types.ts';
import type { CoachSink } from './coach-events.ts';
import { round1 } from './round.ts';
import type { SighNorms } from './norms.ts';

/** Fewest clean decay frames the spectral fall is judged on. */
const MIN_FALL_FRAMES = 5;

/** The measurements of one burst of sound that the sigh decision rests on. */
export interface SighFeatures {
  durationSec: number;
  voicedShare: number;
  /** Voiced frames after the first 30 % of the burst, as a share of all its frames. */
  lateVoicedShare: number;
  /** Median spectral flatness of the burst's clearly audible unvoiced frames. */
  flatness: number;
  medianCentroidHz: number;
  /** Fitted centroid at the end of the decay over that at its start; NaN where noise hides it. */
  centroidRatio: number;
  /** Position of the level peak, as a share of the burst. */
  peakPosition: number;
  /** Level fall from the peak to the end of the burst, dB. */
  decayDb: number;
  /** Share of the decay's level variance a straight line (in dB) explains: breath fades evenly. */
  decayFit: number;
  /** Mean frame-to-frame level change, dB: clicks and knocks jump. */
  levelJitterDb: number;
}

/**
 * Sighs: long audible exhalations. Bursts of sound over the noise floor are collected frame by
 * frame; when a burst ends it is measured (SighFeatures) and scored on each property of a sigh
 * with a soft ramp, so the confidence says how sigh-like it is and which property fell short.
 * Short fricatives and breaths fail on length, fricatives also on their high centroid, clicks on
 * level jumps, speech on voicing, a rising background on its missing decay.
 */
export class SighDetector {
  private readonly role: SpeakerRole;
  private readonly norms: SighNorms;
  private readonly sink: CoachSink;
  private readonly bridgeFrames: number;
  private readonly maxFrames: number;
  private runStart = -1;
  private lastActive = -1;

  constructor(role: SpeakerRole, norms: SighNorms, sink: CoachSink) {
    this.role = role;
    this.norms = norms;
    this.sink = sink;
    this.bridgeFrames = Math.round(norms.bridgeSec * FRAMES_PER_SEC);
    this.maxFrames = Math.round(norms.maxSec * FRAMES_PER_SEC * 1.5);
  }

  step(track: SpeakerTrack, frame: number, now: number): void {
    const active = track.fields.levelDb.get(frame) > track.fields.floorDb.get(frame) + this.norms.minAboveFloorDb;
    if (active) {
      if (this.runStart < 0) this.runStart = frame;
      this.lastActive = frame;
    } else if (this.runStart >= 0 && frame - this.lastActive > this.bridgeFrames) {
      this.close(track, now);
    }
  }

  finish(track: SpeakerTrack, now: number): void {
    if (this.runStart >= 0) this.close(track, now);
  }

  private close(track: SpeakerTrack, now: number): void {
    const start = this.runStart;
    const end = this.lastActive;
    this.runStart = -1;
    if (end - start + 1 > this.maxFrames) return;
    const features = sighFeatures(track, start, end, this.norms);
    const confidence = sighConfidence(features, this.norms);
    if (confidence < this.norms.minConfidence) return;
    const reasons: Note[] = [note('sigh.reason', { sec: round1(features.durationSec), decay: Math.round(features.decayDb) })];
    if (features.voicedShare > 0) reasons.push(note('sigh.voicedOnset'));
    this.sink.event({
      type: 'sigh',
      speaker: this.role,
      start: start * HOP_SEC,
      end: end * HOP_SEC,
      confidence: Math.round(confidence * 100) / 100,
      reasons,
      advice: note('sigh.advice'),
      decidedAt: now,
    });
  }
}

/** Measures frames `start…end` (inclusive) of a track. */
export function sighFeatures(track: SpeakerTrack, start: number, end: number, norms: SighNorms): SighFeatures {
  const f = track.fields;
  const n = end - start + 1;
  const level = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    // 30 ms moving average: the level of noise jitters from frame to frame.
    let sum = 0;
    let count = 0;
    for (let j = Math.max(start, start + k - 1); j <= Math.min(end, start + k + 1); j++, count++) sum += f.levelDb.get(j);
    level[k] = sum / count;
  }
  let peak = 0;
  for (let k = 1; k < n; k++) if (level[k] > level[peak]) peak = k;
  let voiced = 0;
  let lateVoiced = 0;
  let jitter = 0;
  const flatness: number[] = [];
  const centroid: number[] = [];
  const decayX: number[] = [];
  const decayCentroid: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = start + k;
    const isVoiced = f.f0Hz.get(i) > 0;
    if (isVoiced) {
      voiced++;
      if (k > 0.3 * n) lateVoiced++;
    }
    if (k > 0) jitter += Math.abs(f.levelDb.get(i) - f.levelDb.get(i - 1));
    // Spectral shape only where the sound stands well clear of the floor's own (white-ish) noise.
    const clear = f.levelDb.get(i) > f.floorDb.get(i) + norms.minAboveFloorDb + 4;
    if (clear && !isVoiced) {
      flatness.push(f.flatness.get(i));
      centroid.push(f.centroidHz.get(i));
    }
    // The spectrum's fall, over the clean upper part of the decay (see SighNorms.maxCentroidRatio).
    const clean = f.levelDb.get(i) > f.floorDb.get(i) + norms.fallCleanAboveFloorDb;
    if (k >= peak && !isVoiced && clean && level[k] > level[peak] - norms.fallRangeDb) {
      decayX.push(k);
      decayCentroid.push(f.centroidHz.get(i));
    }
  }
  const tail = Math.max(1, Math.round(0.1 * n));
  let tailLevel = 0;
  for (let k = n - tail; k < n; k++) tailLevel += level[k];
  tailLevel /= tail;
  const decayLevels = Array.from(level.subarray(peak));
  const centroidLine = lineFit(decayX, decayCentroid);
  const first = decayX[0] ?? 0;
  const last = decayX[decayX.length - 1] ?? 0;
  const centroidAt = (x: number) => centroidLine.intercept + centroidLine.slope * x;
  return {
    durationSec: n * HOP_SEC,
    voicedShare: voiced / n,
    lateVoicedShare: lateVoiced / n,
    flatness: median(flatness),
    medianCentroidHz: median(centroid),
    centroidRatio: decayX.length >= MIN_FALL_FRAMES && centroidAt(first) > 0 ? centroidAt(last) / centroidAt(first) : Number.NaN,
    peakPosition: peak / n,
    decayDb: level[peak] - tailLevel,
    decayFit: lineFit(decayLevels.map((_, k) => k), decayLevels).r2,
    levelJitterDb: n > 1 ? jitter / (n - 1) : 0,
  };
}

/**
 * One soft score per property, each 0 (clearly not a sigh) to 1 (clearly sigh-like) along a ramp
 * that ends at the norm and starts well on the wrong side of it (at 0.7× a minimum length, twice
 * a maximum share…); the confidence is the weakest of them, so one property explains it.
 */
export function sighScores(x: SighFeatures, n: SighNorms): Record<string, number> {
  return {
    duration: ramp(x.durationSec, 0.7 * n.minSec, n.minSec) * ramp(x.durationSec, 1.3 * n.maxSec, n.maxSec),
    voicing: ramp(x.voicedShare, 2 * n.maxVoicedShare, n.maxVoicedShare) * ramp(x.lateVoicedShare, 3 * n.maxLateVoicedShare, n.maxLateVoicedShare),
    breathiness: ramp(x.flatness, 0.6 * n.minFlatness, n.minFlatness),
    lowCentroid: ramp(x.medianCentroidHz, 1.5 * n.maxCentroidHz, n.maxCentroidHz),
    spectralFall: Number.isNaN(x.centroidRatio) ? n.unknownFallScore : ramp(x.centroidRatio, 1.3 * n.maxCentroidRatio, n.maxCentroidRatio),
    fastAttack: ramp(x.peakPosition, 0.6, n.maxPeakPosition),
    decay: ramp(x.decayDb, 0.5 * n.minDecayDb, n.minDecayDb) * ramp(x.decayFit, 0.4 * n.minDecayFit, n.minDecayFit),
    smooth: ramp(x.levelJitterDb, 2 * n.maxLevelJitterDb, n.maxLevelJitterDb),
  };
}

export function sighConfidence(x: SighFeatures, n: SighNorms): number {
  return Math.min(...Object.values(sighScores(x, n)));
}

/** 0 at `zeroAt`, 1 at `oneAt`, linear between (either direction). */
function ramp(x: number, zeroAt: number, oneAt: number): number {
  const t = (x - zeroAt) / (oneAt - zeroAt);
  return Math.min(1, Math.max(0, t));
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Least-squares line and its R². */
function lineFit(x: number[], y: number[]): { slope: number; intercept: number; r2: number } {
  const n = x.length;
  if (n < 2) return { slope: 0, intercept: y[0] ?? 0, r2: 0 };
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i];
    sy += y[i];
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - mx) ** 2;
    sxy += (x[i] - mx) * (y[i] - my);
    syy += (y[i] - my) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { slope, intercept: my - slope * mx, r2: sxx > 0 && syy > 0 ? (sxy * sxy) / (sxx * syy) : 0 };
}
