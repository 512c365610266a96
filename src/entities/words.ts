import type { Document, Token } from '../core/document.ts';

/**
 * A matching unit: a token, or a piece of one. Tokens are split at inner hyphens ("US-led" → US, led)
 * and before a possessive ’s, so that dictionary matching does not depend on how the tokenizer
 * treated them. `token` is the index of the token in `doc.tokens`.
 */
export interface Word {
  readonly text: string;
  /** Upper case, curly apostrophes straightened: the dictionary key. */
  readonly key: string;
  readonly start: number;
  readonly end: number;
  readonly token: number;
  /** Index of the token within its sentence (0-based). */
  readonly tokenInSentence: number;
  readonly upos?: string;
  readonly lemma?: string;
  /** Document token index of the syntactic head; -1 for the root or when unknown. */
  readonly headToken: number;
  readonly deprel?: string;
  /** Starts with an upper-case letter (or is a capitalised acronym). */
  readonly cap: boolean;
  /** First word of the sentence (ignoring opening punctuation/quotes). */
  readonly initial: boolean;
  /** Possessive marker ('s, ’s, or a bare apostrophe after -s). */
  readonly possessive: boolean;
  readonly punct: boolean;
}

export function wordKey(text: string): string {
  const up = text.toUpperCase();
  return up.includes('’') || up.includes('‘') ? up.replace(/[’‘]/g, "'") : up;
}

const UPPER = /^\p{Lu}/u;
const PUNCT = /^[\p{P}\p{S}]+$/u;
const POSSESSIVE = /^['’]s?$/i;
const POSSESSIVE_TAIL = /^(.*\S)(['’]s)$/i;
const INNER_HYPHEN = /[\p{L}\p{N}]-[\p{L}\p{N}]/u;

/** What a word's text alone says (the regex tests, with plain-ASCII shortcuts). */
interface TextInfo {
  readonly key: string;
  readonly punct: boolean;
  readonly possessive: boolean;
  readonly cap: boolean;
}

function textInfo(text: string): TextInfo {
  const c = text.charCodeAt(0);
  const asciiAlnum = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  return {
    key: wordKey(text),
    // A word starting with an ASCII letter or digit is neither punctuation nor a possessive marker.
    punct: asciiAlnum ? false : PUNCT.test(text),
    possessive: text.length <= 2 && (c === 39 || c === 0x2019) ? POSSESSIVE.test(text) : false,
    cap: c >= 65 && c <= 90 ? true : asciiAlnum ? false : UPPER.test(text),
  };
}

/** Pushes a word; returns whether it counts as a non-punctuation word (for `initial`). */
function pushWord(
  out: Word[],
  text: string,
  start: number,
  token: Token,
  tokenIndex: number,
  tokenInSentence: number,
  headToken: number,
  initial: boolean,
): boolean {
  const info = textInfo(text);
  const punct = info.punct;
  const possessive = info.possessive;
  out.push({
    text,
    key: info.key,
    start,
    end: start + text.length,
    token: tokenIndex,
    tokenInSentence,
    ...(token.upos !== undefined ? { upos: token.upos } : {}),
    ...(token.lemma !== undefined ? { lemma: token.lemma } : {}),
    headToken,
    ...(token.deprel !== undefined ? { deprel: token.deprel } : {}),
    cap: info.cap,
    initial: initial && !punct,
    possessive,
    punct: punct && !possessive,
  });
  return !(punct && !possessive);
}

/** How a token splits into words: the body before a glued possessive, and whether it splits at hyphens. */
interface TokenSplit {
  readonly body: string;
  readonly hyphen: boolean;
}

const splitCache = new Map<string, TokenSplit>();

function tokenSplit(text: string): TokenSplit {
  // Most tokens have no hyphen and no glued possessive.
  const n = text.length;
  const last = text.charCodeAt(n - 1);
  const prev = text.charCodeAt(n - 2);
  if (text.indexOf('-') < 0 && !((last === 115 || last === 83) && (prev === 39 || prev === 0x2019))) return { body: text, hyphen: false };
  let x = splitCache.get(text);
  if (x === undefined) {
    // Possessive glued to the token ("Iraq’s").
    const poss = POSSESSIVE_TAIL.exec(text);
    const body = poss && poss[1]!.length > 0 && !/['’]/.test(poss[1]!.slice(-1)) ? poss[1]! : text;
    x = { body, hyphen: INNER_HYPHEN.test(body) };
    if (splitCache.size >= 100_000) splitCache.clear();
    splitCache.set(text, x);
  }
  return x;
}

/** The words of sentence `i` (see `Word`). */
export function sentenceWords(doc: Document, i: number): Word[] {
  const s = doc.sentences[i];
  if (!s) return [];
  let t0 = s.tokenStart;
  let t1 = s.tokenEnd;
  if (t0 === undefined || t1 === undefined) {
    // Sentences without token indices: find the tokens inside the sentence span.
    t0 = doc.tokens.findIndex((t) => t.start >= s.start);
    if (t0 < 0) return [];
    t1 = t0;
    while (t1 < doc.tokens.length && doc.tokens[t1]!.end <= s.end) t1++;
  }
  const out: Word[] = [];
  // `initial`: no non-punctuation word before it in the sentence.
  let seenWord = false;
  for (let ti = t0; ti < t1; ti++) {
    const tok = doc.tokens[ti]!;
    const head = tok.head !== undefined && tok.head > 0 ? t0 + tok.head - 1 : -1;
    const text = doc.text.slice(tok.start, tok.end);
    const inS = ti - t0;
    const { body, hyphen } = tokenSplit(text);
    if (hyphen) {
      let offset = 0;
      for (const part of body.split('-')) {
        if (part.length > 0) {
          if (pushWord(out, part, tok.start + offset, tok, ti, inS, head, !seenWord)) seenWord = true;
        }
        offset += part.length + 1;
      }
    } else {
      if (pushWord(out, body, tok.start, tok, ti, inS, head, !seenWord)) seenWord = true;
    }
    if (body !== text) {
      if (pushWord(out, text.slice(body.length), tok.start + body.length, tok, ti, inS, head, !seenWord)) seenWord = true;
    }
  }
  return out;
}
