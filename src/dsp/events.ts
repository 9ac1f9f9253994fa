import { HOP_SEC } from './config.ts';

/**
 * What the core reports besides frames. Events are written as [kind, frame] pairs into a
 * caller-owned Float64Array; these are the kinds. Every event falls on a frame centre: the frame
 * index, an integer, is what the core writes, and readers turn it into seconds with
 * `eventTimeSec`. An event path that runs a few times a second stays in V8's lower tiers, where
 * every fractional result is a new heap number; integers keep it allocation-free.
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

/** Time of an event's frame, s: frame i is centred at i·HOP_SEC. */
export function eventTimeSec(frame: number): number {
  return frame * HOP_SEC;
}

/** Anything that can take events; the core's output buffer implements it. */
export interface EventWriter {
  /** An event at the centre of frame `frame` (an integer, see CoreEventKind). */
  pushEvent(kind: CoreEventKind, frame: number): void;
}
