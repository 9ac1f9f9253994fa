import type { CoreOutput } from '../dsp/core-output.ts';
import { CoreEventKind, EVENT_STRIDE, eventTimeSec } from '../dsp/events.ts';
import { FRAME_STRIDE, FrameField, FRAME_FIELD_NAMES, type FrameFieldName } from '../dsp/frame-layout.ts';
import type { TimeSpan } from '../report/report-types.ts';
import { GrowableFloat32 } from './growable.ts';

/**
 * Everything the core said about one channel, collected off the audio thread: every frame field,
 * the speech segments and the syllable times. Hosts feed it batches; the report is built from it.
 */
export class SpeakerTrack {
  readonly fields: Record<FrameFieldName, GrowableFloat32>;
  readonly speech: TimeSpan[] = [];
  readonly syllableTimes: number[] = [];
  private openSpeechStart: number | null = null;
  frameCount = 0;

  constructor(expectedFrames = 4096) {
    const fields = {} as Record<FrameFieldName, GrowableFloat32>;
    for (const name of FRAME_FIELD_NAMES) fields[name] = new GrowableFloat32(expectedFrames);
    this.fields = fields;
  }

  /** Takes the frames and events of one batch (as laid out by CoreOutput). */
  addBatch(frames: ArrayLike<number>, frameCount: number, events: ArrayLike<number>, eventCount: number): void {
    for (let f = 0; f < frameCount; f++) {
      const at = f * FRAME_STRIDE;
      for (const name of FRAME_FIELD_NAMES) this.fields[name].push(frames[at + FrameField[name]]);
    }
    this.frameCount += frameCount;
    for (let e = 0; e < eventCount; e++) this.addEvent(events[e * EVENT_STRIDE], eventTimeSec(events[e * EVENT_STRIDE + 1]));
  }

  /** Takes and clears what the core wrote to `out`. */
  consume(out: CoreOutput): void {
    this.addBatch(out.frames, out.frameCount, out.events, out.eventCount);
    out.clear();
  }

  /** True while a speech segment is open (started, not yet ended). */
  get speaking(): boolean {
    return this.openSpeechStart !== null;
  }

  /** Start of the open speech segment, s; null when none is open. Live coaching needs it. */
  get openSpeechStartSec(): number | null {
    return this.openSpeechStart;
  }

  private addEvent(kind: number, timeSec: number): void {
    if (kind === CoreEventKind.SpeechStart) {
      this.openSpeechStart = timeSec;
    } else if (kind === CoreEventKind.SpeechEnd) {
      if (this.openSpeechStart !== null) this.speech.push({ start: this.openSpeechStart, end: timeSec });
      this.openSpeechStart = null;
    } else if (kind === CoreEventKind.Syllable) {
      this.syllableTimes.push(timeSec);
    }
  }
}
