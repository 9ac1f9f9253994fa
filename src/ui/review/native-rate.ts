/**
 * A recording's own sample rate, read from its container header. The browser's decodeAudioData
 * always resamples to its context's rate, so the app asks for the file's own rate up front: the
 * analysis then sees the samples the recorder made, and an exported WAV is not inflated.
 *
 * Each reader looks only at the bytes it needs and returns null when it is not sure; the caller
 * then decodes at a default rate (the analysis resamples to ~16 kHz internally anyway).
 */
import { looksLikeWav, parseWavHeader } from '../../audio/wav-header.ts';

/** How far into the file (and back from its end, for MP4) headers are looked for. */
const SCAN_BYTES = 1 << 18;

/** Rates an OfflineAudioContext accepts in every current browser. */
const MIN_RATE = 8000;
const MAX_RATE = 96000;

export function nativeSampleRate(bytes: Uint8Array): number | null {
  const readers = [wavRate, flacRate, oggRate, mp4Rate, webmRate, mp3Rate];
  for (const read of readers) {
    const rate = safely(read, bytes);
    if (rate !== null) return rate >= MIN_RATE && rate <= MAX_RATE ? rate : null;
  }
  return null;
}

function safely(read: (bytes: Uint8Array) => number | null, bytes: Uint8Array): number | null {
  try {
    return read(bytes);
  } catch {
    // A damaged header: let the browser's decoder have its say.
    return null;
  }
}

function wavRate(bytes: Uint8Array): number | null {
  if (!looksLikeWav(bytes)) return null;
  return parseWavHeader(bytes).format.sampleRate;
}

/** fLaC, then the STREAMINFO block: its 20-bit rate starts at byte 18. */
function flacRate(bytes: Uint8Array): number | null {
  if (ascii(bytes, 0, 4) !== 'fLaC' || bytes.length < 21) return null;
  return (bytes[18] << 12) | (bytes[19] << 4) | (bytes[20] >> 4);
}

/** Ogg: Opus always decodes at 48 kHz; Vorbis states its rate in the identification header. */
function oggRate(bytes: Uint8Array): number | null {
  if (ascii(bytes, 0, 4) !== 'OggS') return null;
  const window = bytes.subarray(0, Math.min(bytes.length, 4096));
  if (indexOf(window, 'OpusHead') >= 0) return 48000;
  const vorbis = indexOf(window, '\u0001vorbis');
  // Packet type, "vorbis", version (4 bytes), channels (1), then the rate (4, little-endian).
  return vorbis >= 0 ? u32le(window, vorbis + 12) : null;
}

/** MP4/M4A: the AAC sample entry ("mp4a") carries the rate as 16.16 fixed point at byte 24. */
function mp4Rate(bytes: Uint8Array): number | null {
  if (ascii(bytes, 4, 4) !== 'ftyp') return null;
  // The moov box (with the sample entry) is at the start or, from many recorders, at the end.
  for (const part of [bytes.subarray(0, SCAN_BYTES), bytes.subarray(Math.max(0, bytes.length - SCAN_BYTES))]) {
    const entry = indexOf(part, 'mp4a');
    if (entry >= 0 && entry + 30 <= part.length) return (part[entry + 28] << 8) | part[entry + 29];
  }
  return null;
}

/** WebM/Matroska: Opus is 48 kHz; otherwise the SamplingFrequency element (0xB5, a float). */
function webmRate(bytes: Uint8Array): number | null {
  if (!(bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3)) return null;
  const head = bytes.subarray(0, Math.min(bytes.length, SCAN_BYTES));
  if (indexOf(head, 'A_OPUS') >= 0) return 48000;
  for (let i = 0; i + 10 <= head.length; i++) {
    if (head[i] !== 0xb5) continue;
    const view = new DataView(head.buffer, head.byteOffset + i + 2);
    if (head[i + 1] === 0x88) return Math.round(view.getFloat64(0));
    if (head[i + 1] === 0x84) return Math.round(view.getFloat32(0));
  }
  return null;
}

const MP3_RATES = [44100, 48000, 32000];

/** MPEG audio: skip an ID3v2 tag, then the first frame header's version and rate index. */
function mp3Rate(bytes: Uint8Array): number | null {
  let at = 0;
  if (ascii(bytes, 0, 3) === 'ID3' && bytes.length >= 10) {
    // The tag size is "syncsafe": four 7-bit bytes.
    at = 10 + ((bytes[6] << 21) | (bytes[7] << 14) | (bytes[8] << 7) | bytes[9]);
  }
  const end = Math.min(bytes.length - 4, at + SCAN_BYTES);
  for (let i = at; i < end; i++) {
    if (bytes[i] !== 0xff || (bytes[i + 1] & 0xe0) !== 0xe0) continue;
    const version = (bytes[i + 1] >> 3) & 0x3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
    const layer = (bytes[i + 1] >> 1) & 0x3;
    const rateIndex = (bytes[i + 2] >> 2) & 0x3;
    if (version === 1 || layer === 0 || rateIndex === 3) continue;
    const base = MP3_RATES[rateIndex];
    return version === 3 ? base : version === 2 ? base / 2 : base / 4;
  }
  return null;
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  if (bytes.length < at + length) return '';
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

function u32le(bytes: Uint8Array, at: number): number | null {
  if (at + 4 > bytes.length) return null;
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16)) + bytes[at + 3] * 0x1000000;
}

function indexOf(bytes: Uint8Array, text: string): number {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + text.length <= bytes.length; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < text.length; j++) if (bytes[i + j] !== text.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}
