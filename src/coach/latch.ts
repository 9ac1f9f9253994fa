/**
 * A label with hysteresis in level and time: it comes on after `onCount` judgements in a row meet
 * the on-condition and goes off after `offCount` in a row meet the (stricter) off-condition, so a
 * value hovering at a threshold does not make the label flicker.
 */
export class Latch {
  private readonly onCount: number;
  private readonly offCount: number;
  private readonly primed: boolean;
  private run = 0;
  private started = false;
  on = false;

  /**
   * `primed`: the first judgement sets the label directly, for a state that must start somewhere
   * (the tone); otherwise the label starts off and comes on only as above (an event).
   */
  constructor(onCount: number, offCount: number, primed = false) {
    this.onCount = onCount;
    this.offCount = offCount;
    this.primed = primed;
  }

  /** Takes one judgement; returns whether the label is on afterwards. */
  update(onCondition: boolean, offCondition: boolean): boolean {
    if (this.primed && !this.started) {
      this.started = true;
      this.on = onCondition;
      return this.on;
    }
    const pushing = this.on ? offCondition : onCondition;
    this.run = pushing ? this.run + 1 : 0;
    if (this.run >= (this.on ? this.offCount : this.onCount)) {
      this.on = !this.on;
      this.run = 0;
    }
    return this.on;
  }
}
