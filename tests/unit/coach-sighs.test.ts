import { beforeAll, describe, expect, it } from 'vitest';
import type { CoachEvent } from '../../src/coach/coach-events.ts';
import { analyseCall, CallBuilder, CLIPS, coachOffline, type BuiltCall, type Finish } from '../support/call-builder.ts';

/**
 * Customer sighs, synthesised (pink noise through a low-pass that falls over the sigh, fast attack,
 * slow decay to −30 dB, 0.5–2 s, some with a faint voiced onset) and placed between and right next
 * to the customer's sentences, among look-alikes that must not count: fricative bursts (0.1–0.25 s
 * high-passed noise), short quiet breaths (0.2–0.3 s), typing, mains hum and line noise, on clean,
 * noisy and telephone-band calls. False alarms are counted on ordinary speech (both synthesisers,
 * English and Dutch) with the same look-alikes.
 */
const CONDITIONS: Finish[] = [{ noiseDb: -60 }, { noiseDb: -45, humDb: -50 }, { telephone: true, noiseDb: -45 }, { telephone: true, noiseDb: -60 }];
const SIGHS_PER_CALL = 6;
const ONSET_TOLERANCE_SEC = 0.15;

function sighCall(seed: number, finish: Finish): BuiltCall {
  const b = new CallBuilder(seed);
  const r = b.random;
  const distractors = ['fricative', 'breath', 'keyboard', 'fricative'] as const;
  for (let k = 0; k < SIGHS_PER_CALL; k++) {
    b.say('customer', CLIPS.customer[k % 4], 0.3 + 0.7 * r());
    // Half the sighs come just after the customer stops, half just before they speak again.
    const sigh = b.sigh('customer', b.cursor + (k % 2 ? 0.4 + 0.5 * r() : 1.2 + r()), {});
    b.cursor = sigh.end;
    if (k < distractors.length) {
      const d = b.distractor('customer', distractors[k], b.cursor + 0.6 + 0.4 * r());
      b.cursor = d.end;
    }
    b.cursor += k % 2 ? 0.3 : 0.6;
  }
  b.say('customer', CLIPS.customer[1], 0.5);
  return b.build(finish);
}

/** Ordinary speech, no sighs: sentences with natural gaps, and the same look-alikes now and then. */
function speechCall(seed: number, finish: Finish): BuiltCall {
  const b = new CallBuilder(seed);
  const r = b.random;
  const sentences = [...CLIPS.customer, ...CLIPS.natural, ...CLIPS.slow, ...CLIPS.fast];
  const distractors = ['breath', 'fricative', 'keyboard'] as const;
  while (b.cursor < 60) {
    b.say('customer', sentences[Math.floor(r() * sentences.length)], 0.25 + 0.8 * r());
    if (r() < 0.25) {
      const d = b.distractor('customer', distractors[Math.floor(r() * 3)], b.cursor + 0.2 + 0.3 * r());
      b.cursor = d.end;
    }
  }
  return b.build(finish);
}

function sighsIn(call: BuiltCall): CoachEvent[] {
  return coachOffline(analyseCall(call, ['customer'])).events.filter((e) => e.type === 'sigh');
}

describe('coach: customer sighs', () => {
  let sighCalls: { call: BuiltCall; found: CoachEvent[] }[] = [];
  let speechCalls: { call: BuiltCall; found: CoachEvent[] }[] = [];
  beforeAll(() => {
    sighCalls = CONDITIONS.map((finish, i) => {
      const call = sighCall(40 + i, finish);
      return { call, found: sighsIn(call) };
    });
    speechCalls = CONDITIONS.slice(0, 3).map((finish, i) => {
      const call = speechCall(50 + i, finish);
      return { call, found: sighsIn(call) };
    });
  }, 60_000);

  it('finds at least 85 % of the sighs, with no more than 0.5 false alarms per minute of ordinary speech', () => {
    let placed = 0;
    let hits = 0;
    let falseInSighCalls = 0;
    let distractorHits = 0;
    for (const { call, found } of sighCalls) {
      const truth = call.truth.placed.filter((e) => e.type === 'sigh');
      placed += truth.length;
      hits += truth.filter((t) => found.some((f) => Math.abs(f.start - t.start) <= ONSET_TOLERANCE_SEC && f.end > t.start)).length;
      falseInSighCalls += found.filter((f) => !truth.some((t) => f.start < t.end && f.end > t.start)).length;
      distractorHits += found.filter((f) => call.truth.distractors.some((d) => f.start < d.end && f.end > d.start)).length;
    }
    const speechMinutes = speechCalls.reduce((sum, { call }) => sum + call.durationSec, 0) / 60;
    const falseAlarms = speechCalls.reduce((sum, { found }) => sum + found.length, 0);
    const recall = hits / placed;
    const perMinute = falseAlarms / speechMinutes;
    const confidences = sighCalls.flatMap(({ found }) => found.map((f) => f.confidence ?? 0));
    console.log(
      `sighs: recall ${recall.toFixed(3)} (${hits}/${placed}, onset within ${ONSET_TOLERANCE_SEC * 1000} ms); ` +
        `false alarms ${perMinute.toFixed(2)}/min of ordinary speech (${falseAlarms} in ${speechMinutes.toFixed(1)} min); ` +
        `${falseInSighCalls} false in the sigh calls, ${distractorHits} on look-alikes; ` +
        `median confidence of detections ${median(confidences).toFixed(2)}`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.85);
    expect(perMinute).toBeLessThanOrEqual(0.5);
    expect(distractorHits).toBe(0);
  });

  it('explains each sigh with its measurements and a confidence', () => {
    const sigh = sighCalls[0].found[0];
    expect(sigh.speaker).toBe('customer');
    expect(sigh.confidence).toBeGreaterThanOrEqual(0.5);
    expect(sigh.confidence).toBeLessThanOrEqual(1);
    expect(sigh.reasons[0].key).toBe('sigh.reason');
    expect(sigh.advice?.key).toBe('sigh.advice');
  });
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[sorted.length >> 1] : 0;
}
