import { withLayers, type Token } from '../../core/document.ts';
import type { Stage } from '../../core/pipeline.ts';
import { loadTagger, type Tagger } from './index.ts';

/**
 * Fills `upos`, `xpos` and `lemma` on every token, sentence by sentence (the tagger's context
 * never crosses a sentence boundary). Tokens outside any sentence are left untouched.
 */
export function makeTagStage(getTagger: () => Tagger = loadTagger): Stage {
  const stage: Stage = {
    name: 'tag',
    version: 1,
    requires: ['tokens', 'sentences'],
    uses: [],
    assigns: ['pos', 'lemma'],
    run(doc) {
      if (doc.tokens.length === 0) return doc;
      const tagger = getTagger();
      const tokens: Token[] = doc.tokens.slice();
      for (const s of doc.sentences) {
        const from = s.tokenStart;
        const to = s.tokenEnd;
        if (from === undefined || to === undefined || to <= from) continue;
        const words: string[] = new Array(to - from);
        for (let t = from; t < to; t++) words[t - from] = doc.text.slice(tokens[t]!.start, tokens[t]!.end);
        const r = tagger.tag(words);
        for (let t = from; t < to; t++) tokens[t] = withTags(tokens[t]!, r.upos[t - from]!, r.xpos[t - from]!, r.lemma[t - from]!);
      }
      return withLayers(doc, { tokens });
    },
  };
  return stage;
}

export const tagStage: Stage = makeTagStage();

/** A copy of `tok` with tags; a literal with fixed keys is much cheaper than a spread per token. */
function withTags(tok: Token, upos: string, xpos: string, lemma: string): Token {
  if (tok.head !== undefined || tok.deprel !== undefined) return { ...tok, upos, xpos, lemma };
  if (tok.sentence === undefined) return { start: tok.start, end: tok.end, upos, xpos, lemma };
  return { start: tok.start, end: tok.end, upos, xpos, lemma, sentence: tok.sentence };
}
