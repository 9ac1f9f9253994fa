import { beforeAll, describe, expect, it } from 'vitest';
import { RecordingAnalyzer } from '../../src/analysis/recording-analyzer.ts';
import type { SpeakerSummary } from '../../src/report/report-types.ts';
import { readTtsClip, ttsManifest, type TtsClip } from '../support/fixtures.ts';

/**
 * Syllable counts and rates on synthesised sentences whose syllable counts come from the
 * synthesiser itself (espeak-ng's phonemes, festival's Syllable relation; see the manifest). Each
 * voice speaks the same sentences at three speeds. Counts are compared per voice and speed, summed
 * over its sentences (30–40 syllables), so that one merged or split syllable in a 12-syllable
 * sentence does not decide the test.
 */
const TOLERANCE = 0.1;

interface Measured {
  clip: TtsClip;
  summary: SpeakerSummary;
}

describe('syllables and speech rate on TTS at three speeds', () => {
  const measured: Measured[] = [];

  beforeAll(async () => {
    for (const clip of ttsManifest()) {
      const audio = await readTtsClip(clip.file);
      // Half a second of silence on each side, as around a sentence in a call.
      const pad = Math.round(audio.sampleRate / 2);
      const samples = new Float32Array(audio.channels[0].length + 2 * pad);
      samples.set(audio.channels[0], pad);
      const analyzer = new RecordingAnalyzer(audio.sampleRate, [{ role: 'agent', channel: 0 }]);
      analyzer.push([samples]);
      measured.push({ clip, summary: analyzer.finish().speakers.agent!.summary });
    }
  });

  const groups = () => {
    const byVoice = new Map<string, Map<number, Measured[]>>();
    for (const m of measured) {
      const voice = `${m.clip.synth} ${m.clip.voice}`;
      const speeds = byVoice.get(voice) ?? new Map<number, Measured[]>();
      speeds.set(m.clip.speed, [...(speeds.get(m.clip.speed) ?? []), m]);
      byVoice.set(voice, speeds);
    }
    return byVoice;
  };

  it(`counts syllables within ${TOLERANCE * 100} % of the synthesiser's count, per voice and speed`, () => {
    const rows: string[] = [];
    const failures: string[] = [];
    for (const [voice, speeds] of groups()) {
      for (const [speed, clips] of speeds) {
        const counted = clips.reduce((sum, m) => sum + m.summary.syllables, 0);
        const truth = clips.reduce((sum, m) => sum + m.clip.syllables, 0);
        const error = (counted - truth) / truth;
        rows.push(`${voice} @${speed}: ${counted}/${truth} (${(error * 100).toFixed(1)} %)`);
        if (Math.abs(error) > TOLERANCE) failures.push(rows[rows.length - 1]);
      }
    }
    console.info(`syllable counts:\n  ${rows.join('\n  ')}`);
    expect(rows.length).toBe(9);
    expect(failures).toEqual([]);
  });

  it('ranks the three speeds of every voice correctly, by articulation rate and by speech rate', () => {
    for (const [voice, speeds] of groups()) {
      // espeak's speed is words per minute (higher is faster); festival's a duration stretch (lower is faster).
      const faster = [...speeds.keys()].sort((a, b) => (voice.startsWith('festival') ? b - a : a - b));
      const mean = (speed: number, key: 'articulationRate' | 'speechRate') => {
        const clips = speeds.get(speed)!;
        return clips.reduce((sum, m) => sum + m.summary[key], 0) / clips.length;
      };
      for (const key of ['articulationRate', 'speechRate'] as const) {
        const rates = faster.map((speed) => mean(speed, key));
        expect(rates, `${voice} ${key} slow → fast`).toEqual([...rates].sort((a, b) => a - b));
        expect(rates[2] / rates[0], `${voice} ${key}`).toBeGreaterThan(1.5);
      }
    }
  });

  // Clip durations include comma pauses, which articulation rate leaves out: measured −14 % to +19 %.
  it('gives rates consistent with the synthesiser: articulation rate within 20 % of syllables / duration, per sentence', () => {
    for (const m of measured) {
      const truth = m.clip.syllables / m.clip.durationSec;
      expect(Math.abs(m.summary.articulationRate / truth - 1), `${m.clip.file}: ${m.summary.articulationRate} vs ${truth.toFixed(2)}`).toBeLessThan(0.2);
    }
  });
});
