/**
 * One colour per speaker, used by the waveform, the lanes (canvas) and the legends (CSS), so a
 * speaker looks the same everywhere. The customer's lines are also dashed: colour is never the
 * only way to tell the speakers apart.
 */
import type { SpeakerRole } from '../../report/report-types.ts';

export const SPEAKER_COLORS: Readonly<Record<SpeakerRole, { line: string; wave: string; progress: string }>> = {
  agent: { line: '#1f5fa8', wave: '#8fb2dc', progress: '#1f5fa8' },
  customer: { line: '#b3541e', wave: '#e3b18f', progress: '#b3541e' },
};

/** Canvas line dash per speaker: solid for the agent, dashed for the customer. */
export const SPEAKER_DASH: Readonly<Record<SpeakerRole, number[]>> = { agent: [], customer: [6, 4] };
