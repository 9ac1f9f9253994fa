import { AudioInputError } from './audio-input-error.ts';
import { decodePcmFrames, pcmLayoutOf } from './pcm-decode.ts';
import { parseWavHeader } from './wav-header.ts';

export interface DecodedWav {
  sampleRate: number;
  /** One Float32Array per channel, samples in [-1, 1). */
  channels: Float32Array[];
}

/**
 * A whole PCM or float WAV file held in memory, decoded at once: for short files (test clips,
 * synthesised speech). Long recordings go through the streaming reader instead.
 */
export function decodeWavBytes(bytes: Uint8Array): DecodedWav {
  const header = parseWavHeader(bytes);
  const layout = pcmLayoutOf(header.format);
  if (!layout) throw new AudioInputError('this WAV file is not PCM or float; convert it to PCM WAV first');
  const frames = Math.floor(header.dataBytes / layout.frameBytes);
  const channels = Array.from({ length: layout.channels }, () => new Float32Array(frames));
  decodePcmFrames(bytes.subarray(header.dataOffset, header.dataOffset + header.dataBytes), layout, frames, channels);
  return { sampleRate: header.format.sampleRate, channels };
}
