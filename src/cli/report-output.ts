/** Where the report goes: checked before the analysis starts, written so it is never half there. */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Report } from '../report/report-types.ts';
import { OutputError, UsageError } from './cli-errors.ts';

/** A report as written to a file: compact JSON, one line. */
export function reportJson(report: Report): string {
  return `${JSON.stringify(report)}\n`;
}

/**
 * Fails early, before a long analysis, when the report could not be written to `out`: its folder
 * is missing or read-only, it names a folder, or it is the recording itself.
 */
export async function checkOutputTarget(out: string, input: string): Promise<void> {
  if (resolve(out) === resolve(input)) throw new UsageError('--out names the recording itself; choose another file for the report');
  const folder = dirname(resolve(out));
  const folderInfo = await stat(folder).catch(() => null);
  if (!folderInfo) throw new OutputError(`cannot write the report to ${out}: the folder ${dirname(out)} does not exist; create it or choose another --out`);
  if (!folderInfo.isDirectory()) throw new OutputError(`cannot write the report to ${out}: ${dirname(out)} is not a folder`);
  if ((await stat(out).catch(() => null))?.isDirectory()) throw new OutputError(`cannot write the report to ${out}: it is a folder; give a file name such as ${join(out, 'report.json')}`);
  await access(folder, constants.W_OK).catch(() => {
    throw new OutputError(`cannot write the report to ${out}: the folder ${dirname(out)} is not writable`);
  });
}

/**
 * Makes sure the batch's --out-dir is a writable folder before any analysis, creating it when only
 * its last part is missing: a typo further up the path fails at once, as --out does, rather than
 * quietly creating a tree somewhere unexpected.
 */
export async function prepareOutputFolder(outDir: string): Promise<void> {
  await mkdir(outDir).catch(async (error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new OutputError(`cannot create --out-dir ${outDir}: the folder ${dirname(outDir)} does not exist; create it or choose another --out-dir`);
    if (code !== 'EEXIST') throw new OutputError(`cannot create --out-dir ${outDir} (${code ?? String(error)})`);
    if (!(await stat(outDir)).isDirectory()) throw new OutputError(`--out-dir ${outDir} is a file, not a folder; choose a folder for the reports`);
  });
  await access(outDir, constants.W_OK).catch(() => {
    throw new OutputError(`cannot write to --out-dir ${outDir}: the folder is not writable`);
  });
}

/** Creates the folder a report goes to (the batch mirrors the recordings' folders). */
export async function createReportFolder(path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true }).catch((error: unknown) => {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new OutputError(`cannot create the folder ${dirname(path)} for the report (${reason})`);
  });
}

/**
 * Writes `text` to `path` through a temporary file in the same folder and a rename, which is atomic
 * on one file system: a reader (or a crash) sees the old file or the whole new one, never a part.
 * @param what the file's part in the error message ("the report", "the summary").
 */
export async function writeFileAtomically(path: string, text: string, what = 'the report'): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new OutputError(`cannot write ${what} to ${path} (${reason})`);
  }
}
