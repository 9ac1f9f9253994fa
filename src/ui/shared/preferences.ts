/**
 * The few choices the app remembers between visits, in localStorage under `luister.*`. Reads and
 * writes never throw: storage may be disabled (private windows, policies) and the app must still
 * work, with the defaults.
 */
import type { Locale } from '../../i18n/messages.ts';
import type { SpeakerRole } from '../../report/report-types.ts';

export interface Preferences {
  locale: Locale;
  /** Which channel of a stereo file is the agent. */
  agentChannel: 0 | 1;
  /** Whose voice a mono file holds. */
  monoSpeaker: SpeakerRole;
  /** The name last typed in the agent field. */
  agentName: string;
  /** The review's playback speed (1 = as recorded). */
  playbackRate: number;
}

const PREFIX = 'luister.';

export function readPreference<K extends keyof Preferences>(key: K, isValid: (value: unknown) => value is Preferences[K]): Preferences[K] | undefined {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (raw === null) return undefined;
    const value: unknown = JSON.parse(raw);
    return isValid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function writePreference<K extends keyof Preferences>(key: K, value: Preferences[K]): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Not remembered; the choice still holds for this visit.
  }
}

/** Forgets every remembered choice (part of "delete all data"). */
export function clearPreferences(): void {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  } catch {
    // Nothing was stored.
  }
}
