/**
 * A version string for "the code that decides what a report says": a hash of its sources. A batch
 * re-run keeps a report only when it was written by the same version, and a hash needs nobody to
 * remember to bump a number after changing a threshold in the core.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPORT_SCHEMA } from '../report/report-types.ts';

const SRC = fileURLToPath(new URL('../', import.meta.url));

/** Reading, decoding, the core, the report, and the glue between them; not the app or coaching. */
const ANALYSIS_SOURCES = ['audio', 'dsp', 'analysis', 'report', 'cli/analyze-recording.ts'];

/** E.g. "luister-report/1+3f2a9c1b7d5e0a4c". */
export async function analysisVersion(): Promise<string> {
  const hash = createHash('sha256');
  for (const source of ANALYSIS_SOURCES) {
    for (const file of await sourceFiles(join(SRC, source))) {
      // The path too, so moving code between files changes the version as well.
      hash.update(relative(SRC, file)).update('\0').update(await readFile(file)).update('\0');
    }
  }
  return `${REPORT_SCHEMA}+${hash.digest('hex').slice(0, 16)}`;
}

/** The .ts files at `path` (a file or a folder, recursively), in a fixed order. */
async function sourceFiles(path: string): Promise<string[]> {
  if (path.endsWith('.ts')) return [path];
  const entries = await readdir(path, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
