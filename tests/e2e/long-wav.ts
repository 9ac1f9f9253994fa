/**
 * Long WAV files on disk for the browser tests and the page benchmark: a loop of speech-like
 * sound written piece by piece (never held whole), in a temporary folder outside the tree.
 * Playwright's setInputFiles with a path hands the file to the page without copying it into
 * the test's memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WavWriter } from '../../bench/wav.ts';

/** Frames written per call: about a second at 48 kHz. */
const PIECE = 1 << 16;

/** A folder under the system's temporary directory, and its removal. */
export function tempFolder(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Writes `seconds` of `loop` (one array per channel, repeated) as a 16-bit WAV at `path`. */
export function writeLoopedWav(path: string, loop: Float32Array[], sampleRate: number, seconds: number): void {
  const total = Math.round(seconds * sampleRate);
  const writer = new WavWriter(path, sampleRate, loop.length, total);
  const piece = loop.map(() => new Float32Array(PIECE));
  const period = loop[0].length;
  let position = 0;
  for (let done = 0; done < total; ) {
    const n = Math.min(PIECE, total - done);
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < loop.length; c++) piece[c][i] = loop[c][position];
      position = position + 1 === period ? 0 : position + 1;
    }
    writer.write(piece, n);
    done += n;
  }
  writer.close();
}
