/**
 * A long practice call in the real app: `npm run bench:live` (an hour), `npm run bench:live --
 * --minutes 3` for a quick run. Not a test: it prints what a long call costs and whether it holds.
 *
 * Builds the app, serves the build, and starts a practice call in headless Chromium (with a profile
 * on disk, so IndexedDB writes to disk as in a user's browser) whose fake microphone loops a minute
 * and a half of speech. Every 10 s it reads the resident memory of the
 * renderer and the audio service (/proc), the page's JS heap (CDP) and the audio clocks: frames
 * the context rendered, samples the analysis worklet analysed, samples the recorder handed over.
 * At the end it stops the call and compares the recording stored in IndexedDB with the time the
 * call ran.
 *
 * Where the context's clock fell behind the wall clock, it says what the machine did in that
 * stretch (machine-stalls.ts): whether a thread of this process woke late too, the steal time, and
 * how long the audio service's threads waited for a processor. And what the app told the agent.
 *
 * Options: --minutes N (default 60), --samples (also print every reading), --bare (the baseline:
 * the same browser and fake microphone with the app loaded but idle, the microphone played into a
 * bare AudioContext, no analysis, no recording; what Chromium's own audio path does over time, to
 * hold the app's figures against).
 * Linux only (memory from /proc). Temporary files go to the OS temp dir and are removed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { fakeMicrophoneArgs, launchPersistentChromium, startPreviewServer, viteConfig, type Server } from '../tests/e2e/harness.ts';
import { writeRushedSpeechWav } from '../tests/e2e/speech-audio.ts';
import { installPageProbe } from '../tests/support/page-probe.ts';
import { readLiveProbe, readStoredSessions, type LiveReading } from './live-page.ts';
import { AUDIO_SERVICE, chromiumProcesses } from '../tests/support/chromium-processes.ts';
import { MachineStallWatch, runQueueWaitSec, stealSec } from './machine-stalls.ts';
import { chromiumMemory, type ChromiumMemory } from './proc-memory.ts';
import { distribution, fixed, table } from './report.ts';

/** Between two readings, s. */
const READ_EVERY_SEC = 10;
/** Readings before this are start-up, not growth: left out of the slopes, s. */
const WARM_UP_SEC = 60;
/** A stretch where the context clock fell this far behind the wall clock counts as a gap, s. */
const GAP_SEC = 0.05;
/** Speech in the capture file Chromium loops, s. */
const SPEECH_SEC = 90;
const QUANTUM = 128;

interface Options {
  minutes: number;
  printSamples: boolean;
  bare: boolean;
}

interface Sample {
  /** Since the call went live, s. */
  t: number;
  reading: LiveReading;
  memory: ChromiumMemory;
  heapBytes: number;
  /** The machine's 1-minute load average: gaps under load are the machine's, not the app's. */
  load: number;
  /** Steal time of all processors so far, s. */
  stealSec: number;
  /** Time the audio service's threads have waited for a processor so far, s. */
  audioWaitSec: number;
}

function parseOptions(args: string[]): Options {
  const options: Options = { minutes: 60, printSamples: false, bare: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--samples') options.printSamples = true;
    else if (arg === '--bare') options.bare = true;
    else if (arg === '--minutes' || arg.startsWith('--minutes=')) {
      const raw = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      const minutes = Number(raw);
      if (!(minutes > 0)) throw new Error(`--minutes needs a positive number, got ${raw}`);
      options.minutes = minutes;
    } else throw new Error(`unknown option ${arg} (use --minutes N, --samples, --bare)`);
  }
  return options;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

const statusOf = (page: Page): Promise<string> =>
  page
    .locator('luister-practice .status')
    .textContent()
    .then((t) => t?.trim() ?? '');

/** Least-squares slope of y over t, per second; NaN with fewer than two points. */
function slope(points: { t: number; y: number }[]): number {
  if (points.length < 2) return NaN;
  const n = points.length;
  const mt = points.reduce((s, p) => s + p.t, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.t - mt) * (p.y - my);
    den += (p.t - mt) ** 2;
  }
  return den > 0 ? num / den : NaN;
}

const mb = (bytes: number): string => fixed(bytes / 1e6, 1);

function memoryTable(samples: Sample[]): string {
  const middle = samples[Math.floor((samples.length - 1) / 2)];
  const ends = [samples[0], middle, samples[samples.length - 1]];
  const settled = samples.filter((s) => s.t >= WARM_UP_SEC);
  const fitted = settled.length >= 3 ? settled : samples;
  // Every kind of process that was there, so growth elsewhere (IndexedDB lives in the storage
  // service) shows where it is.
  const kinds = [...new Set(samples.flatMap((s) => Object.keys(s.memory.byKind)))].sort();
  const rows: [string, (s: Sample) => number][] = [
    ['renderer RSS (page, worklets)', (s) => s.memory.rendererBytes],
    ['audio service RSS', (s) => s.memory.audioServiceBytes],
    ['JS heap used (page main thread)', (s) => s.heapBytes],
    ['all Chromium processes RSS', (s) => s.memory.totalBytes],
    ...kinds.map((kind): [string, (s: Sample) => number] => [`  ${kind}`, (s) => s.memory.byKind[kind] ?? 0]),
  ];
  return table(
    ['memory, MB', `start (${fixed(ends[0].t, 0)} s)`, `middle (${fixed(ends[1].t, 0)} s)`, `end (${fixed(ends[2].t, 0)} s)`, 'slope, MB per 10 min'],
    rows.map(([name, of]) => [
      name,
      ...ends.map((s) => mb(of(s))),
      fixed((slope(fitted.map((s) => ({ t: s.t, y: of(s) }))) * 600) / 1e6, 2),
    ]),
  );
}

interface Gap {
  line: string;
  missingSec: number;
  /** Whether the machine stood still in the same stretch. */
  machineStalled: boolean;
  stealSec: number;
}

/** Stretches between readings where the context rendered less than the wall clock ran, and what the machine did then. */
function gapsOf(samples: Sample[], machine: MachineStallWatch): Gap[] {
  const gaps: Gap[] = [];
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1];
    const b = samples[i];
    const wallSec = (b.reading.nowMs - a.reading.nowMs) / 1000;
    const missingSec = wallSec - (b.reading.contextFrames - a.reading.contextFrames) / b.reading.sampleRate;
    if (missingSec <= GAP_SEC) continue;
    const stalls = machine.between(a.reading.nowMs, b.reading.nowMs);
    const steal = b.stealSec - a.stealSec;
    gaps.push({
      missingSec,
      stealSec: steal,
      // Steal alone says little: on a busy host it comes in slices of a few ms all the time.
      machineStalled: stalls.longestMs >= GAP_SEC * 1000,
      line:
        `${fixed(a.t, 0)}–${fixed(b.t, 0)} s: ${fixed(missingSec, 2)} s not rendered; machine: ${stalls.count} late wake-ups ` +
        `(longest ${fixed(stalls.longestMs, 0)} ms), steal ${fixed(steal, 2)} s, audio service waited ${fixed(b.audioWaitSec - a.audioWaitSec, 2)} s, load ${fixed(b.load, 2)}`,
    });
  }
  return gaps;
}

function machineSummary(samples: Sample[], machine: MachineStallWatch, gaps: Gap[]): string[] {
  const first = samples[0];
  const last = samples[samples.length - 1];
  const all = machine.between(first.reading.nowMs, last.reading.nowMs);
  const missing = gaps.reduce((sum, g) => sum + g.missingSec, 0);
  const explained = gaps.filter((g) => g.machineStalled);
  // Steal per reading over the call against steal in the readings with a gap: the hypervisor taking
  // a processor for a few ms at a time stalls a thread no wake-up watch on the other one sees.
  const stealPerReading = samples.slice(1).map((s, i) => s.stealSec - samples[i].stealSec);
  const stealInGaps = gaps.map((g) => g.stealSec);
  const median = (list: number[]): number => (list.length === 0 ? NaN : distribution(Float64Array.from(list), list.length).median);
  return [
    `machine over the call: ${all.count} wake-ups late by more than 20 ms (${fixed(all.totalMs / 1000, 2)} s in all, longest ${fixed(all.longestMs, 0)} ms), ` +
      `steal ${fixed(last.stealSec - first.stealSec, 2)} s, audio service waited ${fixed(last.audioWaitSec - first.audioWaitSec, 2)} s for a processor`,
    `gaps in a stretch where the machine also stood still (a wake-up ≥ ${GAP_SEC * 1000} ms late): ` +
      `${explained.length} of ${gaps.length}, ${fixed(explained.reduce((sum, g) => sum + g.missingSec, 0), 2)} s of ${fixed(missing, 2)} s`,
    `steal per ${READ_EVERY_SEC} s reading: median ${fixed(median(stealPerReading), 2)} s over the call, ${fixed(median(stealInGaps), 2)} s in the readings with a gap`,
  ];
}

function audioTable(samples: Sample[], startedAt: number): string {
  const last = samples[samples.length - 1].reading;
  const rate = last.sampleRate;
  const expected = (((last.nowMs - startedAt) / 1000) * rate) / QUANTUM;
  const row = (name: string, quanta: number): string[] => [name, fixed(quanta, 0), `${fixed((quanta / expected) * 100, 2)} %`];
  return table(
    ['render quanta (128 frames)', 'count', 'of expected'],
    [
      ['expected from the wall clock', fixed(expected, 0), '100 %'],
      row('rendered by the context', last.contextFrames / QUANTUM),
      row('analysed by the worklet', last.analysedSamples / QUANTUM),
      row('handed to storage by the recorder', last.recordedSamples / QUANTUM),
      [
        'underruns (context playbackStats)',
        last.underrunEvents === null ? 'n/a' : String(last.underrunEvents),
        last.underrunSec === null ? '' : `${fixed(last.underrunSec, 2)} s of audio`,
      ],
    ],
  );
}

function samplesTable(samples: Sample[]): string {
  return table(
    ['t, s', 'renderer MB', 'audio MB', 'heap MB', 'context s', 'analysed s', 'recorded s', 'underruns', 'load'],
    samples.map((s) => [
      fixed(s.t, 0),
      mb(s.memory.rendererBytes),
      mb(s.memory.audioServiceBytes),
      mb(s.heapBytes),
      fixed(s.reading.contextFrames / s.reading.sampleRate, 2),
      fixed(s.reading.analysedSamples / s.reading.sampleRate, 2),
      fixed(s.reading.recordedSamples / s.reading.sampleRate, 2),
      String(s.reading.underrunEvents ?? 'n/a'),
      fixed(s.load, 2),
    ]),
  );
}

/** The baseline's audio: the microphone into a context's output, nothing else. Runs in the page. */
async function playMicrophoneBare(): Promise<void> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  const ctx = new AudioContext(); // the probe keeps it
  ctx.createMediaStreamSource(stream).connect(ctx.destination);
  await ctx.resume();
  if (window.pageProbe) window.pageProbe.startedAt = Date.now();
}

async function runCall(context: BrowserContext, server: Server, wavPath: string, options: Options, machine: MachineStallWatch): Promise<void> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(installPageProbe);
  await page.goto(new URL('#practice', server.url).href);
  const start = page.locator('luister-practice').getByRole('button', { name: 'Start oefengesprek' });
  await start.waitFor({ timeout: 30_000 });
  const cdp = await context.newCDPSession(page);
  const { product } = (await cdp.send('Browser.getVersion')) as { product: string };
  console.log(
    `Luister live bench: ${fixed(options.minutes, 1)} min ${options.bare ? 'bare microphone (baseline, no app call)' : 'practice call'}, ${product}, ${cpus().length} CPUs, ` +
      `load average ${loadavg().map((l) => fixed(l, 2)).join(' ')}`,
  );

  if (options.bare) await page.evaluate(playMicrophoneBare);
  else await start.click();
  await waitUntil('the call to go live', async () => (await page.evaluate(() => window.pageProbe?.startedAt ?? 0)) > 0, 30_000);
  const startedAt = await page.evaluate(() => window.pageProbe?.startedAt ?? 0);
  const durationMs = options.minutes * 60_000;
  console.log(`call live; reading every ${READ_EVERY_SEC} s for ${fixed(options.minutes, 1)} min`);

  const samples: Sample[] = [];
  const take = async (): Promise<void> => {
    const reading = await page.evaluate(readLiveProbe);
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    // One scan of /proc per reading serves the memory and the audio service's wait.
    const processes = chromiumProcesses(wavPath);
    const audioService = processes.filter((p) => p.kind === AUDIO_SERVICE);
    samples.push({
      t: (reading.nowMs - startedAt) / 1000,
      reading,
      memory: chromiumMemory(processes),
      heapBytes: heap.usedSize,
      load: loadavg()[0],
      stealSec: stealSec(),
      audioWaitSec: runQueueWaitSec(audioService.map((p) => p.pid)),
    });
  };
  await take();
  for (let next = READ_EVERY_SEC * 1000; next <= durationMs; next += READ_EVERY_SEC * 1000) {
    await sleep(Math.max(0, startedAt + next - Date.now()));
    await take();
    const done = samples.length - 1;
    if (done % 6 === 0) console.log(`  ${fixed(samples[done].t / 60, 1)} min: renderer ${mb(samples[done].memory.rendererBytes)} MB, heap ${mb(samples[done].heapBytes)} MB`);
  }

  if (options.bare) {
    const gaps = gapsOf(samples, machine);
    console.log('');
    console.log(memoryTable(samples));
    console.log('');
    console.log(audioTable(samples, startedAt));
    for (const gap of gaps) console.log(`  ${gap.line}`);
    for (const line of machineSummary(samples, machine, gaps)) console.log(line);
    return;
  }

  // The app's own word on stalls (the last notice it showed, if it is one).
  const notice = (await page.locator('luister-practice .notice').textContent())?.trim() ?? '';
  await page.locator('luister-practice').getByRole('button', { name: 'Stop gesprek' }).click();
  const stoppedAt = await page.evaluate(() => window.pageProbe?.clickedAt ?? 0);
  await waitUntil('the call to be stored', async () => (await statusOf(page)) === 'Niet in gesprek', 120_000);
  const sessions = await page.evaluate(readStoredSessions);

  const elapsedSec = (stoppedAt - startedAt) / 1000;
  const lastReading = samples[samples.length - 1].reading;
  const renderedSec = lastReading.contextFrames / lastReading.sampleRate;
  const gaps = gapsOf(samples, machine);
  console.log('');
  console.log(memoryTable(samples));
  console.log('');
  console.log(audioTable(samples, startedAt));
  console.log(`gaps (context behind the wall clock by > ${GAP_SEC * 1000} ms between readings): ${gaps.length === 0 ? 'none' : ''}`);
  for (const gap of gaps) console.log(`  ${gap.line}`);
  for (const line of machineSummary(samples, machine, gaps)) console.log(line);
  console.log(`the app's notice at the end: ${notice.startsWith('Het geluid haperde') ? notice : 'no stall reported'}`);
  console.log('');
  const session = sessions.length === 1 ? sessions[0] : null;
  const storedSec = session ? session.samples / session.sampleRate : NaN;
  console.log(
    table(
      ['recording', 'seconds', 'note'],
      [
        ['elapsed, Start to Stop', fixed(elapsedSec, 2), ''],
        ['persisted in IndexedDB', fixed(storedSec, 2), session ? `status ${session.status}, ${session.chunkCount} chunks` : `${sessions.length} sessions stored`],
        ['persisted − elapsed', fixed(storedSec - elapsedSec, 2), Math.abs(storedSec - elapsedSec) <= 1 ? 'within 1 s' : 'OFF BY MORE THAN 1 s'],
        // Tells the app's losses (recorder, storage) from time the browser never rendered.
        ['persisted − rendered by the context', fixed(storedSec - renderedSec, 2), 'at the last reading, just before Stop'],
      ],
    ),
  );
  if (errors.length > 0) console.log(`page errors: ${errors.join(' | ')}`);
  if (options.printSamples) {
    console.log('');
    console.log(samplesTable(samples));
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const folder = await mkdtemp(join(tmpdir(), 'luister-live-bench-'));
  let server: Server | null = null;
  let context: BrowserContext | null = null;
  const machine = new MachineStallWatch();
  try {
    const wavPath = await writeRushedSpeechWav(folder, SPEECH_SEC, 'looping-speech.wav');
    const outDir = join(folder, 'dist');
    console.log('building the app…');
    // Quiet: the bundler's timing notes are not what this bench reports.
    await build(viteConfig({ logLevel: 'error', build: { outDir, emptyOutDir: true } }));
    server = await startPreviewServer(outDir);
    // A profile on disk, as a user's: IndexedDB writes the recording to disk, not to memory.
    context = await launchPersistentChromium(join(folder, 'profile'), fakeMicrophoneArgs(wavPath));
    await runCall(context, server, wavPath, options, machine);
  } finally {
    await machine.stop();
    await context?.close();
    await server?.close();
    await rm(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
