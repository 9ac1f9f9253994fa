/**
 * One recording of a batch, as a worker runs it: skip it when its report is up to date, otherwise
 * analyse it through the one-file path and write the report. Never throws: a failure is an outcome
 * with the line the one-file form would have printed.
 */
import { readFile } from 'node:fs/promises';
import { analyzeFile } from './analyze-recording.ts';
import type { BatchJob, JobOutcome } from './batch-messages.ts';
import { callFigures } from './batch-summary.ts';
import { describeFailure, oneLine } from './cli-errors.ts';
import { createReportFolder, reportJson, writeFileAtomically } from './report-output.ts';
import { isUpToDate, stampOf, stampReport } from './report-stamp.ts';

export async function runBatchJob(job: BatchJob): Promise<JobOutcome> {
  const started = performance.now();
  try {
    // Taken before the analysis: a recording that changes while it is analysed gets a stamp that
    // no longer matches, so the next run analyses it again.
    const stamp = await stampOf(job.file, job.analysisVersion);
    if (stamp) {
      const earlier = await readJson(job.reportPath);
      if (isUpToDate(earlier, stamp, job.roles)) return { status: 'skipped', figures: callFigures(earlier) };
    }
    // Without a stamp the file cannot be read, and analyzeFile says why, as for one file.
    const { report, warnings } = await analyzeFile(job.file, job.roles);
    await createReportFolder(job.reportPath);
    await writeFileAtomically(job.reportPath, reportJson(stamp ? stampReport(report, stamp) : report));
    return { status: 'ok', figures: callFigures(report), warnings, analysisSec: (performance.now() - started) / 1000 };
  } catch (error) {
    const { line, reason } = describeFailure(error, job.file);
    return { status: 'failed', error: line, reason };
  }
}

/** The outcome of a job whose worker died under it (out of memory, a crash in a decoder…). */
export function crashedOutcome(job: BatchJob, cause: string): JobOutcome {
  const reason = `the analysis stopped unexpectedly (${oneLine(cause)}); please report it`;
  return { status: 'failed', error: `luister: ${job.file}: ${reason}`, reason };
}

/** A missing or unreadable earlier report is simply not up to date. */
async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch {
    return null;
  }
}
