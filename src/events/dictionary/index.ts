/**
 * The event lexicon: the CAMEO verb dictionary as shipped (PETRARCH format), dateline's supplement
 * in the same format, the event-noun dictionary, and the composition rules. Users add their own
 * dictionaries in the same format through `loadLexicon({ verbFiles, nounFiles })`.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../paths.ts';
import { emptyDictionary, readDictionary, type Dictionary } from './petrarch.ts';
import { emptyComposeRules, readComposeRules, type ComposeRules } from './compose.ts';

export interface Lexicon {
  readonly verbs: Dictionary;
  readonly nouns: Dictionary;
  readonly compose: ComposeRules;
}

export const DEFAULT_VERB_FILES: readonly string[] = Object.freeze([
  dataPath('cameo/CAMEO.2.0.txt'),
  dataPath('events/verbs.supplement.txt'),
]);
export const DEFAULT_NOUN_FILES: readonly string[] = Object.freeze([dataPath('events/nouns.txt')]);
export const DEFAULT_COMPOSE_FILES: readonly string[] = Object.freeze([dataPath('events/compose.txt')]);

export interface LexiconOptions {
  /** Extra verb dictionaries (PETRARCH format), read after the default ones. */
  readonly verbFiles?: readonly string[];
  /** Extra event-noun dictionaries (same format), read after the default one. */
  readonly nounFiles?: readonly string[];
  readonly composeFiles?: readonly string[];
}

/** Build a lexicon from dictionary texts (used by tests and by `loadLexicon`). */
export function buildLexicon(texts: {
  verbs: readonly { name: string; text: string }[];
  nouns: readonly { name: string; text: string }[];
  compose: readonly string[];
}): Lexicon {
  const verbs = emptyDictionary('verb');
  for (const f of texts.verbs) readDictionary(verbs, f.text, f.name);
  const nouns = emptyDictionary('noun');
  // Noun patterns may use the verb dictionary's synsets (&MILITARY, &WEAPON…).
  for (const [k, v] of verbs.synsets) nouns.synsets.set(k, v);
  for (const f of texts.nouns) readDictionary(nouns, f.text, f.name);
  const compose = emptyComposeRules();
  for (const t of texts.compose) readComposeRules(compose, t);
  return { verbs, nouns, compose };
}

const cache = new Map<string, Lexicon>();

/** Load (once per set of files) the lexicon from disk. */
export function loadLexicon(options: LexiconOptions = {}): Lexicon {
  const verbFiles = [...DEFAULT_VERB_FILES, ...(options.verbFiles ?? [])];
  const nounFiles = [...DEFAULT_NOUN_FILES, ...(options.nounFiles ?? [])];
  const composeFiles = [...DEFAULT_COMPOSE_FILES, ...(options.composeFiles ?? [])];
  const key = JSON.stringify([verbFiles, nounFiles, composeFiles]);
  let lex = cache.get(key);
  if (!lex) {
    const read = (p: string): { name: string; text: string } => ({ name: p.split('/').pop() ?? p, text: readFileSync(p, 'utf8') });
    lex = buildLexicon({
      verbs: verbFiles.map(read),
      nouns: nounFiles.map(read),
      compose: composeFiles.map((p) => readFileSync(p, 'utf8')),
    });
    cache.set(key, lex);
  }
  return lex;
}
