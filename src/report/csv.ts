/**
 * CSV as RFC 4180 writes it, which spreadsheets and csv libraries read back unchanged: the command
 * line's batch summary, and the app's events and sessions exports.
 */

export type CsvValue = string | number | null | undefined;

export interface CsvOptions {
  /**
   * For a file people open by double-click: text a spreadsheet would run as a formula (=, +, -, @
   * first) gets a leading apostrophe. Off for files read by programs, which would keep it.
   */
  spreadsheetSafe?: boolean;
}

/** The options for a file people open in a spreadsheet (the app's exports). */
export const FOR_SPREADSHEETS: Readonly<CsvOptions> = { spreadsheetSafe: true };

/** One record and its CRLF. */
export function csvRecord(values: readonly CsvValue[], options: CsvOptions = {}): string {
  return `${values.map((value) => csvField(value, options)).join(',')}\r\n`;
}

/**
 * One field: quoted when it holds a comma, quote or line break, quotes doubled; empty for a
 * missing value or a number that is not finite.
 */
export function csvField(value: CsvValue, { spreadsheetSafe = false }: CsvOptions = {}): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = spreadsheetSafe && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
