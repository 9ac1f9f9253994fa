import { assignChannels } from '../analysis/channel-roles.ts';
import { RecordingAnalyzer } from '../analysis/recording-analyzer.ts';
import type { Report } from '../report/report-types.ts';
import type { AnalyzeRequest } from './messages.ts';

/** Progress is reported each time another this much of the recording is done. */
export const PROGRESS_STEP = 0.01;
/** Longest chunk, in seconds of audio, so a cancel is noticed quickly even in an hour-long file. */
const MAX_CHUNK_SEC = 5;

export interface ChunkHooks {
  onProgress(fraction: number): void;
  isCancelled(): boolean;
  /** Lets queued messages (a cancel) run between chunks. */
  yieldToEventLoop(): Promise<void>;
}

export type ChunkedOutcome = { done: true; report: Report } | { done: false; fraction: number };

/**
 * Runs RecordingAnalyzer (the command line's code) over whole channels a chunk at a time. The
 * core gives the same numbers for any block sizes, so chunking changes nothing in the report.
 */
export async function analyzeInChunks(request: Omit<AnalyzeRequest, 'type'>, hooks: ChunkHooks): Promise<ChunkedOutcome> {
  const { channels, sampleRate } = request;
  const length = channels[0]?.length ?? 0;
  if (channels.some((c) => c.length !== length)) throw new RangeError('all channels must have the same length');
  const analyzer = new RecordingAnalyzer(sampleRate, assignChannels(channels.length, request.roles), request.options);
  // Counted in samples, not fractions, so rounding cannot skip a step.
  const step = Math.max(1, Math.ceil(length * PROGRESS_STEP));
  const chunk = Math.min(step, Math.max(1, Math.round(MAX_CHUNK_SEC * sampleRate)));
  let done = 0;
  let reported = 0;
  while (done < length) {
    if (hooks.isCancelled()) return { done: false, fraction: done / length };
    const end = Math.min(length, done + chunk);
    analyzer.push(channels, done, end);
    done = end;
    if (done - reported >= step || done === length) {
      reported = done;
      hooks.onProgress(done / length);
    }
    await hooks.yieldToEventLoop();
  }
  if (hooks.isCancelled()) return { done: false, fraction: 1 };
  const report = analyzer.finish();
  // An empty recording has had no chunk to report on.
  if (length === 0) hooks.onProgress(1);
  return { done: true, report };
}
