import type { Document, Quote } from '../core/document.ts';
import { buildContext, type Candidate } from './context.ts';
import { attributeMarked } from './direct.ts';
import { proposeIndirect } from './indirect.ts';
import { findMarkedSpans } from './marks.ts';
import { indexWords } from './mentions.ts';
import { refine, toQuotes } from './refine.ts';

/**
 * Find the quotations of a document and attribute them (propose, then refine):
 * quotation marks and dashes propose direct quotes, reporting cues propose indirect ones,
 * the sieve attaches cue and speaker, and ordered refiners merge, filter and resolve.
 */
export function extractQuotes(doc: Document, source: string): Quote[] {
  indexWords(doc.text);
  const marked = findMarkedSpans(doc.text);
  const ctx = buildContext(doc, marked);
  const direct: Candidate[] = [];
  const unattributed: Candidate[] = [];
  for (const m of marked) {
    const c = attributeMarked(ctx, m);
    if (c) direct.push(c);
    else if (m.style !== 'dash') {
      unattributed.push({ kind: 'direct', content: { start: m.start, end: m.end }, marked: m, confidence: m.balanced ? 0.5 : 0.2, via: 'marks' });
    }
  }
  const indirect = proposeIndirect(ctx);
  return toQuotes(doc, ctx, refine(doc, ctx, direct, unattributed, indirect), source);
}
