/**
 * A speaker's own reference. Each call measures a baseline over the speaker's first stretch of
 * speech; an agent's profile is the running mean of those baselines over their calls, a plain
 * JSON-safe object the app can store per agent and hand to the next call's coach, so the agent is
 * judged against their own voice from the first second.
 */
import type { VoiceBaseline } from './coach-events.ts';
import type { WindowStats } from './speech-window.ts';

export const VOICE_PROFILE_SCHEMA = 'luister-voice-profile/1';

export interface VoiceProfile {
  schema: typeof VOICE_PROFILE_SCHEMA;
  /** Calls the profile has learnt from. */
  calls: number;
  /** Speech the baselines were measured on, s. */
  speechSec: number;
  medianF0Hz: number;
  pitchSdSemitones: number;
  articulationRate: number;
}

/** Calls after which the profile becomes a moving average, so it follows a voice that changes. */
const MAX_WEIGHT_CALLS = 10;

export function baselineOf(stats: WindowStats): VoiceBaseline {
  return {
    speechSec: stats.speechSec,
    medianF0Hz: stats.medianF0Hz,
    pitchSdSemitones: stats.pitchSdSemitones,
    articulationRate: stats.articulationRate,
    levelDb: stats.levelDb,
  };
}

/** The profile updated with one more call's baseline (a new profile when none is given). */
export function updateProfile(profile: VoiceProfile | undefined, baseline: VoiceBaseline): VoiceProfile {
  const calls = profile ? profile.calls + 1 : 1;
  const weight = 1 / Math.min(calls, MAX_WEIGHT_CALLS);
  const mix = (old: number | undefined, value: number) => (old === undefined ? value : old + (value - old) * weight);
  // F0 is averaged on the semitone (log) scale, as pitch is heard.
  const st = mix(profile && 12 * Math.log2(profile.medianF0Hz), 12 * Math.log2(baseline.medianF0Hz));
  return {
    schema: VOICE_PROFILE_SCHEMA,
    calls,
    speechSec: (profile?.speechSec ?? 0) + baseline.speechSec,
    medianF0Hz: 2 ** (st / 12),
    pitchSdSemitones: mix(profile?.pitchSdSemitones, baseline.pitchSdSemitones),
    articulationRate: mix(profile?.articulationRate, baseline.articulationRate),
  };
}

/** True when a stored value is a profile this version understands (for loading saved JSON). */
export function isVoiceProfile(value: unknown): value is VoiceProfile {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const positive = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x > 0;
  return v.schema === VOICE_PROFILE_SCHEMA && positive(v.calls) && positive(v.medianF0Hz) && positive(v.articulationRate) && typeof v.pitchSdSemitones === 'number';
}
