/**
 * How the app writes a CSV the user opens in a spreadsheet: formulas defused, and separated and
 * numbered as a spreadsheet set up for the interface's language expects. Dutch spreadsheets split
 * fields at semicolons and read a comma as the decimal mark; English ones use commas and points.
 */
import { LANGUAGE_TAGS, type Locale } from '../../i18n/messages.ts';
import type { CsvOptions } from '../../report/csv.ts';

export function spreadsheetCsv(locale: Locale): CsvOptions {
  const decimalComma = new Intl.NumberFormat(LANGUAGE_TAGS[locale]).format(0.5).includes(',');
  return { spreadsheetSafe: true, separator: decimalComma ? ';' : ',' };
}
