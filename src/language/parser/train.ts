/**
 * Training: averaged perceptron over hashed features, arc-hybrid dynamic oracle with exploration
 * (Goldberg & Nivre 2012/2013). Used by scripts/train-parser.ts; never at analysis time.
 */
import { readFileSync } from 'node:fs';
import { parseConllu } from '../conllu.ts';
import { extractFeatures, extractLabelFeatures, GROUP_FEATURES, type SentenceInput } from './features.ts';
import {
  bestLabel,
  bestMove,
  groupOfClass,
  moveOfClass,
  MoveModel,
  encodeSentence,
  encodeVocab,
  type Buffers,
  type EncodedVocab,
  type Scorer,
  type Vocab,
} from './model.ts';
import type { SparseBlock } from './io.ts';
import { LEFT, moveCosts, ParseState, projectivize, RIGHT, SHIFT } from './transition.ts';

export interface TreebankSentence {
  readonly forms: string[];
  readonly upos: string[];
  readonly xpos: string[];
  readonly head: number[];
  readonly deprel: string[];
}

export function readTreebank(path: string): TreebankSentence[] {
  return parseConllu(readFileSync(path, 'utf8'))
    .filter((s) => s.tokens.length > 0)
    .map((s) => ({
      forms: s.tokens.map((t) => t.form),
      upos: s.tokens.map((t) => t.upos),
      xpos: s.tokens.map((t) => t.xpos),
      head: s.tokens.map((t) => t.head),
      deprel: s.tokens.map((t) => t.deprel),
    }));
}

export const UPOS = [
  'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM',
  'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X',
];

/** Label groups for the move model (see Vocab.groups): by syntactic function. */
const COARSE_GROUPS: Record<string, number> = {
  nsubj: 1, csubj: 1, expl: 1,
  obj: 2, iobj: 2,
  det: 3, nummod: 3,
  amod: 4,
  case: 5,
  mark: 6,
  aux: 7, cop: 7,
  advmod: 8, discourse: 8,
  punct: 9,
  cc: 10,
  conj: 11,
  compound: 12, flat: 12, fixed: 12, goeswith: 12,
  nmod: 13,
  obl: 14,
  acl: 15, advcl: 16, ccomp: 17, xcomp: 17, parataxis: 18,
  appos: 19, list: 19, dislocated: 19, vocative: 19, reparandum: 19, orphan: 19, dep: 19,
};

export type Grouping = 'none' | 'coarse' | 'universal' | 'full';

export function labelGroups(labels: readonly string[], grouping: Grouping): number[] {
  const raw = labels.map((l) => {
    if (l === 'root') return -1;
    const u = l.split(':')[0]!;
    if (grouping === 'none') return 0;
    if (grouping === 'full') return labels.indexOf(l);
    if (grouping === 'universal') return labels.findIndex((x) => x.split(':')[0] === u);
    return COARSE_GROUPS[u] ?? 19;
  });
  // Renumber densely, root last.
  const ids = new Map<number, number>();
  for (const r of raw) if (r !== -1 && !ids.has(r)) ids.set(r, ids.size);
  return raw.map((r) => (r === -1 ? ids.size : ids.get(r)!));
}

export function buildVocab(
  sents: readonly TreebankSentence[],
  grouping: Grouping = 'coarse',
  clusters?: ReadonlyMap<string, number>,
): Vocab {
  const labels = new Map<string, number>();
  const xpos = new Set<string>();
  for (const s of sents) {
    for (const d of s.deprel) labels.set(d, (labels.get(d) ?? 0) + 1);
    for (const x of s.xpos) xpos.add(x);
  }
  // Rare labels are kept: LAS is scored on every word.
  const sorted = [...labels.keys()].sort();
  return {
    labels: sorted,
    groups: labelGroups(sorted, grouping),
    xpos: [...xpos].sort(),
    upos: UPOS,
    ...(clusters ? { clusters } : {}),
  };
}

/** Dense averaged-perceptron weights for training (W and the running sum trick U). */
export class DenseWeights implements Scorer {
  readonly W: Float32Array;
  readonly U: Float32Array;
  step = 1;
  private readonly shift: number;

  constructor(
    readonly bits: number,
    readonly nClasses: number,
  ) {
    this.W = new Float32Array((1 << bits) * nClasses);
    this.U = new Float32Array((1 << bits) * nClasses);
    this.shift = 32 - bits;
  }

  score(feats: Int32Array, nf: number, out: Float32Array): void {
    out.fill(0);
    const C = this.nClasses;
    const W = this.W;
    for (let i = 0; i < nf; i++) {
      const base = (feats[i]! >>> this.shift) * C;
      for (let c = 0; c < C; c++) out[c]! += W[base + c]!;
    }
  }

  update(feats: Int32Array, nf: number, cls: number, delta: number): void {
    const C = this.nClasses;
    const t = this.step * delta;
    for (let i = 0; i < nf; i++) {
      const j = (feats[i]! >>> this.shift) * C + cls;
      this.W[j]! += delta;
      this.U[j]! += t;
    }
  }

  /** Averaged weights as sparse rows, dropping those with |w| < minAbs. */
  toSparse(minAbs: number): SparseBlock {
    const C = this.nClasses;
    const nb = 1 << this.bits;
    const inv = 1 / this.step;
    let nnz = 0;
    for (let j = 0; j < this.W.length; j++) {
      const w = this.W[j]! - this.U[j]! * inv;
      if (w >= minAbs || w <= -minAbs) nnz++;
    }
    const rowStart = new Uint32Array(nb + 1);
    const cls = new Uint8Array(nnz);
    const wts = new Float32Array(nnz);
    let k = 0;
    for (let b = 0; b < nb; b++) {
      rowStart[b] = k;
      const base = b * C;
      for (let c = 0; c < C; c++) {
        const w = this.W[base + c]! - this.U[base + c]! * inv;
        if (w >= minAbs || w <= -minAbs) {
          cls[k] = c;
          wts[k] = w;
          k++;
        }
      }
    }
    rowStart[nb] = k;
    return { bits: this.bits, nClasses: C, rowStart, cls, wts };
  }
}

/** Mulberry32: a small seeded PRNG so training runs are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TrainItem {
  readonly input: SentenceInput;
  readonly gold: Int32Array;
  readonly goldLabel: Int32Array;
}

export function prepare(
  vocab: Vocab,
  enc: EncodedVocab,
  s: TreebankSentence,
  tags?: { upos: readonly string[]; xpos: readonly string[] },
): TrainItem {
  const input = encodeSentence(vocab, enc, s.forms, tags?.upos ?? s.upos, tags?.xpos ?? s.xpos);
  const heads = new Int32Array(s.forms.length + 1);
  const labs = new Int32Array(s.forms.length + 1);
  heads[0] = -1;
  labs[0] = -1;
  for (let i = 0; i < s.forms.length; i++) {
    heads[i + 1] = s.head[i]!;
    labs[i + 1] = enc.labelIndex.get(s.deprel[i]!) ?? 0;
  }
  return { input, gold: projectivize(heads), goldLabel: labs };
}

/**
 * One training pass over one sentence. `explore`: probability of following the model's own
 * (possibly wrong) prediction instead of the best zero-cost move. Returns move and label errors.
 */
export function trainSentence(
  base: DenseWeights,
  groups: DenseWeights,
  labels: DenseWeights,
  item: TrainItem,
  enc: EncodedVocab,
  explore: number,
  rand: () => number,
  buf: Buffers,
  costs: Float64Array,
): { moveErrors: number; labelErrors: number } {
  const { input, gold, goldLabel } = item;
  const st = new ParseState(input.n);
  const G = enc.nGroups;
  const rg = enc.rootGroup;
  const gof = enc.groupOf;
  let moveErrors = 0;
  let labelErrors = 0;
  const sc = buf.moveScores;
  const moves = new MoveModel(base, groups, G);
  while (!st.isTerminal()) {
    const nf = extractFeatures(st, input, buf.feats);
    const ng = nf < GROUP_FEATURES ? nf : GROUP_FEATURES;
    moves.score(buf.feats, nf, sc);
    moveCosts(st, gold, costs);
    const pred = bestMove(st, sc, enc);
    const s0 = st.stack[st.sp - 1]!;
    const s1 = st.sp >= 2 ? st.stack[st.sp - 2]! : -1;
    const gg = s0 > 0 ? gof[goldLabel[s0]!]! : -1;
    const leftGold = s0 > 0 && gold[s0] === st.next;
    const rightGold = s0 > 0 && gold[s0] === s1;
    const classCost = (cls: number): number => {
      if (cls === 0) return costs[SHIFT]!;
      const g = groupOfClass(cls, G);
      if (cls <= G) return costs[LEFT]! + (leftGold && g !== gg ? 1 : 0);
      return costs[RIGHT]! + (rightGold && g !== gg ? 1 : 0);
    };
    let best = -1;
    let bestCost = Infinity;
    const consider = (cls: number): void => {
      const c = classCost(cls);
      if (best === -1 || c < bestCost || (c === bestCost && sc[cls]! > sc[best]!)) {
        best = cls;
        bestCost = c;
      }
    };
    if (costs[SHIFT] !== Infinity) consider(0);
    if (costs[LEFT] !== Infinity) for (let g = 0; g < G; g++) if (g !== rg) consider(1 + g);
    if (costs[RIGHT] !== Infinity) {
      if (st.rightIsRoot()) consider(1 + G + rg);
      else for (let g = 0; g < G; g++) if (g !== rg) consider(1 + G + g);
    }
    const wrong = classCost(pred) > bestCost;
    if (wrong) {
      moveErrors++;
      const bm = moveOfClass(best, G);
      const pm = moveOfClass(pred, G);
      if (bm !== pm) {
        base.update(buf.feats, nf, bm, 1);
        base.update(buf.feats, nf, pm, -1);
      }
      groups.update(buf.feats, ng, best, 1);
      groups.update(buf.feats, ng, pred, -1);
    }
    base.step++;
    groups.step++;
    const cls = wrong && rand() >= explore ? best : pred;
    const move = moveOfClass(cls, G);
    let lab = -1;
    if (move !== SHIFT) {
      const g = groupOfClass(cls, G);
      if (g === rg) lab = enc.root;
      else {
        const head = move === LEFT ? st.next : s1;
        const nl = extractLabelFeatures(st, input, head, s0, move === RIGHT, buf.lfeats);
        labels.score(buf.lfeats, nl, buf.labelScores);
        const pl = bestLabel(buf.labelScores, sc, enc, move);
        lab = pl;
        // Labels are learnt on correct arcs only: LAS needs the right head.
        if (gold[s0] === head) {
          const gl = goldLabel[s0]!;
          if (gl !== pl && gl !== enc.root) {
            labelErrors++;
            labels.update(buf.lfeats, nl, gl, 1);
            labels.update(buf.lfeats, nl, pl, -1);
            if (rand() >= explore) lab = gl;
          }
        }
        labels.step++;
      }
    }
    st.apply(move, lab);
  }
  return { moveErrors, labelErrors };
}
