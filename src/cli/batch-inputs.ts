/**
 * The recordings a batch analyses: every file named on the command line, and every audio file
 * found in the folders named, in an order that depends only on the command line and the names.
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/**
 * Extensions searched for in folders. The format itself is recognised from a file's contents, so
 * a file named on the command line is taken whatever its name; in a folder, the extension is what
 * keeps notes, images and earlier reports out.
 */
export const AUDIO_EXTENSIONS: readonly string[] = ['wav', 'mp3', 'ogg', 'opus', 'oga', 'm4a', 'aac', 'mp4', 'webm', 'flac'];

export interface FoundRecordings {
  /** Paths as the user would write them (an input folder joined with the path inside it). */
  recordings: string[];
  /** For each input, the folder it stands for: itself, or the folder a named file is in (absolute). */
  roots: string[];
  /** The folders named on the command line, as given, for the "nothing found" message. */
  folders: string[];
  /** Folders inside the inputs that could not be read. */
  warnings: string[];
}

export async function findRecordings(inputs: readonly string[]): Promise<FoundRecordings> {
  const found: FoundRecordings = { recordings: [], roots: [], folders: [], warnings: [] };
  const candidates: string[] = [];
  for (const input of inputs) {
    // A path that cannot be read is taken as a file: its analysis then fails with the same
    // message the one-file form gives ("no such file"…), in the summary like any other failure.
    if ((await stat(input).catch(() => null))?.isDirectory()) {
      found.folders.push(input);
      found.roots.push(resolve(input));
      await collect(input, candidates, found.warnings);
    } else {
      found.roots.push(dirname(resolve(input)));
      candidates.push(input);
    }
  }
  found.recordings = await withoutDuplicates(candidates);
  return found;
}

/** Depth first, entries in code-unit order of their names (not the locale's, which varies). */
async function collect(folder: string, into: string[], warnings: string[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    warnings.push(`cannot read the folder ${folder} (${(error as NodeJS.ErrnoException).code ?? String(error)}); the recordings in it are left out`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    // Linked folders are not followed, so a link back up the tree cannot loop.
    if (entry.isDirectory()) await collect(path, into, warnings);
    else if (isAudioName(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && (await stat(path).catch(() => null))?.isFile()))) into.push(path);
  }
}

function isAudioName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && AUDIO_EXTENSIONS.includes(name.slice(dot + 1).toLowerCase());
}

/** The same recording reached twice (`calls calls/a.wav`, or through a link) is analysed once. */
async function withoutDuplicates(paths: readonly string[]): Promise<string[]> {
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const path of paths) {
    const identity = await realpath(path).catch(() => resolve(path));
    if (seen.has(identity)) continue;
    seen.add(identity);
    unique.push(path);
  }
  return unique;
}
