/**
 * Where each recording's report goes. The tree under --out-dir mirrors the recordings' paths
 * relative to the folder all inputs share, and a report is named after the whole file name
 * (`a.wav.report.json`). So two recordings can never share a report: `day1/a.wav` and `day2/a.wav`
 * differ in their folder, `a.wav` and `a.mp3` in their extension. The name depends on nothing
 * but the paths, so a re-run finds its earlier reports.
 */
import { relative, resolve, sep } from 'node:path';

export const REPORT_SUFFIX = '.report.json';

/**
 * Each recording's report path relative to the output folder.
 * @param roots the folder each input stands for (absolute), as found by findRecordings.
 */
export function reportNames(recordings: readonly string[], roots: readonly string[]): string[] {
  const base = commonFolder(roots);
  return recordings.map((recording) => `${relative(base, resolve(recording))}${REPORT_SUFFIX}`);
}

/** The deepest folder containing all of `folders` (absolute paths). */
export function commonFolder(folders: readonly string[]): string {
  const split = folders.map((folder) => folder.split(sep));
  const first = split[0] ?? [];
  let shared = 0;
  while (shared < first.length && split.every((parts) => parts[shared] === first[shared])) shared++;
  return first.slice(0, shared).join(sep) || sep;
}
