/**
 * The coaching layer's live stream, as the practice view uses it.
 *
 * The view shows what the coach decides (tone labels with their reasons, sighs, interruptions,
 * silences, tension) and decides none of it itself. The coach (src/coach/call-coach.ts) judges
 * tracks as they grow; this adapter feeds it from a LiveAnalysis: every batch of frames advances
 * it, which is cheap (a few trackers per 10 ms frame) and not tied to animation frames, so its
 * decisions arrive on time even in a background tab.
 *
 * The report needs nothing from here: buildReport runs the same coach over the finished tracks,
 * as the review does, and the coach's tests show live and offline decide the same. `finish` only
 * lets the live coach close what is still open (a silence running at Stop) so the feed shows it.
 */
import { CallCoach, type CoachOptions, type CoachTrack } from '../../coach/call-coach.ts';
import type { CoachEventMap } from '../../coach/coach-events.ts';
import type { LiveAnalysis } from '../../live/analysis-node.ts';
import type { Report } from '../../report/report-types.ts';

export interface LiveCoach {
  /** Subscribes to one kind of coach output; returns the unsubscribe. */
  on<K extends keyof CoachEventMap>(type: K, listener: (event: CoachEventMap[K]) => void): () => void;
  /**
   * Called once the last frames are in: the coach judges the rest of the call (closing a silence
   * still running). Returns the report as it is; a coach with findings of its own may add them.
   */
  finish?(report: Report): Report;
  /** Releases whatever the coach subscribed to. */
  dispose?(): void;
}

/** Makes the coach for one call; the view calls it once the analysis exists. */
export type LiveCoachFactory = (analysis: LiveAnalysis) => LiveCoach;

/** A factory for the project's CallCoach with `options` (norm overrides, the agent's profile). */
export function callCoachFactory(options: CoachOptions = {}): LiveCoachFactory {
  return (analysis) => {
    const coach = new CallCoach(analysis.roles, options);
    const tracks: CoachTrack[] = analysis.roles.map((role, channel) => ({ role, track: analysis.tracks[channel] }));
    const off = analysis.on('frames', () => coach.advance(tracks));
    return {
      on: (type, listener) => coach.on(type, listener),
      finish: (report) => {
        coach.finish(tracks);
        return report;
      },
      dispose: off,
    };
  };
}
