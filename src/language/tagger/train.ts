/**
 * Training routines for the tagger (used by scripts/train-tagger.ts; never at run time).
 */

import { FeatureExtractor, MAX_FEATURES, nextVerbState, VERB_NONE, verbTransitions, type Lexicon } from './features.ts';
import { hashString } from './hash.ts';
import { LinearModel, argmax, type LinearModelData } from './linear.ts';
import { TaggerCore, type TaggerParts } from './model.ts';
import { PerceptronTrainer } from './perceptron.ts';

export interface TrainSentence {
  readonly words: readonly string[];
  readonly tags: Int32Array;
}

/** Deterministic PRNG (mulberry32) so training runs are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], rand: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

/** Per word (as `key` writes it), how often each tag occurs in the training sentences. */
function tagCounts(sents: readonly TrainSentence[], key: (w: string) => string): Map<string, Map<number, number>> {
  const counts = new Map<string, Map<number, number>>();
  for (const s of sents) {
    s.words.forEach((w, i) => {
      const k = key(w);
      let m = counts.get(k);
      if (!m) counts.set(k, (m = new Map()));
      const t = s.tags[i]!;
      m.set(t, (m.get(t) ?? 0) + 1);
    });
  }
  return counts;
}

/** The most frequent tag of a word (the first seen on a tie), its count and the word's total. */
function dominantTag(m: ReadonlyMap<number, number>): { tag: number; n: number; total: number } {
  let total = 0;
  let tag = -1;
  let best = 0;
  for (const [t, n] of m) {
    total += n;
    if (n > best) {
      best = n;
      tag = t;
    }
  }
  return { tag, n: best, total };
}

/** Frequent words that take one tag at least `purity` of the time. */
export function buildTagdict(
  sents: readonly TrainSentence[],
  minCount: number,
  purity: number,
): Map<string, number> {
  const dict = new Map<string, number>();
  for (const [w, m] of tagCounts(sents, (x) => x)) {
    const { tag, n, total } = dominantTag(m);
    if (total >= minCount && n / total >= purity) dict.set(w, tag);
  }
  return dict;
}

/** Lowercased word → hash of the tags it takes at least `minShare` of the time (words seen `minCount`+ times). */
export function buildAmbiguity(
  sents: readonly TrainSentence[],
  tagKey: (tag: number) => string,
  minCount: number,
  minShare: number,
): Map<string, number> {
  const counts = new Map<string, Map<string, number>>();
  for (const s of sents) {
    s.words.forEach((w, i) => {
      const lw = w.toLowerCase();
      let m = counts.get(lw);
      if (!m) counts.set(lw, (m = new Map()));
      const t = tagKey(s.tags[i]!);
      m.set(t, (m.get(t) ?? 0) + 1);
    });
  }
  const out = new Map<string, number>();
  for (const [w, m] of counts) {
    let total = 0;
    for (const n of m.values()) total += n;
    if (total < minCount) continue;
    const set = [...m].filter(([, n]) => n / total >= minShare).map(([t]) => t).sort();
    out.set(w, hashString(set.join('|')) || 1);
  }
  return out;
}

export interface PassOptions {
  readonly epochs: number;
  readonly seed: number;
  /** First-pass predictions per sentence (same order as `sents`) for training a second pass. */
  readonly right?: readonly Int32Array[];
  readonly minWeight?: number;
  /** Train the cheap first-pass model (word-local features plus a small context set). */
  readonly lite?: boolean;
  /**
   * Joint tag names ("UPOS\tXPOS") by id, for the clause-state features. Pass them: without
   * them training never sees a clause state while decoding does, which costs accuracy.
   */
  readonly tagNames?: readonly string[];
  /** Train with the clause templates (the model's `info.clauseFeatures` must then be true). */
  readonly clauseFeatures?: boolean;
  /** Called after each epoch with the averaged model so far (for dev evaluation). */
  readonly onEpoch?: (epoch: number, model: LinearModelData, trainAcc: number) => void;
}

export function trainPass(
  sents: readonly TrainSentence[],
  nTags: number,
  lexicon: Lexicon,
  tagdict: ReadonlyMap<string, number>,
  opts: PassOptions,
): LinearModelData {
  const trainer = new PerceptronTrainer(nTags);
  const fx = new FeatureExtractor(lexicon, opts.clauseFeatures === true);
  const feats = new Int32Array(MAX_FEATURES);
  const scores = new Float32Array(nTags);
  const order = sents.map((_, k) => k);
  const rand = rng(opts.seed);
  const startTag = nTags;
  const endTag = nTags + 2;
  // Clause state follows the tags as predicted (like t1/t2), so training matches decoding.
  const verbKind = opts.tagNames ? verbTransitions(opts.tagNames) : new Uint8Array(nTags);
  let model: LinearModelData | null = null;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    shuffle(order, rand);
    let correct = 0;
    let total = 0;
    for (const k of order) {
      const s = sents[k]!;
      const right = opts.right ? opts.right[k]! : null;
      const n = s.words.length;
      const out = new Int32Array(n);
      fx.prepare(s.words);
      let verb = VERB_NONE;
      for (let i = 0; i < n; i++) {
        const known = tagdict.get(s.words[i]!);
        if (known !== undefined) {
          out[i] = known;
          verb = nextVerbState(verb, verbKind[known]!);
          continue;
        }
        const t1 = i > 0 ? out[i - 1]! : startTag;
        const t2 = i > 1 ? out[i - 2]! : i > 0 ? startTag : startTag + 1;
        let r1 = -1;
        let r2 = -1;
        if (right) {
          r1 = i + 1 < n ? right[i + 1]! : endTag;
          r2 = i + 2 < n ? right[i + 2]! : i + 1 < n ? endTag : endTag + 1;
        }
        const m = opts.lite
          ? fx.extractContextLite(i, t1, t2, feats, fx.extractLocal(i, feats, 0))
          : fx.extract(i, t1, t2, r1, r2, feats, verb);
        scores.fill(0);
        trainer.addScores(feats, m, scores);
        const guess = argmax(scores, nTags);
        const gold = s.tags[i]!;
        trainer.update(feats, m, gold, guess);
        trainer.tick();
        out[i] = guess;
        verb = nextVerbState(verb, verbKind[guess]!);
        total++;
        if (guess === gold) correct++;
      }
    }
    const last = epoch === opts.epochs;
    if (opts.onEpoch || last) {
      model = trainer.averaged(last ? (opts.minWeight ?? 0) : 0);
      opts.onEpoch?.(epoch, model, correct / Math.max(1, total));
    }
  }
  return model!;
}

export interface GoldSentence {
  readonly words: readonly string[];
  readonly upos: readonly string[];
  readonly xpos: readonly string[];
}

/** UPOS, XPOS and joint accuracy of a tagger against gold sentences. */
export function evaluate(core: TaggerCore, sents: readonly GoldSentence[]): { joint: number; upos: number; xpos: number } {
  let joint = 0;
  let upos = 0;
  let xpos = 0;
  let total = 0;
  for (const s of sents) {
    const pred = core.tagIds(s.words);
    for (let i = 0; i < pred.length; i++) {
      const p = pred[i]!;
      total++;
      const u = core.upos[p] === s.upos[i];
      const x = core.xpos[p] === s.xpos[i];
      if (u) upos++;
      if (x) xpos++;
      if (u && x) joint++;
    }
  }
  return { joint: joint / total, upos: upos / total, xpos: xpos / total };
}

export function partsFrom(
  tags: readonly string[],
  lexicon: Lexicon,
  tagdict: ReadonlyMap<string, number>,
  pass1: LinearModelData,
  pass2: LinearModelData | null,
  pass1Lite = false,
  info: Readonly<Record<string, unknown>> = {},
): TaggerParts {
  return {
    tags,
    lexicon,
    tagdict,
    pass1: new LinearModel(pass1),
    pass2: pass2 ? new LinearModel(pass2) : null,
    pass1Lite,
    info,
  };
}

/** Frequency and capitalization facts per lowercased word, packed as described in `Lexicon.wordInfo`. */
export function buildWordInfo(sentences: readonly (readonly string[])[], minCount = 2): Map<string, number> {
  const total = new Map<string, number>();
  const inner = new Map<string, number>();
  const innerCap = new Map<string, number>();
  for (const s of sentences) {
    s.forEach((w, i) => {
      const lw = w.toLowerCase();
      total.set(lw, (total.get(lw) ?? 0) + 1);
      if (i === 0 || lw === w.toUpperCase()) return;
      inner.set(lw, (inner.get(lw) ?? 0) + 1);
      if (w[0] !== lw[0]) innerCap.set(lw, (innerCap.get(lw) ?? 0) + 1);
    });
  }
  const out = new Map<string, number>();
  for (const [lw, n] of total) {
    if (n < minCount) continue;
    const freq = n < 3 ? 1 : n < 10 ? 2 : n < 100 ? 3 : 4;
    const m = inner.get(lw) ?? 0;
    let caps = 0;
    if (m >= 2) {
      const r = (innerCap.get(lw) ?? 0) / m;
      caps = r === 0 ? 1 : r < 0.25 ? 2 : r < 0.75 ? 3 : 4;
    }
    out.set(lw, freq | (caps << 4));
  }
  return out;
}

/**
 * POS classes from wink-eng-lite-web-model's lexicon (MIT licence; ~87k words): the word's most
 * likely UPOS and its POS-ambiguity cluster, packed as `pos | cluster << 5`. Training only: the
 * values are copied into our own model file, so nothing depends on wink at run time.
 */
export async function winkLexiconClasses(): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  try {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    const read = require('wink-eng-lite-web-model/dist/read-core-model.js') as () => WinkCoreModel;
    const m = read();
    const layout = m.packing.layout;
    const field = (i: number, name: string): number => {
      const [word, mask, shift] = layout[name]!;
      return ((m.lexicon[i * m.packing.size + word]! & mask) >>> shift) >>> 0;
    };
    const list = m.features.lexeme.list;
    for (let i = 1; i < list.length; i++) {
      const w = list[i]!;
      if (/\s/.test(w)) continue;
      const lw = w.toLowerCase();
      // Prefer the lowercase entry's class when both cases are listed.
      if (w !== lw && out.has(lw)) continue;
      const pos = field(i, 'pos');
      if (pos === 0) continue;
      out.set(lw, pos | (field(i, 'posHint') << 5));
    }
  } catch {
    // wink not installed: the feature is simply absent.
  }
  return out;
}

interface WinkCoreModel {
  packing: { size: number; layout: Record<string, [number, number, number]> };
  lexicon: Uint32Array;
  features: { lexeme: { list: string[] } };
}

/** Merge external classes into word-info values (bits 8 and up). */
export function addExternalClasses(info: Map<string, number>, ext: ReadonlyMap<string, number>): void {
  for (const [w, v] of ext) info.set(w, ((info.get(w) ?? 0) & 0xff) | (v << 8));
}

/**
 * Tag-dictionary facts with frequency classes, merged into word-info values (bits 20–28): each
 * lowercased training word seen `minCount`+ times gets its most frequent tag (+ 1) and that
 * tag's share bucket (0: < 60 %, 1: < 80 %, 2: < 95 %, 3: ≥ 95 %). Read as one feature per word
 * together with the frequency bucket, so it generalises across words with the same profile.
 */
export function addDominantTags(info: Map<string, number>, sents: readonly TrainSentence[], minCount: number): void {
  for (const [lw, m] of tagCounts(sents, (w) => w.toLowerCase())) {
    const { tag: best, n, total } = dominantTag(m);
    if (total < minCount || best >= 127) continue;
    const share = n / total;
    const bucket = share >= 0.95 ? 3 : share >= 0.8 ? 2 : share >= 0.6 ? 1 : 0;
    info.set(lw, ((info.get(lw) ?? 0) & 0xfffff) | ((best + 1) << 20) | (bucket << 27));
  }
}
