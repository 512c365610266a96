import type { Document, Span } from '../core/document.ts';
import type { Cue } from './cues.ts';
import type { MarkedSpan } from './marks.ts';
import { buildSyntax, type Syntax } from './syntax.ts';

/** Sentences and paragraphs the extractors work with (from the layers, or a fallback split). */
export interface TextContext {
  readonly text: string;
  readonly sentences: readonly (Span & { readonly paragraph: number })[];
  readonly marked: readonly MarkedSpan[];
  /** Tagger and parser annotations by offset (empty view when the layers are absent). */
  readonly syn: Syntax;
}

/** A proposed attribution before refinement. */
export interface Candidate {
  kind: 'direct' | 'indirect' | 'mixed';
  content: Span;
  cue?: Cue;
  speakerMention?: Span;
  anonymous?: boolean;
  continuation?: boolean;
  confidence: number;
  /** Which sieve produced the attribution (kept for debugging and tests, not serialized). */
  via: string;
  marked?: MarkedSpan;
}

function fallbackSentences(text: string): (Span & { paragraph: number })[] {
  const out: (Span & { paragraph: number })[] = [];
  let paragraph = -1;
  for (const para of text.matchAll(/[^\n]+/g)) {
    if (!para[0].trim()) continue;
    paragraph++;
    const base = para.index!;
    const re = /[^.!?]+(?:[.!?]+["”’»]?|$)/g;
    for (const m of para[0].matchAll(re)) {
      const s = base + m.index!;
      const e = s + m[0].length;
      const lead = m[0].length - m[0].trimStart().length;
      if (m[0].trim()) out.push({ start: s + lead, end: e, paragraph });
    }
  }
  return out;
}

export function buildContext(doc: Document, marked: readonly MarkedSpan[]): TextContext {
  const text = doc.text;
  let sentences: (Span & { paragraph: number })[];
  if (doc.sentences.length) {
    // The paragraph index comes from the tokenizer when it set one; otherwise from blank lines.
    sentences = doc.sentences.map((s) => ({ start: s.start, end: s.end, paragraph: s.paragraph ?? paragraphIndex(text, s.start) }));
  } else sentences = fallbackSentences(text);
  return { text, sentences, marked, syn: buildSyntax(doc) };
}

function paragraphIndex(text: string, pos: number): number {
  let n = 0;
  for (let i = 0; i < pos; i++) if (text[i] === '\n' && i + 1 < text.length && text[i + 1] !== '\n') n++;
  return n;
}

/** Index of the sentence containing `pos`, or of the nearest sentence before it. */
export function sentenceIndexAt(ctx: TextContext, pos: number): number {
  let lo = 0;
  let hi = ctx.sentences.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.sentences[mid]!.start <= pos) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
