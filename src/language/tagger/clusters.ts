/**
 * Cheap distributional word clusters (training only): each frequent word is described by the
 * counts of its left and right neighbours among the most frequent context words, vectors are
 * L2-normalised, and spherical k-means groups them into `fine` clusters; the fine centroids are
 * clustered again into `mid` and `coarse` groups, giving a three-level hierarchy like Brown paths.
 */

import { rng } from './train.ts';

export interface ClusterOptions {
  readonly minCount?: number;
  readonly maxWords?: number;
  readonly contextWords?: number;
  readonly fine?: number;
  readonly mid?: number;
  readonly coarse?: number;
  readonly iterations?: number;
  readonly log?: (msg: string) => void;
}

interface SparseVec {
  idx: Int32Array;
  val: Float32Array;
}

export function buildClusters(
  sentences: readonly (readonly string[])[],
  opts: ClusterOptions = {},
): Map<string, readonly [number, number, number]> {
  const minCount = opts.minCount ?? 3;
  const maxWords = opts.maxWords ?? 40000;
  const nCtx = opts.contextWords ?? 800;
  const K = opts.fine ?? 256;
  const log = opts.log ?? (() => {});

  const norm = (w: string): string => w.toLowerCase();
  const freq = new Map<string, number>();
  for (const s of sentences) for (const w of s) freq.set(norm(w), (freq.get(norm(w)) ?? 0) + 1);
  const byFreq = [...freq].sort((a, b) => b[1] - a[1]);
  const vocab = byFreq.filter(([, n]) => n >= minCount).slice(0, maxWords).map(([w]) => w);
  const vocabId = new Map(vocab.map((w, k) => [w, k]));
  const ctxId = new Map(byFreq.slice(0, nCtx).map(([w], k) => [w, k]));
  const dim = 2 * nCtx + 4;
  const BOS = 2 * nCtx;
  const EOS = 2 * nCtx + 1;
  const OTHER_L = 2 * nCtx + 2;
  const OTHER_R = 2 * nCtx + 3;

  const counts: Map<number, number>[] = vocab.map(() => new Map());
  for (const s of sentences) {
    const ids = s.map(norm);
    for (let i = 0; i < ids.length; i++) {
      const v = vocabId.get(ids[i]!);
      if (v === undefined) continue;
      const m = counts[v]!;
      const left = i > 0 ? ctxId.get(ids[i - 1]!) : undefined;
      const lk = i === 0 ? BOS : left === undefined ? OTHER_L : left;
      const right = i + 1 < ids.length ? ctxId.get(ids[i + 1]!) : undefined;
      const rk = i + 1 >= ids.length ? EOS : right === undefined ? OTHER_R : nCtx + right;
      m.set(lk, (m.get(lk) ?? 0) + 1);
      m.set(rk, (m.get(rk) ?? 0) + 1);
    }
  }
  const vecs: SparseVec[] = counts.map((m) => {
    const entries = [...m].sort((a, b) => a[0] - b[0]);
    const val = Float32Array.from(entries.map(([, n]) => Math.sqrt(n)));
    let s = 0;
    for (const x of val) s += x * x;
    const inv = 1 / Math.sqrt(s || 1);
    for (let k = 0; k < val.length; k++) val[k]! *= inv;
    return { idx: Int32Array.from(entries.map(([k]) => k)), val };
  });
  log(`clusters: ${vocab.length} words, ${dim} context dims`);

  const fineOf = sphericalKMeans(vecs, dim, Math.min(K, vecs.length), opts.iterations ?? 12, 7, log);
  // Centroids of fine clusters, as sparse vectors, clustered again for the coarser levels.
  const centroids = centroidVectors(vecs, fineOf.assign, fineOf.k, dim);
  const midOf = sphericalKMeans(centroids, dim, Math.min(opts.mid ?? 64, centroids.length), 20, 8, log);
  const coarseOf = sphericalKMeans(centroids, dim, Math.min(opts.coarse ?? 16, centroids.length), 20, 9, log);
  const out = new Map<string, readonly [number, number, number]>();
  vocab.forEach((w, k) => {
    const f = fineOf.assign[k]!;
    out.set(w, [1 + f, 1001 + midOf.assign[f]!, 2001 + coarseOf.assign[f]!]);
  });
  return out;
}

function centroidVectors(vecs: readonly SparseVec[], assign: Int32Array, k: number, dim: number): SparseVec[] {
  const sums = Array.from({ length: k }, () => new Float32Array(dim));
  vecs.forEach((v, i) => {
    const c = sums[assign[i]!]!;
    for (let e = 0; e < v.idx.length; e++) c[v.idx[e]!]! += v.val[e]!;
  });
  return sums.map((c) => {
    const idx: number[] = [];
    const val: number[] = [];
    let s = 0;
    for (let d = 0; d < dim; d++) if (c[d] !== 0) {
      idx.push(d);
      val.push(c[d]!);
      s += c[d]! * c[d]!;
    }
    const inv = 1 / Math.sqrt(s || 1);
    return { idx: Int32Array.from(idx), val: Float32Array.from(val.map((x) => x * inv)) };
  });
}

function sphericalKMeans(
  vecs: readonly SparseVec[],
  dim: number,
  k: number,
  iterations: number,
  seed: number,
  log: (msg: string) => void,
): { assign: Int32Array; k: number } {
  const rand = rng(seed);
  const n = vecs.length;
  const cent = new Float32Array(k * dim);
  // Seeds: the k first (most frequent) words spread a good initial coverage for frequent types;
  // mixing in random words avoids all seeds being function words.
  const seeds = new Set<number>();
  for (let c = 0; c < k; c++) {
    let s = c % 2 === 0 ? c : Math.floor(rand() * n);
    while (seeds.has(s)) s = Math.floor(rand() * n);
    seeds.add(s);
    const v = vecs[s]!;
    for (let e = 0; e < v.idx.length; e++) cent[c * dim + v.idx[e]!] = v.val[e]!;
  }
  const assign = new Int32Array(n).fill(-1);
  for (let it = 0; it < iterations; it++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const v = vecs[i]!;
      let best = 0;
      let bestSim = -Infinity;
      for (let c = 0; c < k; c++) {
        const base = c * dim;
        let sim = 0;
        for (let e = 0; e < v.idx.length; e++) sim += cent[base + v.idx[e]!]! * v.val[e]!;
        if (sim > bestSim) {
          bestSim = sim;
          best = c;
        }
      }
      if (assign[i] !== best) changed++;
      assign[i] = best;
    }
    cent.fill(0);
    for (let i = 0; i < n; i++) {
      const v = vecs[i]!;
      const base = assign[i]! * dim;
      for (let e = 0; e < v.idx.length; e++) cent[base + v.idx[e]!]! += v.val[e]!;
    }
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let d = 0; d < dim; d++) s += cent[c * dim + d]! ** 2;
      const inv = 1 / Math.sqrt(s || 1);
      for (let d = 0; d < dim; d++) cent[c * dim + d]! *= inv;
    }
    log(`k-means k=${k} iteration ${it + 1}: ${changed} changed`);
    if (changed === 0) break;
  }
  return { assign, k };
}
