import { beforeAll, describe, expect, it } from 'vitest';
import type { CoachResult } from '../../src/coach/call-coach.ts';
import { pausesOf } from '../support/pause-oracle.ts';
import {
  addScores,
  analyseCall,
  CallBuilder,
  CLIPS,
  coachOffline,
  formatScore,
  NO_SCORE,
  randomConversation,
  score,
  silenceTruth,
  type AnalysedCall,
  type BuiltCall,
  type Finish,
  type Moment,
  type TruthEvent,
} from '../support/call-builder.ts';

/**
 * Generated two-channel calls (agent: espeak en-us and festival; customer: espeak nl) with known
 * silences, dead air, interruptions, backchannels and overlaps, plus look-alikes that must not be
 * reported (turns taken 0.1–0.3 s early, ordinary gaps). One call at 16 kHz with faint noise, two
 * on a telephone line (300–3400 Hz, 8 kHz), one of them in pink noise at −45 dBFS, the other with
 * mains hum on the customer's side. Times must be within 150 ms of the truth.
 */
/** How often each moment happens per call. */
const MOMENTS: Partial<Record<Moment, number>> = {
  'early-start': 2,
  silence: 4,
  'dead-air': 4,
  interruption: 4,
  backchannel: 4,
  'overlap-agent': 3,
  'overlap-customer': 2,
};
const CALLS: { seed: number; finish: Finish }[] = [
  { seed: 21, finish: { noiseDb: -60 } },
  { seed: 22, finish: { telephone: true, noiseDb: -45 } },
  { seed: 23, finish: { telephone: true, noiseDb: -55, humDb: -50 } },
];
const TYPES = ['silence', 'dead-air', 'interruption', 'backchannel', 'overlap'] as const;
const TOLERANCE_SEC = 0.15;

interface Run {
  call: BuiltCall;
  analysed: AnalysedCall;
  result: CoachResult;
  truth: TruthEvent[];
}

describe('coach: the conversation', () => {
  let runs: Run[] = [];
  beforeAll(() => {
    runs = CALLS.map(({ seed, finish }) => {
      const call = randomConversation(seed, MOMENTS).build(finish);
      const analysed = analyseCall(call);
      return { call, analysed, result: coachOffline(analysed), truth: [...call.truth.placed, ...silenceTruth(call.truth, call.durationSec)] };
    });
  }, 120_000);

  it('finds silences, dead air, interruptions, backchannels and overlaps: precision and recall ≥ 0.9', () => {
    const lines: string[] = [];
    for (const type of TYPES) {
      let total = NO_SCORE;
      for (const run of runs) total = addScores(total, score(run.truth, run.result.events, type, TOLERANCE_SEC));
      lines.push(formatScore(type, total));
      expect.soft(total.truth, `${type}: too few in the test set`).toBeGreaterThanOrEqual(12);
      expect.soft(total.precision, type).toBeGreaterThanOrEqual(0.9);
      expect.soft(total.recall, type).toBeGreaterThanOrEqual(0.9);
    }
    const minutes = runs.reduce((sum, r) => sum + r.call.durationSec, 0) / 60;
    console.log(`conversation events, ${minutes.toFixed(1)} min of calls, times within ${TOLERANCE_SEC * 1000} ms:\n  ${lines.join('\n  ')}`);
    // How long after an event ends the live path knows it (the decision delay plus the wait for who goes on).
    const latency = ['pause', ...TYPES].map((type) => {
      const lags = runs.flatMap((r) => r.result.events.filter((e) => e.type === type).map((e) => e.decidedAt - e.end)).sort((a, b) => a - b);
      return `${type} ${lags[lags.length >> 1].toFixed(2)} s (max ${lags[lags.length - 1].toFixed(2)})`;
    });
    console.log(`decided after the event's end, median: ${latency.join(', ')}`);
  });

  it('reports the same pauses as the report builder rule (pausesOf), live-ready', () => {
    for (const run of runs) {
      for (const { role, track } of run.analysed.tracks) {
        const others = run.analysed.tracks.filter((t) => t.role !== role).map((t) => t.track.speech);
        const expected = pausesOf(track.speech, others);
        const found = run.result.events.filter((e) => e.type === 'pause' && e.speaker === role).map((e) => ({ start: round3(e.start), end: round3(e.end) }));
        expect(found).toEqual(expected);
      }
    }
  });

  it('reports no sighs and no agitation in these calls, which have none', () => {
    const minutes = runs.reduce((sum, r) => sum + r.call.durationSec, 0) / 60;
    const sighs = runs.flatMap((r) => r.result.events.filter((e) => e.type === 'sigh'));
    const agitation = runs.flatMap((r) => r.result.events.filter((e) => e.type === 'agitation'));
    console.log(`false sighs ${sighs.length} and false agitation ${agitation.length} in ${minutes.toFixed(1)} min of conversation`);
    expect(sighs.length / minutes).toBeLessThanOrEqual(0.5);
    expect(agitation).toHaveLength(0);
  });

  it('never reports an interruption for a turn taken a little early', () => {
    for (const run of runs) {
      const early = run.call.truth.speech.agent.filter((a) => run.call.truth.speech.customer.some((c) => a.start < c.end && a.start > c.end - 0.35 && a.end > c.end));
      for (const a of early) expect(run.result.events.some((e) => e.type === 'interruption' && Math.abs(e.start - a.start) < 0.3)).toBe(false);
    }
  });
});

describe('coach: turn-taking figures', () => {
  it('measures response times, the longest monologue and backchannels on a known exchange', () => {
    const b = new CallBuilder(5);
    const first = b.say('agent', CLIPS.natural[0], 0.3);
    b.say('agent', CLIPS.natural[1], 0.5);
    // The customer says "ja" in the agent's pause and the agent goes on: a backchannel.
    b.say('customer', 'bc-nl-ja.wav', 0.3);
    const last = b.say('agent', CLIPS.natural[2], 0.35);
    b.say('customer', CLIPS.customer[0], 0.6);
    b.say('agent', CLIPS.natural[3], 0.9);
    const result = coachOffline(analyseCall(b.build({ noiseDb: -60 })));
    const agent = result.turns.agent;
    const customer = result.turns.customer;
    console.log('turn-taking:', JSON.stringify(result.turns));
    expect(agent?.longestTurnSec).toBeCloseTo(last.end - first.start, 0);
    expect(Math.abs((agent?.longestTurnSec ?? 0) - (last.end - first.start))).toBeLessThan(0.15);
    expect(customer?.responseTimesSec).toHaveLength(1);
    expect(Math.abs((customer?.responseTimesSec[0] ?? 0) - 0.6)).toBeLessThan(0.15);
    expect(agent?.responseTimesSec).toHaveLength(1);
    expect(Math.abs((agent?.responseTimesSec[0] ?? 0) - 0.9)).toBeLessThan(0.15);
    expect(result.events.filter((e) => e.type === 'backchannel' && e.speaker === 'customer')).toHaveLength(1);
  });
});

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
