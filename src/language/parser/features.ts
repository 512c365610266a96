/**
 * Feature extraction for the arc-hybrid parser: Zhang & Nivre (2011) rich non-local features
 * (distance, valency, second/third-order children, label sets) adapted to arc-hybrid, where the
 * RIGHT move attaches s0 to s1 so s1–s0 pairs matter as much as s0–b0 pairs.
 *
 * Every feature is a 32-bit integer hash of a template id and integer values (word hashes, tag
 * ids, label ids); nothing is built as a string at parse time.
 */
import type { ParseState } from './transition.ts';

/** Per-sentence token attributes, index 0 is the root. */
export interface SentenceInput {
  readonly n: number;
  /** Hash of the lower-cased form. */
  readonly word: Int32Array;
  /** Fine tag (XPOS) id. */
  readonly tag: Int32Array;
  /** Coarse tag (UPOS) id. */
  readonly utag: Int32Array;
  /** Hash of the last three characters of the lower-cased form (helps rare words). */
  readonly suffix: Int32Array;
  /** Fine word-cluster id (0 when unknown). */
  readonly cluster: Int32Array;
  /** Coarse word-cluster id (0 when unknown). */
  readonly coarse: Int32Array;
}

export const MAX_FEATURES = 160;

/** How many leading move features the label-group move classes use (see extractFeatures). */
export const GROUP_FEATURES = 36;

// Module-level scratch for the template writers: closures created per call are slow (and tsx
// wraps each in a naming helper), so the writers are plain functions over this state.
let OUT: Int32Array = new Int32Array(MAX_FEATURES);
let C = 0;
let T = 0;

function f1(a: number): void {
  OUT[C++] = fmix(mix(mix(0x2545f491, ++T), a));
}
function f2(a: number, b: number): void {
  OUT[C++] = fmix(mix(mix(mix(0x2545f491, ++T), a), b));
}
function f3(a: number, b: number, d: number): void {
  OUT[C++] = fmix(mix(mix(mix(mix(0x2545f491, ++T), a), b), d));
}
function f4(a: number, b: number, d: number, e: number): void {
  OUT[C++] = fmix(mix(mix(mix(mix(mix(0x2545f491, ++T), a), b), d), e));
}

const NONE = -7;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
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

/** FNV-1a of a string; used once per token, never per feature. */
export function hashString(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

function dist(a: number, b: number): number {
  if (a < 0 || b < 0) return NONE;
  const d = a > b ? a - b : b - a;
  return d < 5 ? d : d < 7 ? 5 : d < 10 ? 6 : d < 15 ? 7 : 8;
}

function cap(v: number): number {
  return v < 4 ? v : 4;
}

/**
 * Fill `out` with feature hashes for the state; returns how many were written.
 */
export function extractFeatures(st: ParseState, s: SentenceInput, out: Int32Array): number {
  const W = s.word;
  const P = s.tag;
  const U = s.utag;
  const X = s.suffix;
  const K = s.cluster;
  const lab = st.label;
  const sp = st.sp;
  const n = st.n;
  const stk = st.stack;

  const s0 = sp >= 1 ? stk[sp - 1]! : -1;
  const s1 = sp >= 2 ? stk[sp - 2]! : -1;
  const s2 = sp >= 3 ? stk[sp - 3]! : -1;
  const n0 = st.next <= n ? st.next : -1;
  const n1 = st.next + 1 <= n ? st.next + 1 : -1;
  const n2 = st.next + 2 <= n ? st.next + 2 : -1;

  const s0l1 = s0 >= 0 ? st.l1[s0]! : -1;
  const s0l2 = s0 >= 0 ? st.l2[s0]! : -1;
  const s0r1 = s0 >= 0 ? st.r1[s0]! : -1;
  const s0r2 = s0 >= 0 ? st.r2[s0]! : -1;
  const s1l1 = s1 >= 0 ? st.l1[s1]! : -1;
  const s1r1 = s1 >= 0 ? st.r1[s1]! : -1;
  const s1r2 = s1 >= 0 ? st.r2[s1]! : -1;
  const n0l1 = n0 >= 0 ? st.l1[n0]! : -1;
  const n0l2 = n0 >= 0 ? st.l2[n0]! : -1;

  const S0w = (s0 >= 0 ? W[s0]! : NONE), S0p = (s0 >= 0 ? P[s0]! : NONE), S0u = (s0 >= 0 ? U[s0]! : NONE);
  const S1w = (s1 >= 0 ? W[s1]! : NONE), S1p = (s1 >= 0 ? P[s1]! : NONE), S1u = (s1 >= 0 ? U[s1]! : NONE);
  const S2w = (s2 >= 0 ? W[s2]! : NONE), S2p = (s2 >= 0 ? P[s2]! : NONE);
  const N0w = (n0 >= 0 ? W[n0]! : NONE), N0p = (n0 >= 0 ? P[n0]! : NONE), N0u = (n0 >= 0 ? U[n0]! : NONE);
  const N1w = (n1 >= 0 ? W[n1]! : NONE), N1p = (n1 >= 0 ? P[n1]! : NONE);
  const N2w = (n2 >= 0 ? W[n2]! : NONE), N2p = (n2 >= 0 ? P[n2]! : NONE);
  const S0L1w = (s0l1 >= 0 ? W[s0l1]! : NONE), S0L1p = (s0l1 >= 0 ? P[s0l1]! : NONE), S0L1l = (s0l1 >= 0 ? lab[s0l1]! : NONE);
  const S0L2w = (s0l2 >= 0 ? W[s0l2]! : NONE), S0L2p = (s0l2 >= 0 ? P[s0l2]! : NONE), S0L2l = (s0l2 >= 0 ? lab[s0l2]! : NONE);
  const S0R1w = (s0r1 >= 0 ? W[s0r1]! : NONE), S0R1p = (s0r1 >= 0 ? P[s0r1]! : NONE), S0R1l = (s0r1 >= 0 ? lab[s0r1]! : NONE);
  const S0R2w = (s0r2 >= 0 ? W[s0r2]! : NONE), S0R2p = (s0r2 >= 0 ? P[s0r2]! : NONE), S0R2l = (s0r2 >= 0 ? lab[s0r2]! : NONE);
  const S1L1p = (s1l1 >= 0 ? P[s1l1]! : NONE), S1L1l = (s1l1 >= 0 ? lab[s1l1]! : NONE);
  const S1R1w = (s1r1 >= 0 ? W[s1r1]! : NONE), S1R1p = (s1r1 >= 0 ? P[s1r1]! : NONE), S1R1l = (s1r1 >= 0 ? lab[s1r1]! : NONE);
  const S1R2p = (s1r2 >= 0 ? P[s1r2]! : NONE), S1R2l = (s1r2 >= 0 ? lab[s1r2]! : NONE);
  const N0L1w = (n0l1 >= 0 ? W[n0l1]! : NONE), N0L1p = (n0l1 >= 0 ? P[n0l1]! : NONE), N0L1l = (n0l1 >= 0 ? lab[n0l1]! : NONE);
  const N0L2w = (n0l2 >= 0 ? W[n0l2]! : NONE), N0L2p = (n0l2 >= 0 ? P[n0l2]! : NONE), N0L2l = (n0l2 >= 0 ? lab[n0l2]! : NONE);

  const d0 = dist(s0, n0);
  const d1 = dist(s1, s0);
  const S0vl = s0 >= 0 ? cap(st.nLeft[s0]!) : NONE;
  const S0vr = s0 >= 0 ? cap(st.nRight[s0]!) : NONE;
  const S1vl = s1 >= 0 ? cap(st.nLeft[s1]!) : NONE;
  const S1vr = s1 >= 0 ? cap(st.nRight[s1]!) : NONE;
  const N0vl = n0 >= 0 ? cap(st.nLeft[n0]!) : NONE;
  const S0sl = s0 >= 0 ? st.leftLabels[s0]! : NONE;
  const S0sr = s0 >= 0 ? st.rightLabels[s0]! : NONE;
  const S1sr = s1 >= 0 ? st.rightLabels[s1]! : NONE;
  const N0sl = n0 >= 0 ? st.leftLabels[n0]! : NONE;
  const S0x = s0 >= 0 ? X[s0]! : NONE;
  const N0x = n0 >= 0 ? X[n0]! : NONE;
  const S1x = s1 >= 0 ? X[s1]! : NONE;
  const S0k = s0 >= 0 ? K[s0]! : NONE;
  const S1k = s1 >= 0 ? K[s1]! : NONE;
  const N0k = n0 >= 0 ? K[n0]! : NONE;
  const N1k = n1 >= 0 ? K[n1]! : NONE;
  const KC = s.coarse;
  const S0c = s0 >= 0 ? KC[s0]! : NONE;
  const S1c = s1 >= 0 ? KC[s1]! : NONE;
  const N0c = n0 >= 0 ? KC[n0]! : NONE;

  OUT = out;
  C = 0;
  T = 0;
  // The first GROUP_FEATURES templates are also scored for the label-group move classes (see
  // model.ts); the rest only for the three bare moves. Keep their order.
  f1(0); // bias
  f2(S0w, S0p); f1(S0w); f1(S0p); f2(N0w, N0p); f1(N0w); f1(N0p); f1(S1p); f2(S1w, S1p); f1(N1p);
  f2(S0p, N0p); f2(S1p, S0p); f3(S1p, S0p, N0p); f3(S0p, N0p, N1p);
  f3(S0w, S0p, N0p); f3(S0p, N0w, N0p); f3(S1w, S1p, S0p); f3(S1p, S0w, S0p);
  f1(S0x); f1(N0x); f2(S0x, S0u); f2(N0x, N0u); f1(S0k); f1(N0k);
  f3(S0p, N0p, d0); f3(S1p, S0p, d1);
  f1(S0L1l); f1(S0R1l); f1(N0L1l); f1(S1R1l); f3(S0p, S0L1l, N0p); f3(S1p, S0p, S0L1l);
  f2(S0p, S0vl); f2(S0p, S0sl); f2(N0p, N0sl); f2(S0p, S0sr);
  // --- end of the group subset ---
  f2(N1w, N1p); f1(N1w);
  f2(N2w, N2p); f1(N2w); f1(N2p);
  f1(S1w);
  f1(S2w); f1(S2p);
  f1(S1x);
  f1(S1k); f1(N1k);
  f2(S0k, N0k); f2(S1k, S0k); f3(S0k, N0p, N0w);
  f3(S0c, N0c, S1c); f2(S0c, N0p); f2(S0p, N0c); f2(S1c, S0p); f2(S1p, S0c);
  // pairs s0–n0
  f4(S0w, S0p, N0w, N0p); f3(S0w, S0p, N0w); f3(S0w, N0w, N0p);
  f2(S0w, N0w); f2(N0p, N1p);
  f2(S0u, N0u);
  // pairs s1–s0
  f4(S1w, S1p, S0w, S0p); f3(S1w, S1p, S0w); f3(S1w, S0w, S0p);
  f2(S1w, S0w); f2(S1u, S0u);
  f2(S1w, N0w); f2(S1p, N0p);
  // triples of tags
  f3(N0p, N1p, N2p); f3(S2p, S1p, S0p);
  f3(S0p, S0L1p, N0p); f3(S0p, S0R1p, N0p); f3(S0p, N0p, N0L1p);
  f3(S1p, S1R1p, S0p); f3(S1p, S0p, S0L1p); f3(S1p, S0p, S0R1p);
  f3(S0p, S0L1p, S0L2p); f3(S0p, S0R1p, S0R2p); f3(N0p, N0L1p, N0L2p);
  f3(S1p, S1R1p, S1R2p);
  f4(S1w, S0p, N0p, 0); f4(S1p, S0w, N0p, 0); f4(S1p, S0p, N0w, 0);
  // distance
  f2(S0w, d0); f2(S0p, d0); f2(N0w, d0); f2(N0p, d0); f3(S0w, N0w, d0);
  f2(S1w, d1); f2(S1p, d1); f2(S0w, d1); f3(S1w, S0w, d1);
  f3(S1p, S0p, d0);
  // valency
  f2(S0w, S0vr); f2(S0p, S0vr); f2(S0w, S0vl); f2(N0w, N0vl); f2(N0p, N0vl);
  f2(S1w, S1vr); f2(S1p, S1vr); f2(S1p, S1vl);
  f3(S1p, S0p, S0vl); f3(S1p, S0p, S0vr);
  // children
  f1(S0L1w); f1(S0L1p); f1(S0L2w); f1(S0L2p); f1(S0L2l);
  f1(S0R1w); f1(S0R1p); f1(S0R2w); f1(S0R2p); f1(S0R2l);
  f1(N0L1w); f1(N0L1p); f1(N0L2w); f1(N0L2p); f1(N0L2l);
  f1(S1R1w); f1(S1R1p); f1(S1L1p); f1(S1L1l); f1(S1R2l);
  f3(S1p, S1R1l, S0p); f3(S0p, S0R1l, N0p);
  f3(S0p, S0L1l, S0L2l); f3(S0p, S0R1l, S0R2l); f3(N0p, N0L1l, N0L2l);
  f3(S1p, S1R1l, S1R2l); f2(S1L1p, S1p); f2(S1R2p, S1p);
  // label sets
  f2(S0w, S0sr); f2(S0w, S0sl); f2(N0w, N0sl);
  f2(S1p, S1sr); f3(S1p, S0p, S0sl); f3(S1p, S0p, S0sr);
  // lexical children pairs
  f3(S0w, S0L1w, N0p); f3(S0w, S0R1w, N0p); f3(N0w, N0L1w, S0p); f3(S1w, S1R1w, S0p);
  return C;
}

/**
 * Features for labelling the arc `head → dep` that the chosen move creates (the label model is
 * factored from the move model so a parse step scores 3 moves plus, on arcs, the labels, instead
 * of 2 × labels + 1 classes). `right` says whether the dependent is right of the head.
 */
export function extractLabelFeatures(
  st: ParseState,
  s: SentenceInput,
  head: number,
  dep: number,
  right: boolean,
  out: Int32Array,
): number {
  const W = s.word;
  const P = s.tag;
  const U = s.utag;
  const X = s.suffix;
  const K = s.cluster;
  const lab = st.label;
  const n = st.n;
  OUT = out;
  C = 0;
  T = right ? 1000 : 2000;
  const hw = W[head]!, hp = P[head]!, hu = U[head]!;
  const dw = W[dep]!, dp = P[dep]!, du = U[dep]!;
  const dx = X[dep]!, hx = X[head]!;
  const dk = K[dep]!;
  const hk = K[head]!;
  const dd = dist(head, dep);
  const dl1 = st.l1[dep]!, dr1 = st.r1[dep]!;
  const hl1 = st.l1[head]!, hr1 = st.r1[head]!;
  const DL1l = dl1 >= 0 ? lab[dl1]! : NONE;
  const DL1p = dl1 >= 0 ? P[dl1]! : NONE;
  const DL1w = dl1 >= 0 ? W[dl1]! : NONE;
  const DR1l = dr1 >= 0 ? lab[dr1]! : NONE;
  const DR1p = dr1 >= 0 ? P[dr1]! : NONE;
  const HL1l = hl1 >= 0 ? lab[hl1]! : NONE;
  const HR1l = hr1 >= 0 ? lab[hr1]! : NONE;
  const prevP = dep > 1 ? P[dep - 1]! : NONE;
  const nextP = dep < n ? P[dep + 1]! : NONE;
  const prevW = dep > 1 ? W[dep - 1]! : NONE;
  const hPrevP = head > 1 ? P[head - 1]! : NONE;
  const dsl = st.leftLabels[dep]!, dsr = st.rightLabels[dep]!;
  const hs = right ? st.rightLabels[head]! : st.leftLabels[head]!;
  const dvl = cap(st.nLeft[dep]!), dvr = cap(st.nRight[dep]!);
  const b = st.next <= n ? st.next : -1;
  const bp = b >= 0 && b !== head ? P[b]! : NONE;

  f1(0);
  f1(hw); f1(hp); f2(hw, hp); f1(dw); f1(dp); f2(dw, dp); f1(du); f1(hu);
  f2(hw, dw); f2(hp, dp); f2(hw, dp); f2(hp, dw); f3(hw, hp, dp); f3(hp, dw, dp);
  f2(hu, du); f3(hu, du, dd); f3(hp, dp, dd); f2(dw, dd); f2(dp, dd);
  f1(dx); f2(dx, hp); f1(hx); f2(dk, hp); f1(dk); f2(dk, hk); f2(hk, dp);
  f2(dp, DL1l); f2(dp, DR1l); f3(dp, DL1l, DR1l); f2(DL1w, dp); f2(DL1p, dp); f2(DR1p, dp);
  f2(dp, dsl); f2(dp, dsr); f2(dw, dsl); f3(hp, dp, dsl);
  f2(hp, HL1l); f2(hp, HR1l); f3(hp, dp, hs); f2(hw, hs);
  f3(dp, prevP, nextP); f2(dp, prevW); f3(hp, dp, hPrevP); f3(dp, dvl, dvr);
  f3(hp, dp, bp);
  return C;
}
