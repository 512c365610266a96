/**
 * CoNLL-U reading and writing (https://universaldependencies.org/format.html).
 * Multi-word token lines (`1-2`) and empty nodes (`1.1`) are kept verbatim in `extra` lines so a
 * file can be written back with only the predicted columns changed.
 */

export interface ConlluToken {
  id: number;
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  head: number;
  deprel: string;
  deps: string;
  misc: string;
}

export interface ConlluSentence {
  /** Comment lines, without the leading `# ` removed (kept verbatim). */
  comments: string[];
  tokens: ConlluToken[];
  /** Multi-word token and empty-node lines, keyed by the id of the word they precede. */
  extra: Map<number, string[]>;
  /** The `# text =` comment, if any. */
  text?: string;
  sentId?: string;
}

export function parseConllu(input: string): ConlluSentence[] {
  const sentences: ConlluSentence[] = [];
  let cur: ConlluSentence | null = null;
  const lines = input.split(/\r?\n/);
  for (const line of lines) {
    if (line.trim() === '') {
      if (cur && (cur.tokens.length > 0 || cur.comments.length > 0)) sentences.push(cur);
      cur = null;
      continue;
    }
    if (!cur) cur = { comments: [], tokens: [], extra: new Map() };
    if (line.startsWith('#')) {
      cur.comments.push(line);
      const m = /^#\s*text\s*=\s?(.*)$/.exec(line);
      if (m) cur.text = m[1];
      const s = /^#\s*sent_id\s*=\s?(.*)$/.exec(line);
      if (s) cur.sentId = s[1];
      continue;
    }
    const cols = line.split('\t');
    const id = cols[0] ?? '';
    if (id.includes('-') || id.includes('.')) {
      const before = id.includes('-') ? Number(id.split('-')[0]) : Math.floor(Number(id)) + 1;
      const list = cur.extra.get(before) ?? [];
      list.push(line);
      cur.extra.set(before, list);
      continue;
    }
    cur.tokens.push({
      id: Number(id),
      form: cols[1] ?? '_',
      lemma: cols[2] ?? '_',
      upos: cols[3] ?? '_',
      xpos: cols[4] ?? '_',
      feats: cols[5] ?? '_',
      head: cols[6] === undefined || cols[6] === '_' ? 0 : Number(cols[6]),
      deprel: cols[7] ?? '_',
      deps: cols[8] ?? '_',
      misc: cols[9] ?? '_',
    });
  }
  if (cur && (cur.tokens.length > 0 || cur.comments.length > 0)) sentences.push(cur);
  return sentences;
}

export function formatConllu(sentences: readonly ConlluSentence[]): string {
  const out: string[] = [];
  for (const s of sentences) {
    for (const c of s.comments) out.push(c);
    for (const t of s.tokens) {
      for (const x of s.extra.get(t.id) ?? []) out.push(x);
      out.push(
        [t.id, t.form, t.lemma, t.upos, t.xpos, t.feats, t.head, t.deprel, t.deps, t.misc].join('\t'),
      );
    }
    out.push('');
  }
  return out.join('\n') + (out.length ? '\n' : '');
}
