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

function pushWord(
  out: Word[],
  text: string,
  start: number,
  token: Token,
  tokenIndex: number,
  tokenInSentence: number,
  headToken: number,
): void {
  const punct = PUNCT.test(text);
  const possessive = POSSESSIVE.test(text);
  const initial = !out.some((w) => !w.punct);
  out.push({
    text,
    key: wordKey(text),
    start,
    end: start + text.length,
    token: tokenIndex,
    tokenInSentence,
    ...(token.upos !== undefined ? { upos: token.upos } : {}),
    ...(token.lemma !== undefined ? { lemma: token.lemma } : {}),
    headToken,
    ...(token.deprel !== undefined ? { deprel: token.deprel } : {}),
    cap: UPPER.test(text),
    initial: initial && !punct,
    possessive,
    punct: punct && !possessive,
  });
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
  for (let ti = t0; ti < t1; ti++) {
    const tok = doc.tokens[ti]!;
    const head = tok.head !== undefined && tok.head > 0 ? t0 + tok.head - 1 : -1;
    const text = doc.text.slice(tok.start, tok.end);
    const inS = ti - t0;
    // Possessive glued to the token ("Iraq’s").
    const poss = /^(.*\S)(['’]s)$/i.exec(text);
    const body = poss && poss[1]!.length > 0 && !/['’]/.test(poss[1]!.slice(-1)) ? poss[1]! : text;
    if (/[\p{L}\p{N}]-[\p{L}\p{N}]/u.test(body)) {
      let offset = 0;
      for (const part of body.split('-')) {
        if (part.length > 0) pushWord(out, part, tok.start + offset, tok, ti, inS, head);
        offset += part.length + 1;
      }
    } else {
      pushWord(out, body, tok.start, tok, ti, inS, head);
    }
    if (body !== text) pushWord(out, text.slice(body.length), tok.start + body.length, tok, ti, inS, head);
  }
  return out;
}
