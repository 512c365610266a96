/**
 * Attachment scores as defined by the CoNLL 2018 shared-task evaluation script
 * (conll18_ud_eval.py) for gold tokenization: every syntactic word counts (punctuation included,
 * multi-word token lines and empty nodes excluded); UAS needs the right head; LAS the right head
 * and the right universal relation, i.e. the deprel part before any ':' subtype.
 */

export interface AttachmentCounts {
  words: number;
  uas: number;
  las: number;
  /** Exact full-label matches (subtypes included), reported alongside. */
  lasFull: number;
}

export function universalRelation(deprel: string): string {
  const i = deprel.indexOf(':');
  return i === -1 ? deprel : deprel.slice(0, i);
}

export function emptyCounts(): AttachmentCounts {
  return { words: 0, uas: 0, las: 0, lasFull: 0 };
}

/** Add one sentence; `gold` and `pred` are aligned word by word. */
export function addSentence(
  acc: AttachmentCounts,
  gold: { readonly head: readonly number[]; readonly deprel: readonly string[] },
  pred: { readonly head: readonly number[]; readonly deprel: readonly string[] },
): void {
  if (gold.head.length !== pred.head.length) throw new Error('gold and predicted sentences differ in length');
  for (let i = 0; i < gold.head.length; i++) {
    acc.words++;
    if (gold.head[i] !== pred.head[i]) continue;
    acc.uas++;
    const g = gold.deprel[i]!;
    const p = pred.deprel[i]!;
    if (universalRelation(g) === universalRelation(p)) acc.las++;
    if (g === p) acc.lasFull++;
  }
}

export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : (100 * part) / whole;
}
