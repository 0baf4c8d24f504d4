import Papa from 'papaparse';
import { defuseCell, FORMULA_START, type CsvCell } from './csv-cell.js';

/**
 * CSV as spreadsheets open it: RFC 4180 quoting by papaparse, CRLF line ends, and every text cell
 * that a spreadsheet would read as a formula defused (csv-cell.ts).
 */
export { defuseCell, FORMULA_START, type CsvCell };

/** The byte-order mark that tells Excel the file is UTF-8 (other readers skip it). */
export const UTF8_BOM = '\uFEFF';

/**
 * Rows as CSV text, each ending with CRLF (so pages of rows can be written one after another).
 * Empty for no rows.
 */
export function csvLines(rows: readonly (readonly CsvCell[])[]): string {
  if (rows.length === 0) return '';
  const text = Papa.unparse(
    rows.map((row) => row.map(defuseCell)),
    // A defused cell is also quoted, as OWASP advises, whatever else it holds.
    { newline: '\r\n', header: false, quotes: (value: unknown) => typeof value === 'string' && value.startsWith("'") && FORMULA_START.test(value.slice(1)), escapeFormulae: false },
  );
  return `${text}\r\n`;
}
