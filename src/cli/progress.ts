/**
 * A one-line progress indicator on stderr, redrawn in place. Only for a terminal: in a pipe or a
 * log file the carriage returns would be noise, and scripts want stderr for problems only.
 */
export interface Progress {
  update(frames: number): void;
  /** Clears the line; safe to call when nothing was shown. */
  done(): void;
}

const REDRAW_MS = 200;

export const NO_PROGRESS: Progress = { update: () => {}, done: () => {} };

export function terminalProgress(
  write: (text: string) => void,
  name: string,
  sampleRate: number,
  expectedFrames: number | null,
  now: () => number = Date.now,
): Progress {
  let shownAt = -Infinity;
  let shown = false;
  return {
    update(frames) {
      const time = now();
      if (time - shownAt < REDRAW_MS) return;
      shownAt = time;
      shown = true;
      const done = expectedFrames ? `${Math.floor((100 * frames) / expectedFrames)}%` : `${Math.floor(frames / sampleRate)} s`;
      write(`\rluister: analysing ${name}… ${done}\x1b[K`);
    },
    done() {
      if (shown) write('\r\x1b[K');
      shown = false;
    },
  };
}
