import { createReadStream } from 'node:fs';
import type { ByteRange } from './wav-header.ts';

/** Bytes handed to a decoder at a time. */
export const READ_CHUNK_BYTES = 64 * 1024;

/** A part of the byte stream: a range of the file, or bytes already in memory. */
export type BytePart = ByteRange | Uint8Array;

/**
 * The bytes of `path` as a stream of chunks: the whole file, or `parts` in the given order (to feed
 * a decoder a rearranged file without writing it). Lazy: nothing is opened until the first chunk
 * is asked for, and stopping the iteration closes the file.
 */
export async function* fileBytes(path: string, parts?: readonly BytePart[]): AsyncGenerator<Uint8Array> {
  if (!parts) {
    yield* createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
    return;
  }
  for (const part of parts) {
    if (part instanceof Uint8Array) yield part;
    else if (part.length > 0) {
      // `end` is inclusive in createReadStream.
      yield* createReadStream(path, { start: part.offset, end: part.offset + part.length - 1, highWaterMark: READ_CHUNK_BYTES });
    }
  }
}
