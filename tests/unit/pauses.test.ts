import { beforeAll, describe, expect, it } from 'vitest';
import { ChannelAnalyzer } from '../../src/dsp/channel-analyzer.ts';
import { RecordingAnalyzer } from '../../src/analysis/recording-analyzer.ts';
import { readTtsClip, ttsManifest } from '../support/fixtures.ts';
import { runCore } from '../support/run-core.ts';
import { addNoiseAtSnr, pinkNoise, synthVoice } from '../support/signals.ts';

/**
 * Speech with silent gaps of known length between sentences: every gap of 0.25–5 s must come out
 * as a pause, boundaries within 30 ms. The clips are trimmed of silence, so the truth is where one
 * clip ends and the next begins.
 *
 * Clean, that holds for every boundary. At 20 dB SNR some sentence edges lie under the noise
 * (festival starts "The shop" with 180 ms of low murmur 28 dB below its vowels: 3 dB over pink
 * noise at this SNR), so there every gap must still be found and the share of boundaries within
 * 30 ms is measured and held to MIN_SHARE_IN_NOISE. Measured: espeak en-us 12/12, espeak nl 12/12
 * (its breathy onsets were 36 ms late before edges followed the high band's lower bar), festival
 * 10/12 (its murmured onset is found on the vowel band's; two murmured sentence ends stay 69–70 ms
 * early); median 4 ms.
 */
const GAPS = [0.25, 0.4, 0.7, 1.2, 2.5, 5.0];
// 30 ms, plus a hair for the floating-point sums of frame times.
const TOLERANCE = 0.03 + 1e-9;
const MIN_SHARE_IN_NOISE = 0.9;

interface Span {
  start: number;
  end: number;
}

interface Composed {
  samples: Float32Array;
  sampleRate: number;
  gaps: Span[];
  isSpeech: (i: number) => boolean;
}

function compose(clips: Float32Array[], sampleRate: number): Composed {
  const lead = Math.round(0.8 * sampleRate);
  let length = lead * 2;
  clips.forEach((c, k) => (length += c.length + (k < GAPS.length ? Math.round(GAPS[k] * sampleRate) : 0)));
  const samples = new Float32Array(length);
  const speech = new Uint8Array(length);
  const gaps: Span[] = [];
  let at = lead;
  clips.forEach((clip, k) => {
    samples.set(clip, at);
    speech.fill(1, at, at + clip.length);
    at += clip.length;
    if (k < GAPS.length && k < clips.length - 1) {
      const gap = Math.round(GAPS[k] * sampleRate);
      gaps.push({ start: at / sampleRate, end: (at + gap) / sampleRate });
      at += gap;
    }
  });
  return { samples: samples.subarray(0, at + lead), sampleRate, gaps, isSpeech: (i) => speech[i] === 1 };
}

interface PauseScore {
  /** Gaps with a pause overlapping them. */
  found: number;
  /** Boundary errors in s, two per gap (Infinity when the gap was missed). */
  errors: number[];
  /** Pauses that overlap neither a gap nor a silence of the clean recording: called inside speech. */
  spurious: Span[];
}

/**
 * @param cleanSilences silences the clean recording has of its own (a comma pause just under
 * 0.25 s can measure over it once noise hides its soft edges): a pause there is not spurious.
 */
function scorePauses(pauses: Span[], gaps: Span[], cleanSilences: Span[] = []): PauseScore {
  const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
  const errors: number[] = [];
  let found = 0;
  for (const gap of gaps) {
    const match = pauses.find((p) => overlaps(p, gap));
    if (match) found++;
    errors.push(match ? Math.abs(match.start - gap.start) : Infinity, match ? Math.abs(match.end - gap.end) : Infinity);
  }
  const explained = [...gaps, ...cleanSilences];
  return { found, errors, spurious: pauses.filter((p) => !explained.some((g) => overlaps(p, g))) };
}

const within = (errors: number[]) => errors.filter((e) => e <= TOLERANCE).length;

/** The pause events and the speech of a mono recording's report: the product's own path. */
function analyse(samples: Float32Array, sampleRate: number): { pauses: Span[]; speech: Span[] } {
  const analyzer = new RecordingAnalyzer(sampleRate, [{ role: 'agent', channel: 0 }]);
  analyzer.push([samples]);
  const report = analyzer.finish();
  return { pauses: report.events.filter((e) => e.type === 'pause'), speech: report.speakers.agent!.speech };
}

describe('pauses between sentences', () => {
  const voices = [
    ['espeak-ng', 'en-us'],
    ['espeak-ng', 'nl'],
    ['festival', 'kal_diphone'],
  ] as const;
  const calls = new Map<string, Composed>();

  beforeAll(async () => {
    for (const [synth, voice] of voices) {
      // The normal-speed clips of one voice, repeated so there is a sentence on each side of every gap.
      const chosen = ttsManifest().filter((c) => c.synth === synth && c.voice === voice && (c.speed === 175 || c.speed === 1));
      const decoded = await Promise.all(chosen.map((c) => readTtsClip(c.file)));
      const clips = Array.from({ length: GAPS.length + 1 }, (_, k) => decoded[k % decoded.length].channels[0]);
      calls.set(`${synth} ${voice}`, compose(clips, decoded[0].sampleRate));
    }
  });

  for (const [synth, voice] of voices) {
    it(`${synth} ${voice}, clean: every gap of 0.25–5 s is a pause, both boundaries within 30 ms`, () => {
      const call = calls.get(`${synth} ${voice}`)!;
      const score = scorePauses(analyse(call.samples, call.sampleRate).pauses, call.gaps);
      const label = JSON.stringify(score);
      expect(score.found, label).toBe(call.gaps.length);
      expect(within(score.errors), label).toBe(score.errors.length);
      expect(score.spurious, label).toEqual([]);
    });
  }

  it(`pink noise at 20 dB SNR: every gap found, at least ${MIN_SHARE_IN_NOISE * 100} % of boundaries within 30 ms`, () => {
    const errors: number[] = [];
    for (const [synth, voice] of voices) {
      const call = calls.get(`${synth} ${voice}`)!;
      const noisy = addNoiseAtSnr(call.samples, pinkNoise(call.samples.length, 5), 20, call.isSpeech);
      const clean = analyse(call.samples, call.sampleRate).speech;
      const cleanSilences = clean.slice(1).map((s, k) => ({ start: clean[k].end, end: s.start }));
      const score = scorePauses(analyse(noisy, call.sampleRate).pauses, call.gaps, cleanSilences);
      const label = `${synth} ${voice}: ${JSON.stringify(score)}`;
      expect(score.found, label).toBe(call.gaps.length);
      expect(score.spurious, label).toEqual([]);
      errors.push(...score.errors);
      console.info(`pauses at 20 dB SNR, ${synth} ${voice}: ${within(score.errors)}/${score.errors.length} boundaries within 30 ms`);
    }
    const share = within(errors) / errors.length;
    const sorted = [...errors].sort((a, b) => a - b);
    console.info(`pauses at 20 dB SNR: ${within(errors)}/${errors.length} boundaries within 30 ms; median error ${(sorted[sorted.length >> 1] * 1000).toFixed(0)} ms, worst ${(sorted[sorted.length - 1] * 1000).toFixed(0)} ms`);
    expect(share).toBeGreaterThanOrEqual(MIN_SHARE_IN_NOISE);
  });
});

describe('voice activity holds on telephone audio and in noise', () => {
  // A voice-like signal in 0.6 s stretches, 8 kHz, with strong pink noise: the segments are found.
  const rate = 8000;
  const segments = [
    [0.5, 1.1],
    [1.6, 2.2],
    [3.0, 3.6],
    [4.6, 5.2],
  ];
  const voice = synthVoice({
    sampleRate: rate,
    durationSec: 6,
    f0At: (t) => (segments.some(([a, b]) => t >= a && t < b) ? 110 + 20 * Math.sin(2 * Math.PI * 1.5 * t) : 0),
  });

  it('finds every voiced stretch at 10 dB SNR on 8 kHz audio, boundaries within 30 ms', () => {
    const noisy = addNoiseAtSnr(voice.samples, pinkNoise(voice.samples.length, 13), 10, (i) => voice.f0[i] > 0);
    const track = runCore(noisy, rate);
    expect(track.speech.length, JSON.stringify(track.speech)).toBe(segments.length);
    track.speech.forEach((s, k) => {
      expect(Math.abs(s.start - segments[k][0]), JSON.stringify(s)).toBeLessThanOrEqual(TOLERANCE);
      expect(Math.abs(s.end - segments[k][1]), JSON.stringify(s)).toBeLessThanOrEqual(TOLERANCE);
    });
  });

  it('calls stationary noise alone silence, even when it is loud', () => {
    const noise = pinkNoise(rate * 6, 17).map((v) => v * 0.1);
    expect(runCore(noise, rate).speech).toEqual([]);
  });

  it('follows a noise floor that rises mid-recording within its memory', () => {
    const n = rate * 12;
    const samples = pinkNoise(n, 19).map((v, i) => v * (i < n / 2 ? 0.002 : 0.02));
    // The voice comes back 6 s in, when the background has just risen by 20 dB.
    for (let i = 0; i < voice.samples.length; i++) samples[n / 2 + i] += voice.samples[i];
    const track = runCore(samples, rate);
    const analyzer = new ChannelAnalyzer(rate);
    // Old minima leave the memory on half-second block boundaries; then the hangover runs out.
    const settled = 6 + analyzer.settings.vad.floorMemorySec + 1;
    const expected = segments.map(([a, b]) => [a + 6, b + 6]).filter(([a]) => a >= settled);
    expect(expected.length).toBeGreaterThan(0);
    for (const [start, end] of expected) {
      const found = track.speech.find((s) => Math.abs(s.start - start) <= TOLERANCE && Math.abs(s.end - end) <= TOLERANCE);
      expect(found, `${start}–${end} in ${JSON.stringify(track.speech)}`).toBeDefined();
    }
    expect(analyzer.latencySec).toBeLessThan(0.05);
  });
});
