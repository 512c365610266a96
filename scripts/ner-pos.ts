/**
 * Optional predicted-POS source for NER training/evaluation: the project's tagger
 * (src/language/tagger/index.ts, `loadTagger().tag(words)`), imported only when asked for.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type UposTagger = (words: readonly string[]) => string[];

interface TaggerModule {
  loadTagger(): { tag(words: readonly string[]): { upos: readonly string[] } };
}

export async function loadUposTagger(): Promise<UposTagger> {
  const url = new URL('../src/language/tagger/index.ts', import.meta.url);
  if (!existsSync(fileURLToPath(url))) throw new Error('--pos: src/language/tagger/index.ts is not available yet');
  const mod = (await import(url.href)) as TaggerModule;
  const tagger = mod.loadTagger();
  return (words) => [...tagger.tag(words).upos];
}
