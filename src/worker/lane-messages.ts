/**
 * Between the file Worker and its lane Worker, which analyses the second speaker's channel in
 * parallel (the machine's second core): samples one way, the core's output the other.
 */
import type { ChannelAssignment } from '../analysis/channel-roles.ts';
import type { RecordingAnalyzerOptions } from '../analysis/recording-analyzer.ts';

export type LaneRequest =
  | { type: 'start'; sampleRate: number; role: ChannelAssignment['role']; options?: RecordingAnalyzerOptions }
  /** The next stretch of the channel (transferred). */
  | { type: 'samples'; samples: Float32Array }
  | { type: 'finish' };

export type LaneResponse =
  /** The core's frames and events for one 'samples' message, laid out as CoreOutput does. */
  | { type: 'batch'; frames: Float64Array; frameCount: number; events: Float64Array; eventCount: number }
  /** After 'finish': the last batch has been sent. */
  | { type: 'done' }
  | { type: 'error'; message: string };
