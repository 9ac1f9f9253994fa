/**
 * Recordings are stored as chunks of at most a second per channel: small enough to append while
 * recording and to write in batches that never hold the whole call twice in memory.
 */

/** Longest chunk, in seconds of audio. */
export const CHUNK_SECONDS = 1;

/** Samples per channel in a full chunk at `sampleRate`. */
export function chunkLength(sampleRate: number): number {
  return Math.max(1, Math.round(sampleRate * CHUNK_SECONDS));
}

/**
 * The recording cut into chunks, each a fresh copy: structured cloning a subarray would clone the
 * whole underlying buffer, and a view on shared memory cannot be stored at all.
 */
export function* chunksOf(channels: readonly Float32Array[], sampleRate: number): Generator<Float32Array[]> {
  const size = chunkLength(sampleRate);
  const length = channels[0]?.length ?? 0;
  for (let from = 0; from < length; from += size) {
    const to = Math.min(length, from + size);
    yield channels.map((channel) => channel.slice(from, to));
  }
}

/** Joins chunks (in index order) back into one array per channel. */
export function joinChunks(chunks: readonly (readonly Float32Array[])[], channelCount: number): Float32Array[] {
  const total = chunks.reduce((sum, chunk) => sum + (chunk[0]?.length ?? 0), 0);
  const channels = Array.from({ length: channelCount }, () => new Float32Array(total));
  let at = 0;
  for (const chunk of chunks) {
    for (let c = 0; c < channelCount; c++) channels[c].set(chunk[c], at);
    at += chunk[0]?.length ?? 0;
  }
  return channels;
}

/** Why a chunk cannot be appended, or null when it can. */
export function chunkProblem(channels: readonly Float32Array[], expectedChannels: number, sampleRate: number): string | null {
  if (channels.length !== expectedChannels) return `expected ${expectedChannels} channels, got ${channels.length}`;
  const length = channels[0].length;
  if (length === 0) return 'the chunk is empty';
  if (channels.some((channel) => channel.length !== length)) return 'the channels of a chunk must have the same length';
  if (length > chunkLength(sampleRate)) return `a chunk holds at most ${CHUNK_SECONDS} s (${chunkLength(sampleRate)} samples), got ${length}`;
  return null;
}
