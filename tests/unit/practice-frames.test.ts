import { beforeAll, describe, expect, it } from 'vitest';
import { RECORD_FRAMES, trackFromRecords, type FrameRecord } from '../../src/analysis/frame-records.ts';
import { RecentFloat32 } from '../../src/analysis/growable.ts';
import { SpeakerTrack } from '../../src/analysis/speaker-track.ts';
import { CallCoach, type CoachTrack } from '../../src/coach/call-coach.ts';
import { FRAMES_PER_SEC } from '../../src/dsp/config.ts';
import { ChannelAnalyzer } from '../../src/dsp/channel-analyzer.ts';
import { CoreOutput } from '../../src/dsp/core-output.ts';
import { FRAME_FIELD_NAMES } from '../../src/dsp/frame-layout.ts';
import type { ChannelBatch } from '../../src/live/messages.ts';
import { buildReport } from '../../src/report/build-report.ts';
import type { Report, SpeakerRole } from '../../src/report/report-types.ts';
import { StorageError } from '../../src/storage/storage-errors.ts';
import { FrameWriter } from '../../src/ui/practice/frame-writer.ts';
import { LIVE_RETAIN_SEC } from '../../src/ui/practice/live-retention.ts';
import { MemoryRecordingSink, type RecordingSink } from '../../src/ui/practice/recording-sink.ts';
import { readWavFile, type Audio } from '../support/call-builder.ts';
import { seededRandom } from '../support/signals.ts';

/**
 * A long live call keeps only the newest frames in memory and stores the rest as it goes; its
 * report is built from the stored frames. These tests run the core over a real two-speaker call as
 * the worklet would (batches of random sizes) and check that the tail reads right or throws, that
 * the live coach needs no more than the tail, and that the tracks rebuilt from the records are the
 * tracks that kept everything: same frames, speech, syllables, and the same report.
 */
const ROLES: SpeakerRole[] = ['agent', 'customer'];
const RETAIN = LIVE_RETAIN_SEC * FRAMES_PER_SEC;

interface LiveCall {
  durationSec: number;
  sampleRate: number;
  /** Tracks that kept every frame: what the report was built from before. */
  full: SpeakerTrack[];
  /** Tracks that kept only the newest frames, as in a practice call. */
  recent: SpeakerTrack[];
  /** What the live coach on the recent tracks emitted, and what one on the full tracks emitted. */
  liveCoach: unknown[];
  fullCoach: unknown[];
  batches: number;
}

/**
 * Feeds the call through the core in blocks of random sizes, handing every
 * batch to the full and the recent tracks and to `onBatch` (a FrameWriter), with the live coach
 * advanced on the recent tracks after every batch, as in the app.
 */
function runLive(audio: Audio, seed: number, onBatch: (channel: number, batch: ChannelBatch) => void, retain = RETAIN): LiveCall {
  const random = seededRandom(seed);
  const lanes = audio.channels.map((samples) => {
    const analyzer = new ChannelAnalyzer(audio.sampleRate, { maxBlock: 4096 });
    return { samples, analyzer, out: new CoreOutput(analyzer.maxFramesPerBlock) };
  });
  const full = lanes.map(() => new SpeakerTrack());
  const recent = lanes.map(() => SpeakerTrack.recent(retain));
  const recentTracks: CoachTrack[] = recent.map((track, c) => ({ role: ROLES[c], track }));
  const liveCoach = new CallCoach(ROLES.slice(0, lanes.length));
  const liveEmitted: unknown[] = [];
  liveCoach.on('event', (e) => liveEmitted.push(e));
  liveCoach.on('tone', (e) => liveEmitted.push(e));
  let batches = 0;
  const deliver = (c: number): void => {
    const { out } = lanes[c];
    const batch: ChannelBatch = { firstFrame: full[c].frameCount, frameCount: out.frameCount, eventCount: out.eventCount, frames: out.frames, events: out.events };
    full[c].addBatch(batch.frames, batch.frameCount, batch.events, batch.eventCount);
    recent[c].addBatch(batch.frames, batch.frameCount, batch.events, batch.eventCount);
    if (batch.frameCount > 0 || batch.eventCount > 0) onBatch(c, batch);
    out.clear();
    batches++;
  };
  // Both channels advance by the same block, as the worklet processes them in the same quanta.
  const length = audio.channels[0].length;
  for (let at = 0; at < length; ) {
    const to = Math.min(length, at + 128 + Math.floor(random() * 3968));
    lanes.forEach((lane, c) => {
      lane.analyzer.process(lane.samples, at, to, lane.out);
      deliver(c);
    });
    at = to;
    liveCoach.advance(recentTracks);
  }
  lanes.forEach((lane, c) => {
    lane.analyzer.finish(lane.out);
    deliver(c);
  });
  liveCoach.finish(recentTracks);

  const fullCoach = new CallCoach(ROLES.slice(0, lanes.length));
  const fullEmitted: unknown[] = [];
  fullCoach.on('event', (e) => fullEmitted.push(e));
  fullCoach.on('tone', (e) => fullEmitted.push(e));
  const fullTracks = full.map((track, c) => ({ role: ROLES[c], track }));
  fullCoach.advance(fullTracks);
  fullCoach.finish(fullTracks);
  return {
    durationSec: audio.channels[0].length / audio.sampleRate,
    sampleRate: audio.sampleRate,
    full,
    recent,
    liveCoach: liveEmitted,
    fullCoach: fullEmitted,
    batches,
  };
}

function reportOf(tracks: SpeakerTrack[], call: LiveCall): Report {
  return buildReport({ tracks: tracks.map((track, channel) => ({ role: ROLES[channel], channel, track })), durationSec: call.durationSec, sampleRate: call.sampleRate });
}

/** Every field of every frame bit for bit, and the events' results. */
function expectSameTrack(actual: SpeakerTrack, expected: SpeakerTrack): void {
  expect(actual.frameCount).toBe(expected.frameCount);
  for (const name of FRAME_FIELD_NAMES) {
    const a = actual.fields[name].view();
    const e = expected.fields[name].view();
    expect(a.length, name).toBe(e.length);
    expect(Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(e.buffer, e.byteOffset, e.byteLength)), name).toBe(true);
  }
  expect(actual.speech).toEqual(expected.speech);
  expect(actual.syllableTimes).toEqual(expected.syllableTimes);
  expect(actual.openSpeechStartSec).toBe(expected.openSpeechStartSec);
}

/** The sample practice call, four times in a row (130 s): many records, and a tail that lets go. */
function longCall(): Audio {
  const one = readWavFile(new URL('../../samples/practice-call.wav', import.meta.url).pathname);
  const channels = one.channels.map((c) => {
    const out = new Float32Array(c.length * 4);
    for (let k = 0; k < 4; k++) out.set(c, k * c.length);
    return out;
  });
  return { sampleRate: one.sampleRate, channels };
}

describe('the newest frames only (a live call)', () => {
  it('reads frames within the retention and throws for older ones, or ones not yet there', () => {
    const column = new RecentFloat32(100);
    for (let i = 0; i < 250; i++) column.push(i * 0.5);
    expect(column.length).toBe(250);
    expect(column.first).toBe(150);
    expect(column.get(150)).toBe(75);
    expect(column.get(249)).toBe(124.5);
    expect(() => column.get(149)).toThrow(/frame 149 is not held/);
    expect(() => column.get(250)).toThrow(RangeError);
    expect(() => column.get(-1)).toThrow(RangeError);
    expect(() => column.view()).toThrow(/newest 100 frames/);
  });

  it('gives a live track the same values as a whole one within the retention, and fails loudly beyond', () => {
    let writes = 0;
    const call = runLive(longCall(), 11, () => writes++, 500);
    expect(writes).toBeGreaterThan(0);
    for (let c = 0; c < 2; c++) {
      const recent = call.recent[c];
      const full = call.full[c];
      expect(recent.frameCount).toBe(full.frameCount);
      expect(recent.firstHeldFrame).toBe(full.frameCount - 500);
      for (const name of FRAME_FIELD_NAMES) {
        for (let i = recent.firstHeldFrame; i < recent.frameCount; i++) expect(recent.fields[name].get(i)).toBe(full.fields[name].get(i));
        expect(() => recent.fields[name].get(recent.firstHeldFrame - 1)).toThrow(RangeError);
      }
      expect(recent.speech).toEqual(full.speech);
      expect(recent.syllableTimes).toEqual(full.syllableTimes);
      // Such a track cannot give a report: it has not got the frames.
      expect(() => reportOf(call.recent, call)).toThrow(/newest 500 frames/);
    }
  });
});

describe('frames stored as the call goes, read back for the report', () => {
  let audio: Audio;
  beforeAll(() => {
    audio = longCall();
  });

  it('the live coach needs no frame older than LIVE_RETAIN_SEC', () => {
    const call = runLive(audio, 3, () => undefined);
    // The coach on the tail emitted what the coach on the whole tracks emitted: it never read past it.
    expect(call.liveCoach.length).toBeGreaterThan(10);
    expect(call.liveCoach).toEqual(call.fullCoach);
    // …over a call that ran well past the retention.
    expect(call.recent[0].firstHeldFrame).toBeGreaterThan(RETAIN);
  });

  it('rebuilds tracks equal to tracks that kept everything, and the same report (memory sink)', async () => {
    const sink = new MemoryRecordingSink();
    const { id } = await sink.createSession({ kind: 'practice', name: 't', sampleRate: audio.sampleRate, channels: 2 });
    const writer = new FrameWriter({ sink, sessionId: id, channelCount: 2 });
    const call = runLive(audio, 7, (c, batch) => writer.push(c, batch));
    await writer.finish();
    const stored = sink.sessions.get(id)?.frames ?? [];
    // Records of about RECORD_FRAMES, indices without holes, every frame once.
    for (let c = 0; c < 2; c++) {
      const records = stored[c];
      expect(records.map((r) => r.index)).toEqual(records.map((_, i) => i));
      expect(records.slice(0, -1).every((r) => r.frameCount >= RECORD_FRAMES && r.frameCount < RECORD_FRAMES + 100)).toBe(true);
      expect(records.reduce((n, r) => n + r.frameCount, 0)).toBe(call.full[c].frameCount);
    }
    expect(writer.recordsInMemory).toBe(0);
    const rebuilt = await writer.tracks(call.recent.map((t) => t.frameCount));
    rebuilt.forEach((track, c) => expectSameTrack(track, call.full[c]));
    const report = reportOf(rebuilt, call);
    expect(report).toEqual(reportOf(call.full, call));
    expect(report.speakers.agent?.summary.syllables ?? 0).toBeGreaterThan(50);
    expect(report.events.length).toBeGreaterThan(5);
  });

  it('keeps what a full disk will not take in memory, and still rebuilds the whole call', async () => {
    const memory = new MemoryRecordingSink();
    const { id } = await memory.createSession({ kind: 'practice', name: 't', sampleRate: audio.sampleRate, channels: 2 });
    let accepted = 0;
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    // Takes the first five records, then the disk is full.
    const sink: RecordingSink = {
      createSession: (s) => memory.createSession(s),
      appendAudioChunk: async () => undefined,
      finishSession: async () => undefined,
      appendFrameRecord: async (sessionId, record) => {
        if (accepted >= 5) throw new StorageError('full', 'QuotaExceededError');
        accepted++;
        await memory.appendFrameRecord(sessionId, record);
      },
      loadFrameRecords: (sessionId, channel) => memory.loadFrameRecords(sessionId, channel),
    };
    try {
      const writer = new FrameWriter({ sink, sessionId: id, channelCount: 2 });
      const call = runLive(audio, 5, (c, batch) => writer.push(c, batch));
      const rebuilt = await writer.tracks(call.recent.map((t) => t.frameCount));
      expect(writer.recordsStored).toBe(5);
      expect(writer.recordsInMemory).toBeGreaterThan(5);
      rebuilt.forEach((track, c) => expectSameTrack(track, call.full[c]));
      expect(reportOf(rebuilt, call)).toEqual(reportOf(call.full, call));
      expect(warnings).toHaveLength(1);
      expect(String(warnings[0])).toMatch(/full/);
    } finally {
      console.warn = warn;
    }
  });

  it('works with a sink that stores no frames (they stay in memory)', async () => {
    const sink: RecordingSink = { createSession: async () => ({ id: 's' }), appendAudioChunk: async () => undefined, finishSession: async () => undefined };
    const writer = new FrameWriter({ sink, sessionId: 's', channelCount: 2 });
    const call = runLive(audio, 9, (c, batch) => writer.push(c, batch));
    const rebuilt = await writer.tracks(call.recent.map((t) => t.frameCount));
    rebuilt.forEach((track, c) => expectSameTrack(track, call.full[c]));
    expect(reportOf(rebuilt, call)).toEqual(reportOf(call.full, call));
  });

  it('refuses to rebuild from records with a hole or another number of frames', () => {
    const records: FrameRecord[] = [];
    const writer = { push: (r: FrameRecord) => records.push(r) };
    const track = new SpeakerTrack();
    const frames = new Float32Array(RECORD_FRAMES * 13);
    for (let index = 0; index < 3; index++) {
      writer.push({ channel: 0, index, firstFrame: index * RECORD_FRAMES, frameCount: RECORD_FRAMES, frames, events: new Float64Array(0) });
      track.addBatch(frames, RECORD_FRAMES, [], 0);
    }
    expect(trackFromRecords(records, 3 * RECORD_FRAMES).frameCount).toBe(track.frameCount);
    // Any order, and a record read twice (stored, and still in memory) counts once.
    expect(trackFromRecords([records[2], records[0], records[1], records[0]]).frameCount).toBe(3 * RECORD_FRAMES);
    expect(() => trackFromRecords([records[0], records[2]])).toThrow(/record 1 is missing/);
    expect(() => trackFromRecords(records, 3 * RECORD_FRAMES + 5)).toThrow(/the call had/);
  });
});
