import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import decode from 'audio-decode';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));

export interface TtsClip {
  file: string;
  synth: string;
  voice: string;
  speed: number;
  text: string;
  syllables: number;
  words: number;
  durationSec: number;
}

export function ttsManifest(): TtsClip[] {
  return JSON.parse(readFileSync(`${FIXTURES}tts/manifest.json`, 'utf8')) as TtsClip[];
}

export interface DecodedAudio {
  channels: Float32Array[];
  sampleRate: number;
}

/** Decodes a test recording into float channels. */
export async function readAudio(path: string): Promise<DecodedAudio> {
  const decoded = await decode(readFileSync(path));
  return { channels: decoded.channelData, sampleRate: decoded.sampleRate };
}

export async function readTtsClip(file: string): Promise<DecodedAudio> {
  return readAudio(`${FIXTURES}tts/${file}`);
}
