/** The practice view's per-frame model: derived numbers, and announcements on changes only. */
import { describe, expect, it } from 'vitest';
import { SpeakerTrack } from '../../src/analysis/speaker-track.ts';
import type { ToneState } from '../../src/coach/coach-events.ts';
import { CoreEventKind } from '../../src/dsp/events.ts';
import { FRAME_STRIDE, FrameField } from '../../src/dsp/frame-layout.ts';
import { note } from '../../src/i18n/translate.ts';
import type { SpeakerRole, ToneLabel } from '../../src/report/report-types.ts';
import { LiveViewModel, type ViewSource } from '../../src/ui/practice/live-view.ts';

/** Tracks that grow as the test says, 100 frames a second. */
class FakeSource implements ViewSource {
  durationSec = 0;
  readonly tracks = new Map<SpeakerRole, SpeakerTrack>();

  constructor(roles: SpeakerRole[]) {
    for (const role of roles) this.tracks.set(role, new SpeakerTrack());
  }

  track(role: SpeakerRole): SpeakerTrack | undefined {
    return this.tracks.get(role);
  }

  /** Core events (as [kind, time] pairs) on one track, as the analysis delivers them. */
  events(role: SpeakerRole, pairs: [number, number][]): void {
    this.tracks.get(role)?.addBatch(new Float64Array(0), 0, new Float64Array(pairs.flat()), pairs.length);
  }

  /** `count` frames at `levelDb` on every track; time moves on by as much. */
  frames(count: number, levelDb = -30): void {
    const frames = new Float64Array(count * FRAME_STRIDE);
    for (let f = 0; f < count; f++) frames[f * FRAME_STRIDE + FrameField.levelDb] = levelDb;
    for (const track of this.tracks.values()) track.addBatch(frames, count, new Float64Array(0), 0);
    this.durationSec += count / 100;
  }
}

function toneState(labels: ToneLabel[], at: number): ToneState {
  return {
    role: 'agent',
    at,
    labels,
    cues: [],
    reasons: [note('tone.neutral.reason', { sd: 2, rate: 5, share: 10, window: 10 })],
    advice: [],
    measures: { windowSpeechSec: 10, pitchSdSemitones: 2, articulationRate: 5, wordsPerMin: 150, pauseShare: 0.1, levelVsBaselineDb: 0, levelSpreadDb: 5 },
    decidedAt: at,
  };
}

describe('live view model', () => {
  it('shows only the labels the coach gives, and announces a label when it changes', () => {
    const source = new FakeSource(['agent']);
    const model = new LiveViewModel(source, { hasCustomer: false, coachConnected: true });
    source.frames(10);
    expect(model.refresh(0).tone).toBeNull();
    model.tone({ ...toneState([], 0.1) });
    expect(model.refresh(0).tone).toBeNull();

    model.tone(toneState(['neutral'], 1));
    expect(model.refresh(0).tone?.label).toBe('neutral');
    model.tone(toneState(['rushed', 'monotone'], 2));
    expect(model.refresh(0).tone?.label).toBe('rushed');
    model.tone(toneState(['rushed'], 3));
    model.refresh(0);
    model.refresh(0);
    expect(model.takeSpoken()).toEqual([
      { kind: 'tone', label: 'neutral' },
      { kind: 'tone', label: 'rushed' },
    ]);
    // The customer's "tone" is not the agent's.
    model.tone({ ...toneState(['warm'], 4), role: 'customer' });
    expect(model.refresh(0).tone?.label).toBe('rushed');
  });

  it('announces a silence phase once when it begins, not on every frame', () => {
    const source = new FakeSource(['agent', 'customer']);
    const model = new LiveViewModel(source, { hasCustomer: true, coachConnected: true });
    model.speechStart('agent', 0);
    source.frames(200);
    model.speechEnd('agent', 2);
    for (let k = 0; k < 40; k++) {
      source.frames(5);
      model.refresh(0);
    }
    expect(model.view.silence.phase).toBe('space');
    expect(model.takeSpoken()).toEqual([{ kind: 'silence', phase: 'space' }]);
  });

  it('lists coach events, replaces an ongoing one when it ends, and leaves pauses to the report', () => {
    const source = new FakeSource(['agent', 'customer']);
    const model = new LiveViewModel(source, { hasCustomer: true, coachConnected: true });
    model.coachEvent({ type: 'pause', speaker: 'agent', start: 1, end: 1.5, reasons: [], decidedAt: 2 });
    model.coachOngoing({ type: 'silence', speaker: 'customer', start: 3, advice: note('silence.ongoing'), decidedAt: 6.5 });
    expect(model.view.feed.map((e) => [e.type, e.end])).toEqual([['silence', null]]);
    model.coachEvent({ type: 'silence', speaker: 'customer', start: 3, end: 8, reasons: [note('silence.reason', { sec: 5, min: 3 })], decidedAt: 8.5 });
    model.coachEvent({ type: 'sigh', speaker: 'customer', start: 9, end: 10, confidence: 0.8, reasons: [], decidedAt: 10.5 });
    expect(model.view.feed.map((e) => [e.type, e.end])).toEqual([
      ['sigh', 10],
      ['silence', 8],
    ]);
    expect(model.takeSpoken().map((s) => s.kind)).toEqual(['event', 'event', 'event']);
  });

  it('without a coach, lists long silences it measured itself', () => {
    const source = new FakeSource(['agent', 'customer']);
    const model = new LiveViewModel(source, { hasCustomer: true, coachConnected: false });
    model.speechStart('agent', 0);
    model.speechEnd('agent', 2);
    model.speechStart('customer', 2.5); // a short gap: nothing to list
    model.speechEnd('customer', 4);
    model.speechStart('agent', 4.4);
    model.speechEnd('agent', 6);
    model.speechStart('customer', 10); // 4 s after the agent's turn
    expect(model.view.feed).toHaveLength(1);
    expect(model.view.feed[0]).toMatchObject({ type: 'silence', speaker: 'customer', start: 6, end: 10, local: { key: 'practiceCall.feed.silence', params: { sec: 4 } } });
  });

  it('shows a level peak at once and lets it fall back slowly', () => {
    const source = new FakeSource(['agent']);
    const model = new LiveViewModel(source, { hasCustomer: false, coachConnected: false });
    source.frames(5, -50);
    expect(model.refresh(0).agentLevel?.db).toBe(-50);
    source.frames(5, -10);
    expect(model.refresh(0).agentLevel?.db).toBe(-10);
    // 0.1 s later at -60 dB: down by 20 dB/s × 0.1 s only.
    source.frames(10, -60);
    expect(model.refresh(0).agentLevel?.db).toBeCloseTo(-12);
  });

  it('gives talk share only with a customer, and pace from the agent’s syllables', () => {
    const alone = new LiveViewModel(new FakeSource(['agent']), { hasCustomer: false, coachConnected: false });
    expect(alone.refresh(0).talkShare).toBeNull();

    const source = new FakeSource(['agent', 'customer']);
    const model = new LiveViewModel(source, { hasCustomer: true, coachConnected: false });
    // The agent speaks 0–3 s with 6 syllables a second, then the customer from 3 s on.
    // Core events carry frame indices (10 ms apart).
    const syllables: [number, number][] = Array.from({ length: 18 }, (_, i) => [CoreEventKind.Syllable, 5 + Math.round(100 * (i / 6))]);
    source.events('agent', [[CoreEventKind.SpeechStart, 0], ...syllables, [CoreEventKind.SpeechEnd, 300]]);
    model.speechStart('agent', 0);
    model.speechEnd('agent', 3);
    source.events('customer', [[CoreEventKind.SpeechStart, 300]]);
    model.speechStart('customer', 3);
    source.frames(400);
    const view = model.refresh(7);
    expect(view.talkShare).toBeCloseTo(0.75);
    expect(view.pace).toBeCloseTo(6, 0);
    expect(view.chunksWritten).toBe(7);
  });
});
