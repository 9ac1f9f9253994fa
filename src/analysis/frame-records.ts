/**
 * A live call's frames as stored records: the core's batches for one channel, joined into records
 * of about RECORD_FRAMES frames, and the tracks rebuilt from them.
 *
 * A record holds the batches exactly as the core laid them out (frames and events), so rebuilding
 * is the same `SpeakerTrack.addBatch` the live track ran: the rebuilt track has the same frames,
 * speech segments and syllables, and the report built from it is the report a track that kept
 * everything gives. Frames are kept in single precision, as the track keeps them.
 */
import { EVENT_STRIDE } from '../dsp/events.ts';
import { FRAME_STRIDE } from '../dsp/frame-layout.ts';
import { FRAMES_PER_SEC } from '../dsp/config.ts';
import { SpeakerTrack } from './speaker-track.ts';

/**
 * Frames per record: 10 s. Few enough writes (one per channel every 10 s) that storage never
 * lags, small enough (52 kB) that a record waiting for a busy disk costs little, and an hour is
 * 360 records per channel to read back.
 */
export const RECORD_FRAMES = 10 * FRAMES_PER_SEC;

export interface FrameRecord {
  /** Input channel (0 the agent, 1 the customer), as in the recording. */
  channel: number;
  /** 0, 1, 2, … per channel, without holes. */
  index: number;
  /** Stream index of the record's first frame. */
  firstFrame: number;
  frameCount: number;
  /** FRAME_STRIDE numbers per frame (see src/dsp/frame-layout.ts). */
  frames: Float32Array;
  /** [kind, frame] pairs as the core reported them (see src/dsp/events.ts). */
  events: Float64Array;
}

/** Why a record cannot be stored, or null when it can. */
export function frameRecordProblem(record: FrameRecord, channels: number): string | null {
  if (!Number.isInteger(record.channel) || record.channel < 0 || record.channel >= channels) return `channel ${record.channel} is not one of the session's ${channels}`;
  if (!Number.isInteger(record.index) || record.index < 0) return `invalid record index ${record.index}`;
  if (!Number.isInteger(record.firstFrame) || record.firstFrame < 0) return `invalid first frame ${record.firstFrame}`;
  if (!(record.frames instanceof Float32Array) || record.frames.length !== record.frameCount * FRAME_STRIDE) {
    return `a record of ${record.frameCount} frames holds ${FRAME_STRIDE * record.frameCount} numbers`;
  }
  if (!(record.events instanceof Float64Array) || record.events.length % EVENT_STRIDE !== 0) return 'the events of a record come in [kind, frame] pairs';
  return null;
}

/**
 * Joins one channel's batches into records. `add` takes a batch as the core delivered it (the
 * arrays may be reused afterwards); a record is handed to `onRecord` once it holds RECORD_FRAMES
 * frames or more (batches are never split, so their events stay with their frames), and `flush`
 * hands over what is left.
 */
export class FrameRecorder {
  private readonly channel: number;
  private readonly onRecord: (record: FrameRecord) => void;
  private frames: Float32Array;
  private frameCount = 0;
  private events: number[] = [];
  private firstFrame = 0;
  private nextFrame = 0;
  private nextIndex = 0;

  constructor(channel: number, onRecord: (record: FrameRecord) => void) {
    this.channel = channel;
    this.onRecord = onRecord;
    this.frames = new Float32Array(RECORD_FRAMES * FRAME_STRIDE * 1.25);
  }

  /** Frames taken so far. */
  get frameTotal(): number {
    return this.nextFrame;
  }

  add(firstFrame: number, frames: ArrayLike<number>, frameCount: number, events: ArrayLike<number>, eventCount: number): void {
    // A batch that does not follow on would make the rebuilt track differ from the live one.
    if (firstFrame !== this.nextFrame) throw new Error(`channel ${this.channel}: a batch starts at frame ${firstFrame}, expected ${this.nextFrame}`);
    const values = frameCount * FRAME_STRIDE;
    const need = this.frameCount * FRAME_STRIDE + values;
    if (need > this.frames.length) {
      const bigger = new Float32Array(Math.max(need, this.frames.length * 2));
      bigger.set(this.frames.subarray(0, this.frameCount * FRAME_STRIDE));
      this.frames = bigger;
    }
    const at = this.frameCount * FRAME_STRIDE;
    for (let i = 0; i < values; i++) this.frames[at + i] = frames[i];
    for (let i = 0; i < eventCount * EVENT_STRIDE; i++) this.events.push(events[i]);
    this.frameCount += frameCount;
    this.nextFrame += frameCount;
    if (this.frameCount >= RECORD_FRAMES) this.seal();
  }

  /** Hands over the partial record, if any frames or events are waiting. */
  flush(): void {
    if (this.frameCount > 0 || this.events.length > 0) this.seal();
  }

  private seal(): void {
    const record: FrameRecord = {
      channel: this.channel,
      index: this.nextIndex++,
      firstFrame: this.firstFrame,
      frameCount: this.frameCount,
      // Copies that own their buffer: stored records are structured-cloned whole.
      frames: this.frames.slice(0, this.frameCount * FRAME_STRIDE),
      events: Float64Array.from(this.events),
    };
    this.firstFrame = this.nextFrame;
    this.frameCount = 0;
    this.events = [];
    this.onRecord(record);
  }
}

/**
 * One channel's track rebuilt from its records (any order; the same index twice is taken once).
 * Throws when a record is missing, or when `expectedFrames` is given and the records hold another
 * number of frames: a report from a track with a hole would be wrong without saying so.
 */
export function trackFromRecords(records: Iterable<FrameRecord>, expectedFrames?: number): SpeakerTrack {
  const byIndex = new Map<number, FrameRecord>();
  for (const record of records) if (!byIndex.has(record.index)) byIndex.set(record.index, record);
  let total = 0;
  for (const record of byIndex.values()) total += record.frameCount;
  const track = new SpeakerTrack(Math.max(1, total));
  for (let index = 0; index < byIndex.size; index++) {
    const record = byIndex.get(index);
    if (!record) throw new Error(`frame record ${index} is missing (${byIndex.size} records)`);
    if (record.firstFrame !== track.frameCount) throw new Error(`frame record ${index} starts at frame ${record.firstFrame}, expected ${track.frameCount}`);
    track.addBatch(record.frames, record.frameCount, record.events, record.events.length / EVENT_STRIDE);
  }
  if (expectedFrames !== undefined && track.frameCount !== expectedFrames) {
    throw new Error(`the frame records hold ${track.frameCount} frames, the call had ${expectedFrames}`);
  }
  return track;
}
