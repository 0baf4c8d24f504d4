import Papa from 'papaparse';

/**
 * Reads a CSV file with papaparse: quoted fields holding commas, line breaks and `""` escapes,
 * Windows (CRLF) and Unix line ends, and the separator Excel uses in the exporting person's locale
 * (`,` or `;`, detected). A UTF-8 byte order mark (Excel and Salesforce write one) is dropped.
 * The first line is the header; blank lines are ignored; a short row reads as empty cells.
 */
export type ParsedCsv = {
  headers: string[];
  /** Each data row's cells, in header order; `line` of rows[i] is i + 2 (the header is line 1). */
  rows: string[][];
  /** Problems that make the file unreadable (a quote never closed), with the row they start at. */
  errors: { row: number; message: string }[];
};

export function parseCsv(text: string): ParsedCsv {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const result = Papa.parse<string[]>(body, { header: false, skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t'] });
  const [first = [], ...rows] = result.data;
  const headers = first.map((h) => h.trim());
  const errors = result.errors
    // One column and no separator found is a fine (if odd) file, not an error.
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({ row: (e.row ?? 0) + 1, message: e.code === 'MissingQuotes' ? 'A quoted field is never closed: the file may be cut short.' : e.message }));
  return { headers, rows, errors };
}

/** A row's cell for a header, trimmed; '' when the row is short or the header is not mapped. */
export function cellOf(row: readonly string[], index: number | undefined): string {
  if (index === undefined || index < 0) return '';
  return (row[index] ?? '').trim();
}
