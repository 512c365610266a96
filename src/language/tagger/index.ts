/**
 * Public entry point of the POS tagger and lemmatizer: `loadTagger()` loads the shipped model
 * once (lazily) and returns a tagger that maps a tokenized sentence to UPOS, XPOS and lemmas.
 */

import { readFileSync } from 'node:fs';
import { DatelineError } from '../../core/errors.ts';
import { decodeLemmatizer, Lemmatizer } from '../lemma/index.ts';
import { decodeTagger, TaggerCore } from './model.ts';

export interface TagResult {
  readonly upos: string[];
  readonly xpos: string[];
  readonly lemma: string[];
}

export interface Tagger {
  tag(words: readonly string[]): TagResult;
  /** Model metadata (version, training data, dev scores). */
  readonly info: Readonly<Record<string, unknown>>;
}

const MODEL_DIR = new URL('./model/', import.meta.url);

class ShippedTagger implements Tagger {
  private readonly core: TaggerCore;
  private readonly lemmatizer: Lemmatizer;
  /** form → lemma per tag id; most tokens are frequent words, so this saves string building. */
  private cache = new Map<string, (string | undefined)[]>();
  readonly info: Readonly<Record<string, unknown>>;

  constructor(core: TaggerCore, lemmatizer: Lemmatizer) {
    this.core = core;
    this.lemmatizer = lemmatizer;
    this.info = core.parts.info;
  }

  tag(words: readonly string[]): TagResult {
    const ids = this.core.tagIds(words);
    const n = words.length;
    const upos = new Array<string>(n);
    const xpos = new Array<string>(n);
    const lemma = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const id = ids[i]!;
      upos[i] = this.core.upos[id]!;
      xpos[i] = this.core.xpos[id]!;
      lemma[i] = this.lemmaOf(words[i]!, id);
    }
    return { upos, xpos, lemma };
  }

  private lemmaOf(word: string, id: number): string {
    let row = this.cache.get(word);
    if (row === undefined) {
      if (this.cache.size >= CACHE_LIMIT) this.cache = new Map();
      row = [];
      this.cache.set(word, row);
    }
    let lemma = row[id];
    if (lemma === undefined) {
      lemma = this.lemmatizer.lemma(word, this.core.upos[id]!, this.core.xpos[id]!);
      row[id] = lemma;
    }
    return lemma;
  }
}

const CACHE_LIMIT = 100_000;

let loaded: Tagger | null = null;

/** The shipped tagger, loaded on first call and shared afterwards. */
export function loadTagger(): Tagger {
  loaded ??= taggerFromFiles(MODEL_DIR);
  return loaded;
}

/** A tagger from model files `tagger.bin` and `lemma.bin` (or the given names) in `dir`. */
export function taggerFromFiles(dir: URL, taggerFile = 'tagger.bin', lemmaFile = 'lemma.bin'): Tagger {
  let taggerBytes: Buffer;
  let lemmaBytes: Buffer;
  try {
    taggerBytes = readFileSync(new URL(taggerFile, dir));
    lemmaBytes = readFileSync(new URL(lemmaFile, dir));
  } catch (err) {
    throw new DatelineError('E_IO', `tagger model files missing in ${dir.pathname}: ${String(err)}`);
  }
  return new ShippedTagger(new TaggerCore(decodeTagger(taggerBytes)), new Lemmatizer(decodeLemmatizer(lemmaBytes)));
}
