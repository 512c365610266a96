import type { Document } from './document.ts';

export interface SerializeOptions {
  /** Include the token layer (`--tokens`). */
  readonly tokens?: boolean;
}

/**
 * The public JSON form of a document (OUTPUT.md, `dateline.document/1`): internal index fields
 * are dropped, and tokens appear only when asked for.
 */
export function toJSON(doc: Document, options: SerializeOptions = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {
    schema: doc.schema,
    id: doc.id,
    text: doc.text,
    meta: doc.meta,
    sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end, ...(s.source ? { source: s.source } : {}) })),
  };
  if (options.tokens) {
    out.tokens = doc.tokens.map((t) => {
      const o: Record<string, unknown> = { start: t.start, end: t.end };
      if (t.upos !== undefined) o.upos = t.upos;
      if (t.xpos !== undefined) o.xpos = t.xpos;
      if (t.lemma !== undefined) o.lemma = t.lemma;
      if (t.head !== undefined) o.head = t.head;
      if (t.deprel !== undefined) o.deprel = t.deprel;
      return o;
    });
  }
  out.entities = doc.entities;
  out.timexes = doc.timexes;
  out.quotes = doc.quotes;
  out.events = doc.events;
  if (doc.errors && doc.errors.length > 0) out.errors = doc.errors;
  return out;
}
