/** CSV as RFC 4180 writes it, which spreadsheets and csv libraries read back unchanged. */

export type CsvValue = string | number | null;

/** One record and its CRLF: fields holding a comma, quote or line break are quoted, quotes doubled. */
export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

function csvField(value: CsvValue): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
