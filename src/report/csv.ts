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
  /**
   * The field separator, and with it the decimal mark: ',' with decimal points (RFC 4180), or ';'
   * with decimal commas, as spreadsheets set up for a language that writes 0,5 read and write
   * CSV (such a spreadsheet opens a comma-separated file as one column, and reads 0.561 as 561).
   */
  separator?: ',' | ';';
}

/** One record and its CRLF. */
export function csvRecord(values: readonly CsvValue[], options: CsvOptions = {}): string {
  return `${values.map((value) => csvField(value, options)).join(options.separator ?? ',')}\r\n`;
}

/**
 * One field: quoted when it holds the separator, a quote or a line break, quotes doubled; empty
 * for a missing value or a number that is not finite.
 */
export function csvField(value: CsvValue, { spreadsheetSafe = false, separator = ',' }: CsvOptions = {}): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return separator === ';' ? String(value).replace('.', ',') : String(value);
  }
  const text = spreadsheetSafe && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  const mustQuote = text.includes(separator) || /["\r\n]/.test(text);
  return mustQuote ? `"${text.replace(/"/g, '""')}"` : text;
}
