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
}

export type ToneLabel = 'warm' | 'rushed' | 'monotone' | 'neutral';

export interface ToneWindow extends TimeSpan {
  label: ToneLabel;
  reasons: string[];
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
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  durationSec: number;
  sampleRate: number;
  speakers: Partial<Record<SpeakerRole, Speaker>>;
  events: ReportEvent[];
  source?: { name?: string; channels?: number; format?: string };
}
