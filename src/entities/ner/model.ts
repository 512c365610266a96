/**
 * First-order structured perceptron over BILOU labels: hashed emission weights, label
 * transitions, constrained Viterbi, max-marginal confidence, and a compact quantized file.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { NUM_LABELS, allowed, allowedEnd } from './labels.ts';
import { popcount, type PackedWeights, type SentenceFeatures } from './features.ts';

export const MODEL_FORMAT = 'dateline.ner/1';
const L = NUM_LABELS;
const NEG = -1e30;
const STRIDE = 32;

/** Allowed transitions (BILOU constraints) as an edge list grouped by target label. */
const EDGE_A_LIST: number[] = [];
const EDGE_B_LIST: number[] = [];
const EDGE_OFF = new Int32Array(L + 1);
for (let b = 0; b < L; b++) {
  EDGE_OFF[b] = EDGE_A_LIST.length;
  for (let a = 0; a < L; a++) {
    if (allowed(a, b)) {
      EDGE_A_LIST.push(a);
      EDGE_B_LIST.push(b);
    }
  }
}
EDGE_OFF[L] = EDGE_A_LIST.length;
const EDGE_A = Int32Array.from(EDGE_A_LIST);
const EDGE_B = Int32Array.from(EDGE_B_LIST);
const START_OK = Uint8Array.from({ length: L }, (_, b) => (allowed(-1, b) ? 1 : 0));
const END_OK = Uint8Array.from({ length: L }, (_, a) => (allowedEnd(a) ? 1 : 0));

export interface Decoded {
  readonly labels: Uint8Array;
  /** Per token: best path score minus the best score of any path with a different label there. */
  readonly margins: Float32Array;
}

export interface ModelMeta {
  readonly format: string;
  readonly bits: number;
  readonly version: string;
  readonly trainedAt?: string;
  readonly usesPos: boolean;
  readonly usesClusters?: boolean;
  /** Trained with document-level case features (used by recognizeDocument only). */
  readonly usesDocContext?: boolean;
  /** Logistic calibration of span margins into confidences: sigmoid(a * margin + b). */
  readonly calib: { a: number; b: number };
  readonly [key: string]: unknown;
}

export abstract class SequenceModel {
  readonly trans = new Float32Array(L * L);
  readonly start = new Float32Array(L);
  readonly end = new Float32Array(L);

  abstract emissions(f: SentenceFeatures, n: number, out: Float32Array): void;

  // Scratch buffers reused across calls (decode is synchronous, so sharing is safe).
  private cap = 0;
  private eBuf = new Float32Array(0);
  private aBuf = new Float64Array(0);
  private bBuf = new Float64Array(0);
  private backBuf = new Uint8Array(0);
  private readonly edgeW = new Float64Array(EDGE_A.length);

  decode(f: SentenceFeatures, n: number, withMargins: boolean): Decoded {
    return this.decodeScores(n, withMargins, (e) => this.emissions(f, n, e));
  }

  /**
   * Viterbi over emission scores that `fill` adds into a zeroed n × labels buffer. Margins:
   * `true` for every token; `'spans'` only for tokens with a non-O label (the others stay 0),
   * which skips the backward pass before the first entity.
   */
  decodeScores(n: number, withMargins: boolean | 'spans', fill: (e: Float32Array) => void): Decoded {
    const labels = new Uint8Array(n);
    const margins = new Float32Array(n);
    if (n === 0) return { labels, margins };
    if (n > this.cap) {
      this.cap = Math.max(n, this.cap * 2, 64);
      this.eBuf = new Float32Array(this.cap * L);
      this.aBuf = new Float64Array(this.cap * L);
      this.bBuf = new Float64Array(this.cap * L);
      this.backBuf = new Uint8Array(this.cap * L);
    }
    const e = this.eBuf;
    e.fill(0, 0, n * L);
    fill(e);
    const alpha = this.aBuf;
    const back = this.backBuf;
    // Edge weights in edge-list order (transitions may change between calls while training).
    const ew = this.edgeW;
    const ea = EDGE_A;
    const eoff = EDGE_OFF;
    for (let k = 0; k < ea.length; k++) ew[k] = this.trans[ea[k]! * L + EDGE_B[k]!]!;
    const start = this.start;
    const end = this.end;
    for (let b = 0; b < L; b++) alpha[b] = START_OK[b] ? start[b]! + e[b]! : NEG;
    for (let t = 1; t < n; t++) {
      const po = (t - 1) * L;
      const o = t * L;
      for (let b = 0; b < L; b++) {
        let best = NEG;
        let arg = 0;
        const k1 = eoff[b + 1]!;
        for (let k = eoff[b]!; k < k1; k++) {
          const a = ea[k]!;
          const s = alpha[po + a]! + ew[k]!;
          if (s > best) {
            best = s;
            arg = a;
          }
        }
        alpha[o + b] = best + e[o + b]!;
        back[o + b] = arg;
      }
    }
    const lo = (n - 1) * L;
    let best = NEG;
    let arg = 0;
    for (let a = 0; a < L; a++) {
      if (!END_OK[a]) continue;
      const s = alpha[lo + a]! + end[a]!;
      if (s > best) {
        best = s;
        arg = a;
      }
    }
    labels[n - 1] = arg;
    for (let t = n - 1; t > 0; t--) labels[t - 1] = back[t * L + labels[t]!]!;
    if (!withMargins) return { labels, margins };
    let from = 0;
    if (withMargins === 'spans') {
      while (from < n && labels[from] === 0) from++;
      if (from === n) return { labels, margins };
    }

    // Backward max scores (excluding the emission at t) give max-marginals alpha + beta.
    const beta = this.bBuf;
    for (let a = 0; a < L; a++) beta[lo + a] = END_OK[a] ? end[a]! : NEG;
    for (let t = n - 2; t >= from; t--) {
      const o = t * L;
      const no = (t + 1) * L;
      for (let a = 0; a < L; a++) beta[o + a] = NEG;
      for (let b = 0; b < L; b++) {
        const nb = beta[no + b]! + e[no + b]!;
        const k1 = eoff[b + 1]!;
        for (let k = eoff[b]!; k < k1; k++) {
          const a = ea[k]!;
          const s = nb + ew[k]!;
          if (s > beta[o + a]!) beta[o + a] = s;
        }
      }
    }
    for (let t = from; t < n; t++) {
      const o = t * L;
      const y = labels[t]!;
      let alt = NEG;
      for (let l = 0; l < L; l++) {
        if (l === y) continue;
        const s = alpha[o + l]! + beta[o + l]!;
        if (s > alt) alt = s;
      }
      margins[t] = best - alt;
    }
    return { labels, margins };
  }
}

/** Dense weights for training, with lazy averaging (w - u / c). */
export class TrainableModel extends SequenceModel {
  readonly w: Float32Array;
  private readonly u: Float32Array;
  private readonly ut = new Float32Array(L * L);
  private readonly us = new Float32Array(L);
  private readonly ue = new Float32Array(L);
  c = 1;

  constructor(readonly bits: number) {
    super();
    this.w = new Float32Array((1 << bits) * L);
    this.u = new Float32Array((1 << bits) * L);
  }

  emissions(f: SentenceFeatures, n: number, out: Float32Array): void {
    const w = this.w;
    const ids = f.ids;
    for (let t = 0; t < n; t++) {
      const o = t * L;
      for (let k = f.offsets[t]!; k < f.offsets[t + 1]!; k++) {
        const r = ids[k]! * L;
        for (let l = 0; l < L; l++) out[o + l]! += w[r + l]!;
      }
    }
  }

  /** One perceptron step; returns whether the prediction was wrong. */
  update(f: SentenceFeatures, gold: Uint8Array): boolean {
    const n = gold.length;
    if (n === 0) return false;
    const { labels: pred } = this.decode(f, n, false);
    let wrong = false;
    const c = this.c;
    for (let t = 0; t < n; t++) {
      const g = gold[t]!;
      const p = pred[t]!;
      if (g !== p) {
        wrong = true;
        for (let k = f.offsets[t]!; k < f.offsets[t + 1]!; k++) {
          const r = f.ids[k]! * L;
          this.w[r + g]! += 1;
          this.u[r + g]! += c;
          this.w[r + p]! -= 1;
          this.u[r + p]! -= c;
        }
      }
      const gp = t > 0 ? gold[t - 1]! : -1;
      const pp = t > 0 ? pred[t - 1]! : -1;
      if (gp !== pp || g !== p) {
        if (t === 0) {
          this.start[g]! += 1;
          this.us[g]! += c;
          this.start[p]! -= 1;
          this.us[p]! -= c;
        } else {
          this.trans[gp * L + g]! += 1;
          this.ut[gp * L + g]! += c;
          this.trans[pp * L + p]! -= 1;
          this.ut[pp * L + p]! -= c;
        }
      }
    }
    if (gold[n - 1] !== pred[n - 1]) {
      this.end[gold[n - 1]!]! += 1;
      this.ue[gold[n - 1]!]! += c;
      this.end[pred[n - 1]!]! -= 1;
      this.ue[pred[n - 1]!]! -= c;
    }
    this.c++;
    return wrong;
  }

  /** Averaged weights as a runtime model (exact floats, before quantization). */
  averaged(meta: ModelMeta): RuntimeModel {
    const nb = 1 << this.bits;
    const rowOf = new Int32Array(nb).fill(-1);
    let rows = 0;
    const c = this.c;
    const tmp = new Float32Array(L);
    const rowList: number[] = [];
    const vals: number[] = [];
    for (let r = 0; r < nb; r++) {
      let any = false;
      for (let l = 0; l < L; l++) {
        const v = this.w[r * L + l]! - this.u[r * L + l]! / c;
        tmp[l] = v;
        if (v !== 0) any = true;
      }
      if (!any) continue;
      rowOf[r] = rows++;
      rowList.push(r);
      for (let l = 0; l < L; l++) vals.push(tmp[l]!);
    }
    const m = new RuntimeModel(meta, rowOf, Float32Array.from(vals));
    for (let i = 0; i < L * L; i++) m.trans[i] = this.trans[i]! - this.ut[i]! / c;
    for (let i = 0; i < L; i++) {
      m.start[i] = this.start[i]! - this.us[i]! / c;
      m.end[i] = this.end[i]! - this.ue[i]! / c;
    }
    return m;
  }
}

/** Sparse rows: only hash buckets that carry weight are stored. */
export class RuntimeModel extends SequenceModel {
  /**
   * Emission rows packed for lookup speed: int16 with one model-wide scale, stride 32 so a row
   * fills exactly one 64-byte cache line.
   */
  private readonly packed: Int16Array;
  private readonly scale: number;

  /** Dense rows (training tools: mean, serialize); built lazily for a model read from a file. */
  private dense: DenseRows | (() => DenseRows);

  constructor(
    public meta: ModelMeta,
    rowOf: Int32Array,
    rows: Float32Array,
    prepacked?: { present: Int32Array; packed: Int16Array; scale: number; dense: () => DenseRows },
  ) {
    super();
    if (prepacked) {
      this.present = prepacked.present;
      this.packed = prepacked.packed;
      this.scale = prepacked.scale;
      this.dense = prepacked.dense;
      return;
    }
    this.dense = { rowOf, rows };
    let max = 0;
    for (let i = 0; i < rows.length; i++) max = Math.max(max, Math.abs(rows[i]!));
    this.scale = max > 0 ? max / 32767 : 1;
    const nRows = rows.length / L;
    // Rows are packed in bucket order, so a bucket's row is the number of present buckets below
    // it: a bitmap with per-word ranks (256 KB, cache-friendly) replaces the 4 MB bucket table.
    const nb = rowOf.length;
    this.present = new Int32Array(2 * Math.ceil(nb / 32));
    this.packed = new Int16Array(nRows * STRIDE);
    let j = 0;
    for (let b = 0; b < nb; b++) {
      if ((b & 31) === 0) this.present[2 * (b >>> 5) + 1] = j;
      const row = rowOf[b]!;
      if (row < 0) continue;
      this.present[2 * (b >>> 5)]! |= 1 << (b & 31);
      for (let l = 0; l < L; l++) this.packed[j * STRIDE + l] = Math.round(rows[row * L + l]! / this.scale);
      j++;
    }
  }

  private denseRows(): DenseRows {
    if (typeof this.dense === 'function') this.dense = this.dense();
    return this.dense;
  }

  /** Hash bucket → row index, -1 when the bucket has no weights. */
  get rowOf(): Int32Array {
    return this.denseRows().rowOf;
  }

  /** Row weights, labels per row. */
  get rows(): Float32Array {
    return this.denseRows().rows;
  }

  /** Per 32 buckets: [bitmap of buckets with a row, index of the first such row]. */
  private readonly present: Int32Array;

  private weightsView: PackedWeights | undefined;

  /** The frozen weights in the layout the fused scorer reads (FeatureExtractor.scoreInto); one object per model. */
  get weights(): PackedWeights {
    this.weightsView ??= { present: this.present, packed: this.packed, stride: STRIDE, scale: this.scale };
    return this.weightsView;
  }

  get mask(): number {
    return (1 << this.meta.bits) - 1;
  }

  /** Element-wise mean of models with the same hash space (an averaged ensemble). */
  static mean(models: readonly RuntimeModel[]): RuntimeModel {
    const first = models[0]!;
    const nb = first.rowOf.length;
    const rowOf = new Int32Array(nb).fill(-1);
    let n = 0;
    for (let b = 0; b < nb; b++) if (models.some((m) => m.rowOf[b]! >= 0)) rowOf[b] = n++;
    const rows = new Float32Array(n * L);
    const k = models.length;
    for (const m of models) {
      for (let b = 0; b < nb; b++) {
        const src = m.rowOf[b]!;
        if (src < 0) continue;
        const dst = rowOf[b]!;
        for (let l = 0; l < L; l++) rows[dst * L + l]! += m.rows[src * L + l]! / k;
      }
    }
    const out = new RuntimeModel(first.meta, rowOf, rows);
    for (const m of models) {
      for (let i = 0; i < L * L; i++) out.trans[i]! += m.trans[i]! / k;
      for (let i = 0; i < L; i++) {
        out.start[i]! += m.start[i]! / k;
        out.end[i]! += m.end[i]! / k;
      }
    }
    return out;
  }

  /** Summed word-local weights per word key (see FeatureExtractor.extract), bounded in size. */
  private readonly localCache = new Map<string, Float32Array>();
  static readonly CACHE_LIMIT = 100_000;

  readonly isCached = (key: string): boolean => this.localCache.has(key);

  private readonly accBuf = new Int32Array(L);

  emissions(f: SentenceFeatures, n: number, out: Float32Array): void {
    const present = this.present;
    const packed = this.packed;
    const ids = f.ids;
    const offsets = f.offsets;
    const localEnd = f.localEnd;
    const keys = f.keys;
    const sc = this.scale;
    const cache = this.localCache;
    // Integer sums of int16 weights are exact (far below 2^24), so they equal the float sums.
    const acc = this.accBuf;
    for (let t = 0; t < n; t++) {
      const o = t * L;
      const k0 = offsets[t]!;
      const kl = localEnd[t]!;
      if (kl === k0) {
        const cached = cache.get(keys[t]!);
        if (cached) for (let l = 0; l < L; l++) out[o + l] = cached[l]!;
      } else {
        acc.fill(0);
        for (let k = k0; k < kl; k++) {
          const id = ids[k]!;
          const word = present[(id >>> 5) << 1]!;
          const bit = id & 31;
          if (((word >>> bit) & 1) === 0) continue;
          const r = (present[((id >>> 5) << 1) + 1]! + popcount(word & ~(-1 << bit))) * STRIDE;
          for (let l = 0; l < L; l++) acc[l] = acc[l]! + packed[r + l]!;
        }
        const local = new Float32Array(L);
        for (let l = 0; l < L; l++) {
          local[l] = acc[l]! * sc;
          out[o + l] = local[l]!;
        }
        if (cache.size < RuntimeModel.CACHE_LIMIT) cache.set(keys[t]!, local);
      }
      const k1 = offsets[t + 1]!;
      if (k1 === kl) continue;
      acc.fill(0);
      for (let k = kl; k < k1; k++) {
        const id = ids[k]!;
        const word = present[(id >>> 5) << 1]!;
        const bit = id & 31;
        if (((word >>> bit) & 1) === 0) continue;
        const r = (present[((id >>> 5) << 1) + 1]! + popcount(word & ~(-1 << bit))) * STRIDE;
        for (let l = 0; l < L; l++) acc[l] = acc[l]! + packed[r + l]!;
      }
      for (let l = 0; l < L; l++) out[o + l]! += acc[l]! * sc;
    }
  }

  /**
   * Binary file: magic, JSON header, then bucket ids (delta-coded uint32), one float32 scale per
   * row and int8 row weights, then float32 transitions. Rows whose weights all quantize to 0 go.
   */
  serialize(): Buffer {
    const nRows = this.rows.length / L;
    const buckets: number[] = [];
    const scales: number[] = [];
    const q: number[] = [];
    for (let b = 0; b < this.rowOf.length; b++) {
      const row = this.rowOf[b]!;
      if (row < 0) continue;
      let max = 0;
      for (let l = 0; l < L; l++) max = Math.max(max, Math.abs(this.rows[row * L + l]!));
      if (max < 1e-3) continue;
      const scale = max / 127;
      buckets.push(b);
      scales.push(scale);
      for (let l = 0; l < L; l++) q.push(Math.round(this.rows[row * L + l]! / scale));
    }
    void nRows;
    const header = Buffer.from(JSON.stringify({ ...this.meta, rows: buckets.length, labels: L }), 'utf8');
    const deltas = new Uint32Array(buckets.length);
    for (let i = 0; i < buckets.length; i++) deltas[i] = buckets[i]! - (i > 0 ? buckets[i - 1]! : 0);
    const parts = [
      Buffer.from('NER1'),
      u32(header.length),
      header,
      Buffer.from(deltas.buffer),
      Buffer.from(Float32Array.from(scales).buffer),
      Buffer.from(Int8Array.from(q).buffer),
      Buffer.from(Float32Array.from([...this.trans, ...this.start, ...this.end]).buffer),
    ];
    return gzipSync(Buffer.concat(parts), { level: 9 });
  }

  static deserialize(gz: Buffer): RuntimeModel {
    const buf = gunzipSync(gz);
    if (buf.subarray(0, 4).toString() !== 'NER1') throw new Error('not a dateline NER model file');
    const hlen = buf.readUInt32LE(4);
    const meta = JSON.parse(buf.subarray(8, 8 + hlen).toString('utf8')) as ModelMeta & { rows: number; labels: number };
    if (meta.format !== MODEL_FORMAT || meta.labels !== L) throw new Error(`unsupported NER model format ${meta.format}`);
    let off = 8 + hlen;
    const nRows = meta.rows;
    const copy = (bytes: number): ArrayBuffer => {
      const ab = new ArrayBuffer(bytes);
      new Uint8Array(ab).set(buf.subarray(off, off + bytes));
      off += bytes;
      return ab;
    };
    const deltas = new Uint32Array(copy(nRows * 4));
    const scales = new Float32Array(copy(nRows * 4));
    const q = new Int8Array(copy(nRows * L));
    const tail = new Float32Array(copy((L * L + 2 * L) * 4));
    // Pack straight from the quantized file (as the constructor would from the dense rows:
    // the same float32 values, the same int16 rounding); dense rows only if a tool asks.
    const nb = 1 << meta.bits;
    let max = 0;
    for (let i = 0; i < nRows; i++) {
      const s = scales[i]!;
      for (let l = 0; l < L; l++) {
        const v = Math.abs(Math.fround(q[i * L + l]! * s));
        if (v > max) max = v;
      }
    }
    const scale = max > 0 ? max / 32767 : 1;
    const nWords = Math.ceil(nb / 32);
    const present = new Int32Array(2 * nWords);
    const packed = new Int16Array(nRows * STRIDE);
    let b = 0;
    let wNext = 0;
    for (let i = 0; i < nRows; i++) {
      b += deltas[i]!;
      const w = b >>> 5;
      while (wNext <= w) present[2 * wNext++ + 1] = i;
      present[2 * w]! |= 1 << (b & 31);
      const s = scales[i]!;
      for (let l = 0; l < L; l++) packed[i * STRIDE + l] = Math.round(Math.fround(q[i * L + l]! * s) / scale);
    }
    while (wNext < nWords) present[2 * wNext++ + 1] = nRows;
    const dense = (): DenseRows => {
      const rowOf = new Int32Array(nb).fill(-1);
      const rows = new Float32Array(nRows * L);
      let bucket = 0;
      for (let i = 0; i < nRows; i++) {
        bucket += deltas[i]!;
        rowOf[bucket] = i;
        const s = scales[i]!;
        for (let l = 0; l < L; l++) rows[i * L + l] = q[i * L + l]! * s;
      }
      return { rowOf, rows };
    };
    const m = new RuntimeModel(meta, EMPTY_I32, EMPTY_F32, { present, packed, scale, dense });
    m.trans.set(tail.subarray(0, L * L));
    m.start.set(tail.subarray(L * L, L * L + L));
    m.end.set(tail.subarray(L * L + L));
    return m;
  }
}

interface DenseRows {
  readonly rowOf: Int32Array;
  readonly rows: Float32Array;
}

const EMPTY_I32 = new Int32Array(0);
const EMPTY_F32 = new Float32Array(0);

function u32(v: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v);
  return b;
}
