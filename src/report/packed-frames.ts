/**
 * A report whose frame lists travel as Float64Arrays: across a postMessage or into IndexedDB.
 *
 * Structured clone copies a typed array's bytes in one go but a list of numbers value by value:
 * an hour-long call's four frame lists (4 × 360,000 numbers) took 100–250 ms to clone on the
 * page's main thread, and IndexedDB's put clones synchronously too. Float64, not Float32: the
 * report's rounded values come back exactly, so a packed and unpacked report equals the original.
 */
import type { Report, SpeakerFrames } from './report-types.ts';

/** Frame lists of a packed report: typed arrays in place of number lists. */
export type PackedFrames = Omit<SpeakerFrames, 'f0Hz' | 'levelDb'> & { f0Hz: Float64Array; levelDb: Float64Array };

/** A report as packed: the same, but each speaker's frame lists are typed arrays. */
export type PackedReport = Omit<Report, 'speakers'> & {
  speakers: { [Role in keyof Report['speakers']]?: Omit<NonNullable<Report['speakers'][Role]>, 'frames'> & { frames: PackedFrames } };
};

/**
 * The report with its frame lists as Float64Arrays, and their buffers, to transfer rather than
 * copy. The report itself is left as it was.
 */
export function packReport(report: Report): { packed: PackedReport; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const speakers: PackedReport['speakers'] = {};
  for (const [role, speaker] of Object.entries(report.speakers) as [keyof Report['speakers'], Report['speakers'][keyof Report['speakers']]][]) {
    if (!speaker) continue;
    const f0Hz = Float64Array.from(speaker.frames.f0Hz);
    const levelDb = Float64Array.from(speaker.frames.levelDb);
    transfer.push(f0Hz.buffer, levelDb.buffer);
    speakers[role] = { ...speaker, frames: { ...speaker.frames, f0Hz, levelDb } };
  }
  return { packed: { ...report, speakers }, transfer };
}

/**
 * The report as the app uses it. Also takes a report that was never packed (stored by an older
 * version of the app), which it returns as it is.
 */
export function unpackReport(packed: PackedReport | Report): Report {
  const speakers: Report['speakers'] = {};
  for (const [role, speaker] of Object.entries(packed.speakers) as [keyof Report['speakers'], PackedReport['speakers'][keyof Report['speakers']] | Report['speakers'][keyof Report['speakers']]][]) {
    if (!speaker) continue;
    const frames = speaker.frames;
    speakers[role] = { ...speaker, frames: { ...frames, f0Hz: Array.from(frames.f0Hz), levelDb: Array.from(frames.levelDb) } };
  }
  return { ...packed, speakers };
}
