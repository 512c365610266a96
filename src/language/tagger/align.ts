/**
 * Evaluation helpers: character offsets of CoNLL-U words inside the sentence's `# text`, and the
 * overlap mapping used to compare another tokenization against gold tokens.
 */

import type { Span } from '../../core/document.ts';

/**
 * Offsets of `words` in `text`, found by walking both while skipping white space in the text.
 * Words of a multi-word token ("do" + "n't" in "don't") get their share of its characters.
 * Returns null when the words do not spell the text (rare annotation quirks).
 */
export function wordSpans(text: string, words: readonly string[], base = 0): Span[] | null {
  const spans: Span[] = [];
  let p = 0;
  for (const w of words) {
    while (p < text.length && /\s/.test(text[p]!)) p++;
    if (text.startsWith(w, p)) {
      spans.push({ start: base + p, end: base + p + w.length });
      p += w.length;
      continue;
    }
    // Tolerate quote/apostrophe variants and case differences inside the match.
    const seg = text.slice(p, p + w.length);
    if (seg.length === w.length && fold(seg) === fold(w)) {
      spans.push({ start: base + p, end: base + p + w.length });
      p += w.length;
      continue;
    }
    return null;
  }
  return spans;
}

function fold(s: string): string {
  return s.toLowerCase().replace(/[‘’`´]/g, "'").replace(/[“”]/g, '"');
}

/**
 * For each gold span, the index of the predicted span that best represents it: one starting at
 * the same offset, else the first one overlapping it, else -1.
 */
export function mapSpans(gold: readonly Span[], pred: readonly Span[]): number[] {
  const out: number[] = [];
  let k = 0;
  for (const g of gold) {
    while (k < pred.length && pred[k]!.end <= g.start) k++;
    let pick = -1;
    for (let j = k; j < pred.length && pred[j]!.start < g.end; j++) {
      if (pred[j]!.start === g.start) {
        pick = j;
        break;
      }
      if (pick < 0 && pred[j]!.end > g.start) pick = j;
    }
    out.push(pick);
  }
  return out;
}

/** Precision, recall and F1 of exact span matches. */
export function spanF1(gold: readonly Span[], pred: readonly Span[]): { p: number; r: number; f1: number; tp: number } {
  const key = (s: Span): string => `${s.start}:${s.end}`;
  const g = new Set(gold.map(key));
  let tp = 0;
  for (const s of pred) if (g.has(key(s))) tp++;
  const p = pred.length ? tp / pred.length : 0;
  const r = gold.length ? tp / gold.length : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, tp };
}
