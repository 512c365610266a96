/**
 * The runtime parser: the same greedy decoding as `greedyParse` (model.ts) with the same integer
 * weight sums, organised for speed.
 *
 * - Per distinct word form, the lower-casing, string hashes and cluster look-up happen once
 *   (`WordCache`).
 * - The single-token move templates (27 of 141, 16 of the 36 label-group ones, plus the bias) are
 *   summed once per word type (form, XPOS, UPOS) and role (s0–s2, b0–b2) into a record
 *   (`TypeRecords`); a transition adds six cached sums instead of hashing and reading ~43 weight
 *   rows. The group rows of those templates (tag and cluster unigrams, bias) are the longest
 *   ones, so this removes about half of the sparse-row work. Likewise the label model's bias and
 *   single-token head/dependent templates.
 * - Five small-domain group templates (child labels, s0 tag × valency) come from per-value tables.
 * - So do the 32 move TABLE_TEMPLATES, the 22 TRIPLE_TABLE_TEMPLATES (filled lazily) and the 9
 *   LABEL_TABLE_TEMPLATES (features.ts) over tags, labels, distances, valencies and coarse
 *   clusters only: dense per-value rows whose used part stays in cache, read without hashing
 *   (`extractRuntimeFeatures` and `extractLabelRuntimeFeatures` hash only the other templates).
 * - Forced moves are not scored; sparse rows use the compact layout of `SparseWeights`.
 * Weights are summed as integers, so the order does not matter and the parses are identical to
 * `greedyParse` over the same model (checked by `runtime.test.ts` and `scripts/bench-parser.ts`).
 */
import {
  biasFeature,
  DYNAMIC_GROUP_FEATURES,
  extractLabelRuntimeFeatures,
  extractRuntimeFeatures,
  GROUP_TABLE_TEMPLATES,
  LABEL_DEP_TEMPLATES,
  LABEL_TABLE_TEMPLATES,
  LABEL_HEAD_TEMPLATES,
  labelBiasFeature,
  LABEL_CHILD_TEMPLATES,
  NONE_VALUE,
  TABLE_TEMPLATES,
  TAG_VALENCY_TEMPLATE,
  TRIPLE_TABLE_TEMPLATES,
  VALUE_KIND_COARSE,
  VALUE_KIND_DIST,
  VALUE_KIND_LABEL,
  VALUE_KIND_TAG,
  VALUE_KIND_UTAG,
  VALUE_KIND_VAL,
  templateHash,
  ROLE_TEMPLATES,
  roleFeature,
  type SentenceInput,
} from './features.ts';
import {
  bestLabel,
  bestMove,
  DenseRows,
  encodeSentence,
  encodeVocab,
  greedyParse,
  groupOfClass,
  moveOfClass,
  MoveModel,
  newBuffers,
  popcount,
  ROOT_TAG,
  ROOT_WORD,
  SparseWeights,
  type Buffers,
  type EncodedVocab,
  type ParseResult,
  type Scorer,
  type Vocab,
} from './model.ts';
import { LEFT, ParseState, RIGHT, SHIFT } from './transition.ts';

// Imported bindings are read through getters once transpiled to CommonJS (tsx): hot loops use
// module-level copies.
const NLT = LABEL_TABLE_TEMPLATES.length;
const extractRt = extractRuntimeFeatures;
const extractLabelRt = extractLabelRuntimeFeatures;
const bestMoveOf = bestMove;
const bestLabelOf = bestLabel;
const moveOf = moveOfClass;
const groupOf = groupOfClass;
const popcnt = popcount;
const SHIFT_ = SHIFT;
const LEFT_ = LEFT;
const RIGHT_ = RIGHT;
/**
 * `extractRuntimeFeatures` leaves out the group templates scored from the child-label and
 * tag × valency tables; the group templates it hashes come first (all table templates are past
 * the group subset).
 */
const CHILD_TABLE_POS = new Set([...LABEL_CHILD_TEMPLATES.map((t) => t[0]), TAG_VALENCY_TEMPLATE[0]]);
const NGT = GROUP_TABLE_TEMPLATES;
const N_GROUP_POS = DYNAMIC_GROUP_FEATURES - CHILD_TABLE_POS.size - NGT;
const N_TABLE = TABLE_TEMPLATES.length;
const N_TRIPLE = TRIPLE_TABLE_TEMPLATES.length;
if (
  TABLE_TEMPLATES.some((t, j) => (t[0] < DYNAMIC_GROUP_FEATURES) !== (j < NGT) || CHILD_TABLE_POS.has(t[0])) ||
  TRIPLE_TABLE_TEMPLATES.some((t) => t[0] < DYNAMIC_GROUP_FEATURES) ||
  NGT !== 2
) {
  throw new Error('parser runtime: table templates do not match the feature extraction');
}
/** Valency values (0–4 or NONE) + 8 lie in 0..12. */
const VAL_DOMAIN = 13;

const EMPTY_INDEX = new Map<string, number>();

function grow(a: Int32Array, min: number): Int32Array {
  let size = a.length;
  while (size < min) size *= 2;
  if (size === a.length) return a;
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/** `encodeSentence` with the per-form work done once per distinct form. */
class WordCache {
  private readonly index = new Map<string, number>();
  private word: Int32Array = new Int32Array(4096);
  private suffix: Int32Array = new Int32Array(4096);
  /** fine | coarse << 12 */
  private cluster: Int32Array = new Int32Array(4096);
  /** Form ids of the last encoded sentence (index 0 unused). */
  ids = new Int32Array(256);

  constructor(private readonly vocab: Vocab) {}

  get size(): number {
    return this.index.size;
  }

  clear(): void {
    this.index.clear();
  }

  private add(form: string): number {
    const id = this.index.size;
    if (id >= this.word.length) {
      this.word = grow(this.word, id + 1);
      this.suffix = grow(this.suffix, id + 1);
      this.cluster = grow(this.cluster, id + 1);
    }
    const e = encodeSentence(this.vocab, { xposIndex: EMPTY_INDEX, uposIndex: EMPTY_INDEX }, [form], [], []);
    this.word[id] = e.word[1]!;
    this.suffix[id] = e.suffix[1]!;
    this.cluster[id] = e.cluster[1]! | (e.coarse[1]! << 12);
    this.index.set(form, id);
    return id;
  }

  encode(
    enc: EncodedVocab,
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
    if (this.ids.length <= n) this.ids = new Int32Array(2 * n + 2);
    const ids = this.ids;
    word[0] = ROOT_WORD;
    tag[0] = ROOT_TAG;
    utag[0] = ROOT_TAG;
    suffix[0] = ROOT_WORD;
    cluster[0] = -1;
    coarse[0] = -1;
    for (let i = 0; i < n; i++) {
      const f = forms[i]!;
      const id = this.index.get(f) ?? this.add(f);
      ids[i + 1] = id;
      word[i + 1] = this.word[id]!;
      suffix[i + 1] = this.suffix[id]!;
      const k = this.cluster[id]!;
      cluster[i + 1] = k & 0xfff;
      coarse[i + 1] = k >>> 12;
      const x = xpos[i];
      const u = upos[i];
      tag[i + 1] = x === undefined ? 0 : (enc.xposIndex.get(x) ?? 0);
      utag[i + 1] = u === undefined ? 0 : (enc.uposIndex.get(u) ?? 0);
    }
    return { n, word, tag, utag, suffix, cluster, coarse };
  }
}

/** Roles with label-group templates, in record order: s0, s1, b0, b1. */
const GROUP_SLOT = [0, 1, -1, 2, 3, -1];

/**
 * Cached weight sums of the single-token templates per word type. A record holds the integer
 * group-class sums for the roles s0, s1, b0, b1 (4 × nGroupClasses) and the 3 move sums for each
 * of the six roles. Record 0 is the empty role, record 1 the root.
 */
class TypeRecords {
  readonly C: number;
  readonly stride: number;
  readonly baseOff: number;
  rec: Int32Array;
  count = 2;
  private readonly index = new Map<number, number>();
  /** Bias rows. */
  readonly biasMove = new Int32Array(3);
  readonly biasGroup: Int32Array;

  /**
   * Per-value sums (group classes, then the 3 moves; `E` ints per entry) of the small-domain
   * dynamic templates: the four child-label unigrams (`LD` values each: label + 8) and s0 tag ×
   * s0 left valency (tag + 8, valency + 8).
   */
  readonly E: number;
  readonly LD: number;
  readonly childTable: Int32Array;
  readonly valTable: Int32Array;
  /** Label classes; label sums start at `labelOff`: head-right, head-left, dep-right, dep-left. */
  readonly L: number;
  readonly labelOff: number;
  /** Label bias rows, right arcs then left arcs. */
  readonly biasLabel: Int32Array;
  /**
   * Per-value rows of the TABLE_TEMPLATES (int16): template j's row for values (a, b) starts at
   * `smallOff[j] + ((a + 8) * smallDB[j] + b + 8) * stride`, the stride being 3 (the moves) or,
   * for the first GROUP_TABLE_TEMPLATES, `E` (group classes, then the moves). Values are tags,
   * labels, distances, valencies or coarse clusters, so the tables are small (≈ 0.76 MB in all,
   * the used part far less) and stay in cache, where their rows in the hashed tables were
   * scattered and had to be found through hashing.
   */
  readonly small: Int16Array;
  readonly smallOff: Int32Array;
  readonly smallDB: Int32Array;
  /**
   * Per-value label rows (int16, L per value pair) of the LABEL_TABLE_TEMPLATES, right arcs then
   * left arcs: template j's row for direction d and values (a, b) starts at
   * `labelTableOff[d * NLT + j] + ((a + 8) * labelTableDB[j] + b + 8) * L`.
   */
  readonly labelTable: Int16Array;
  readonly labelTableOff: Int32Array;
  readonly labelTableDB: Int32Array;
  /**
   * Per-value 3-move rows of the TRIPLE_TABLE_TEMPLATES, filled lazily (≈ 58³ value triples per
   * template, most never seen): 4 int16 per triple, a filled flag and the 3 moves; template j's
   * entry for (a, b, c) starts at `tripleOff[j] + (((a + 8) * tripleDB[j] + b + 8) * tripleDC[j]
   * + c + 8) * 4`. Untouched parts of the 28 MB cost no memory pages.
   */
  readonly triple: Int16Array;
  readonly tripleOff: Int32Array;
  readonly tripleDB: Int32Array;
  readonly tripleDC: Int32Array;

  constructor(
    readonly base: DenseRows,
    readonly group: SparseWeights,
    readonly labels: SparseWeights,
    nXpos: number,
    nUpos: number,
    maxCoarse: number,
  ) {
    this.C = group.nClasses;
    this.L = labels.nClasses;
    this.baseOff = 4 * this.C;
    this.labelOff = this.baseOff + 18;
    this.stride = this.labelOff + 4 * this.L;
    this.biasLabel = new Int32Array(2 * this.L);
    this.addSparse(labelBiasFeature(true), this.biasLabel, 0, labels);
    this.addSparse(labelBiasFeature(false), this.biasLabel, this.L, labels);
    this.rec = new Int32Array(this.stride * 1024);
    this.biasGroup = new Int32Array(this.C);
    const h = biasFeature();
    this.addDense(h, this.biasMove, 0);
    this.addSparse(h, this.biasGroup, 0, group);
    this.E = this.C + 3;
    this.LD = labels.nClasses + 8;
    this.childTable = new Int32Array(LABEL_CHILD_TEMPLATES.length * this.LD * this.E);
    LABEL_CHILD_TEMPLATES.forEach(([, id], j) => {
      for (let v = -8; v < this.LD - 8; v++) this.addBoth(templateHash(id, v), this.childTable, (j * this.LD + v + 8) * this.E);
    });
    const TD = nXpos + 9;
    this.valTable = new Int32Array(TD * VAL_DOMAIN * this.E);
    for (let p = -8; p < TD - 8; p++) {
      for (let v = -8; v < VAL_DOMAIN - 8; v++) {
        this.addBoth(templateHash(TAG_VALENCY_TEMPLATE[1], p, v), this.valTable, ((p + 8) * VAL_DOMAIN + v + 8) * this.E);
      }
    }
    // Value domains shifted by +8 (NONE_VALUE = -7 and ROOT_TAG = -3 included).
    const domain = (kind: number): number => {
      switch (kind) {
        case VALUE_KIND_TAG:
          return nXpos + 9;
        case VALUE_KIND_UTAG:
          return nUpos + 9;
        case VALUE_KIND_LABEL:
          return this.L + 8;
        case VALUE_KIND_DIST:
          return 17;
        case VALUE_KIND_VAL:
          return VAL_DOMAIN;
        case VALUE_KIND_COARSE:
          return maxCoarse + 9;
        default:
          return 1;
      }
    };
    this.smallOff = new Int32Array(N_TABLE);
    this.smallDB = new Int32Array(N_TABLE);
    let size = 0;
    TABLE_TEMPLATES.forEach(([, , ka, kb], j) => {
      this.smallOff[j] = size;
      this.smallDB[j] = domain(kb);
      size += domain(ka) * domain(kb) * (j < NGT ? this.E : 3);
    });
    this.small = new Int16Array(size);
    const W = base.W;
    TABLE_TEMPLATES.forEach(([, id, ka, kb], j) => {
      const da = domain(ka);
      const db = domain(kb);
      for (let a = 0; a < da; a++) {
        for (let b = 0; b < db; b++) {
          const h = kb < 0 ? templateHash(id, a - 8) : templateHash(id, a - 8, b - 8);
          const r = (h >>> base.shift) * 3;
          let o = this.smallOff[j]! + (a * db + b) * (j < NGT ? this.E : 3);
          if (j < NGT) {
            const row = new Int32Array(this.C);
            this.addSparse(h, row, 0, group);
            for (let k = 0; k < this.C; k++) {
              if (row[k]! !== (row[k]! << 16) >> 16) throw new Error('parser runtime: group weight out of int16 range');
              this.small[o + k] = row[k]!;
            }
            o += this.C;
          }
          this.small[o] = W[r]!;
          this.small[o + 1] = W[r + 1]!;
          this.small[o + 2] = W[r + 2]!;
        }
      }
    });
    this.labelTableOff = new Int32Array(2 * NLT);
    this.labelTableDB = new Int32Array(NLT);
    size = 0;
    for (let d = 0; d < 2; d++) {
      LABEL_TABLE_TEMPLATES.forEach(([, , ka, kb], j) => {
        this.labelTableOff[d * NLT + j] = size;
        this.labelTableDB[j] = domain(kb);
        size += domain(ka) * domain(kb) * this.L;
      });
    }
    this.labelTable = new Int16Array(size);
    const row = new Int32Array(this.L);
    for (let d = 0; d < 2; d++) {
      LABEL_TABLE_TEMPLATES.forEach(([, id, ka, kb], j) => {
        const da = domain(ka);
        const db = domain(kb);
        for (let a = 0; a < da; a++) {
          for (let b = 0; b < db; b++) {
            row.fill(0);
            this.addSparse(templateHash(id + (d === 0 ? 1000 : 2000), a - 8, b - 8), row, 0, labels);
            const o = this.labelTableOff[d * NLT + j]! + (a * db + b) * this.L;
            for (let k = 0; k < this.L; k++) {
              if (row[k]! !== (row[k]! << 16) >> 16) throw new Error('parser runtime: label weight out of int16 range');
              this.labelTable[o + k] = row[k]!;
            }
          }
        }
      });
    }
    this.tripleOff = new Int32Array(N_TRIPLE);
    this.tripleDB = new Int32Array(N_TRIPLE);
    this.tripleDC = new Int32Array(N_TRIPLE);
    size = 0;
    TRIPLE_TABLE_TEMPLATES.forEach(([, , ka, kb, kc], j) => {
      this.tripleOff[j] = size;
      this.tripleDB[j] = domain(kb);
      this.tripleDC[j] = domain(kc);
      size += domain(ka) * domain(kb) * domain(kc) * 4;
    });
    this.triple = new Int16Array(size);
    this.fill(0, NONE_VALUE, NONE_VALUE, NONE_VALUE, NONE_VALUE, NONE_VALUE);
    this.fill(1, ROOT_WORD, ROOT_TAG, ROOT_TAG, ROOT_WORD, -1);
  }

  get size(): number {
    return this.index.size;
  }

  clear(): void {
    this.index.clear();
    this.count = 2;
  }

  /** Fill the lazily built entry `o` of triple template j for values (a, b, c). */
  fillTriple(j: number, a: number, b: number, c: number, o: number): void {
    const W = this.base.W;
    const r = (templateHash(TRIPLE_TABLE_TEMPLATES[j]![1], a, b, c) >>> this.base.shift) * 3;
    const T = this.triple;
    T[o + 1] = W[r]!;
    T[o + 2] = W[r + 1]!;
    T[o + 3] = W[r + 2]!;
    T[o] = 1;
  }

  private addBoth(h: number, out: Int32Array, off: number): void {
    this.addSparse(h, out, off, this.group);
    this.addDense(h, out, off + this.C);
  }

  private addDense(h: number, out: Int32Array, off: number): void {
    const W = this.base.W;
    const r = (h >>> this.base.shift) * 3;
    out[off]! += W[r]!;
    out[off + 1]! += W[r + 1]!;
    out[off + 2]! += W[r + 2]!;
  }

  private addSparse(h: number, out: Int32Array, off: number, g: SparseWeights): void {
    const bk = h >>> g.shift;
    const w = (bk >>> 5) << 1;
    const set = g.index[w + 1]!;
    const m = 1 << (bk & 31);
    if ((set & m) === 0) return;
    const k = (g.index[w]! + popcount(set & (m - 1))) << 1;
    const x = g.slots[k]!;
    const y = g.slots[k + 1]!;
    if ((x & 255) === 255) {
      const end = (x >>> 8) + y;
      for (let j = x >>> 8; j < end; j++) {
        const e = g.overflow[j]!;
        out[off + (e & 255)]! += e >> 8;
      }
    } else {
      out[off + (x & 255)]! += x >> 8;
      out[off + (y & 255)]! += y >> 8;
    }
  }

  private fill(r: number, w: number, p: number, u: number, x: number, k: number): void {
    const off = r * this.stride;
    if (this.rec.length < off + this.stride) this.rec = grow(this.rec, off + this.stride);
    const rec = this.rec;
    rec.fill(0, off, off + this.stride);
    for (let role = 0; role < 6; role++) {
      for (const t of ROLE_TEMPLATES[role]!) {
        const h = roleFeature(t, w, p, u, x, k);
        this.addDense(h, rec, off + this.baseOff + 3 * role);
        if (t[2]) this.addSparse(h, rec, off + GROUP_SLOT[role]! * this.C, this.group);
      }
    }
    const L = this.L;
    const lo = off + this.labelOff;
    for (const t of LABEL_HEAD_TEMPLATES) {
      this.addSparse(roleFeature(t, w, p, u, x, k, 1000), rec, lo, this.labels);
      this.addSparse(roleFeature(t, w, p, u, x, k, 2000), rec, lo + L, this.labels);
    }
    for (const t of LABEL_DEP_TEMPLATES) {
      this.addSparse(roleFeature(t, w, p, u, x, k, 1000), rec, lo + 2 * L, this.labels);
      this.addSparse(roleFeature(t, w, p, u, x, k, 2000), rec, lo + 3 * L, this.labels);
    }
  }

  /** Record offsets of the sentence's tokens into `out` (index 0: the root). */
  lookup(s: SentenceInput, ids: Int32Array, nTags: number, nUtags: number, out: Int32Array): void {
    out[0] = this.stride;
    for (let i = 1; i <= s.n; i++) {
      const key = (ids[i]! * nTags + s.tag[i]!) * nUtags + s.utag[i]!;
      let r = this.index.get(key);
      if (r === undefined) {
        r = this.count++;
        this.fill(r, s.word[i]!, s.tag[i]!, s.utag[i]!, s.suffix[i]!, s.cluster[i]!);
        this.index.set(key, r);
      }
      out[i] = r * this.stride;
    }
  }
}

function maxCoarse(v: Vocab): number {
  let m = 0;
  for (const k of v.clusters?.values() ?? []) m = Math.max(m, k >>> 12);
  return m;
}

/** Bounds on the caches (a long-running process sees an unbounded vocabulary). */
const MAX_FORMS = 200_000;
const MAX_TYPES = 20_000;

export class Parser {
  private readonly enc: EncodedVocab;
  private readonly buf: Buffers;
  private readonly words: WordCache;
  private readonly types: TypeRecords | undefined;
  private recOff = new Int32Array(256);
  private readonly acc: Int32Array;
  private readonly lacc: Int32Array;
  private readonly vals = new Int32Array(2 * N_TABLE);
  private readonly lvals = new Int32Array(2 * NLT);
  private readonly tvals = new Int32Array(3 * N_TRIPLE);

  constructor(
    readonly vocab: Vocab,
    readonly moves: Scorer,
    readonly labels: Scorer,
    readonly meta: Readonly<Record<string, unknown>> = {},
    private readonly limits: { readonly forms: number; readonly types: number } = { forms: MAX_FORMS, types: MAX_TYPES },
  ) {
    this.enc = encodeVocab(vocab);
    this.buf = newBuffers(this.enc);
    this.words = new WordCache(vocab);
    // The fast path covers the shipped layout (dense 3-move rows, sparse group rows); anything
    // else decodes with the reference `greedyParse`.
    this.types =
      moves instanceof MoveModel &&
      moves.base instanceof DenseRows &&
      moves.base.nClasses === 3 &&
      moves.group instanceof SparseWeights &&
      labels instanceof SparseWeights
        ? new TypeRecords(moves.base, moves.group, labels, vocab.xpos.length, vocab.upos.length, maxCoarse(vocab))
        : undefined;
    this.acc = new Int32Array(this.enc.nMoveClasses);
    this.lacc = new Int32Array(this.enc.groupOf.length);
  }

  parse(
    forms: readonly string[],
    upos: readonly (string | undefined)[] = [],
    xpos: readonly (string | undefined)[] = [],
  ): ParseResult {
    const n = forms.length;
    if (n === 0) return { head: [], deprel: [] };
    if (this.words.size + n > this.limits.forms || (this.types && this.types.size + n > this.limits.types)) {
      // Type records are keyed by form ids: drop both together.
      this.words.clear();
      this.types?.clear();
    }
    const input = this.words.encode(this.enc, forms, upos, xpos);
    let st: ParseState;
    if (this.types) {
      if (this.recOff.length <= n) this.recOff = new Int32Array(2 * n + 2);
      this.types.lookup(input, this.words.ids, this.vocab.xpos.length + 1, this.vocab.upos.length + 1, this.recOff);
      st = this.decode(input, this.types);
    } else st = greedyParse(input, this.moves, this.labels, this.enc, this.buf);
    const head: number[] = new Array<number>(n);
    const deprel: string[] = new Array<string>(n);
    for (let i = 1; i <= n; i++) {
      head[i - 1] = st.head[i]!;
      deprel[i - 1] = this.vocab.labels[st.label[i]!] ?? 'dep';
    }
    return { head, deprel };
  }

  /** `greedyParse` with the move scores computed from type records plus the dynamic features. */
  private decode(input: SentenceInput, types: TypeRecords): ParseState {
    const enc = this.enc;
    const buf = this.buf;
    const G = enc.nGroups;
    const C = types.C;
    const R = types.rec;
    const BO = types.baseOff;
    const recOff = this.recOff;
    const W = types.base.W;
    const bsh = types.base.shift;
    const q = types.base.scale;
    const group = types.group;
    const gsh = group.shift;
    const ix = group.index;
    const sl = group.slots;
    const ov = group.overflow;
    const qg = group.scale;
    const biasMove = types.biasMove;
    const biasGroup = types.biasGroup;
    const acc = this.acc;
    const feats = buf.feats;
    const out = buf.moveScores;
    const lw = types.labels;
    const lsh = lw.shift;
    const lix = lw.index;
    const lsl = lw.slots;
    const lov = lw.overflow;
    const ql = lw.scale;
    const L = types.L;
    const LO = types.labelOff;
    const biasLabel = types.biasLabel;
    const lacc = this.lacc;
    const lfeats = buf.lfeats;
    const labelScores = buf.labelScores;
    const vals = this.vals;
    const lvals = this.lvals;
    const tvals = this.tvals;
    const T3 = types.triple;
    const TO = types.tripleOff;
    const TDB = types.tripleDB;
    const TDC = types.tripleDC;
    const LT = types.labelTable;
    const LTO = types.labelTableOff;
    const LTDB = types.labelTableDB;
    const ST = types.small;
    const SO = types.smallOff;
    const SDB = types.smallDB;
    const E = types.E;
    const LD = types.LD;
    const CT = types.childTable;
    const VT = types.valTable;
    const st = new ParseState(input.n);
    const n = input.n;
    const stk = st.stack;
    const l1 = st.l1;
    const r1 = st.r1;
    const nLeft = st.nLeft;
    const arcLabel = st.label;
    const P = input.tag;
    while (!st.isTerminal()) {
      const sp = st.sp;
      const nx = st.next;
      // Forced moves: bestMoveOf picks them whatever the scores, so skip scoring.
      if (sp === 1) {
        st.apply(SHIFT_, -1);
        continue;
      }
      if (sp === 2 && nx > n) {
        st.apply(RIGHT_, enc.root);
        continue;
      }
      // Record offsets per role (sp >= 2 here); offset 0 is the empty-role record.
      const o0 = recOff[stk[sp - 1]!]!;
      const o1 = recOff[stk[sp - 2]!]!;
      const o2 = sp >= 3 ? recOff[stk[sp - 3]!]! : 0;
      const p0 = nx <= n ? recOff[nx]! : 0;
      const p1 = nx + 1 <= n ? recOff[nx + 1]! : 0;
      const p2 = nx + 2 <= n ? recOff[nx + 2]! : 0;
      const nh = extractRt(st, input, feats, vals, tvals);
      // Table entries of the small-domain templates (the values extractFeatures hashes).
      const s0 = stk[sp - 1]!;
      const s1 = stk[sp - 2]!;
      const c0 = l1[s0]!;
      const c1 = r1[s0]!;
      const c2 = nx <= n ? l1[nx]! : -1;
      const c3 = r1[s1]!;
      const e0 = (c0 >= 0 ? arcLabel[c0]! + 8 : 1) * E;
      const e1 = (LD + (c1 >= 0 ? arcLabel[c1]! + 8 : 1)) * E;
      const e2 = (2 * LD + (c2 >= 0 ? arcLabel[c2]! + 8 : 1)) * E;
      const e3 = (3 * LD + (c3 >= 0 ? arcLabel[c3]! + 8 : 1)) * E;
      const vl = nLeft[s0]!;
      const ev = ((P[s0]! + 8) * VAL_DOMAIN + (vl < 4 ? vl : 4) + 8) * E;
      let a = CT[e0 + C]! + CT[e1 + C]! + CT[e2 + C]! + CT[e3 + C]! + VT[ev + C]! + biasMove[0]! + R[o0 + BO]! + R[o1 + BO + 3]! + R[o2 + BO + 6]! + R[p0 + BO + 9]! + R[p1 + BO + 12]! + R[p2 + BO + 15]!;
      let b = CT[e0 + C + 1]! + CT[e1 + C + 1]! + CT[e2 + C + 1]! + CT[e3 + C + 1]! + VT[ev + C + 1]! + biasMove[1]! + R[o0 + BO + 1]! + R[o1 + BO + 4]! + R[o2 + BO + 7]! + R[p0 + BO + 10]! + R[p1 + BO + 13]! + R[p2 + BO + 16]!;
      let c = CT[e0 + C + 2]! + CT[e1 + C + 2]! + CT[e2 + C + 2]! + CT[e3 + C + 2]! + VT[ev + C + 2]! + biasMove[2]! + R[o0 + BO + 2]! + R[o1 + BO + 5]! + R[o2 + BO + 8]! + R[p0 + BO + 11]! + R[p1 + BO + 14]! + R[p2 + BO + 17]!;
      for (let j = NGT; j < N_TABLE; j++) {
        const r = SO[j]! + ((vals[2 * j]! + 8) * SDB[j]! + vals[2 * j + 1]! + 8) * 3;
        a += ST[r]!;
        b += ST[r + 1]!;
        c += ST[r + 2]!;
      }
      for (let j = 0; j < N_TRIPLE; j++) {
        const x = tvals[3 * j]!;
        const y = tvals[3 * j + 1]!;
        const z = tvals[3 * j + 2]!;
        const o = TO[j]! + (((x + 8) * TDB[j]! + y + 8) * TDC[j]! + z + 8) * 4;
        if (T3[o] === 0) types.fillTriple(j, x, y, z, o);
        a += T3[o + 1]!;
        b += T3[o + 2]!;
        c += T3[o + 3]!;
      }
      for (let j = 0; j < nh; j++) {
        const r = (feats[j]! >>> bsh) * 3;
        a += W[r]!;
        b += W[r + 1]!;
        c += W[r + 2]!;
      }
      // The two group table templates (NGT = 2, checked at load).
      const g0 = SO[0]! + ((vals[0]! + 8) * SDB[0]! + vals[1]! + 8) * E;
      const g1 = SO[1]! + ((vals[2]! + 8) * SDB[1]! + vals[3]! + 8) * E;
      a += ST[g0 + C]! + ST[g1 + C]!;
      b += ST[g0 + C + 1]! + ST[g1 + C + 1]!;
      c += ST[g0 + C + 2]! + ST[g1 + C + 2]!;
      const o1g = o1 + C;
      const p0g = p0 + 2 * C;
      const p1g = p1 + 3 * C;
      for (let k = 0; k < C; k++) {
        acc[k] =
          biasGroup[k]! + R[o0 + k]! + R[o1g + k]! + R[p0g + k]! + R[p1g + k]! +
          CT[e0 + k]! + CT[e1 + k]! + CT[e2 + k]! + CT[e3 + k]! + VT[ev + k]! + ST[g0 + k]! + ST[g1 + k]!;
      }
      for (let j = 0; j < N_GROUP_POS; j++) {
        const bk = feats[j]! >>> gsh;
        const w = (bk >>> 5) << 1;
        const set = ix[w + 1]!;
        const m = 1 << (bk & 31);
        if ((set & m) === 0) continue;
        const k = (ix[w]! + popcnt(set & (m - 1))) << 1;
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
      // The float32 roundings of DenseRows/SparseWeights.score and MoveModel.score.
      const sh = Math.fround(a * q);
      const l = Math.fround(b * q);
      const r = Math.fround(c * q);
      out[0] = Math.fround(acc[0]! * qg) + sh;
      for (let g = 1; g <= G; g++) {
        out[g] = Math.fround(acc[g]! * qg) + l;
        out[G + g] = Math.fround(acc[G + g]! * qg) + r;
      }
      const cls = bestMoveOf(st, out, enc);
      const move = moveOf(cls, G);
      let lab = -1;
      if (move !== SHIFT_) {
        const g = groupOf(cls, G);
        if (g === enc.rootGroup) lab = enc.root;
        else {
          const dep = stk[sp - 1]!;
          const head = move === LEFT_ ? nx : stk[sp - 2]!;
          const right = move === RIGHT_;
          const nl = extractLabelRt(st, input, head, dep, right, lfeats, lvals);
          const bo = right ? 0 : L;
          const ho = recOff[head]! + LO + bo;
          const dO = recOff[dep]! + LO + 2 * L + bo;
          for (let k = 0; k < L; k++) lacc[k] = biasLabel[bo + k]! + R[ho + k]! + R[dO + k]!;
          const lb = right ? 0 : NLT;
          for (let j = 0; j < NLT; j++) {
            const o = LTO[lb + j]! + ((lvals[2 * j]! + 8) * LTDB[j]! + lvals[2 * j + 1]! + 8) * L;
            for (let k = 0; k < L; k++) lacc[k]! += LT[o + k]!;
          }
          for (let i = 0; i < nl; i++) {
            const bk = lfeats[i]! >>> lsh;
            const w = (bk >>> 5) << 1;
            const set = lix[w + 1]!;
            const m = 1 << (bk & 31);
            if ((set & m) === 0) continue;
            const k = (lix[w]! + popcnt(set & (m - 1))) << 1;
            const x = lsl[k]!;
            const y = lsl[k + 1]!;
            if ((x & 255) === 255) {
              const end = (x >>> 8) + y;
              for (let j = x >>> 8; j < end; j++) {
                const e = lov[j]!;
                lacc[e & 255]! += e >> 8;
              }
            } else {
              lacc[x & 255]! += x >> 8;
              lacc[y & 255]! += y >> 8;
            }
          }
          // SparseWeights.score's rounding.
          for (let k = 0; k < L; k++) labelScores[k] = lacc[k]! * ql;
          lab = bestLabelOf(labelScores, out, enc, move);
        }
      }
      st.apply(move, lab);
    }
    return st;
  }
}
