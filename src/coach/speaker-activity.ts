import type { SpeakerRole } from '../report/report-types.ts';

/**
 * One speaker's speech as the conversation trackers read it, frame by frame: whether they speak,
 * whether a segment started or ended at this frame, and where their last segments lie (in frames).
 */
export class SpeakerActivity {
  readonly role: SpeakerRole;
  speaking = false;
  /** A segment starts at the current frame. */
  started = false;
  /** A segment ended at the previous frame (the current one is its first silent frame). */
  ended = false;
  /** First frame of the current (or latest) segment; -1 before any. */
  segmentStart = -1;
  /** Last frame of the latest finished segment; -1 before any. */
  lastEnd = -1;
  /** Last frame this speaker spoke; -1 before any. */
  lastSpeech = -1;

  constructor(role: SpeakerRole) {
    this.role = role;
  }

  update(frame: number, speech: boolean): void {
    this.started = speech && !this.speaking;
    this.ended = !speech && this.speaking;
    if (this.started) this.segmentStart = frame;
    if (this.ended) this.lastEnd = frame - 1;
    if (speech) this.lastSpeech = frame;
    this.speaking = speech;
  }

  /** Frames since this speaker last spoke (0 while speaking, Infinity before any speech). */
  silentFor(frame: number): number {
    if (this.speaking) return 0;
    return this.lastSpeech < 0 ? Infinity : frame - this.lastSpeech;
  }
}
