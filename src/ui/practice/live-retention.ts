/**
 * How much of a practice call's analysis stays in memory while it runs; the rest is in storage
 * (see frame-writer.ts). Kept apart so the tests can check the live readers against it.
 */

/**
 * Seconds of analysis frames a call keeps in memory; everything older is only in the sink. Long
 * enough for every reader during the call, with room to spare:
 * - the pitch trace draws the last 10 s (its `windowSec`), and the level meter and the trace's
 *   reference read the frames since the previous paint, which is at most MAX_PAINT_LAG_SEC ago
 *   (also in a hidden tab, which gets no animation frames);
 * - the live coach judges each frame `decisionDelaySec` (0.5 s) after it arrives, and its sigh
 *   detector reaches back over one burst: at most 1.5 × `sigh.maxSec` (3.75 s) plus the bridge;
 * - the pace and the talk share read speech segments and syllable times, which stay whole.
 * A reader that reaches further back throws (SpeakerTrack.recent) rather than read another frame.
 */
export const LIVE_RETAIN_SEC = 60;
/**
 * The view is brought up to date at least this often, s of audio, animation frame or not: a hidden
 * tab gets none, and a tab that was frozen gets its batches in a burst.
 */
export const MAX_PAINT_LAG_SEC = 1;
