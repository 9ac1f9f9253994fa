/**
 * The WAV (RIFF/WAVE) header: where the audio is and how it is encoded. No file system here, so the
 * app can use it on a File in the browser as well as the command line on a file handle.
 *
 * The chunk walk is written once, as a generator that asks for byte ranges and is given them
 * ("sans I/O"): `parseWavHeader` serves it from bytes in memory, `readWavHeader` from any async
 * reader. Chunks it does not need (LIST, fact, bext, JUNK…) are skipped by their size without
 * being read, however large they are.
 */
import { AudioInputError } from './audio-input-error.ts';

/** Format tags this code names (see mmreg.h); others are reported by number. */
export const WaveFormatTag = {
  pcm: 0x0001,
  adpcm: 0x0002,
  float: 0x0003,
  alaw: 0x0006,
  mulaw: 0x0007,
  imaAdpcm: 0x0011,
  mpegLayer3: 0x0055,
  extensible: 0xfffe,
} as const;

export interface WavFormat {
  /** The format tag, with WAVE_FORMAT_EXTENSIBLE resolved to its sub-format's tag. */
  formatTag: number;
  /** True when the file used WAVE_FORMAT_EXTENSIBLE. */
  extensible: boolean;
  channels: number;
  sampleRate: number;
  /** Bytes per block: one frame (a sample of every channel) for PCM and float. */
  blockAlign: number;
  /** Bits per sample as declared (for extensible files, the container size). */
  bitsPerSample: number;
}

/**
 * How `dataBytes` was found:
 * - 'declared': the header's length, all of it present;
 * - 'unknown': the header gives no length (0 or 0xFFFFFFFF, left by a recorder that was stopped
 *   before it could finish the file, or by one writing to a pipe), so everything to the end of the
 *   file is taken as audio;
 * - 'truncated': the file ends before the declared length; what is there is taken.
 */
export type DataLength = 'declared' | 'unknown' | 'truncated';

export interface WavHeader {
  container: 'RIFF' | 'RF64';
  format: WavFormat;
  /** Offset of the first audio byte in the file. */
  dataOffset: number;
  /** Audio bytes present in the file. */
  dataBytes: number;
  /** Audio bytes the header declares; null when it declares none. */
  declaredDataBytes: number | null;
  dataLength: DataLength;
}

/** A byte range the chunk walk needs; the answer may be shorter only at the end of the file. */
export interface ByteRange {
  offset: number;
  length: number;
}

const RIFF_HEADER_BYTES = 12;
const CHUNK_HEADER_BYTES = 8;
/** Longest fmt chunk this parser reads: WAVEFORMATEXTENSIBLE. Longer ones carry codec extras. */
const FMT_EXTENSIBLE_BYTES = 40;
const DS64_BYTES = 28;
/** Data sizes that mean "not known" (the placeholder of unfinished or streamed files). */
const UNKNOWN_SIZES: ReadonlySet<number> = new Set([0, 0xffffffff]);
/** Bytes 2–15 of every KSDATAFORMAT_SUBTYPE_* GUID derived from a WAVE format tag. */
const WAVE_GUID_TAIL = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];

/** True when the bytes open like a WAV file (RIFF, RIFX or RF64 … WAVE), by magic, not by name. */
export function looksLikeWav(head: Uint8Array): boolean {
  const magic = fourCC(head, 0);
  if (magic !== 'RIFF' && magic !== 'RIFX' && magic !== 'RF64') return false;
  // A file cut off inside its first 12 bytes still goes to the WAV parser, which says so.
  return head.length < RIFF_HEADER_BYTES || fourCC(head, 8) === 'WAVE';
}

/**
 * Parses the header from bytes in memory. `fileSize` is the whole file's length when `bytes` is
 * only its start (the data length is judged against it); the bytes must then reach the `data`
 * chunk's header.
 */
export function parseWavHeader(bytes: Uint8Array, fileSize = bytes.length): WavHeader {
  const walk = walkWavHeader(fileSize);
  let step = walk.next();
  while (!step.done) {
    const { offset, length } = step.value;
    if (offset + length > bytes.length && offset + length <= fileSize) {
      throw new RangeError(`parseWavHeader needs the first ${offset + length} bytes of the file, got ${bytes.length}`);
    }
    step = walk.next(bytes.subarray(offset, offset + length));
  }
  return step.value;
}

/** Parses the header through `read`, which returns the bytes of a range of the file. */
export async function readWavHeader(
  fileSize: number,
  read: (range: ByteRange) => Promise<Uint8Array>,
): Promise<WavHeader> {
  const walk = walkWavHeader(fileSize);
  let step = walk.next();
  while (!step.done) step = walk.next(await read(step.value));
  return step.value;
}

function* walkWavHeader(fileSize: number): Generator<ByteRange, WavHeader, Uint8Array> {
  if (fileSize < RIFF_HEADER_BYTES) throw damaged(`the file is only ${fileSize} bytes long`);
  const riff = yield { offset: 0, length: RIFF_HEADER_BYTES };
  const magic = fourCC(riff, 0);
  if (magic === 'RIFX') {
    throw new AudioInputError(
      'this is a big-endian (RIFX) WAV file, which Luister does not read; convert it to an ordinary WAV first (ffmpeg -i IN -c:a pcm_s16le OUT.wav)',
    );
  }
  if ((magic !== 'RIFF' && magic !== 'RF64') || fourCC(riff, 8) !== 'WAVE') throw damaged('it does not start with RIFF…WAVE');
  const container = magic;

  let format: WavFormat | null = null;
  let ds64DataBytes: number | null = null;
  let offset = RIFF_HEADER_BYTES;
  for (;;) {
    if (offset + CHUNK_HEADER_BYTES > fileSize) {
      throw damaged(format ? 'the file ends before its audio data (no "data" chunk)' : 'the file ends inside the header (no "fmt " chunk)');
    }
    const chunkHeader = yield { offset, length: CHUNK_HEADER_BYTES };
    const id = fourCC(chunkHeader, 0);
    // After a wrong chunk size the walk lands in the middle of something else: say so plainly.
    if (!/^[\x20-\x7e]{4}$/.test(id)) throw damaged(`there is no valid chunk at byte ${offset} (a chunk size is wrong)`);
    const size = u32(chunkHeader, 4);
    const body = offset + CHUNK_HEADER_BYTES;

    if (id === 'data') {
      if (!format) throw damaged('the audio data comes before the "fmt " chunk that describes it');
      return { container, format, dataOffset: body, ...dataExtent(size, ds64DataBytes, fileSize - body) };
    }
    if (body + size > fileSize) throw damaged(`the "${id.trimEnd()}" chunk runs past the end of the file`);
    if (id === 'fmt ') {
      format = parseFmtChunk(yield { offset: body, length: Math.min(size, FMT_EXTENSIBLE_BYTES) }, size);
    } else if (id === 'ds64' && container === 'RF64') {
      if (size < DS64_BYTES) throw damaged('the RF64 "ds64" chunk is too short');
      ds64DataBytes = u64(yield { offset: body, length: DS64_BYTES }, 8);
    }
    // Chunks are padded to an even length; the pad byte is not counted in their size.
    offset = body + size + (size & 1);
  }
}

function parseFmtChunk(bytes: Uint8Array, size: number): WavFormat {
  if (size < 16) throw damaged(`its "fmt " chunk is ${size} bytes long, shorter than the 16 every WAV needs`);
  const tag = u16(bytes, 0);
  const format: WavFormat = {
    formatTag: tag,
    extensible: false,
    channels: u16(bytes, 2),
    sampleRate: u32(bytes, 4),
    blockAlign: u16(bytes, 12),
    bitsPerSample: u16(bytes, 14),
  };
  if (tag === WaveFormatTag.extensible) {
    if (size < FMT_EXTENSIBLE_BYTES) throw damaged('its extensible "fmt " chunk is too short');
    // WAVEFORMATEXTENSIBLE: cbSize 16, validBits 18, channelMask 20, SubFormat GUID 24–39, whose
    // first two bytes are the format tag when the GUID is one of the standard WAVE ones.
    if (!WAVE_GUID_TAIL.every((byte, i) => bytes[26 + i] === byte)) {
      throw new AudioInputError(
        'the WAV uses a sub-format Luister does not know; convert it to 16-bit PCM first (ffmpeg -i IN -c:a pcm_s16le OUT.wav)',
      );
    }
    format.formatTag = u16(bytes, 24);
    format.extensible = true;
  }
  if (format.channels === 0) throw damaged('it declares 0 channels');
  if (format.sampleRate === 0) throw damaged('it declares a sample rate of 0 Hz');
  if (format.blockAlign === 0) throw damaged('it declares blocks of 0 bytes');
  return format;
}

function dataExtent(
  declaredSize: number,
  ds64DataBytes: number | null,
  available: number,
): Pick<WavHeader, 'dataBytes' | 'declaredDataBytes' | 'dataLength'> {
  // In RF64 the data chunk's own size is a placeholder and ds64 holds the real one.
  const declared = ds64DataBytes ?? declaredSize;
  if (UNKNOWN_SIZES.has(declared)) return { dataBytes: available, declaredDataBytes: null, dataLength: 'unknown' };
  if (declared > available) return { dataBytes: available, declaredDataBytes: declared, dataLength: 'truncated' };
  return { dataBytes: declared, declaredDataBytes: declared, dataLength: 'declared' };
}

function damaged(detail: string): AudioInputError {
  return new AudioInputError(`this is not a readable WAV file: ${detail}. The file is damaged or incomplete; export it again from the recorder`);
}

function fourCC(bytes: Uint8Array, at: number): string {
  return bytes.length < at + 4 ? '' : String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
}

function u16(bytes: Uint8Array, at: number): number {
  return bytes[at] | (bytes[at + 1] << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16)) + bytes[at + 3] * 0x1000000;
}

/** Exact for every size below 2^53 bytes. */
function u64(bytes: Uint8Array, at: number): number {
  return u32(bytes, at) + u32(bytes, at + 4) * 0x100000000;
}
