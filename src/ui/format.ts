/** Numbers, times and sizes as the user's language writes them (Dutch: 4,5 s; 0:18). */
import { LANGUAGE_TAGS, type Locale } from '../i18n/messages.ts';
import { formatDecimal } from '../i18n/template.ts';

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LANGUAGE_TAGS[locale], options);
    cache.set(key, format);
  }
  return format;
}

/** A position in the call: 0:18, 12:05, 1:02:03. */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A number with a fixed number of decimals: 4,0 / 4.0. */
export function formatNumber(locale: Locale, value: number, digits = 1): string {
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A length of time in seconds with its unit: "4,0 s". */
export function formatSeconds(locale: Locale, seconds: number, digits = 1): string {
  return `${formatNumber(locale, seconds, digits)} s`;
}

/** Seconds of a gap or stall rounded for a message: one decimal under a minute, whole seconds above. */
export function roundGap(sec: number): number {
  return sec < 60 ? Math.round(sec * 10) / 10 : Math.round(sec);
}

/** A gap or stall as the practice view told of it: "0,8 s", "4 s", "75 s". */
export function formatGap(locale: Locale, sec: number): string {
  return `${formatDecimal(locale, roundGap(sec))} s`;
}

/** A 0–1 share as a whole percentage: 62%. */
export function formatPercent(locale: Locale, fraction: number): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** A size in bytes, in the largest unit that keeps it above 1: 12 MB, 1,4 GB. */
export function formatBytes(locale: Locale, bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return numberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

/** A day: 1 nov 2026. */
export function formatDate(locale: Locale, epochMs: number): string {
  return new Intl.DateTimeFormat(LANGUAGE_TAGS[locale], { dateStyle: 'medium' }).format(epochMs);
}

export function formatDateTime(locale: Locale, epochMs: number): string {
  return new Intl.DateTimeFormat(LANGUAGE_TAGS[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}
