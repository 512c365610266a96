import type { Span } from '../../core/document.ts';
import { ABBREVIATIONS, SENTENCE_OPENERS, TITLES } from './abbreviations.ts';

/**
 * Tokenizer and sentence splitter for news English, following UD English (EWT) conventions:
 * possessive `'s` and `n't` split (`can't` → `ca n't`), hyphenated compounds kept
 * (`500-personnel-strong`), abbreviations keep their period (`U.S.`, `Feb.`), quotes, brackets and
 * dashes are tokens of their own, URLs/e-mails and numbers (`1,000.5`, `2/12/2020`) stay whole.
 * Offsets map exactly back to the text.
 */

const OPENERS = new Set(['"', "'", '“', '‘', '«', '„', '‚', '(', '[', '{', '¿', '¡', '‹', '`']);
const CLOSERS = new Set(['"', "'", '”', '’', '»', ')', ']', '}', '›']);
const TRAILING = new Set([...CLOSERS, '.', ',', ';', ':', '!', '?', '…']);
const CURRENCY = new Set(['$', '£', '€', '¥', '₹', '#', '@']);
const FINAL = new Set(['.', '!', '?', '…', '...', '?!', '!?']);
const DASHES = /[–—―]|--/;
const URL_RE = /^(?:(?:https?|ftp):\/\/|www\.)\S+$|^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/i;
const NUMBER_RE = /^[+-]?\d[\d,.:/]*\d$|^\d$/;
const CLITIC_RE = /^(.+?)(n['’]t|['’](?:s|re|ve|ll|d|m|S|RE|VE|LL|D|M))$/;
const FUSED_RE = /^(?:(can)(not)|(gon|wan)(na)|(got)(ta))$/i;
const ACRONYM_RE = /^(?:[A-Za-z]\.){2,}$|^[A-Z]\.$/;

function isAbbreviation(word: string): boolean {
  // word includes its final period
  if (ACRONYM_RE.test(word)) return true;
  const bare = word.slice(0, -1).toLowerCase();
  return ABBREVIATIONS.has(bare) || TITLES.has(bare);
}

/** Split one whitespace-free chunk at `offset` into token spans, pushing onto `out`. */
function splitChunk(text: string, start: number, end: number, out: Span[]): void {
  let s = start;
  let e = end;
  const tail: Span[] = [];
  // Leading openers and currency symbols.
  while (s < e) {
    const ch = text[s]!;
    if (OPENERS.has(ch) || CURRENCY.has(ch)) {
      // `'90s`, `’til` keep their apostrophe
      if ((ch === "'" || ch === '’') && s + 1 < e && /[0-9a-z]/.test(text[s + 1]!) && !/['’"”]/.test(text.slice(s + 1, e))) break;
      if (CURRENCY.has(ch) && !(s + 1 < e && /\d/.test(text[s + 1]!))) {
        if (ch === '#' || ch === '@') break;
      }
      out.push({ start: s, end: s + 1 });
      s++;
    } else break;
  }
  // Trailing punctuation and closers, keeping abbreviation periods and ellipses.
  while (e > s) {
    const ch = text[e - 1]!;
    if (ch === '.' && text.slice(s, e).endsWith('...')) {
      if (e - 3 === s) break;
      tail.unshift({ start: e - 3, end: e });
      e -= 3;
      continue;
    }
    if (!TRAILING.has(ch) && ch !== '%') break;
    if (ch === '.') {
      const word = text.slice(s, e);
      if (e - 1 > s && isAbbreviation(word)) break;
      if (e - 1 === s) break;
    }
    if ((ch === "'" || ch === '’') && e - 1 > s) {
      // plural possessive `allies'` → `allies` `'`; but keep `rock'n'roll`-like inner apostrophes
      tail.unshift({ start: e - 1, end: e });
      e--;
      continue;
    }
    if (e - 1 === s && tail.length === 0 && out.length === 0) break;
    tail.unshift({ start: e - 1, end: e });
    e--;
  }
  if (e > s) splitCore(text, s, e, out);
  for (const t of tail) out.push(t);
}

/** Split the core of a chunk: URLs and numbers stay whole; dashes, slashes and clitics split. */
function splitCore(text: string, s: number, e: number, out: Span[]): void {
  const word = text.slice(s, e);
  if (URL_RE.test(word) || NUMBER_RE.test(word)) {
    out.push({ start: s, end: e });
    return;
  }
  // Em/en dashes and double hyphens inside a chunk separate words.
  const dash = DASHES.exec(word);
  if (dash && dash.index >= 0) {
    const ds = s + dash.index;
    const de = ds + dash[0].length;
    if (ds > s) splitCore(text, s, ds, out);
    out.push({ start: ds, end: de });
    if (de < e) splitChunk(text, de, e, out);
    return;
  }
  // `and/or`, `dpa/MIA` → three tokens (dates like 2/12/2020 were caught as numbers above).
  const slash = word.indexOf('/');
  if (slash > 0 && slash < word.length - 1) {
    splitCore(text, s, s + slash, out);
    out.push({ start: s + slash, end: s + slash + 1 });
    splitCore(text, s + slash + 1, e, out);
    return;
  }
  // UD English splits fused forms: cannot → can not, gonna → gon na, wanna → wan na, gotta → got ta.
  const fused = FUSED_RE.exec(word);
  if (fused) {
    const cut = s + (fused[1] ?? fused[3] ?? fused[5])!.length;
    out.push({ start: s, end: cut });
    out.push({ start: cut, end: e });
    return;
  }
  const m = CLITIC_RE.exec(word);
  if (m) {
    const clitic = m[2]!;
    let stemEnd = e - clitic.length;
    // can't → ca n't, won't → wo n't: UD keeps the n't together and the stem short
    if (/^n['’]t$/i.test(clitic) && stemEnd > s) {
      out.push({ start: s, end: stemEnd });
      out.push({ start: stemEnd, end: e });
      return;
    }
    if (stemEnd > s) {
      out.push({ start: s, end: stemEnd });
      out.push({ start: stemEnd, end: e });
      return;
    }
    stemEnd = e;
  }
  // Number followed by a unit-less percent/currency handled by trailing; plain word.
  out.push({ start: s, end: e });
}

/** Tokenize `text` (or the range [from, to)) into spans. */
export function tokenize(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  const re = /\S+/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    if (start >= to) break;
    const end = Math.min(start + m[0].length, to);
    const before = out.length;
    splitChunk(text, start, end, out);
    if (out.length === before) out.push({ start, end });
  }
  return out;
}

export interface SentenceSpan extends Span {
  /** Index of the first token. */
  readonly tokenStart: number;
  /** One past the last token. */
  readonly tokenEnd: number;
  readonly paragraph: number;
}

function startsLikeSentence(word: string): boolean {
  const c = word[0]!;
  return /[\p{Lu}\d"“‘'«„(\[¿¡]/u.test(c);
}

/**
 * Group tokens into sentences. A sentence ends at final punctuation (plus any closing quotes and
 * brackets after it) when the next token opens a sentence, and always at a paragraph break.
 */
export function splitSentences(text: string, tokens: readonly Span[]): SentenceSpan[] {
  const sentences: SentenceSpan[] = [];
  let first = 0;
  let paragraph = 0;
  const close = (endTok: number, nextParagraph: boolean): void => {
    if (endTok > first) {
      sentences.push({
        start: tokens[first]!.start,
        end: tokens[endTok - 1]!.end,
        tokenStart: first,
        tokenEnd: endTok,
        paragraph,
      });
    }
    first = endTok;
    if (nextParagraph) paragraph++;
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const next = tokens[i + 1];
    if (!next) break;
    const gap = text.slice(tok.end, next.start);
    const newlines = (gap.match(/\n/g) ?? []).length;
    if (newlines >= 2) {
      close(i + 1, true);
      continue;
    }
    const word = text.slice(tok.start, tok.end);
    const nextWord = text.slice(next.start, next.end);
    if (newlines === 1) {
      // A single line break ends a sentence unless the line was merely wrapped mid-sentence.
      const wrapped = /[\p{Ll},;:\-]$/u.test(word) && /^\p{Ll}/u.test(nextWord);
      if (!wrapped) {
        close(i + 1, true);
        continue;
      }
    }
    let isFinal = FINAL.has(word);
    if (!isFinal && word.endsWith('.') && word.length > 1) {
      // An abbreviation at the end of a sentence keeps its period: `in the U.S. The…`
      const bare = word.slice(0, -1).toLowerCase();
      isFinal = !TITLES.has(bare) && SENTENCE_OPENERS.has(nextWord);
    }
    if (!isFinal) continue;
    // Closing quotes and brackets right after the final mark belong to this sentence.
    let j = i + 1;
    while (j < tokens.length && CLOSERS.has(text.slice(tokens[j]!.start, tokens[j]!.end)) && tokens[j]!.start === tokens[j - 1]!.end) j++;
    const after = tokens[j];
    if (!after) break;
    const afterWord = text.slice(after.start, after.end);
    if (startsLikeSentence(afterWord) || /\n/.test(text.slice(tokens[j - 1]!.end, after.start))) {
      close(j, /\n\s*\n/.test(text.slice(tokens[j - 1]!.end, after.start)));
      i = j - 1;
    }
  }
  close(tokens.length, false);
  return sentences;
}
