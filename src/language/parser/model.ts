/**
 * The parser model: vocabularies, input encoding, greedy decoding and the compact runtime weights.
 *
 * Runtime weights are sparse rows (CSR) over hashed feature buckets: for each bucket, the classes
 * with a non-zero weight. Scoring touches only those, which keeps parsing fast and memory small.
 */
import {
  extractFeatures,
  extractLabelFeatures,
  GROUP_FEATURES,
  hashString,
  MAX_FEATURES,
  type SentenceInput,
} from './features.ts';
import { LEFT, ParseState, RIGHT, SHIFT } from './transition.ts';

// A module-level copy: imported bindings are getters once tsx compiles to CommonJS.
const LEFT_MOVE = LEFT;

export interface Vocab {
  /** Dependency labels (full UD deprels, subtypes included). */
  readonly labels: readonly string[];
  readonly xpos: readonly string[];
  readonly upos: readonly string[];
  /** Lower-cased word → `fine | coarse << 12` cluster ids (1-based); absent words have 0. */
  readonly clusters?: ReadonlyMap<string, number>;
  /**
   * Label → label group. The move model predicts SHIFT, LEFT-group and RIGHT-group; the label
   * model then picks a label inside the group. One group per label is the classic joint model;
   * a few groups keep most of its accuracy at a fraction of the scoring cost. `root` must be
   * alone in its group. Absent: one group for all labels but root.
   */
  readonly groups?: readonly number[];
}

export interface EncodedVocab {
  readonly labelIndex: Map<string, number>;
  readonly xposIndex: Map<string, number>;
  readonly uposIndex: Map<string, number>;
  readonly root: number;
  readonly groupOf: Int32Array;
  readonly nGroups: number;
  readonly rootGroup: number;
  /** 1 + 2 × nGroups: SHIFT, LEFT-g, RIGHT-g. */
  readonly nMoveClasses: number;
}

export function encodeVocab(v: Vocab): EncodedVocab {
  const labelIndex = new Map(v.labels.map((l, i) => [l, i]));
  const root = labelIndex.get('root');
  if (root === undefined) throw new Error('parser vocabulary has no "root" label');
  const groupOf = Int32Array.from(v.groups ?? v.labels.map((l) => (l === 'root' ? 1 : 0)));
  const nGroups = Math.max(...groupOf) + 1;
  const rootGroup = groupOf[root]!;
  if (groupOf.some((g, i) => g === rootGroup && i !== root)) throw new Error('"root" must be alone in its label group');
  return {
    labelIndex,
    xposIndex: new Map(v.xpos.map((t, i) => [t, i + 1])),
    uposIndex: new Map(v.upos.map((t, i) => [t, i + 1])),
    root,
    groupOf,
    nGroups,
    rootGroup,
    nMoveClasses: 1 + 2 * nGroups,
  };
}

export const ROOT_WORD = hashString('<ROOT>');
export const ROOT_TAG = -3;

/** Encode one sentence's words and tags (unknown tags map to 0). */
export function encodeSentence(
  vocab: Vocab,
  enc: Pick<EncodedVocab, 'xposIndex' | 'uposIndex'>,
  forms: readonly string[],
  upos: readonly (string | undefined)[],
  xpos: readonly (string | undefined)[],
): SentenceInput {
  const n = forms.length;
  const word = new Int32Array(n + 1);
  const tag = new Int32Array(n + 1);
  const utag = new Int32Array(n + 1);
  const suffix = new Int32Array(n + 1);
  const cluster = new Int32Array(n + 1);
  const coarse = new Int32Array(n + 1);
  word[0] = ROOT_WORD;
  tag[0] = ROOT_TAG;
  utag[0] = ROOT_TAG;
  suffix[0] = ROOT_WORD;
  cluster[0] = -1;
  coarse[0] = -1;
  for (let i = 0; i < n; i++) {
    const f = forms[i]!.toLowerCase();
    word[i + 1] = hashString(f);
    suffix[i + 1] = hashString(f.length > 3 ? f.slice(-3) : f) ^ 0x5bd1e995;
    const k = vocab.clusters?.get(f) ?? 0;
    cluster[i + 1] = k & 0xfff;
    coarse[i + 1] = k >>> 12;
    const x = xpos[i];
    const u = upos[i];
    tag[i + 1] = x === undefined ? 0 : (enc.xposIndex.get(x) ?? 0);
    utag[i + 1] = u === undefined ? 0 : (enc.uposIndex.get(u) ?? 0);
  }
  return { n, word, tag, utag, suffix, cluster, coarse };
}

/** Anything that scores all classes for a feature vector. */
export interface Scorer {
  score(feats: Int32Array, nf: number, out: Float32Array): void;
}

export function moveOfClass(cls: number, nGroups: number): number {
  return cls === 0 ? SHIFT : cls <= nGroups ? LEFT : RIGHT;
}

export function groupOfClass(cls: number, nGroups: number): number {
  return cls === 0 ? -1 : cls <= nGroups ? cls - 1 : cls - 1 - nGroups;
}

/** Best valid move class (SHIFT, LEFT-g, RIGHT-g) by score, or -1 when none is valid. */
export function bestMove(st: ParseState, scores: Float32Array, enc: EncodedVocab): number {
  let best = -1;
  let bestScore = -Infinity;
  const G = enc.nGroups;
  const rg = enc.rootGroup;
  if (st.canShift()) {
    best = 0;
    bestScore = scores[0]!;
  }
  if (st.canLeft()) {
    for (let g = 0; g < G; g++) {
      if (g === rg) continue;
      const v = scores[1 + g]!;
      if (v > bestScore) {
        bestScore = v;
        best = 1 + g;
      }
    }
  }
  if (st.canRight()) {
    if (st.rightIsRoot()) {
      if (best === -1 || scores[1 + G + rg]! > bestScore) best = 1 + G + rg;
    } else {
      for (let g = 0; g < G; g++) {
        if (g === rg) continue;
        const v = scores[1 + G + g]!;
        if (v > bestScore) {
          bestScore = v;
          best = 1 + G + g;
        }
      }
    }
  }
  return best;
}

/**
 * Best label (never `root`, reserved for the root attachment) for an arc in direction `move`:
 * the label model's score plus the move model's score for the label's group in that direction,
 * so the label model can overrule the group the move model preferred.
 */
export function bestLabel(labelScores: Float32Array, moveScores: Float32Array, enc: EncodedVocab, move: number): number {
  let best = -1;
  let bestScore = -Infinity;
  const gof = enc.groupOf;
  const base = move === LEFT_MOVE ? 1 : 1 + enc.nGroups;
  for (let l = 0; l < gof.length; l++) {
    if (l === enc.root) continue;
    const v = labelScores[l]! + moveScores[base + gof[l]!]!;
    if (v > bestScore) {
      bestScore = v;
      best = l;
    }
  }
  return best;
}

export interface Buffers {
  readonly feats: Int32Array;
  readonly lfeats: Int32Array;
  readonly moveScores: Float32Array;
  readonly labelScores: Float32Array;
}

export function newBuffers(enc: EncodedVocab): Buffers {
  return {
    feats: new Int32Array(MAX_FEATURES),
    lfeats: new Int32Array(MAX_FEATURES),
    moveScores: new Float32Array(enc.nMoveClasses),
    labelScores: new Float32Array(enc.groupOf.length),
  };
}

/**
 * The move model: every feature scores the three bare moves (cheap dense rows), and the first
 * GROUP_FEATURES features also score the SHIFT / LEFT-group / RIGHT-group classes. This keeps most
 * of the accuracy of a joint move+label model at a fraction of its cost.
 */
export class MoveModel implements Scorer {
  private readonly b = new Float32Array(3);
  constructor(
    readonly base: Scorer,
    readonly group: Scorer,
    readonly nGroups: number,
  ) {}

  score(feats: Int32Array, nf: number, out: Float32Array): void {
    const b = this.b;
    this.base.score(feats, nf, b);
    const G = this.nGroups;
    const group = this.group;
    const ng = nf < GROUP_FEATURES ? nf : GROUP_FEATURES;
    if (group instanceof SparseWeights) {
      // Same float32 roundings as scoring the groups into `out` and adding the base scores.
      group.accumulate(feats, ng);
      const acc = group.acc;
      const q = group.scale;
      const l = b[1]!;
      const r = b[2]!;
      out[0] = Math.fround(acc[0]! * q) + b[0]!;
      for (let g = 1; g <= G; g++) {
        out[g] = Math.fround(acc[g]! * q) + l;
        out[G + g] = Math.fround(acc[G + g]! * q) + r;
      }
      return;
    }
    group.score(feats, ng, out);
    out[0]! += b[0]!;
    const l = b[1]!;
    const r = b[2]!;
    for (let g = 1; g <= G; g++) {
      out[g]! += l;
      out[G + g]! += r;
    }
  }
}

/** Greedy decoding with the move model, labelling each arc with the label model. */
export function greedyParse(
  input: SentenceInput,
  moves: Scorer,
  labels: Scorer,
  enc: EncodedVocab,
  buf: Buffers,
): ParseState {
  const st = new ParseState(input.n);
  const G = enc.nGroups;
  while (!st.isTerminal()) {
    const nf = extractFeatures(st, input, buf.feats);
    moves.score(buf.feats, nf, buf.moveScores);
    const cls = bestMove(st, buf.moveScores, enc);
    const move = moveOfClass(cls, G);
    let lab = -1;
    if (move !== SHIFT) {
      const g = groupOfClass(cls, G);
      if (g === enc.rootGroup) lab = enc.root;
      else {
        const dep = st.stack[st.sp - 1]!;
        const head = move === LEFT ? st.next : st.stack[st.sp - 2]!;
        const nl = extractLabelFeatures(st, input, head, dep, move === RIGHT, buf.lfeats);
        labels.score(buf.lfeats, nl, buf.labelScores);
        lab = bestLabel(buf.labelScores, buf.moveScores, enc, move);
      }
    }
    st.apply(move, lab);
  }
  return st;
}

/**
 * Dense int16 rows (few classes, e.g. the 3 bare moves): one contiguous read per feature, and
 * half the memory of float rows, which matters because scoring is bound by cache misses.
 */
export class DenseRows implements Scorer {
  readonly shift: number;
  constructor(
    readonly bits: number,
    readonly nClasses: number,
    readonly W: Int16Array,
    /** Size of one quantized weight unit. */
    readonly scale: number,
  ) {
    this.shift = 32 - bits;
    this.acc = new Int32Array(nClasses);
  }
  private readonly acc: Int32Array;

  score(feats: Int32Array, nf: number, out: Float32Array): void {
    const C = this.nClasses;
    const W = this.W;
    const sh = this.shift;
    const q = this.scale;
    if (C === 3) {
      let a = 0;
      let b = 0;
      let c = 0;
      for (let i = 0; i < nf; i++) {
        const r = (feats[i]! >>> sh) * 3;
        a += W[r]!;
        b += W[r + 1]!;
        c += W[r + 2]!;
      }
      out[0] = a * q;
      out[1] = b * q;
      out[2] = c * q;
      return;
    }
    const acc = this.acc;
    acc.fill(0);
    for (let i = 0; i < nf; i++) {
      const r = (feats[i]! >>> sh) * C;
      for (let k = 0; k < C; k++) acc[k]! += W[r + k]!;
    }
    for (let k = 0; k < C; k++) out[k] = acc[k]! * q;
  }
}

/**
 * Sparse runtime weights: per bucket, the non-zero (class, weight) entries packed into one int32
 * (`weight << 8 | class`, weights quantized to int16 units) so scoring reads one array.
 */
export function popcount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  v = (v + (v >>> 4)) & 0x0f0f0f0f;
  return Math.imul(v, 0x01010101) >>> 24;
}

export class SparseWeights implements Scorer {
  readonly shift: number;
  /**
   * Runtime layout, chosen because scoring is bound by cache and TLB misses: `index` holds, per
   * 32 buckets, the number of non-empty buckets before them and a bit set of the non-empty ones
   * (small enough to stay in L2; empty buckets cost no further read). Each non-empty bucket has
   * two int32 in `slots`: rows of up to two entries inline (an empty half is 0, which adds 0 to
   * class 0); longer rows hold `offset << 8 | 255` and their length, entries in `overflow`.
   */
  readonly index: Int32Array;
  readonly slots: Int32Array;
  readonly overflow: Int32Array;

  constructor(
    readonly bits: number,
    readonly nClasses: number,
    /** rowStart[b]..rowStart[b+1] are the entries of bucket b. */
    readonly rowStart: Uint32Array,
    readonly packed: Int32Array,
    /** Size of one quantized weight unit. */
    readonly scale: number,
  ) {
    if (nClasses >= 255) throw new Error('sparse weights support at most 254 classes');
    if (bits < 5) throw new Error('sparse weights need at least 32 buckets');
    this.shift = 32 - bits;
    const nb = 1 << bits;
    const index = new Int32Array(nb >>> 4);
    let nonEmpty = 0;
    let nOver = 0;
    for (let b = 0; b < nb; b++) {
      const len = rowStart[b + 1]! - rowStart[b]!;
      if (len > 2) nOver += len;
      if (len > 0) nonEmpty++;
    }
    const slots = new Int32Array(2 * nonEmpty);
    const overflow = new Int32Array(nOver);
    let o = 0;
    let slot = 0;
    for (let b = 0; b < nb; b++) {
      if ((b & 31) === 0) index[(b >>> 5) << 1] = slot;
      const start = rowStart[b]!;
      const len = rowStart[b + 1]! - start;
      if (len === 0) continue;
      index[((b >>> 5) << 1) + 1]! |= 1 << (b & 31);
      if (len > 2) {
        slots[2 * slot] = (o << 8) | 255;
        slots[2 * slot + 1] = len;
        overflow.set(packed.subarray(start, start + len), o);
        o += len;
      } else {
        slots[2 * slot] = packed[start]!;
        if (len > 1) slots[2 * slot + 1] = packed[start + 1]!;
      }
      slot++;
    }
    this.index = index;
    this.slots = slots;
    this.overflow = overflow;
  }

  /** Integer class sums of the last `accumulate` call. */
  readonly acc = new Int32Array(256);

  /** Sum the quantized weights of the features into `acc` (integers: exact in any order). */
  accumulate(feats: Int32Array, nf: number): void {
    const acc = this.acc;
    acc.fill(0, 0, this.nClasses);
    const sh = this.shift;
    const ix = this.index;
    const sl = this.slots;
    const ov = this.overflow;
    for (let i = 0; i < nf; i++) {
      const b = feats[i]! >>> sh;
      const w = (b >>> 5) << 1;
      const set = ix[w + 1]!;
      const m = 1 << (b & 31);
      if ((set & m) === 0) continue;
      const k = (ix[w]! + popcount(set & (m - 1))) << 1;
      const x = sl[k]!;
      const y = sl[k + 1]!;
      if ((x & 255) === 255) {
        const end = (x >>> 8) + y;
        for (let j = x >>> 8; j < end; j++) {
          const e = ov[j]!;
          acc[e & 255]! += e >> 8;
        }
      } else {
        acc[x & 255]! += x >> 8;
        acc[y & 255]! += y >> 8;
      }
    }
  }

  score(feats: Int32Array, nf: number, out: Float32Array): void {
    // Integer accumulation avoids an int→float conversion per entry.
    this.accumulate(feats, nf);
    const acc = this.acc;
    const C = this.nClasses;
    const q = this.scale;
    for (let c = 0; c < C; c++) out[c] = acc[c]! * q;
  }
}

export interface ParseResult {
  /** 1-based heads, 0 = root. */
  readonly head: number[];
  readonly deprel: string[];
}

