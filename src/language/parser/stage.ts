import { surface, withLayers, type Token } from '../../core/document.ts';
import type { Stage } from '../../core/pipeline.ts';
import { loadParser } from './io.ts';

/**
 * Dependency parsing per sentence: fills `head` (1-based within the sentence, 0 = root) and
 * `deprel` (UD relation with subtype) of every token. Uses the tagger's UPOS/XPOS when present;
 * without them the parser still runs, less accurately.
 */
export const parseStage: Stage = {
  name: 'parse',
  version: 1,
  requires: ['tokens', 'sentences'],
  uses: ['pos'],
  assigns: ['deps'],
  run(doc) {
    if (doc.tokens.length === 0 || doc.sentences.length === 0) return doc;
    const parser = loadParser();
    const tokens: Token[] = doc.tokens.slice();
    let changed = false;
    for (const s of doc.sentences) {
      const start = s.tokenStart;
      const end = s.tokenEnd;
      if (start === undefined || end === undefined || end <= start) continue;
      const forms: string[] = [];
      const upos: (string | undefined)[] = [];
      const xpos: (string | undefined)[] = [];
      for (let i = start; i < end; i++) {
        const t = doc.tokens[i]!;
        forms.push(surface(doc, t));
        upos.push(t.upos);
        xpos.push(t.xpos);
      }
      const r = parser.parse(forms, upos, xpos);
      for (let i = start; i < end; i++) {
        tokens[i] = withDeps(doc.tokens[i]!, r.head[i - start]!, r.deprel[i - start]!);
      }
      changed = true;
    }
    return changed ? withLayers(doc, { tokens }) : doc;
  },
};

/**
 * A copy of `t` with its head and relation. One fixed object shape (absent fields stay undefined
 * and are dropped by the serializer) keeps this monomorphic and far cheaper than a spread.
 */
function withDeps(t: Token, head: number, deprel: string): Token {
  return { start: t.start, end: t.end, upos: t.upos, xpos: t.xpos, lemma: t.lemma, head, deprel, sentence: t.sentence };
}
