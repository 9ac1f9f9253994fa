/**
 * Stereo test calls with known answers, composed from TTS clips (tests/fixtures/tts, made by
 * scripts/make-test-audio.sh, and tests/fixtures/coach, made by scripts/make-coach-audio.sh) and
 * synthetic sounds: the agent on channel 0, the customer on channel 1. Every placement is recorded,
 * so the truth (speech, silences, overlaps, interruptions, backchannels, sighs, tone stretches) is
 * exact rather than hand-labelled. Seeded: the same seed gives the same call.
 *
 * WAV files are read with the app's own parser (src/audio).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeWavBytes } from '../../src/audio/wav-decode.ts';
import { CallCoach, type CoachOptions, type CoachResult, type CoachTrack } from '../../src/coach/call-coach.ts';
import type { ReportEventType, SpeakerRole, TimeSpan } from '../../src/report/report-types.ts';
import { runCore } from './run-core.ts';
import { gaussian, pinkNoise, seededRandom, synthVoice } from './signals.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const SAMPLE_RATE = 16000;

export interface Audio {
  sampleRate: number;
  channels: Float32Array<ArrayBufferLike>[];
}

/** Reads a PCM or float WAV file whole. */
export function readWavFile(path: string): Audio {
  return decodeWavBytes(new Uint8Array(readFileSync(path)));
}

const clipCache = new Map<string, Float32Array>();

/** A 16 kHz mono clip by file name, from tests/fixtures/tts or tests/fixtures/coach. */
export function clip(file: string): Float32Array {
  let samples = clipCache.get(file);
  if (!samples) {
    const folder = file.startsWith('espeak-') || file.startsWith('festival-') ? 'tts' : 'coach';
    const audio = readWavFile(`${FIXTURES}${folder}/${file}`);
    if (audio.sampleRate !== SAMPLE_RATE) throw new Error(`${file}: expected ${SAMPLE_RATE} Hz`);
    samples = audio.channels[0];
    clipCache.set(file, samples);
  }
  return samples;
}

/** Sets of clips by how they sound. */
export const CLIPS = {
  /** Natural speed (espeak 175 wpm, festival stretch 1.0): 4.5–5.5 syllables/s. */
  natural: [
    'espeak-en-s1-175wpm.wav',
    'espeak-en-s2-175wpm.wav',
    'espeak-en-s3-175wpm.wav',
    'festival-en-s1-x1.0.wav',
    'festival-en-s2-x1.0.wav',
    'festival-en-s3-x1.0.wav',
  ],
  /** Slow (120 wpm, stretch 1.4). */
  slow: ['espeak-en-s1-120wpm.wav', 'espeak-en-s3-120wpm.wav', 'festival-en-s1-x1.4.wav', 'festival-en-s3-x1.4.wav'],
  /** Fast (260 wpm, stretch 0.7): 6.5–7.5 syllables/s. */
  fast: [
    'espeak-en-s1-260wpm.wav',
    'espeak-en-s2-260wpm.wav',
    'espeak-en-s3-260wpm.wav',
    'festival-en-s1-x0.7.wav',
    'festival-en-s2-x0.7.wav',
    'festival-en-s3-x0.7.wav',
  ],
  /** The natural clips with their melody flattened to 15 % (Praat). */
  monotone: [
    'monotone-espeak-en-s1-175wpm.wav',
    'monotone-espeak-en-s3-175wpm.wav',
    'monotone-espeak-nl-s1-175wpm.wav',
    'monotone-festival-en-s2-x1.0.wav',
  ],
  /** The customer's voice: espeak-ng Dutch. */
  customer: ['espeak-nl-s1-175wpm.wav', 'espeak-nl-s2-175wpm.wav', 'espeak-nl-s1-120wpm.wav', 'espeak-nl-s2-120wpm.wav'],
  customerAgitated: ['agitated-nl-1.wav', 'agitated-nl-2.wav'],
  backchannel: ['bc-en-mmhmm.wav', 'bc-en-yeah.wav', 'bc-en-okay.wav', 'bc-nl-ja.wav', 'bc-nl-oke.wav'],
} as const;

export type ToneTruth = 'natural' | 'monotone' | 'rushed' | 'slow';

export interface TruthEvent extends TimeSpan {
  type: ReportEventType;
  speaker?: SpeakerRole;
}

/** A distractor placed on purpose: nothing should be reported for it. */
export interface Distractor extends TimeSpan {
  kind: 'fricative' | 'breath' | 'keyboard';
  speaker: SpeakerRole;
}

export interface Truth {
  speech: Record<SpeakerRole, TimeSpan[]>;
  /** Events placed on purpose (interruptions, backchannels, overlaps, sighs). */
  placed: TruthEvent[];
  distractors: Distractor[];
  /** The agent's speech by how it was made to sound. */
  tone: (TimeSpan & { tone: ToneTruth })[];
}

export interface BuiltCall extends Audio {
  durationSec: number;
  truth: Truth;
}

export interface Finish {
  /** Pink background noise on both channels, dBFS RMS (none when absent). */
  noiseDb?: number;
  /** Mains hum (50 Hz and harmonics) on the customer's line, dBFS RMS. */
  humDb?: number;
  /** Telephone line: 300–3400 Hz band-pass, then 8 kHz. */
  telephone?: boolean;
}

const ROLES: readonly SpeakerRole[] = ['agent', 'customer'];

/**
 * Lays clips and sounds on two channels at exact times. `say` continues the conversation after a
 * gap; the other methods place things relative to what was said last.
 */
export class CallBuilder {
  readonly random: () => number;
  private readonly parts: Record<SpeakerRole, { at: number; samples: Float32Array }[]> = { agent: [], customer: [] };
  private readonly truth: Truth = { speech: { agent: [], customer: [] }, placed: [], distractors: [], tone: [] };
  private lengthSamples = 0;
  /** Time the latest speech of anyone ends. */
  cursor = 0.3;

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  /** Puts samples on a channel at `start` s, scaled by `gainDb`; returns where they lie. */
  place(role: SpeakerRole, samples: Float32Array, start: number, gainDb = 0): TimeSpan {
    const at = Math.round(start * SAMPLE_RATE);
    const gain = 10 ** (gainDb / 20);
    this.parts[role].push({ at, samples: gain === 1 ? samples : samples.map((v) => v * gain) });
    this.lengthSamples = Math.max(this.lengthSamples, at + samples.length);
    return { start: at / SAMPLE_RATE, end: (at + samples.length) / SAMPLE_RATE };
  }

  /** Speech: a clip whose extent is recorded as that speaker's speech. */
  speak(role: SpeakerRole, file: string, start: number, options: { gainDb?: number; tone?: ToneTruth } = {}): TimeSpan {
    const span = this.place(role, clip(file), start, options.gainDb);
    this.truth.speech[role].push(span);
    if (role === 'agent' && options.tone) this.truth.tone.push({ ...span, tone: options.tone });
    this.cursor = Math.max(this.cursor, span.end);
    return span;
  }

  /** The next utterance, `gapSec` after the latest speech of anyone ends. */
  say(role: SpeakerRole, file: string, gapSec: number, options: { gainDb?: number; tone?: ToneTruth } = {}): TimeSpan {
    return this.speak(role, file, this.cursor + gapSec, options);
  }

  /** The latest utterance of a speaker. */
  last(role: SpeakerRole): TimeSpan {
    const spans = this.truth.speech[role];
    if (spans.length === 0) throw new Error(`${role} has not spoken yet`);
    return spans[spans.length - 1];
  }

  /**
   * The agent starts `overlapSec` before the customer's latest utterance ends and goes on: an
   * interruption from the agent's start to the end of the customer's speech.
   */
  interrupt(file: string, overlapSec: number): TimeSpan {
    const customer = this.last('customer');
    const span = this.speak('agent', file, customer.end - overlapSec);
    this.truth.placed.push({ type: 'interruption', speaker: 'agent', start: span.start, end: customer.end });
    return span;
  }

  /** A short agent remark `atSec` into the customer's latest utterance, which goes on past it. */
  backchannel(file: string, atSec: number): TimeSpan {
    const customer = this.last('customer');
    const span = this.speak('agent', file, customer.start + atSec);
    if (span.end > customer.end - 0.3) throw new Error('the backchannel must end well inside the customer turn');
    this.truth.placed.push({ type: 'backchannel', speaker: 'agent', start: span.start, end: span.end });
    return span;
  }

  /**
   * `intruder` talks over the other's latest utterance from `atSec` into it and stops before it
   * ends: an overlap where the intruder gives way.
   */
  overlap(intruder: SpeakerRole, file: string, atSec: number): TimeSpan {
    const holder = this.last(intruder === 'agent' ? 'customer' : 'agent');
    const span = this.speak(intruder, file, holder.start + atSec);
    if (span.end > holder.end - 0.6) throw new Error('the overlapping utterance must end well inside the other turn');
    this.truth.placed.push({ type: 'overlap', speaker: intruder, start: span.start, end: span.end });
    return span;
  }

  /** A synthetic sigh on a channel (see `synthSigh`). */
  sigh(role: SpeakerRole, start: number, options: SighOptions = {}): TimeSpan {
    const samples = synthSigh(this.random, options);
    const span = this.place(role, samples, start);
    this.truth.placed.push({ type: 'sigh', speaker: role, start: span.start, end: span.end });
    return span;
  }

  /** A sound that must not be reported as a sigh (or as anything else). */
  distractor(role: SpeakerRole, kind: Distractor['kind'], start: number): TimeSpan {
    const samples = kind === 'fricative' ? synthFricative(this.random) : kind === 'breath' ? synthBreath(this.random) : synthKeyboard(this.random);
    const span = this.place(role, samples, start);
    this.truth.distractors.push({ kind, speaker: role, ...span });
    return span;
  }

  /** Mixes the channels; `tailSec` of silence follows the last sound. */
  build(finish: Finish = {}, tailSec = 0.6): BuiltCall {
    const length = this.lengthSamples + Math.round(tailSec * SAMPLE_RATE);
    let channels: Float32Array[] = ROLES.map((role, c) => {
      const out = new Float32Array(length);
      for (const { at, samples } of this.parts[role]) for (let i = 0; i < samples.length; i++) out[at + i] += samples[i];
      if (finish.noiseDb !== undefined) addScaled(out, pinkNoise(length, 101 + c), finish.noiseDb);
      if (finish.humDb !== undefined && role === 'customer') addScaled(out, hum(length), finish.humDb);
      return out;
    });
    let sampleRate = SAMPLE_RATE;
    if (finish.telephone) {
      channels = channels.map(telephoneBand);
      sampleRate = 8000;
    }
    return { sampleRate, channels, durationSec: channels[0].length / sampleRate, truth: this.truth };
  }
}

/** Events the silences between turns must give, from the speech truth: nobody speaking ≥ `minSec`. */
export function silenceTruth(truth: Truth, durationSec: number, minSec = 3): TruthEvent[] {
  const all = ROLES.flatMap((role) => truth.speech[role].map((s) => ({ ...s, role })));
  all.sort((a, b) => a.start - b.start);
  const events: TruthEvent[] = [];
  let lastEnd = -1;
  let lastRole: SpeakerRole | null = null;
  for (const s of all) {
    if (lastRole && s.start - lastEnd >= minSec) events.push(quietEvent(lastRole, lastEnd, s.start));
    if (s.end > lastEnd) {
      lastEnd = s.end;
      lastRole = s.role;
    }
  }
  if (lastRole && durationSec - lastEnd >= minSec) events.push(quietEvent(lastRole, lastEnd, durationSec));
  return events;
}

function quietEvent(lastRole: SpeakerRole, start: number, end: number): TruthEvent {
  return lastRole === 'agent' ? { type: 'silence', speaker: 'customer', start, end } : { type: 'dead-air', start, end };
}

// ------------------------------------------------------------------ synthetic sounds

export interface SighOptions {
  durationSec?: number;
  /** Level at the peak of the envelope, dBFS RMS (default −30 to −24: a few dB under the TTS speech at about −22). */
  peakDb?: number;
  /** Start with a faint voiced "h-aah" (120–180 Hz). */
  voicedOnset?: boolean;
}

/**
 * A sigh: brown-ish noise (pink noise through a one-pole low-pass) whose cut-off falls from about
 * 2 kHz to 400 Hz over the sigh, under an envelope with a fast attack (60–120 ms) and a slow
 * exponential decay to −30 dB; optionally a faint voiced onset.
 */
export function synthSigh(random: () => number, options: SighOptions = {}): Float32Array {
  const duration = options.durationSec ?? 0.5 + 1.5 * random();
  const n = Math.round(duration * SAMPLE_RATE);
  const noise = pinkNoise(n, Math.floor(random() * 1e9));
  const out = new Float32Array(n);
  const attack = (0.06 + 0.06 * random()) * SAMPLE_RATE;
  const fromHz = 1600 + 800 * random();
  const toHz = 300 + 200 * random();
  let lp = 0;
  let lp2 = 0;
  for (let i = 0; i < n; i++) {
    const x = i / n;
    const cutoff = fromHz * (toHz / fromHz) ** x;
    const a = 1 - Math.exp((-2 * Math.PI * cutoff) / SAMPLE_RATE);
    lp += a * (noise[i] - lp);
    lp2 += a * (lp - lp2);
    const envelope = i < attack ? 0.5 - 0.5 * Math.cos((Math.PI * i) / attack) : 10 ** ((-30 * (i - attack)) / (n - attack) / 20);
    out[i] = lp2 * envelope;
  }
  if (options.voicedOnset ?? random() < 0.3) {
    const voice = synthVoice({ sampleRate: SAMPLE_RATE, durationSec: 0.15, f0At: () => 120 + 60 * random(), amplitude: 1, seed: 7 });
    const onset = voice.samples.subarray(0, Math.min(n, voice.samples.length));
    // Faint: half the RMS of the breath noise it rides on, fading out.
    const gain = (0.5 * rms(out.subarray(0, onset.length))) / Math.max(1e-9, rms(onset));
    for (let i = 0; i < onset.length; i++) out[i] += gain * onset[i] * (1 - i / onset.length);
  }
  return normalisePeak(out, options.peakDb ?? -30 + 6 * random(), 0.05);
}

/** A fricative-like burst ("s", "sh"): 0.1–0.25 s of high-passed white noise. */
export function synthFricative(random: () => number): Float32Array {
  const n = Math.round((0.1 + 0.15 * random()) * SAMPLE_RATE);
  const out = new Float32Array(n);
  const cut = 3000 + 2000 * random();
  const highPass = biquad('highpass', cut, 0.9, SAMPLE_RATE);
  for (let i = 0; i < n; i++) out[i] = highPass(gaussian(random)) * Math.sin((Math.PI * i) / n);
  return normalisePeak(out, -30 + 6 * random(), 0.05);
}

/** A short breath between phrases: 0.2–0.3 s of quiet band-passed noise. */
export function synthBreath(random: () => number): Float32Array {
  const n = Math.round((0.2 + 0.1 * random()) * SAMPLE_RATE);
  const out = new Float32Array(n);
  const band = biquad('bandpass', 1200, 0.7, SAMPLE_RATE);
  for (let i = 0; i < n; i++) out[i] = band(gaussian(random)) * Math.sin((Math.PI * i) / n);
  return normalisePeak(out, -44 + 4 * random(), 0.05);
}

/** Typing: 8–15 key clicks, 6–10 per second, each a 4 ms decaying noise burst with a resonance. */
export function synthKeyboard(random: () => number): Float32Array {
  const clicks = 8 + Math.floor(8 * random());
  const rate = 6 + 4 * random();
  const n = Math.round(((clicks + 1) / rate) * SAMPLE_RATE);
  const out = new Float32Array(n);
  for (let k = 0; k < clicks; k++) {
    const at = Math.round(((k + 0.3 * random()) / rate) * SAMPLE_RATE);
    const ring = biquad('bandpass', 2000 + 3000 * random(), 4, SAMPLE_RATE);
    const amp = 0.05 + 0.1 * random();
    for (let i = 0; i < 0.012 * SAMPLE_RATE && at + i < n; i++) out[at + i] += amp * ring(gaussian(random) * Math.exp(-i / (0.004 * SAMPLE_RATE)));
  }
  return out;
}

function hum(n: number): Float32Array {
  // 50 Hz repeats every 320 samples at 16 kHz: one period, tiled.
  const period = SAMPLE_RATE / 50;
  const one = new Float32Array(period);
  for (let i = 0; i < period; i++) {
    const t = i / SAMPLE_RATE;
    one[i] = Math.sin(2 * Math.PI * 50 * t) + 0.5 * Math.sin(2 * Math.PI * 150 * t) + 0.25 * Math.sin(2 * Math.PI * 250 * t);
  }
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = one[i % period];
  return out;
}

/** Band-pass 300–3400 Hz (two second-order sections each side), then every second sample. */
function telephoneBand(x: Float32Array): Float32Array {
  const y = Float32Array.from(x);
  for (const [kind, hz] of [['highpass', 300], ['highpass', 300], ['lowpass', 3400], ['lowpass', 3400]] as const) {
    filterInPlace(y, biquadCoefficients(kind, hz, Math.SQRT1_2, SAMPLE_RATE));
  }
  const out = new Float32Array(Math.floor(x.length / 2));
  for (let i = 0; i < out.length; i++) out[i] = y[2 * i];
  return out;
}

/** Normalised coefficients [b0, b1, b2, a1, a2] of an RBJ audio-EQ-cookbook biquad. */
function biquadCoefficients(kind: 'lowpass' | 'highpass' | 'bandpass', hz: number, q: number, sampleRate: number): number[] {
  const w = (2 * Math.PI * hz) / sampleRate;
  const alpha = Math.sin(w) / (2 * q);
  const cos = Math.cos(w);
  const b =
    kind === 'lowpass' ? [(1 - cos) / 2, 1 - cos, (1 - cos) / 2] : kind === 'highpass' ? [(1 + cos) / 2, -(1 + cos), (1 + cos) / 2] : [alpha, 0, -alpha];
  const a0 = 1 + alpha;
  return [b[0] / a0, b[1] / a0, b[2] / a0, (-2 * cos) / a0, (1 - alpha) / a0];
}

function filterInPlace(x: Float32Array, [b0, b1, b2, a1, a2]: number[]): void {
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const y = b0 * v + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    x2 = x1;
    x1 = v;
    y2 = y1;
    y1 = y;
    x[i] = y;
  }
}

/** A biquad as a stateful sample function, for the short synthetic sounds. */
export function biquad(kind: 'lowpass' | 'highpass' | 'bandpass', hz: number, q: number, sampleRate: number): (x: number) => number {
  const [b0, b1, b2, a1, a2] = biquadCoefficients(kind, hz, q, sampleRate);
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  return (x) => {
    const y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
    return y;
  };
}

function rms(x: Float32Array): number {
  let sum = 0;
  for (const v of x) sum += v * v;
  return Math.sqrt(sum / Math.max(1, x.length));
}

/** Scales so the loudest `windowSec` stretch has RMS `db` dBFS. */
function normalisePeak(x: Float32Array, db: number, windowSec: number): Float32Array {
  const w = Math.max(1, Math.round(windowSec * SAMPLE_RATE));
  let peak = 0;
  for (let i = 0; i + w <= x.length; i += w >> 1) peak = Math.max(peak, rms(x.subarray(i, i + w)));
  const gain = peak > 0 ? 10 ** (db / 20) / peak : 0;
  return x.map((v) => v * gain);
}

function addScaled(out: Float32Array, noise: Float32Array, db: number): void {
  const gain = 10 ** (db / 20) / Math.max(1e-12, rms(noise));
  for (let i = 0; i < out.length; i++) out[i] += gain * noise[i];
}

// ------------------------------------------------------------------ analysis

export interface AnalysedCall {
  tracks: CoachTrack[];
  /** Total frames per track. */
  frames: number;
}

/**
 * Runs the core over a call's channels: by default the agent on 0 and the customer on 1 (a mono
 * recording is the agent); `roles` picks speakers, each from its own channel of a built call.
 */
export function analyseCall(audio: Audio, roles: readonly SpeakerRole[] = audio.channels.length === 2 ? ['agent', 'customer'] : ['agent']): AnalysedCall {
  const channelOf = (role: SpeakerRole, index: number) => (audio.channels.length === 2 ? ROLES.indexOf(role) : index);
  const tracks = roles.map((role, i) => ({ role, track: runCore(audio.channels[channelOf(role, i)], audio.sampleRate) }));
  return { tracks, frames: Math.min(...tracks.map((t) => t.track.frameCount)) };
}

/** The coach run offline: the finished tracks in one go. */
export function coachOffline(call: AnalysedCall, options: CoachOptions = {}): CoachResult {
  const coach = new CallCoach(
    call.tracks.map((t) => t.role),
    options,
  );
  coach.advance(call.tracks);
  return coach.finish();
}

// ------------------------------------------------------------------ scenarios and scoring

export type Moment = 'turn' | 'early-start' | 'silence' | 'dead-air' | 'interruption' | 'backchannel' | 'overlap-agent' | 'overlap-customer';

/**
 * A customer-service call in which the moments of `deck` happen in random order:
 * ordinary turns (gaps 0.2–1.2 s), early starts (the agent comes in 0.1–0.3 s before the
 * customer stops: no interruption), long silences after the agent (3.3–5 s), dead air after the
 * customer, interruptions (0.6–1.4 s of talking over), backchannels inside customer turns, and
 * overlaps in which the one who came in gives way.
 */
export function randomConversation(seed: number, moments: Partial<Record<Moment, number>>): CallBuilder {
  const b = new CallBuilder(seed);
  const r = b.random;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)];
  const deck = (Object.entries(moments) as [Moment, number][]).flatMap(([m, count]) => Array<Moment>(count).fill(m));
  // Fisher–Yates, seeded.
  for (let i = deck.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [deck[i], deck[j]] = [deck[j], deck[i]];
  }
  const longCustomer = ['espeak-nl-s1-120wpm.wav', 'espeak-nl-s2-120wpm.wav'];
  const shortCustomer = ['espeak-nl-s1-260wpm.wav', 'espeak-nl-s2-260wpm.wav'];
  b.say('agent', pick(CLIPS.natural), 0);
  for (const moment of deck) {
    if (moment === 'silence') {
      b.say('customer', pick(CLIPS.customer), 3.3 + 1.7 * r());
      b.say('agent', pick(CLIPS.natural), 0.3 + 0.6 * r());
    } else if (moment === 'dead-air') {
      b.say('customer', pick(CLIPS.customer), 0.3 + 0.6 * r());
      b.say('agent', pick(CLIPS.natural), 3.3 + 1.7 * r());
    } else if (moment === 'interruption') {
      b.say('customer', pick(longCustomer), 0.3 + 0.6 * r());
      b.interrupt(pick(CLIPS.natural), 0.6 + 0.8 * r());
    } else if (moment === 'early-start') {
      b.say('customer', pick(CLIPS.customer), 0.3 + 0.6 * r());
      b.speak('agent', pick(CLIPS.natural), b.last('customer').end - 0.1 - 0.2 * r());
    } else if (moment === 'backchannel') {
      const turn = b.say('customer', pick(longCustomer), 0.3 + 0.6 * r());
      const bc = clip(pick(CLIPS.backchannel)).length / SAMPLE_RATE;
      b.backchannel(pick(CLIPS.backchannel), 0.8 + r() * (turn.end - turn.start - bc - 1.8));
      b.say('agent', pick(CLIPS.natural), 0.3 + 0.6 * r());
    } else if (moment === 'overlap-agent') {
      b.say('customer', pick(longCustomer), 0.3 + 0.6 * r());
      b.overlap('agent', pick(CLIPS.fast.slice(0, 3)), 0.6 + 0.6 * r());
      b.say('agent', pick(CLIPS.natural), 0.4 + 0.5 * r());
    } else if (moment === 'overlap-customer') {
      b.say('customer', pick(CLIPS.customer), 0.3 + 0.6 * r());
      b.say('agent', pick(CLIPS.slow), 0.3 + 0.6 * r());
      b.overlap('customer', pick(shortCustomer), 0.4 + 0.4 * r());
      b.say('customer', pick(CLIPS.customer), 0.4 + 0.5 * r());
      b.say('agent', pick(CLIPS.natural), 0.3 + 0.6 * r());
    } else {
      b.say('customer', pick(CLIPS.customer), 0.2 + r());
      b.say('agent', pick(CLIPS.natural), 0.2 + r());
    }
  }
  return b;
}

export interface Detection extends TimeSpan {
  type: string;
  speaker?: SpeakerRole;
}

export interface Score {
  truth: number;
  detected: number;
  hits: number;
  precision: number;
  recall: number;
}

/**
 * Matches detections of `type` one to one with the truth events of that type (and speaker, when
 * the truth names one): a hit when start and end both lie within `toleranceSec`.
 */
export function score(truth: readonly TruthEvent[], detected: readonly Detection[], type: string, toleranceSec: number): Score {
  const wanted = truth.filter((e) => e.type === type);
  const found = detected.filter((e) => e.type === type);
  const used = new Set<number>();
  let hits = 0;
  for (const t of wanted) {
    const i = found.findIndex(
      (d, k) => !used.has(k) && (!t.speaker || d.speaker === t.speaker) && Math.abs(d.start - t.start) <= toleranceSec && Math.abs(d.end - t.end) <= toleranceSec,
    );
    if (i >= 0) {
      used.add(i);
      hits++;
    }
  }
  return {
    truth: wanted.length,
    detected: found.length,
    hits,
    precision: found.length ? hits / found.length : 1,
    recall: wanted.length ? hits / wanted.length : 1,
  };
}

export function addScores(a: Score, b: Score): Score {
  const truth = a.truth + b.truth;
  const detected = a.detected + b.detected;
  const hits = a.hits + b.hits;
  return { truth, detected, hits, precision: detected ? hits / detected : 1, recall: truth ? hits / truth : 1 };
}

export const NO_SCORE: Score = { truth: 0, detected: 0, hits: 0, precision: 1, recall: 1 };

export function formatScore(name: string, s: Score): string {
  return `${name.padEnd(13)} precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)}  (truth ${s.truth}, found ${s.detected}, hits ${s.hits})`;
}
