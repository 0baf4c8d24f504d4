import { describe, expect, it } from 'vitest';
import { foldText, searchTerms, searchText } from './search-text.js';

describe('search text', () => {
  it('folds accents and case so a plain keyboard finds the name', () => {
    expect(foldText('Zoë')).toBe('zoe');
    expect(foldText('Müller')).toBe('muller');
    expect(foldText('ÉLODIE Ångström')).toBe('elodie angstrom');
    expect(foldText('François Nuñez')).toBe('francois nunez');
  });

  it('folds plain ASCII text exactly as the full rule does (it takes a shorter way)', () => {
    // The full rule, written out: NFKD, marks dropped, lowercase, anything but letters and digits a space.
    const full = (t: string) => t.toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[^\p{L}0-9]+/gu, ' ').trim();
    const every = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).join('');
    const samples = [every, ` ${every} `, 'ACME Corp.', 'jo@acme.com', 'Deal 42, phase "2"', '  --  ', 'Q4-2026 / EMEA_Renewal', 'x\ty\r\nz', ''];
    for (let i = 0; i < 500; i += 1) samples.push(Array.from({ length: 1 + (i % 17) }, (_, k) => String.fromCharCode((i * 31 + k * 7919) % 128)).join(''));
    for (const t of samples) expect(foldText(t), JSON.stringify(t)).toBe(full(t));
    expect(foldText('ACME Corp.')).toBe('acme corp');
  });

  it('spells out letters that have no decomposition', () => {
    expect(foldText('Straße')).toBe('strasse');
    expect(foldText('Łódź')).toBe('lodz');
    expect(foldText('Søren Ærø')).toBe('soren aero');
    expect(foldText('Œuvre')).toBe('oeuvre');
    // Turkish dotted capital I lowercases to i + combining dot; the dot goes.
    expect(foldText('İstanbul')).toBe('istanbul');
    // The Greek final sigma is a sigma: SQLite's tokenizer folds it so and PostgreSQL's does not.
    expect(foldText('ΣΊΣΥΦΟΣ')).toBe('σισυφοσ');
    expect(foldText('σισυφος')).toBe('σισυφοσ');
  });

  it('turns punctuation into word breaks, the same way for both databases', () => {
    expect(foldText('jo.muller@acme-corp.com')).toBe('jo muller acme corp com');
    expect(foldText("O'Brien & Sons, Ltd.")).toBe('o brien sons ltd');
    expect(foldText('  Q3 — renewal  2026 ')).toBe('q3 renewal 2026');
  });

  it('keeps letters of other scripts and folds compatibility forms', () => {
    expect(foldText('Москва')).toBe('москва');
    expect(foldText('東京 Office')).toBe('東京 office');
    expect(foldText('ﬁnance ²')).toBe('finance 2');
  });

  it('puts the name first and skips empty fields', () => {
    expect(searchText('Zoë Adams', null, 'zoe@example.com', '', undefined, 'Head of IT')).toBe('zoe adams zoe example com head of it');
    expect(searchText('!!!', null)).toBe('');
  });
});

describe('search terms', () => {
  it('folds the query like the records', () => {
    expect(searchTerms('  ZOË  müller ')).toEqual(['zoe', 'muller']);
    expect(searchTerms('acme.com')).toEqual(['acme', 'com']);
  });

  it('drops repeats and has nothing to search for in punctuation alone', () => {
    expect(searchTerms('north north wind')).toEqual(['north', 'wind']);
    expect(searchTerms('—!?')).toEqual([]);
  });

  it('uses at most eight words', () => {
    expect(searchTerms('a b c d e f g h i j')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });
});
