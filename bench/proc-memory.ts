/**
 * Resident memory of one Chromium instance's processes, from /proc (Linux only): the browser is
 * found by a command-line argument only it carries, its renderers and audio service as its
 * descendants, by their `--type` switches.
 */
import { readdirSync, readFileSync } from 'node:fs';

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

/** What a Chromium process is, from its `--type` and `--utility-sub-type` switches. */
function kindOf(cmdline: string): string {
  const type = /--type=(\S+)/.exec(cmdline)?.[1];
  if (!type) return 'browser';
  const sub = /--utility-sub-type=(\S+)/.exec(cmdline)?.[1];
  return sub ? `${type}: ${sub}` : type;
}

interface Proc {
  pid: number;
  ppid: number;
  cmdline: string;
}

function readProc(pid: number): Proc | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may contain spaces: the fields follow the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    return { pid, ppid, cmdline };
  } catch {
    return null; // gone meanwhile
  }
}

function rssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The memory of the Chromium whose browser process has `marker` on its command line. */
export function chromiumMemory(marker: string): ChromiumMemory {
  const procs = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProc(Number(name)))
    .filter((p): p is Proc => p !== null);
  const root = procs.find((p) => p.cmdline.includes(marker) && !p.cmdline.includes('--type='));
  if (!root) throw new Error('the Chromium browser process was not found in /proc');
  const family = new Set([root.pid]);
  // Parents come before children often, not always: repeat until nothing is added.
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs) {
      if (!family.has(p.pid) && family.has(p.ppid)) {
        family.add(p.pid);
        grew = true;
      }
    }
  }
  const members = procs.filter((p) => family.has(p.pid));
  const sum = (list: Proc[]): number => list.reduce((total, p) => total + rssBytes(p.pid), 0);
  const byKind: Record<string, number> = {};
  for (const p of members) byKind[kindOf(p.cmdline)] = (byKind[kindOf(p.cmdline)] ?? 0) + rssBytes(p.pid);
  return {
    byKind,
    rendererBytes: sum(members.filter((p) => p.cmdline.includes('--type=renderer'))),
    audioServiceBytes: sum(members.filter((p) => p.cmdline.includes('audio.mojom.AudioService'))),
    totalBytes: sum(members),
  };
}
