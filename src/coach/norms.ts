/**
 * Every number the coach judges by, in one place, with where it comes from. A coach can read this
 * file to see why a cue fired and override any value per team (`mergeNorms`). The texts that
 * explain the cues are in src/i18n/messages.ts; nothing here is language-dependent.
 *
 * Where a norm comes from the literature it is cited; where it is a working choice of this project
 * (tuned on the synthetic calls of tests/support/call-builder.ts) that is said too.
 */
import type { DeepPartial } from '../dsp/config.ts';

export interface TimingNorms {
  /**
   * The coach judges frame n once frame n + delay has been measured, s. It must cover every late
   * decision of the core: the voice-activity hangover (0.12 s) and onset debounce, the noise
   * floor's first half-second block (the detector holds its decisions until then) and the
   * confirmation of a syllable nucleus (one syllable's decay, at most 0.2 s on the test speech).
   * With it, what the coach decides for frame n never changes when later audio arrives, which is
   * what makes live and offline results identical.
   */
  decisionDelaySec: number;
}

export interface TurnNorms {
  /**
   * A gap in one speaker's speech counts as a pause from this length, s: the usual silent-pause
   * threshold (Goldman-Eisler 1968; de Jong & Bosker 2013 found 0.25 s best for fluency measures).
   */
  pauseMinSec: number;
  /**
   * The customer has not answered this long after the agent stopped, s. Contact-centre analytics
   * vendors flag silences of 3–5 s; 3 s is the low end, so the coach can point it out while the
   * call goes on. After an open question such a silence is often good listening (thinking time).
   */
  silenceSec: number;
  /** Nobody has spoken this long after the customer stopped (the agent owes a response), s. */
  deadAirSec: number;
  /** Both talking at once for this long is an overlap worth showing, s (project setting). */
  overlapMinSec: number;
  /**
   * Starting this far before the other speaker stops, and then keeping the turn, is cutting in
   * rather than a quick take-over: most overlaps at turn exchanges are brief (Heldner & Edlund
   * 2010, J. Phonetics 38: 555–568). Project setting, s.
   */
  interruptionMinOverlapSec: number;
  /** A speaker silent this long has stopped (given up or finished), s. Bridges breath pauses. */
  yieldSec: number;
  /**
   * Longest agent contribution that can be a backchannel ("mm-hm", "ja", "oké"), s. Backchannels
   * are one or two short words (Yngve 1970; Ward & Tsukahara 2000, J. Pragmatics 32: 1177–1207).
   */
  backchannelMaxSec: number;
  /** The other speaker holds the floor if they spoke this recently before the short remark, s. */
  backchannelLeadSec: number;
  /** …and go on within this time after it, s. */
  backchannelResumeSec: number;
  /**
   * The most common gap between turns is about 0.2 s, across languages (Stivers et al. 2009, PNAS
   * 106: 10587–10592; Heldner & Edlund 2010): the reference a view of response times shows.
   */
  typicalGapSec: number;
  /**
   * Gaps from about 1 s feel long: the "standard maximum" silence in conversation (Jefferson 1989,
   * in Roger & Bull (eds.), Conversation, 166–196).
   */
  longGapSec: number;
}

export interface MonotoneNorms {
  /**
   * F0 standard deviation in semitones over ~10 s of voiced speech under which speech sounds flat.
   * Hincks (2005, System 33: 575–591) measured pitch variation in 10 s windows (as a pitch
   * variation quotient, SD/mean F0) and found lively speakers vary more; 2–4 semitones is the
   * range of lively speech this project starts from (the working norm).
   */
  maxSdSt: number;
  livelyLowSt: number;
  livelyHighSt: number;
  /**
   * Against the speaker's own baseline: the threshold is this share of their usual variation, so
   * a naturally narrow voice is judged by its own range…
   */
  ownRatio: number;
  /** …but never lower than this, s.t. a flat start of the call cannot make flatness the norm. */
  floorSt: number;
  /** The label goes off only once the variation is this much above the threshold (hysteresis). */
  releaseSt: number;
}

export interface RushedNorms {
  /**
   * Articulation rate (syllables per second of speech, pauses left out) above which speech sounds
   * rushed. Adult conversational articulation rates mostly lie between 4.5 and 5.5 syllables/s
   * (Jacewicz et al. 2009, Language Variation and Change 21: 233–256; Verhoeven et al. 2004,
   * Language and Speech 47: 297–308 for Dutch); the norm is "sustained above 5.5–6".
   */
  maxArticulationRate: number;
  /** Speech rate, words per minute over speech and pauses: above ~180 wpm is fast (issue norm). */
  maxWordsPerMin: number;
  /**
   * Syllables per word, to estimate words per minute without a transcript: about 1.5 in everyday
   * English and Dutch (an estimate; word counts need a transcript).
   */
  syllablesPerWord: number;
  /** "Short or missing pauses": pauses take less than this share of the time. Project setting. */
  maxPauseShare: number;
  /** Own baseline: this much faster than the speaker's usual rate counts too… */
  ownRatio: number;
  /** …when also at least this fast (syllables/s). */
  ownFloorRate: number;
  /** Hysteresis on the rates: off only once this far below the limits (syllables/s, wpm/10). */
  releaseRate: number;
  releasePauseShare: number;
}

export interface WarmNorms {
  /**
   * Warmth is a composite a coach can check item by item: varied intonation (not monotone, at
   * least `livelyLowSt`), an unhurried moderate rate, pauses present, steady comfortable loudness.
   * It follows what listeners hear as warm and friendly in a voice: moderate tempo, varied pitch,
   * no strain (Scherer 2003, Speech Communication 40: 227–256; Juslin & Laukka 2003, Psychological
   * Bulletin 129: 770–814). All items must hold.
   */
  minArticulationRate: number;
  maxArticulationRate: number;
  minPauseShare: number;
  /** Loudness is steady when the spread (interquartile range) of speech levels stays under this, dB. */
  maxLevelSpreadDb: number;
}

export interface LoudnessNorms {
  /** Window level this far below the speaker's own baseline is too quiet, dB (project setting). */
  quietDb: number;
  /** …and this far above is too loud, dB. */
  loudDb: number;
  releaseDb: number;
}

export interface ToneNorms {
  /** Rolling window of the agent's speech (silence left out), s; Hincks measured 10 s windows. */
  windowSpeechSec: number;
  /** Labels are judged again after every this much new speech, s. */
  tickSpeechSec: number;
  /** No label before the window holds this much speech, s. */
  minWindowSpeechSec: number;
  /** Pitch needs this much voiced speech in the window, s. */
  minVoicedSec: number;
  /** The speaker's own baseline comes from their first this much speech in a call, s. */
  calibrationSpeechSec: number;
  /** A single pause counts at most this long towards the pause share (a long wait is not pacing), s. */
  maxCountedPauseSec: number;
  /** Hysteresis in time: a label comes on after this many judgements in a row, goes off after… */
  onTicks: number;
  offTicks: number;
  monotone: MonotoneNorms;
  rushed: RushedNorms;
  warm: WarmNorms;
  loudness: LoudnessNorms;
}

export interface SighNorms {
  /**
   * A sigh is a long audible exhalation: 0.4–2.5 s of breathy noise (high spectral flatness, little
   * voicing) with a fast attack and a slow, falling decay in level and spectrum (Teigen 2008,
   * Scand. J. Psychology 49: 49–57 on sighs as signals; the acoustic profile is this project's
   * working description). Shorter breathy sounds are breaths and fricatives. Lengths are measured
   * where the sound stands `minAboveFloorDb` over the background, so its faint tail is not
   * counted: a 0.5 s sigh in noise measures about 0.35 s.
   */
  minSec: number;
  maxSec: number;
  /** A frame takes part when its level is this far over the noise floor, dB. */
  minAboveFloorDb: number;
  /** …its spectral flatness is at least this (breath noise; vowels are far lower). */
  minFlatness: number;
  /** At most this share of the sigh may be voiced (a faint voiced onset is allowed)… */
  maxVoicedShare: number;
  /** …and at most this share after its first 30 %. */
  maxLateVoicedShare: number;
  /** The level falls at least this much from its peak to the end, dB… */
  minDecayDb: number;
  /** …evenly: a straight line in dB explains at least this share of the decay's variance (R²). */
  minDecayFit: number;
  /** The peak lies in the first part of the sigh (fast attack, slow decay), as a share of its length. */
  maxPeakPosition: number;
  /**
   * The spectrum falls: over the top `fallRangeDb` of the decay, the fitted spectral centroid at its
   * end is at most this share of that at its start. Followed only where the sigh stands
   * `fallCleanAboveFloorDb` over the floor (further down the background's flat spectrum takes
   * the centroid over, however quiet it is); where too little is that clean, the fall scores
   * `unknownFallScore`.
   */
  maxCentroidRatio: number;
  fallRangeDb: number;
  fallCleanAboveFloorDb: number;
  unknownFallScore: number;
  /** A fricative ("s", "sh", "f") has its energy this high; a sigh's median centroid stays under, Hz. */
  maxCentroidHz: number;
  /** Frame-to-frame level jumps above this (mean, dB) are clicks and knocks, not breath. */
  maxLevelJitterDb: number;
  /** Gaps this short inside a sigh are bridged, s. */
  bridgeSec: number;
  /** Report a sigh from this confidence (0–1). */
  minConfidence: number;
}

export interface AgitationNorms {
  /**
   * Anger and high arousal raise mean F0, loudness and rate (Banse & Scherer 1996, J. Personality
   * and Social Psychology 70: 614–636; Juslin & Laukka 2003). The customer is compared with their
   * own first stretch of speech, never with other people.
   */
  calibrationSpeechSec: number;
  windowSpeechSec: number;
  tickSpeechSec: number;
  /** Clear rises (project settings): median F0, semitones… */
  pitchRiseSt: number;
  /** …median speech level, dB… */
  loudnessRiseDb: number;
  /** …articulation rate, as a share of the baseline rate. */
  rateRise: number;
  /** Cues that must rise together (of pitch, loudness, rate). */
  minCues: number;
  onTicks: number;
  offTicks: number;
  /** Once on, the state holds while the cues stay above this share of their thresholds. */
  holdRatio: number;
}

export interface CoachNorms {
  timing: TimingNorms;
  turns: TurnNorms;
  tone: ToneNorms;
  sigh: SighNorms;
  agitation: AgitationNorms;
}

export const defaultCoachNorms: CoachNorms = {
  timing: { decisionDelaySec: 0.5 },
  turns: {
    pauseMinSec: 0.25,
    silenceSec: 3,
    deadAirSec: 3,
    overlapMinSec: 1,
    interruptionMinOverlapSec: 0.5,
    yieldSec: 0.5,
    backchannelMaxSec: 1,
    backchannelLeadSec: 1,
    backchannelResumeSec: 1,
    typicalGapSec: 0.2,
    longGapSec: 1,
  },
  tone: {
    windowSpeechSec: 10,
    tickSpeechSec: 0.5,
    minWindowSpeechSec: 8,
    minVoicedSec: 2,
    calibrationSpeechSec: 15,
    maxCountedPauseSec: 2,
    onTicks: 2,
    offTicks: 3,
    monotone: { maxSdSt: 2, livelyLowSt: 2, livelyHighSt: 4, ownRatio: 0.7, floorSt: 1.2, releaseSt: 0.3 },
    rushed: {
      maxArticulationRate: 5.8,
      maxWordsPerMin: 180,
      syllablesPerWord: 1.5,
      maxPauseShare: 0.1,
      ownRatio: 1.3,
      ownFloorRate: 5,
      releaseRate: 0.4,
      releasePauseShare: 0.04,
    },
    warm: { minArticulationRate: 3, maxArticulationRate: 5.5, minPauseShare: 0.1, maxLevelSpreadDb: 12 },
    loudness: { quietDb: 6, loudDb: 6, releaseDb: 1.5 },
  },
  sigh: {
    minSec: 0.35,
    maxSec: 2.5,
    minAboveFloorDb: 6,
    minFlatness: 0.2,
    maxVoicedShare: 0.3,
    maxLateVoicedShare: 0.05,
    minDecayDb: 6,
    minDecayFit: 0.5,
    maxPeakPosition: 0.45,
    maxCentroidRatio: 0.95,
    fallRangeDb: 12,
    fallCleanAboveFloorDb: 20,
    unknownFallScore: 0.7,
    maxCentroidHz: 2000,
    maxLevelJitterDb: 3,
    bridgeSec: 0.06,
    minConfidence: 0.5,
  },
  agitation: {
    calibrationSpeechSec: 8,
    windowSpeechSec: 6,
    tickSpeechSec: 0.5,
    pitchRiseSt: 2,
    loudnessRiseDb: 4,
    rateRise: 0.15,
    minCues: 2,
    onTicks: 2,
    offTicks: 4,
    holdRatio: 0.7,
  },
};

/** The speech a speaker needs before a first tone label: calibration on their own voice first, s. */
export function speechBeforeToneSec(norms: ToneNorms = defaultCoachNorms.tone): number {
  return Math.max(norms.minWindowSpeechSec, norms.calibrationSpeechSec);
}

/** The defaults with `overrides` applied, section by section. */
export function mergeNorms(overrides: DeepPartial<CoachNorms> = {}): CoachNorms {
  const d = defaultCoachNorms;
  const tone = overrides.tone ?? {};
  return {
    timing: { ...d.timing, ...overrides.timing },
    turns: { ...d.turns, ...overrides.turns },
    tone: {
      ...d.tone,
      ...tone,
      monotone: { ...d.tone.monotone, ...tone.monotone },
      rushed: { ...d.tone.rushed, ...tone.rushed },
      warm: { ...d.tone.warm, ...tone.warm },
      loudness: { ...d.tone.loudness, ...tone.loudness },
    },
    sigh: { ...d.sigh, ...overrides.sigh },
    agitation: { ...d.agitation, ...overrides.agitation },
  };
}
