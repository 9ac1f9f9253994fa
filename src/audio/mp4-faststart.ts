/**
 * Most M4A/MP4 files keep their index (the 'moov' box, which says where each audio frame is) at
 * the end, after the audio. audio-decode's MP4 demuxer cannot decode a frame before it has seen
 * the index, so it buffers the whole file and then decodes it in one go: 230 MB of samples for ten
 * minutes of stereo 48 kHz, several GB for an hour. Fed the index first, it streams.
 *
 * So the decoder is given the file as `ffmpeg -movflags +faststart` (or qt-faststart) would write
 * it: the moov box moved in front of the audio, its chunk offsets shifted by the moov's size, the
 * rest unchanged. Nothing is written to disk; the plan is a list of file ranges and the patched box.
 */
import type { BytePart } from './file-bytes.ts';
import type { ByteRange } from './wav-header.ts';

/** A moov beyond this is not an audio file's index; leave such files to the decoder as they are. */
const MAX_MOOV_BYTES = 64 * 1024 * 1024;
/** Boxes on the way from moov to the chunk offset tables (ISO/IEC 14496-12 §8). */
const CONTAINERS: ReadonlySet<string> = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl']);

interface Box {
  type: string;
  offset: number;
  /** Whole box, header included. */
  size: number;
  headerSize: number;
}

/**
 * The file rearranged with the index first, or null when it needs no rearranging (index already
 * in front, fragmented file) or cannot be (not a plain MP4 box list): the decoder then gets it as is.
 */
export async function planFaststart(fileSize: number, read: (range: ByteRange) => Promise<Uint8Array>): Promise<BytePart[] | null> {
  const boxes: Box[] = [];
  for (let offset = 0; offset < fileSize; ) {
    const box = boxAt(await read({ offset, length: 16 }), 0, offset, fileSize - offset);
    if (!box) return null;
    boxes.push(box);
    offset += box.size;
  }
  const firstMdat = boxes.find((box) => box.type === 'mdat');
  const moov = boxes.find((box) => box.type === 'moov');
  if (!firstMdat || !moov || moov.offset < firstMdat.offset || moov.size > MAX_MOOV_BYTES) return null;

  const patched = (await read({ offset: moov.offset, length: moov.size })).slice();
  if (patched.length !== moov.size) return null;
  // Everything from the first mdat up to the old moov moves back by the moov's size.
  if (!shiftChunkOffsets(patched, { from: firstMdat.offset, to: moov.offset, by: moov.size })) return null;
  const moovEnd = moov.offset + moov.size;
  return [
    { offset: 0, length: firstMdat.offset },
    patched,
    { offset: firstMdat.offset, length: moov.offset - firstMdat.offset },
    { offset: moovEnd, length: fileSize - moovEnd },
  ];
}

/**
 * Adds `by` to every chunk offset in `from ≤ offset < to` in the moov box `moov` (in place), in
 * its 'stco' (32-bit) and 'co64' (64-bit) tables.
 * @returns false when an offset would no longer fit its 32-bit table (a file near 4 GB).
 */
export function shiftChunkOffsets(moov: Uint8Array, shift: { from: number; to: number; by: number }): boolean {
  const view = new DataView(moov.buffer, moov.byteOffset, moov.byteLength);
  const visit = (start: number, end: number): boolean => {
    for (let at = start; at < end; ) {
      const box = boxAt(moov, at, at, end - at);
      if (!box) return false;
      const body = at + box.headerSize;
      if (CONTAINERS.has(box.type) && !visit(body, at + box.size)) return false;
      if (box.type === 'stco' || box.type === 'co64') {
        const wide = box.type === 'co64';
        const count = view.getUint32(body + 4);
        for (let i = 0, entry = body + 8; i < count; i++, entry += wide ? 8 : 4) {
          const value = wide ? Number(view.getBigUint64(entry)) : view.getUint32(entry);
          if (value < shift.from || value >= shift.to) continue;
          const moved = value + shift.by;
          if (wide) view.setBigUint64(entry, BigInt(moved));
          else if (moved > 0xffffffff) return false;
          else view.setUint32(entry, moved);
        }
      }
      at += box.size;
    }
    return true;
  };
  const top = boxAt(moov, 0, 0, moov.length);
  return top !== null && visit(top.headerSize, moov.length);
}

/** The box whose header is at `bytes[at]` (file offset `offset`), or null if it is not a sane one. */
function boxAt(bytes: Uint8Array, at: number, offset: number, room: number): Box | null {
  if (bytes.length < at + 8) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let size = view.getUint32(at);
  let headerSize = 8;
  if (size === 1) {
    if (bytes.length < at + 16) return null;
    size = Number(view.getBigUint64(at + 8));
    headerSize = 16;
  } else if (size === 0) {
    size = room; // the last box, to the end
  }
  const type = String.fromCharCode(bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]);
  if (size < headerSize || size > room || !/^[\x20-\x7e]{4}$/.test(type)) return null;
  return { type, offset, size, headerSize };
}
