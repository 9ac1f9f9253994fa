/** Resident memory of one Chromium instance's processes, from /proc (Linux only). */
import { readFileSync } from 'node:fs';
import { AUDIO_SERVICE, type ChromiumProcess } from '../tests/support/chromium-processes.ts';

export interface ChromiumMemory {
  /** Resident set of every renderer process, bytes (the page, its worklets and workers). */
  rendererBytes: number;
  /** Resident set of the audio service (capture and output), bytes; 0 when it runs in the browser. */
  audioServiceBytes: number;
  /** Resident set of every process of this Chromium together, bytes. */
  totalBytes: number;
  /** Resident set per kind of process ('browser', 'renderer', 'gpu-process', 'utility: storage.mojom.StorageService', …), bytes. */
  byKind: Record<string, number>;
}

function rssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The memory of one Chromium's processes (from `chromiumProcesses`). */
export function chromiumMemory(members: ChromiumProcess[]): ChromiumMemory {
  const sum = (list: ChromiumProcess[]): number => list.reduce((total, p) => total + rssBytes(p.pid), 0);
  const byKind: Record<string, number> = {};
  for (const p of members) byKind[p.kind] = (byKind[p.kind] ?? 0) + rssBytes(p.pid);
  return {
    byKind,
    rendererBytes: sum(members.filter((p) => p.kind === 'renderer')),
    audioServiceBytes: sum(members.filter((p) => p.kind === AUDIO_SERVICE)),
    totalBytes: sum(members),
  };
}
