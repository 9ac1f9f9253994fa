/**
 * What the core reports besides frames. Events are written as [kind, timeSec] pairs into a
 * caller-owned Float64Array; these are the kinds. Every event falls on a frame centre.
 */
export const CoreEventKind = {
  /** Speech began at this time (decided a few frames later, time backdated to the onset). */
  SpeechStart: 1,
  /** Speech ended at this time (decided after the hangover, time backdated). */
  SpeechEnd: 2,
  /** A syllable nucleus peaked at this time. */
  Syllable: 3,
} as const;
export type CoreEventKind = (typeof CoreEventKind)[keyof typeof CoreEventKind];

export const EVENT_STRIDE = 2;

/** Anything that can take events; the core's output buffer implements it. */
export interface EventWriter {
  /**
   * An event at the centre of frame `frame`. An integer, not seconds: V8 boxes a fractional
   * number passed to a call it does not inline, and this runs on the audio thread.
   */
  pushEvent(kind: CoreEventKind, frame: number): void;
}
