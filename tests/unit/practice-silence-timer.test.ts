import { describe, expect, it } from 'vitest';
import { DEFAULT_SILENCE_LIMITS, isAnnouncedPhase, SilenceTimer } from '../../src/ui/practice/silence-timer.ts';

describe('silence timer', () => {
  it('waits for the first words, then follows who is speaking', () => {
    const timer = new SilenceTimer(true);
    expect(timer.at(1).phase).toBe('waiting');
    timer.speechStart('agent', 1.2);
    expect(timer.at(2)).toMatchObject({ phase: 'speaking', speaking: ['agent'], silenceSec: 0 });
    timer.speechStart('customer', 2.1);
    expect(timer.at(2.3).speaking).toEqual(['agent', 'customer']);
    timer.speechEnd('agent', 2.5);
    expect(timer.at(2.6)).toMatchObject({ phase: 'speaking', speaking: ['customer'] });
  });

  it("after the agent's turn: a gap, then room to think (good listening), then a check-in", () => {
    const timer = new SilenceTimer(true);
    timer.speechStart('agent', 0);
    timer.speechEnd('agent', 4);
    expect(timer.at(4.5)).toMatchObject({ phase: 'gap', after: 'agent', silenceStart: 4 });
    expect(timer.at(4 + DEFAULT_SILENCE_LIMITS.gapSec).phase).toBe('space');
    expect(timer.at(4 + DEFAULT_SILENCE_LIMITS.gapSec).silenceSec).toBeCloseTo(DEFAULT_SILENCE_LIMITS.gapSec);
    expect(timer.at(10).phase).toBe('space');
    expect(timer.at(4 + DEFAULT_SILENCE_LIMITS.checkInSec).phase).toBe('check-in');
  });

  it("after the customer's turn: a moment to think, then the customer is waiting", () => {
    const timer = new SilenceTimer(true);
    timer.speechStart('customer', 0);
    timer.speechEnd('customer', 3);
    expect(timer.at(3.5).phase).toBe('gap');
    expect(timer.at(4.5).phase).toBe('think');
    expect(timer.at(3 + DEFAULT_SILENCE_LIMITS.respondSec).phase).toBe('respond');
  });

  it('without a customer channel the agent is listening, never judged', () => {
    const timer = new SilenceTimer(false);
    timer.speechStart('agent', 0);
    timer.speechEnd('agent', 2);
    expect(timer.at(4).phase).toBe('listening');
    expect(timer.at(60).phase).toBe('listening');
  });

  it('reports the silence that speech ends, with who broke it', () => {
    const timer = new SilenceTimer(true);
    expect(timer.speechStart('agent', 0)).toBeNull();
    timer.speechEnd('agent', 2);
    expect(timer.speechStart('customer', 5.5)).toEqual({ start: 2, end: 5.5, after: 'agent', by: 'customer' });
    // Overlapping speech: the silence starts only when the last speaker stops.
    timer.speechStart('agent', 6);
    timer.speechEnd('customer', 7);
    expect(timer.at(8).phase).toBe('speaking');
    timer.speechEnd('agent', 8);
    expect(timer.at(8.2)).toMatchObject({ phase: 'gap', after: 'agent', silenceStart: 8 });
  });

  it('ignores an end without a start (a segment that began before the call)', () => {
    const timer = new SilenceTimer(true);
    timer.speechEnd('customer', 1);
    expect(timer.at(5).phase).toBe('waiting');
  });

  it('announces only the phases that ask something of the agent', () => {
    expect(['space', 'check-in', 'respond'].every((p) => isAnnouncedPhase(p as never))).toBe(true);
    expect(['waiting', 'speaking', 'gap', 'think', 'listening'].some((p) => isAnnouncedPhase(p as never))).toBe(false);
  });
});
