/**
 * The interface language: Dutch for browsers set to Dutch, English otherwise, until the user
 * picks one; the pick is remembered. One current value for the whole page, so every element
 * (through LocaleController) switches at once.
 */
import { LOCALES, type Locale } from '../../i18n/messages.ts';
import { readPreference, writePreference } from '../shared/preferences.ts';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Dutch for any `nl` tag (nl-NL, nl-BE…), otherwise English. */
export function localeFor(languages: readonly string[]): Locale {
  const first = languages[0]?.toLowerCase() ?? '';
  return first === 'nl' || first.startsWith('nl-') ? 'nl' : 'en';
}

/** Decided on first use, not at import, so modules that only format numbers load anywhere. */
let current: Locale | null = null;
const listeners = new Set<(locale: Locale) => void>();

function initialLocale(): Locale {
  const remembered = readPreference('locale', isLocale);
  if (remembered) return remembered;
  if (typeof navigator === 'undefined') return 'en';
  return localeFor(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

export function currentLocale(): Locale {
  return (current ??= initialLocale());
}

export function setLocale(locale: Locale): void {
  writePreference('locale', locale);
  if (locale === currentLocale()) return;
  current = locale;
  for (const listener of listeners) listener(locale);
}

/** Calls `listener` whenever the language changes; returns the unsubscribe. */
export function onLocaleChange(listener: (locale: Locale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
