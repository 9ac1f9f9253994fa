import type { VadSettings } from './config.ts';
import { CoreEventKind, type EventWriter } from './events.ts';

/**
 * Voice activity from frame levels, with an onset margin over the adaptive noise floor, a lower
 * margin for clearly voiced frames (so quiet vowels in noise still count), an onset debounce and a
 * hangover (hysteresis). Boundaries are backdated to the centres of the first and last active
 * frames, so they are exact to the frame even though the decision comes `hangoverFrames` later
 * (the centre, not the frame's edge: the level window already reaches past the speech).
 */
export class VoiceActivityDetector {
  private readonly settings: VadSettings;
  private inSpeech = false;
  private activeRun = 0;
  private inactiveRun = 0;
  private firstActiveTime = 0;
  private lastActiveTime = 0;

  constructor(settings: VadSettings) {
    this.settings = settings;
  }

  get speaking(): boolean {
    return this.inSpeech;
  }

  /** Judges the frame centred at `timeSec`; writes SpeechStart/SpeechEnd events when decided. */
  push(timeSec: number, levelDb: number, floorDb: number, voiced: boolean, events: EventWriter): void {
    const s = this.settings;
    const active = levelDb > floorDb + s.onsetDb || (voiced && levelDb > floorDb + s.voicedOnsetDb);
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

  /** Closes an open segment at the end of the stream. */
  finish(events: EventWriter): void {
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
  }
}
