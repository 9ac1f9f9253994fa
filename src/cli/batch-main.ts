/**
 * `analyze DIR|FILE... --out-dir OUT`: finds the recordings, analyses them on worker threads (each
 * through the one-file path), reports progress on stderr and writes the summary. Nothing goes to
 * stdout.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { BatchOptions } from './analyze-args.ts';
import type { CliIo } from './analyze-main.ts';
import { analysisVersion } from './analysis-version.ts';
import { AUDIO_EXTENSIONS, findRecordings } from './batch-inputs.ts';
import { crashedOutcome } from './batch-job.ts';
import type { BatchJob, JobOutcome } from './batch-messages.ts';
import { finishedLine, totalsLine, type BatchTotals } from './batch-progress.ts';
import { reportNames } from './batch-report-paths.ts';
import { summaryCsv, summaryJsonl, summaryRow, type SummaryRow } from './batch-summary.ts';
import { ExitCode, oneLine, UsageError } from './cli-errors.ts';
import { prepareOutputFolder, writeFileAtomically } from './report-output.ts';
import { runInWorkers } from './worker-pool.ts';

export const SUMMARY_CSV = 'summary.csv';
export const SUMMARY_JSONL = 'summary.jsonl';

const BATCH_WORKER = new URL('./batch-worker.mjs', import.meta.url);

/** Exit 0 when every recording was analysed or up to date, 1 when any failed; throws for the rest. */
export async function runBatch(options: BatchOptions, io: CliIo): Promise<ExitCode> {
  const started = performance.now();
  const found = await findRecordings(options.inputs);
  for (const warning of found.warnings) io.writeErr(`luister: warning: ${oneLine(warning)}\n`);
  if (found.recordings.length === 0) {
    const extensions = AUDIO_EXTENSIONS.map((extension) => `.${extension}`).join(' ');
    throw new UsageError(`no audio files found in ${found.folders.join(', ')} (searched recursively for ${extensions}; hidden files and folders are skipped)`);
  }
  await prepareOutputFolder(options.outDir);

  const names = reportNames(found.recordings, found.roots);
  const version = await analysisVersion();
  const jobs: BatchJob[] = found.recordings.map((file, i) => ({ file, reportPath: join(options.outDir, names[i]), roles: options.roles, analysisVersion: version }));
  let finished = 0;
  const outcomes = await runInWorkers<BatchJob, JobOutcome>(jobs, {
    workerUrl: BATCH_WORKER,
    size: Math.min(options.jobs ?? availableParallelism(), jobs.length),
    crashed: crashedOutcome,
    settled: (index, outcome) => {
      io.writeErr(finishedLine(++finished, jobs.length, jobs[index].file, outcome));
      if (outcome.status !== 'ok') return;
      for (const warning of outcome.warnings) io.writeErr(`luister: warning: ${oneLine(jobs[index].file)}: ${oneLine(warning)}\n`);
    },
    output: io.writeErr,
  });

  const rows = outcomes.map((outcome, i) => rowOf(jobs[i].file, names[i], outcome));
  await writeFileAtomically(join(options.outDir, SUMMARY_CSV), summaryCsv(rows), 'the summary');
  await writeFileAtomically(join(options.outDir, SUMMARY_JSONL), summaryJsonl(rows), 'the summary');
  io.writeErr(totalsLine(totalsOf(outcomes, (performance.now() - started) / 1000)));
  return outcomes.some((outcome) => outcome.status === 'failed') ? ExitCode.badInput : ExitCode.ok;
}

function rowOf(file: string, report: string, outcome: JobOutcome): SummaryRow {
  if (outcome.status === 'failed') return summaryRow(file, 'failed', { error: outcome.error });
  return summaryRow(file, outcome.status, { report, figures: outcome.figures });
}

function totalsOf(outcomes: readonly JobOutcome[], wallSec: number): BatchTotals {
  const totals: BatchTotals = { ok: 0, failed: 0, skipped: 0, analysedSec: 0, wallSec };
  for (const outcome of outcomes) {
    totals[outcome.status]++;
    if (outcome.status === 'ok') totals.analysedSec += outcome.figures.durationSec;
  }
  return totals;
}
