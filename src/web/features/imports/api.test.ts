import { describe, expect, it } from 'vitest';
import { csvCell } from './api';

describe('the skipped rows file', () => {
  it('quotes what needs quoting and leaves plain text alone', () => {
    expect(csvCell('0015g000000001AAV')).toBe('0015g000000001AAV');
    expect(csvCell('Name: "Acme", again')).toBe('"Name: ""Acme"", again"');
  });
  it('defuses a cell from the file that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","fix me")')).toBe(`"'=HYPERLINK(""http://evil.example"",""fix me"")"`);
    for (const cell of ['+cmd', '-1+1', '@SUM(A1)', '\tx']) expect(csvCell(cell)).toBe(`"'${cell}"`);
  });
});
