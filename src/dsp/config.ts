/**
 * Settings of the analysis core. Every number that shapes a measurement lives here, with the
 * reason for its value, so that the three hosts (worklet, worker, command line) share them.
 */

export interface PitchSettings {
  /** Lowest F0 searched, Hz. 60 Hz covers low male voices; raise it for a known higher speaker. */
  minHz: number;
  /** Highest F0 searched, Hz. 500 Hz covers raised female and child voices. */
  maxHz: number;
  /**
   * YIN absolute threshold on the cumulative mean normalised difference (de Cheveigné & Kawahara
   * 2002, step 4). The first dip below it is taken, which is what keeps YIN off sub-octaves.
   */
  yinThreshold: number;
  /**
   * A frame is voiced when its best normalised difference is below this (aperiodicity). 0.45
   * keeps rough and breathy vowels voiced (as Praat does) while pink noise stays unvoiced at
   * 10 dB SNR (tests/unit/pitch-accuracy.test.ts).
   */
  voicingThreshold: number;
}

export interface VadSettings {
  /** Speech starts when the level rises this far above the adaptive noise floor, dB. */
  onsetDb: number;
  /**
   * Margin over the high band's own floor (2–7 kHz), dB. Smaller than `onsetDb` because that band
   * averages many FFT bins, so its noise level barely fluctuates (about ±0.5 dB for pink noise
   * against ±5 dB for the full-band level), and breathy onsets and fricatives live there.
   */
  highBandOnsetDb: number;
  /** A voiced frame counts as speech at this smaller margin above the floor, dB. */
  voicedOnsetDb: number;
  /** Frames above the onset margin needed in a row before speech starts (debounce clicks). */
  minOnsetFrames: number;
  /** Frames below the onset margin needed in a row before speech ends (hangover). */
  hangoverFrames: number;
  /**
   * Where speech was found, its edges move out over neighbouring frames that clear a lower bar
   * than the onsets, which decide whether it is speech at all: two thresholds, as in Rabiner &
   * Sambur's endpoint detector (1975). Full-band level over its floor, dB: no lower than
   * `onsetDb`, since that level swings ±5 dB in pink noise (the bar adds single frames).
   */
  edgeDb: number;
  /**
   * The lower bar for the high band over its floor, dB: that band swings only about ±0.5 dB in
   * noise, so breathy onsets and trailing fricatives show there first.
   */
  highBandEdgeDb: number;
  /**
   * The lower bar for the vowel band (config `syllables.bandLowHz`–`bandHighHz`) over its own
   * floor, dB: murmured sentence edges, low and voiced, show there and not in the high band.
   */
  vowelBandEdgeDb: number;
  /** Furthest an edge moves out on the lower bar, frames. */
  maxEdgeFrames: number;
  /** Length of the noise floor's minimum-statistics memory, s. Longer than a breath group. */
  floorMemorySec: number;
  /** Level assumed before anything is heard, dBFS. */
  initialFloorDb: number;
}

export interface SyllableSettings {
  /**
   * A syllable nucleus is an intensity peak that stands at least this far above the dips on both
   * sides, dB. de Jong & Wempe (2009) use 2 dB on Praat's smoother intensity; on this 30 ms
   * smoothed vowel-band contour 2.5 dB counts TTS syllables best (tests/unit/speech-rate.test.ts).
   */
  minDipDb: number;
  /** Peaks must be at least this far above the noise floor, dB. */
  minAboveFloorDb: number;
  /** Peaks quieter than the loudest recent peak by more than this are ignored, dB. */
  maxBelowPeakDb: number;
  /** Band of the intensity contour, Hz: the first formant region of vowels, leaving out fricatives. */
  bandLowHz: number;
  bandHighHz: number;
  /** Moving-average length of the intensity contour, frames. */
  smoothFrames: number;
}

export interface CoreSettings {
  pitch: PitchSettings;
  vad: VadSettings;
  syllables: SyllableSettings;
  /** Fraction of spectral energy below the roll-off frequency. */
  rolloffFraction: number;
}

export const defaultCoreSettings: CoreSettings = {
  pitch: { minHz: 60, maxHz: 500, yinThreshold: 0.15, voicingThreshold: 0.45 },
  vad: {
    onsetDb: 10,
    highBandOnsetDb: 8,
    voicedOnsetDb: 4,
    minOnsetFrames: 5,
    hangoverFrames: 12,
    edgeDb: 10,
    highBandEdgeDb: 3,
    vowelBandEdgeDb: 3,
    maxEdgeFrames: 10,
    floorMemorySec: 2.5,
    initialFloorDb: -60,
  },
  syllables: {
    minDipDb: 2.5,
    minAboveFloorDb: 10,
    maxBelowPeakDb: 25,
    bandLowHz: 200,
    bandHighHz: 2000,
    smoothFrames: 3,
  },
  rolloffFraction: 0.85,
};

/** Frames are 10 ms apart in every host; the report's `hopSec`. */
export const HOP_SEC = 0.01;
export const FRAMES_PER_SEC = 100;

/** Input rates the core accepts. Outside this range the caller gets a clear error. */
export const MIN_SAMPLE_RATE = 8000;
export const MAX_SAMPLE_RATE = 192000;

/** Levels are clamped here so digital silence stays a finite number. */
export const LEVEL_FLOOR_DB = -120;

/**
 * Defaults overlaid with each set of overrides in turn (later wins), field by field within each
 * group: a speaker's `{ vad: { onsetDb } }` keeps every other VAD setting.
 */
export function mergeSettings(...layers: (DeepPartial<CoreSettings> | undefined)[]): CoreSettings {
  const merged: CoreSettings = {
    pitch: { ...defaultCoreSettings.pitch },
    vad: { ...defaultCoreSettings.vad },
    syllables: { ...defaultCoreSettings.syllables },
    rolloffFraction: defaultCoreSettings.rolloffFraction,
  };
  for (const layer of layers) {
    if (!layer) continue;
    Object.assign(merged.pitch, layer.pitch);
    Object.assign(merged.vad, layer.vad);
    Object.assign(merged.syllables, layer.syllables);
    if (layer.rolloffFraction !== undefined) merged.rolloffFraction = layer.rolloffFraction;
  }
  return merged;
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
