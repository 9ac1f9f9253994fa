import { FRAMES_PER_SEC } from '../dsp/config.ts';
import type { SpeakerRole } from '../report/report-types.ts';
import type { CalibratedEvent, VoiceBaseline } from './coach-events.ts';
import { SpeechWindow, type WindowStats } from './speech-window.ts';
import { baselineOf } from './voice-profile.ts';

export interface RollingSpeechOptions {
  /** Length of the rolling window, s of speech. */
  windowSec: number;
  /** The baseline is measured over this much of the speaker's first speech, s. */
  calibrationSec: number;
  /** A judgement is due after every this much new speech, s. */
  tickSec: number;
  /** Cap on a single pause's contribution to the pause share, s. */
  maxPauseSec: number;
}

/**
 * One speaker's speech as judgements read it: a rolling window of their speech frames, a
 * judgement due every `tickSec` of new speech, and their baseline, measured once over their first
 * `calibrationSec` of speech. The tone and the agitation trackers both stand on it.
 */
export class RollingSpeech {
  private readonly role: SpeakerRole;
  private readonly options: RollingSpeechOptions;
  private readonly onCalibrated: (event: CalibratedEvent) => void;
  private readonly window: SpeechWindow;
  private readonly tickFrames: number;
  private readonly calibrationFrames: number;
  private readonly windowFrames: number;
  baseline: VoiceBaseline | null = null;

  constructor(role: SpeakerRole, options: RollingSpeechOptions, onCalibrated: (event: CalibratedEvent) => void) {
    this.role = role;
    this.options = options;
    this.onCalibrated = onCalibrated;
    this.window = new SpeechWindow(Math.max(options.windowSec, options.calibrationSec));
    this.tickFrames = Math.round(options.tickSec * FRAMES_PER_SEC);
    this.calibrationFrames = Math.round(options.calibrationSec * FRAMES_PER_SEC);
    this.windowFrames = Math.round(options.windowSec * FRAMES_PER_SEC);
  }

  /** Speech heard so far, s. */
  get speechSec(): number {
    return this.window.total / FRAMES_PER_SEC;
  }

  /**
   * Adds one speech frame with the pause before it and its syllable nuclei; `now` is the stream
   * time reached. Returns true when a judgement is due.
   */
  push(f0Hz: number, levelDb: number, pauseBeforeSec: number, syllables: number, now: number): boolean {
    this.window.push(f0Hz, levelDb, pauseBeforeSec);
    for (let k = 0; k < syllables; k++) this.window.addSyllable();
    if (this.window.total % this.tickFrames !== 0) return false;
    if (!this.baseline && this.window.total >= this.calibrationFrames) {
      this.baseline = baselineOf(this.window.stats(this.window.total, this.options.maxPauseSec));
      this.onCalibrated({ role: this.role, baseline: this.baseline, decidedAt: now });
    }
    return true;
  }

  /** The rolling window's statistics. */
  stats(): WindowStats {
    return this.window.stats(this.windowFrames, this.options.maxPauseSec);
  }
}
