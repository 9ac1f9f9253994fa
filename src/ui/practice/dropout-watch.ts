/**
 * Notices the sound stalling while the context says it runs, so the agent hears about it from us
 * and not first from a recording with holes. A busy machine shows in the context's clock falling
 * behind the wall clock, in two ways:
 *
 * - The device stops asking for audio: its thread did not get the processor, and the device (or
 *   the browser's stand-in for one) skips the quanta it missed. The microphone's samples of that
 *   stretch never reach the worklets: the recording skips them, as with a suspended context.
 * - The graph renders late (its thread was held up): the clock lags while it is, then catches up
 *   by rendering quanta back to back, and the recording has it all; the speakers played silence.
 *
 * Compared check by check, not from the start of the call: a device clock a few parts per million
 * off the wall clock adds up over an hour, a dropout happens at once. (Chromium also counts late
 * audio in AudioContext.playbackStats, but updates it about once a second, after the clock has
 * shown the same stall; the clock alone works in every browser.)
 */

/** How often the clocks are compared, ms: often enough to see a stall before the catching up. */
export const DROPOUT_CHECK_MS = 250;
/** A check this far behind opens a dropout: less is clock granularity and timer jitter, s. */
export const DROPOUT_MIN_SEC = 0.1;
/** A dropout stays open while its checks move more than this either way (falling behind, catching up), s. */
const STEADY_SEC = 0.03;

/** The audio clock at one moment. */
export interface ClockReading {
  /** performance.now(), ms. */
  wallMs: number;
  /** AudioContext.currentTime from the recording's first sample, s: dropouts are placed in the recording. */
  contextSec: number;
}

export interface Dropout {
  /** Position in the recording, s. */
  atSec: number;
  /** How long the sound stood still, s. */
  stalledSec: number;
  /** Of that, what the context did not catch up on: missing from the recording, s. */
  missingSec: number;
}

export interface DropoutTotals {
  count: number;
  stalledSec: number;
  missingSec: number;
}

export class DropoutWatch {
  private last: ClockReading | null = null;
  /** The previous check's lag and where it started: a stall that began just before a check shows there first. */
  private lastLag = { lagSec: 0, fromContextSec: 0 };
  /** Whether the last dropout in `seen` is still open: its checks have not settled yet. */
  private open = false;
  /** Every dropout of the call, in order; a handful in a bad hour. */
  private readonly seen: Dropout[] = [];

  /**
   * The dropout this check opened or changed, or null. A stall that lasts several checks, and the
   * catching up after it, come back as the same dropout, changed. The first reading after `forget`
   * only sets the mark.
   */
  check(reading: ClockReading): Dropout | null {
    const last = this.last;
    this.last = reading;
    if (!last) return null;
    // How much further the context fell behind the wall clock since the last check (< 0: caught up).
    const lagSec = (reading.wallMs - last.wallMs) / 1000 - (reading.contextSec - last.contextSec);
    const before = this.lastLag;
    this.lastLag = { lagSec, fromContextSec: last.contextSec };
    if (!this.open) {
      if (lagSec < DROPOUT_MIN_SEC) return null;
      // The check before, if it fell behind too, saw the stall's start.
      const onset = before.lagSec >= STEADY_SEC ? before : null;
      this.seen.push({ atSec: onset ? onset.fromContextSec : last.contextSec, stalledSec: 0, missingSec: 0 });
      this.change(onset ? onset.lagSec : 0);
      return this.change(lagSec);
    }
    if (Math.abs(lagSec) < STEADY_SEC) {
      this.open = false;
      return null;
    }
    return this.change(lagSec);
  }

  /** Drops the mark: the context stood still on purpose (suspended), which is accounted for apart. */
  forget(): void {
    this.last = null;
    this.lastLag = { lagSec: 0, fromContextSec: 0 };
    this.open = false;
  }

  get totals(): DropoutTotals {
    const totals: DropoutTotals = { count: this.seen.length, stalledSec: 0, missingSec: 0 };
    for (const d of this.seen) {
      totals.stalledSec += d.stalledSec;
      totals.missingSec += d.missingSec;
    }
    return totals;
  }

  /** Every dropout so far, oldest first (the last may still be open). */
  get dropouts(): Dropout[] {
    return this.seen.map((d) => ({ ...d }));
  }

  /** Moves the latest dropout by one check's lag; it is the open one from then on. */
  private change(lagSec: number): Dropout {
    const dropout = this.seen[this.seen.length - 1];
    const next = {
      atSec: dropout.atSec,
      stalledSec: dropout.stalledSec + Math.max(0, lagSec),
      missingSec: Math.max(0, dropout.missingSec + lagSec),
    };
    this.seen[this.seen.length - 1] = next;
    this.open = true;
    return { ...next };
  }
}
