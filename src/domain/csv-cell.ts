/**
 * A CSV cell as spreadsheets open it — apart from domain/csv.ts so that the web app can defuse a
 * cell without taking papaparse along. OWASP's advice for CSV injection: a cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` (and is quoted), so Excel,
 * LibreOffice and Sheets show the text instead of running it. Numbers stay numbers (a negative
 * amount is not a formula). papaparse's own `escapeFormulae: true` pattern ends with `.*$`, which
 * misses a cell whose formula is followed by a line break, so the pattern is ours.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** What a cell may hold: text, a number, a yes/no, or nothing (an empty cell). */
export type CsvCell = string | number | boolean | null | undefined;

/** One text cell as it will read once the file is opened: formulas defused. */
export function defuseCell(value: CsvCell): CsvCell {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}
