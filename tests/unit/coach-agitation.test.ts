import { describe, expect, it } from 'vitest';
import type { CoachResult } from '../../src/coach/call-coach.ts';
import { renderNote } from '../../src/i18n/translate.ts';
import { analyseCall, CallBuilder, CLIPS, coachOffline, type Finish } from '../support/call-builder.ts';

/**
 * Customer agitation against the customer's own start of the call: calm Dutch sentences, then the
 * same voice 6 semitones higher, faster (espeak-ng -p 75 -s 210, tests/fixtures/coach) and 6 dB
 * louder, then calm again; and the same call with no agitated stretch.
 */
function call(seed: number, agitated: boolean, finish: Finish): { result: CoachResult; stretch: { start: number; end: number } } {
  const b = new CallBuilder(seed);
  const r = b.random;
  for (let k = 0; k < 5; k++) b.say('customer', CLIPS.customer[k % 2], 0.5 + 0.4 * r());
  const start = b.cursor + 0.4;
  for (let k = 0; k < 5; k++) b.say('customer', agitated ? CLIPS.customerAgitated[k % 2] : CLIPS.customer[k % 2], 0.4 + 0.3 * r(), { gainDb: agitated ? 6 : 0 });
  const end = b.cursor;
  for (let k = 0; k < 3; k++) b.say('customer', CLIPS.customer[k % 2], 0.5 + 0.4 * r());
  return { result: coachOffline(analyseCall(b.build(finish), ['customer'])), stretch: { start, end } };
}

describe('coach: customer agitation', () => {
  it('notices the customer rising above their own baseline, and nothing in a calm call', () => {
    for (const [seed, finish] of [
      [71, { noiseDb: -55 }],
      [72, { telephone: true, noiseDb: -50 }],
    ] as const) {
      const { result, stretch } = call(seed, true, finish);
      const events = result.events.filter((e) => e.type === 'agitation');
      const text = events.map((e) => `${e.start.toFixed(1)}–${e.end.toFixed(1)} s, confidence ${e.confidence}: ${e.reasons.map((n) => renderNote('en', n)).join('; ')}`);
      console.log(`agitation (agitated ${stretch.start.toFixed(1)}–${stretch.end.toFixed(1)} s): ${text.join(' || ')}`);
      expect(events).toHaveLength(1);
      const [event] = events;
      // Noticed within 8 s of speech of the change, and not before it.
      expect(event.start).toBeGreaterThanOrEqual(stretch.start);
      expect(event.start).toBeLessThan(stretch.start + 8);
      expect(event.end).toBeGreaterThan(stretch.end - 2);
      expect(event.speaker).toBe('customer');
      expect(event.confidence).toBeGreaterThan(0.5);
      expect(event.reasons.map((n) => n.key)).toEqual(expect.arrayContaining(['agitation.pitch', 'agitation.loudness']));

    }
    const calm = call(73, false, { noiseDb: -50 }).result;
    expect(calm.events.filter((e) => e.type === 'agitation')).toHaveLength(0);
    expect(calm.baselines.customer?.speechSec).toBeCloseTo(8, 1);
  });
});
