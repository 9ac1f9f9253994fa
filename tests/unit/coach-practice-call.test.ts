import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignChannels } from '../../src/analysis/channel-roles.ts';
import { RecordingAnalyzer } from '../../src/analysis/recording-analyzer.ts';
import { buildReport } from '../../src/report/build-report.ts';
import type { Report, ReportEvent } from '../../src/report/report-types.ts';
import { readWavFile } from '../support/call-builder.ts';

/**
 * The demo call (samples/practice-call.wav, telephone audio at 8 kHz, ground truth in
 * practice-call.json, both made by scripts/make-test-audio.sh): the report must name its agent
 * backchannel, its interruption and its 4 s silence after the agent's question, with the right
 * types and times.
 */
interface Truth {
  interruption: { start: number; interruptedEnd: number };
  backchannel: { start: number; end: number };
  longSilence: { start: number; end: number };
}

const SAMPLES = new URL('../../samples/', import.meta.url).pathname;
const TOLERANCE_SEC = 0.15;

/** The report in English, and the same analysis reported in Dutch. */
function analyse(): { en: Report; nl: Report } {
  const audio = readWavFile(`${SAMPLES}practice-call.wav`);
  const assignments = assignChannels(2);
  const analyzer = new RecordingAnalyzer(audio.sampleRate, assignments, { coach: { locale: 'en' } });
  analyzer.push(audio.channels);
  const en = analyzer.finish();
  const tracks = analyzer.tracks().map(({ role, track }) => ({ role, track, channel: assignments.find((a) => a.role === role)?.channel ?? 0 }));
  const nl = buildReport({ tracks, durationSec: analyzer.durationSec, sampleRate: audio.sampleRate, coach: { locale: 'nl' } });
  return { en, nl };
}

function near(event: ReportEvent | undefined, start: number, end: number): boolean {
  return event !== undefined && Math.abs(event.start - start) <= TOLERANCE_SEC && Math.abs(event.end - end) <= TOLERANCE_SEC;
}

describe('coach: the practice call', () => {
  const truth = JSON.parse(readFileSync(`${SAMPLES}practice-call.json`, 'utf8')) as Truth;
  let report: Report;
  let dutch: Report;
  beforeAll(() => {
    ({ en: report, nl: dutch } = analyse());
  });

  it('finds the agent backchannel, the interruption and the 4 s silence, with the right types', () => {
    const of = (type: ReportEvent['type']) => report.events.filter((e) => e.type === type);
    console.log(
      'practice call:',
      report.events
        .filter((e) => e.type !== 'pause')
        .map((e) => `${e.type}${e.speaker ? ` (${e.speaker})` : ''} ${e.start}–${e.end}`)
        .join('; '),
    );
    const backchannels = of('backchannel');
    expect(backchannels).toHaveLength(1);
    expect(backchannels[0].speaker).toBe('agent');
    expect(near(backchannels[0], truth.backchannel.start, truth.backchannel.end)).toBe(true);

    const interruptions = of('interruption');
    expect(interruptions).toHaveLength(1);
    expect(interruptions[0].speaker).toBe('agent');
    expect(near(interruptions[0], truth.interruption.start, truth.interruption.interruptedEnd)).toBe(true);

    const silences = of('silence');
    expect(silences).toHaveLength(1);
    expect(silences[0].speaker).toBe('customer');
    expect(near(silences[0], truth.longSilence.start, truth.longSilence.end)).toBe(true);
    // It follows the agent's question, so it is the customer's silence, not dead air; and the
    // text frames it as listening, not as a fault.
    expect(of('dead-air')).toHaveLength(0);
    expect(silences[0].advice).toMatch(/open question.*good listening/);
    // Nothing else overlapped.
    expect(of('overlap')).toHaveLength(0);
  });

  it('adds the turn-taking figures to the summaries', () => {
    const agent = report.speakers.agent?.summary;
    const customer = report.speakers.customer?.summary;
    expect(agent?.interruptions).toBe(1);
    expect(agent?.backchannels).toBe(1);
    expect(customer?.interruptions).toBe(0);
    expect(agent?.longestMonologueSec).toBeGreaterThan(2.5);
    // The agent answered the customer four times; one of them by cutting in (a negative gap).
    expect(agent?.responseTimesSec).toHaveLength(4);
    expect(Math.min(...(agent?.responseTimesSec ?? []))).toBeLessThan(-0.8);
    expect(customer?.responseTimesSec?.some((t) => t > 3.8)).toBe(true);
  });

  it('writes reasons and advice in Dutch when asked', () => {
    const silence = dutch.events.find((e) => e.type === 'silence');
    expect(silence?.reasons?.[0]).toMatch(/^de klant zei 4 s niets na jouw beurt/);
    expect(silence?.advice).toMatch(/^Stilte na een open vraag is goed luisteren/);
    expect(dutch.events.find((e) => e.type === 'interruption')?.advice).toMatch(/^Laat de klant uitpraten/);
  });
});
