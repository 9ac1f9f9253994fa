/**
 * Speech-like input for the bench: text-to-speech from espeak-ng when it is installed (two voices,
 * an agent and a customer taking turns), otherwise a synthetic voiced signal. Either way the turns
 * are made at 22.05 kHz, resampled to the rate under test, and looped; a little noise is added so
 * that pauses look like a real line rather than digital silence.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { seededRandom } from '../tests/support/signals.ts';
import { readWav } from './wav.ts';

const NATIVE_RATE = 22050;

const AGENT_TURNS = [
  'Good morning, thank you for calling the service desk. My name is Anna, how can I help you today?',
  'I see. Could you give me the number on the top right of your latest invoice, please?',
  'Thank you. I can see the payment of last week, and it looks like it was booked twice. I am sorry about that.',
  'I will reverse the second payment right away. It should be back on your account within three working days.',
  'Is there anything else I can do for you? Then I wish you a very pleasant afternoon.',
];

const CUSTOMER_TURNS = [
  'Hi, yes, I have a question about my bill. It seems much higher than usual this month.',
  'Sure, it is seven four two, nine nine one, zero five.',
  'Oh, okay. So what happens now? Do I have to do anything?',
  'Great, that is a relief. Thanks a lot for sorting this out so quickly.',
  'No, that was all. Thank you, goodbye.',
];

export interface SpeechMaterial {
  /** What the input is, for the printout. */
  kind: 'espeak-ng' | 'synthetic';
  detail: string;
  agentTurns: Float32Array[];
  customerTurns: Float32Array[];
}

/** Makes the turns: espeak-ng if it runs, the synthetic voice otherwise. */
export function makeSpeechMaterial(tempDir: string, forceSynthetic = false): SpeechMaterial {
  const why = forceSynthetic ? 'BENCH_SYNTHETIC=1' : espeakProblem();
  if (why === null) {
    try {
      return {
        kind: 'espeak-ng',
        detail: 'espeak-ng TTS (en-us male agent, en-us+f3 female customer), looped',
        agentTurns: AGENT_TURNS.map((text, i) => speak(text, ['-v', 'en-us', '-s', '165', '-p', '40'], join(tempDir, `agent-${i}.wav`))),
        customerTurns: CUSTOMER_TURNS.map((text, i) => speak(text, ['-v', 'en-us+f3', '-s', '180', '-p', '60'], join(tempDir, `customer-${i}.wav`))),
      };
    } catch (error) {
      return synthetic(`espeak-ng failed (${(error as Error).message})`);
    }
  }
  return synthetic(why);
}

function espeakProblem(): string | null {
  const probe = spawnSync('espeak-ng', ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if (probe.error) return 'espeak-ng not found';
  if (probe.status !== 0) return `espeak-ng --version exited ${probe.status}`;
  return null;
}

function speak(text: string, voice: string[], path: string): Float32Array {
  const run = spawnSync('espeak-ng', [...voice, '-w', path, text], { encoding: 'utf8', timeout: 30_000 });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`exit ${run.status}: ${run.stderr.trim()}`);
  const wav = readWav(path);
  const mono = wav.channels[0];
  const native = wav.sampleRate === NATIVE_RATE ? mono : resample(mono, wav.sampleRate, NATIVE_RATE);
  return normalise(trimSilence(native), 0.5);
}

function synthetic(reason: string): SpeechMaterial {
  const random = seededRandom(7);
  const turns = (count: number, f0Low: number, f0High: number): Float32Array[] =>
    Array.from({ length: count }, () => syntheticTurn(2.5 + 3 * random(), f0Low, f0High, random));
  return {
    kind: 'synthetic',
    detail: `synthetic voiced signal (${reason}): harmonics with F0 gliding 90–250 Hz, syllable-rate AM, pauses, low noise`,
    agentTurns: turns(5, 90, 170),
    customerTurns: turns(5, 150, 250),
  };
}

/** Harmonic complex with a gliding F0, syllable-rate amplitude modulation and short pauses. */
function syntheticTurn(seconds: number, f0Low: number, f0High: number, random: () => number): Float32Array {
  const n = Math.round(seconds * NATIVE_RATE);
  const out = new Float32Array(n);
  let phase = 0;
  let syllablePhase = 0;
  const syllableRate = 3.5 + 2 * random();
  const glideRate = 0.3 + 0.4 * random();
  // A pause of 150–400 ms somewhere in the middle of the turn.
  const pauseStart = Math.round(n * (0.3 + 0.3 * random()));
  const pauseEnd = pauseStart + Math.round(NATIVE_RATE * (0.15 + 0.25 * random()));
  for (let i = 0; i < n; i++) {
    const t = i / NATIVE_RATE;
    const glide = 0.5 - 0.5 * Math.cos(2 * Math.PI * glideRate * t);
    const f0 = f0Low + (f0High - f0Low) * glide;
    phase += (2 * Math.PI * f0) / NATIVE_RATE;
    if (phase > 2 * Math.PI) phase -= 2 * Math.PI;
    syllablePhase += (2 * Math.PI * syllableRate) / NATIVE_RATE;
    const envelope = Math.max(0, Math.sin(syllablePhase)) ** 1.5;
    let x = 0;
    // Harmonics up to 4 kHz with a -12 dB/octave tilt and a crude formant bump near 700 Hz.
    for (let h = 1; h * f0 < 4000; h++) {
      const f = h * f0;
      const formant = 1 + 2 * Math.exp(-(((f - 700) / 250) ** 2));
      x += (formant / (h * h)) * Math.sin(h * phase);
    }
    const paused = i >= pauseStart && i < pauseEnd;
    out[i] = paused ? 0 : 0.3 * envelope * x;
  }
  return normalise(out, 0.5);
}

/**
 * Lays the turns out at `rate`. Mono: the agent's turns one after another. Stereo: a call, agent on
 * channel 0 and customer on channel 1 taking turns, each channel quiet while the other speaks.
 * Pauses between turns 0.3–0.8 s; noise at about -66 dBFS everywhere.
 */
export function makeLoop(material: SpeechMaterial, rate: number, channelCount: 1 | 2): Float32Array[] {
  const agent = material.agentTurns.map((t) => resample(t, NATIVE_RATE, rate));
  const customer = material.customerTurns.map((t) => resample(t, NATIVE_RATE, rate));
  const random = seededRandom(channelCount * 1000 + rate);
  const gap = (): number => Math.round(rate * (0.3 + 0.5 * random()));
  type Piece = { channel: number; data: Float32Array | null; length: number };
  const pieces: Piece[] = [];
  for (let i = 0; i < agent.length; i++) {
    pieces.push({ channel: 0, data: agent[i], length: agent[i].length }, { channel: -1, data: null, length: gap() });
    if (channelCount === 2 && i < customer.length) {
      pieces.push({ channel: 1, data: customer[i], length: customer[i].length }, { channel: -1, data: null, length: gap() });
    }
  }
  const total = pieces.reduce((sum, p) => sum + p.length, 0);
  const channels = Array.from({ length: channelCount }, () => new Float32Array(total));
  let at = 0;
  for (const piece of pieces) {
    if (piece.data) channels[piece.channel].set(piece.data, at);
    at += piece.length;
  }
  for (const channel of channels) {
    for (let i = 0; i < total; i++) channel[i] += 0.0005 * gaussian(random);
  }
  return channels;
}

/** Plays a loop forever into caller-owned buffers; allocation-free. */
export class LoopSource {
  readonly loop: Float32Array[];
  readonly length: number;
  private position = 0;

  constructor(loop: Float32Array[]) {
    this.loop = loop;
    this.length = loop[0].length;
  }

  /** Writes the next `count` samples of every channel to `out[c][0..count)`. */
  fill(out: Float32Array[], count: number): void {
    const channelCount = out.length;
    let pos = this.position;
    for (let i = 0; i < count; i++) {
      for (let c = 0; c < channelCount; c++) out[c][i] = this.loop[c][pos];
      pos = pos + 1 === this.length ? 0 : pos + 1;
    }
    this.position = pos;
  }

  rewind(): void {
    this.position = 0;
  }
}

/** Band-limited resampling with a Blackman-windowed sinc read from a table. */
export function resample(input: Float32Array, inRate: number, outRate: number): Float32Array {
  if (inRate === outRate) return input.slice();
  const ratio = outRate / inRate;
  const cutoff = 0.95 * Math.min(1, ratio);
  const halfWidth = 16 / cutoff;
  const perSample = 512;
  const tableLength = Math.ceil(halfWidth * perSample) + 2;
  const table = new Float64Array(tableLength);
  for (let i = 0; i < tableLength; i++) {
    const d = i / perSample;
    if (d >= halfWidth) break;
    const sinc = d === 0 ? 1 : Math.sin(Math.PI * cutoff * d) / (Math.PI * cutoff * d);
    const w = 0.42 + 0.5 * Math.cos((Math.PI * d) / halfWidth) + 0.08 * Math.cos((2 * Math.PI * d) / halfWidth);
    table[i] = cutoff * sinc * w;
  }
  const outLength = Math.floor(input.length * ratio);
  const out = new Float32Array(outLength);
  for (let n = 0; n < outLength; n++) {
    const t = n / ratio;
    const first = Math.max(0, Math.ceil(t - halfWidth));
    const last = Math.min(input.length - 1, Math.floor(t + halfWidth));
    let acc = 0;
    for (let i = first; i <= last; i++) acc += input[i] * table[Math.round(Math.abs(t - i) * perSample)];
    out[n] = acc;
  }
  return out;
}

function trimSilence(x: Float32Array): Float32Array {
  let start = 0;
  let end = x.length;
  while (start < end && Math.abs(x[start]) < 1e-3) start++;
  while (end > start && Math.abs(x[end - 1]) < 1e-3) end--;
  return x.slice(start, end);
}

function normalise(x: Float32Array, peak: number): Float32Array {
  let max = 0;
  for (let i = 0; i < x.length; i++) max = Math.max(max, Math.abs(x[i]));
  if (max > 0) for (let i = 0; i < x.length; i++) x[i] *= peak / max;
  return x;
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}
