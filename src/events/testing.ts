/**
 * Hand-made documents for the event tests: text, tokens (optionally with tags and a dependency
 * parse written inline), entities by surface string, timexes and quotes. Only the layers the
 * events stage needs.
 */
import { createDocument, withLayers, type Document, type Entity, type EntityType, type MentionKind, type Quote, type Sentence, type Timex, type Token } from '../core/document.ts';

export interface ActorSpec {
  readonly text: string;
  readonly code: string;
  readonly type?: EntityType;
  readonly kind?: MentionKind;
  /** 1-based occurrence of `text` (all occurrences when absent). */
  readonly nth?: number;
  /** Entity id to share with another spec (several surfaces of one entity). */
  readonly id?: string;
  /** A code on these mentions themselves ("Serbian authorities" SRBGOV in the entity Serbia). */
  readonly mentionCode?: string;
}

export interface DocSpec {
  /** Sentences; a token may be written `word/UPOS/head/deprel[/XPOS]` (head 1-based, 0 = root) to give a parse. */
  readonly sentences: readonly string[];
  readonly actors?: readonly ActorSpec[];
  readonly timexes?: readonly { text: string; value: string; type?: Timex['type'] }[];
  readonly quotes?: readonly { text: string }[];
  readonly referenceDate?: string;
}

const TOKEN_RE = /[A-Za-z0-9]+(?:[-'’.][A-Za-z0-9]+)*|'s|n't|[^\sA-Za-z0-9]/g;

function findAll(text: string, needle: string): number[] {
  const out: number[] = [];
  let i = text.indexOf(needle);
  while (i >= 0) {
    const before = text[i - 1];
    const after = text[i + needle.length];
    if ((before === undefined || !/[A-Za-z0-9]/.test(before)) && (after === undefined || !/[A-Za-z0-9]/.test(after))) out.push(i);
    i = text.indexOf(needle, i + 1);
  }
  return out;
}

export function makeDoc(spec: DocSpec): Document {
  const parts: string[] = [];
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let text = '';
  spec.sentences.forEach((raw, si) => {
    if (si > 0) text += ' ';
    const sStart = text.length;
    const tokStart = tokens.length;
    const annotated = raw.includes('/');
    if (annotated) {
      const words = raw.split(/\s+/).filter((w) => w.length > 0);
      words.forEach((w, k) => {
        const [form = '', upos, head, deprel, xpos] = w.split('/');
        if (k > 0 && !/^[.,;:!?)'’”]$|^'s$|^n't$/.test(form)) text += ' ';
        const start = text.length;
        text += form;
        tokens.push({ start, end: text.length, ...(upos ? { upos } : {}), ...(xpos ? { xpos } : {}), ...(head !== undefined ? { head: Number(head) } : {}), ...(deprel ? { deprel } : {}), sentence: si });
      });
    } else {
      const base = text.length;
      text += raw;
      for (const m of raw.matchAll(TOKEN_RE)) tokens.push({ start: base + m.index!, end: base + m.index! + m[0].length, sentence: si });
    }
    parts.push(raw);
    sentences.push({ start: sStart, end: text.length, tokenStart: tokStart, tokenEnd: tokens.length });
  });
  const byId = new Map<string, Entity>();
  let n = 0;
  for (const a of spec.actors ?? []) {
    const id = a.id ?? `e${++n}`;
    const offsets = findAll(text, a.text);
    const chosen = a.nth ? offsets.slice(a.nth - 1, a.nth) : offsets;
    const prev = byId.get(id);
    const mentions = [...(prev?.mentions ?? []), ...chosen.map((o) => ({ start: o, end: o + a.text.length, kind: a.kind ?? 'name', ...(a.mentionCode ? { code: a.mentionCode } : {}) }))];
    byId.set(id, { id, name: prev?.name ?? a.text, type: prev?.type ?? a.type ?? 'GPE', code: prev?.code ?? a.code, mentions });
  }
  const timexes: Timex[] = (spec.timexes ?? []).map((t, i) => {
    const o = findAll(text, t.text)[0] ?? text.indexOf(t.text);
    return { id: `t${i + 1}`, start: o, end: o + t.text.length, type: t.type ?? 'DATE', value: t.value };
  });
  const quotes: Quote[] = (spec.quotes ?? []).map((q, i) => {
    const o = text.indexOf(q.text);
    return { id: `q${i + 1}`, kind: 'indirect', start: o, end: o + q.text.length };
  });
  const doc = createDocument({
    id: 'test',
    text,
    meta: spec.referenceDate ? { referenceDate: spec.referenceDate, referenceBasis: 'option' } : { referenceBasis: 'none' },
  });
  void parts;
  return withLayers(doc, { sentences, tokens, entities: [...byId.values()], timexes, quotes });
}
