import { describe, expect, it } from 'vitest';
import { csvLines, defuseCell } from './csv.js';

describe('CSV cells', () => {
  it('defuses every text cell a spreadsheet would run as a formula (OWASP: = + - @ tab CR)', () => {
    expect(defuseCell('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(defuseCell('+1')).toBe("'+1");
    expect(defuseCell('-2+3')).toBe("'-2+3");
    expect(defuseCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(defuseCell('\tcmd')).toBe("'\tcmd");
    expect(defuseCell('\rcmd')).toBe("'\rcmd");
  });

  it('leaves plain text, numbers (negative ones too), yes/no and empty cells alone', () => {
    expect(defuseCell('Acme = good')).toBe('Acme = good');
    expect(defuseCell(' =1')).toBe(' =1');
    expect(defuseCell(-5)).toBe(-5);
    expect(defuseCell(true)).toBe(true);
    expect(defuseCell(null)).toBeNull();
    expect(defuseCell('')).toBe('');
  });

  it('writes RFC 4180 rows ending in CRLF: commas, quotes and line breaks quoted, "" for a quote', () => {
    expect(csvLines([['id', 'name'], ['1', 'Acme, Inc.'], ['2', 'The "Best"'], ['3', 'two\nlines']])).toBe(
      'id,name\r\n1,"Acme, Inc."\r\n2,"The ""Best"""\r\n3,"two\nlines"\r\n',
    );
  });

  it('quotes a defused cell, and defuses a formula followed by a line break (papaparse’s own pattern misses it)', () => {
    expect(csvLines([['=1+2', '=cmd|" /C calc"!A0\nrest', 'x']])).toBe(`"'=1+2","'=cmd|"" /C calc""!A0\nrest",x\r\n`);
  });

  it('writes empty cells for null and undefined, numbers and booleans as they are, nothing for no rows', () => {
    expect(csvLines([[null, undefined, 12.5, -3, false]])).toBe(',,12.5,-3,false\r\n');
    expect(csvLines([])).toBe('');
  });
});
