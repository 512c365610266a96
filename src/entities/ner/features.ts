/**
 * Hashed integer features for the NER sequence labeller. Word-level strings are hashed once
 * per token; templates combine those hashes by integer mixing, so no feature strings are built.
 */
import { GAZ_KINDS, IS_PHRASE, IS_PREFIX, KIND_MASK, type Gazetteer } from './gazetteer.ts';

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

export function hashStr(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h | 0;
}

function mix(h: number, v: number): number {
  let k = Math.imul(v, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Capitalization class: 0 lower/other word, 1 Initial cap, 2 ALL CAPS, 3 has digit, 4 no letters. */
function capClass(w: string): number {
  let upper = 0;
  let lower = 0;
  let digit = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c >= 48 && c <= 57) digit++;
    else if (c > 127) {
      const ch = w[i]!;
      if (ch !== ch.toLowerCase()) upper++;
      else if (ch !== ch.toUpperCase()) lower++;
    }
  }
  if (digit) return 3;
  if (!upper && !lower) return 4;
  if (!upper) return 0;
  if (!lower) return upper > 1 ? 2 : 1;
  const first = w[0]!;
  return first !== first.toLowerCase() ? 1 : 0;
}

/** Short word shape: Xx, X.X., dd-dd; runs of one character class collapsed. */
function shapeOf(w: string): string {
  let out = '';
  let last = '';
  const n = Math.min(w.length, 24);
  for (let i = 0; i < n; i++) {
    const ch = w[i]!;
    let c: string;
    if (ch >= 'a' && ch <= 'z') c = 'x';
    else if (ch >= 'A' && ch <= 'Z') c = 'X';
    else if (ch >= '0' && ch <= '9') c = 'd';
    else if (ch !== ch.toLowerCase()) c = 'X';
    else if (ch !== ch.toUpperCase()) c = 'x';
    else c = ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

// Template ids. Changing them invalidates trained weights (bump MODEL_FORMAT in model.ts).
const T = {
  bias: 1,
  word: 2,
  lower: 3,
  shape: 4,
  prefix: 5, // 5..8
  suffix: 9, // 9..12
  prev1: 13,
  next1: 14,
  prev2: 15,
  next2: 16,
  bigramPrev: 17,
  bigramNext: 18,
  shapePrev: 19,
  shapeNext: 20,
  shapeTri: 21,
  initialCap: 22,
  profileCap: 23,
  profileShape: 24,
  prevWordShape: 25,
  shapeNextWord: 26,
  gaz: 27,
  gazCap: 28,
  gazPrev: 29,
  gazNext: 30,
  pos: 31,
  posPrev: 32,
  posNext: 33,
  posShape: 34,
  lowerCap: 35,
  gazLongest: 36,
  common: 37,
  commonPrev: 38,
  commonNext: 39,
  cluster: 40,
  clusterPrev: 41,
  clusterNext: 42,
  docCase: 43,
  docCaseNext: 44,
} as const;

/**
 * What the rest of the document says about a word's case: seen capitalized where capitals are
 * not forced (mid-sentence, in a sentence that is not all caps/title-like), and seen in lower case.
 */
export interface DocContext {
  readonly capMid: ReadonlySet<string>;
  readonly lower: ReadonlySet<string>;
}

export function buildDocContext(sentences: readonly (readonly string[])[], info?: (w: string) => WordInfo): DocContext {
  const get = info ?? wordInfo;
  return docContextOf(sentences, sentences.map((ws) => ws.map(get)));
}

function docContextOf(sentences: readonly (readonly string[])[], infos: readonly (readonly WordInfo[])[]): DocContext {
  const capMid = new Set<string>();
  const lower = new Set<string>();
  sentences.forEach((words, si) => {
    const row = infos[si]!;
    let lowerCount = 0;
    let capsSeen = false;
    for (let i = 0; i < words.length; i++) {
      const c = row[i]!.cap;
      if (c === 0) lowerCount++;
      else if (c === 1 || c === 2 || (c === 3 && words[i] !== words[i]!.toLowerCase())) capsSeen = true;
    }
    // An all-lower-case sentence (web text) says nothing about case; training builds the context
    // without such sentences too (scripts/train-ner.ts), so they must not count here either.
    if (!capsSeen && lowerCount > 0) return;
    // Headlines and all-caps lines capitalize everything: no evidence there.
    const ordinary = lowerCount * 2 >= words.length;
    for (let i = 0; i < words.length; i++) {
      const wi = row[i]!;
      const c = wi.cap;
      if (c === 0) lower.add(wi.lw);
      else if (c === 1 && i > 0 && ordinary && !(words[i - 1]!.length === 1 && OPENERS.test(words[i - 1]!))) capMid.add(wi.lw);
    }
  });
  return { capMid, lower };
}

const OPENERS = /^[.!?:"“‘'(«-]$/;

/** What the features need of a word string alone, computed once per distinct string. */
export interface WordInfo {
  readonly lw: string;
  readonly hWord: number;
  readonly hLower: number;
  readonly hShape: number;
  readonly cap: number;
}

function wordInfo(w: string): WordInfo {
  const lw = w.toLowerCase();
  return { lw, hWord: hashStr(w), hLower: hashStr(lw), hShape: hashStr(shapeOf(w)), cap: capClass(w) };
}

/** WordInfo plus the lexicon lookups of one extractor (common words, clusters, gazetteer). */
export interface LexInfo extends WordInfo {
  readonly common: number;
  readonly cluster: readonly number[] | undefined;
  readonly gazBits: number | undefined;
  readonly gazPrefix: boolean;
  /** Kept in the extractor's word cache (else looked up afresh each time). */
  readonly cached: boolean;
  /** Slot of this word's scores in the extractor's slab (scoreInto), -1 before it has one. */
  slot: number;
  /** Which parts of the slot are filled: 1 local, 2 local when sentence-initial, 4 roles. */
  have: number;
}

/** Frozen emission weights (RuntimeModel): a bucket bitmap with ranks and int16 rows. */
export interface PackedWeights {
  /** Per 32 hash buckets: [bitmap of buckets that have a row, index of the first such row]. */
  readonly present: Int32Array;
  readonly packed: Int16Array;
  readonly stride: number;
  readonly scale: number;
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Adds the int16 row of feature `id` (a reduced hash) into `acc`; absent features add nothing. */
function addRow(acc: Int32Array, w: PackedWeights, id: number): void {
  const present = w.present;
  const word = present[(id >>> 5) << 1]!;
  const bit = id & 31;
  if (((word >>> bit) & 1) === 0) return;
  const stride = w.stride;
  const packed = w.packed;
  const r = (present[((id >>> 5) << 1) + 1]! + popcount(word & ~(-1 << bit))) * stride;
  for (let l = 0; l < acc.length; l++) acc[l] = acc[l]! + packed[r + l]!;
}


export interface SentenceFeatures {
  /** Feature ids (already reduced to the hash table) for all tokens, concatenated. */
  readonly ids: Int32Array;
  /** Token i's features are ids[offsets[i] .. offsets[i + 1]). */
  readonly offsets: Int32Array;
  /** ids[offsets[i] .. localEnd[i]) are token i's word-local features (empty when cached). */
  readonly localEnd: Int32Array;
  /** Cache key of token i's word-local features. */
  readonly keys: readonly string[];
}

const BOS = hashStr('<s>');
const EOS = hashStr('</s>');

export class FeatureExtractor {
  constructor(
    private readonly gaz: Gazetteer,
    private readonly mask: number,
    /** Words mostly written in lower case (see scripts/ner-wordlist.ts). */
    private readonly common: ReadonlySet<string> = new Set(),
    /** Word (lowercased) -> hierarchical cluster ids, coarse to fine. */
    private readonly clusters: ReadonlyMap<string, readonly number[]> = new Map(),
    /** Distinct words whose lookups and scores are kept (~0.9 KB each); later words are looked up each time. */
    private readonly infoLimit = 50_000,
  ) {}

  /** Per-word lookups and scores, shared across sentences and documents (bounded: ~0.9 KB a word). */
  private readonly infoCache = new Map<string, LexInfo>();
  // Scratch buffers for `extract(..., scratch = true)`.
  private buf = new Int32Array(4096);
  private offBuf = new Int32Array(256);
  private localBuf = new Int32Array(256);

  info(w: string): LexInfo {
    let x = this.infoCache.get(w);
    if (x === undefined) {
      const base = wordInfo(w);
      const lw = base.lw;
      const g = this.gaz.probe(lw);
      x = {
        ...base,
        common: this.common.has(lw) ? 1 : 0,
        cluster: this.clusters.get(lw),
        gazBits: g & IS_PHRASE ? g & KIND_MASK : undefined,
        gazPrefix: (g & IS_PREFIX) !== 0,
        // Full: later words go uncached (the frequent ones came early), as the old local cache did.
        cached: this.infoCache.size < this.infoLimit,
        slot: -1,
        have: 0,
      };
      if (x.cached) this.infoCache.set(w, x);
    }
    return x;
  }

  /** Document case context (same as `buildDocContext`), from the word cache or given infos. */
  docContext(sentences: readonly (readonly string[])[], infos?: readonly (readonly LexInfo[])[]): DocContext {
    return docContextOf(sentences, infos ?? sentences.map((ws) => ws.map((w) => this.info(w))));
  }

  /**
   * Features of one sentence. `cached(key)` says the scorer already holds the summed word-local
   * weights for that word key; those features are then not emitted. With `scratch`, the returned
   * arrays are views of buffers the next call overwrites (for scoring right away).
   */
  extract(
    words: readonly string[],
    upos?: readonly string[],
    cached?: (key: string) => boolean,
    doc?: DocContext,
    scratch = false,
  ): SentenceFeatures {
    const n = words.length;
    const keys: string[] = new Array(n);
    if (scratch && this.offBuf.length < n + 1) {
      this.offBuf = new Int32Array(2 * (n + 1));
      this.localBuf = new Int32Array(2 * (n + 1));
    }
    const localEnd = scratch ? this.localBuf : new Int32Array(n);
    const offsets = scratch ? this.offBuf : new Int32Array(n + 1);
    const infos: LexInfo[] = new Array(n);
    let capped = 0;
    let lowered = 0;
    for (let i = 0; i < n; i++) {
      const x = this.info(words[i]!);
      infos[i] = x;
      if (x.cap === 1 || x.cap === 2) capped++;
      else if (x.cap === 0) lowered++;
    }
    // Sentence case profile: all-lowercase (web text), headline/all-caps, or ordinary.
    const profile = capped === 0 ? 1 : lowered === 0 && capped > 2 ? 2 : 0;

    // Gazetteer matches: per token, (kind, position) pairs, and the kinds of the longest match.
    // Same scan as Gazetteer.match, with the one-word lookups taken from the word cache.
    let gazFeat: number[][] | undefined;
    const gazAny = new Int32Array(n);
    const longestLen = new Int32Array(n);
    const longestBits = new Int32Array(n);
    const gaz = this.gaz;
    const maxLen = gaz.maxWords;
    const onMatch = (start: number, end: number, bits: number): void => {
      const len = end - start;
      gazFeat ??= Array.from({ length: n }, () => []);
      for (let i = start; i < end; i++) {
        const pos = len === 1 ? 3 : i === start ? 0 : i === end - 1 ? 2 : 1;
        for (let k = 0; k < GAZ_KINDS.length; k++) {
          if (bits & (1 << k)) gazFeat[i]!.push(k * 4 + pos);
        }
        gazAny[i]! |= bits;
        if (len > longestLen[i]!) {
          longestLen[i] = len;
          longestBits[i] = bits;
        }
      }
    };
    for (let i = 0; i < n; i++) {
      const x = infos[i]!;
      if (x.gazBits !== undefined) onMatch(i, i + 1, x.gazBits);
      if (i + 1 >= n || maxLen <= 1 || !x.gazPrefix) continue;
      let key = x.lw + ' ' + infos[i + 1]!.lw;
      for (let j = i + 2; ; j++) {
        const v = gaz.probe(key);
        if (v & IS_PHRASE) onMatch(i, j, v & KIND_MASK);
        if (j >= n || j - i >= maxLen || !(v & IS_PREFIX)) break;
        key += ' ' + infos[j]!.lw;
      }
    }

    let ids = scratch ? this.buf : new Int32Array(Math.max(64, n * 48));
    let m = 0;
    const mask = this.mask;
    const posH = upos ? upos.map((p) => hashStr(p)) : null;
    const useClusters = this.clusters.size > 0;

    for (let i = 0; i < n; i++) {
      // Room for every feature of this token (gazetteer features are the only unbounded ones).
      const gf = gazFeat ? gazFeat[i]! : EMPTY;
      const need = m + 96 + 2 * gf.length + (infos[i]!.cluster?.length ?? 0);
      if (need > ids.length) {
        const grown = new Int32Array(Math.max(need, ids.length * 2));
        grown.set(ids.subarray(0, m));
        ids = grown;
        if (scratch) this.buf = grown;
      }
      offsets[i] = m;
      const w = words[i]!;
      const x = infos[i]!;
      const hl = x.hLower;
      const hs = x.hShape;
      const pl = i > 0 ? infos[i - 1]!.hLower : BOS;
      const nl = i + 1 < n ? infos[i + 1]!.hLower : EOS;
      const pl2 = i > 1 ? infos[i - 2]!.hLower : BOS;
      const nl2 = i + 2 < n ? infos[i + 2]!.hLower : EOS;
      const ps = i > 0 ? infos[i - 1]!.hShape : BOS;
      const ns = i + 1 < n ? infos[i + 1]!.hShape : EOS;
      const c = x.cap;
      const init = i === 0 ? 1 : 0;

      // Word-local features first (they depend only on the word and on being sentence-initial),
      // so a scorer can cache their summed weights per word and skip them next time.
      const key = i === 0 ? '\u0001' + w : w;
      keys[i] = key;
      if (!cached || !cached(key)) {
        ids[m++] = fmix(T.bias) & mask;
        ids[m++] = fmix(mix(T.word, x.hWord)) & mask;
        ids[m++] = fmix(mix(T.lower, hl)) & mask;
        ids[m++] = fmix(mix(T.shape, hs)) & mask;
        const lw = x.lw;
        let hp = FNV_OFFSET;
        let hsuf = FNV_OFFSET;
        const maxAffix = Math.min(4, lw.length - 1);
        for (let k = 0; k < maxAffix; k++) {
          hp = Math.imul(hp ^ lw.charCodeAt(k), FNV_PRIME);
          hsuf = Math.imul(hsuf ^ lw.charCodeAt(lw.length - 1 - k), FNV_PRIME);
          ids[m++] = fmix(mix(T.prefix + k, hp)) & mask;
          ids[m++] = fmix(mix(T.suffix + k, hsuf)) & mask;
        }
        ids[m++] = fmix(mix(T.initialCap, init * 8 + c)) & mask;
        // The same word capitalized mid-sentence vs at the start vs lowercase behaves differently.
        ids[m++] = fmix(mix(mix(T.lowerCap, hl), (c === 1 || c === 2 ? 1 : 0) + init * 2)) & mask;
        ids[m++] = fmix(mix(T.common, x.common * 32 + c * 2 + init)) & mask;
        const cl = useClusters ? x.cluster : undefined;
        if (cl) for (let k = 0; k < cl.length; k++) ids[m++] = fmix(mix(mix(T.cluster, k), cl[k]!)) & mask;
      }
      localEnd[i] = m;
      ids[m++] = fmix(mix(T.prev1, pl)) & mask;
      ids[m++] = fmix(mix(T.next1, nl)) & mask;
      ids[m++] = fmix(mix(T.prev2, pl2)) & mask;
      ids[m++] = fmix(mix(T.next2, nl2)) & mask;
      ids[m++] = fmix(mix(mix(T.bigramPrev, pl), hl)) & mask;
      ids[m++] = fmix(mix(mix(T.bigramNext, hl), nl)) & mask;
      ids[m++] = fmix(mix(mix(T.shapePrev, ps), hs)) & mask;
      ids[m++] = fmix(mix(mix(T.shapeNext, hs), ns)) & mask;
      ids[m++] = fmix(mix(mix(mix(T.shapeTri, ps), hs), ns)) & mask;
      ids[m++] = fmix(mix(T.profileCap, profile * 8 + c + init * 64)) & mask;
      ids[m++] = fmix(mix(mix(T.profileShape, profile), hs)) & mask;
      ids[m++] = fmix(mix(mix(T.prevWordShape, pl), hs)) & mask;
      ids[m++] = fmix(mix(mix(T.shapeNextWord, hs), nl)) & mask;
      const capBit = c === 1 || c === 2 ? 1 : 0;
      const cm = x.common;
      if (i > 0) ids[m++] = fmix(mix(T.commonPrev, infos[i - 1]!.common * 16 + infos[i - 1]!.cap * 2 + capBit)) & mask;
      if (i + 1 < n) ids[m++] = fmix(mix(T.commonNext, infos[i + 1]!.common * 16 + infos[i + 1]!.cap * 2 + capBit)) & mask;
      for (let k = 0; k < gf.length; k++) {
        const g = gf[k]!;
        ids[m++] = fmix(mix(T.gaz, g)) & mask;
        ids[m++] = fmix(mix(T.gazCap, g * 8 + cm * 4 + capBit * 2 + init)) & mask;
      }
      if (useClusters) {
        const pc = i > 0 ? infos[i - 1]!.cluster : undefined;
        const nc = i + 1 < n ? infos[i + 1]!.cluster : undefined;
        if (pc) ids[m++] = fmix(mix(T.clusterPrev, pc[pc.length - 1]!)) & mask;
        if (nc) ids[m++] = fmix(mix(T.clusterNext, nc[nc.length - 1]!)) & mask;
      }
      if (longestLen[i]! > 0) ids[m++] = fmix(mix(mix(T.gazLongest, longestBits[i]!), Math.min(longestLen[i]!, 4) * 2 + capBit)) & mask;
      const gp = i > 0 ? gazAny[i - 1]! : -1;
      const gn = i + 1 < n ? gazAny[i + 1]! : -1;
      if (gp > 0 || gn > 0) {
        for (let k = 0; k < GAZ_KINDS.length; k++) {
          if (gp > 0 && gp & (1 << k)) ids[m++] = fmix(mix(T.gazPrev, k * 2 + capBit)) & mask;
          if (gn > 0 && gn & (1 << k)) ids[m++] = fmix(mix(T.gazNext, k * 2 + capBit)) & mask;
        }
      }
      if (doc) {
        const lw = x.lw;
        const dc = (doc.capMid.has(lw) ? 2 : 0) + (doc.lower.has(lw) ? 1 : 0);
        ids[m++] = fmix(mix(T.docCase, dc * 16 + c * 2 + init)) & mask;
        if (i + 1 < n) {
          const nx = infos[i + 1]!;
          const nw = nx.lw;
          ids[m++] = fmix(mix(T.docCaseNext, ((doc.capMid.has(nw) ? 2 : 0) + (doc.lower.has(nw) ? 1 : 0)) * 8 + nx.cap * 2 + capBit)) & mask;
        }
      }
      if (posH) {
        const p0 = posH[i]!;
        ids[m++] = fmix(mix(T.pos, p0)) & mask;
        ids[m++] = fmix(mix(mix(T.posPrev, i > 0 ? posH[i - 1]! : BOS), p0)) & mask;
        ids[m++] = fmix(mix(mix(T.posNext, p0), i + 1 < n ? posH[i + 1]! : EOS)) & mask;
        ids[m++] = fmix(mix(mix(T.posShape, p0), hs)) & mask;
      }
    }
    offsets[n] = m;
    return { ids: scratch ? ids.subarray(0, m) : ids.slice(0, m), offsets, localEnd, keys };
  }

  private fusedWeights: PackedWeights | undefined;
  private matchBuf: Int32Array = new Int32Array(96);

  /** Stores a gazetteer match for scoreInto and updates the per-token summaries; returns the new count. */
  private recordMatch(nm: number, start: number, end: number, bits: number, gazAny: Int32Array, longestLen: Int32Array, longestBits: Int32Array): number {
    if (nm + 3 > this.matchBuf.length) {
      const grown = new Int32Array(this.matchBuf.length * 2);
      grown.set(this.matchBuf.subarray(0, nm));
      this.matchBuf = grown;
    }
    const buf = this.matchBuf;
    buf[nm] = start;
    buf[nm + 1] = end;
    buf[nm + 2] = bits;
    const len = end - start;
    for (let t = start; t < end; t++) {
      gazAny[t]! |= bits;
      if (len > longestLen[t]!) {
        longestLen[t] = len;
        longestBits[t] = bits;
      }
    }
    return nm + 3;
  }
  private edgeScores: Int32Array | undefined;

  /**
   * Emission scores of one sentence straight from frozen weights, adding into `out` (n × labels,
   * zeroed): the same features and the same arithmetic as `extract` + RuntimeModel.emissions —
   * integer row sums, scaled once for the word-local part and once for the context part — so the
   * scores are bit-identical. Per word it caches the local sum and the sums of the features it
   * gives its neighbours (prev/next word, two back/ahead), which saves most hash lookups.
   * No POS features (use `extract` for models trained with POS).
   */
  scoreInto(words: readonly string[], doc: DocContext | undefined, w: PackedWeights, L: number, out: Float32Array, given?: readonly LexInfo[]): void {
    const n = words.length;
    // Infos from before a change of weights carry the old weights' scores.
    const reuse = given !== undefined && this.fusedWeights === w;
    if (this.fusedWeights !== w || this.slotStride !== 6 * L) {
      // Scores cached with words belong to other weights: start afresh.
      this.fusedWeights = w;
      this.infoCache.clear();
      this.edgeScores = undefined;
      this.slots = 0;
      this.slotStride = 6 * L;
    }
    const mask = this.mask;
    const useClusters = this.clusters.size > 0;
    if (!this.edgeScores) {
      // Sentence edges: prev1/prev2 of BOS and next1/next2 of EOS.
      const e = new Int32Array(4 * L);
      addRow(e.subarray(0, L), w, fmix(mix(T.prev1, BOS)) & mask);
      addRow(e.subarray(L, 2 * L), w, fmix(mix(T.next1, EOS)) & mask);
      addRow(e.subarray(2 * L, 3 * L), w, fmix(mix(T.prev2, BOS)) & mask);
      addRow(e.subarray(3 * L, 4 * L), w, fmix(mix(T.next2, EOS)) & mask);
      this.edgeScores = e;
    }
    const edges = this.edgeScores;
    const infos: LexInfo[] = new Array(n);
    let capped = 0;
    let lowered = 0;
    let temps = 0;
    for (let i = 0; i < n; i++) {
      const x = reuse ? given[i]! : this.info(words[i]!);
      infos[i] = x;
      if (x.cap === 1 || x.cap === 2) capped++;
      else if (x.cap === 0) lowered++;
      if (x.slot < 0) {
        if (x.cached) {
          this.ensureSlots(this.slots + 1);
          x.slot = this.slots++;
        } else temps++;
      }
    }
    if (temps > 0) {
      // Words past the cache limit get slots after the cached ones, for this sentence only.
      this.ensureSlots(this.slots + temps);
      let t = this.slots;
      for (const x of infos) {
        if (!x.cached) {
          x.slot = t++;
          x.have = 0;
        }
      }
    }
    const slabF = this.slabF;
    const slabI = this.slabI;
    const stride = this.slotStride;
    const profile = capped === 0 ? 1 : lowered === 0 && capped > 2 ? 2 : 0;

    // Gazetteer matches as (start, end, bits) triples, in the order Gazetteer.match finds them.
    let nm = 0;
    const gazAny = new Int32Array(n);
    const longestLen = new Int32Array(n);
    const longestBits = new Int32Array(n);
    const gaz = this.gaz;
    const maxLen = gaz.maxWords;
    for (let i = 0; i < n; i++) {
      const x = infos[i]!;
      if (x.gazBits !== undefined) nm = this.recordMatch(nm, i, i + 1, x.gazBits, gazAny, longestLen, longestBits);
      if (i + 1 >= n || maxLen <= 1 || !x.gazPrefix) continue;
      let key = x.lw + ' ' + infos[i + 1]!.lw;
      for (let j = i + 2; ; j++) {
        const v = gaz.probe(key);
        if (v & IS_PHRASE) nm = this.recordMatch(nm, i, j, v & KIND_MASK, gazAny, longestLen, longestBits);
        if (j >= n || j - i >= maxLen || !(v & IS_PREFIX)) break;
        key += ' ' + infos[j]!.lw;
      }
    }
    const matches = this.matchBuf;

    const scale = w.scale;
    const acc = new Int32Array(L);
    // Document case class of each word (seen capitalized mid-sentence: 2, seen lower-case: 1).
    let docCase: Uint8Array | undefined;
    if (doc) {
      docCase = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const lw = infos[i]!.lw;
        docCase[i] = (doc.capMid.has(lw) ? 2 : 0) + (doc.lower.has(lw) ? 1 : 0);
      }
    }
    for (let i = 0; i < n; i++) {
      const x = infos[i]!;
      const o = i * L;
      const c = x.cap;
      const init = i === 0 ? 1 : 0;
      const hl = x.hLower;
      const hs = x.hShape;

      const lo = x.slot * stride + (init ? L : 0);
      const part = init ? 2 : 1;
      if (!(x.have & part)) {
        acc.fill(0);
        addRow(acc, w, fmix(T.bias) & mask);
        addRow(acc, w, fmix(mix(T.word, x.hWord)) & mask);
        addRow(acc, w, fmix(mix(T.lower, hl)) & mask);
        addRow(acc, w, fmix(mix(T.shape, hs)) & mask);
        const lw = x.lw;
        let hp = FNV_OFFSET;
        let hsuf = FNV_OFFSET;
        const maxAffix = Math.min(4, lw.length - 1);
        for (let k = 0; k < maxAffix; k++) {
          hp = Math.imul(hp ^ lw.charCodeAt(k), FNV_PRIME);
          hsuf = Math.imul(hsuf ^ lw.charCodeAt(lw.length - 1 - k), FNV_PRIME);
          addRow(acc, w, fmix(mix(T.prefix + k, hp)) & mask);
          addRow(acc, w, fmix(mix(T.suffix + k, hsuf)) & mask);
        }
        addRow(acc, w, fmix(mix(T.initialCap, init * 8 + c)) & mask);
        addRow(acc, w, fmix(mix(mix(T.lowerCap, hl), (c === 1 || c === 2 ? 1 : 0) + init * 2)) & mask);
        addRow(acc, w, fmix(mix(T.common, x.common * 32 + c * 2 + init)) & mask);
        const cl = useClusters ? x.cluster : undefined;
        if (cl) for (let k = 0; k < cl.length; k++) addRow(acc, w, fmix(mix(mix(T.cluster, k), cl[k]!)) & mask);
        for (let l = 0; l < L; l++) slabF[lo + l] = acc[l]! * scale;
        x.have |= part;
      }
      for (let l = 0; l < L; l++) out[o + l] = slabF[lo + l]!;

      acc.fill(0);
      // Neighbour roles: prev1 (+ cluster), next1 (+ cluster), prev2, next2.
      if (i > 0) addRoles(acc, slabI, this.roles(infos[i - 1]!, w, L), L);
      else addRoles(acc, edges, 0, L);
      if (i + 1 < n) addRoles(acc, slabI, this.roles(infos[i + 1]!, w, L) + L, L);
      else addRoles(acc, edges, L, L);
      if (i > 1) addRoles(acc, slabI, this.roles(infos[i - 2]!, w, L) + 2 * L, L);
      else addRoles(acc, edges, 2 * L, L);
      if (i + 2 < n) addRoles(acc, slabI, this.roles(infos[i + 2]!, w, L) + 3 * L, L);
      else addRoles(acc, edges, 3 * L, L);
      const pl = i > 0 ? infos[i - 1]!.hLower : BOS;
      const nl = i + 1 < n ? infos[i + 1]!.hLower : EOS;
      const ps = i > 0 ? infos[i - 1]!.hShape : BOS;
      const ns = i + 1 < n ? infos[i + 1]!.hShape : EOS;
      addRow(acc, w, fmix(mix(mix(T.bigramPrev, pl), hl)) & mask);
      addRow(acc, w, fmix(mix(mix(T.bigramNext, hl), nl)) & mask);
      addRow(acc, w, fmix(mix(mix(T.shapePrev, ps), hs)) & mask);
      addRow(acc, w, fmix(mix(mix(T.shapeNext, hs), ns)) & mask);
      addRow(acc, w, fmix(mix(mix(mix(T.shapeTri, ps), hs), ns)) & mask);
      addRow(acc, w, fmix(mix(T.profileCap, profile * 8 + c + init * 64)) & mask);
      addRow(acc, w, fmix(mix(mix(T.profileShape, profile), hs)) & mask);
      addRow(acc, w, fmix(mix(mix(T.prevWordShape, pl), hs)) & mask);
      addRow(acc, w, fmix(mix(mix(T.shapeNextWord, hs), nl)) & mask);
      const capBit = c === 1 || c === 2 ? 1 : 0;
      const cm = x.common;
      if (i > 0) addRow(acc, w, fmix(mix(T.commonPrev, infos[i - 1]!.common * 16 + infos[i - 1]!.cap * 2 + capBit)) & mask);
      if (i + 1 < n) addRow(acc, w, fmix(mix(T.commonNext, infos[i + 1]!.common * 16 + infos[i + 1]!.cap * 2 + capBit)) & mask);
      if (longestLen[i]! > 0) {
        for (let q = 0; q < nm; q += 3) {
          const ms = matches[q]!;
          const me = matches[q + 1]!;
          if (i < ms || i >= me) continue;
          const mb = matches[q + 2]!;
          const pos = me - ms === 1 ? 3 : i === ms ? 0 : i === me - 1 ? 2 : 1;
          for (let k = 0; k < GAZ_KINDS.length; k++) {
            if (!(mb & (1 << k))) continue;
            const g = k * 4 + pos;
            addRow(acc, w, fmix(mix(T.gaz, g)) & mask);
            addRow(acc, w, fmix(mix(T.gazCap, g * 8 + cm * 4 + capBit * 2 + init)) & mask);
          }
        }
      }
      if (longestLen[i]! > 0) addRow(acc, w, fmix(mix(mix(T.gazLongest, longestBits[i]!), Math.min(longestLen[i]!, 4) * 2 + capBit)) & mask);
      const gp = i > 0 ? gazAny[i - 1]! : -1;
      const gn = i + 1 < n ? gazAny[i + 1]! : -1;
      if (gp > 0 || gn > 0) {
        for (let k = 0; k < GAZ_KINDS.length; k++) {
          if (gp > 0 && gp & (1 << k)) addRow(acc, w, fmix(mix(T.gazPrev, k * 2 + capBit)) & mask);
          if (gn > 0 && gn & (1 << k)) addRow(acc, w, fmix(mix(T.gazNext, k * 2 + capBit)) & mask);
        }
      }
      if (docCase) {
        addRow(acc, w, fmix(mix(T.docCase, docCase[i]! * 16 + c * 2 + init)) & mask);
        if (i + 1 < n) addRow(acc, w, fmix(mix(T.docCaseNext, docCase[i + 1]! * 8 + infos[i + 1]!.cap * 2 + capBit)) & mask);
      }
      for (let l = 0; l < L; l++) out[o + l]! += acc[l]! * scale;
    }
  }

  /**
   * Offset in the slab of the row sums a word contributes to its neighbours' context features
   * (as prev1 with its cluster, next1 with its cluster, prev2, next2), computed on first use.
   */
  private roles(x: LexInfo, w: PackedWeights, L: number): number {
    const off = x.slot * this.slotStride + 2 * L;
    if (!(x.have & 4)) {
      const r = this.slabI.subarray(off, off + 4 * L);
      r.fill(0);
      const mask = this.mask;
      const cl = this.clusters.size > 0 ? x.cluster : undefined;
      const prev1 = r.subarray(0, L);
      addRow(prev1, w, fmix(mix(T.prev1, x.hLower)) & mask);
      if (cl) addRow(prev1, w, fmix(mix(T.clusterPrev, cl[cl.length - 1]!)) & mask);
      const next1 = r.subarray(L, 2 * L);
      addRow(next1, w, fmix(mix(T.next1, x.hLower)) & mask);
      if (cl) addRow(next1, w, fmix(mix(T.clusterNext, cl[cl.length - 1]!)) & mask);
      addRow(r.subarray(2 * L, 3 * L), w, fmix(mix(T.prev2, x.hLower)) & mask);
      addRow(r.subarray(3 * L, 4 * L), w, fmix(mix(T.next2, x.hLower)) & mask);
      x.have |= 4;
    }
    return off;
  }

  /**
   * Per-word scores live in one slab (local sums as float32, role sums as int32, 6 × labels numbers
   * a word) rather than in small typed arrays scattered over the heap.
   */
  private slabF = new Float32Array(0);
  private slabI = new Int32Array(0);
  private slots = 0;
  private slotStride = 0;

  private ensureSlots(count: number): void {
    const need = count * this.slotStride;
    if (need <= this.slabF.length) return;
    const buf = new ArrayBuffer(4 * Math.max(need, 2 * this.slabF.length, 1024 * this.slotStride));
    new Int32Array(buf).set(this.slabI);
    this.slabF = new Float32Array(buf);
    this.slabI = new Int32Array(buf);
  }
}

const EMPTY: readonly number[] = [];

function addRoles(acc: Int32Array, src: Int32Array, off: number, L: number): void {
  for (let l = 0; l < L; l++) acc[l] = acc[l]! + src[off + l]!;
}
