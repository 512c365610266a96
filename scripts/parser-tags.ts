/**
 * Predicted POS tags for parser training/evaluation, from the project's shipped tagger
 * (src/language/tagger, loaded through its public `loadTagger()`).
 */
import type { TreebankSentence } from '../src/language/parser/train.ts';

export interface Tags {
  upos: string[];
  xpos: string[];
}

interface TaggerLike {
  tag(words: readonly string[]): { upos: string[]; xpos: string[] };
}

export async function loadProjectTagger(): Promise<TaggerLike> {
  const mod = (await import('../src/language/tagger/index.ts')) as Record<string, unknown>;
  const load = mod['loadTagger'];
  if (typeof load !== 'function') throw new Error('the tagger does not export loadTagger() yet');
  return (load as () => TaggerLike)();
}

export async function predictedTags(sents: readonly TreebankSentence[]): Promise<Tags[]> {
  const tagger = await loadProjectTagger();
  return sents.map((s) => {
    const r = tagger.tag(s.forms);
    return { upos: r.upos, xpos: r.xpos };
  });
}
