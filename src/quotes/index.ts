import type { Document, Quote } from '../core/document.ts';

export { extractQuotes } from './extract.ts';
export { quotesStage } from './stage.ts';

/**
 * The quotation whose content contains offset `pos` (the innermost when several do), or undefined.
 * The events stage uses it to mark events known only from someone's statement.
 * @example quoteAt(doc, event.trigger.start)?.id // 'q3'
 */
export function quoteAt(doc: Pick<Document, 'quotes'>, pos: number): Quote | undefined {
  let best: Quote | undefined;
  for (const q of doc.quotes) {
    if (pos >= q.start && pos < q.end && (!best || q.end - q.start < best.end - best.start)) best = q;
  }
  return best;
}

/** The quotation whose content contains the whole span [start, end), or undefined. */
export function quoteCovering(doc: Pick<Document, 'quotes'>, start: number, end: number): Quote | undefined {
  let best: Quote | undefined;
  for (const q of doc.quotes) {
    if (start >= q.start && end <= q.end && (!best || q.end - q.start < best.end - best.start)) best = q;
  }
  return best;
}
