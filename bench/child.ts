/**
 * Runs an external program for the bench with a time limit, measuring wall time and peak resident
 * memory: through GNU time (`/usr/bin/time -f`) when it works, otherwise by polling the child's
 * VmHWM in /proc. The child gets its own process group so a timeout ends all of it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  wallSec: number;
  /** Peak resident set size, bytes; null when it could not be measured. */
  peakRssBytes: number | null;
  /** How the peak was measured. */
  rssMethod: string;
  /** CPU seconds (user + system) the child used; null without GNU time. */
  cpuSec: number | null;
  stdoutTail: string;
  stderrTail: string;
}

const TAIL = 4000;
const running = new Set<number>();

let gnuTimeChecked: boolean | undefined;

/** True when /usr/bin/time is GNU time (takes -f and -o). */
export function hasGnuTime(): boolean {
  if (gnuTimeChecked === undefined) {
    gnuTimeChecked = false;
    if (process.env.BENCH_RSS !== 'poll' && existsSync('/usr/bin/time')) {
      const probe = spawnSync('/usr/bin/time', ['-f', '%M', '-o', '/dev/null', 'true'], { timeout: 10_000 });
      gnuTimeChecked = !probe.error && probe.status === 0;
    }
  }
  return gnuTimeChecked;
}

/** True when `name` is an executable file on PATH (or a path to one). */
export function onPath(name: string): boolean {
  const candidates = name.includes('/') ? [name] : (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, name));
  return candidates.some((file) => {
    try {
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

export function runMeasured(
  command: string,
  args: string[],
  options: { cwd?: string; timeoutSec: number; tempDir: string; label: string },
): Promise<ChildResult> {
  const useTime = hasGnuTime();
  const timeFile = join(options.tempDir, `${options.label}.time`);
  const [file, argv] = useTime ? ['/usr/bin/time', ['-f', '%M %U %S', '-o', timeFile, command, ...args]] : [command, args];
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { cwd: options.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let polledHwmKb = 0;
    child.stdout.on('data', (d: Buffer) => (stdout = (stdout + d.toString()).slice(-TAIL)));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-TAIL)));
    child.on('error', (error) => {
      clearTimeout(timer);
      clearInterval(poll);
      reject(new Error(`could not start ${command}: ${error.message}`));
    });
    if (child.pid !== undefined) running.add(child.pid);
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, options.timeoutSec * 1000);
    // Without GNU time: poll the high-water mark while the child lives (it is kept in the kernel,
    // so a sparse poll still sees the true peak as long as one poll lands before exit).
    const poll = setInterval(() => {
      if (useTime || child.pid === undefined) return;
      const kb = readHwmKb(child.pid);
      if (kb > polledHwmKb) polledHwmKb = kb;
    }, 50);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(poll);
      if (child.pid !== undefined) running.delete(child.pid);
      const wallSec = Number(process.hrtime.bigint() - started) / 1e9;
      let peakRssBytes: number | null = null;
      let rssMethod: string;
      let cpuSec: number | null = null;
      if (useTime) {
        rssMethod = '/usr/bin/time %M';
        try {
          const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
          const [kb, user, system] = lines[lines.length - 1].split(' ').map(Number);
          if (Number.isFinite(kb) && kb > 0) peakRssBytes = kb * 1024;
          if (Number.isFinite(user) && Number.isFinite(system)) cpuSec = user + system;
          rmSync(timeFile, { force: true });
        } catch {
          peakRssBytes = null;
        }
      } else {
        rssMethod = 'polled /proc VmHWM';
        peakRssBytes = polledHwmKb > 0 ? polledHwmKb * 1024 : null;
      }
      resolve({ code, signal, timedOut, wallSec, peakRssBytes, rssMethod, cpuSec, stdoutTail: stdout, stderrTail: stderr });
    });
  });
}

function readHwmKb(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Ends every child this module started and that is still running (on interrupt). */
export function killRunningChildren(): void {
  for (const pid of running) killGroup(pid);
  running.clear();
}
