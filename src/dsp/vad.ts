import type { VadSettings } from './config.ts';
import { CoreEventKind, type EventWriter } from './events.ts';
import { FrameField } from './frame-layout.ts';

/**
 * Voice activity from frame levels, with an onset margin over the adaptive noise floor (full band,
 * or the high band alone, where fricatives and breath stand out of hum and pink noise), a lower
 * margin for clearly voiced frames (so quiet vowels in noise still count), an onset debounce and a
 * hangover (hysteresis). Boundaries are backdated to the centres of the first and last active
 * frames, so they are exact to the frame even though the decision comes `hangoverFrames` later
 * (the centre, not the frame's edge: the level window already reaches past the speech).
 *
 * The first `calibrationFrames` are held back until the noise floor has seen them, then judged
 * against it: without that, a recording that starts in loud noise would start with "speech".
 */
/** Numbers per held frame: frame, level, high band, voiced, vowel band. */
const HELD_STRIDE = 5;

export class VoiceActivityDetector {
  private readonly settings: VadSettings;
  private inSpeech = false;
  private activeRun = 0;
  private inactiveRun = 0;
  private firstActiveFrame = 0;
  private lastActiveFrame = 0;
  /** Last frame of the open segment on the lower edge bar (see VadSettings.edgeDb). */
  private edgeEnd = 0;
  /** Last frame of the previous segment: a start never moves back into it. */
  private previousEnd = -1;
  /** Whether each recent frame cleared the lower edge bar, by frame index modulo its length. */
  private readonly nearEdge: Uint8Array;
  /** Frames held during calibration: time, level, high level, voiced (floors come later). */
  private readonly heldFrames: Float64Array;
  private readonly heldCapacity: number;
  private held = 0;
  private calibrated = false;
  /**
   * The frame being judged: level, floor, high-band level, high-band floor. A typed array, not an
   * object: V8 may box fractional numbers stored in object fields.
   */
  private readonly current = new Float64Array(6);

  constructor(settings: VadSettings, calibrationFrames: number) {
    this.settings = settings;
    this.heldCapacity = calibrationFrames;
    this.heldFrames = new Float64Array(calibrationFrames * HELD_STRIDE);
    this.nearEdge = new Uint8Array(settings.maxEdgeFrames + settings.minOnsetFrames + 2);
  }

  get speaking(): boolean {
    return this.inSpeech;
  }

  /**
   * Judges frame `frame`, whose record (FrameField layout: level, floors, high band) is at
   * `values[at ..]`; writes SpeechStart/SpeechEnd events when decided. `floorsCalibrated` says
   * whether the floors rest on a first block of levels yet.
   */
  push(values: Float64Array, at: number, frame: number, voiced: boolean, floorsCalibrated: boolean, events: EventWriter): void {
    const current = this.current;
    if (!this.calibrated) {
      if (!floorsCalibrated && this.held < this.heldCapacity) {
        const h = this.held++ * HELD_STRIDE;
        this.heldFrames[h] = frame;
        this.heldFrames[h + 1] = values[at + FrameField.levelDb];
        this.heldFrames[h + 2] = values[at + FrameField.highBandDb];
        this.heldFrames[h + 3] = voiced ? 1 : 0;
        this.heldFrames[h + 4] = values[at + FrameField.bandDb];
        return;
      }
      current[1] = values[at + FrameField.floorDb];
      current[3] = values[at + FrameField.highFloorDb];
      current[5] = values[at + FrameField.bandFloorDb];
      this.releaseHeld(events);
    }
    current[0] = values[at + FrameField.levelDb];
    current[1] = values[at + FrameField.floorDb];
    current[2] = values[at + FrameField.highBandDb];
    current[3] = values[at + FrameField.highFloorDb];
    current[4] = values[at + FrameField.bandDb];
    current[5] = values[at + FrameField.bandFloorDb];
    this.judge(frame, voiced, events);
  }

  /** Closes an open segment at the end of the stream. */
  finish(floorDb: number, highFloorDb: number, bandFloorDb: number, events: EventWriter): void {
    if (!this.calibrated) {
      this.current[1] = floorDb;
      this.current[3] = highFloorDb;
      this.current[5] = bandFloorDb;
      this.releaseHeld(events);
    }
    if (this.inSpeech) {
      this.inSpeech = false;
      events.pushEvent(CoreEventKind.SpeechEnd, this.edgeEnd);
    }
    this.activeRun = 0;
    this.inactiveRun = 0;
  }

  reset(): void {
    this.inSpeech = false;
    this.activeRun = 0;
    this.inactiveRun = 0;
    this.held = 0;
    this.calibrated = false;
    this.previousEnd = -1;
  }

  /** Judges the frames held during calibration against the floors now in `current`. */
  private releaseHeld(events: EventWriter): void {
    this.calibrated = true;
    for (let i = 0; i < this.held; i++) {
      const h = i * HELD_STRIDE;
      this.current[0] = this.heldFrames[h + 1];
      this.current[2] = this.heldFrames[h + 2];
      this.current[4] = this.heldFrames[h + 4];
      this.judge(this.heldFrames[h], this.heldFrames[h + 3] === 1, events);
    }
    this.held = 0;
  }

  private judge(frame: number, voiced: boolean, events: EventWriter): void {
    const s = this.settings;
    const current = this.current;
    const levelDb = current[0];
    const floorDb = current[1];
    const highDb = current[2];
    const highFloorDb = current[3];
    const bandDb = current[4];
    const bandFloorDb = current[5];
    const active =
      levelDb > floorDb + s.onsetDb || highDb > highFloorDb + s.highBandOnsetDb || (voiced && levelDb > floorDb + s.voicedOnsetDb);
    const nearEdge = levelDb > floorDb + s.edgeDb || highDb > highFloorDb + s.highBandEdgeDb || bandDb > bandFloorDb + s.vowelBandEdgeDb;
    const ring = this.nearEdge;
    ring[frame % ring.length] = nearEdge ? 1 : 0;
    if (active) {
      if (this.activeRun === 0) this.firstActiveFrame = frame;
      this.activeRun++;
      this.inactiveRun = 0;
      this.lastActiveFrame = frame;
      this.edgeEnd = frame;
      if (!this.inSpeech && this.activeRun >= s.minOnsetFrames) {
        this.inSpeech = true;
        // Back over the frames just before, as long as they clear the lower bar.
        let start = this.firstActiveFrame;
        const earliest = Math.max(this.previousEnd + 1, this.firstActiveFrame - s.maxEdgeFrames, 0);
        while (start > earliest && ring[(start - 1) % ring.length] === 1) start--;
        events.pushEvent(CoreEventKind.SpeechStart, start);
      }
    } else {
      this.activeRun = 0;
      this.inactiveRun++;
      // Speech trailing off: the end follows the lower bar, without a break, up to its limit.
      if (this.inSpeech && nearEdge && frame === this.edgeEnd + 1 && frame - this.lastActiveFrame <= s.maxEdgeFrames) this.edgeEnd = frame;
      if (this.inSpeech && this.inactiveRun >= s.hangoverFrames) {
        this.inSpeech = false;
        this.previousEnd = this.edgeEnd;
        events.pushEvent(CoreEventKind.SpeechEnd, this.edgeEnd);
      }
    }
  }
}
