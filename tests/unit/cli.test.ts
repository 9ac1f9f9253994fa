import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SampleCoding } from '../../src/audio/pcm-decode.ts';
import { encodeWav } from '../../src/audio/wav-writer.ts';
import { main, type CliIo } from '../../src/cli/analyze-main.ts';
import { REPORT_SCHEMA, type Report } from '../../src/report/report-types.ts';

const dir = mkdtempSync(join(tmpdir(), 'luister-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const HAS_FFMPEG = spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0;
if (!HAS_FFMPEG) console.warn('ffmpeg is not installed: the mp3/opus/vorbis/flac command-line tests are skipped');

/**
 * A steady voiced sound: F0 and four harmonics falling off at 6 dB an octave, 10 ms fades so the
 * edges do not click. Speech enough for the pitch tracker and the voice activity detector.
 */
function voice(f0: number, seconds: number, sampleRate: number, amplitude = 0.3): Float32Array {
  const n = Math.round(seconds * sampleRate);
  const fade = Math.round(0.01 * sampleRate);
  return Float32Array.from({ length: n }, (_, i) => {
    let x = 0;
    for (let k = 1; k <= 5; k++) x += Math.sin((2 * Math.PI * k * f0 * i) / sampleRate) / k;
    return amplitude * 0.5 * x * Math.min(1, i / fade, (n - 1 - i) / fade);
  });
}

const silence = (seconds: number, sampleRate: number): Float32Array => new Float32Array(Math.round(seconds * sampleRate));

function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function writeWav(name: string, channels: Float32Array[], sampleRate: number, coding: SampleCoding = 'int16'): string {
  const path = join(dir, name);
  writeFileSync(path, encodeWav(channels, sampleRate, coding));
  return path;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], errIsTerminal = false): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { writeOut: async (text) => void out.push(text), writeErr: (text) => void err.push(text), errIsTerminal };
  const code = await main(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** Runs the command on `input` into a fresh report file and returns the report. */
async function analyze(input: string, ...options: string[]): Promise<{ report: Report; stderr: string }> {
  const out = join(dir, `report-${Math.random().toString(36).slice(2)}.json`);
  const result = await run([input, '--out', out, ...options]);
  expect(result, result.stderr).toMatchObject({ code: 0, stdout: '' });
  return { report: JSON.parse(readFileSync(out, 'utf8')) as Report, stderr: result.stderr };
}

/** Exit code 1 and exactly one line on stderr, matching `message`. */
async function expectBadInput(args: string[], message: RegExp, code = 1): Promise<void> {
  const result = await run(args);
  expect(result.code).toBe(code);
  expect(result.stdout).toBe('');
  expect(result.stderr.split('\n')).toEqual([expect.stringMatching(/^luister: /), '']);
  expect(result.stderr).toMatch(message);
}

const close = (actual: number, expected: number, tolerance: number): void => expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);

describe('analyze: a synthesized mono call', () => {
  const RATE = 16000;
  // 0.5 s quiet, 1.5 s voice, a 1 s pause, 1.5 s voice, then a ragged end (not a whole 10 ms).
  const samples = concat(silence(0.5, RATE), voice(200, 1.5, RATE), silence(1, RATE), voice(200, 1.5, RATE), silence(0.5, RATE), new Float32Array(59));
  let wav: string;
  let report: Report;
  beforeAll(async () => {
    wav = writeWav('mono.wav', [samples], RATE);
    report = (await analyze(wav)).report;
  });

  it('writes a luister-report/1 with one frame per 10 ms, rounded up', () => {
    expect(report.schema).toBe(REPORT_SCHEMA);
    expect(report.sampleRate).toBe(RATE);
    close(report.durationSec, samples.length / RATE, 1e-6);
    const agent = report.speakers.agent!;
    expect(agent.frames.f0Hz.length).toBe(Math.ceil((samples.length / RATE) * 100));
    expect(agent.frames.levelDb.length).toBe(agent.frames.f0Hz.length);
    expect(report.source).toEqual({ name: 'mono.wav', channels: 1, format: 'WAV 16-bit PCM' });
  });

  it('is the agent by default, at about 200 Hz, speaking twice', () => {
    expect(Object.keys(report.speakers)).toEqual(['agent']);
    const agent = report.speakers.agent!;
    close(agent.summary.meanF0Hz, 200, 2);
    expect(agent.speech).toHaveLength(2);
    close(agent.speech[0].start, 0.5, 0.05);
    close(agent.speech[1].end, 3.5 + 1, 0.05);
  });

  it('finds the pause between the two stretches of voice', () => {
    const pauses = report.events.filter((e) => e.type === 'pause');
    expect(pauses).toHaveLength(1);
    expect(pauses[0].speaker).toBe('agent');
    close(pauses[0].start, 2.0, 0.05);
    close(pauses[0].end, 3.0, 0.05);
  });

  it('is the customer with --mono-speaker customer', async () => {
    const { report: customer } = await analyze(wav, '--mono-speaker', 'customer');
    expect(Object.keys(customer.speakers)).toEqual(['customer']);
    expect(customer.speakers.customer!.frames.f0Hz).toEqual(report.speakers.agent!.frames.f0Hz);
  });

  it('warns that --agent-channel means nothing for a mono file', async () => {
    const { stderr } = await analyze(wav, '--agent-channel', '1');
    expect(stderr).toBe('luister: warning: --agent-channel is ignored: the recording is mono (use --mono-speaker to say whose voice it is)\n');
  });

  it('writes the same report to stdout with --out -, and nothing else there', async () => {
    const result = await run([wav, '--out', '-']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual(report);
  });

  it('draws progress on stderr only when it is a terminal', async () => {
    const out = join(dir, 'progress.json');
    expect((await run([wav, '--out', out], false)).stderr).toBe('');
    const terminal = await run([wav, '--out', out], true);
    expect(terminal.code).toBe(0);
    expect(terminal.stderr).toMatch(/^\rluister: analysing mono\.wav… \d+%/);
    expect(terminal.stderr.endsWith('\r\x1b[K')).toBe(true); // the line is cleared afterwards
  });

  describe.skipIf(!HAS_FFMPEG)('the same call compressed', () => {
    const formats: { name: string; file: string; args: string[] }[] = [
      { name: 'mp3', file: 'mono.mp3', args: ['-c:a', 'libmp3lame', '-b:a', '64k'] },
      { name: 'ogg/opus', file: 'mono.opus', args: ['-c:a', 'libopus', '-b:a', '32k'] },
      { name: 'ogg/vorbis', file: 'mono.ogg', args: ['-c:a', 'libvorbis'] },
      { name: 'flac', file: 'mono.flac', args: ['-c:a', 'flac'] },
    ];
    for (const { name, file, args } of formats) {
      it(`gives the same pitch and speech from ${name}`, async () => {
        const path = join(dir, file);
        execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', wav, ...args, path]);
        const { report: compressed } = await analyze(path);
        expect(compressed.schema).toBe(REPORT_SCHEMA);
        close(compressed.durationSec, report.durationSec, 0.08);
        const agent = compressed.speakers.agent!;
        close(agent.summary.meanF0Hz, report.speakers.agent!.summary.meanF0Hz, 2);
        expect(agent.speech).toHaveLength(2);
        expect(compressed.events.filter((e) => e.type === 'pause')).toHaveLength(1);
      });
    }
  });
});

describe('analyze: a stereo call', () => {
  const RATE = 22050;
  // Channel 0 the customer (220 Hz) first, channel 1 the agent (120 Hz) answering.
  const customer = concat(silence(0.3, RATE), voice(220, 1.5, RATE), silence(2.2, RATE));
  const agent = concat(silence(2.3, RATE), voice(120, 1.5, RATE), silence(0.2, RATE));
  let wav: string;
  beforeAll(() => {
    wav = writeWav('stereo.wav', [customer, agent], RATE, 'int24');
  });

  it('puts the agent on the channel --agent-channel names', async () => {
    const { report } = await analyze(wav, '--agent-channel', '1');
    expect(report.speakers.agent!.channel).toBe(1);
    expect(report.speakers.customer!.channel).toBe(0);
    close(report.speakers.agent!.summary.meanF0Hz, 120, 2);
    close(report.speakers.customer!.summary.meanF0Hz, 220, 2);
    close(report.speakers.agent!.speech[0].start, 2.3, 0.05);
    close(report.speakers.customer!.speech[0].start, 0.3, 0.05);
    expect(report.source).toEqual({ name: 'stereo.wav', channels: 2, format: 'WAV 24-bit PCM' });
  });

  it('takes channel 0 as the agent by default', async () => {
    const { report } = await analyze(wav);
    expect(report.speakers.agent!.channel).toBe(0);
    close(report.speakers.agent!.summary.meanF0Hz, 220, 2);
  });
});

describe('analyze: edge cases that give a report', () => {
  it('pure digital silence: a report with no speech, and a warning', async () => {
    const { report, stderr } = await analyze(writeWav('silence.wav', [silence(2, 16000)], 16000));
    expect(report.speakers.agent!.speech).toEqual([]);
    expect(report.speakers.agent!.frames.f0Hz.every((f) => f === 0)).toBe(true);
    expect(report.speakers.agent!.frames.f0Hz).toHaveLength(200);
    expect(stderr).toBe('luister: warning: no speech was found: the recording is silent or too quiet, so the report is empty\n');
  });

  it('a single sample: a report of one frame', async () => {
    const { report } = await analyze(writeWav('one-sample.wav', [Float32Array.of(0.5)], 16000));
    expect(report.durationSec).toBe(0.000063);
    expect(report.speakers.agent!.frames.f0Hz).toHaveLength(1);
  });

  it('NaN and infinite samples: read as silence, counted, and the report stays finite', async () => {
    const samples = concat(silence(0.3, 16000), voice(200, 1, 16000), silence(0.3, 16000));
    for (const at of [5000, 5001, 9000, 12000]) samples[at] = NaN;
    samples[7000] = Infinity;
    samples[7001] = -Infinity;
    const { report, stderr } = await analyze(writeWav('nan.wav', [samples], 16000, 'float32'));
    expect(stderr).toBe('luister: warning: 6 samples were not a number (NaN or infinite) and were read as silence\n');
    const agent = report.speakers.agent!;
    // JSON turns NaN into null: none may appear.
    expect(agent.frames.levelDb.every(Number.isFinite)).toBe(true);
    expect(agent.frames.f0Hz.every(Number.isFinite)).toBe(true);
    close(agent.summary.meanF0Hz, 200, 2);
  });

  for (const rate of [8000, 192000]) {
    it(`${rate / 1000} kHz: analysed like any other rate`, async () => {
      const samples = concat(silence(0.3, rate), voice(180, 1, rate), silence(0.3, rate));
      const { report } = await analyze(writeWav(`rate-${rate}.wav`, [samples], rate));
      expect(report.sampleRate).toBe(rate);
      expect(report.speakers.agent!.frames.f0Hz).toHaveLength(160);
      close(report.speakers.agent!.summary.meanF0Hz, 180, 2);
      expect(report.speakers.agent!.speech).toHaveLength(1);
    });
  }
});

describe('analyze: bad input gives one line and exit 1', () => {
  it('a sample rate outside 8–192 kHz', async () => {
    for (const rate of [4000, 384000]) {
      const wav = writeWav(`rate-${rate}.wav`, [voice(200, 0.2, rate)], rate);
      await expectBadInput([wav, '--out', join(dir, 'r.json')], new RegExp(`rate-${rate}\\.wav: its sample rate is ${rate} Hz and Luister analyses 8000–192000 Hz; resample it first`));
    }
  });

  it('six channels', async () => {
    const wav = writeWav('six.wav', Array.from({ length: 6 }, () => voice(200, 0.1, 16000)), 16000);
    await expectBadInput([wav, '--out', join(dir, 'r.json')], /six\.wav: the recording has 6 channels; Luister reads mono .* Mix it down to one or two channels first$/m);
  });

  it('a valid header with no samples', async () => {
    const wav = writeWav('no-samples.wav', [new Float32Array(0)], 16000);
    await expectBadInput([wav, '--out', join(dir, 'r.json')], /no-samples\.wav: the file holds no audio samples/);
  });

  const files: [string, () => string, RegExp][] = [
    ['a missing file', () => join(dir, 'missing.wav'), /missing\.wav: no such file; check the path$/m],
    ['a folder', () => (mkdirSync(join(dir, 'folder'), { recursive: true }), join(dir, 'folder')), /folder: this is a folder, not a recording/],
    ['an empty file', () => (writeFileSync(join(dir, 'empty.wav'), ''), join(dir, 'empty.wav')), /empty\.wav: the file is empty \(0 bytes\)/],
    ['a truncated WAV header', () => (writeFileSync(join(dir, 'cut.wav'), encodeWav([voice(200, 0.1, 16000)], 16000, 'int16').subarray(0, 40)), join(dir, 'cut.wav')), /cut\.wav: this is not a readable WAV file: the file ends before its audio data/],
    ['random bytes', () => (writeFileSync(join(dir, 'random.bin'), Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 251)), join(dir, 'random.bin')), /random\.bin: this is not an audio file Luister can read/],
    ['a text file', () => (writeFileSync(join(dir, 'notes.txt'), 'not audio\n'), join(dir, 'notes.txt')), /notes\.txt: this is not an audio file Luister can read; it reads WAV, MP3/],
    ['a PNG', () => (writeFileSync(join(dir, 'image.png'), Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13)), join(dir, 'image.png')), /image\.png: this is not an audio file/],
  ];
  for (const [name, make, message] of files) {
    it(name, async () => expectBadInput([make(), '--out', join(dir, 'r.json')], message));
  }
});

describe('analyze: the command line', () => {
  let wav: string;
  beforeAll(() => {
    wav = writeWav('short.wav', [concat(silence(0.2, 16000), voice(200, 0.5, 16000))], 16000);
  });

  it('--help prints the usage on stdout', async () => {
    const result = await run(['--help']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Usage: npm run --silent analyze -- FILE --out REPORT\.json/);
    expect(result.stdout).toMatch(/--agent-channel 0\|1/);
  });

  const usage: [string, string[], RegExp][] = [
    ['no arguments', [], /no recording given/],
    ['no --out', ['x.wav'], /no --out given: add --out REPORT\.json, or --out - for stdout/],
    ['two files', ['a.wav', 'b.wav', '--out', '-'], /one recording at a time, got 2/],
    ['an unknown option', ['x.wav', '--out', '-', '--speed', '2'], /Unknown option '--speed'/],
    ['--out without a value', ['x.wav', '--out'], /argument missing/],
    ['a bad --agent-channel', ['x.wav', '--out', '-', '--agent-channel', '2'], /--agent-channel must be 0 or 1, got "2"/],
    ['a bad --mono-speaker', ['x.wav', '--out', '-', '--mono-speaker', 'boss'], /--mono-speaker must be agent or customer, got "boss"/],
  ];
  for (const [name, args, message] of usage) {
    it(`exits 2 on ${name}`, async () => {
      await expectBadInput(args, message, 2);
      expect((await run(args)).stderr).toMatch(/\(run with --help for usage\)\n$/);
    });
  }

  it('refuses to write the report over the recording', async () => {
    await expectBadInput([wav, '--out', wav], /--out names the recording itself/, 2);
    expect(readFileSync(wav).subarray(0, 4).toString()).toBe('RIFF');
  });

  it('says so when the output folder is missing or the output is a folder, before analysing', async () => {
    await expectBadInput([wav, '--out', join(dir, 'no-such-folder', 'r.json')], /cannot write the report to .*r\.json: the folder .*no-such-folder does not exist; create it or choose another --out/);
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
    await expectBadInput([wav, '--out', dir], /it is a folder; give a file name such as/);
  });

  it('replaces the report in one step and leaves no temporary file', async () => {
    const folder = mkdtempSync(join(dir, 'out-'));
    const out = join(folder, 'report.json');
    writeFileSync(out, 'previous');
    expect((await run([wav, '--out', out])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).schema).toBe(REPORT_SCHEMA);
    expect(readdirSync(folder)).toEqual(['report.json']);
  });

  it('leaves an existing report alone when the analysis fails', async () => {
    const folder = mkdtempSync(join(dir, 'keep-'));
    const out = join(folder, 'report.json');
    writeFileSync(out, 'previous');
    const bad = writeWav('bad-rate.wav', [voice(200, 0.1, 4000)], 4000);
    expect((await run([bad, '--out', out])).code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('previous');
    expect(readdirSync(folder)).toEqual(['report.json']);
  });
});
