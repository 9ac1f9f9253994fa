/**
 * The review view on an hour-long recording, in headless Chromium: a 60-minute stereo 48 kHz
 * 16-bit WAV of speech-like sound (691 MB, written to a temporary folder and removed afterwards)
 * is chosen through the file input of the production build, and the bench measures
 *   - wall time from choosing the file to the report on screen → x real time,
 *   - peak memory of the page: RSS of Chromium's renderer processes (sampled from /proc every
 *     250 ms; workers live in the page's renderer) and the page's JS heap (CDP Performance),
 *   - that the progress bar only ever moved forward,
 *   - main-thread responsiveness: the longest gap of a 20 ms timer heartbeat in the page,
 * then a second run that cancels at about 30 % and checks that the Worker stopped: no more
 * progress, the Worker gone, the renderer's CPU back near idle.
 *
 *   npm run bench:page
 * BENCH_PAGE_MINUTES=10 shortens the recording (for trying it out).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { launchChromium, ROOT, startPreviewServer } from '../tests/e2e/harness.ts';
import { tempFolder, writeLoopedWav } from '../tests/e2e/long-wav.ts';
import { fixed, mib, seconds, table } from './report.ts';
import { makeLoop, makeSpeechMaterial } from './speech-source.ts';

const MINUTES = Number(process.env.BENCH_PAGE_MINUTES ?? 60);
const RATE = 48000;
const SAMPLE_MS = 250;
const TARGET_PEAK_MIB = 400;
const TARGET_X_REAL_TIME = 100;
const CLOCK_TICKS = 100; // USER_HZ on Linux

/** Chromium's renderer processes under the browser process `root` (all descendants). */
function rendererPids(root: number): number[] {
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  const under = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  return [...parent.keys()].filter((pid) => {
    if (!under(pid)) return false;
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
    } catch {
      return false;
    }
  });
}

function rssBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return 0;
  }
}

/** Samples the renderers' RSS and CPU every 250 ms until stopped. */
class RendererSampler {
  peakRss = 0;
  /** The largest single renderer's peak (the page's own process, which hosts its workers). */
  peakSingleRss = 0;
  private readonly cpu: { at: number; ticks: number }[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(browserPid: number) {
    const sample = (): void => {
      const pids = rendererPids(browserPid);
      let rss = 0;
      let ticks = 0;
      for (const pid of pids) {
        const own = rssBytes(pid);
        rss += own;
        this.peakSingleRss = Math.max(this.peakSingleRss, own);
        ticks += cpuTicks(pid);
      }
      if (process.env.BENCH_PAGE_TRACE === '1') console.log(`t=${fixed(performance.now() / 1000, 2)} ${pids.map((p) => `${p}:${mib(rssBytes(p))}:${cpuTicks(p)}`).join(' ')}`);
      this.peakRss = Math.max(this.peakRss, rss);
      this.cpu.push({ at: performance.now(), ticks });
    };
    sample();
    this.timer = setInterval(sample, SAMPLE_MS);
  }

  /** CPU use of the renderers between two moments, in cores (1 = one core busy). */
  cpuBetween(from: number, to: number): number {
    const inside = this.cpu.filter((s) => s.at >= from && s.at <= to);
    if (inside.length < 2) return NaN;
    const first = inside[0];
    const last = inside[inside.length - 1];
    return (last.ticks - first.ticks) / CLOCK_TICKS / ((last.at - first.at) / 1000);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** In the page: a 20 ms heartbeat's longest gap, and every progress value the bar showed. */
function instrumentPage(): void {
  const w = window as unknown as { bench: { maxGapMs: number; progress: { at: number; value: number }[] } };
  w.bench = { maxGapMs: 0, progress: [] };
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    w.bench.maxGapMs = Math.max(w.bench.maxGapMs, now - last);
    last = now;
    const bar = document
      .querySelector('luister-app')
      ?.shadowRoot?.querySelector('luister-review')
      ?.shadowRoot?.querySelector('luister-analysis-progress')
      ?.shadowRoot?.querySelector('[role="progressbar"]');
    const value = Number(bar?.getAttribute('aria-valuenow') ?? NaN);
    const seen = w.bench.progress;
    if (Number.isFinite(value) && seen.at(-1)?.value !== value) seen.push({ at: now, value });
  }, 20);
}

interface PageStats {
  maxGapMs: number;
  progress: { at: number; value: number }[];
}

const pageStats = (page: Page): Promise<PageStats> => page.evaluate(() => (window as unknown as { bench: PageStats }).bench);

async function openReview(browser: Browser, url: string): Promise<{ page: Page; close(): Promise<void>; heapPeak(): number; stopHeap(): void }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  const page = await context.newPage();
  if (process.env.BENCH_PAGE_TRACE === '1') {
    page.on('console', (m) => console.log('page:', m.type(), m.text()));
    page.on('pageerror', (e) => console.log('page error:', e.message));
  }
  await page.goto(url);
  await page.locator('luister-app [role="tab"]').first().waitFor();
  await page.locator('luister-app #tab-review').click();
  await page.evaluate(instrumentPage);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  let heapPeak = 0;
  const heapTimer = setInterval(() => {
    cdp
      .send('Performance.getMetrics')
      .then(({ metrics }) => {
        const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
        heapPeak = Math.max(heapPeak, used);
      })
      .catch(() => undefined);
  }, SAMPLE_MS);
  return {
    page,
    heapPeak: () => heapPeak,
    stopHeap: () => clearInterval(heapTimer),
    close: async () => {
      clearInterval(heapTimer);
      await context.close();
    },
  };
}

const fileWorkers = (page: Page): number => page.workers().filter((w) => w.url().includes('file-worker')).length;

async function main(): Promise<void> {
  const folder = tempFolder('luister-bench-page-');
  const rows: string[][] = [];
  try {
    const wav = join(folder.path, 'hour-call.wav');
    const t0 = performance.now();
    const material = makeSpeechMaterial(folder.path, process.env.BENCH_SYNTHETIC === '1');
    writeLoopedWav(wav, makeLoop(material, RATE, 2), RATE, MINUTES * 60);
    console.log(`wrote ${mib(statSync(wav).size)} (${MINUTES} min stereo ${RATE} Hz 16-bit, ${material.kind}) in ${seconds((performance.now() - t0) / 1000)}`);

    const outDir = join(folder.path, 'dist');
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    const server = await startPreviewServer(outDir);
    const browser = await launchChromium();
    try {
      const pid = findBrowserPid();
      // Run 1: the whole hour.
      {
        const review = await openReview(browser, server.url);
        const sampler = new RendererSampler(pid);
        const start = performance.now();
        await review.page.locator('luister-file-picker input[type="file"]').setInputFiles(wav);
        await review.page.locator('luister-report-card article').waitFor({ timeout: 30 * 60_000 });
        const wall = (performance.now() - start) / 1000;
        await review.page.locator('luister-review luister-analysis-progress').waitFor({ state: 'detached', timeout: 120_000 });
        const saved = (performance.now() - start) / 1000;
        sampler.stop();
        review.stopHeap();
        const stats = await pageStats(review.page);
        const values = stats.progress.map((p) => p.value);
        const monotonic = values.every((v, i) => i === 0 || v > values[i - 1]);
        const facts = await review.page.locator('luister-recording-view .facts').textContent();
        const xrt = (MINUTES * 60) / wall;
        rows.push(
          ['report on screen (decode + analysis + peaks)', `${seconds(wall)} → ${fixed(xrt, 0)}x real time`, `≥ ${TARGET_X_REAL_TIME}x`, xrt >= TARGET_X_REAL_TIME ? 'PASS' : 'FAIL'],
          ['… and saved (file + report + peaks in IndexedDB)', seconds(saved), '', 'info'],
          ['peak RSS, all renderer processes (sum)', mib(sampler.peakRss), `< ${TARGET_PEAK_MIB} MiB`, sampler.peakRss < TARGET_PEAK_MIB * 1048576 ? 'PASS' : 'FAIL'],
          ['peak RSS, the page\'s renderer (its workers included)', mib(sampler.peakSingleRss), `< ${TARGET_PEAK_MIB} MiB`, sampler.peakSingleRss < TARGET_PEAK_MIB * 1048576 ? 'PASS' : 'FAIL'],
          ['peak JS heap of the page (CDP JSHeapUsedSize)', mib(review.heapPeak()), '', 'info'],
          ['progress bar', `${values.length} steps, ${values[0]} → ${values.at(-1)} %, ${monotonic ? 'only forward' : 'went BACK'}`, 'monotonic', monotonic && values.length > 10 ? 'PASS' : 'FAIL'],
          ['main thread: longest gap of a 20 ms heartbeat', `${fixed(stats.maxGapMs, 0)} ms`, '< 250 ms', stats.maxGapMs < 250 ? 'PASS' : 'FAIL'],
          ['recording as shown', facts?.trim() ?? '?', '', 'info'],
        );
        await review.close();
      }
      // Run 2: cancel at about 30 %.
      {
        const review = await openReview(browser, server.url);
        const sampler = new RendererSampler(pid);
        await review.page.locator('luister-file-picker input[type="file"]').setInputFiles(wav);
        await review.page.waitForFunction(
          () => ((window as unknown as { bench: PageStats }).bench.progress.at(-1)?.value ?? 0) >= 30,
          undefined,
          { timeout: 30 * 60_000, polling: 50 },
        );
        const busyFrom = performance.now();
        await review.page.waitForTimeout(1500);
        const cancelAt = performance.now();
        const before = (await pageStats(review.page)).progress.at(-1)?.value ?? NaN;
        const cancelPageAt = await review.page.evaluate(() => performance.now());
        await review.page.locator('luister-analysis-progress button').click();
        if (process.env.BENCH_PAGE_TRACE === '1') console.log(`t=${fixed(performance.now() / 1000, 2)} clicked cancel`);
        await review.page.waitForTimeout(500);
        const workersLeft = fileWorkers(review.page);
        if (process.env.BENCH_PAGE_TRACE === '1') {
          console.log('workers after cancel:', review.page.workers().map((w) => w.url()));
          console.log('alert:', await review.page.locator('luister-review [role="alert"]').textContent());
          await review.page.waitForTimeout(3000);
          console.log('alert later:', await review.page.locator('luister-review [role="alert"]').textContent(), 'bars', await review.page.locator('luister-analysis-progress').count(), 'workers', fileWorkers(review.page));
        }
        const quietFrom = performance.now();
        await review.page.waitForTimeout(2500);
        const quietTo = performance.now();
        sampler.stop();
        const stats = await pageStats(review.page);
        // The click itself may land a moment after the last update was read: allow 100 ms.
        const afterCancel = stats.progress.filter((p) => p.at > cancelPageAt + 100).length;
        const busy = sampler.cpuBetween(busyFrom, cancelAt);
        const quiet = sampler.cpuBetween(quietFrom, quietTo);
        const barGone = (await review.page.locator('luister-analysis-progress').count()) === 0;
        const stopped = workersLeft === 0 && afterCancel === 0 && barGone && quiet < 0.25 * busy;
        rows.push(
          ['cancel at ~30 %', `cancelled at ${before} %; progress updates after: ${afterCancel}; file workers left: ${workersLeft}`, 'none, none', stopped ? 'PASS' : 'FAIL'],
          ['renderer CPU before / after cancel', `${fixed(busy, 2)} / ${fixed(quiet, 2)} cores`, 'drops', quiet < 0.25 * busy ? 'PASS' : 'FAIL'],
        );
        await review.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    folder.remove();
  }
  console.log(`\nReview of a ${MINUTES}-minute stereo 48 kHz WAV in headless Chromium (production build)\n`);
  console.log(table(['what', 'measured', 'target', 'verdict'], rows));
}

/** Without playwright's handle on the process: the newest chromium started by this process. */
function findBrowserPid(): number {
  const mine = process.pid;
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === mine && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chrom')) return pid;
    } catch {
      // Gone meanwhile.
    }
  }
  throw new Error('cannot find the Chromium process');
}

await main();
