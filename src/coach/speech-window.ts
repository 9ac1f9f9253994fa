import { FRAMES_PER_SEC, HOP_SEC } from '../dsp/config.ts';
import { quantileInPlace } from './select.ts';

/** What a stretch of one speaker's speech measured. */
export interface WindowStats {
  speechSec: number;
  voicedSec: number;
  /**
   * Spread of F0 in semitones, as a standard deviation estimated robustly: 1.4826 × the median
   * absolute deviation (exact for a normal distribution). On telephone audio the fundamental is
   * filtered out and the pitch tracker jumps an octave now and then: on this project's
   * telephone-band test calls the plain SD of natural TTS speech read 5–8 semitones and a
   * percentile range up to 9, while this stayed at about 2 (and at 0.5 for the same speech
   * flattened), as on the wide-band calls.
   */
  pitchSdSemitones: number;
  medianF0Hz: number;
  /** Median level of the voiced frames, dBFS. */
  levelDb: number;
  /** Interquartile range of the voiced frames' levels, dB. */
  levelSpreadDb: number;
  syllables: number;
  /** Syllables per second of speech. */
  articulationRate: number;
  /** Pauses within turns that fall inside the stretch (each counted up to a cap), s. */
  pauseSec: number;
  pauseCount: number;
  /** Pauses over speech plus pauses. */
  pauseShare: number;
  /** Syllables per second over speech plus pauses. */
  speechRate: number;
}

/**
 * The newest frames of one speaker's speech, silence left out: the rolling window the tone and
 * agitation judgements read, and the first stretch a baseline is measured on. Fixed storage.
 */
export class SpeechWindow {
  readonly capacity: number;
  private readonly semitones: Float64Array;
  private readonly level: Float64Array;
  private readonly syllables: Uint16Array;
  private readonly pauseBefore: Float64Array;
  private readonly scratch: Float64Array;
  private head = 0;
  private count = 0;
  /** Speech frames pushed since the start. */
  total = 0;

  constructor(capacitySec: number) {
    this.capacity = Math.round(capacitySec * FRAMES_PER_SEC);
    this.semitones = new Float64Array(this.capacity);
    this.level = new Float64Array(this.capacity);
    this.syllables = new Uint16Array(this.capacity);
    this.pauseBefore = new Float64Array(this.capacity);
    this.scratch = new Float64Array(this.capacity);
  }

  /** Adds a speech frame; `pauseBeforeSec` is the pause that ended just before it (0 if none). */
  push(f0Hz: number, levelDb: number, pauseBeforeSec: number): void {
    const at = this.head;
    this.semitones[at] = f0Hz > 0 ? 12 * Math.log2(f0Hz) : Number.NaN;
    this.level[at] = levelDb;
    this.syllables[at] = 0;
    this.pauseBefore[at] = pauseBeforeSec;
    this.head = (at + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
    this.total++;
  }

  /** Counts a syllable nucleus in the newest frame. */
  addSyllable(): void {
    if (this.count === 0) return;
    this.syllables[(this.head + this.capacity - 1) % this.capacity]++;
  }

  /** Statistics over the newest `frames` speech frames (all held, if fewer). */
  stats(frames: number, maxPauseSec: number): WindowStats {
    const n = Math.min(frames, this.count);
    const first = (this.head + this.capacity - n) % this.capacity;
    let voiced = 0;
    let syllables = 0;
    let pauseSec = 0;
    let pauseCount = 0;
    for (let k = 0; k < n; k++) {
      const i = (first + k) % this.capacity;
      syllables += this.syllables[i];
      // The pause before the window's first frame lies outside the window.
      if (k > 0 && this.pauseBefore[i] > 0) {
        pauseSec += Math.min(maxPauseSec, this.pauseBefore[i]);
        pauseCount++;
      }
      if (!Number.isNaN(this.semitones[i])) this.scratch[voiced++] = this.semitones[i];
    }
    const pitch = this.scratch;
    const medianSt = quantileInPlace(pitch, voiced, 0.5);
    for (let k = 0; k < voiced; k++) pitch[k] = Math.abs(pitch[k] - medianSt);
    const pitchSd = voiced > 1 ? 1.4826 * quantileInPlace(pitch, voiced, 0.5) : 0;
    // Loudness from the voiced frames: consonants and breath would add their own spread.
    let voicedLevels = 0;
    for (let k = 0; k < n; k++) {
      const i = (first + k) % this.capacity;
      if (!Number.isNaN(this.semitones[i])) this.scratch[voicedLevels++] = this.level[i];
    }
    const levels = this.scratch;
    const speechSec = n * HOP_SEC;
    const spanSec = speechSec + pauseSec;
    return {
      speechSec,
      voicedSec: voiced * HOP_SEC,
      pitchSdSemitones: pitchSd,
      medianF0Hz: voiced > 0 ? 2 ** (medianSt / 12) : 0,
      levelDb: quantileInPlace(levels, voicedLevels, 0.5),
      levelSpreadDb: quantileInPlace(levels, voicedLevels, 0.75) - quantileInPlace(levels, voicedLevels, 0.25),
      syllables,
      articulationRate: speechSec > 0 ? syllables / speechSec : 0,
      pauseSec,
      pauseCount,
      pauseShare: spanSec > 0 ? pauseSec / spanSec : 0,
      speechRate: spanSec > 0 ? syllables / spanSec : 0,
    };
  }
}

/** Linear-interpolated quantile of sorted values (0 when empty). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const pos = q * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
