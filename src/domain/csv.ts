import Papa from 'papaparse';

/**
 * CSV as spreadsheets open it: RFC 4180 quoting by papaparse, CRLF line ends, and every text cell
 * that a spreadsheet would read as a formula defused. OWASP's advice for CSV injection: a cell that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` (and is quoted), so
 * Excel, LibreOffice and Sheets show the text instead of running it. Numbers stay numbers (a
 * negative amount is not a formula). papaparse's own `escapeFormulae: true` pattern ends with
 * `.*$`, which misses a cell whose formula is followed by a line break, so the pattern is ours.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** What a cell may hold: text, a number, a yes/no, or nothing (an empty cell). */
export type CsvCell = string | number | boolean | null | undefined;

/** The byte-order mark that tells Excel the file is UTF-8 (other readers skip it). */
export const UTF8_BOM = '\uFEFF';

/** One text cell as it will read once the file is opened: formulas defused. */
export function defuseCell(value: CsvCell): CsvCell {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

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
