/**
 * Hashed integer features for the NER sequence labeller. Word-level strings are hashed once
 * per token; templates combine those hashes by integer mixing, so no feature strings are built.
 */
import { GAZ_KINDS, type Gazetteer } from './gazetteer.ts';

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

export function buildDocContext(sentences: readonly (readonly string[])[]): DocContext {
  const capMid = new Set<string>();
  const lower = new Set<string>();
  for (const words of sentences) {
    let lowerCount = 0;
    for (const w of words) if (capClass(w) === 0) lowerCount++;
    // Headlines and all-caps lines capitalize everything: no evidence there.
    const ordinary = lowerCount * 2 >= words.length;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const c = capClass(w);
      const lw = w.toLowerCase();
      if (c === 0) lower.add(lw);
      else if (c === 1 && i > 0 && ordinary && !/^[.!?:"“‘'(«-]$/.test(words[i - 1]!)) capMid.add(lw);
    }
  }
  return { capMid, lower };
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
  ) {}

  /**
   * Features of one sentence. `cached(key)` says the scorer already holds the summed word-local
   * weights for that word key; those features are then not emitted.
   */
  extract(
    words: readonly string[],
    upos?: readonly string[],
    cached?: (key: string) => boolean,
    doc?: DocContext,
  ): SentenceFeatures {
    const n = words.length;
    const keys: string[] = new Array(n);
    const localEnd = new Int32Array(n);
    const lower: string[] = new Array(n);
    const hLower = new Int32Array(n);
    const hShape = new Int32Array(n);
    const cap = new Uint8Array(n);
    const common = new Uint8Array(n);
    let capped = 0;
    let lowered = 0;
    for (let i = 0; i < n; i++) {
      const w = words[i]!;
      const lw = w.toLowerCase();
      lower[i] = lw;
      hLower[i] = hashStr(lw);
      hShape[i] = hashStr(shapeOf(w));
      cap[i] = capClass(w);
      common[i] = this.common.has(lw) ? 1 : 0;
      if (cap[i] === 1 || cap[i] === 2) capped++;
      else if (cap[i] === 0) lowered++;
    }
    // Sentence case profile: all-lowercase (web text), headline/all-caps, or ordinary.
    const profile = capped === 0 ? 1 : lowered === 0 && capped > 2 ? 2 : 0;

    // Gazetteer matches: per token, (kind, position) pairs, and the kinds of the longest match.
    const gazFeat: number[][] = Array.from({ length: n }, () => []);
    const gazAny = new Int32Array(n);
    const longestLen = new Int32Array(n);
    const longestBits = new Int32Array(n);
    for (const m of this.gaz.match(lower)) {
      const len = m.end - m.start;
      for (let i = m.start; i < m.end; i++) {
        const pos = len === 1 ? 3 : i === m.start ? 0 : i === m.end - 1 ? 2 : 1;
        for (let k = 0; k < GAZ_KINDS.length; k++) {
          if (m.bits & (1 << k)) gazFeat[i]!.push(k * 4 + pos);
        }
        gazAny[i]! |= m.bits;
        if (len > longestLen[i]!) {
          longestLen[i] = len;
          longestBits[i] = m.bits;
        }
      }
    }

    const ids: number[] = [];
    const offsets = new Int32Array(n + 1);
    const mask = this.mask;
    const push = (h: number): void => {
      ids.push(fmix(h) & mask);
    };
    const posH = upos ? upos.map((p) => hashStr(p)) : null;

    for (let i = 0; i < n; i++) {
      offsets[i] = ids.length;
      const w = words[i]!;
      const lw = lower[i]!;
      const pl = i > 0 ? hLower[i - 1]! : BOS;
      const nl = i + 1 < n ? hLower[i + 1]! : EOS;
      const pl2 = i > 1 ? hLower[i - 2]! : BOS;
      const nl2 = i + 2 < n ? hLower[i + 2]! : EOS;
      const ps = i > 0 ? hShape[i - 1]! : BOS;
      const ns = i + 1 < n ? hShape[i + 1]! : EOS;
      const c = cap[i]!;

      // Word-local features first (they depend only on the word and on being sentence-initial),
      // so a scorer can cache their summed weights per word and skip them next time.
      const key = i === 0 ? '\u0001' + w : w;
      keys[i] = key;
      if (!cached || !cached(key)) {
        push(T.bias);
        push(mix(T.word, hashStr(w)));
        push(mix(T.lower, hLower[i]!));
        push(mix(T.shape, hShape[i]!));
        let hp = FNV_OFFSET;
        let hs = FNV_OFFSET;
        const maxAffix = Math.min(4, lw.length - 1);
        for (let k = 0; k < maxAffix; k++) {
          hp = Math.imul(hp ^ lw.charCodeAt(k), FNV_PRIME);
          hs = Math.imul(hs ^ lw.charCodeAt(lw.length - 1 - k), FNV_PRIME);
          push(mix(T.prefix + k, hp));
          push(mix(T.suffix + k, hs));
        }
        push(mix(T.initialCap, (i === 0 ? 8 : 0) + c));
        // The same word capitalized mid-sentence vs at the start vs lowercase behaves differently.
        push(mix(mix(T.lowerCap, hLower[i]!), (c === 1 || c === 2 ? 1 : 0) + (i === 0 ? 2 : 0)));
        push(mix(T.common, common[i]! * 32 + c * 2 + (i === 0 ? 1 : 0)));
        const cl = this.clusters.get(lw);
        if (cl) for (let k = 0; k < cl.length; k++) push(mix(mix(T.cluster, k), cl[k]!));
      }
      localEnd[i] = ids.length;
      push(mix(T.prev1, pl));
      push(mix(T.next1, nl));
      push(mix(T.prev2, pl2));
      push(mix(T.next2, nl2));
      push(mix(mix(T.bigramPrev, pl), hLower[i]!));
      push(mix(mix(T.bigramNext, hLower[i]!), nl));
      push(mix(mix(T.shapePrev, ps), hShape[i]!));
      push(mix(mix(T.shapeNext, hShape[i]!), ns));
      push(mix(mix(mix(T.shapeTri, ps), hShape[i]!), ns));
      push(mix(T.profileCap, profile * 8 + c + (i === 0 ? 64 : 0)));
      push(mix(mix(T.profileShape, profile), hShape[i]!));
      push(mix(mix(T.prevWordShape, pl), hShape[i]!));
      push(mix(mix(T.shapeNextWord, hShape[i]!), nl));
      const capBit = c === 1 || c === 2 ? 1 : 0;
      const cm = common[i]!;
      if (i > 0) push(mix(T.commonPrev, common[i - 1]! * 16 + cap[i - 1]! * 2 + capBit));
      if (i + 1 < n) push(mix(T.commonNext, common[i + 1]! * 16 + cap[i + 1]! * 2 + capBit));
      const gf = gazFeat[i]!;
      for (const g of gf) {
        push(mix(T.gaz, g));
        push(mix(T.gazCap, g * 8 + cm * 4 + capBit * 2 + (i === 0 ? 1 : 0)));
      }
      if (this.clusters.size) {
        const pc = i > 0 ? this.clusters.get(lower[i - 1]!) : undefined;
        const nc = i + 1 < n ? this.clusters.get(lower[i + 1]!) : undefined;
        if (pc) push(mix(T.clusterPrev, pc[pc.length - 1]!));
        if (nc) push(mix(T.clusterNext, nc[nc.length - 1]!));
      }
      if (longestLen[i]! > 0) push(mix(mix(T.gazLongest, longestBits[i]!), Math.min(longestLen[i]!, 4) * 2 + capBit));
      const gp = i > 0 ? gazAny[i - 1]! : -1;
      const gn = i + 1 < n ? gazAny[i + 1]! : -1;
      for (let k = 0; k < GAZ_KINDS.length; k++) {
        if (gp > 0 && gp & (1 << k)) push(mix(T.gazPrev, k * 2 + capBit));
        if (gn > 0 && gn & (1 << k)) push(mix(T.gazNext, k * 2 + capBit));
      }
      if (doc) {
        const dc = (doc.capMid.has(lw) ? 2 : 0) + (doc.lower.has(lw) ? 1 : 0);
        push(mix(T.docCase, dc * 16 + c * 2 + (i === 0 ? 1 : 0)));
        if (i + 1 < n) {
          const nw = lower[i + 1]!;
          push(mix(T.docCaseNext, ((doc.capMid.has(nw) ? 2 : 0) + (doc.lower.has(nw) ? 1 : 0)) * 8 + cap[i + 1]! * 2 + capBit));
        }
      }
      if (posH) {
        const p0 = posH[i]!;
        push(mix(T.pos, p0));
        push(mix(mix(T.posPrev, i > 0 ? posH[i - 1]! : BOS), p0));
        push(mix(mix(T.posNext, p0), i + 1 < n ? posH[i + 1]! : EOS));
        push(mix(mix(T.posShape, p0), hShape[i]!));
      }
    }
    offsets[n] = ids.length;
    return { ids: Int32Array.from(ids), offsets, localEnd, keys };
  }
}
