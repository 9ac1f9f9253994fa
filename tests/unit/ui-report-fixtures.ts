/**
 * Reports for the UI's unit tests, built from the practice call's ground truth
 * (samples/practice-call.json): the speech as the synthesiser placed it, no analysis needed.
 */
import { readFileSync } from 'node:fs';
import type { Report, ReportEvent, Speaker, SpeakerRole, TimeSpan } from '../../src/report/report-types.ts';

interface GroundTruth {
  durationSec: number;
  channels: { channel: number; role: SpeakerRole; speech: TimeSpan[] }[];
}

const truth = JSON.parse(readFileSync(new URL('../../samples/practice-call.json', import.meta.url), 'utf8')) as GroundTruth;

function speaker(channel: number, speech: TimeSpan[], talkShare: number, overrides: Partial<Speaker['summary']> = {}): Speaker {
  const speechSec = speech.reduce((sum, s) => sum + s.end - s.start, 0);
  return {
    channel,
    frames: { hopSec: 0.01, startSec: 0, f0Hz: [], levelDb: [] },
    speech: speech.map(({ start, end }) => ({ start, end })),
    summary: { speechSec, talkShare, meanF0Hz: 110, pitchSdSemitones: 3, syllables: 0, speechRate: 4, articulationRate: 5, ...overrides },
    tone: [],
  };
}

/** The practice call as a report: agent left, customer right, `events` as given. */
export function practiceCallReport(events: ReportEvent[] = [], agentSummary: Partial<Speaker['summary']> = {}): Report {
  const [agent, customer] = [truth.channels[0], truth.channels[1]];
  return {
    schema: 'luister-report/1',
    durationSec: truth.durationSec,
    sampleRate: 8000,
    speakers: {
      agent: speaker(agent.channel, agent.speech, 0.56, agentSummary),
      customer: speaker(customer.channel, customer.speech, 0.44),
    },
    events,
  };
}
