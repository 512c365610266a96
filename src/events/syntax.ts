/**
 * A sentence seen by the event coder: its tokens with upper-case forms, POS, and — when the parse is
 * there — 0-based heads and children. Everything the coder asks of the syntax goes through here, so
 * that the dependency path and the shallow path share one view.
 */
import type { Document, Token } from '../core/document.ts';

export interface SentenceView {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly tokens: readonly Token[];
  /** Surface forms as written. */
  readonly raw: readonly string[];
  /** Upper-case surface forms. */
  readonly upper: readonly string[];
  /** Upper-case lemmas (the surface when no lemma is given). */
  readonly lemma: readonly string[];
  readonly upos: readonly (string | undefined)[];
  readonly hasPos: boolean;
  readonly hasDeps: boolean;
  /** 0-based head index within the sentence, -1 for the root (only when `hasDeps`). */
  readonly head: readonly number[];
  readonly deprel: readonly string[];
  readonly children: readonly (readonly number[])[];
}

export function sentenceView(doc: Document, index: number): SentenceView {
  const s = doc.sentences[index]!;
  let tokens: readonly Token[];
  if (s.tokenStart !== undefined && s.tokenEnd !== undefined) tokens = doc.tokens.slice(s.tokenStart, s.tokenEnd);
  else tokens = doc.tokens.filter((t) => t.start >= s.start && t.end <= s.end);
  const n = tokens.length;
  const raw = tokens.map((t) => doc.text.slice(t.start, t.end));
  const upper = raw.map((r) => r.toUpperCase().replace(/[’‘]/g, "'"));
  const lemma = tokens.map((t, i) => (t.lemma ? t.lemma.toUpperCase() : upper[i]!));
  const upos = tokens.map((t) => t.upos);
  const hasPos = n > 0 && tokens.every((t) => t.upos !== undefined);
  // The parser is trained on tagged text: a parse without tags is not trusted (the shallow path is used).
  const hasDeps = hasPos && tokens.every((t) => t.head !== undefined && t.deprel !== undefined && t.head >= 0 && t.head <= n);
  const head = hasDeps ? tokens.map((t) => (t.head ?? 0) - 1) : [];
  const deprel = hasDeps ? tokens.map((t) => t.deprel ?? 'dep') : [];
  const children: number[][] = tokens.map(() => []);
  if (hasDeps) head.forEach((h, i) => {
    if (h >= 0 && h !== i) children[h]!.push(i);
  });
  return { index, start: s.start, end: s.end, tokens, raw, upper, lemma, upos, hasPos, hasDeps, head, deprel, children };
}

/** The base relation (`nsubj:pass` → `nsubj`). */
export function baseRel(rel: string): string {
  const colon = rel.indexOf(':');
  return colon < 0 ? rel : rel.slice(0, colon);
}

/** Children of `i` with one of the relations (exact or base match). */
export function childrenWith(v: SentenceView, i: number, rels: readonly string[]): number[] {
  return (v.children[i] ?? []).filter((c) => rels.includes(v.deprel[c]!) || rels.includes(baseRel(v.deprel[c]!)));
}

/** Token indices of the subtree of `i` (including `i`), in order, leaving out the direct children of `i` whose relation is in `skip`. */
export function subtree(v: SentenceView, i: number, skip: readonly string[] = []): number[] {
  const out: number[] = [i];
  const seen = new Set<number>([i]);
  const stack = (v.children[i] ?? []).filter((c) => !skip.includes(v.deprel[c]!) && !skip.includes(baseRel(v.deprel[c]!)));
  while (stack.length > 0) {
    const k = stack.pop()!;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(k);
    for (const c of v.children[k] ?? []) stack.push(c);
  }
  return out.sort((a, b) => a - b);
}

/** Character span of a set of token indices. */
export function tokenSpan(v: SentenceView, idx: readonly number[]): { start: number; end: number } | null {
  if (idx.length === 0) return null;
  let start = Infinity;
  let end = -Infinity;
  for (const i of idx) {
    const t = v.tokens[i]!;
    if (t.start < start) start = t.start;
    if (t.end > end) end = t.end;
  }
  return { start, end };
}

export function isVerbTag(tag: string | undefined): boolean {
  return tag === 'VERB';
}

const PUNCT_BOUNDARY = new Set([';', ':', '–', '—', '-', '(', ')', '"', '“', '”', '«', '»', '--']);

/** Is token `i` a clause boundary for the shallow path? */
export function isBoundary(v: SentenceView, i: number): boolean {
  const u = v.upper[i]!;
  if (PUNCT_BOUNDARY.has(u)) return true;
  if (u === ',') {
    const next = v.upper[i + 1];
    return next !== undefined && ['WHICH', 'WHO', 'WHILE', 'BUT', 'WHEREAS', 'ALTHOUGH', 'THOUGH', 'AFTER', 'BEFORE', 'SAID', 'ACCORDING', 'WHEN', 'AS', 'SAYING', 'CITING', 'IF', 'UNLESS', 'ASSUMING', 'PROVIDED'].includes(next);
  }
  return false;
}

/** The shallow clause around token `i`: [first, last] token indices between boundaries. */
export function shallowClause(v: SentenceView, i: number): { first: number; last: number } {
  let first = i;
  while (first > 0 && !isBoundary(v, first - 1)) first -= 1;
  let last = i;
  while (last < v.tokens.length - 1 && !isBoundary(v, last + 1)) last += 1;
  return { first, last };
}

/** Prepositions, for texts without POS tags. */
export const PREPOSITIONS: ReadonlySet<string> = new Set([
  'OF', 'IN', 'ON', 'AT', 'FOR', 'WITH', 'FROM', 'BY', 'AGAINST', 'INTO', 'ONTO', 'OVER', 'UNDER', 'BETWEEN', 'AMONG',
  'DURING', 'AFTER', 'BEFORE', 'ABOUT', 'TOWARD', 'TOWARDS', 'THROUGH', 'ACROSS', 'WITHOUT', 'WITHIN', 'NEAR', 'UPON',
  'DESPITE', 'SINCE', 'UNTIL', 'AROUND', 'BEYOND', 'OUTSIDE', 'INSIDE', 'ALONG', 'AMID', 'VIA', 'PER',
]);

/** Is token `i` a preposition (by tag when tagged, by word otherwise; particles excepted)? */
export function isPreposition(v: SentenceView, i: number): boolean {
  if (v.hasPos) return v.upos[i] === 'ADP' && v.tokens[i]!.xpos !== 'RP';
  return PREPOSITIONS.has(v.upper[i]!);
}
