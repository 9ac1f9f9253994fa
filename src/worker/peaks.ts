/**
 * The waveform's summary of a recording: the peak magnitude of each channel per 1/`perSecond` s.
 * Built while the audio streams past, so the whole recording never has to be held: an hour of
 * stereo at 200 peaks a second is 5.8 MB instead of 1.4 GB of samples.
 */

/** Peaks a second: twice the waveform's widest zoom needs at most 400 px/s with interpolation. */
export const PEAKS_PER_SECOND = 200;

export class PeakAccumulator {
  /** Input samples each peak covers. */
  readonly step: number;
  private readonly lanes: Float32Array[];
  private count = 0;
  /** Samples already folded into the peak under construction. */
  private filled = 0;

  readonly perSecond: number;

  constructor(channelCount: number, sampleRate: number, expectedSeconds = 60, perSecond = PEAKS_PER_SECOND) {
    this.perSecond = perSecond;
    this.step = Math.max(1, Math.floor(sampleRate / perSecond));
    const capacity = Math.max(16, Math.ceil(expectedSeconds * perSecond) + 1);
    this.lanes = Array.from({ length: channelCount }, () => new Float32Array(capacity));
  }

  /** Folds `channels[c][start..end)` of every channel in (the same length each). */
  push(channels: readonly ArrayLike<number>[], start = 0, end = channels[0]?.length ?? 0): void {
    let at = start;
    while (at < end) {
      const take = Math.min(end - at, this.step - this.filled);
      this.ensure(this.count + 1);
      for (let c = 0; c < this.lanes.length; c++) {
        const samples = channels[c];
        let peak = this.lanes[c][this.count];
        for (let i = at; i < at + take; i++) {
          const v = Math.abs(samples[i]);
          if (v > peak) peak = v;
        }
        this.lanes[c][this.count] = peak;
      }
      at += take;
      this.filled += take;
      if (this.filled === this.step) {
        this.count++;
        this.filled = 0;
      }
    }
  }

  /** The peaks so far, a trailing partial peak included; fresh arrays sized exactly. */
  result(): Float32Array[] {
    const length = this.count + (this.filled > 0 ? 1 : 0);
    return this.lanes.map((lane) => lane.slice(0, length));
  }

  /** Grows by doubling: a duration from metadata can be short of the real one. */
  private ensure(length: number): void {
    if (length <= (this.lanes[0]?.length ?? length)) return;
    for (let c = 0; c < this.lanes.length; c++) {
      const grown = new Float32Array(Math.max(length, this.lanes[c].length * 2));
      grown.set(this.lanes[c]);
      this.lanes[c] = grown;
    }
  }
}

/** Peaks of whole channels in memory (a practice session from storage). */
export function peaksOf(channels: readonly Float32Array[], sampleRate: number, perSecond = PEAKS_PER_SECOND): Float32Array[] {
  const length = channels[0]?.length ?? 0;
  const accumulator = new PeakAccumulator(channels.length, sampleRate, length / sampleRate, perSecond);
  accumulator.push(channels, 0, length);
  return accumulator.result();
}
