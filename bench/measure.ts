/**
 * Heap and GC measurement helpers: a `gc()` that works with or without --expose-gc, a counter of
 * GC events by time window, and allocation per call of a function in steady state.
 */
import { Session, type HeapProfiler, type Runtime } from 'node:inspector/promises';
import { findSourceMap } from 'node:module';
import { relative, sep } from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export type GcFunction = () => void;

/** The global gc() from --expose-gc, or one obtained at run time if the flag was not given. */
export function obtainGc(): { gc: GcFunction; exposed: boolean } {
  if (typeof globalThis.gc === 'function') {
    const gc = globalThis.gc;
    return { gc: () => void gc(), exposed: true };
  }
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as GcFunction;
  return { gc, exposed: false };
}

/** Records the start time of every GC; count them per time window afterwards. */
export class GcLog {
  private readonly starts: number[] = [];
  private readonly observer: PerformanceObserver;

  constructor() {
    this.observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) this.starts.push(entry.startTime);
    });
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /** GC entries arrive asynchronously: call this after a window before counting it. */
  async flush(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  /** GCs that started inside [from, to] (performance.now() times). */
  countBetween(from: number, to: number): number {
    let n = 0;
    for (const t of this.starts) if (t >= from && t <= to) n++;
    return n;
  }

  stop(): void {
    this.observer.disconnect();
  }
}

export interface AllocationResult {
  calls: number;
  /** heapUsed after − before (no gc() in between), bytes. */
  deltaBytes: number;
  bytesPerCall: number;
  /** GCs during the run; when non-zero the delta is a lower bound. */
  gcs: number;
  /** Mean wall time per call, µs (informative; the machine is shared). */
  usPerCall: number;
}

/**
 * Runs `step` `calls` times in steady state and measures the heap growth between two
 * process.memoryUsage() readings, after a full gc(). `step` must already be warmed up.
 */
export async function measureAllocation(gc: GcFunction, log: GcLog, calls: number, step: () => void): Promise<AllocationResult> {
  gc();
  const before = process.memoryUsage().heapUsed;
  const from = performance.now();
  for (let i = 0; i < calls; i++) step();
  const to = performance.now();
  const after = process.memoryUsage().heapUsed;
  await log.flush();
  const deltaBytes = after - before;
  return { calls, deltaBytes, bytesPerCall: deltaBytes / calls, gcs: log.countBetween(from, to), usPerCall: ((to - from) * 1000) / calls };
}

export interface AllocationSite {
  /** Function name and where the function starts (source-mapped), relative to `root`. */
  site: string;
  bytesPerCall: number;
}

/**
 * Which functions allocate while `step` runs: V8's sampling heap profiler (every ~32 bytes),
 * allocations attributed to the innermost (possibly inlined) JavaScript function. V8 reports where
 * that function starts, not the allocating line; positions are mapped back to the TypeScript.
 */
export async function allocationSites(calls: number, step: () => void, root: string, top = 8): Promise<{ sites: AllocationSite[]; sampledBytesPerCall: number }> {
  const session = new Session();
  session.connect();
  try {
    const params = { samplingInterval: 32, includeObjectsCollectedByMinorGC: true, includeObjectsCollectedByMajorGC: true };
    await session.post('HeapProfiler.startSampling', params);
    for (let i = 0; i < calls; i++) step();
    const { profile } = await session.post('HeapProfiler.getSamplingProfile');
    await session.post('HeapProfiler.stopSampling');
    const bySite = new Map<string, number>();
    const visit = (node: HeapProfiler.SamplingHeapProfileNode): void => {
      if (node.selfSize > 0) {
        const key = describeFrame(node.callFrame, root) ?? '(engine and Node internals)';
        bySite.set(key, (bySite.get(key) ?? 0) + node.selfSize);
      }
      for (const child of node.children) visit(child);
    };
    visit(profile.head);
    let total = 0;
    for (const bytes of bySite.values()) total += bytes;
    const sites = [...bySite]
      .filter(([site]) => site !== '(engine and Node internals)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([site, bytes]) => ({ site, bytesPerCall: bytes / calls }));
    return { sites, sampledBytesPerCall: total / calls };
  } finally {
    session.disconnect();
  }
}

/** "name at path:line" for JavaScript in files; null for V8 and Node internals (the profiler's own). */
function describeFrame(frame: Runtime.CallFrame, root: string): string | null {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url || frame.url.startsWith('node:')) return null;
  let file = frame.url;
  let line = frame.lineNumber + 1;
  const map = findSourceMap(frame.url);
  if (map) {
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber);
    if ('originalLine' in entry) {
      file = entry.originalSource;
      line = entry.originalLine + 1;
    }
  }
  const path = file.startsWith('file://') ? fileURLToPath(file) : file;
  return `${name} at ${relative(root, path).split(sep).join('/')}:${line}`;
}
