/**
 * A sparse linear multi-class model over hashed features: an open-addressing table maps a
 * feature hash to a row; a row lists (class, weight) pairs. Built once at load time from the
 * compact arrays stored in the model file.
 */

export interface LinearModelData {
  readonly nClasses: number;
  /** Feature hashes, one per row (never 0). */
  readonly keys: Int32Array;
  /** Row `r` owns entries `offsets[r] .. offsets[r + 1]`. Length `keys.length + 1`. */
  readonly offsets: Uint32Array;
  readonly classes: Uint8Array;
  readonly weights: Float32Array;
}

/**
 * Memory layout tuned for cache misses, which dominate tagging time: one interleaved table of
 * (key, row header) pairs so a probe touches one cache line, and rows of packed entries
 * `(weight << 8) | class` with weights as 24-bit fixed point, so a row is one more line.
 */
export class LinearModel {
  readonly nClasses: number;
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly entries: Int32Array;
  /** Scale from fixed-point scores back to the model's float weights. */
  readonly scale: number;
  readonly rows: number;

  constructor(data: LinearModelData) {
    this.nClasses = data.nClasses;
    this.rows = data.keys.length;
    let max = 0;
    for (const w of data.weights) max = Math.max(max, Math.abs(w));
    const q = max > 0 ? (1 << 22) / max : 1;
    this.scale = 1 / q;
    const total = data.offsets[data.keys.length] ?? 0;
    this.entries = new Int32Array(total);
    for (let e = 0; e < total; e++) {
      this.entries[e] = (Math.round(data.weights[e]! * q) << 8) | data.classes[e]!;
    }
    let size = 1024;
    while (size < data.keys.length * 2) size <<= 1;
    this.mask = size - 1;
    this.table = new Int32Array(size * 2);
    for (let r = 0; r < data.keys.length; r++) {
      const key = data.keys[r]!;
      const start = data.offsets[r]!;
      const len = data.offsets[r + 1]! - start;
      if (len > 255 || start >= 1 << 23) throw new Error('linear model row too long or model too large');
      let s = key & this.mask;
      while (this.table[s * 2] !== 0) s = (s + 1) & this.mask;
      this.table[s * 2] = key;
      this.table[s * 2 + 1] = (start << 8) | len;
    }
  }

  get size(): number {
    return this.rows;
  }

  /** Adds the fixed-point weights of `n` features to `scores` (which the caller zeroes). */
  addScores(feats: Int32Array, n: number, scores: Int32Array): void {
    const { table, mask, entries } = this;
    for (let i = 0; i < n; i++) {
      const key = feats[i]!;
      let s = key & mask;
      let k = table[s << 1]!;
      while (k !== key) {
        if (k === 0) break;
        s = (s + 1) & mask;
        k = table[s << 1]!;
      }
      if (k === 0) continue;
      const head = table[(s << 1) + 1]!;
      const start = head >>> 8;
      const end = start + (head & 255);
      for (let e = start; e < end; e++) {
        const v = entries[e]!;
        scores[v & 255]! += v >> 8;
      }
    }
  }
}

export function argmax(scores: Float32Array | Int32Array, n: number): number {
  let best = 0;
  let bestScore = scores[0]!;
  for (let c = 1; c < n; c++) {
    const v = scores[c]!;
    if (v > bestScore) {
      bestScore = v;
      best = c;
    }
  }
  return best;
}
