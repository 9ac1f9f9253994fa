/**
 * Where the waveform's timeline puts its ticks: a round label step wide enough that labels never
 * touch, finer unlabelled ticks where there is room, and the ticks of just the visible range.
 */

/**
 * Steps a label may take, s. Labels read m:ss or h:mm:ss, so one second is the finest; the rest
 * are the divisions a clock reader expects (never 20 s or 7 min).
 */
const LABEL_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];
/** Steps an unlabelled tick may take, s: these and the label steps. */
const MINOR_STEPS = [0.1, 0.2, 0.5, ...LABEL_STEPS];

export interface TickSpacing {
  /** Seconds between labelled ticks. */
  label: number;
  /** Seconds between unlabelled ticks; equal to `label` when there is no room for them. */
  minor: number;
}

/**
 * The spacing for `pxPerSec`: the smallest label step at least `minLabelPx` wide, and the smallest
 * step that divides it into ticks at least `minTickPx` apart.
 */
export function tickSpacing(pxPerSec: number, minLabelPx: number, minTickPx: number): TickSpacing {
  if (!(pxPerSec > 0)) return { label: LABEL_STEPS.at(-1) as number, minor: LABEL_STEPS.at(-1) as number };
  let label = LABEL_STEPS.find((step) => step * pxPerSec >= minLabelPx);
  // Beyond a day on screen (a very long file or a very narrow view): whole days.
  label ??= 86400 * Math.ceil(minLabelPx / pxPerSec / 86400);
  const minor = MINOR_STEPS.find((step) => step < label && step * pxPerSec >= minTickPx && divides(step, label)) ?? label;
  return { label, minor };
}

export interface Tick {
  /** Seconds into the recording. */
  time: number;
  /** A labelled tick. */
  labelled: boolean;
}

/**
 * Ticks from `start` to `end` s (both included), in order. Counted in whole steps, and a labelled
 * tick's time taken from the label step, so a label never reads 0:02 for 2.9999 s.
 */
export function ticksIn(start: number, end: number, spacing: TickSpacing): Tick[] {
  const { label, minor } = spacing;
  const perLabel = Math.round(label / minor);
  const ticks: Tick[] = [];
  if (!(end >= start) || !(minor > 0)) return ticks;
  const first = Math.max(0, Math.ceil(start / minor - 1e-9));
  const last = Math.floor(end / minor + 1e-9);
  for (let i = first; i <= last; i++) {
    const labelled = i % perLabel === 0;
    ticks.push({ time: labelled ? (i / perLabel) * label : i * minor, labelled });
  }
  return ticks;
}

/** Whether `step` fits a whole number of times into `whole` (both in seconds, tenths and up). */
function divides(step: number, whole: number): boolean {
  const times = whole / step;
  return Math.abs(times - Math.round(times)) < 1e-6;
}
