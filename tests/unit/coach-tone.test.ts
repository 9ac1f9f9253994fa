import { beforeAll, describe, expect, it } from 'vitest';
import { CallCoach, type CoachResult } from '../../src/coach/call-coach.ts';
import type { ToneState } from '../../src/coach/coach-events.ts';
import { isVoiceProfile, updateProfile, VOICE_PROFILE_SCHEMA, type VoiceProfile } from '../../src/coach/voice-profile.ts';
import { renderNote } from '../../src/i18n/translate.ts';
import type { ToneLabel } from '../../src/report/report-types.ts';
import { analyseCall, CallBuilder, CLIPS, coachOffline, type BuiltCall, type Finish, type ToneTruth } from '../support/call-builder.ts';

/**
 * The agent's tone on calls whose stretches were made to sound a known way: natural (TTS at its
 * default speed, 0.45–0.9 s between sentences), monotone (the same sentences with their melody
 * flattened to 15 % in Praat), rushed (the fast renderings, 260 wpm / stretch 0.7, with 0.05–0.15 s
 * between sentences) and slow. Judged where the last 11.5 s of agent speech (the 10 s window plus
 * the labels' hysteresis) were all made one way.
 */
const PLAN: ToneTruth[] = ['natural', 'monotone', 'natural', 'rushed', 'slow', 'monotone', 'rushed', 'natural'];
const STRETCH_SEC = 16;
const PURE_SEC = 11.5;

function toneCall(seed: number, finish: Finish): BuiltCall {
  const b = new CallBuilder(seed);
  const r = b.random;
  const sets = { natural: CLIPS.natural, monotone: CLIPS.monotone, rushed: CLIPS.fast, slow: CLIPS.slow };
  for (const tone of PLAN) {
    let spoken = 0;
    while (spoken < STRETCH_SEC) {
      const set = sets[tone];
      const span = b.say('agent', set[Math.floor(r() * set.length)], tone === 'rushed' ? 0.05 + 0.1 * r() : 0.45 + 0.45 * r(), { tone });
      spoken += span.end - span.start;
    }
    b.say('customer', CLIPS.customer[Math.floor(r() * 4)], 0.6);
  }
  return b.build(finish);
}

/** The labels in force at time `t`. */
function labelsAt(states: readonly ToneState[], t: number): ToneLabel[] | null {
  let current: ToneState | null = null;
  for (const s of states) if (s.at <= t) current = s;
  return current ? current.labels : null;
}

interface Sample {
  truth: ToneTruth;
  labels: ToneLabel[];
}

/**
 * Samples the labels once per second of agent speech, wherever the last 11.5 s of agent speech
 * were all made one way; read 0.6 s later, once the coach's decision delay has passed.
 */
function samples(call: BuiltCall, result: CoachResult): Sample[] {
  const spans = call.truth.tone;
  const out: Sample[] = [];
  spans.forEach((span, k) => {
    for (let t = span.start + 0.5; t <= span.end; t += 1) {
      let need = PURE_SEC - (t - span.start);
      for (let j = k - 1; j >= 0 && need > 0 && spans[j].tone === span.tone; j--) need -= spans[j].end - spans[j].start;
      if (need > 0) continue;
      const labels = labelsAt(result.tone, t + 0.6);
      if (labels) out.push({ truth: span.tone, labels });
    }
  });
  return out;
}

describe('coach: the agent tone', () => {
  let runs: { call: BuiltCall; result: CoachResult }[] = [];
  beforeAll(() => {
    runs = [
      { seed: 61, finish: { noiseDb: -55 } },
      { seed: 62, finish: { telephone: true, noiseDb: -50 } },
    ].map(({ seed, finish }) => {
      const call = toneCall(seed, finish);
      return { call, result: coachOffline(analyseCall(call, ['agent'])) };
    });
  }, 60_000);

  it('flags monotone and rushed stretches (precision and recall ≥ 0.9) and leaves natural speech unflagged', () => {
    const all = runs.flatMap(({ call, result }) => samples(call, result));
    const lines: string[] = [];
    for (const label of ['monotone', 'rushed'] as const) {
      const tp = all.filter((s) => s.truth === label && s.labels.includes(label)).length;
      const fp = all.filter((s) => s.truth !== label && s.labels.includes(label)).length;
      const fn = all.filter((s) => s.truth === label && !s.labels.includes(label)).length;
      const precision = tp / (tp + fp);
      const recall = tp / (tp + fn);
      lines.push(`${label.padEnd(9)} precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} (flagged right ${tp}, wrong ${fp}, missed ${fn})`);
      expect.soft(tp + fn, `${label} windows in the test`).toBeGreaterThanOrEqual(10);
      expect.soft(precision, label).toBeGreaterThanOrEqual(0.9);
      expect.soft(recall, label).toBeGreaterThanOrEqual(0.9);
    }
    const natural = all.filter((s) => s.truth === 'natural' || s.truth === 'slow');
    const unflagged = natural.filter((s) => !s.labels.includes('monotone') && !s.labels.includes('rushed')).length;
    const warm = natural.filter((s) => s.labels.includes('warm')).length;
    lines.push(`natural   unflagged ${unflagged}/${natural.length}, of which warm ${warm}`);
    console.log(`agent tone over ${all.length} judged windows:\n  ${lines.join('\n  ')}`);
    expect(unflagged / natural.length).toBeGreaterThanOrEqual(0.9);
  });

  it('does not flicker: a label, once on, stays on at least 1 s, and once off, stays off as long', () => {
    let changes = 0;
    let speechSec = 0;
    for (const { call, result } of runs) {
      speechSec += call.truth.speech.agent.reduce((sum, s) => sum + s.end - s.start, 0);
      changes += result.tone.length;
      for (const label of ['monotone', 'rushed', 'warm'] as const) {
        let since = -Infinity;
        let on = false;
        for (const state of result.tone) {
          const now = state.labels.includes(label);
          if (now !== on) {
            expect(state.at - since, `${label} switched back after ${(state.at - since).toFixed(2)} s at ${state.at} s`).toBeGreaterThanOrEqual(1);
            on = now;
            since = state.at;
          }
        }
      }
    }
    console.log(`tone changes: ${changes} over ${(speechSec / 60).toFixed(1)} min of agent speech with ${PLAN.length * runs.length} planned stretches`);
  });

  it('quotes the measured numbers and the norm in its reasons', () => {
    const monotone = runs[0].result.tone.find((s) => s.labels.includes('monotone'));
    const rushed = runs[0].result.tone.find((s) => s.labels.includes('rushed'));
    const text = (s: ToneState | undefined, locale: 'en' | 'nl') => (s ? s.reasons.map((n) => renderNote(locale, n)).join(' | ') : '');
    console.log(`monotone: ${text(monotone, 'en')}\nrushed: ${text(rushed, 'en')}\nmonotoon: ${text(monotone, 'nl')}`);
    expect(text(monotone, 'en')).toMatch(/pitch varied \d+(\.\d)? semitones \(SD\) over the last 10 s of speech; lively speech varies 2–4/);
    expect(text(monotone, 'en')).toMatch(/your own usual variation is \d/);
    expect(text(rushed, 'en')).toMatch(/articulation rate \d+(\.\d)? syllables\/s over the last 10 s of speech; above \d/);
    expect(text(rushed, 'en')).toMatch(/pauses took \d+% of the time/);
    expect(text(monotone, 'nl')).toMatch(/je toonhoogte varieerde \d+(,\d)? halve tonen/);
    expect(runs[0].result.baselines.agent?.speechSec).toBeCloseTo(15, 1);
  });
});

describe('coach: loudness against the agent own baseline', () => {
  it('says too quiet and too loud when the agent drops or raises their voice by 10 dB', () => {
    const b = new CallBuilder(63);
    const say = (gainDb: number, seconds: number) => {
      for (let spoken = 0; spoken < seconds; ) {
        const span = b.say('agent', CLIPS.natural[Math.floor(b.random() * 6)], 0.6, { gainDb });
        spoken += span.end - span.start;
      }
      return b.cursor;
    };
    const calm = say(0, 24);
    const quiet = say(-10, 14);
    say(10, 14);
    const result = coachOffline(analyseCall(b.build({ noiseDb: -65 }), ['agent']));
    const cues = result.tone.map((s) => `${s.at.toFixed(1)} ${s.cues.join('+') || '-'}`);
    console.log('loudness cues:', cues.join(', '));
    const tooQuiet = result.tone.find((s) => s.cues.includes('too-quiet'));
    const tooLoud = result.tone.find((s) => s.cues.includes('too-loud'));
    expect(tooQuiet && tooQuiet.at > calm && tooQuiet.at < quiet).toBe(true);
    expect(tooLoud && tooLoud.at > quiet).toBe(true);
    expect(result.tone.filter((s) => s.at < calm).every((s) => s.cues.length === 0)).toBe(true);
  });
});

describe('coach: the agent profile', () => {
  it('is a plain object that survives JSON and learns from each call', () => {
    const first = updateProfile(undefined, { speechSec: 15, medianF0Hz: 110, pitchSdSemitones: 2.4, articulationRate: 4.6, levelDb: -24 });
    const second = updateProfile(JSON.parse(JSON.stringify(first)) as VoiceProfile, { speechSec: 15, medianF0Hz: 120, pitchSdSemitones: 2.0, articulationRate: 5.0, levelDb: -30 });
    expect(first).toMatchObject({ schema: VOICE_PROFILE_SCHEMA, calls: 1, speechSec: 15, pitchSdSemitones: 2.4, articulationRate: 4.6 });
    expect(first.medianF0Hz).toBeCloseTo(110, 9);
    expect(second.calls).toBe(2);
    expect(second.pitchSdSemitones).toBeCloseTo(2.2, 6);
    expect(second.articulationRate).toBeCloseTo(4.8, 6);
    // Averaged in semitones: the geometric mean of 110 and 120 Hz.
    expect(second.medianF0Hz).toBeCloseTo(Math.sqrt(110 * 120), 6);
    expect(isVoiceProfile(JSON.parse(JSON.stringify(second)))).toBe(true);
    expect(isVoiceProfile({ ...second, schema: 'other' })).toBe(false);
  });

  it('judges the agent against a stored profile from the start of the call, and hands back the updated one', () => {
    const profile: VoiceProfile = { schema: VOICE_PROFILE_SCHEMA, calls: 4, speechSec: 60, medianF0Hz: 104, pitchSdSemitones: 2.1, articulationRate: 5 };
    const flat = new CallBuilder(64);
    for (let k = 0; k < 5; k++) flat.say('agent', CLIPS.monotone[k % 4], 0.6);
    const analysed = analyseCall(flat.build({ noiseDb: -60 }), ['agent']);
    // 13 s of flat speech: too little for a calibration of its own, enough for a window.
    expect(coachOffline(analysed).tone).toHaveLength(0);
    expect(coachOffline(analysed, { agentProfile: profile }).tone.some((s) => s.labels.includes('monotone'))).toBe(true);

    const natural = new CallBuilder(65);
    for (let k = 0; k < 7; k++) natural.say('agent', CLIPS.natural[k % 6], 0.6);
    const tracks = analyseCall(natural.build({ noiseDb: -60 }), ['agent']).tracks;
    const coach = new CallCoach(['agent'], { agentProfile: profile });
    coach.advance(tracks);
    coach.finish(tracks);
    const updated = coach.updatedProfile();
    expect(updated?.calls).toBe(5);
    expect(updated?.speechSec).toBeCloseTo(75, 6);
    expect(isVoiceProfile(updated)).toBe(true);
  });
});
