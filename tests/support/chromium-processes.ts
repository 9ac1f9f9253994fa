/**
 * One Chromium instance's processes, from /proc (Linux only): the browser is found by a
 * command-line argument only it carries (a temporary file's path), its renderers, audio service and
 * the rest as its descendants, told apart by their `--type` switches. For the benchmarks' memory
 * readings and for tests that do to a process what a busy machine would.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ChromiumProcess {
  pid: number;
  ppid: number;
  cmdline: string;
  /** 'browser', 'renderer', 'gpu-process', 'utility: audio.mojom.AudioService', … */
  kind: string;
}

/** The kind of the audio service, which runs capture and output (real or fake devices). */
export const AUDIO_SERVICE = 'utility: audio.mojom.AudioService';

/** What a Chromium process is, from its `--type` and `--utility-sub-type` switches. */
function kindOf(cmdline: string): string {
  const type = /--type=(\S+)/.exec(cmdline)?.[1];
  if (!type) return 'browser';
  const sub = /--utility-sub-type=(\S+)/.exec(cmdline)?.[1];
  return sub ? `${type}: ${sub}` : type;
}

function readProc(pid: number): ChromiumProcess | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may contain spaces: the fields follow the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    return { pid, ppid, cmdline, kind: kindOf(cmdline) };
  } catch {
    return null; // gone meanwhile
  }
}

/** Every process of the Chromium whose browser process has `marker` on its command line. */
export function chromiumProcesses(marker: string): ChromiumProcess[] {
  const procs = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProc(Number(name)))
    .filter((p): p is ChromiumProcess => p !== null);
  const root = procs.find((p) => p.cmdline.includes(marker) && p.kind === 'browser');
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
  return procs.filter((p) => family.has(p.pid));
}
