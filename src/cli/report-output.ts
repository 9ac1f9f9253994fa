/** Where the report goes: checked before the analysis starts, written so it is never half there. */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { OutputError, UsageError } from './cli-errors.ts';

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
 * Writes `text` to `path` through a temporary file in the same folder and a rename, which is atomic
 * on one file system: a reader (or a crash) sees the old file or the whole new one, never a part.
 */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new OutputError(`cannot write the report to ${path} (${reason})`);
  }
}
