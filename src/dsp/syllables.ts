import type { SyllableSettings } from './config.ts';
import { CoreEventKind, type EventWriter } from './events.ts';
import { FrameField } from './frame-layout.ts';

/**
 * Syllable nuclei in the spirit of de Jong & Wempe (2009, Behavior Research Methods 41(2)):
 * peaks of the (smoothed, vowel-band) intensity contour that rise at least `minDipDb` above the dip
 * before them and fall at least as much after, lie well above the noise floor, and are voiced.
 * Streaming: a peak is confirmed once the contour has fallen `minDipDb` below it, so the delay is
 * one syllable's decay, and the event carries the peak's own time.
 */
export class SyllableNucleusDetector {
  private readonly settings: SyllableSettings;
  private readonly hopSec: number;
  /** The smoothed contour's newest value, kept in a field rather than passed (see FrameField). */
  private smoothed = 0;
  /** Recent raw frames, for the centred moving average and for looking back at the peak. */
  private readonly band: Float64Array;
  private readonly level: Float64Array;
  private readonly floor: Float64Array;
  private readonly voiced: Uint8Array;
  private readonly historyLength: number;
  private frames = 0;
  private dip = Infinity;
  private peak = -Infinity;
  private peakFrame = -1;
  private peakVoiced = false;
  private peakAboveFloor = false;
  /** Loudest confirmed peak, decaying 3 dB/s, so quiet trailing noise does not count. */
  private loudestPeak = -Infinity;

  constructor(settings: SyllableSettings, hopSec: number) {
    this.settings = settings;
    this.hopSec = hopSec;
    this.historyLength = Math.max(4, settings.smoothFrames + 2);
    this.band = new Float64Array(this.historyLength);
    this.level = new Float64Array(this.historyLength);
    this.floor = new Float64Array(this.historyLength);
    this.voiced = new Uint8Array(this.historyLength);
  }

  /** Takes the frame record at `values[at ..]` (FrameField layout); `voiced` as reported. */
  push(values: Float64Array, at: number, voiced: boolean, events: EventWriter): void {
    const h = this.historyLength;
    const slot = this.frames % h;
    this.band[slot] = values[at + FrameField.bandDb];
    this.level[slot] = values[at + FrameField.levelDb];
    this.floor[slot] = values[at + FrameField.floorDb];
    this.voiced[slot] = voiced ? 1 : 0;
    this.frames++;
    const n = this.settings.smoothFrames;
    if (this.frames < n) return;
    // The smoothed value belongs to the middle frame of the last n.
    let sum = 0;
    for (let i = 0; i < n; i++) sum += this.band[(this.frames - 1 - i) % h];
    const centre = this.frames - 1 - ((n - 1) >> 1);
    this.smoothed = sum / n;
    this.step(centre, events);
  }

  private step(frame: number, events: EventWriter): void {
    const s = this.settings;
    const value = this.smoothed;
    this.loudestPeak -= 3 * this.hopSec;
    if (value > this.peak) {
      this.peak = value;
      this.peakFrame = frame;
      const h = this.historyLength;
      const slot = frame % h;
      // Voiced at the peak or a frame either side (the vowel, not a burst next to it); frame + 1
      // is already in the history whenever the smoothing is centred over three or more frames.
      const after = frame + 1 < this.frames ? this.voiced[(frame + 1) % h] : 0;
      this.peakVoiced = this.voiced[slot] === 1 || this.voiced[(frame + h - 1) % h] === 1 || after === 1;
      this.peakAboveFloor = this.level[slot] > this.floor[slot] + s.minAboveFloorDb;
    } else if (this.peak - value >= s.minDipDb) {
      // Confirmation is written out here, not in a method of its own: called a few times a
      // second, such a method stays in V8's lower tiers, where reading a fractional field
      // allocates a heap number. Here it is compiled with the per-frame code.
      if (
        this.peak - this.dip >= s.minDipDb &&
        this.peakVoiced &&
        this.peakAboveFloor &&
        this.peak >= this.loudestPeak - s.maxBelowPeakDb
      ) {
        if (this.peak > this.loudestPeak) this.loudestPeak = this.peak;
        events.pushEvent(CoreEventKind.Syllable, this.peakFrame);
      }
      this.dip = value;
      this.peak = value;
      this.peakFrame = frame;
      this.peakVoiced = false;
      this.peakAboveFloor = false;
    }
    if (value < this.dip) {
      this.dip = value;
      this.peak = value;
      this.peakFrame = frame;
      this.peakVoiced = false;
      this.peakAboveFloor = false;
    }
  }

  reset(): void {
    this.frames = 0;
    this.dip = Infinity;
    this.peak = -Infinity;
    this.peakFrame = -1;
    this.loudestPeak = -Infinity;
  }
}
