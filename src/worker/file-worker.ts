/**
 * Module Worker for a chosen file: decodes it piece by piece and, in the same pass, analyses it
 * and builds the waveform's peaks (or, for the export, writes it out as a 16-bit WAV). One job per
 * worker; the client cancels by terminating it, which stops the decoding at once.
 */
import { encodeWav } from '../audio/wav-writer.ts';
import { packReport } from '../report/packed-frames.ts';
import type { FileWorkerRequest, FileWorkerResponse, AnalyzeFileRequest } from './file-messages.ts';
import { DecodeProblem, NeedsWholeFileDecode, decodeAudioFile, type AudioFormat } from './media-decode.ts';
import { RecordingFeed } from './recording-feed.ts';
import { SplitAnalysis, type LanePort } from './split-analysis.ts';

/** Progress is posted each time another this much of the recording is done. */
const PROGRESS_STEP = 0.005;
/** Bytes of the header encodeWav writes without extra chunks. */
const WAV_HEADER_BYTES = 44;
/** A file that ends more than this short of what its header says counts as cut off, s. */
const TRUNCATION_SLACK_SEC = 0.5;

function post(message: FileWorkerResponse, transfer: Transferable[] = []): void {
  // The window typing's options form; in a worker it means the same: move these buffers.
  self.postMessage(message, { transfer });
}

/** Posts progress as the decoded position moves through the expected duration. */
function progressReporter(): { format(format: AudioFormat): void; at(seconds: number): void } {
  let duration: number | null = null;
  let reported = 0;
  return {
    format: (format) => (duration = format.durationSec),
    at: (seconds) => {
      if (!duration || !(duration > 0)) return;
      // Never 1 before the end: the report still has to be built.
      const fraction = Math.min(0.99, seconds / duration);
      if (fraction - reported < PROGRESS_STEP) return;
      reported = fraction;
      post({ type: 'progress', fraction });
    },
  };
}

function createLaneWorker(): LanePort {
  return new Worker(new URL('./lane-worker.ts', import.meta.url), { type: 'module' }) as unknown as LanePort;
}

/** Thrown between chunks once the client has asked to stop. */
class Stopped extends Error {}

async function analyzeFile(request: AnalyzeFileRequest): Promise<void> {
  const progress = progressReporter();
  let format: AudioFormat | null = null;
  let feed: RecordingFeed | null = null;
  await decodeAudioFile(
    request.file,
    (f) => {
      format = f;
      progress.format(f);
    },
    (chunk) => {
      if (request.stop && Atomics.load(request.stop, 0) !== 0) throw new Stopped('stopped');
      // Built on the first chunk: its rate and channels are what the decoder really gives.
      // The tracks are sized once for the whole recording when its length is known.
      const options = { ...request.options, expectedDurationSec: format?.durationSec ?? undefined };
      feed ??= new RecordingFeed({
        sampleRate: chunk.sampleRate,
        channelCount: chunk.planes.length,
        roles: request.roles,
        options,
        expectedSeconds: format?.durationSec ?? undefined,
        ...(request.parallel && typeof Worker === 'function'
          ? {
              // Two speakers: the second on the other core (nested Worker, ended with this one).
              analysis: (assignments) =>
                assignments.length === 2
                  ? new SplitAnalysis(chunk.sampleRate, assignments, options, createLaneWorker())
                  : RecordingFeed.inPlace(chunk.sampleRate, assignments, options),
            }
          : {}),
      });
      if (chunk.sampleRate !== feed.sampleRate || chunk.planes.length < feed.channels) throw new DecodeProblem('corrupt', 'the audio format changes mid-file');
      const pushed = feed.push(chunk.planes, chunk.frames);
      progress.at(chunk.endSec);
      return pushed;
    },
  );
  const finished = feed as RecordingFeed | null;
  const known = format as AudioFormat | null;
  const expected = known?.declaredSec ?? known?.durationSec ?? null;
  const decodedSec = finished?.seconds ?? 0;
  const cutOff = expected !== null && expected - decodedSec > TRUNCATION_SLACK_SEC;
  const outcome = (await finished?.finish()) ?? ({ ok: false, kind: 'no-audio', amount: 0 } as const);
  if (!outcome.ok) {
    // Silent or short because most of what the container promised did not decode: damaged data.
    const kind = cutOff && decodedSec < 0.5 * (expected ?? 0) ? 'corrupt' : outcome.kind;
    post({ type: 'recording-error', kind, amount: outcome.amount, detail: outcome.kind });
    return;
  }
  if (cutOff && expected !== null) outcome.result.notes.push({ kind: 'truncated', atSec: decodedSec, expectedSec: expected });
  post({ type: 'progress', fraction: 1 });
  const { packed, transfer } = packReport(outcome.result.report);
  post({ type: 'analysed', result: { ...outcome.result, report: packed } }, [...outcome.result.peaks.map((p) => p.buffer as ArrayBuffer), ...transfer]);
}

/** The recording as a 16-bit WAV, assembled from per-chunk parts: never one big buffer. */
async function wavFile(file: Blob): Promise<void> {
  const parts: BlobPart[] = [];
  let frames = 0;
  let sampleRate = 0;
  let channels = 0;
  await decodeAudioFile(
    file,
    () => undefined,
    (chunk) => {
      sampleRate ||= chunk.sampleRate;
      channels ||= chunk.planes.length;
      const encoded = encodeWav(
        chunk.planes.slice(0, channels).map((p) => p.subarray(0, chunk.frames)),
        sampleRate,
        'int16',
      );
      parts.push(encoded.subarray(WAV_HEADER_BYTES) as Uint8Array<ArrayBuffer>);
      frames += chunk.frames;
    },
  );
  // The header for the whole file: encodeWav's for no samples, its two sizes set to the total.
  const header = encodeWav(
    Array.from({ length: channels }, () => new Float32Array(0)),
    sampleRate,
    'int16',
  );
  const view = new DataView(header.buffer);
  const dataBytes = frames * channels * 2;
  view.setUint32(4, WAV_HEADER_BYTES - 8 + dataBytes, true);
  view.setUint32(WAV_HEADER_BYTES - 4, dataBytes, true);
  post({ type: 'wav', blob: new Blob([header as Uint8Array<ArrayBuffer>, ...parts], { type: 'audio/wav' }), sampleRate, channels });
}

async function run(request: FileWorkerRequest): Promise<void> {
  try {
    if (request.type === 'analyze-file') await analyzeFile(request);
    else await wavFile(request.file);
  } catch (error) {
    // The client has gone on already (and terminates this worker): nothing to say.
    if (error instanceof Stopped) return;
    if (error instanceof NeedsWholeFileDecode) post({ type: 'needs-whole-file', durationSec: error.durationSec, detail: error.message });
    else if (error instanceof DecodeProblem) post({ type: 'recording-error', kind: error.kind, amount: 0, detail: error.message });
    else post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

let busy = false;
self.addEventListener('message', (event: MessageEvent<FileWorkerRequest>) => {
  if (busy) {
    post({ type: 'error', message: 'this worker is already busy' });
    return;
  }
  busy = true;
  void run(event.data);
});
