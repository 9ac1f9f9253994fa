/**
 * Speech for the fake microphone: the committed 260 wpm espeak clips (English and Dutch) one after
 * another with very short gaps, over faint noise so the input is never digitally silent. Chromium
 * loops the capture file, so a dozen seconds serve a call of any length.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeWav } from '../../src/audio/wav-writer.ts';
import { readTtsClip, ttsManifest } from '../support/fixtures.ts';

/** Silence between the clips: short enough that the speech stays rushed, s. */
const GAP_SEC = 0.06;

/** `durationSec` of rushed speech at the clips' own sample rate. */
export async function rushedSpeech(durationSec: number): Promise<{ samples: Float32Array; sampleRate: number }> {
  const clips = ttsManifest().filter((c) => c.synth === 'espeak-ng' && c.speed === 260);
  const decoded = await Promise.all(clips.map((c) => readTtsClip(c.file)));
  const sampleRate = decoded[0].sampleRate;
  const samples = new Float32Array(Math.round(durationSec * sampleRate));
  let seed = 7;
  for (let i = 0; i < samples.length; i++) {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    samples[i] = 0.0015 * (seed / 2 ** 32 - 0.5);
  }
  let at = 0;
  for (let k = 0; at < samples.length; k++) {
    const clip = decoded[k % decoded.length];
    if (clip.sampleRate !== sampleRate) throw new Error('the 260 wpm clips must share one sample rate');
    const voice = clip.channels[0];
    const take = Math.min(voice.length, samples.length - at);
    for (let i = 0; i < take; i++) samples[at + i] += voice[i];
    at += take + Math.round(GAP_SEC * sampleRate);
  }
  return { samples, sampleRate };
}

/** Writes `durationSec` of rushed speech as a 16-bit WAV into `folder`; returns its path. */
export async function writeRushedSpeechWav(folder: string, durationSec: number, name = 'rushed.wav'): Promise<string> {
  const { samples, sampleRate } = await rushedSpeech(durationSec);
  const path = join(folder, name);
  await writeFile(path, encodeWav([samples], sampleRate, 'int16'));
  return path;
}
