import type { Report } from '../report/report-types.ts';
import type { AgentFigures } from './session-types.ts';

/** The figures the trend chart follows, from the agent's summary; undefined without an agent. */
export function agentFiguresOf(report: Report | null | undefined): AgentFigures | undefined {
  const summary = report?.speakers.agent?.summary;
  if (!summary) return undefined;
  return {
    talkShare: summary.talkShare,
    pitchSdSemitones: summary.pitchSdSemitones,
    articulationRate: summary.articulationRate,
  };
}
