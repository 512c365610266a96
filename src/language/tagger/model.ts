/**
 * The tagger proper: greedy left-to-right decoding with an averaged-perceptron model over joint
 * UPOS+XPOS tags, optionally followed by a second left-to-right pass that also sees the first
 * pass's predictions for the next two tokens. Also the model-file (de)serialization.
 */

import { decodeBundle, encodeBundle, requireArray, type NumericArray } from './bundle.ts';
import { FeatureExtractor, MAX_FEATURES, verbTransitions, type Lexicon } from './features.ts';
import { argmax, LinearModel, type LinearModelData } from './linear.ts';

export interface TaggerParts {
  /** Joint tags as "UPOS\tXPOS". */
  readonly tags: readonly string[];
  readonly lexicon: Lexicon;
  /** Exact form → tag id, for frequent words that (almost) always take one tag. */
  readonly tagdict: ReadonlyMap<string, number>;
  readonly pass1: LinearModel;
  readonly pass2: LinearModel | null;
  /** The first pass uses the small context feature set (it only feeds the second pass). */
  readonly pass1Lite: boolean;
  readonly info: Readonly<Record<string, unknown>>;
}

/** Decoding scratch space; one per tagger (tagging is synchronous, so this is safe). */
export class TaggerCore {
  readonly parts: TaggerParts;
  readonly nTags: number;
  readonly upos: readonly string[];
  readonly xpos: readonly string[];
  private readonly fx: FeatureExtractor;
  private readonly feats = new Int32Array(MAX_FEATURES);
  private readonly scores: Int32Array;
  private readonly verbKind: Uint8Array;
  private first = new Int32Array(64);
  private readonly cache1 = new Map<string, Int32Array>();
  private readonly cache2 = new Map<string, Int32Array>();

  constructor(parts: TaggerParts) {
    this.parts = parts;
    this.nTags = parts.tags.length;
    this.upos = parts.tags.map((t) => t.split('\t')[0]!);
    this.xpos = parts.tags.map((t) => t.split('\t')[1]!);
    this.fx = new FeatureExtractor(parts.lexicon, parts.info['clauseFeatures'] === true);
    this.scores = new Int32Array(this.nTags);
    this.verbKind = verbTransitions(parts.tags);
  }

  /** Tag ids for a sentence (a fresh array). */
  tagIds(words: readonly string[]): Int32Array {
    const n = words.length;
    const out = new Int32Array(n);
    if (n === 0) return out;
    this.fx.prepare(words);
    const { pass1, pass2 } = this.parts;
    if (!pass2) {
      this.decode(words, pass1, this.cache1, null, this.parts.pass1Lite, out);
      return out;
    }
    if (this.first.length < n) this.first = new Int32Array(n * 2);
    const first = this.first.subarray(0, n);
    this.decode(words, pass1, this.cache1, null, this.parts.pass1Lite, first);
    this.decode(words, pass2, this.cache2, first, false, out);
    return out;
  }

  /**
   * Greedy decoding of the prepared sentence; `right` holds first-pass tags for pass two.
   * Scores of the word-local features are cached per word form (`cache`), since most tokens
   * are frequent words and those features are about a third of all lookups.
   */
  private decode(
    words: readonly string[],
    model: LinearModel,
    cache: Map<string, Int32Array>,
    right: Int32Array | null,
    lite: boolean,
    out: Int32Array,
  ): void {
    const n = words.length;
    const nTags = this.nTags;
    const startTag = nTags;
    const endTag = nTags + 2;
    const { tagdict } = this.parts;
    const { feats, scores, fx, verbKind } = this;
    // Clause state (see verbTransitions); plain numbers because imported bindings are getters under tsx.
    let verb = 0;
    for (let i = 0; i < n; i++) {
      const word = words[i]!;
      const known = tagdict.get(word);
      if (known !== undefined) {
        out[i] = known;
        // Inlined nextVerbState: the decoder loop is hot.
        const kind = verbKind[known]!;
        if (kind !== 0) verb = kind === 1 ? 1 : 0;
        continue;
      }
      let local = cache.get(word);
      if (local === undefined) {
        local = new Int32Array(nTags);
        model.addScores(feats, fx.extractLocal(i, feats, 0), local);
        if (cache.size >= LOCAL_CACHE_LIMIT) cache.clear();
        cache.set(word, local);
      }
      scores.set(local);
      const t1 = i > 0 ? out[i - 1]! : startTag;
      const t2 = i > 1 ? out[i - 2]! : i > 0 ? startTag : startTag + 1;
      let r1 = -1;
      let r2 = -1;
      if (right) {
        r1 = i + 1 < n ? right[i + 1]! : endTag;
        r2 = i + 2 < n ? right[i + 2]! : i + 1 < n ? endTag : endTag + 1;
      }
      const k = lite ? fx.extractContextLite(i, t1, t2, feats, 0) : fx.extractContext(i, t1, t2, r1, r2, feats, 0, verb);
      model.addScores(feats, k, scores);
      const best = argmax(scores, nTags);
      out[i] = best;
      const kind = verbKind[best]!;
      if (kind !== 0) verb = kind === 1 ? 1 : 0;
    }
  }
}

const LOCAL_CACHE_LIMIT = 20_000;

// ---------------------------------------------------------------------------------------------
// Serialization

interface TaggerHeader {
  format: 'dateline.tagger/1';
  tags: string[];
  clusterWords: string;
  ambiguityWords: string;
  infoWords: string;
  tagdictWords: string;
  hasPass2: boolean;
  pass1Lite?: boolean;
  scales: Record<string, number>;
  info: Record<string, unknown>;
}

function quantize(weights: Float32Array): { q: Int16Array; scale: number } {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 32767 : 1;
  const q = new Int16Array(weights.length);
  for (let i = 0; i < weights.length; i++) q[i] = Math.round(weights[i]! / scale);
  return { q, scale };
}

function dequantize(q: Int16Array, scale: number): Float32Array {
  const w = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) w[i] = q[i]! * scale;
  return w;
}

export interface TaggerSaveInput {
  readonly tags: readonly string[];
  readonly lexicon: Lexicon;
  readonly tagdict: ReadonlyMap<string, number>;
  readonly pass1: LinearModelData;
  readonly pass2: LinearModelData | null;
  readonly pass1Lite?: boolean;
  readonly info: Record<string, unknown>;
}

/** Word lists are stored newline-separated, so words containing a line break cannot be stored. */
function storable(words: Iterable<string>): string[] {
  return [...words].filter((w) => !w.includes('\n'));
}

export function encodeTagger(input: TaggerSaveInput): Buffer {
  const clusterWords = storable(input.lexicon.clusters.keys());
  const clusterIds = new Int32Array(clusterWords.length * 3);
  clusterWords.forEach((w, k) => clusterIds.set(input.lexicon.clusters.get(w)!, k * 3));
  const ambWords = storable(input.lexicon.ambiguity.keys());
  const ambIds = Int32Array.from(ambWords.map((w) => input.lexicon.ambiguity.get(w)!));
  const infoWords = storable(input.lexicon.wordInfo.keys());
  const infoIds = Int32Array.from(infoWords.map((w) => input.lexicon.wordInfo.get(w)!));
  const dictWords = storable(input.tagdict.keys());
  const dictIds = Uint8Array.from(dictWords.map((w) => input.tagdict.get(w)!));
  const arrays: Record<string, NumericArray> = { clusterIds, ambIds, infoIds, dictIds };
  const scales: Record<string, number> = {};
  const addModel = (prefix: string, m: LinearModelData): void => {
    const { q, scale } = quantize(m.weights);
    arrays[`${prefix}.keys`] = m.keys;
    arrays[`${prefix}.offsets`] = m.offsets;
    arrays[`${prefix}.classes`] = m.classes;
    arrays[`${prefix}.weights`] = q;
    scales[prefix] = scale;
  };
  addModel('pass1', input.pass1);
  if (input.pass2) addModel('pass2', input.pass2);
  const header: TaggerHeader = {
    format: 'dateline.tagger/1',
    tags: [...input.tags],
    clusterWords: clusterWords.join('\n'),
    ambiguityWords: ambWords.join('\n'),
    infoWords: infoWords.join('\n'),
    tagdictWords: dictWords.join('\n'),
    hasPass2: input.pass2 !== null,
    pass1Lite: input.pass1Lite === true,
    scales,
    info: input.info,
  };
  return encodeBundle(header, arrays);
}

export function decodeTagger(file: Uint8Array): TaggerParts {
  const bundle = decodeBundle<TaggerHeader>(file);
  const h = bundle.header;
  if (h.format !== 'dateline.tagger/1') throw new Error(`unsupported tagger model format ${String(h.format)}`);
  const split = (s: string): string[] => (s === '' ? [] : s.split('\n'));
  const clusters = new Map<string, readonly [number, number, number]>();
  const clusterIds = requireArray(bundle, 'clusterIds', 'Int32Array');
  split(h.clusterWords).forEach((w, k) =>
    clusters.set(w, [clusterIds[k * 3]!, clusterIds[k * 3 + 1]!, clusterIds[k * 3 + 2]!]),
  );
  const ambiguity = new Map<string, number>();
  const ambIds = requireArray(bundle, 'ambIds', 'Int32Array');
  split(h.ambiguityWords).forEach((w, k) => ambiguity.set(w, ambIds[k]!));
  const wordInfo = new Map<string, number>();
  const infoIds = requireArray(bundle, 'infoIds', 'Int32Array');
  split(h.infoWords).forEach((w, k) => wordInfo.set(w, infoIds[k]!));
  const tagdict = new Map<string, number>();
  const dictIds = requireArray(bundle, 'dictIds', 'Uint8Array');
  split(h.tagdictWords).forEach((w, k) => tagdict.set(w, dictIds[k]!));
  const loadModel = (prefix: string): LinearModel =>
    new LinearModel({
      nClasses: h.tags.length,
      keys: requireArray(bundle, `${prefix}.keys`, 'Int32Array'),
      offsets: requireArray(bundle, `${prefix}.offsets`, 'Uint32Array'),
      classes: requireArray(bundle, `${prefix}.classes`, 'Uint8Array'),
      weights: dequantize(requireArray(bundle, `${prefix}.weights`, 'Int16Array'), h.scales[prefix] ?? 1),
    });
  return {
    tags: h.tags,
    lexicon: { clusters, ambiguity, wordInfo },
    tagdict,
    pass1: loadModel('pass1'),
    pass2: h.hasPass2 ? loadModel('pass2') : null,
    pass1Lite: h.pass1Lite === true,
    info: h.info,
  };
}
