/**
 * What the app keeps per session. The report is stored apart from the summary so the session
 * list and the trend chart never load frame data, and the audio apart again, in chunks of at
 * most a second, so a recording can be written while it is being made. A practice call's
 * analysis frames are stored the same way, in records of about 10 s per channel (FrameRecord,
 * src/analysis/frame-records.ts), for its report.
 */
import type { RoleOptions } from '../analysis/channel-roles.ts';
import type { RecordingNote } from '../report/recording-notes.ts';
import type { Report } from '../report/report-types.ts';

export type SessionKind = 'practice' | 'review';

/**
 * 'recording' until `finishSession`; a session left so (a closed tab) keeps its audio.
 * 'analysing': a reviewed file stored before its analysis; left so, the analysis was interrupted
 * (the tab closed) and can be run again from the stored file.
 */
export type SessionStatus = 'recording' | 'analysing' | 'complete';

/**
 * How a session's audio is stored: 'chunks' of PCM (practice calls, and reviews saved before
 * files were kept), or the reviewed 'file' itself as a Blob with the waveform's peaks.
 */
export type SessionAudioKind = 'chunks' | 'file';

/** The agent's figures the trend chart follows over sessions. */
export interface AgentFigures {
  /** 0–1. */
  talkShare: number;
  pitchSdSemitones: number;
  /** Syllables per second of speech. */
  articulationRate: number;
}

/** A coach's comment on a moment of the recording, written in the review. */
export interface CoachComment {
  /** Where in the recording, s. */
  atSec: number;
  text: string;
  /** When it was written, ms since the epoch. */
  createdAt: number;
}

export interface SessionSummary {
  id: string;
  kind: SessionKind;
  name: string;
  /** The agent's name, as typed by the user; sessions with the same name form a trend. */
  agent?: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  durationSec: number;
  sampleRate: number;
  /** Number of audio channels (1 or 2); 0 for a file whose analysis has not finished. */
  channels: number;
  status: SessionStatus;
  /** Absent in sessions stored before files were kept: those are 'chunks'. */
  audio?: SessionAudioKind;
  /** Audio chunks stored; the next chunk must have this index. */
  chunkCount: number;
  /** Samples per channel stored. */
  samples: number;
  /** From the report, when it has an agent. */
  figures?: AgentFigures;
  /** What the recording lacks or how it was analysed (cut off, channels left out, stretches skipped); absent when nothing. */
  notes?: RecordingNote[];
  /** A reviewed file: which channel is whose, as chosen for it, so an interrupted analysis runs again the same. */
  roles?: RoleOptions;
  /** The coach's comments on moments of the call, in time order; absent when none. */
  comments?: CoachComment[];
}

export interface Session extends SessionSummary {
  /** Null while recording, or when the report could not be made. */
  report: Report | null;
}

export interface NewSession {
  kind: SessionKind;
  name: string;
  agent?: string;
  sampleRate: number;
  channels: number;
  createdAt?: number;
}

/** What finishing a recorded session adds: its report, and what the user was told about the recording. */
export interface FinishedRecording {
  /** Null when none could be made. */
  report: Report | null;
  /** Defaults to the audio stored. */
  durationSec?: number;
  notes?: RecordingNote[];
}

/** A reviewed file as stored, with what the waveform needs to draw it without decoding. */
export interface StoredFile {
  file: Blob;
  /** Null until the analysis has finished. */
  peaks: Float32Array[] | null;
  peaksPerSecond: number;
}

/** What a finished analysis of a stored file adds to its session. */
export interface FileAnalysis {
  report: Report;
  sampleRate: number;
  channels: number;
  peaks: Float32Array[];
  peaksPerSecond: number;
  notes?: RecordingNote[];
  /** The channel roles it was analysed with; they replace the session's (a swap of agent and customer). */
  roles?: RoleOptions;
}

export interface SessionChange {
  type: 'created' | 'updated' | 'deleted' | 'cleared';
  id?: string;
}
