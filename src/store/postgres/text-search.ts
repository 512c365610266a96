/**
 * User search text → a PostgreSQL `tsquery` with the same meaning as in the SQLite store: the input
 * goes through the shared `ftsQuery` (words and "quoted phrases", a trailing `*` for a prefix,
 * terms ANDed, every operator character dropped) and its terms become tsquery operands: a phrase is
 * `'a' <-> 'b'`, a prefix `'a':*`. Operands are plain letters and digits inside quotes, so no input
 * can change the query's structure; the result is still bound as a parameter of `to_tsquery`.
 *
 * The `simple` configuration (lower-casing, no stemming, no stop words) matches FTS5's unicode61
 * tokenizer; diacritics are removed on both sides in JavaScript (`foldDiacritics`) because the
 * `unaccent` extension cannot be assumed on a server.
 */
import { ftsQuery } from '../fts-query.ts';

export const TS_CONFIG = 'simple';

/** Lower-cased, compatibility-decomposed text without combining marks: `Zürich` → `zurich`. */
export function foldDiacritics(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '');
}

/** The text to index when it differs from the stored text (else null: index the stored column). */
export function indexText(text: string): string | null {
  const folded = foldDiacritics(text);
  return folded === text ? null : folded;
}

interface Term {
  readonly words: readonly string[];
  readonly prefix: boolean;
}

function terms(input: string): Term[] {
  const fts = ftsQuery(input);
  if (!fts) return [];
  const out: Term[] = [];
  for (const m of fts.matchAll(/"([^"]*)"(\*?)/g)) {
    const words = m[1]!.split(' ').filter(Boolean);
    if (words.length > 0) out.push({ words, prefix: m[2] === '*' });
  }
  return out;
}

function operand(word: string, fold: boolean, prefix: boolean): string {
  return `'${fold ? foldDiacritics(word.toLowerCase()) : word.toLowerCase()}'${prefix ? ':*' : ''}`;
}

function build(input: string, word: (w: string, prefix: boolean) => string): string | undefined {
  const ts = terms(input);
  if (ts.length === 0) return undefined;
  return ts
    .map((t) => (t.words.length === 1 ? word(t.words[0]!, t.prefix) : `(${t.words.map((w) => word(w, false)).join(' <-> ')})`))
    .join(' & ');
}

/** The tsquery text matching the folded index, or undefined when the input has no searchable word. */
export function tsQueryText(input: string): string | undefined {
  return build(input, (w, prefix) => operand(w, true, prefix));
}

/**
 * The tsquery for `ts_headline`, which parses the stored (unfolded) text: a word typed with
 * diacritics is looked for as typed and folded, so `Zürich` highlights `Zürich`.
 */
export function headlineQueryText(input: string): string | undefined {
  return build(input, (w, prefix) => {
    const plain = operand(w, false, prefix);
    const folded = operand(w, true, prefix);
    return plain === folded ? folded : `(${plain} | ${folded})`;
  });
}
