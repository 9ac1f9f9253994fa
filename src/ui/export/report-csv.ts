/** The report's events as CSV (RFC 4180): one row per event, for spreadsheets. */
import type { Locale } from '../../i18n/messages.ts';
import { reportTexts } from '../../i18n/translate.ts';
import { csvRecord } from '../../report/csv.ts';
import type { Report } from '../../report/report-types.ts';
import { spreadsheetCsv } from './spreadsheet-csv.ts';

export const CSV_COLUMNS = ['type', 'speaker', 'start', 'end', 'confidence', 'reasons'] as const;

/**
 * Header plus one line per event, CRLF line ends as RFC 4180 asks, separated as a spreadsheet in
 * `locale` (the interface's language) expects. The reasons are read by people: in `locale` where
 * the report kept them as messages, else as it wrote them.
 */
export function eventsCsv(report: Report, locale: Locale): string {
  const options = spreadsheetCsv(locale);
  const rows = report.events.map((event) => {
    const reasons = reportTexts(locale, event.reasons, event.reasonMessages);
    return csvRecord([event.type, event.speaker, event.start, event.end, event.confidence, reasons.join('; ')], options);
  });
  return csvRecord(CSV_COLUMNS, options) + rows.join('');
}
