/**
 * Measurements of other programs on hour-long files: Praat as the reference analysis, and
 * Luister's own command line as a separate process (its peak memory).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { onPath, runMeasured, type ChildResult } from './child.ts';
import { LoopSource } from './speech-source.ts';
import { WavWriter } from './wav.ts';

/** Streams `audioSec` of the looped speech to a 16-bit WAV without holding it whole. */
export function writeLoopedWav(path: string, loop: Float32Array[], sampleRate: number, audioSec: number): void {
  const total = Math.round(audioSec * sampleRate);
  const writer = new WavWriter(path, sampleRate, loop.length, total);
  const source = new LoopSource(loop);
  const block = 65536;
  const buffers = loop.map(() => new Float32Array(block));
  try {
    for (let done = 0; done < total; ) {
      const n = Math.min(block, total - done);
      source.fill(buffers, n);
      writer.write(buffers, n);
      done += n;
    }
  } finally {
    writer.close();
  }
}

/** Bytes free on the file system holding `dir`, from `df -Pk`; null when df fails. */
export function freeBytes(dir: string): number | null {
  const df = spawnSync('df', ['-Pk', dir], { encoding: 'utf8', timeout: 10_000 });
  if (df.status === 0) {
    const fields = df.stdout.trim().split('\n').pop()?.split(/\s+/) ?? [];
    const availableKb = Number(fields[3]);
    if (Number.isFinite(availableKb)) return availableKb * 1024;
  }
  return null;
}

const PRAAT_SCRIPT = `# Reference analysis for the Luister bench: pitch, intensity and silences of one file.
form Analyse
  sentence wav
endform
sound = Read from file: wav$
# Pitch every 10 ms, as Luister's frames (Praat's own default here is 12.5 ms).
pitch = To Pitch: 0.01, 60, 500
selectObject: sound
intensity = To Intensity: 60, 0, "yes"
textgrid = To TextGrid (silences): -25, 0.25, 0.05, "silent", "sounding"
intervals = Get number of intervals: 1
selectObject: pitch
voiced = Count voiced frames
frames = Get number of frames
writeInfoLine: "intervals=", intervals, " voicedFrames=", voiced, " pitchFrames=", frames
`;

export interface PraatRun {
  audioSec: number;
  wavBytes: number;
  writeSec: number;
  result: ChildResult;
  xRealTime: number;
  summary: string;
}

export async function runPraat(praat: string, tempDir: string, loop16: Float32Array[], audioSec: number, timeoutSec: number): Promise<PraatRun | string> {
  if (!onPath(praat)) return `${praat} is not on PATH`;
  const wav = join(tempDir, 'praat-16k-mono.wav');
  const script = join(tempDir, 'reference.praat');
  try {
    const t0 = performance.now();
    writeLoopedWav(wav, loop16.slice(0, 1), 16000, audioSec);
    const writeSec = (performance.now() - t0) / 1000;
    const wavBytes = statSync(wav).size;
    writeFileSync(script, PRAAT_SCRIPT);
    const result = await runMeasured(praat, ['--run', script, wav], { timeoutSec, tempDir, label: 'praat' });
    if (result.timedOut) throw new Error(`praat timed out after ${timeoutSec} s`);
    if (result.code !== 0) throw new Error(`praat exited ${result.code ?? result.signal}: ${result.stderrTail.trim().slice(-800)}`);
    return { audioSec, wavBytes, writeSec, result, xRealTime: audioSec / result.wallSec, summary: result.stdoutTail.trim() };
  } finally {
    rmSync(wav, { force: true });
    rmSync(script, { force: true });
  }
}

export interface CliRun {
  audioSec: number;
  wavBytes: number;
  generateSec: number;
  generator: string;
  result: ChildResult;
  reportBytes: number;
  reportCheck: string;
  sectionSec: number;
  diskNote: string;
}

/**
 * The command line on an hour of stereo 48 kHz: the WAV is made by sox looping a short stereo
 * call (or streamed by the bench when sox is missing), then the CLI runs as a child process.
 */
export async function runCli(
  repoRoot: string,
  tempDir: string,
  loop48Stereo: Float32Array[],
  audioSec: number,
  timeoutSec: number,
): Promise<CliRun | string> {
  const started = performance.now();
  const cli = join(repoRoot, 'src', 'cli', 'analyze.ts');
  if (!existsSync(cli)) return 'CLI not present';
  const needBytes = audioSec * 48000 * 2 * 2 + 300e6;
  const free = freeBytes(tempDir);
  if (free !== null && free < needBytes) {
    return `not enough disk space in the temp dir: ${(free / 1e9).toFixed(2)} GB free, ${(needBytes / 1e9).toFixed(2)} GB needed`;
  }
  const diskNote = free === null ? 'free disk unknown (df failed)' : `${(free / 1e9).toFixed(1)} GB free in the temp dir, ${(needBytes / 1e9).toFixed(1)} GB needed`;
  const base = join(tempDir, 'call-48k-stereo.wav');
  const wav = join(tempDir, 'long-48k-stereo.wav');
  const out = join(tempDir, 'long-48k-stereo.report.json');
  try {
    const t0 = performance.now();
    let generator: string;
    if (onPath('sox')) {
      writeLoopedWav(base, loop48Stereo, 48000, loop48Stereo[0].length / 48000);
      const repeats = Math.ceil(audioSec / (loop48Stereo[0].length / 48000)) - 1;
      const sox = spawnSync('sox', [base, '-b', '16', wav, 'repeat', String(repeats), 'trim', '0', String(audioSec)], {
        encoding: 'utf8',
        timeout: 300_000,
      });
      if (sox.error) throw new Error(`sox: ${sox.error.message}`);
      if (sox.status !== 0) throw new Error(`sox exited ${sox.status}: ${sox.stderr.trim()}`);
      generator = `sox (a ${(loop48Stereo[0].length / 48000).toFixed(0)} s stereo call repeated)`;
    } else {
      writeLoopedWav(wav, loop48Stereo, 48000, audioSec);
      generator = 'bench WAV writer (sox not found)';
    }
    const generateSec = (performance.now() - t0) / 1000;
    const wavBytes = statSync(wav).size;
    rmSync(base, { force: true });

    const result = await runMeasured(process.execPath, ['--import', 'tsx', cli, wav, '--out', out], {
      cwd: repoRoot,
      timeoutSec,
      tempDir,
      label: 'cli',
    });
    if (result.timedOut) throw new Error(`the CLI timed out after ${timeoutSec} s`);
    if (result.code !== 0) {
      throw new Error(`the CLI exited ${result.code ?? result.signal}: ${(result.stderrTail || result.stdoutTail).trim().slice(-1200)}`);
    }
    let reportBytes = 0;
    let reportCheck = 'no report file written';
    if (existsSync(out)) {
      reportBytes = statSync(out).size;
      try {
        const report = JSON.parse(readFileSync(out, 'utf8')) as { schema?: string; durationSec?: number; speakers?: object };
        reportCheck = `schema ${report.schema}, durationSec ${report.durationSec}, speakers ${Object.keys(report.speakers ?? {}).join('+')}`;
      } catch (error) {
        reportCheck = `report is not JSON: ${(error as Error).message}`;
      }
    }
    return { audioSec, wavBytes, generateSec, generator, result, reportBytes, reportCheck, sectionSec: (performance.now() - started) / 1000, diskNote };
  } finally {
    rmSync(base, { force: true });
    rmSync(wav, { force: true });
    rmSync(out, { force: true });
  }
}
