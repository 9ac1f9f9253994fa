/**
 * The report format: the command line's output and the app's saved and exported form. A contract:
 * these field names are kept exactly; new fields may be added.
 */
export const REPORT_SCHEMA = 'luister-report/1';

export type SpeakerRole = 'agent' | 'customer';
export const SPEAKER_ROLES: readonly SpeakerRole[] = ['agent', 'customer'];

export interface TimeSpan {
  start: number;
  end: number;
}

export interface SpeakerFrames {
  hopSec: number;
  /** Time of frame 0's centre; frame i is centred at startSec + i·hopSec. */
  startSec: number;
  /** F0 per frame in Hz, 0 where unvoiced. */
  f0Hz: number[];
  /** Level per frame, dBFS (RMS over 25 ms). */
  levelDb: number[];
}

export interface SpeakerSummary {
  speechSec: number;
  /** This speaker's share of all speech in the recording, 0–1. */
  talkShare: number;
  /** Mean F0 over voiced speech, Hz (0 when nothing was voiced). */
  meanF0Hz: number;
  /** Standard deviation of F0 in semitones over voiced speech. */
  pitchSdSemitones: number;
  syllables: number;
  /** Syllables per second over the span from first to last speech. */
  speechRate: number;
  /** Syllables per second of speech, pauses left out. */
  articulationRate: number;
  /** Times of the syllable nuclei, s. */
  syllableTimes?: number[];
  /** Turns this speaker took over (backchannels do not take a turn); two-speaker calls only. */
  turns?: number;
  /** Longest turn: from its first to its last speech, the other's backchannels included, s. */
  longestMonologueSec?: number;
  /**
   * Per turn taken over from the other speaker: the gap after the other's last speech, s
   * (negative when this speaker started before the other had stopped).
   */
  responseTimesSec?: number[];
  medianResponseSec?: number;
  /** Responses after a gap longer than the ~1 s that starts to feel long (norms: longGapSec). */
  slowResponses?: number;
  /** Responses that started before the other speaker had stopped. */
  earlyResponses?: number;
  /** Backchannels ("mm-hm", "ja") this speaker gave while the other kept the turn. */
  backchannels?: number;
  /** Times this speaker cut in and took over the turn. */
  interruptions?: number;
  /** The speaker's own reference, from their first stretch of speech in the call. */
  baseline?: { speechSec: number; medianF0Hz: number; pitchSdSemitones: number; articulationRate: number; levelDb: number };
}

export type ToneLabel = 'warm' | 'rushed' | 'monotone' | 'neutral';

/**
 * A text of the report as its message key and parameters (src/i18n/messages.ts), beside the text
 * itself: a viewer can show it in another language than the one the report was written in.
 */
export interface MessageRef {
  key: string;
  params: Readonly<Record<string, number | string>>;
}

export type LoudnessCue = 'too-quiet' | 'too-loud';

/** The numbers a tone judgement rests on, over its rolling window of speech. */
export interface ToneMeasures {
  windowSpeechSec: number;
  /** Robust SD of F0 in semitones; null when too little of the window was voiced. */
  pitchSdSemitones: number | null;
  articulationRate: number;
  wordsPerMin: number;
  pauseShare: number;
  /** Median voiced level minus the speaker's baseline, dB (0 before calibration). */
  levelVsBaselineDb: number;
  levelSpreadDb: number;
}

export interface ToneWindow extends TimeSpan {
  /** The most pressing label; `labels` has all that hold (a window can be rushed and monotone). */
  label: ToneLabel;
  reasons: string[];
  labels?: ToneLabel[];
  cues?: LoudnessCue[];
  advice?: string[];
  /** `reasons` and `advice` as messages (the app's reports; see MessageRef). */
  reasonMessages?: MessageRef[];
  adviceMessages?: MessageRef[];
  measures?: ToneMeasures;
}

export interface Speaker {
  channel?: number;
  frames: SpeakerFrames;
  speech: TimeSpan[];
  summary: SpeakerSummary;
  tone: ToneWindow[];
}

export type ReportEventType =
  | 'pause'
  | 'silence'
  | 'sigh'
  | 'overlap'
  | 'interruption'
  | 'backchannel'
  | 'agitation'
  | 'dead-air';

export interface ReportEvent extends TimeSpan {
  type: ReportEventType;
  speaker?: SpeakerRole;
  confidence?: number;
  reasons?: string[];
  /** What a coach would suggest. */
  advice?: string;
  /** `reasons` and `advice` as messages (the app's reports; see MessageRef). */
  reasonMessages?: MessageRef[];
  adviceMessage?: MessageRef;
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  durationSec: number;
  sampleRate: number;
  speakers: Partial<Record<SpeakerRole, Speaker>>;
  events: ReportEvent[];
  source?: { name?: string; channels?: number; format?: string };
}
