import type { CoreOutput } from '../dsp/core-output.ts';
import { CoreEventKind, EVENT_STRIDE, eventTimeSec } from '../dsp/events.ts';
import { FRAME_STRIDE, FrameField, FRAME_FIELD_NAMES, type FrameFieldName } from '../dsp/frame-layout.ts';
import type { TimeSpan } from '../report/report-types.ts';
import { GrowableFloat32, RecentFloat32, type FrameColumn } from './growable.ts';

/**
 * Everything the core said about one channel, collected off the audio thread: every frame field,
 * the speech segments and the syllable times. Hosts feed it batches; the report is built from it.
 *
 * By default it keeps every frame. `SpeakerTrack.recent(n)` keeps only the newest n frames of
 * each field (a live call, whose frames go to storage as they come): reading an older frame
 * throws, and such a track cannot give a report. Speech segments and syllable times are always
 * kept whole; they are a few numbers a second.
 */
export class SpeakerTrack {
  readonly fields: Record<FrameFieldName, FrameColumn>;
  /** Frames each field holds at most; Infinity when every frame is kept. */
  readonly retainedFrames: number;
  /** The same columns in frame-layout order, so a batch is copied without a lookup by name. */
  private readonly columns: FrameColumn[];
  readonly speech: TimeSpan[] = [];
  readonly syllableTimes: number[] = [];
  private openSpeechStart: number | null = null;
  frameCount = 0;

  /**
   * A track that keeps every frame, sized for `expectedFrames` up front when the length is known;
   * with `retainFrames`, one that keeps only that many (what `SpeakerTrack.recent` makes).
   */
  constructor(expectedFrames = 4096, retainFrames?: number) {
    const fields = {} as Record<FrameFieldName, FrameColumn>;
    for (const name of FRAME_FIELD_NAMES) {
      fields[name] = retainFrames === undefined ? new GrowableFloat32(expectedFrames) : new RecentFloat32(retainFrames);
    }
    this.fields = fields;
    this.retainedFrames = retainFrames ?? Infinity;
    this.columns = [];
    for (const name of FRAME_FIELD_NAMES) this.columns[FrameField[name]] = fields[name];
  }

  /** A track that keeps only the newest `frames` frames of each field (see the class comment). */
  static recent(frames: number): SpeakerTrack {
    return new SpeakerTrack(0, frames);
  }

  /** The oldest frame the fields still hold (0 while nothing has been let go). */
  get firstHeldFrame(): number {
    return Math.max(0, this.frameCount - this.retainedFrames);
  }

  /** Takes the frames and events of one batch (as laid out by CoreOutput). */
  addBatch(frames: ArrayLike<number>, frameCount: number, events: ArrayLike<number>, eventCount: number): void {
    for (let f = 0; f < frameCount; f++) {
      const at = f * FRAME_STRIDE;
      for (let c = 0; c < FRAME_STRIDE; c++) this.columns[c].push(frames[at + c]);
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
