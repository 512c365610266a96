import type { Document, Span, Token } from '../core/document.ts';

/**
 * Read access to the tagger's and parser's token annotations (UPOS, lemma, head, deprel) by character
 * offset. Every accessor answers `undefined` when the layer lacks the information, so the extractors can
 * fall back to text patterns: the quotes stage must work on a bare tokenized document too.
 */
export interface Syntax {
  /** True when tokens carry UPOS tags. */
  readonly tagged: boolean;
  /** True when tokens carry dependency heads. */
  readonly parsed: boolean;
  /** Index (into doc.tokens) of the token that starts at or covers `pos`, or -1. */
  tokenAt(pos: number): number;
  token(i: number): Token | undefined;
  /** Absolute token index of token i's head, -1 for the root, undefined without a parse. */
  headOf(i: number): number | undefined;
  /** Absolute indices of token i's dependents, in order. */
  dependents(i: number): readonly number[];
  /** The character span of the subtree of token i, optionally leaving out some dependency relations. */
  subtreeSpan(i: number, skip?: ReadonlySet<string>): Span;
}

/** The view of a document without tagger or parser annotations. */
export const NO_SYNTAX: Syntax = {
  tagged: false,
  parsed: false,
  tokenAt: () => -1,
  token: () => undefined,
  headOf: () => undefined,
  dependents: () => [],
  subtreeSpan: () => ({ start: 0, end: 0 }),
};

/** Build the syntax view of a document (cheap: one pass over the tokens, lazily for dependents). */
export function buildSyntax(doc: Document): Syntax {
  const tokens = doc.tokens;
  if (!tokens.length) return NO_SYNTAX;
  const tagged = tokens.some((t) => t.upos !== undefined);
  // Sentence start token index for each token, to turn 1-based in-sentence heads into absolute indices.
  const sentStart = new Int32Array(tokens.length).fill(-1);
  for (const s of doc.sentences) {
    if (s.tokenStart === undefined || s.tokenEnd === undefined) continue;
    for (let i = s.tokenStart; i < s.tokenEnd && i < tokens.length; i++) sentStart[i] = s.tokenStart;
  }
  // A parse over untagged tokens is not trusted (the parser relies on the tagger's features).
  const parsed = tagged && tokens.some((t, i) => t.head !== undefined && sentStart[i]! >= 0);
  let deps: number[][] | undefined;
  const headOf = (i: number): number | undefined => {
    const t = tokens[i];
    if (!t || t.head === undefined || sentStart[i]! < 0) return undefined;
    return t.head === 0 ? -1 : sentStart[i]! + t.head - 1;
  };
  const dependents = (i: number): readonly number[] => {
    if (!parsed) return [];
    if (!deps) {
      deps = tokens.map(() => []);
      for (let k = 0; k < tokens.length; k++) {
        const h = headOf(k);
        if (h !== undefined && h >= 0 && h < tokens.length) deps[h]!.push(k);
      }
    }
    return deps[i] ?? [];
  };
  // The token at each character offset, filled on first use: the extractors look up the token of
  // nearly every word they inspect. Same answer as the binary search below when starts are sorted.
  let byOffset: Int32Array | undefined;
  const sorted = tokens.every((t, i) => i === 0 || t.start >= tokens[i - 1]!.start);
  const tokenAt = (pos: number): number => {
    if (sorted && pos >= 0 && pos < doc.text.length) {
      if (!byOffset) {
        byOffset = new Int32Array(doc.text.length).fill(-1);
        for (let i = 0; i < tokens.length; i++) {
          // Offsets from the next token's start on belong to it (or to nothing) in the binary search.
          const stop = Math.min(tokens[i]!.end, tokens[i + 1]?.start ?? Infinity, doc.text.length);
          for (let p = Math.max(0, tokens[i]!.start); p < stop; p++) byOffset[p] = i;
        }
      }
      return byOffset[pos]!;
    }
    let lo = 0;
    let hi = tokens.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid]!.start <= pos) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best >= 0 && pos < tokens[best]!.end ? best : -1;
  };
  const subtreeSpan = (i: number, skip?: ReadonlySet<string>): Span => {
    let start = tokens[i]!.start;
    let end = tokens[i]!.end;
    const stack = [i];
    const seen = new Set<number>([i]);
    while (stack.length) {
      const k = stack.pop()!;
      for (const d of dependents(k)) {
        if (seen.has(d)) continue;
        seen.add(d);
        const rel = tokens[d]!.deprel ?? '';
        if (skip && (skip.has(rel) || skip.has(rel.split(':')[0]!))) continue;
        start = Math.min(start, tokens[d]!.start);
        end = Math.max(end, tokens[d]!.end);
        stack.push(d);
      }
    }
    return { start, end };
  };
  return { tagged, parsed, tokenAt, token: (i) => tokens[i], headOf, dependents, subtreeSpan };
}

/** UPOS of the word at `pos`, when tagged. */
export function uposAt(syn: Syntax, pos: number): string | undefined {
  const i = syn.tokenAt(pos);
  return i >= 0 ? syn.token(i)?.upos : undefined;
}

/** Lemma of the word at `pos`, lower-cased, when the tagger gave one. */
export function lemmaAt(syn: Syntax, pos: number): string | undefined {
  const i = syn.tokenAt(pos);
  const l = i >= 0 ? syn.token(i)?.lemma : undefined;
  return l ? l.toLowerCase() : undefined;
}

const SUBJECT_RELS = new Set(['nsubj', 'nsubj:pass', 'csubj']);
/** Relations inside a subject noun phrase that are not part of the minimal mention. */
const MENTION_SKIP = new Set(['acl', 'acl:relcl', 'appos', 'punct', 'parataxis', 'advcl', 'conj', 'cc', 'dep']);

/**
 * The subject of a cue verb from the parse: the nsubj dependent's phrase, without relative clauses and
 * appositions; when the subject is a description with a proper-name apposition (“the minister, Ana Lopez,”)
 * or a name with a descriptive apposition (“Ana Lopez, the minister,”), the name. A coordinated cue
 * (“X announced … and said”) takes the subject of the verb it is coordinated with.
 */
export function parsedSubject(syn: Syntax, cueToken: number): Span | undefined {
  if (!syn.parsed) return undefined;
  let verb = cueToken;
  for (let hop = 0; hop < 3; hop++) {
    // The subject nearest the verb (a misparse may give a preceding time phrase the nsubj label too).
    const subjs = syn.dependents(verb).filter((d) => SUBJECT_RELS.has(syn.token(d)?.deprel ?? ''));
    const before = subjs.filter((d) => d < verb);
    const subj = before.length ? before[before.length - 1] : subjs[0];
    if (subj !== undefined) {
      const t = syn.token(subj);
      const upos = t?.upos;
      // A relative pronoun (“police, who said”) stands for the noun its clause modifies.
      if (upos === 'PRON' && /^(?:who|which|that)$/i.test(t?.lemma ?? '') && syn.token(verb)?.deprel?.startsWith('acl')) {
        const h = syn.headOf(verb);
        return h !== undefined && h >= 0 ? mentionFromHead(syn, h) : undefined;
      }
      return upos === 'NOUN' || upos === 'PROPN' || upos === 'PRON' || upos === 'NUM' ? mentionFromHead(syn, subj) : undefined;
    }
    const rel = syn.token(verb)?.deprel ?? '';
    const h = syn.headOf(verb);
    // Only follow conj (shared subject) and xcomp/ccomp chains do not share subjects.
    if (rel !== 'conj' || h === undefined || h < 0) return undefined;
    verb = h;
  }
  return undefined;
}

/** The minimal mention headed by token `head`, preferring a proper-name apposition over a description. */
export function mentionFromHead(syn: Syntax, head: number): Span {
  const t = syn.token(head)!;
  const appos = syn.dependents(head).filter((d) => syn.token(d)?.deprel === 'appos');
  if (t.upos !== 'PROPN' && t.upos !== 'PRON') {
    const name = appos.find((d) => syn.token(d)?.upos === 'PROPN');
    if (name !== undefined) return syn.subtreeSpan(name, MENTION_SKIP);
  }
  return syn.subtreeSpan(head, MENTION_SKIP);
}

/** Whether a cue verb has a clausal complement (ccomp/parataxis) in the parse; undefined without a parse. */
export function hasClausalComplement(syn: Syntax, cueToken: number): boolean | undefined {
  if (!syn.parsed) return undefined;
  return syn.dependents(cueToken).some((d) => /^(?:ccomp|parataxis|xcomp)/.test(syn.token(d)?.deprel ?? ''));
}

/** The head token of a span: the token whose head lies outside the span (parse), else undefined. */
export function headTokenOf(syn: Syntax, span: Span): number | undefined {
  if (!syn.parsed) return undefined;
  const first = syn.tokenAt(span.start);
  if (first < 0) return undefined;
  for (let i = first; ; i++) {
    const t = syn.token(i);
    if (!t || t.start >= span.end) break;
    const h = syn.headOf(i);
    if (h === undefined) return undefined;
    const ht = h >= 0 ? syn.token(h) : undefined;
    if (!ht || ht.start < span.start || ht.end > span.end) return i;
  }
  return undefined;
}
