/**
 * The batch form of the analyze command, end to end: a folder tree of small synthesised calls with
 * a damaged file, a text file and hidden files in it, analysed in-process and as a real process.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../src/cli/analyze-main.ts';
import { REPORT_EVENT_TYPES, type SummaryRow } from '../../src/cli/batch-summary.ts';
import type { StampedReport } from '../../src/cli/report-stamp.ts';
import type { Report } from '../../src/report/report-types.ts';
import { encodeWav } from '../../src/audio/wav-writer.ts';
import { synthVoice } from '../support/signals.ts';
import { parseCsv } from '../support/csv.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const RATE = 16000;
const tmp = mkdtempSync(join(tmpdir(), 'luister-cli-batch-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * A harmonic voice at `f0` in 1 s stretches with 0.5 s gaps (pauses), from `offset` s on; the
 * default leaves the half second the voice activity detector calibrates on quiet.
 */
function voice(f0: number, seconds: number, offset = 0.6): Float32Array {
  return synthVoice({ sampleRate: RATE, durationSec: seconds, f0At: (t) => (t >= offset && (t - offset) % 1.5 < 1 ? f0 : 0), seed: f0 }).samples;
}

/** The good recordings, by path inside the input folder (the others are made in beforeAll). */
const RECORDINGS: Record<string, () => Uint8Array> = {
  'a.wav': () => encodeWav([voice(180, 4)], RATE, 'int16'),
  'day1/b.wav': () => encodeWav([voice(120, 5), voice(220, 5, 3.5)], RATE, 'int16'), // stereo: the customer (channel 1) answers at 3.5 s
  'day2/b.wav': () => encodeWav([voice(200, 3.5)], RATE, 'int16'), // the same name as day1/b.wav
  'day2/b.oga': () => encodeWav([voice(160, 3)], RATE, 'int16'), // the same stem; the format is read from the bytes
};
const CORRUPT = 'bad.wav';
const EXPECTED_ORDER = ['a.wav', 'bad.wav', 'day1/b.wav', 'day2/b.oga', 'day2/b.wav'];

const calls = join(tmp, 'calls');
const path = (inside: string): string => join(calls, inside);

beforeAll(() => {
  for (const [name, make] of Object.entries(RECORDINGS)) {
    mkdirSync(join(calls, name, '..'), { recursive: true });
    writeFileSync(path(name), make());
  }
  writeFileSync(path(CORRUPT), encodeWav([voice(180, 1)], RATE, 'int16').subarray(0, 30)); // a header cut short
  writeFileSync(path('notes.txt'), 'call notes, not audio\n');
  writeFileSync(path('.partial.wav'), encodeWav([voice(180, 1)], RATE, 'int16'));
  mkdirSync(path('.cache'));
  writeFileSync(path('.cache/c.wav'), encodeWav([voice(180, 1)], RATE, 'int16'));
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { writeOut: async (text) => void out.push(text), writeErr: (text) => void err.push(text), errIsTerminal: false };
  const code = await main(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

let outCount = 0;
const freshOut = (): string => join(tmp, `out-${++outCount}`);

function readCsv(out: string): Record<string, string>[] {
  const [header, ...records] = parseCsv(readFileSync(join(out, 'summary.csv'), 'utf8'));
  for (const record of records) expect(record).toHaveLength(header.length);
  return records.map((record) => Object.fromEntries(header.map((name, i) => [name, record[i]])));
}

function readJsonl(out: string): SummaryRow[] {
  const text = readFileSync(join(out, 'summary.jsonl'), 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text.trimEnd().split('\n').map((line) => JSON.parse(line) as SummaryRow);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const readReport = (file: string): StampedReport => JSON.parse(readFileSync(file, 'utf8')) as StampedReport;
const statuses = (out: string): Record<string, string> => Object.fromEntries(readJsonl(out).map((row) => [relative(calls, row.file), row.status]));

/** Every file under `folder`, by relative path, with its bytes. */
function tree(folder: string): Map<string, string> {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(files.map((entry) => [relative(folder, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name), 'latin1')]));
}

describe('analyze DIR --out-dir OUT: the first run', () => {
  const out = join(tmp, 'first');
  let result: Run;
  beforeAll(async () => {
    result = await run([calls, '--out-dir', out, '--jobs', '2']);
  });

  it('exits 1 because one recording failed, and writes nothing to stdout', () => {
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toBe('');
  });

  it('writes a report per good recording, mirroring the folders, and nothing for the rest', () => {
    const expected = Object.keys(RECORDINGS).map((name) => `${name}.report.json`);
    expect([...tree(out).keys()].sort()).toEqual([...expected, 'summary.csv', 'summary.jsonl'].sort());
  });

  it('writes the report the one-file form writes, plus the stamp in source', async () => {
    for (const name of Object.keys(RECORDINGS)) {
      const single = join(tmp, `single-${name.replace(/\//g, '-')}.json`);
      expect((await run([path(name), '--out', single])).code).toBe(0);
      const { mtimeMs, size, analysisVersion, ...source } = readReport(join(out, `${name}.report.json`)).source;
      const batch = { ...readReport(join(out, `${name}.report.json`)), source };
      expect(batch).toEqual(readReport(single));
      const info = statSync(path(name));
      expect({ mtimeMs, size }).toEqual({ mtimeMs: info.mtimeMs, size: info.size });
      expect(analysisVersion).toMatch(/^luister-report\/1\+[0-9a-f]{16}$/);
    }
  });

  it('lists every audio file once, in a fixed order, with its status; not the text or hidden files', () => {
    const rows = readJsonl(out);
    expect(rows.map((row) => relative(calls, row.file))).toEqual(EXPECTED_ORDER);
    expect(statuses(out)).toEqual({ 'a.wav': 'ok', 'bad.wav': 'failed', 'day1/b.wav': 'ok', 'day2/b.oga': 'ok', 'day2/b.wav': 'ok' });
    expect(readCsv(out).map((row) => [relative(calls, row.file), row.status])).toEqual(rows.map((row) => [relative(calls, row.file), row.status]));
  });

  it("gives the damaged file's failure as the one-file form's line", async () => {
    const single = await run([path(CORRUPT), '--out', join(tmp, 'never.json')]);
    expect(single.code).toBe(1);
    const line = single.stderr.trimEnd();
    expect(line).toMatch(/^luister: .*bad\.wav: this is not a readable WAV file/);
    const failed = readJsonl(out).find((row) => row.status === 'failed')!;
    expect(failed).toMatchObject({ file: path(CORRUPT), error: line, report: null, durationSec: null, agent: null, customer: null, events: null });
    expect(readCsv(out).find((row) => row.status === 'failed')!.error).toBe(line);
  });

  it("puts each call's key figures in the summary, as in its report, in CSV and JSON lines alike", () => {
    const csv = readCsv(out);
    for (const [i, row] of readJsonl(out).entries()) {
      if (row.status !== 'ok') continue;
      const report = readReport(join(out, row.report!));
      expect(row.durationSec).toBe(report.durationSec);
      for (const role of ['agent', 'customer'] as const) {
        const summary = report.speakers[role]?.summary;
        expect(row[role]).toEqual(summary ? { speechSec: summary.speechSec, talkShare: summary.talkShare, meanF0Hz: summary.meanF0Hz, pitchSdSemitones: summary.pitchSdSemitones, speechRate: summary.speechRate, articulationRate: summary.articulationRate } : null);
        expect(csv[i][`${role}.meanF0Hz`]).toBe(summary ? String(summary.meanF0Hz) : '');
      }
      expect(report.events.filter((event) => event.type === 'pause').length, 'the gaps in the voice are pauses').toBeGreaterThan(0);
      for (const type of REPORT_EVENT_TYPES) {
        const count = report.events.filter((event) => event.type === type).length;
        expect(row.events![type], type).toBe(count);
        expect(csv[i][`events.${type}`], type).toBe(String(count));
      }
    }
    // The synthesised voices are found at their pitch: the figures are the call's own.
    const byFile = Object.fromEntries(readJsonl(out).map((row) => [relative(calls, row.file), row]));
    expect(byFile['day1/b.wav'].agent!.meanF0Hz).toBeCloseTo(120, -1);
    expect(byFile['day1/b.wav'].customer!.meanF0Hz).toBeCloseTo(220, -1);
    expect(byFile['a.wav'].customer).toBeNull();
  });

  it('has a CSV header naming every column', () => {
    const header = parseCsv(readFileSync(join(out, 'summary.csv'), 'utf8'))[0];
    expect(header.slice(0, 5)).toEqual(['file', 'status', 'error', 'report', 'durationSec']);
    for (const figure of ['speechSec', 'talkShare', 'meanF0Hz', 'pitchSdSemitones', 'speechRate', 'articulationRate']) {
      expect(header).toContain(`agent.${figure}`);
      expect(header).toContain(`customer.${figure}`);
    }
    for (const type of ['pause', 'silence', 'overlap', 'interruption', 'sigh']) expect(header).toContain(`events.${type}`);
  });

  it('writes one progress line per recording and a line of totals to stderr', () => {
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines, result.stderr).toHaveLength(6);
    expect(lines.slice(0, 5).map((line) => line.match(/^\[(\d)\/5\] /)?.[1])).toEqual(['1', '2', '3', '4', '5']);
    for (const name of Object.keys(RECORDINGS)) {
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^\\[\\d/5\\] ${escapeRegExp(path(name))} ok \\d+\\.\\d s audio in \\d+\\.\\d s$`)));
    }
    expect(lines).toContainEqual(expect.stringMatching(/^\[\d\/5\] .*bad\.wav failed: this is not a readable WAV file/));
    expect(lines[5]).toMatch(/^done: 5 files, 4 ok, 1 failed, 0 skipped; 0\.004 h of audio analysed in \d+\.\d s, \d+\.\dx real time$/);
  });
});

describe('analyze DIR --out-dir OUT: running again', () => {
  const stereo = path('day1/b.wav');

  /** A fresh output folder after a first run. */
  async function analysedOnce(): Promise<string> {
    const out = freshOut();
    expect((await run([calls, '--out-dir', out])).code).toBe(1);
    return out;
  }

  it('skips the recordings whose report is up to date, leaves those reports alone, and still exits 1', async () => {
      const out = await analysedOnce();
      const first = tree(out);
      const again = await run([calls, '--out-dir', out]);
      expect(again.code).toBe(1);
      expect(statuses(out)).toEqual({ 'a.wav': 'skipped', 'bad.wav': 'failed', 'day1/b.wav': 'skipped', 'day2/b.oga': 'skipped', 'day2/b.wav': 'skipped' });
      for (const name of Object.keys(RECORDINGS)) expect(tree(out).get(`${name}.report.json`)).toBe(first.get(`${name}.report.json`));
      expect(again.stderr).toMatch(/\] .*a\.wav skipped: its report is up to date\n/);
      expect(again.stderr).toMatch(/done: 5 files, 0 ok, 1 failed, 4 skipped; 0\.000 h of audio analysed in \d+\.\d s, nothing analysed\n$/);
      // A skipped recording's figures are still in the summary, read from its report.
      const skipped = readJsonl(out).find((row) => row.file === stereo)!;
      expect(skipped).toMatchObject({ status: 'skipped', report: 'day1/b.wav.report.json' });
      expect(skipped.agent).toEqual(pickFigures(readReport(join(out, 'day1/b.wav.report.json'))));
    });

  it('analyses a recording again once it has changed, and only that one', async () => {
      const out = await analysedOnce();
      const later = new Date(statSync(stereo).mtimeMs + 5000);
      utimesSync(stereo, later, later);
      expect((await run([calls, '--out-dir', out])).code).toBe(1);
      expect(statuses(out)).toEqual({ 'a.wav': 'skipped', 'bad.wav': 'failed', 'day1/b.wav': 'ok', 'day2/b.oga': 'skipped', 'day2/b.wav': 'skipped' });
      expect(readReport(join(out, 'day1/b.wav.report.json')).source.mtimeMs).toBe(statSync(stereo).mtimeMs);
      expect((await run([calls, '--out-dir', out])).code).toBe(1);
      expect(statuses(out)['day1/b.wav']).toBe('skipped');
    });

  it('analyses again when the roles change: only the stereo call, since --agent-channel means nothing to mono', async () => {
      const out = await analysedOnce();
      await run([calls, '--out-dir', out, '--agent-channel', '1']);
      expect(statuses(out)).toEqual({ 'a.wav': 'skipped', 'bad.wav': 'failed', 'day1/b.wav': 'ok', 'day2/b.oga': 'skipped', 'day2/b.wav': 'skipped' });
      expect(readReport(join(out, 'day1/b.wav.report.json')).speakers.agent!.channel).toBe(1);
    });

  it('analyses again when the report was written by another analysis version', async () => {
      const out = await analysedOnce();
      const file = join(out, 'a.wav.report.json');
      const report = readReport(file);
      writeFileSync(file, JSON.stringify({ ...report, source: { ...report.source, analysisVersion: 'luister-report/1+0000000000000000' } }));
      await run([calls, '--out-dir', out]);
      expect(statuses(out)).toEqual({ 'a.wav': 'ok', 'bad.wav': 'failed', 'day1/b.wav': 'skipped', 'day2/b.oga': 'skipped', 'day2/b.wav': 'skipped' });
      expect(readReport(file).source.analysisVersion).toBe(report.source.analysisVersion);
    });
});

function pickFigures(report: Report) {
  const { speechSec, talkShare, meanF0Hz, pitchSdSemitones, speechRate, articulationRate } = report.speakers.agent!.summary;
  return { speechSec, talkShare, meanF0Hz, pitchSdSemitones, speechRate, articulationRate };
}

describe('analyze DIR --out-dir OUT: jobs, names and inputs', () => {
  it('gives identical reports and summaries with --jobs 1 and --jobs 2', async () => {
      const one = freshOut();
      const two = freshOut();
      expect((await run([calls, '--out-dir', one, '--jobs', '1'])).code).toBe(1);
      expect((await run([calls, '--out-dir', two, '--jobs', '2'])).code).toBe(1);
      const a = tree(one);
      expect(a.size).toBe(6);
      expect(tree(two)).toEqual(a);
    });

  it('keeps recordings of the same name in different folders apart when the folders are the inputs', async () => {
    const out = freshOut();
    const result = await run([path('day2'), path('day1'), '--out-dir', out]);
    expect(result.code, result.stderr).toBe(0);
    // Mirrored below the folder the inputs share, in the order given.
    expect([...tree(out).keys()].sort()).toEqual(['day1/b.wav.report.json', 'day2/b.oga.report.json', 'day2/b.wav.report.json', 'summary.csv', 'summary.jsonl']);
    expect(readJsonl(out).map((row) => [relative(calls, row.file), row.report])).toEqual([
      ['day2/b.oga', 'day2/b.oga.report.json'],
      ['day2/b.wav', 'day2/b.wav.report.json'],
      ['day1/b.wav', 'day1/b.wav.report.json'],
    ]);
    expect(readReport(join(out, 'day1/b.wav.report.json')).speakers.customer).toBeDefined(); // the stereo one
    expect(readReport(join(out, 'day2/b.wav.report.json')).speakers.customer).toBeUndefined();
  });

  it('takes named files whatever their extension, once each, next to folders', async () => {
    const out = freshOut();
    const copy = join(tmp, 'recording.data');
    writeFileSync(copy, readFileSync(path('a.wav')));
    const result = await run([path('day1'), copy, path('day1/b.wav'), '--out-dir', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(readJsonl(out).map((row) => [row.file, row.status, row.report])).toEqual([
      [path('day1/b.wav'), 'ok', 'calls/day1/b.wav.report.json'],
      [copy, 'ok', 'recording.data.report.json'],
    ]);
  });

  it('quotes file names and messages with commas, quotes and line breaks in the CSV', async () => {
    const folder = join(tmp, 'odd');
    mkdirSync(folder);
    const odd = join(folder, 'Smith, "Jo"\nline two.wav');
    writeFileSync(odd, readFileSync(path(CORRUPT)));
    writeFileSync(join(folder, 'plain.wav'), readFileSync(path('a.wav')));
    const out = freshOut();
    expect((await run([folder, '--out-dir', out])).code).toBe(1);
    const csv = readCsv(out);
    expect(csv.map((row) => [row.file, row.status])).toEqual([
      [join(folder, 'Smith, "Jo"\nline two.wav'), 'failed'],
      [join(folder, 'plain.wav'), 'ok'],
    ]);
    expect(csv[0].error).toBe(readJsonl(out)[0].error);
    expect(csv[0].error).toContain('"fmt"');
  });

  it('fails the recordings that cannot be read, named as the one-file form names them', async () => {
    const out = freshOut();
    const missing = join(tmp, 'missing.wav');
    const result = await run([missing, path('a.wav'), '--out-dir', out]);
    expect(result.code).toBe(1);
    expect(readJsonl(out).map((row) => [row.status, row.error])).toEqual([
      ['failed', `luister: ${missing}: no such file; check the path`],
      ['ok', null],
    ]);
  });
});

describe('analyze --out-dir: mistakes', () => {
  const usage: [string, string[], RegExp][] = [
    ['--out with several recordings', ['a.wav', 'b.wav', '--out', 'r.json'], /one recording at a time, got 2: a\.wav, b\.wav; use --out-dir FOLDER instead of --out for several/],
    ['several recordings and no --out-dir', ['a.wav', 'b.wav'], /no --out-dir given: add --out-dir FOLDER for the reports of 2 recordings/],
    ['--out and --out-dir together', ['a.wav', '--out', 'r.json', '--out-dir', 'o'], /--out and --out-dir do not go together/],
    ['--out-dir without a recording', ['--out-dir', 'o'], /no recording given: name the files or folders to analyse/],
    ['an empty --out-dir', ['a.wav', '--out-dir', ''], /--out-dir is empty/],
    ['--jobs 0', ['a.wav', '--out-dir', 'o', '--jobs', '0'], /--jobs must be a positive whole number, got "0"/],
    ['--jobs 1.5', ['a.wav', '--out-dir', 'o', '--jobs', '1.5'], /--jobs must be a positive whole number, got "1\.5"/],
    ['--jobs two', ['a.wav', '--out-dir', 'o', '-j', 'two'], /--jobs must be a positive whole number, got "two"/],
    ['--jobs without --out-dir', ['a.wav', '--out', 'r.json', '--jobs', '2'], /--jobs works with --out-dir only/],
  ];
  for (const [name, args, message] of usage) {
    it(`exits 2 with one line for ${name}`, async () => {
      const result = await run(args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n')).toEqual([expect.stringMatching(/^luister: .*\(run with --help for usage\)$/), '']);
      expect(result.stderr).toMatch(message);
    });
  }

  it('exits 2 naming the folders searched when they hold no audio', async () => {
    const empty = join(tmp, 'empty');
    const textOnly = join(tmp, 'text-only');
    mkdirSync(join(empty, 'deeper'), { recursive: true });
    mkdirSync(join(textOnly, '.hidden'), { recursive: true });
    writeFileSync(join(textOnly, 'notes.txt'), 'x');
    writeFileSync(join(textOnly, '.hidden', 'a.wav'), readFileSync(path('a.wav')));
    const out = freshOut();
    const result = await run([empty, textOnly, '--out-dir', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `luister: no audio files found in ${empty}, ${textOnly} (searched recursively for .wav .mp3 .ogg .opus .oga .m4a .aac .mp4 .webm .flac; hidden files and folders are skipped) (run with --help for usage)\n`,
    );
    expect(() => statSync(out)).toThrow(); // nothing created
  });

  it('exits 1 before analysing when --out-dir cannot be made or is a file', async () => {
    const missingParent = join(tmp, 'no-such', 'out');
    const nested = await run([calls, '--out-dir', missingParent]);
    expect(nested).toMatchObject({ code: 1, stdout: '' });
    expect(nested.stderr).toBe(`luister: cannot create --out-dir ${missingParent}: the folder ${join(tmp, 'no-such')} does not exist; create it or choose another --out-dir\n`);
    expect(() => statSync(join(tmp, 'no-such'))).toThrow();
    const file = await run([calls, '--out-dir', path('a.wav')]);
    expect(file).toMatchObject({ code: 1, stderr: `luister: --out-dir ${path('a.wav')} is a file, not a folder; choose a folder for the reports\n` });
  });

  it('creates a missing --out-dir whose parent exists', async () => {
    const out = freshOut();
    expect((await run([path('day2/b.wav'), '--out-dir', out])).code).toBe(0);
    expect(readJsonl(out).map((row) => row.status)).toEqual(['ok']);
  });
});

describe('analyze --out-dir as a process', () => {
  function spawn(command: string[], out: string) {
    const result = spawnSync(command[0], [...command.slice(1), 'src/cli/analyze.ts', calls, '--out-dir', out, '--jobs', '2'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(result.error, 'the command did not finish in time').toBeUndefined();
    return result;
  }

  for (const [name, command] of [
    ['node --import tsx', [process.execPath, '--import', 'tsx']],
    ['tsx, as npm run analyze starts it', [join(ROOT, 'node_modules/.bin/tsx')]],
  ] as const) {
    it(`runs its workers from a clean start with ${name}`, async () => {
        const out = freshOut();
        const result = spawn([...command], out);
        expect(result.status, result.stderr).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack frames
        const lines = result.stderr.trimEnd().split('\n');
        expect(lines).toHaveLength(6);
        expect(lines[5]).toMatch(/^done: 5 files, 4 ok, 1 failed, 0 skipped;/);
        expect(statuses(out)).toEqual({ 'a.wav': 'ok', 'bad.wav': 'failed', 'day1/b.wav': 'ok', 'day2/b.oga': 'ok', 'day2/b.wav': 'ok' });
        for (const name of Object.keys(RECORDINGS)) expect(readReport(join(out, `${name}.report.json`)).source.name).toBe(name.split('/').pop());

        const again = spawn([...command], out);
        expect(again.status).toBe(1);
        expect(again.stderr.trimEnd().split('\n').pop()).toMatch(/^done: 5 files, 0 ok, 1 failed, 4 skipped;/);
      });
  }
});
