/** Turns and response times from speech segments, on the practice call's ground truth. */
import { describe, expect, it } from 'vitest';
import { responseGaps, summariseResponses, turnsOf } from '../../src/ui/report/turn-taking.ts';
import { practiceCallReport } from './ui-report-fixtures.ts';

describe('turn taking', () => {
  const turns = turnsOf(practiceCallReport());
  const gaps = responseGaps(turns);

  it('alternates speakers, and the agent\'s "ja" inside the customer\'s turn takes no turn', () => {
    expect(turns.map((t) => t.speaker)).toEqual(['agent', 'customer', 'agent', 'customer', 'agent', 'customer', 'agent', 'customer', 'agent']);
    expect(turns.some((t) => t.start === 6.5128125)).toBe(false);
    for (let i = 1; i < turns.length; i++) expect(turns[i].speaker).not.toBe(turns[i - 1].speaker);
  });

  it('measures the 4 s silence after the agent\'s question and the agent cutting in 1 s early', () => {
    const silence = gaps.find((g) => g.speaker === 'customer' && g.gapSec > 3);
    expect(silence?.after).toBeCloseTo(16.667, 3);
    expect(silence?.gapSec).toBeCloseTo(4, 3);
    const cut = gaps.find((g) => g.gapSec < 0);
    expect(cut?.speaker).toBe('agent');
    expect(cut?.start).toBeCloseTo(22.727, 3);
    expect(cut?.gapSec).toBeCloseTo(-1, 3);
  });

  it('summarises each speaker\'s answers: median and longest wait, overlapping starts apart', () => {
    const agent = summariseResponses(gaps, 'agent');
    expect(agent.overlapping).toBe(1);
    expect(agent.count).toBe(3);
    expect(agent.medianSec).toBeCloseTo(0.5, 2);
    const customer = summariseResponses(gaps, 'customer');
    expect(customer.overlapping).toBe(0);
    expect(customer.longest?.gapSec).toBeCloseTo(4, 3);
  });

  it('has no turns without speech and no gaps with one speaker', () => {
    const mono = practiceCallReport();
    delete mono.speakers.customer;
    expect(responseGaps(turnsOf(mono))).toEqual([]);
  });
});
