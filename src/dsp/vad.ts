import type { VadSettings } from './config.ts';
import { CoreEventKind, type EventWriter } from './events.ts';

/** What the detector needs of one frame; a reused object, filled by the caller. */
export interface VadFrame {
  timeSec: number;
  levelDb: number;
  floorDb: number;
  /** Level above 2 kHz and its own floor: fricatives stand out there when low-pitched noise hides them. */
  highDb: number;
  highFloorDb: number;
  voiced: boolean;
}

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
export class VoiceActivityDetector {
  private readonly settings: VadSettings;
  private inSpeech = false;
  private activeRun = 0;
  private inactiveRun = 0;
  private firstActiveTime = 0;
  private lastActiveTime = 0;
  /** Frames held during calibration: time, level, high level, voiced (floors come later). */
  private readonly heldFrames: Float64Array;
  private readonly heldCapacity: number;
  private held = 0;
  private calibrated = false;
  private readonly replay: VadFrame = { timeSec: 0, levelDb: 0, floorDb: 0, highDb: 0, highFloorDb: 0, voiced: false };

  constructor(settings: VadSettings, calibrationFrames: number) {
    this.settings = settings;
    this.heldCapacity = calibrationFrames;
    this.heldFrames = new Float64Array(calibrationFrames * 4);
  }

  get speaking(): boolean {
    return this.inSpeech;
  }

  /**
   * Judges one frame; writes SpeechStart/SpeechEnd events when decided. `floorsCalibrated` says
   * whether the floors rest on a first block of levels yet.
   */
  push(frame: VadFrame, floorsCalibrated: boolean, events: EventWriter): void {
    if (!this.calibrated) {
      if (!floorsCalibrated && this.held < this.heldCapacity) {
        const at = this.held++ * 4;
        this.heldFrames[at] = frame.timeSec;
        this.heldFrames[at + 1] = frame.levelDb;
        this.heldFrames[at + 2] = frame.highDb;
        this.heldFrames[at + 3] = frame.voiced ? 1 : 0;
        return;
      }
      this.releaseHeld(frame.floorDb, frame.highFloorDb, events);
    }
    this.judge(frame, events);
  }

  /** Closes an open segment at the end of the stream. */
  finish(floorDb: number, highFloorDb: number, events: EventWriter): void {
    if (!this.calibrated) this.releaseHeld(floorDb, highFloorDb, events);
    if (this.inSpeech) {
      this.inSpeech = false;
      events.pushEvent(CoreEventKind.SpeechEnd, this.lastActiveTime);
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
  }

  private releaseHeld(floorDb: number, highFloorDb: number, events: EventWriter): void {
    this.calibrated = true;
    const frame = this.replay;
    frame.floorDb = floorDb;
    frame.highFloorDb = highFloorDb;
    for (let i = 0; i < this.held; i++) {
      frame.timeSec = this.heldFrames[i * 4];
      frame.levelDb = this.heldFrames[i * 4 + 1];
      frame.highDb = this.heldFrames[i * 4 + 2];
      frame.voiced = this.heldFrames[i * 4 + 3] === 1;
      this.judge(frame, events);
    }
    this.held = 0;
  }

  private judge(frame: VadFrame, events: EventWriter): void {
    const s = this.settings;
    const timeSec = frame.timeSec;
    const active =
      frame.levelDb > frame.floorDb + s.onsetDb ||
      frame.highDb > frame.highFloorDb + s.highBandOnsetDb ||
      (frame.voiced && frame.levelDb > frame.floorDb + s.voicedOnsetDb);
    if (active) {
      if (this.activeRun === 0) this.firstActiveTime = timeSec;
      this.activeRun++;
      this.inactiveRun = 0;
      this.lastActiveTime = timeSec;
      if (!this.inSpeech && this.activeRun >= s.minOnsetFrames) {
        this.inSpeech = true;
        events.pushEvent(CoreEventKind.SpeechStart, this.firstActiveTime);
      }
    } else {
      this.activeRun = 0;
      this.inactiveRun++;
      if (this.inSpeech && this.inactiveRun >= s.hangoverFrames) {
        this.inSpeech = false;
        events.pushEvent(CoreEventKind.SpeechEnd, this.lastActiveTime);
      }
    }
  }
}
