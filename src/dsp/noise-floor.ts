/**
 * Adaptive noise floor by minimum statistics (after Martin 2001, simplified): the floor is the
 * lowest level seen over the last few seconds, kept as the minima of half-second blocks so that it
 * follows a rising background within `memorySec` and a falling one at once.
 */
export class NoiseFloor {
  private readonly blockFrames: number;
  private readonly blockMinima: Float64Array;
  private blocksFilled = 0;
  private blockIndex = 0;
  private framesInBlock = 0;
  private currentMin = Infinity;
  private readonly initialDb: number;

  constructor(framesPerSec: number, memorySec: number, initialDb: number) {
    this.blockFrames = Math.max(1, Math.round(framesPerSec * 0.5));
    this.blockMinima = new Float64Array(Math.max(1, Math.round(memorySec / 0.5)));
    this.initialDb = initialDb;
  }

  /** Adds one frame's level and returns the floor to judge it against. */
  update(levelDb: number): number {
    if (levelDb < this.currentMin) this.currentMin = levelDb;
    if (++this.framesInBlock === this.blockFrames) {
      this.blockMinima[this.blockIndex] = this.currentMin;
      this.blockIndex = (this.blockIndex + 1) % this.blockMinima.length;
      if (this.blocksFilled < this.blockMinima.length) this.blocksFilled++;
      this.framesInBlock = 0;
      this.currentMin = Infinity;
    }
    return this.value();
  }

  value(): number {
    // Until a first block is complete, a quiet default stops a loud start from counting as noise.
    let floor = this.blocksFilled === 0 ? Math.min(this.initialDb, this.currentMin) : this.currentMin;
    for (let b = 0; b < this.blocksFilled; b++) if (this.blockMinima[b] < floor) floor = this.blockMinima[b];
    return floor;
  }

  reset(): void {
    this.blocksFilled = 0;
    this.blockIndex = 0;
    this.framesInBlock = 0;
    this.currentMin = Infinity;
  }
}
