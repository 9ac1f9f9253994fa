import { beforeAll, describe, expect, it } from 'vitest';
import { SpeakerTrack } from '../../src/analysis/speaker-track.ts';
import { CallCoach, type CoachTrack } from '../../src/coach/call-coach.ts';
import type { CoachEventMap } from '../../src/coach/coach-events.ts';
import { ChannelAnalyzer } from '../../src/dsp/channel-analyzer.ts';
import { CoreOutput } from '../../src/dsp/core-output.ts';
import type { SpeakerRole } from '../../src/report/report-types.ts';
import { CallBuilder, CLIPS, readWavFile, type Audio } from '../support/call-builder.ts';
import { seededRandom } from '../support/signals.ts';

/**
 * One implementation serves live and offline: the live path (the core fed in blocks of random
 * sizes, each channel on its own schedule, the coach advanced after every block and sometimes held
 * back further) must emit exactly what the offline path (the finished tracks in one go) emits:
 * the same events, ongoing notices, tone changes and calibrations, in the same order, with the
 * same decision times.
 */
type Emitted = { [K in keyof CoachEventMap]: { kind: K; payload: CoachEventMap[K] } }[keyof CoachEventMap];

function record(coach: CallCoach): Emitted[] {
  const out: Emitted[] = [];
  coach.on('event', (payload) => out.push({ kind: 'event', payload }));
  coach.on('ongoing', (payload) => out.push({ kind: 'ongoing', payload }));
  coach.on('tone', (payload) => out.push({ kind: 'tone', payload }));
  coach.on('calibrated', (payload) => out.push({ kind: 'calibrated', payload }));
  return out;
}

interface LiveRun {
  emitted: Emitted[];
  tracks: CoachTrack[];
  lateDecisions: number;
  advances: number;
}

/** The live path: random blocks per channel, the coach advanced after each one. */
function live(audio: Audio, roles: readonly SpeakerRole[], seed: number): LiveRun {
  const random = seededRandom(seed);
  const lanes = roles.map((role, channel) => {
    const analyzer = new ChannelAnalyzer(audio.sampleRate, { maxBlock: 4096 });
    return { role, samples: audio.channels[channel], analyzer, out: new CoreOutput(analyzer.maxFramesPerBlock), track: new SpeakerTrack(), at: 0 };
  });
  const tracks = lanes.map(({ role, track }) => ({ role, track }));
  const coach = new CallCoach(roles);
  const emitted = record(coach);
  let advances = 0;
  for (;;) {
    const open = lanes.filter((l) => l.at < l.samples.length);
    if (open.length === 0) break;
    const lane = open[Math.floor(random() * open.length)];
    const to = Math.min(lane.samples.length, lane.at + 1 + Math.floor(random() * 4096));
    lane.analyzer.process(lane.samples, lane.at, to, lane.out);
    lane.track.consume(lane.out);
    lane.at = to;
    // Now and then the app holds the coach back (e.g. to what has been played out).
    const held = Math.min(...lanes.map((l) => l.track.frameCount));
    coach.advance(tracks, random() < 0.2 ? held - Math.floor(random() * 80) : Infinity);
    advances++;
  }
  for (const lane of lanes) {
    lane.analyzer.finish(lane.out);
    lane.track.consume(lane.out);
  }
  coach.advance(tracks);
  const result = coach.finish(tracks);
  return { emitted, tracks, lateDecisions: result.lateDecisions, advances };
}

/** The offline path: the same processor given the finished tracks in one go. */
function offline(tracks: CoachTrack[]): Emitted[] {
  const coach = new CallCoach(tracks.map((t) => t.role));
  const emitted = record(coach);
  coach.advance(tracks);
  coach.finish(tracks);
  return emitted;
}

/** A call with a bit of everything: turn-taking moments, tone changes, sighs, agitation. */
function richCall(): Audio {
  const b = new CallBuilder(77);
  b.say('agent', CLIPS.natural[0], 0.3);
  for (let k = 0; k < 5; k++) b.say('agent', CLIPS.natural[(k + 1) % 6], 0.6);
  b.say('customer', 'espeak-nl-s1-120wpm.wav', 0.5);
  b.backchannel('bc-en-mmhmm.wav', 1.2);
  b.say('customer', CLIPS.customer[0], 0.4);
  b.sigh('customer', b.cursor + 0.6, { durationSec: 1.2 });
  b.cursor += 1.9;
  for (let k = 0; k < 5; k++) b.say('agent', CLIPS.monotone[k % 4], 0.5);
  b.say('customer', 'espeak-nl-s2-120wpm.wav', 3.6);
  b.interrupt(CLIPS.fast[0], 0.9);
  for (let k = 0; k < 5; k++) b.say('agent', CLIPS.fast[(k + 1) % 6], 0.08);
  for (let k = 0; k < 4; k++) b.say('customer', CLIPS.customerAgitated[k % 2], 0.4, { gainDb: 6 });
  b.say('agent', CLIPS.slow[0], 3.5);
  b.overlap('customer', 'espeak-nl-s2-260wpm.wav', 0.5);
  return b.build({ noiseDb: -55 });
}

describe('coach: live equals offline', () => {
  let call: Audio;
  beforeAll(() => {
    call = richCall();
  });

  it('gives the same events, notices, tone changes and calibrations for random block sizes (stereo call)', () => {
    const counts: Record<string, number> = {};
    for (const seed of [1]) {
      const run = live(call, ['agent', 'customer'], seed);
      const expected = offline(run.tracks);
      expect(run.lateDecisions).toBe(0);
      expect(run.emitted).toEqual(expected);
      for (const e of expected) {
        const key = e.kind === 'event' ? e.payload.type : e.kind;
        counts[key] = (counts[key] ?? 0) + 1;
      }
      console.log(`live == offline, seed ${seed}: ${run.advances} advances, ${run.emitted.length} emissions identical`);
    }
    console.log('emitted:', JSON.stringify(counts));
    // The comparison is only worth something if the call exercised every kind of finding.
    for (const kind of ['tone', 'calibrated', 'ongoing', 'pause', 'silence', 'dead-air', 'backchannel', 'interruption', 'overlap', 'sigh', 'agitation']) {
      expect.soft(counts[kind] ?? 0, kind).toBeGreaterThan(0);
    }
  });

  it('gives the same for a mono recording and for the practice call (8 kHz)', () => {
    const mono = live({ sampleRate: call.sampleRate, channels: [call.channels[0]] }, ['agent'], 3);
    expect(mono.emitted).toEqual(offline(mono.tracks));
    const practice = readWavFile(new URL('../../samples/practice-call.wav', import.meta.url).pathname);
    for (const seed of [4, 5]) {
      const run = live(practice, ['agent', 'customer'], seed);
      expect(run.lateDecisions).toBe(0);
      expect(run.emitted).toEqual(offline(run.tracks));
    }
  });

  it('judges nothing twice and stops after finish', () => {
    const tracks = [{ role: 'agent' as const, track: new SpeakerTrack() }];
    const coach = new CallCoach(['agent']);
    coach.advance(tracks);
    expect(coach.framesJudged).toBe(0);
    coach.finish(tracks);
    expect(() => coach.advance(tracks)).toThrow(/finished/);
    expect(() => new CallCoach(['agent', 'agent'])).toThrow(RangeError);
  });
});
