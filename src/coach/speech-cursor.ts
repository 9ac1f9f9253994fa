import type { SpeakerTrack } from '../analysis/speaker-track.ts';
import { FRAMES_PER_SEC } from '../dsp/config.ts';

/** Frame index of a time the core reported (times are frame centres, i × 10 ms). */
export function frameOf(timeSec: number): number {
  return Math.round(timeSec * FRAMES_PER_SEC);
}

/**
 * Answers "was frame n speech?" from a track that may still be growing, asked in increasing n.
 * Closed segments are final; an open one counts from its start. Asked `decisionDelaySec` behind
 * the newest frame, the answer is final too, since the core decides starts and ends sooner.
 *
 * Should the core ever decide later than that, a segment would appear that starts before a frame
 * already answered as silence (or end before one answered as speech). That is counted in
 * `lateDecisions` rather than hidden: live and offline results could then differ.
 */
export class SpeechCursor {
  private index = 0;
  private lastSilentFrame = -1;
  /** Start frame of the open segment frames were last answered from, and the last such frame. */
  private openStart = -1;
  private lastOpenFrame = -1;
  /** Start frame of the newest segment checked for lateness. */
  private newestStart = -1;
  private checkedClosed = 0;
  lateDecisions = 0;

  isSpeech(track: SpeakerTrack, frame: number): boolean {
    this.checkLate(track);
    const speech = track.speech;
    while (this.index < speech.length && frameOf(speech[this.index].end) < frame) this.index++;
    let speaking: boolean;
    if (this.index < speech.length) {
      speaking = frameOf(speech[this.index].start) <= frame;
    } else {
      const open = track.openSpeechStartSec;
      speaking = open !== null && frameOf(open) <= frame;
      if (speaking && open !== null) {
        this.openStart = frameOf(open);
        this.lastOpenFrame = frame;
      }
    }
    if (!speaking) this.lastSilentFrame = frame;
    return speaking;
  }

  private checkLate(track: SpeakerTrack): void {
    const speech = track.speech;
    for (; this.checkedClosed < speech.length; this.checkedClosed++) {
      const segment = speech[this.checkedClosed];
      const start = frameOf(segment.start);
      this.checkStart(start);
      // It was open when frames past its eventual end were answered as speech.
      if (start === this.openStart && frameOf(segment.end) < this.lastOpenFrame) this.lateDecisions++;
    }
    const open = track.openSpeechStartSec;
    if (open !== null) this.checkStart(frameOf(open));
  }

  private checkStart(start: number): void {
    if (start <= this.newestStart) return;
    this.newestStart = start;
    if (start <= this.lastSilentFrame) this.lateDecisions++;
  }
}
