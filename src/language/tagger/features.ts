/**
 * Feature extraction for the greedy tagger. Word-level values (form, lowercase, affixes, shape,
 * cluster, ambiguity class) are hashed once per token into typed arrays; templates then combine
 * them with tag ids by integer mixing, so the hot loop allocates nothing.
 */

import { feat1, feat2, feat3, hashStep, HASH_SEED, hashString } from './hash.ts';

/** Word-level knowledge computed from text at training time and stored in the model. */
export interface Lexicon {
  /** Lowercased word → [fine, mid, coarse] cluster ids (ids > 0). */
  readonly clusters: ReadonlyMap<string, readonly [number, number, number]>;
  /** Lowercased word → hash of the set of tags it took in training (frequent words only). */
  readonly ambiguity: ReadonlyMap<string, number>;
  /**
   * Lowercased word → packed facts from all text: bits 0–3 frequency bucket (1: 1–2, 2: 3–9,
   * 3: 10–99, 4: 100+), bits 4–7 how often it is capitalized away from a sentence start
   * (1: never, 2: < 25 %, 3: < 75 %, 4: mostly), 0 when unknown; bits 8–19 an external
   * lexicon's POS class for the word (most likely POS and POS-ambiguity set), 0 when absent;
   * bits 20–26 its most frequent training tag + 1 and bits 27–28 that tag's share (see
   * `addDominantTags`), 0 when absent.
   */
  readonly wordInfo: ReadonlyMap<string, number>;
}

export const EMPTY_LEXICON: Lexicon = { clusters: new Map(), ambiguity: new Map(), wordInfo: new Map() };

/** Frequency bucket at or above which affix features are skipped (the word itself is known well). */
const AFFIX_GATE = 3;

const PAD = 2;

// Layout of a cached word record (see `wordRecord`).
const R_W = 0;
const R_L = 1;
const R_S1 = 2;
const R_S2 = 3;
const R_S3 = 4;
const R_S4 = 5;
const R_P1 = 6;
const R_P2 = 7;
const R_P3 = 8;
const R_SH = 9;
const R_C0 = 10;
const R_C1 = 11;
const R_C2 = 12;
const R_AMB = 13;
const R_LEN = 14;
const R_INFO = 15;
const R_CAP1 = 16;
/** Bits 0–3 auxiliary class, bit 4 starts with punctuation. */
const R_FLAGS = 17;
const R_SIZE = 18;
/** Word records kept before the cache is dropped (bounds memory on long inputs). */
const WORD_CACHE_LIMIT = 50_000;
// Sentinel hashes for padding positions (before the start / after the end of the sentence).
const START = [hashString('<s-2>'), hashString('<s-1>')] as const;
const END = [hashString('</s+1>'), hashString('</s+2>')] as const;

/** Template ids; a feature's hash includes its template id so equal values never collide across templates. */
const enum T {
  Bias = 1,
  W,
  L,
  S1,
  S2,
  S3,
  S4,
  P1,
  P2,
  P3,
  Sh,
  Lm1,
  Lm2,
  Lp1,
  Lp2,
  S3m1,
  S3p1,
  S2p1,
  Shm1,
  Shp1,
  T1,
  T12,
  T1L,
  Lm1L,
  LLp1,
  Lp1Lp2,
  T1S3,
  T1Lp1,
  C0,
  C1,
  C2,
  Cm1,
  Cp1,
  FirstW,
  ShTri,
  Amb,
  Ambm1,
  Ambp1,
  Ambp2,
  R1,
  R2,
  R12,
  T1R1,
  R1L,
  R1S3,
  LenBucket,
  Freq,
  Caps,
  CapsT1,
  Capsp1,
  Ext,
  Extm1,
  Extp1,
  AuxS2,
  Aux,
  VSeen,
  VSeenL,
  S3Lp1,
  VSeenR1,
  Dom,
}

export const MAX_FEATURES = 72;

/**
 * Auxiliary-like words whose presence a few tokens back separates participles from past tenses
 * ("has also confiscated" vs "Jericho confiscated") and base forms from present tenses.
 * 1 have, 2 be, 3 get, 4 modal.
 */
const AUX_CLASS: ReadonlyMap<string, number> = new Map([
  ...['have', 'has', 'had', 'having', "'ve", '’ve', "'d", '’d'].map((w) => [w, 1] as const),
  ...['be', 'is', 'are', 'was', 'were', 'been', 'being', 'am', "'s", '’s', "'re", '’re', "'m", '’m'].map((w) => [w, 2] as const),
  ...['get', 'gets', 'got', 'gotten', 'getting'].map((w) => [w, 3] as const),
  ...['will', 'would', 'can', 'could', 'may', 'might', 'shall', 'should', 'must', "'ll", '’ll', 'wo', 'ca'].map(
    (w) => [w, 4] as const,
  ),
]);
/** How many tokens back the auxiliary search looks (adverbs and negation sit in between). */
const AUX_WINDOW = 4;

/** Verb-context state passed by the decoder: a finite verb was tagged earlier in the clause. */
export const VERB_NONE = 0;
export const VERB_SEEN = 1;

/**
 * Per joint tag ("UPOS\tXPOS"), how it moves the clause state: 1 a finite verb (sets
 * `VERB_SEEN`), 2 a clause or phrase opener that resets it (conjunctions, wh-words,
 * prepositions/subordinators, colons), 0 no change.
 */
export function verbTransitions(tags: readonly string[]): Uint8Array {
  const out = new Uint8Array(tags.length);
  tags.forEach((t, k) => {
    const x = t.split('\t')[1] ?? '';
    if (x === 'VBD' || x === 'VBZ' || x === 'VBP' || x === 'MD') out[k] = 1;
    else if (x === 'CC' || x === 'WDT' || x === 'WP' || x === 'WRB' || x === 'IN' || x === ':') out[k] = 2;
  });
  return out;
}

/** The clause state after tagging a token with a tag of transition kind `kind`. */
export function nextVerbState(state: number, kind: number): number {
  return kind === 1 ? VERB_SEEN : kind === 2 ? VERB_NONE : state;
}

export class FeatureExtractor {
  private readonly lex: Lexicon;
  private cap = 0;
  private w = new Int32Array(0);
  private l = new Int32Array(0);
  private s1 = new Int32Array(0);
  private s2 = new Int32Array(0);
  private s3 = new Int32Array(0);
  private s4 = new Int32Array(0);
  private p1 = new Int32Array(0);
  private p2 = new Int32Array(0);
  private p3 = new Int32Array(0);
  private sh = new Int32Array(0);
  private c0 = new Int32Array(0);
  private c1 = new Int32Array(0);
  private c2 = new Int32Array(0);
  private amb = new Int32Array(0);
  private len = new Int32Array(0);
  private info = new Int32Array(0);
  private cap1 = new Int32Array(0);
  private aux = new Int32Array(0);
  private flags = new Int32Array(0);
  private readonly wordCache = new Map<string, Int32Array>();
  n = 0;

  /** Whether the clause templates (auxiliary window, clause state, suffix × next word) are on. */
  private readonly clause: boolean;

  constructor(lex: Lexicon = EMPTY_LEXICON, clauseFeatures = false) {
    this.lex = lex;
    this.clause = clauseFeatures;
  }

  private ensure(size: number): void {
    if (size <= this.cap) return;
    let cap = Math.max(64, this.cap);
    while (cap < size) cap *= 2;
    this.cap = cap;
    this.w = new Int32Array(cap);
    this.l = new Int32Array(cap);
    this.s1 = new Int32Array(cap);
    this.s2 = new Int32Array(cap);
    this.s3 = new Int32Array(cap);
    this.s4 = new Int32Array(cap);
    this.p1 = new Int32Array(cap);
    this.p2 = new Int32Array(cap);
    this.p3 = new Int32Array(cap);
    this.sh = new Int32Array(cap);
    this.c0 = new Int32Array(cap);
    this.c1 = new Int32Array(cap);
    this.c2 = new Int32Array(cap);
    this.amb = new Int32Array(cap);
    this.len = new Int32Array(cap);
    this.info = new Int32Array(cap);
    this.cap1 = new Int32Array(cap);
    this.aux = new Int32Array(cap);
    this.flags = new Int32Array(cap);
  }

  /**
   * Word-level values of one word form (hashes, lexicon facts), computed once per form and
   * cached: most tokens are frequent words, and this saves lowercasing, hashing and three map
   * lookups per token.
   */
  private wordRecord(word: string): Int32Array {
    const r = new Int32Array(R_SIZE);
    const lw = word.toLowerCase();
    r[R_W] = hashString(word);
    // Lowercase with digits folded to 0, so "1984" and "2003" share a value.
    let hl = HASH_SEED;
    for (let c = 0; c < lw.length; c++) {
      const code = lw.charCodeAt(c);
      hl = hashStep(hl, code >= 48 && code <= 57 ? 48 : code);
    }
    r[R_L] = hl;
    // Suffixes over the lowercase form, hashed back to front.
    let hs = HASH_SEED;
    const m = lw.length;
    for (let k = 1; k <= 4; k++) {
      if (k <= m) hs = hashStep(hs, lw.charCodeAt(m - k));
      r[R_S1 + k - 1] = hs;
    }
    // Prefixes over the original form keep capitalization information.
    let hp = HASH_SEED;
    for (let k = 1; k <= 3; k++) {
      if (k <= word.length) hp = hashStep(hp, word.charCodeAt(k - 1));
      r[R_P1 + k - 1] = hp;
    }
    r[R_SH] = shapeHash(word);
    const cl = this.lex.clusters.get(lw);
    if (cl) {
      r[R_C0] = cl[0];
      r[R_C1] = cl[1];
      r[R_C2] = cl[2];
    }
    r[R_AMB] = this.lex.ambiguity.get(lw) ?? 0;
    r[R_LEN] = m > 12 ? 12 : m;
    r[R_INFO] = this.lex.wordInfo.get(lw) ?? 0;
    const c0 = word.charCodeAt(0);
    // First character class: 1 upper, 2 lower, 3 other (digits, punctuation).
    const cap1 = word[0] !== lw[0] ? 1 : (c0 >= 97 && c0 <= 122) || word[0] !== word[0]!.toUpperCase() ? 2 : 3;
    r[R_CAP1] = cap1;
    const aux = lw.length <= 7 ? (AUX_CLASS.get(lw) ?? 0) : 0;
    const lc = lw.charCodeAt(0);
    const punct = aux === 0 && !((lc >= 97 && lc <= 122) || (lc >= 48 && lc <= 57) || lc > 127) ? 1 : 0;
    r[R_FLAGS] = aux | (punct << 4);
    return r;
  }

  /** Hash the word-level values of a sentence. Must be called before `extract`. */
  prepare(words: readonly string[]): void {
    const n = words.length;
    this.n = n;
    this.ensure(n + 2 * PAD);
    for (let k = 0; k < PAD; k++) this.fillPad(k, START[k]!);
    for (let k = 0; k < PAD; k++) this.fillPad(n + PAD + k, END[k]!);
    const cache = this.wordCache;
    for (let i = 0; i < n; i++) {
      const word = words[i]!;
      let r = cache.get(word);
      if (r === undefined) {
        r = this.wordRecord(word);
        if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
        cache.set(word, r);
      }
      const j = i + PAD;
      this.w[j] = r[R_W]!;
      this.l[j] = r[R_L]!;
      this.s1[j] = r[R_S1]!;
      this.s2[j] = r[R_S2]!;
      this.s3[j] = r[R_S3]!;
      this.s4[j] = r[R_S4]!;
      this.p1[j] = r[R_P1]!;
      this.p2[j] = r[R_P2]!;
      this.p3[j] = r[R_P3]!;
      this.sh[j] = r[R_SH]!;
      this.c0[j] = r[R_C0]!;
      this.c1[j] = r[R_C1]!;
      this.c2[j] = r[R_C2]!;
      this.amb[j] = r[R_AMB]!;
      this.len[j] = r[R_LEN]!;
      this.info[j] = r[R_INFO]!;
      this.cap1[j] = r[R_CAP1]!;
      this.flags[j] = r[R_FLAGS]!;
    }
    // Nearest auxiliary within the window, as class * 8 + distance; the search stops at
    // punctuation. One pass: `last` is the latest auxiliary (or -1 after punctuation).
    let last = -1;
    let lastClass = 0;
    for (let i = 0; i < n; i++) {
      const d = i - last;
      this.aux[i + PAD] = last >= 0 && d <= AUX_WINDOW ? lastClass * 8 + d : 0;
      const f = this.flags[i + PAD]!;
      if ((f & 15) !== 0) {
        last = i;
        lastClass = f & 15;
      } else if (f & 16) last = -1;
    }
  }

  private fillPad(j: number, h: number): void {
    this.w[j] = h;
    this.l[j] = h;
    this.s1[j] = h;
    this.s2[j] = h;
    this.s3[j] = h;
    this.s4[j] = h;
    this.p1[j] = h;
    this.p2[j] = h;
    this.p3[j] = h;
    this.sh[j] = h;
    this.c0[j] = h;
    this.c1[j] = h;
    this.c2[j] = h;
    this.amb[j] = h;
    this.len[j] = 0;
    this.info[j] = 0;
    this.cap1[j] = 0;
    this.aux[j] = 0;
    this.flags[j] = 0;
  }

  /**
   * Features of token `i` given the two previous predicted tags (`t1`, `t2`; use the start
   * sentinel ids past the sentence start) and, for the second pass, the next two tags
   * predicted by the first pass (`r1`, `r2`; -1 to omit the right-context templates).
   * Returns the number of features written to `out`.
   */
  extract(i: number, t1: number, t2: number, r1: number, r2: number, out: Int32Array, verb = VERB_NONE): number {
    const n = this.extractLocal(i, out, 0);
    return this.extractContext(i, t1, t2, r1, r2, out, n, verb);
  }

  /**
   * Features that depend only on the word itself (so their summed scores can be cached per word
   * form at tag time). Writes from `out[n]`; returns the new count.
   */
  extractLocal(i: number, out: Int32Array, n: number): number {
    const j = i + PAD;
    const info = this.info[j]!;
    out[n++] = feat1(T.Bias, 0);
    out[n++] = feat1(T.W, this.w[j]!);
    out[n++] = feat1(T.L, this.l[j]!);
    if ((info & 15) < AFFIX_GATE) {
      out[n++] = feat1(T.S1, this.s1[j]!);
      out[n++] = feat1(T.S2, this.s2[j]!);
      out[n++] = feat1(T.S3, this.s3[j]!);
      out[n++] = feat1(T.S4, this.s4[j]!);
      out[n++] = feat1(T.P1, this.p1[j]!);
      out[n++] = feat1(T.P2, this.p2[j]!);
      out[n++] = feat1(T.P3, this.p3[j]!);
    }
    const cap1 = this.cap1[j]!;
    out[n++] = feat2(T.Freq, info & 15, cap1);
    out[n++] = feat2(T.Ext, (info >> 8) & 0xfff, cap1);
    out[n++] = feat1(T.Sh, this.sh[j]!);
    out[n++] = feat1(T.LenBucket, this.len[j]!);
    if (this.c0[j] !== 0) {
      out[n++] = feat1(T.C0, this.c0[j]!);
      out[n++] = feat1(T.C1, this.c1[j]!);
      out[n++] = feat1(T.C2, this.c2[j]!);
    }
    if (this.amb[j] !== 0) out[n++] = feat1(T.Amb, this.amb[j]!);
    const dom = info >>> 20;
    if (dom !== 0) out[n++] = feat2(T.Dom, dom, info & 15);
    return n;
  }

  /**
   * A small context set for a cheap first pass whose only job is to guess the right-context
   * tags for the full second pass. Writes from `out[n]`; returns the new count.
   */
  extractContextLite(i: number, t1: number, t2: number, out: Int32Array, n: number): number {
    const j = i + PAD;
    const { l, info, amb } = this;
    out[n++] = feat1(T.T1, t1);
    out[n++] = feat2(T.T12, t1, t2);
    out[n++] = feat1(T.Lm1, l[j - 1]!);
    out[n++] = feat1(T.Lp1, l[j + 1]!);
    out[n++] = feat1(T.Extp1, (info[j + 1]! >> 8) & 0xfff);
    out[n++] = feat1(T.Ambp1, amb[j + 1]!);
    out[n++] = feat3(T.Caps, (info[j]! >> 4) & 15, this.cap1[j]!, i === 0 ? 1 : 0);
    return n;
  }

  /**
   * Features that look at neighbouring words or tags. `verb` is the decoder's clause state
   * (`VERB_NONE` / `VERB_SEEN`). Writes from `out[n]`; returns the new count.
   */
  extractContext(
    i: number,
    t1: number,
    t2: number,
    r1: number,
    r2: number,
    out: Int32Array,
    n: number,
    verb = VERB_NONE,
  ): number {
    const j = i + PAD;
    const { w, l, s2, s3, sh, c1, amb, info: inf, cap1: cap } = this;
    const L = l[j]!;
    const info = inf[j]!;
    const cap1 = cap[j]!;
    const first = i === 0 ? 1 : 0;
    out[n++] = feat3(T.Caps, (info >> 4) & 15, cap1, first);
    out[n++] = feat3(T.CapsT1, (info >> 4) & 15, cap1, t1);
    out[n++] = feat3(T.Capsp1, (info >> 4) & 15, (inf[j + 1]! >> 4) & 15, cap[j + 1]!);
    out[n++] = feat2(T.Extm1, (inf[j - 1]! >> 8) & 0xfff, t1);
    out[n++] = feat1(T.Extp1, (inf[j + 1]! >> 8) & 0xfff);
    out[n++] = feat1(T.Lm1, l[j - 1]!);
    out[n++] = feat1(T.Lm2, l[j - 2]!);
    out[n++] = feat1(T.Lp1, l[j + 1]!);
    out[n++] = feat1(T.Lp2, l[j + 2]!);
    out[n++] = feat1(T.S3m1, s3[j - 1]!);
    out[n++] = feat1(T.S3p1, s3[j + 1]!);
    out[n++] = feat1(T.S2p1, s2[j + 1]!);
    out[n++] = feat1(T.Shm1, sh[j - 1]!);
    out[n++] = feat1(T.Shp1, sh[j + 1]!);
    out[n++] = feat1(T.T1, t1);
    out[n++] = feat2(T.T12, t1, t2);
    out[n++] = feat2(T.T1L, t1, L);
    out[n++] = feat2(T.Lm1L, l[j - 1]!, L);
    out[n++] = feat2(T.LLp1, L, l[j + 1]!);
    out[n++] = feat2(T.Lp1Lp2, l[j + 1]!, l[j + 2]!);
    out[n++] = feat2(T.T1S3, t1, s3[j]!);
    out[n++] = feat2(T.T1Lp1, t1, l[j + 1]!);
    out[n++] = feat3(T.ShTri, sh[j - 1]!, sh[j]!, sh[j + 1]!);
    if (first) out[n++] = feat1(T.FirstW, w[j]!);
    if (c1[j - 1] !== 0) out[n++] = feat1(T.Cm1, c1[j - 1]!);
    if (c1[j + 1] !== 0) out[n++] = feat1(T.Cp1, c1[j + 1]!);
    out[n++] = feat2(T.Ambm1, amb[j - 1]!, t1);
    out[n++] = feat1(T.Ambp1, amb[j + 1]!);
    out[n++] = feat2(T.Ambp2, amb[j + 1]!, amb[j + 2]!);
    const clause = this.clause;
    const aux = this.aux[j]!;
    if (clause) {
      out[n++] = feat1(T.Aux, aux);
      out[n++] = feat2(T.AuxS2, aux >> 3, s2[j]!);
      out[n++] = feat3(T.VSeen, verb, t1, s2[j]!);
      out[n++] = feat2(T.VSeenL, verb, L);
      out[n++] = feat2(T.S3Lp1, s3[j]!, l[j + 1]!);
    }
    if (r1 >= 0) {
      if (clause) out[n++] = feat3(T.VSeenR1, verb * 4 + (aux >> 3), r1, s2[j]!);
      out[n++] = feat1(T.R1, r1);
      out[n++] = feat1(T.R2, r2);
      out[n++] = feat2(T.R12, r1, r2);
      out[n++] = feat2(T.T1R1, t1, r1);
      out[n++] = feat2(T.R1L, r1, L);
      out[n++] = feat2(T.R1S3, r1, s3[j]!);
    }
    return n;
  }
}

/** Hash of the collapsed character-class shape: "McDonald's" → "XxXxx'x". */
export function shapeHash(word: string): number {
  let h = HASH_SEED;
  let prev = -1;
  let count = 0;
  for (let c = 0; c < word.length; c++) {
    const code = word.charCodeAt(c);
    let cls: number;
    if (code >= 65 && code <= 90) cls = 88; // X
    else if (code >= 97 && code <= 122) cls = 120; // x
    else if (code >= 48 && code <= 57) cls = 100; // d
    else if (code > 127) {
      const ch = word[c]!;
      cls = ch !== ch.toLowerCase() ? 88 : ch !== ch.toUpperCase() ? 120 : code;
    } else cls = code;
    if (cls !== prev) {
      h = hashStep(h, cls);
      prev = cls;
      count = 0;
    } else if (count < 2) {
      // Runs of one, two and three-or-more stay apart ("Xx", "Xxx", "Xxxx…"); longer runs collapse.
      h = hashStep(h, cls);
    }
    count++;
  }
  return h;
}
