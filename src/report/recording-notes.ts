/**
 * What the user should know about how a recording was made or analysed, beside its report: a
 * reviewed file that was cut off or had channels left out, a practice call whose recording skips
 * a stretch or stops early. Kept with the session, so a coach who opens it later reads the same
 * as the user who made it.
 */

/** Why a practice call's recording lacks a stretch of the call. */
export type SkipCause =
  /** The machine did not run the audio in time and the device skipped ahead (see dropout-watch.ts). */
  | 'stall'
  /** The browser paused the sound: a hidden tab, or another app took the audio device. */
  | 'paused';

/** The recording skips `missingSec` of the call at `atSec` (a position in the recording, s). */
export interface SkippedStretch {
  kind: 'skipped';
  atSec: number;
  missingSec: number;
  cause: SkipCause;
}

export type RecordingNote =
  /** More than two channels: the first two were analysed (`channels` is how many there were). */
  | { kind: 'channels-picked'; channels: number }
  /** The file ends before its header says it should: analysed up to `atSec`. */
  | { kind: 'truncated'; atSec: number; expectedSec: number }
  | SkippedStretch
  /** A practice call's recording stops at `atSec`: the storage was full for the call's last `missingSec` (its report covers them). */
  | { kind: 'cut-short'; atSec: number; missingSec: number };
