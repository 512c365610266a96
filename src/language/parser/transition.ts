/**
 * Arc-hybrid transition system (Kuhlmann et al. 2011) with the root at the bottom of the stack,
 * and its dynamic oracle (Goldberg & Nivre 2013).
 *
 * Token 0 is the artificial root; words are 1..n. The buffer is always the suffix `next..n`,
 * so it needs no array. The root may take its single dependent only when the buffer is empty,
 * which guarantees exactly one root per sentence (the CoNLL 2018 scorer rejects several).
 *
 * Moves are SHIFT, LEFT and RIGHT; arc labels come from a separate label model (see model.ts).
 */

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;

export class ParseState {
  readonly n: number;
  readonly stack: Int32Array;
  sp = 0;
  next = 1;
  readonly head: Int32Array;
  readonly label: Int32Array;
  /** Leftmost and second-leftmost dependents, -1 when none. */
  readonly l1: Int32Array;
  readonly l2: Int32Array;
  /** Rightmost and second-rightmost dependents. */
  readonly r1: Int32Array;
  readonly r2: Int32Array;
  readonly nLeft: Int32Array;
  readonly nRight: Int32Array;
  /** Bit sets of the labels of left/right dependents (labels folded into 32 bits). */
  readonly leftLabels: Int32Array;
  readonly rightLabels: Int32Array;

  constructor(n: number) {
    this.n = n;
    const m = n + 1;
    this.stack = new Int32Array(m);
    this.head = new Int32Array(m);
    this.label = new Int32Array(m);
    this.l1 = new Int32Array(m);
    this.l2 = new Int32Array(m);
    this.r1 = new Int32Array(m);
    this.r2 = new Int32Array(m);
    this.nLeft = new Int32Array(m);
    this.nRight = new Int32Array(m);
    this.leftLabels = new Int32Array(m);
    this.rightLabels = new Int32Array(m);
    this.reset();
  }

  reset(): void {
    this.head.fill(-1);
    this.label.fill(-1);
    this.l1.fill(-1);
    this.l2.fill(-1);
    this.r1.fill(-1);
    this.r2.fill(-1);
    this.nLeft.fill(0);
    this.nRight.fill(0);
    this.leftLabels.fill(0);
    this.rightLabels.fill(0);
    this.stack[0] = 0;
    this.sp = 1;
    this.next = 1;
  }

  isTerminal(): boolean {
    return this.next > this.n && this.sp === 1;
  }

  canShift(): boolean {
    return this.next <= this.n;
  }

  canLeft(): boolean {
    return this.next <= this.n && this.sp >= 2;
  }

  /** RIGHT onto the root only as the very last move. */
  canRight(): boolean {
    return this.sp >= 3 || (this.sp === 2 && this.next > this.n);
  }

  /** True when a RIGHT move would attach to the root (so its label must be `root`). */
  rightIsRoot(): boolean {
    return this.sp === 2;
  }

  private addArc(h: number, d: number, lab: number): void {
    this.head[d] = h;
    this.label[d] = lab;
    const bit = 1 << (lab & 31);
    if (d < h) {
      this.nLeft[h]!++;
      this.leftLabels[h]! |= bit;
      const a = this.l1[h]!;
      if (a === -1 || d < a) {
        this.l2[h] = a;
        this.l1[h] = d;
      } else {
        const b = this.l2[h]!;
        if (b === -1 || d < b) this.l2[h] = d;
      }
    } else {
      this.nRight[h]!++;
      this.rightLabels[h]! |= bit;
      const a = this.r1[h]!;
      if (a === -1 || d > a) {
        this.r2[h] = a;
        this.r1[h] = d;
      } else {
        const b = this.r2[h]!;
        if (b === -1 || d > b) this.r2[h] = d;
      }
    }
  }

  /** Apply a move (SHIFT/LEFT/RIGHT) with a label index (ignored for SHIFT). */
  apply(move: number, lab: number): void {
    if (move === SHIFT) {
      this.stack[this.sp++] = this.next++;
    } else if (move === LEFT) {
      const s0 = this.stack[--this.sp]!;
      this.addArc(this.next, s0, lab);
    } else {
      const s0 = this.stack[--this.sp]!;
      this.addArc(this.stack[this.sp - 1]!, s0, lab);
    }
  }
}

/**
 * Dynamic-oracle costs of the three unlabelled moves: the number of gold arcs each move makes
 * unreachable. `gold` holds gold heads (index 0 unused). Invalid moves get cost Infinity.
 * Output: costs[SHIFT], costs[LEFT], costs[RIGHT].
 */
export function moveCosts(st: ParseState, gold: Int32Array, costs: Float64Array): void {
  const { stack, sp, next: b, n } = st;
  costs[SHIFT] = Infinity;
  costs[LEFT] = Infinity;
  costs[RIGHT] = Infinity;
  if (st.canShift()) {
    // b loses heads and dependents still on the stack, except a head at s0 (RIGHT later).
    let c = 0;
    const gb = gold[b]!;
    const s0 = stack[sp - 1]!;
    for (let i = 0; i < sp; i++) {
      const k = stack[i]!;
      if (gb === k && k !== s0) c++;
      if (k !== 0 && gold[k] === b) c++;
    }
    costs[SHIFT] = c;
  }
  if (sp >= 2) {
    const s0 = stack[sp - 1]!;
    const s1 = stack[sp - 2]!;
    const g0 = gold[s0]!;
    // Dependents of s0 still in the buffer are lost by both LEFT and RIGHT.
    let deps = 0;
    for (let k = b; k <= n; k++) if (gold[k] === s0) deps++;
    if (st.canLeft()) {
      let c = deps;
      if (g0 === s1 || (g0 > b && g0 <= n)) c++;
      costs[LEFT] = c;
    }
    if (st.canRight()) {
      let c = deps;
      if (g0 >= b && g0 <= n) c++;
      costs[RIGHT] = c;
    }
  }
}

/**
 * Make a tree projective by lifting non-projective arcs to the grandparent (Nivre & Nilsson 2005,
 * without label encoding), so the oracle can reach it. Heads are 1-based, 0 = root; index 0 unused.
 */
export function projectivize(heads: Int32Array): Int32Array {
  const h = Int32Array.from(heads);
  const n = h.length - 1;
  for (let guard = 0; guard < n * n; guard++) {
    let worst = -1;
    let worstLen = Infinity;
    for (let d = 1; d <= n; d++) {
      const hd = h[d]!;
      if (hd === 0) continue;
      if (!isProjectiveArc(h, hd, d)) {
        const len = Math.abs(hd - d);
        if (len < worstLen) {
          worstLen = len;
          worst = d;
        }
      }
    }
    if (worst === -1) return h;
    h[worst] = h[h[worst]!]!;
  }
  return h;
}

/** An arc is projective when its head dominates every word strictly between head and dependent. */
function isProjectiveArc(h: Int32Array, head: number, dep: number): boolean {
  const lo = Math.min(head, dep);
  const hi = Math.max(head, dep);
  for (let k = lo + 1; k < hi; k++) {
    let a = k;
    let steps = 0;
    while (a !== 0 && a !== head && steps++ < h.length) a = h[a]!;
    if (a !== head) return false;
  }
  return true;
}
