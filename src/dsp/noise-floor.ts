/**
 * Adaptive noise floor by minimum statistics (after Martin 2001, simplified): the floor is the
 * lowest *smoothed* level seen over the last few seconds, kept as the minima of half-second blocks
 * so that it follows a rising background within `memorySec` and a falling one at once. Smoothing
 * over 50 ms before taking the minimum keeps the floor near the noise's mean level (a raw 25 ms
 * minimum of pink noise sits 4 dB below its mean; the smoothed one about 3).
 *
 * The floor is also kept within `dynamicRangeDb` of the loudest recent level: against digital
 * silence the minimum is −120 dB, and the faint edges of a window reaching into speech would
 * otherwise count as activity.
 *
 * Minima are taken only over full smoothing spans, and not over the first frames, whose windows
 * reach before the stream and hold zeros: either made the first floor several dB too low (a
 * 2–3.6 kHz band 5 dB under its pink noise), so noise cleared margins meant for speech until the
 * memory let go of it.
 */
export class NoiseFloor {
  private readonly blockFrames: number;
  private readonly blockMinima: Float64Array;
  private readonly blockMaxima: Float64Array;
  private currentMax = -Infinity;
  private readonly dynamicRangeDb: number;
  private readonly scratch = new Float64Array(1);
  private readonly recent: Float64Array;
  private recentCount = 0;
  private recentSum = 0;
  private blocksFilled = 0;
  private blockIndex = 0;
  private framesInBlock = 0;
  private currentMin = Infinity;
  private readonly initialDb: number;
  private readonly ignoredFrames: number;
  private seen = 0;

  /** @param ignoredFrames first frames left out: their windows reach before the stream starts */
  constructor(framesPerSec: number, memorySec: number, initialDb: number, ignoredFrames = 0, dynamicRangeDb = 50, smoothFrames = 5) {
    this.blockFrames = Math.max(1, Math.round(framesPerSec * 0.5));
    this.blockMinima = new Float64Array(Math.max(1, Math.round(memorySec / 0.5)));
    this.blockMaxima = new Float64Array(this.blockMinima.length);
    this.dynamicRangeDb = dynamicRangeDb;
    this.recent = new Float64Array(smoothFrames);
    this.initialDb = initialDb;
    this.ignoredFrames = ignoredFrames;
  }

  /** Frames until a first block is complete: until then the floor is only a guess. */
  get calibrationFrames(): number {
    return this.ignoredFrames + this.blockFrames;
  }

  /** True once a first block of levels has been seen. */
  get calibrated(): boolean {
    return this.blocksFilled > 0;
  }

  /** Adds the level at `values[levelAt]` and writes the floor to judge it against to `values[floorAt]`. */
  update(values: Float64Array, levelAt: number, floorAt: number): void {
    if (this.seen < this.ignoredFrames) {
      this.seen++;
      this.storeFloor(values, floorAt);
      return;
    }
    const levelDb = values[levelAt];
    const slot = this.recentCount % this.recent.length;
    if (this.recentCount >= this.recent.length) this.recentSum -= this.recent[slot];
    this.recent[slot] = levelDb;
    this.recentSum += levelDb;
    this.recentCount++;
    if (this.recentCount >= this.recent.length) {
      const smoothed = this.recentSum / this.recent.length;
      if (smoothed < this.currentMin) this.currentMin = smoothed;
      if (smoothed > this.currentMax) this.currentMax = smoothed;
    }
    if (++this.framesInBlock === this.blockFrames) {
      this.blockMinima[this.blockIndex] = this.currentMin;
      this.blockMaxima[this.blockIndex] = this.currentMax;
      this.blockIndex = (this.blockIndex + 1) % this.blockMinima.length;
      if (this.blocksFilled < this.blockMinima.length) this.blocksFilled++;
      this.framesInBlock = 0;
      this.currentMin = Infinity;
      this.currentMax = -Infinity;
    }
    this.storeFloor(values, floorAt);
  }

  /** The floor now. Not for the audio thread's hot path: the returned number is boxed. */
  value(): number {
    this.storeFloor(this.scratch, 0);
    return this.scratch[0];
  }

  /** Writes the floor to `values[at]`: stored, not returned, so nothing is boxed per frame. */
  private storeFloor(values: Float64Array, at: number): void {
    // Until a first block is complete, a quiet default stops a loud start from counting as noise.
    let floor = this.blocksFilled === 0 ? Math.min(this.initialDb, this.currentMin) : this.currentMin;
    let loudest = this.currentMax;
    for (let b = 0; b < this.blocksFilled; b++) {
      if (this.blockMinima[b] < floor) floor = this.blockMinima[b];
      if (this.blockMaxima[b] > loudest) loudest = this.blockMaxima[b];
    }
    values[at] = Math.max(floor, loudest - this.dynamicRangeDb);
  }

  reset(): void {
    this.seen = 0;
    this.recentCount = 0;
    this.recentSum = 0;
    this.blocksFilled = 0;
    this.blockIndex = 0;
    this.framesInBlock = 0;
    this.currentMin = Infinity;
    this.currentMax = -Infinity;
  }
}
