/**
 * The text both databases index for search, and the words of a query, made by one function so that
 * SQLite's FTS5 and PostgreSQL's full-text search see exactly the same words.
 *
 * Neither engine folds accents the same way (SQLite's `lower` folds only ASCII; PostgreSQL's
 * `unaccent` is an extension a user's database may not have), and their tokenizers split
 * punctuation differently (PostgreSQL keeps `acme.com` or `jo@acme.com` as one token). So the
 * folding and splitting happen here: compatibility decomposition (NFKD), combining marks removed,
 * a few letters that do not decompose spelled out, lowercase, and everything that is not a letter
 * or an ASCII digit turned into a space. What is left is words of letters and digits separated by
 * single spaces, which both tokenizers split identically.
 */

// Letters NFKD leaves whole, spelled the way a person without the key would type them; and the Greek
// final sigma as σ (SQLite's tokenizer folds it so, PostgreSQL's does not: one spelling for both).
const SPELLED: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't', ŀ: 'l', ς: 'σ' };
const SPELLED_RE = new RegExp(`[${Object.keys(SPELLED).join('')}]`, 'g');

const NOT_ASCII = /[^\x00-\x7f]/;
const ASCII_SEPARATORS = /[^a-z0-9]+/g;

/** One field, folded: `Zoë Müller-Łukasz` -> `zoe muller lukasz`. */
export function foldText(text: string): string {
  // Plain ASCII (most names and emails): nothing to decompose, strip or spell out, so only the
  // lowercase and the separators are left to do — the same words, several times faster.
  if (!NOT_ASCII.test(text)) return text.toLowerCase().replace(ASCII_SEPARATORS, ' ').trim();
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(SPELLED_RE, (c) => SPELLED[c] ?? c)
    .replace(/[^\p{L}0-9]+/gu, ' ')
    .trim();
}

/**
 * A record's search text: its fields folded, the main one (its name) first — ranking reads a match
 * at the start as a match on the name. Empty fields are skipped.
 */
export function searchText(...fields: (string | null | undefined)[]): string {
  return fields
    .map((f) => (f ? foldText(f) : ''))
    .filter((f) => f !== '')
    .join(' ');
}

/** At most this many words of a query are used; more add cost and no precision. */
export const SEARCH_MAX_TERMS = 8;

/**
 * The words of a query, folded like the records, in order, without repeats: each must start a word
 * of a matching record. Empty when the query has no letters or digits.
 */
export function searchTerms(query: string): string[] {
  const words = foldText(query).split(' ').filter((w) => w !== '');
  return [...new Set(words)].slice(0, SEARCH_MAX_TERMS);
}

/** What each kind of record is found by, its name first. Every write of these fields writes this too. */
export const searchTextOf = {
  account: (r: { name: string; domain: string | null }) => searchText(r.name, r.domain),
  contact: (r: { name: string; email: string | null; title: string | null }) => searchText(r.name, r.email, r.title),
  opportunity: (r: { name: string }) => searchText(r.name),
  plan: (r: { title: string }) => searchText(r.title),
};
