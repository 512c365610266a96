import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LEFT, moveCosts, ParseState, projectivize, RIGHT, SHIFT } from './transition.ts';
import { rng } from './train.ts';

/** A random projective tree over n words (heads 1-based, index 0 unused, one root). */
function randomProjectiveTree(n: number, rand: () => number): Int32Array {
  const heads = new Int32Array(n + 1);
  heads[0] = -1;
  // Recursively pick a head for an interval and attach sub-intervals to it.
  const build = (lo: number, hi: number, parent: number): void => {
    if (lo > hi) return;
    const h = lo + Math.floor(rand() * (hi - lo + 1));
    heads[h] = parent;
    let start = lo;
    while (start < h) {
      const end = start + Math.floor(rand() * (h - start));
      build(start, end, h);
      start = end + 1;
    }
    start = h + 1;
    while (start <= hi) {
      const end = start + Math.floor(rand() * (hi - start + 1));
      build(start, end, h);
      start = end + 1;
    }
  };
  build(1, n, 0);
  return heads;
}

function isProjective(h: Int32Array): boolean {
  return projectivize(h).every((v, i) => v === h[i]);
}

const costs = new Float64Array(3);

function zeroCostMove(st: ParseState, gold: Int32Array): number {
  moveCosts(st, gold, costs);
  for (const m of [RIGHT, LEFT, SHIFT]) if (costs[m] === 0) return m;
  return -1;
}

test('the static path of the dynamic oracle rebuilds projective gold trees', () => {
  const rand = rng(7);
  for (let trial = 0; trial < 300; trial++) {
    const n = 1 + Math.floor(rand() * 25);
    const gold = randomProjectiveTree(n, rand);
    assert.ok(isProjective(gold));
    const st = new ParseState(n);
    let steps = 0;
    while (!st.isTerminal()) {
      const m = zeroCostMove(st, gold);
      assert.notEqual(m, -1, 'some move must have zero cost');
      st.apply(m, 0);
      steps++;
    }
    assert.equal(steps, 2 * n);
    for (let i = 1; i <= n; i++) assert.equal(st.head[i], gold[i]);
  }
});

test('dynamic oracle costs add up to the arcs lost after random mistakes', () => {
  const rand = rng(11);
  for (let trial = 0; trial < 300; trial++) {
    const n = 2 + Math.floor(rand() * 20);
    const gold = randomProjectiveTree(n, rand);
    const st = new ParseState(n);
    let lost = 0;
    while (!st.isTerminal()) {
      moveCosts(st, gold, costs);
      const valid = [SHIFT, LEFT, RIGHT].filter((m) => costs[m] !== Infinity);
      assert.ok(valid.length > 0);
      const m = rand() < 0.3 ? valid[Math.floor(rand() * valid.length)]! : zeroCostMove(st, gold);
      lost += costs[m]!;
      st.apply(m, 0);
    }
    let wrong = 0;
    for (let i = 1; i <= n; i++) if (st.head[i] !== gold[i]) wrong++;
    assert.equal(wrong, lost, `tree ${Array.from(gold).join(',')}`);
  }
});

test('every parse ends with exactly one word attached to the root', () => {
  const rand = rng(3);
  for (let trial = 0; trial < 100; trial++) {
    const n = 1 + Math.floor(rand() * 15);
    const st = new ParseState(n);
    while (!st.isTerminal()) {
      const valid = [SHIFT, LEFT, RIGHT].filter((m) =>
        m === SHIFT ? st.canShift() : m === LEFT ? st.canLeft() : st.canRight(),
      );
      st.apply(valid[Math.floor(rand() * valid.length)]!, 0);
    }
    let roots = 0;
    for (let i = 1; i <= n; i++) {
      assert.ok(st.head[i]! >= 0 && st.head[i]! <= n);
      if (st.head[i] === 0) roots++;
    }
    assert.equal(roots, 1);
  }
});

test('projectivize lifts a crossing arc to the grandparent', () => {
  // 1 ← 3 (root), 2 → 4 crosses 1..3? Words: 1 2 3 4; heads: 1→3, 2→3, 3 root, 4→1 (crosses 2→3 and 3).
  const heads = Int32Array.from([-1, 3, 3, 0, 1]);
  assert.equal(isProjective(heads), false);
  const p = projectivize(heads);
  assert.ok(isProjective(p));
  assert.equal(p[4], 3);
  assert.deepEqual(Array.from(p.slice(1, 4)), [3, 3, 0]);
});
