/**
 * Whether the machine itself stood still, to tell the browser's audio stalls from the machine's:
 *
 * - a thread of this process that sleeps 5 ms at a time and notes each time it woke late (it
 *   shares the processors with Chromium, so when it is not scheduled, neither may be Chromium);
 * - steal time (/proc/stat): time a virtual machine's processors were given to other guests;
 * - run-queue wait of a process's threads (/proc/PID/task/TID/schedstat): time they were ready to
 *   run but got no processor.
 *
 * Linux only. Times are Date.now() milliseconds, the same clock the page reports in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/** A wake-up this late counts as a stall, ms (a render quantum at 48 kHz is 2.7 ms). */
const LATE_MS = 20;
const CAPACITY = 200_000;

export interface StallSummary {
  count: number;
  totalMs: number;
  longestMs: number;
}

// Runs in the watch thread. `shared`: [0] stop flag, [1] count, then (wake time, lateness) pairs.
const WATCH_THREAD = `
const { workerData } = require('node:worker_threads');
const shared = new Float64Array(workerData.buffer);
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const SLEEP_MS = 5;
let expected = Date.now() + SLEEP_MS;
while (shared[0] === 0) {
  Atomics.wait(sleeper, 0, 0, SLEEP_MS);
  const now = Date.now();
  const late = now - expected;
  const n = shared[1];
  if (late > ${LATE_MS} && n < ${CAPACITY}) {
    shared[2 + 2 * n] = now - late;
    shared[3 + 2 * n] = late;
    shared[1] = n + 1;
  }
  expected = now + SLEEP_MS;
}
`;

export class MachineStallWatch {
  private readonly shared = new Float64Array(new SharedArrayBuffer(8 * (2 + 2 * CAPACITY)));
  private readonly worker: Worker;

  constructor() {
    this.worker = new Worker(WATCH_THREAD, { eval: true, workerData: { buffer: this.shared.buffer } });
    this.worker.unref();
  }

  /** The stalls that began between `fromMs` and `toMs` (Date.now()). */
  between(fromMs: number, toMs: number): StallSummary {
    const summary: StallSummary = { count: 0, totalMs: 0, longestMs: 0 };
    const n = this.shared[1];
    for (let i = 0; i < n; i++) {
      const at = this.shared[2 + 2 * i];
      const late = this.shared[3 + 2 * i];
      if (at < fromMs || at >= toMs) continue;
      summary.count++;
      summary.totalMs += late;
      summary.longestMs = Math.max(summary.longestMs, late);
    }
    return summary;
  }

  async stop(): Promise<void> {
    this.shared[0] = 1;
    await this.worker.terminate();
  }
}

/** Seconds of steal time of all processors so far (0 on a machine that is not virtual). */
export function stealSec(): number {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  // cpu user nice system idle iowait irq softirq steal …, in clock ticks of 1/100 s.
  return Number(cpu[8] ?? 0) / 100;
}

/** Seconds the threads of `pids` have waited for a processor so far. */
export function runQueueWaitSec(pids: number[]): number {
  let ns = 0;
  for (const pid of pids) {
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue; // gone
    }
    for (const tid of tids) {
      try {
        // time on a processor, time waiting on a run queue (ns), timeslices
        ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[1]);
      } catch {
        // the thread ended meanwhile
      }
    }
  }
  return ns / 1e9;
}
