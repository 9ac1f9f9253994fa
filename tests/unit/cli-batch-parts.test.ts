/**
 * The parts of the batch on their own: the worker pool when workers crash, the CSV, where reports
 * go, when a report is up to date, which files a folder yields, and the progress lines.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findRecordings } from '../../src/cli/batch-inputs.ts';
import { finishedLine, totalsLine } from '../../src/cli/batch-progress.ts';
import { commonFolder, reportNames } from '../../src/cli/batch-report-paths.ts';
import { callFigures, type CallFigures } from '../../src/cli/batch-summary.ts';
import { csvRecord } from '../../src/report/csv.ts';
import { isUpToDate, stampReport, type SourceStamp } from '../../src/cli/report-stamp.ts';
import { runInWorkers } from '../../src/cli/worker-pool.ts';
import { REPORT_SCHEMA, type Report } from '../../src/report/report-types.ts';

const tmp = mkdtempSync(join(tmpdir(), 'luister-cli-batch-parts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('runInWorkers', () => {
  interface Job {
    kind: 'double' | 'exit' | 'throw' | 'print';
    value: number;
  }
  interface Result {
    value: number | string;
    thread: number;
  }
  // Plain JavaScript, so the pool is tested apart from tsx; it dies in the ways a worker can.
  const workerUrl = pathToFileURL(join(tmp, 'test-worker.mjs'));
  writeFileSync(
    workerUrl,
    `import { parentPort, threadId } from 'node:worker_threads';
parentPort.on('message', ({ kind, value }) => {
  if (kind === 'exit') process.exit(3);
  if (kind === 'throw') setTimeout(() => { throw new Error('boom in a decoder'); });
  if (kind === 'print') console.log('stray output');
  if (kind === 'double' || kind === 'print') parentPort.postMessage({ value: value * 2, thread: threadId });
});
`,
  );
  const crashed = (job: Job, cause: string): Result => ({ value: `job ${job.value} crashed: ${cause}`, thread: -1 });

  it('runs every job and gives the results in the order of the jobs', async () => {
    const jobs: Job[] = Array.from({ length: 7 }, (_, i) => ({ kind: 'double', value: i }));
    const finished: number[] = [];
    const results = await runInWorkers(jobs, { workerUrl, size: 3, crashed, settled: (index) => finished.push(index) });
    expect(results.map((r) => r.value)).toEqual([0, 2, 4, 6, 8, 10, 12]);
    expect(new Set(results.map((r) => r.thread)).size).toBe(3);
    expect([...finished].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('fails only the job whose worker died, and a new worker takes the rest', async () => {
    const jobs: Job[] = [
      { kind: 'double', value: 1 },
      { kind: 'double', value: 2 },
      { kind: 'exit', value: 3 },
      { kind: 'double', value: 4 },
      { kind: 'throw', value: 5 },
      { kind: 'double', value: 6 },
    ];
    // One worker: without a replacement the jobs after a crash would never run.
    const results = await runInWorkers(jobs, { workerUrl, size: 1, crashed });
    expect(results.map((r) => r.value)).toEqual([2, 4, 'job 3 crashed: its thread exited with code 3', 8, 'job 5 crashed: boom in a decoder', 12]);
    const [first, second, , fourth, , sixth] = results.map((r) => r.thread);
    expect(second).toBe(first); // one worker does job after job
    expect(fourth).not.toBe(first);
    expect(sixth).not.toBe(fourth);
  });

  it('passes what a worker prints to `output`, not to stdout', async () => {
    const printed: string[] = [];
    const results = await runInWorkers([{ kind: 'print', value: 4 }], { workerUrl, size: 2, crashed, output: (text) => printed.push(text) });
    expect(results[0].value).toBe(8);
    expect(printed.join('')).toBe('stray output\n');
  });

  it('fails every job, without hanging, when the worker cannot even start', async () => {
    const broken = pathToFileURL(join(tmp, 'broken-worker.mjs'));
    writeFileSync(broken, 'this is not JavaScript (\n');
    const results = await runInWorkers<Job, Result>(
      [1, 2, 3].map((value) => ({ kind: 'double', value })),
      { workerUrl: broken, size: 2, crashed },
    );
    expect(results.map((r) => r.value)).toEqual([1, 2, 3].map((value) => expect.stringMatching(new RegExp(`^job ${value} crashed: .*Unexpected identifier`))));
  });

  it('settles at once with no jobs', async () => {
    expect(await runInWorkers([], { workerUrl, size: 4, crashed })).toEqual([]);
  });
});

describe('csvRecord', () => {
  it('quotes fields with commas, quotes and line breaks, doubles quotes, and ends with CRLF', () => {
    expect(csvRecord(['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\rhere', null, 1.5, 0, ''])).toBe('plain,"a,b","say ""hi""","two\nlines","cr\rhere",,1.5,0,\r\n');
  });
});

describe('where the reports go', () => {
  it('finds the deepest shared folder by whole path segments', () => {
    expect(commonFolder(['/data/calls/day1', '/data/calls/day2'])).toBe('/data/calls');
    expect(commonFolder(['/data/calls', '/data/callsx'])).toBe('/data'); // not the string prefix "/data/calls"
    expect(commonFolder(['/data/calls'])).toBe('/data/calls');
    expect(commonFolder(['/data', '/srv'])).toBe('/');
  });

  it('mirrors the folders below the shared one and keeps the whole file name', () => {
    const roots = ['/data/calls/day1', '/data/calls/day2'];
    const recordings = ['/data/calls/day1/a.wav', '/data/calls/day1/sub/a.wav', '/data/calls/day2/a.wav', '/data/calls/day2/a.mp3'];
    expect(reportNames(recordings, roots)).toEqual(['day1/a.wav.report.json', 'day1/sub/a.wav.report.json', 'day2/a.wav.report.json', 'day2/a.mp3.report.json']);
  });

  it('mirrors the inside of a single folder', () => {
    expect(reportNames(['/data/calls/x/b.wav'], ['/data/calls'])).toEqual(['x/b.wav.report.json']);
  });
});

describe('isUpToDate', () => {
  const stamp: SourceStamp = { mtimeMs: 1732300000123.456, size: 96044, analysisVersion: 'luister-report/1+0123456789abcdef' };
  const speaker = (channel: number) => ({ channel, frames: { hopSec: 0.01, startSec: 0, f0Hz: [], levelDb: [] }, speech: [], tone: [], summary: { speechSec: 0, talkShare: 0, meanF0Hz: 0, pitchSdSemitones: 0, syllables: 0, speechRate: 0, articulationRate: 0 } });
  const stereo: Report = { schema: REPORT_SCHEMA, durationSec: 3, sampleRate: 16000, speakers: { agent: speaker(0), customer: speaker(1) }, events: [], source: { name: 'a.wav', channels: 2, format: 'WAV 16-bit PCM' } };
  const mono: Report = { ...stereo, speakers: { agent: speaker(0) }, source: { ...stereo.source, channels: 1 } };
  const parsed = (report: Report): unknown => JSON.parse(JSON.stringify(report));

  it('holds for a report written for the recording as it is, with the same roles', () => {
    expect(isUpToDate(parsed(stampReport(stereo, stamp)), stamp, {})).toBe(true);
    expect(isUpToDate(parsed(stampReport(stereo, stamp)), stamp, { agentChannel: 0 })).toBe(true);
    expect(isUpToDate(parsed(stampReport(mono, stamp)), stamp, { agentChannel: 1 })).toBe(true); // ignored for mono
  });

  it('fails when the recording, the analysis version or the roles differ', () => {
    const written = parsed(stampReport(stereo, stamp));
    expect(isUpToDate(written, { ...stamp, mtimeMs: stamp.mtimeMs + 0.001 }, {})).toBe(false);
    expect(isUpToDate(written, { ...stamp, mtimeMs: stamp.mtimeMs - 1000 }, {})).toBe(false); // an older copy put in its place
    expect(isUpToDate(written, { ...stamp, size: stamp.size + 1 }, {})).toBe(false);
    expect(isUpToDate(written, { ...stamp, analysisVersion: 'luister-report/1+fedcba9876543210' }, {})).toBe(false);
    expect(isUpToDate(written, stamp, { agentChannel: 1 })).toBe(false);
    expect(isUpToDate(parsed(stampReport(mono, stamp)), stamp, { monoSpeaker: 'customer' })).toBe(false);
  });

  it('fails for what is not a stamped report', () => {
    for (const candidate of [null, 'text', [], {}, parsed(stereo), { ...(parsed(stampReport(stereo, stamp)) as object), schema: 'luister-report/0' }]) {
      expect(isUpToDate(candidate, stamp, {})).toBe(false);
    }
  });

  it('keeps the fields source had', () => {
    expect(stampReport(stereo, stamp).source).toEqual({ name: 'a.wav', channels: 2, format: 'WAV 16-bit PCM', ...stamp });
  });
});

describe('findRecordings', () => {
  it('takes audio files by extension in any case, in code-unit order, skipping hidden ones, links to folders and duplicates', async () => {
    const folder = join(tmp, 'found');
    mkdirSync(join(folder, 'sub', '.hidden'), { recursive: true });
    for (const name of ['B.WAV', 'a.Mp3', 'c.flac', 'sub/d.opus', 'sub/.e.wav', 'sub/.hidden/f.wav', 'x.wav.report.json', 'notes.txt', 'wav']) writeFileSync(join(folder, name), 'x');
    symlinkSync(folder, join(folder, 'sub', 'loop')); // a link back up the tree
    symlinkSync(join(folder, 'c.flac'), join(folder, 'sub', 'same.flac')); // the same recording again
    const found = await findRecordings([folder, join(folder, 'B.WAV'), join(folder, 'missing.wav')]);
    expect(found.recordings).toEqual([join(folder, 'B.WAV'), join(folder, 'a.Mp3'), join(folder, 'c.flac'), join(folder, 'sub/d.opus'), join(folder, 'missing.wav')]);
    expect(found.folders).toEqual([folder]);
    expect(found.roots).toEqual([folder, folder, folder]);
    expect(found.warnings).toEqual([]);
  });
});

describe('progress lines', () => {
  const figures: CallFigures = callFigures({ schema: REPORT_SCHEMA, durationSec: 14.23, sampleRate: 16000, speakers: {}, events: [{ type: 'pause', start: 1, end: 2 }] });

  it('says how each recording ended', () => {
    expect(figures.events).toMatchObject({ pause: 1, overlap: 0 });
    expect(finishedLine(3, 12, 'calls/a.wav', { status: 'ok', figures, warnings: [], analysisSec: 0.31 })).toBe('[3/12] calls/a.wav ok 14.2 s audio in 0.3 s\n');
    expect(finishedLine(4, 12, 'calls/b.wav', { status: 'skipped', figures })).toBe('[4/12] calls/b.wav skipped: its report is up to date\n');
    expect(finishedLine(5, 12, 'calls/c.wav', { status: 'failed', error: 'luister: calls/c.wav: no such file; check the path', reason: 'no such file; check the path' })).toBe(
      '[5/12] calls/c.wav failed: no such file; check the path\n',
    );
  });

  it('totals the run: counts, hours analysed, wall time and speed', () => {
    expect(totalsLine({ ok: 2, failed: 1, skipped: 1, analysedSec: 7200, wallSec: 100 })).toBe('done: 4 files, 2 ok, 1 failed, 1 skipped; 2.000 h of audio analysed in 100.0 s, 72.0x real time\n');
    expect(totalsLine({ ok: 0, failed: 0, skipped: 1, analysedSec: 0, wallSec: 1.23 })).toBe('done: 1 file, 0 ok, 0 failed, 1 skipped; 0.000 h of audio analysed in 1.2 s, nothing analysed\n');
  });
});
