/**
 * The batch's lines on stderr: one per finished recording, as they finish, and the totals. Whole
 * lines, not a redrawn one, so they read the same on a terminal and in a log file.
 */
import type { JobOutcome } from './batch-messages.ts';

export interface BatchTotals {
  ok: number;
  failed: number;
  skipped: number;
  /** Audio analysed in this run (the skipped recordings not counted), s. */
  analysedSec: number;
  wallSec: number;
}

/** E.g. `[3/12] calls/a.wav ok 14.2 s audio in 0.3 s`. */
export function finishedLine(done: number, total: number, file: string, outcome: JobOutcome): string {
  const head = `[${done}/${total}] ${file}`;
  switch (outcome.status) {
    case 'ok':
      return `${head} ok ${outcome.figures.durationSec.toFixed(1)} s audio in ${outcome.analysisSec.toFixed(1)} s\n`;
    case 'skipped':
      return `${head} skipped: its report is up to date\n`;
    case 'failed':
      return `${head} failed: ${outcome.reason}\n`;
  }
}

/** E.g. `done: 12 files, 10 ok, 1 failed, 1 skipped; 0.412 h of audio analysed in 48.0 s, 30.9x real time`. */
export function totalsLine(totals: BatchTotals): string {
  const files = totals.ok + totals.failed + totals.skipped;
  const counts = `done: ${files} ${files === 1 ? 'file' : 'files'}, ${totals.ok} ok, ${totals.failed} failed, ${totals.skipped} skipped`;
  const speed = totals.analysedSec > 0 ? `${(totals.analysedSec / totals.wallSec).toFixed(1)}x real time` : 'nothing analysed';
  return `${counts}; ${(totals.analysedSec / 3600).toFixed(3)} h of audio analysed in ${totals.wallSec.toFixed(1)} s, ${speed}\n`;
}
