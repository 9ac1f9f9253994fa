/** The report's events as CSV (RFC 4180): one row per event, for spreadsheets. */
import type { Locale } from '../../i18n/messages.ts';
import { reportTexts } from '../../i18n/translate.ts';
import type { Report } from '../../report/report-types.ts';

export const CSV_COLUMNS = ['type', 'speaker', 'start', 'end', 'confidence', 'reasons'] as const;

/**
 * Quotes a field when it holds a separator, quote or line break; text that a spreadsheet would run
 * as a formula (=, +, -, @ first) gets a leading apostrophe, so an export is safe to open.
 */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Header plus one line per event, CRLF line ends as RFC 4180 asks. The reasons are read by people:
 * in `locale` (the interface's) where the report kept them as messages, else as it wrote them.
 */
export function eventsCsv(report: Report, locale?: Locale): string {
  const rows = report.events.map((event) => {
    const reasons = locale ? reportTexts(locale, event.reasons, event.reasonMessages) : event.reasons;
    return [event.type, event.speaker, event.start, event.end, event.confidence, reasons?.join('; ')].map(csvField).join(',');
  });
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
