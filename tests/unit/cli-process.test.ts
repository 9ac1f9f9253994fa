/**
 * The real command, as a process: exit codes, exactly one line on stderr for a problem, no stack
 * trace, nothing but the report on stdout, and no hang (every run has a time limit).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeWav } from '../../src/audio/wav-writer.ts';
import { REPORT_SCHEMA, type Report } from '../../src/report/report-types.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'luister-cli-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function analyze(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/analyze.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
    // No terminal here, as in a script: no progress may appear.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  expect(result.error, 'the command did not finish in time').toBeUndefined();
  return result;
}

function write(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

function expectOneLine(result: ReturnType<typeof analyze>, status: number, message: RegExp): void {
  expect(result.status).toBe(status);
  expect(result.stdout).toBe('');
  const lines = result.stderr.split('\n');
  expect(lines, result.stderr).toHaveLength(2);
  expect(lines[0]).toMatch(/^luister: /);
  expect(lines[0]).toMatch(message);
  expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack frames
}

const tone = (rate: number, seconds: number, channels = 1): Float32Array[] =>
  Array.from({ length: channels }, () => Float32Array.from({ length: rate * seconds }, (_, i) => 0.3 * Math.sin((2 * Math.PI * 200 * i) / rate)));

describe('the analyze command as a process', () => {
  it('writes only the report to stdout with --out -', () => {
    const result = analyze(write('ok.wav', encodeWav(tone(16000, 1), 16000, 'int16')), '--out', '-');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.schema).toBe(REPORT_SCHEMA);
    expect(report.speakers.agent!.frames.f0Hz).toHaveLength(100);
    // A steady tone is not speech, so the only stderr output is that warning.
    expect(result.stderr).toBe('luister: warning: no speech was found: the recording is silent or too quiet, so the report is empty\n');
  });

  it('exits 1 with one line for a missing file', () => {
    expectOneLine(analyze(join(dir, 'missing.wav'), '--out', '-'), 1, /missing\.wav: no such file; check the path$/);
  });

  it('exits 1 with one line for random bytes', () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 104729 + 7) % 256);
    expectOneLine(analyze(write('random.dat', bytes), '--out', '-'), 1, /random\.dat: this is not an audio file Luister can read/);
  });

  it('exits 1 with one line for a corrupt WAV header', () => {
    expectOneLine(analyze(write('cut.wav', encodeWav(tone(16000, 1), 16000, 'int16').subarray(0, 20)), '--out', '-'), 1, /cut\.wav: this is not a readable WAV file/);
  });

  it('exits 1 with one line for six channels', () => {
    expectOneLine(analyze(write('six.wav', encodeWav(tone(8000, 1, 6), 8000, 'int16')), '--out', '-'), 1, /six\.wav: the recording has 6 channels/);
  });

  it('exits 1 with one line for a sample rate out of range', () => {
    expectOneLine(analyze(write('slow.wav', encodeWav(tone(4000, 1), 4000, 'int16')), '--out', '-'), 1, /its sample rate is 4000 Hz/);
  });

  it('exits 1 with one line for a folder that does not exist', () => {
    const wav = write('fine.wav', encodeWav(tone(16000, 1), 16000, 'int16'));
    expectOneLine(analyze(wav, '--out', join(dir, 'nope', 'r.json')), 1, /the folder .*nope does not exist/);
  });

  it('exits 2 with one line for a wrong command line', () => {
    expectOneLine(analyze('--agent-channel', '3', 'x.wav', '--out', '-'), 2, /--agent-channel must be 0 or 1, got "3" \(run with --help for usage\)$/);
    expectOneLine(analyze(), 2, /no recording given/);
  });
});
