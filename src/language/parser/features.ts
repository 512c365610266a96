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

/** Templates written by `extractDynamicFeatures`, and how many of them lead (group subset). */
export const DYNAMIC_FEATURES = 114;
export const DYNAMIC_GROUP_FEATURES = 20;

/** Token roles of the single-token templates: stack s0–s2 and buffer b0–b2. */
export const ROLE_S0 = 0;
export const ROLE_S1 = 1;
export const ROLE_S2 = 2;
export const ROLE_N0 = 3;
export const ROLE_N1 = 4;
export const ROLE_N2 = 5;

/** Which token attributes a single-token template hashes. */
const WP = 0;
const W_ = 1;
const P_ = 2;
const X_ = 3;
const XU = 4;
const K_ = 5;
const U_ = 6;

/**
 * The single-token move templates of `extractFeatures` per role: [template id, attributes, in the
 * group subset]. Template ids count from 1 in the order of `extractFeatures`.
 */
export const ROLE_TEMPLATES: readonly (readonly (readonly [number, number, boolean])[])[] = [
  [[2, WP, true], [3, W_, true], [4, P_, true], [19, X_, true], [21, XU, true], [23, K_, true]],
  [[8, P_, true], [9, WP, true], [42, W_, false], [45, X_, false], [46, K_, false]],
  [[43, W_, false], [44, P_, false]],
  [[5, WP, true], [6, W_, true], [7, P_, true], [20, X_, true], [22, XU, true], [24, K_, true]],
  [[10, P_, true], [37, WP, false], [38, W_, false], [47, K_, false]],
  [[39, WP, false], [40, W_, false], [41, P_, false]],
];

/** Label-model template ids (added to 1000 for right arcs, 2000 for left arcs). */
export const LABEL_HEAD_TEMPLATES: readonly (readonly [number, number, boolean])[] = [
  [2, W_, true], [3, P_, true], [4, WP, true], [9, U_, true], [23, X_, true],
];
export const LABEL_DEP_TEMPLATES: readonly (readonly [number, number, boolean])[] = [
  [5, W_, true], [6, P_, true], [7, WP, true], [8, U_, true], [21, X_, true], [25, K_, true],
];
export const LABEL_DYNAMIC_FEATURES = 34;

/** Hash of the label model's bias template for right or left arcs. */
export function labelBiasFeature(right: boolean): number {
  return h1(right ? 1001 : 2001, 0);
}

/** Hash of template `t` over one, two or three values, as `extractFeatures` computes it. */
export function templateHash(t: number, a: number, b?: number, c?: number): number {
  return b === undefined ? h1(t, a) : c === undefined ? h2(t, a, b) : h3(t, a, b, c);
}

/**
 * Small-domain dynamic group templates that the parser scores from precomputed per-value tables
 * (position in `extractDynamicFeatures` output, template id): the child-label unigrams s0.l1,
 * s0.r1, b0.l1, s1.r1, and s0 tag × s0 left valency. Their group rows are among the longest.
 */
export const LABEL_CHILD_TEMPLATES: readonly (readonly [number, number])[] = [[10, 27], [11, 28], [12, 29], [13, 30]];
export const TAG_VALENCY_TEMPLATE: readonly [number, number] = [16, 33];

/** Hash of the bias template (id 1), in every move feature vector. */
export function biasFeature(): number {
  return h1(1, 0);
}

/**
 * Hash of a single-token template for a token with word hash `w`, fine tag `p`, coarse tag `u`,
 * suffix hash `x` and fine cluster `k` (all NONE when the role is empty).
 */
export function roleFeature(
  template: readonly [number, number, boolean],
  w: number,
  p: number,
  u: number,
  x: number,
  k: number,
  offset = 0,
): number {
  const t = template[0] + offset;
  switch (template[1]) {
    case WP:
      return h2(t, w, p);
    case W_:
      return h1(t, w);
    case P_:
      return h1(t, p);
    case X_:
      return h1(t, x);
    case XU:
      return h2(t, x, u);
    case U_:
      return h1(t, u);
    default:
      return h1(t, k);
  }
}

/** The value of every attribute of an empty role. */
export const NONE_VALUE = -7;

/** How many leading move features the label-group move classes use (see extractFeatures). */
export const GROUP_FEATURES = 36;

// Template ids are mixed into the seed once, at load time: per feature only the values are mixed.
const SEED = 0x2545f491;
const TSEED = new Int32Array(2200);
for (let t = 0; t < TSEED.length; t++) TSEED[t] = mix(SEED, t);

// Plain functions over locals (no module-level state) so V8 inlines them and keeps the feature
// counter in a register.
function h1(t: number, a: number): number {
  return fmix(mix(TSEED[t]!, a));
}
function h2(t: number, a: number, b: number): number {
  return fmix(mix(mix(TSEED[t]!, a), b));
}
function h3(t: number, a: number, b: number, d: number): number {
  return fmix(mix(mix(mix(TSEED[t]!, a), b), d));
}
function h4(t: number, a: number, b: number, d: number, e: number): number {
  return fmix(mix(mix(mix(mix(TSEED[t]!, a), b), d), e));
}

const NONE = NONE_VALUE;

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

  const o = out;
  let c = 0;
  let t = 0;
  // The first GROUP_FEATURES templates are also scored for the label-group move classes (see
  // model.ts); the rest only for the three bare moves. Keep their order.
  o[c++] = h1(++t, 0); // bias
  o[c++] = h2(++t, S0w, S0p); o[c++] = h1(++t, S0w); o[c++] = h1(++t, S0p); o[c++] = h2(++t, N0w, N0p); o[c++] = h1(++t, N0w); o[c++] = h1(++t, N0p); o[c++] = h1(++t, S1p); o[c++] = h2(++t, S1w, S1p); o[c++] = h1(++t, N1p);
  o[c++] = h2(++t, S0p, N0p); o[c++] = h2(++t, S1p, S0p); o[c++] = h3(++t, S1p, S0p, N0p); o[c++] = h3(++t, S0p, N0p, N1p);
  o[c++] = h3(++t, S0w, S0p, N0p); o[c++] = h3(++t, S0p, N0w, N0p); o[c++] = h3(++t, S1w, S1p, S0p); o[c++] = h3(++t, S1p, S0w, S0p);
  o[c++] = h1(++t, S0x); o[c++] = h1(++t, N0x); o[c++] = h2(++t, S0x, S0u); o[c++] = h2(++t, N0x, N0u); o[c++] = h1(++t, S0k); o[c++] = h1(++t, N0k);
  o[c++] = h3(++t, S0p, N0p, d0); o[c++] = h3(++t, S1p, S0p, d1);
  o[c++] = h1(++t, S0L1l); o[c++] = h1(++t, S0R1l); o[c++] = h1(++t, N0L1l); o[c++] = h1(++t, S1R1l); o[c++] = h3(++t, S0p, S0L1l, N0p); o[c++] = h3(++t, S1p, S0p, S0L1l);
  o[c++] = h2(++t, S0p, S0vl); o[c++] = h2(++t, S0p, S0sl); o[c++] = h2(++t, N0p, N0sl); o[c++] = h2(++t, S0p, S0sr);
  // --- end of the group subset ---
  o[c++] = h2(++t, N1w, N1p); o[c++] = h1(++t, N1w);
  o[c++] = h2(++t, N2w, N2p); o[c++] = h1(++t, N2w); o[c++] = h1(++t, N2p);
  o[c++] = h1(++t, S1w);
  o[c++] = h1(++t, S2w); o[c++] = h1(++t, S2p);
  o[c++] = h1(++t, S1x);
  o[c++] = h1(++t, S1k); o[c++] = h1(++t, N1k);
  o[c++] = h2(++t, S0k, N0k); o[c++] = h2(++t, S1k, S0k); o[c++] = h3(++t, S0k, N0p, N0w);
  o[c++] = h3(++t, S0c, N0c, S1c); o[c++] = h2(++t, S0c, N0p); o[c++] = h2(++t, S0p, N0c); o[c++] = h2(++t, S1c, S0p); o[c++] = h2(++t, S1p, S0c);
  // pairs s0–n0
  o[c++] = h4(++t, S0w, S0p, N0w, N0p); o[c++] = h3(++t, S0w, S0p, N0w); o[c++] = h3(++t, S0w, N0w, N0p);
  o[c++] = h2(++t, S0w, N0w); o[c++] = h2(++t, N0p, N1p);
  o[c++] = h2(++t, S0u, N0u);
  // pairs s1–s0
  o[c++] = h4(++t, S1w, S1p, S0w, S0p); o[c++] = h3(++t, S1w, S1p, S0w); o[c++] = h3(++t, S1w, S0w, S0p);
  o[c++] = h2(++t, S1w, S0w); o[c++] = h2(++t, S1u, S0u);
  o[c++] = h2(++t, S1w, N0w); o[c++] = h2(++t, S1p, N0p);
  // triples of tags
  o[c++] = h3(++t, N0p, N1p, N2p); o[c++] = h3(++t, S2p, S1p, S0p);
  o[c++] = h3(++t, S0p, S0L1p, N0p); o[c++] = h3(++t, S0p, S0R1p, N0p); o[c++] = h3(++t, S0p, N0p, N0L1p);
  o[c++] = h3(++t, S1p, S1R1p, S0p); o[c++] = h3(++t, S1p, S0p, S0L1p); o[c++] = h3(++t, S1p, S0p, S0R1p);
  o[c++] = h3(++t, S0p, S0L1p, S0L2p); o[c++] = h3(++t, S0p, S0R1p, S0R2p); o[c++] = h3(++t, N0p, N0L1p, N0L2p);
  o[c++] = h3(++t, S1p, S1R1p, S1R2p);
  o[c++] = h4(++t, S1w, S0p, N0p, 0); o[c++] = h4(++t, S1p, S0w, N0p, 0); o[c++] = h4(++t, S1p, S0p, N0w, 0);
  // distance
  o[c++] = h2(++t, S0w, d0); o[c++] = h2(++t, S0p, d0); o[c++] = h2(++t, N0w, d0); o[c++] = h2(++t, N0p, d0); o[c++] = h3(++t, S0w, N0w, d0);
  o[c++] = h2(++t, S1w, d1); o[c++] = h2(++t, S1p, d1); o[c++] = h2(++t, S0w, d1); o[c++] = h3(++t, S1w, S0w, d1);
  o[c++] = h3(++t, S1p, S0p, d0);
  // valency
  o[c++] = h2(++t, S0w, S0vr); o[c++] = h2(++t, S0p, S0vr); o[c++] = h2(++t, S0w, S0vl); o[c++] = h2(++t, N0w, N0vl); o[c++] = h2(++t, N0p, N0vl);
  o[c++] = h2(++t, S1w, S1vr); o[c++] = h2(++t, S1p, S1vr); o[c++] = h2(++t, S1p, S1vl);
  o[c++] = h3(++t, S1p, S0p, S0vl); o[c++] = h3(++t, S1p, S0p, S0vr);
  // children
  o[c++] = h1(++t, S0L1w); o[c++] = h1(++t, S0L1p); o[c++] = h1(++t, S0L2w); o[c++] = h1(++t, S0L2p); o[c++] = h1(++t, S0L2l);
  o[c++] = h1(++t, S0R1w); o[c++] = h1(++t, S0R1p); o[c++] = h1(++t, S0R2w); o[c++] = h1(++t, S0R2p); o[c++] = h1(++t, S0R2l);
  o[c++] = h1(++t, N0L1w); o[c++] = h1(++t, N0L1p); o[c++] = h1(++t, N0L2w); o[c++] = h1(++t, N0L2p); o[c++] = h1(++t, N0L2l);
  o[c++] = h1(++t, S1R1w); o[c++] = h1(++t, S1R1p); o[c++] = h1(++t, S1L1p); o[c++] = h1(++t, S1L1l); o[c++] = h1(++t, S1R2l);
  o[c++] = h3(++t, S1p, S1R1l, S0p); o[c++] = h3(++t, S0p, S0R1l, N0p);
  o[c++] = h3(++t, S0p, S0L1l, S0L2l); o[c++] = h3(++t, S0p, S0R1l, S0R2l); o[c++] = h3(++t, N0p, N0L1l, N0L2l);
  o[c++] = h3(++t, S1p, S1R1l, S1R2l); o[c++] = h2(++t, S1L1p, S1p); o[c++] = h2(++t, S1R2p, S1p);
  // label sets
  o[c++] = h2(++t, S0w, S0sr); o[c++] = h2(++t, S0w, S0sl); o[c++] = h2(++t, N0w, N0sl);
  o[c++] = h2(++t, S1p, S1sr); o[c++] = h3(++t, S1p, S0p, S0sl); o[c++] = h3(++t, S1p, S0p, S0sr);
  // lexical children pairs
  o[c++] = h3(++t, S0w, S0L1w, N0p); o[c++] = h3(++t, S0w, S0R1w, N0p); o[c++] = h3(++t, N0w, N0L1w, S0p); o[c++] = h3(++t, S1w, S1R1w, S0p);
  return c;
}

/**
 * Runtime variant of `extractFeatures`: only the templates that depend on more than one token or
 * on the parse state (DYNAMIC_FEATURES of them, the first DYNAMIC_GROUP_FEATURES of which belong
 * to the label-group subset). The single-token templates (ROLE_TEMPLATES) and the bias are summed
 * once per word type by the parser instead. Same template ids, so the same hashes.
 * Generated from `extractFeatures` by dropping those templates; `features.test.ts` checks that
 * both together give exactly `extractFeatures`.
 */
export function extractDynamicFeatures(st: ParseState, s: SentenceInput, out: Int32Array): number {
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

  const o = out;
  let c = 0;
  let t = 0;
  ++t; // bias
  ++t; ++t; ++t; ++t; ++t; ++t; ++t; ++t; ++t;
  o[c++] = h2(++t, S0p, N0p); o[c++] = h2(++t, S1p, S0p); o[c++] = h3(++t, S1p, S0p, N0p); o[c++] = h3(++t, S0p, N0p, N1p);
  o[c++] = h3(++t, S0w, S0p, N0p); o[c++] = h3(++t, S0p, N0w, N0p); o[c++] = h3(++t, S1w, S1p, S0p); o[c++] = h3(++t, S1p, S0w, S0p);
  ++t; ++t; ++t; ++t; ++t; ++t;
  o[c++] = h3(++t, S0p, N0p, d0); o[c++] = h3(++t, S1p, S0p, d1);
  o[c++] = h1(++t, S0L1l); o[c++] = h1(++t, S0R1l); o[c++] = h1(++t, N0L1l); o[c++] = h1(++t, S1R1l); o[c++] = h3(++t, S0p, S0L1l, N0p); o[c++] = h3(++t, S1p, S0p, S0L1l);
  o[c++] = h2(++t, S0p, S0vl); o[c++] = h2(++t, S0p, S0sl); o[c++] = h2(++t, N0p, N0sl); o[c++] = h2(++t, S0p, S0sr);
  // --- end of the group subset ---
  ++t; ++t;
  ++t; ++t; ++t;
  ++t;
  ++t; ++t;
  ++t;
  ++t; ++t;
  o[c++] = h2(++t, S0k, N0k); o[c++] = h2(++t, S1k, S0k); o[c++] = h3(++t, S0k, N0p, N0w);
  o[c++] = h3(++t, S0c, N0c, S1c); o[c++] = h2(++t, S0c, N0p); o[c++] = h2(++t, S0p, N0c); o[c++] = h2(++t, S1c, S0p); o[c++] = h2(++t, S1p, S0c);
  // pairs s0–n0
  o[c++] = h4(++t, S0w, S0p, N0w, N0p); o[c++] = h3(++t, S0w, S0p, N0w); o[c++] = h3(++t, S0w, N0w, N0p);
  o[c++] = h2(++t, S0w, N0w); o[c++] = h2(++t, N0p, N1p);
  o[c++] = h2(++t, S0u, N0u);
  // pairs s1–s0
  o[c++] = h4(++t, S1w, S1p, S0w, S0p); o[c++] = h3(++t, S1w, S1p, S0w); o[c++] = h3(++t, S1w, S0w, S0p);
  o[c++] = h2(++t, S1w, S0w); o[c++] = h2(++t, S1u, S0u);
  o[c++] = h2(++t, S1w, N0w); o[c++] = h2(++t, S1p, N0p);
  // triples of tags
  o[c++] = h3(++t, N0p, N1p, N2p); o[c++] = h3(++t, S2p, S1p, S0p);
  o[c++] = h3(++t, S0p, S0L1p, N0p); o[c++] = h3(++t, S0p, S0R1p, N0p); o[c++] = h3(++t, S0p, N0p, N0L1p);
  o[c++] = h3(++t, S1p, S1R1p, S0p); o[c++] = h3(++t, S1p, S0p, S0L1p); o[c++] = h3(++t, S1p, S0p, S0R1p);
  o[c++] = h3(++t, S0p, S0L1p, S0L2p); o[c++] = h3(++t, S0p, S0R1p, S0R2p); o[c++] = h3(++t, N0p, N0L1p, N0L2p);
  o[c++] = h3(++t, S1p, S1R1p, S1R2p);
  o[c++] = h4(++t, S1w, S0p, N0p, 0); o[c++] = h4(++t, S1p, S0w, N0p, 0); o[c++] = h4(++t, S1p, S0p, N0w, 0);
  // distance
  o[c++] = h2(++t, S0w, d0); o[c++] = h2(++t, S0p, d0); o[c++] = h2(++t, N0w, d0); o[c++] = h2(++t, N0p, d0); o[c++] = h3(++t, S0w, N0w, d0);
  o[c++] = h2(++t, S1w, d1); o[c++] = h2(++t, S1p, d1); o[c++] = h2(++t, S0w, d1); o[c++] = h3(++t, S1w, S0w, d1);
  o[c++] = h3(++t, S1p, S0p, d0);
  // valency
  o[c++] = h2(++t, S0w, S0vr); o[c++] = h2(++t, S0p, S0vr); o[c++] = h2(++t, S0w, S0vl); o[c++] = h2(++t, N0w, N0vl); o[c++] = h2(++t, N0p, N0vl);
  o[c++] = h2(++t, S1w, S1vr); o[c++] = h2(++t, S1p, S1vr); o[c++] = h2(++t, S1p, S1vl);
  o[c++] = h3(++t, S1p, S0p, S0vl); o[c++] = h3(++t, S1p, S0p, S0vr);
  // children
  o[c++] = h1(++t, S0L1w); o[c++] = h1(++t, S0L1p); o[c++] = h1(++t, S0L2w); o[c++] = h1(++t, S0L2p); o[c++] = h1(++t, S0L2l);
  o[c++] = h1(++t, S0R1w); o[c++] = h1(++t, S0R1p); o[c++] = h1(++t, S0R2w); o[c++] = h1(++t, S0R2p); o[c++] = h1(++t, S0R2l);
  o[c++] = h1(++t, N0L1w); o[c++] = h1(++t, N0L1p); o[c++] = h1(++t, N0L2w); o[c++] = h1(++t, N0L2p); o[c++] = h1(++t, N0L2l);
  o[c++] = h1(++t, S1R1w); o[c++] = h1(++t, S1R1p); o[c++] = h1(++t, S1L1p); o[c++] = h1(++t, S1L1l); o[c++] = h1(++t, S1R2l);
  o[c++] = h3(++t, S1p, S1R1l, S0p); o[c++] = h3(++t, S0p, S0R1l, N0p);
  o[c++] = h3(++t, S0p, S0L1l, S0L2l); o[c++] = h3(++t, S0p, S0R1l, S0R2l); o[c++] = h3(++t, N0p, N0L1l, N0L2l);
  o[c++] = h3(++t, S1p, S1R1l, S1R2l); o[c++] = h2(++t, S1L1p, S1p); o[c++] = h2(++t, S1R2p, S1p);
  // label sets
  o[c++] = h2(++t, S0w, S0sr); o[c++] = h2(++t, S0w, S0sl); o[c++] = h2(++t, N0w, N0sl);
  o[c++] = h2(++t, S1p, S1sr); o[c++] = h3(++t, S1p, S0p, S0sl); o[c++] = h3(++t, S1p, S0p, S0sr);
  // lexical children pairs
  o[c++] = h3(++t, S0w, S0L1w, N0p); o[c++] = h3(++t, S0w, S0R1w, N0p); o[c++] = h3(++t, N0w, N0L1w, S0p); o[c++] = h3(++t, S1w, S1R1w, S0p);
  return c;
}

/**
 * Small-domain dynamic move templates (over tags, labels, distances, valencies and coarse
 * clusters only) that the runtime parser scores from per-value tables instead of hashed rows:
 * [position in the extractDynamicFeatures output, template id, value kind of the first value,
 * of the second (-1: unigram)]. `extractRuntimeFeatures` writes their values in this order.
 * The first GROUP_TABLE_TEMPLATES of them (s0 tag × b0 tag, s1 tag × s0 tag) belong to the
 * label-group subset: their tables also hold the group-class rows.
 */
export const GROUP_TABLE_TEMPLATES = 2;
export const VALUE_KIND_TAG = 0;
export const VALUE_KIND_UTAG = 1;
export const VALUE_KIND_LABEL = 2;
export const VALUE_KIND_DIST = 3;
export const VALUE_KIND_VAL = 4;
export const VALUE_KIND_COARSE = 5;
export const TABLE_TEMPLATES: readonly (readonly [number, number, number, number])[] = [
  [0, 11, 0, 0], [1, 12, 0, 0], [24, 52, 5, 0], [25, 53, 0, 5], [26, 54, 5, 0], [27, 55, 0, 5],
  [32, 60, 0, 0], [33, 61, 1, 1], [38, 66, 1, 1], [40, 68, 0, 0], [57, 85, 0, 3], [59, 87, 0, 3],
  [62, 90, 0, 3], [67, 95, 0, 4], [70, 98, 0, 4], [72, 100, 0, 4], [73, 101, 0, 4], [77, 105, 0, -1],
  [79, 107, 0, -1], [80, 108, 2, -1], [82, 110, 0, -1], [84, 112, 0, -1], [85, 113, 2, -1], [87, 115, 0, -1],
  [89, 117, 0, -1], [90, 118, 2, -1], [92, 120, 0, -1], [93, 121, 0, -1], [94, 122, 2, -1], [95, 123, 2, -1],
  [102, 130, 0, 0], [103, 131, 0, 0],
];

/**
 * Move templates over three small-domain values (tag and label triples; none in the label-group
 * subset): [position in the extractDynamicFeatures output, template id, value kinds]. Their
 * per-value tables (≈ 58³ entries) are filled lazily by the runtime parser.
 * `extractRuntimeFeatures` writes their three values to `v3`, in this order.
 */
export const TRIPLE_TABLE_TEMPLATES: readonly (readonly [number, number, number, number, number])[] = [
  [23, 51, 5, 5, 5], [41, 69, 0, 0, 0], [42, 70, 0, 0, 0], [43, 71, 0, 0, 0], [44, 72, 0, 0, 0],
  [45, 73, 0, 0, 0], [46, 74, 0, 0, 0], [47, 75, 0, 0, 0], [48, 76, 0, 0, 0], [49, 77, 0, 0, 0],
  [50, 78, 0, 0, 0], [51, 79, 0, 0, 0], [52, 80, 0, 0, 0], [65, 93, 0, 0, 3], [74, 102, 0, 0, 4],
  [75, 103, 0, 0, 4], [96, 124, 0, 2, 0], [97, 125, 0, 2, 0], [98, 126, 0, 2, 2], [99, 127, 0, 2, 2],
  [100, 128, 0, 2, 2], [101, 129, 0, 2, 2],
];

/**
 * Runtime variant of `extractDynamicFeatures` for the table-scoring parser: writes the hashes of
 * the remaining templates (same order, the five of LABEL_CHILD_TEMPLATES/TAG_VALENCY_TEMPLATE and
 * all TABLE_TEMPLATES and TRIPLE_TABLE_TEMPLATES left out) into `out`, two values per
 * TABLE_TEMPLATES entry into `v` (-8 as the second value of a unigram) and three per
 * TRIPLE_TABLE_TEMPLATES entry into `v3`. Generated from `extractDynamicFeatures`;
 * `features.test.ts` checks that the hashes of both together are exactly its output.
 */
export function extractRuntimeFeatures(
  st: ParseState,
  s: SentenceInput,
  out: Int32Array,
  v: Int32Array,
  v3: Int32Array,
): number {
  let k = 0;
  let m = 0;
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

  const o = out;
  let c = 0;
  let t = 0;
  ++t; // bias
  ++t; ++t; ++t; ++t; ++t; ++t; ++t; ++t; ++t;
  ++t; v[k++] = S0p; v[k++] = N0p; ++t; v[k++] = S1p; v[k++] = S0p; o[c++] = h3(++t, S1p, S0p, N0p); o[c++] = h3(++t, S0p, N0p, N1p);
  o[c++] = h3(++t, S0w, S0p, N0p); o[c++] = h3(++t, S0p, N0w, N0p); o[c++] = h3(++t, S1w, S1p, S0p); o[c++] = h3(++t, S1p, S0w, S0p);
  ++t; ++t; ++t; ++t; ++t; ++t;
  o[c++] = h3(++t, S0p, N0p, d0); o[c++] = h3(++t, S1p, S0p, d1);
  ++t; ++t; ++t; ++t; o[c++] = h3(++t, S0p, S0L1l, N0p); o[c++] = h3(++t, S1p, S0p, S0L1l);
  ++t; o[c++] = h2(++t, S0p, S0sl); o[c++] = h2(++t, N0p, N0sl); o[c++] = h2(++t, S0p, S0sr);
  // --- end of the group subset ---
  ++t; ++t;
  ++t; ++t; ++t;
  ++t;
  ++t; ++t;
  ++t;
  ++t; ++t;
  o[c++] = h2(++t, S0k, N0k); o[c++] = h2(++t, S1k, S0k); o[c++] = h3(++t, S0k, N0p, N0w);
  ++t; v3[m++] = S0c; v3[m++] = N0c; v3[m++] = S1c; ++t; v[k++] = S0c; v[k++] = N0p; ++t; v[k++] = S0p; v[k++] = N0c; ++t; v[k++] = S1c; v[k++] = S0p; ++t; v[k++] = S1p; v[k++] = S0c;
  // pairs s0–n0
  o[c++] = h4(++t, S0w, S0p, N0w, N0p); o[c++] = h3(++t, S0w, S0p, N0w); o[c++] = h3(++t, S0w, N0w, N0p);
  o[c++] = h2(++t, S0w, N0w); ++t; v[k++] = N0p; v[k++] = N1p;
  ++t; v[k++] = S0u; v[k++] = N0u;
  // pairs s1–s0
  o[c++] = h4(++t, S1w, S1p, S0w, S0p); o[c++] = h3(++t, S1w, S1p, S0w); o[c++] = h3(++t, S1w, S0w, S0p);
  o[c++] = h2(++t, S1w, S0w); ++t; v[k++] = S1u; v[k++] = S0u;
  o[c++] = h2(++t, S1w, N0w); ++t; v[k++] = S1p; v[k++] = N0p;
  // triples of tags
  ++t; v3[m++] = N0p; v3[m++] = N1p; v3[m++] = N2p; ++t; v3[m++] = S2p; v3[m++] = S1p; v3[m++] = S0p;
  ++t; v3[m++] = S0p; v3[m++] = S0L1p; v3[m++] = N0p; ++t; v3[m++] = S0p; v3[m++] = S0R1p; v3[m++] = N0p; ++t; v3[m++] = S0p; v3[m++] = N0p; v3[m++] = N0L1p;
  ++t; v3[m++] = S1p; v3[m++] = S1R1p; v3[m++] = S0p; ++t; v3[m++] = S1p; v3[m++] = S0p; v3[m++] = S0L1p; ++t; v3[m++] = S1p; v3[m++] = S0p; v3[m++] = S0R1p;
  ++t; v3[m++] = S0p; v3[m++] = S0L1p; v3[m++] = S0L2p; ++t; v3[m++] = S0p; v3[m++] = S0R1p; v3[m++] = S0R2p; ++t; v3[m++] = N0p; v3[m++] = N0L1p; v3[m++] = N0L2p;
  ++t; v3[m++] = S1p; v3[m++] = S1R1p; v3[m++] = S1R2p;
  o[c++] = h4(++t, S1w, S0p, N0p, 0); o[c++] = h4(++t, S1p, S0w, N0p, 0); o[c++] = h4(++t, S1p, S0p, N0w, 0);
  // distance
  o[c++] = h2(++t, S0w, d0); ++t; v[k++] = S0p; v[k++] = d0; o[c++] = h2(++t, N0w, d0); ++t; v[k++] = N0p; v[k++] = d0; o[c++] = h3(++t, S0w, N0w, d0);
  o[c++] = h2(++t, S1w, d1); ++t; v[k++] = S1p; v[k++] = d1; o[c++] = h2(++t, S0w, d1); o[c++] = h3(++t, S1w, S0w, d1);
  ++t; v3[m++] = S1p; v3[m++] = S0p; v3[m++] = d0;
  // valency
  o[c++] = h2(++t, S0w, S0vr); ++t; v[k++] = S0p; v[k++] = S0vr; o[c++] = h2(++t, S0w, S0vl); o[c++] = h2(++t, N0w, N0vl); ++t; v[k++] = N0p; v[k++] = N0vl;
  o[c++] = h2(++t, S1w, S1vr); ++t; v[k++] = S1p; v[k++] = S1vr; ++t; v[k++] = S1p; v[k++] = S1vl;
  ++t; v3[m++] = S1p; v3[m++] = S0p; v3[m++] = S0vl; ++t; v3[m++] = S1p; v3[m++] = S0p; v3[m++] = S0vr;
  // children
  o[c++] = h1(++t, S0L1w); ++t; v[k++] = S0L1p; v[k++] = -8; o[c++] = h1(++t, S0L2w); ++t; v[k++] = S0L2p; v[k++] = -8; ++t; v[k++] = S0L2l; v[k++] = -8;
  o[c++] = h1(++t, S0R1w); ++t; v[k++] = S0R1p; v[k++] = -8; o[c++] = h1(++t, S0R2w); ++t; v[k++] = S0R2p; v[k++] = -8; ++t; v[k++] = S0R2l; v[k++] = -8;
  o[c++] = h1(++t, N0L1w); ++t; v[k++] = N0L1p; v[k++] = -8; o[c++] = h1(++t, N0L2w); ++t; v[k++] = N0L2p; v[k++] = -8; ++t; v[k++] = N0L2l; v[k++] = -8;
  o[c++] = h1(++t, S1R1w); ++t; v[k++] = S1R1p; v[k++] = -8; ++t; v[k++] = S1L1p; v[k++] = -8; ++t; v[k++] = S1L1l; v[k++] = -8; ++t; v[k++] = S1R2l; v[k++] = -8;
  ++t; v3[m++] = S1p; v3[m++] = S1R1l; v3[m++] = S0p; ++t; v3[m++] = S0p; v3[m++] = S0R1l; v3[m++] = N0p;
  ++t; v3[m++] = S0p; v3[m++] = S0L1l; v3[m++] = S0L2l; ++t; v3[m++] = S0p; v3[m++] = S0R1l; v3[m++] = S0R2l; ++t; v3[m++] = N0p; v3[m++] = N0L1l; v3[m++] = N0L2l;
  ++t; v3[m++] = S1p; v3[m++] = S1R1l; v3[m++] = S1R2l; ++t; v[k++] = S1L1p; v[k++] = S1p; ++t; v[k++] = S1R2p; v[k++] = S1p;
  // label sets
  o[c++] = h2(++t, S0w, S0sr); o[c++] = h2(++t, S0w, S0sl); o[c++] = h2(++t, N0w, N0sl);
  o[c++] = h2(++t, S1p, S1sr); o[c++] = h3(++t, S1p, S0p, S0sl); o[c++] = h3(++t, S1p, S0p, S0sr);
  // lexical children pairs
  o[c++] = h3(++t, S0w, S0L1w, N0p); o[c++] = h3(++t, S0w, S0R1w, N0p); o[c++] = h3(++t, N0w, N0L1w, S0p); o[c++] = h3(++t, S1w, S1R1w, S0p);
  return c;
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
  const o = out;
  let c = 0;
  let t = right ? 1000 : 2000;
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

  o[c++] = h1(++t, 0);
  o[c++] = h1(++t, hw); o[c++] = h1(++t, hp); o[c++] = h2(++t, hw, hp); o[c++] = h1(++t, dw); o[c++] = h1(++t, dp); o[c++] = h2(++t, dw, dp); o[c++] = h1(++t, du); o[c++] = h1(++t, hu);
  o[c++] = h2(++t, hw, dw); o[c++] = h2(++t, hp, dp); o[c++] = h2(++t, hw, dp); o[c++] = h2(++t, hp, dw); o[c++] = h3(++t, hw, hp, dp); o[c++] = h3(++t, hp, dw, dp);
  o[c++] = h2(++t, hu, du); o[c++] = h3(++t, hu, du, dd); o[c++] = h3(++t, hp, dp, dd); o[c++] = h2(++t, dw, dd); o[c++] = h2(++t, dp, dd);
  o[c++] = h1(++t, dx); o[c++] = h2(++t, dx, hp); o[c++] = h1(++t, hx); o[c++] = h2(++t, dk, hp); o[c++] = h1(++t, dk); o[c++] = h2(++t, dk, hk); o[c++] = h2(++t, hk, dp);
  o[c++] = h2(++t, dp, DL1l); o[c++] = h2(++t, dp, DR1l); o[c++] = h3(++t, dp, DL1l, DR1l); o[c++] = h2(++t, DL1w, dp); o[c++] = h2(++t, DL1p, dp); o[c++] = h2(++t, DR1p, dp);
  o[c++] = h2(++t, dp, dsl); o[c++] = h2(++t, dp, dsr); o[c++] = h2(++t, dw, dsl); o[c++] = h3(++t, hp, dp, dsl);
  o[c++] = h2(++t, hp, HL1l); o[c++] = h2(++t, hp, HR1l); o[c++] = h3(++t, hp, dp, hs); o[c++] = h2(++t, hw, hs);
  o[c++] = h3(++t, dp, prevP, nextP); o[c++] = h2(++t, dp, prevW); o[c++] = h3(++t, hp, dp, hPrevP); o[c++] = h3(++t, dp, dvl, dvr);
  o[c++] = h3(++t, hp, dp, bp);
  return c;
}

/**
 * Runtime variant of `extractLabelFeatures` without the bias and the single-token head and
 * dependent templates (LABEL_HEAD_TEMPLATES, LABEL_DEP_TEMPLATES), which the parser sums once per
 * word type. Generated from `extractLabelFeatures`; `features.test.ts` checks the two agree.
 */
export function extractLabelDynamicFeatures(
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
  const o = out;
  let c = 0;
  let t = right ? 1000 : 2000;
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

  ++t;
  ++t; ++t; ++t; ++t; ++t; ++t; ++t; ++t;
  o[c++] = h2(++t, hw, dw); o[c++] = h2(++t, hp, dp); o[c++] = h2(++t, hw, dp); o[c++] = h2(++t, hp, dw); o[c++] = h3(++t, hw, hp, dp); o[c++] = h3(++t, hp, dw, dp);
  o[c++] = h2(++t, hu, du); o[c++] = h3(++t, hu, du, dd); o[c++] = h3(++t, hp, dp, dd); o[c++] = h2(++t, dw, dd); o[c++] = h2(++t, dp, dd);
  ++t; o[c++] = h2(++t, dx, hp); ++t; o[c++] = h2(++t, dk, hp); ++t; o[c++] = h2(++t, dk, hk); o[c++] = h2(++t, hk, dp);
  o[c++] = h2(++t, dp, DL1l); o[c++] = h2(++t, dp, DR1l); o[c++] = h3(++t, dp, DL1l, DR1l); o[c++] = h2(++t, DL1w, dp); o[c++] = h2(++t, DL1p, dp); o[c++] = h2(++t, DR1p, dp);
  o[c++] = h2(++t, dp, dsl); o[c++] = h2(++t, dp, dsr); o[c++] = h2(++t, dw, dsl); o[c++] = h3(++t, hp, dp, dsl);
  o[c++] = h2(++t, hp, HL1l); o[c++] = h2(++t, hp, HR1l); o[c++] = h3(++t, hp, dp, hs); o[c++] = h2(++t, hw, hs);
  o[c++] = h3(++t, dp, prevP, nextP); o[c++] = h2(++t, dp, prevW); o[c++] = h3(++t, hp, dp, hPrevP); o[c++] = h3(++t, dp, dvl, dvr);
  o[c++] = h3(++t, hp, dp, bp);
  return c;
}

/**
 * Small-domain label templates (tags, coarse tags, labels, distance) that the runtime parser
 * scores from per-value tables: [position in the extractLabelDynamicFeatures output, template id
 * without the 1000/2000 direction offset, value kind of the first value, of the second]
 * (VALUE_KIND_* of TABLE_TEMPLATES).
 */
export const LABEL_TABLE_TEMPLATES: readonly (readonly [number, number, number, number])[] = [
  [1, 11, 0, 0], [6, 16, 1, 1], [10, 20, 0, 3], [15, 28, 0, 2], [16, 29, 0, 2],
  [19, 32, 0, 0], [20, 33, 0, 0], [25, 38, 0, 2], [26, 39, 0, 2],
];

/**
 * Runtime variant of `extractLabelDynamicFeatures`: the LABEL_TABLE_TEMPLATES are left out of
 * `out` and their two values written to `v` instead, in order. Generated from
 * `extractLabelDynamicFeatures`; `features.test.ts` checks the two agree.
 */
export function extractLabelRuntimeFeatures(
  st: ParseState,
  s: SentenceInput,
  head: number,
  dep: number,
  right: boolean,
  out: Int32Array,
  v: Int32Array,
): number {
  let k = 0;
  const W = s.word;
  const P = s.tag;
  const U = s.utag;
  const X = s.suffix;
  const K = s.cluster;
  const lab = st.label;
  const n = st.n;
  const o = out;
  let c = 0;
  let t = right ? 1000 : 2000;
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

  ++t;
  ++t; ++t; ++t; ++t; ++t; ++t; ++t; ++t;
  o[c++] = h2(++t, hw, dw); ++t; v[k++] = hp; v[k++] = dp; o[c++] = h2(++t, hw, dp); o[c++] = h2(++t, hp, dw); o[c++] = h3(++t, hw, hp, dp); o[c++] = h3(++t, hp, dw, dp);
  ++t; v[k++] = hu; v[k++] = du; o[c++] = h3(++t, hu, du, dd); o[c++] = h3(++t, hp, dp, dd); o[c++] = h2(++t, dw, dd); ++t; v[k++] = dp; v[k++] = dd;
  ++t; o[c++] = h2(++t, dx, hp); ++t; o[c++] = h2(++t, dk, hp); ++t; o[c++] = h2(++t, dk, hk); o[c++] = h2(++t, hk, dp);
  ++t; v[k++] = dp; v[k++] = DL1l; ++t; v[k++] = dp; v[k++] = DR1l; o[c++] = h3(++t, dp, DL1l, DR1l); o[c++] = h2(++t, DL1w, dp); ++t; v[k++] = DL1p; v[k++] = dp; ++t; v[k++] = DR1p; v[k++] = dp;
  o[c++] = h2(++t, dp, dsl); o[c++] = h2(++t, dp, dsr); o[c++] = h2(++t, dw, dsl); o[c++] = h3(++t, hp, dp, dsl);
  ++t; v[k++] = hp; v[k++] = HL1l; ++t; v[k++] = hp; v[k++] = HR1l; o[c++] = h3(++t, hp, dp, hs); o[c++] = h2(++t, hw, hs);
  o[c++] = h3(++t, dp, prevP, nextP); o[c++] = h2(++t, dp, prevW); o[c++] = h3(++t, hp, dp, hPrevP); o[c++] = h3(++t, dp, dvl, dvr);
  o[c++] = h3(++t, hp, dp, bp);
  return c;
}
