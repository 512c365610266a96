import { withLayers, type Sentence, type Token } from '../../core/document.ts';
import { stageSource, type Stage } from '../../core/pipeline.ts';
import { splitSentences, tokenize } from './tokenize.ts';

/**
 * Tokens and sentences. The dateline (`meta.dateline`) is metadata spoken in the text: it is not
 * part of the first sentence, so sentences and tokens start after it.
 */
export const tokenizeStage: Stage = {
  name: 'tokenize',
  version: 1,
  requires: [],
  assigns: ['tokens', 'sentences'],
  run(doc) {
    const from = doc.meta.dateline?.end ?? 0;
    const spans = tokenize(doc.text, from);
    const sents = splitSentences(doc.text, spans);
    const source = stageSource(tokenizeStage);
    const tokens: Token[] = new Array(spans.length);
    const sentences: Sentence[] = sents.map((s, si) => {
      for (let t = s.tokenStart; t < s.tokenEnd; t++) tokens[t] = { start: spans[t]!.start, end: spans[t]!.end, sentence: si };
      return { start: s.start, end: s.end, source, tokenStart: s.tokenStart, tokenEnd: s.tokenEnd, paragraph: s.paragraph };
    });
    return withLayers(doc, { tokens, sentences });
  },
};
