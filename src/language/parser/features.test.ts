import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  biasFeature,
  DYNAMIC_FEATURES,
  DYNAMIC_GROUP_FEATURES,
  extractDynamicFeatures,
  extractFeatures,
  extractLabelDynamicFeatures,
  extractLabelFeatures,
  extractRuntimeFeatures,
  GROUP_FEATURES,
  GROUP_TABLE_TEMPLATES,
  LABEL_CHILD_TEMPLATES,
  LABEL_DEP_TEMPLATES,
  LABEL_DYNAMIC_FEATURES,
  LABEL_HEAD_TEMPLATES,
  labelBiasFeature,
  MAX_FEATURES,
  NONE_VALUE,
  ROLE_TEMPLATES,
  roleFeature,
  TABLE_TEMPLATES,
  TAG_VALENCY_TEMPLATE,
  templateHash,
  TRIPLE_TABLE_TEMPLATES,
  type SentenceInput,
} from './features.ts';
import { LEFT, ParseState, RIGHT, SHIFT } from './transition.ts';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomSentence(n: number, r: () => number): SentenceInput {
  const arr = (f: () => number): Int32Array => {
    const a = new Int32Array(n + 1);
    for (let i = 0; i <= n; i++) a[i] = f();
    return a;
  };
  return {
    n,
    word: arr(() => (r() * 2 ** 32) | 0),
    tag: arr(() => Math.floor(r() * 50)),
    utag: arr(() => Math.floor(r() * 18)),
    suffix: arr(() => (r() * 2 ** 32) | 0),
    cluster: arr(() => Math.floor(r() * 257)),
    coarse: arr(() => Math.floor(r() * 17)),
  };
}

/** Role features of the state, as the parser sums them per word type. */
function roleFeatures(st: ParseState, s: SentenceInput, groupOnly: boolean): number[] {
  const sp = st.sp;
  const tokens = [
    sp >= 1 ? st.stack[sp - 1]! : -1,
    sp >= 2 ? st.stack[sp - 2]! : -1,
    sp >= 3 ? st.stack[sp - 3]! : -1,
    st.next <= st.n ? st.next : -1,
    st.next + 1 <= st.n ? st.next + 1 : -1,
    st.next + 2 <= st.n ? st.next + 2 : -1,
  ];
  const out: number[] = [];
  ROLE_TEMPLATES.forEach((templates, role) => {
    const i = tokens[role]!;
    for (const t of templates) {
      if (groupOnly && !t[2]) continue;
      out.push(
        i < 0
          ? roleFeature(t, NONE_VALUE, NONE_VALUE, NONE_VALUE, NONE_VALUE, NONE_VALUE)
          : roleFeature(t, s.word[i]!, s.tag[i]!, s.utag[i]!, s.suffix[i]!, s.cluster[i]!),
      );
    }
  });
  return out;
}

const sorted = (a: ArrayLike<number>): number[] => Array.from(a).sort((x, y) => x - y);

test('dynamic + single-token features + bias are exactly the full move and label feature sets', () => {
  const r = rng(7);
  const full = new Int32Array(MAX_FEATURES);
  const dyn = new Int32Array(MAX_FEATURES);
  let states = 0;
  let labelled = 0;
  for (let k = 0; k < 40; k++) {
    const n = 1 + Math.floor(r() * 12);
    const s = randomSentence(n, r);
    const st = new ParseState(n);
    while (!st.isTerminal()) {
      const nf = extractFeatures(st, s, full);
      const nd = extractDynamicFeatures(st, s, dyn);
      assert.equal(nd, DYNAMIC_FEATURES);
      assert.deepEqual(
        sorted([...dyn.subarray(0, nd), biasFeature(), ...roleFeatures(st, s, false)]),
        sorted(full.subarray(0, nf)),
      );
      assert.deepEqual(
        sorted([...dyn.subarray(0, DYNAMIC_GROUP_FEATURES), biasFeature(), ...roleFeatures(st, s, true)]),
        sorted(full.subarray(0, GROUP_FEATURES)),
      );
      // Label features for every arc the state could make next.
      const arcs: [number, number, boolean][] = [];
      if (st.canLeft()) arcs.push([st.next, st.stack[st.sp - 1]!, false]);
      if (st.canRight() && !st.rightIsRoot()) arcs.push([st.stack[st.sp - 2]!, st.stack[st.sp - 1]!, true]);
      for (const [head, dep, right] of arcs) {
        const nl = extractLabelFeatures(st, s, head, dep, right, full);
        const nd = extractLabelDynamicFeatures(st, s, head, dep, right, dyn);
        assert.equal(nd, LABEL_DYNAMIC_FEATURES);
        const off = right ? 1000 : 2000;
        const tok = (i: number, ts: typeof LABEL_HEAD_TEMPLATES): number[] =>
          ts.map((t) => roleFeature(t, s.word[i]!, s.tag[i]!, s.utag[i]!, s.suffix[i]!, s.cluster[i]!, off));
        assert.deepEqual(
          sorted([...dyn.subarray(0, nd), labelBiasFeature(right), ...tok(head, LABEL_HEAD_TEMPLATES), ...tok(dep, LABEL_DEP_TEMPLATES)]),
          sorted(full.subarray(0, nl)),
        );
        labelled++;
      }
      states++;
      const moves = [st.canShift() ? SHIFT : -1, st.canLeft() ? LEFT : -1, st.canRight() ? RIGHT : -1].filter((m) => m >= 0);
      st.apply(moves[Math.floor(r() * moves.length)]!, Math.floor(r() * 40));
    }
  }
  assert.ok(states > 300);
  assert.ok(labelled > 200);
});

test('runtime features + table templates + child tables are exactly the dynamic features, in order', () => {
  const r = rng(11);
  const dyn = new Int32Array(MAX_FEATURES);
  const rt = new Int32Array(MAX_FEATURES);
  const vals = new Int32Array(2 * TABLE_TEMPLATES.length);
  const vals3 = new Int32Array(3 * TRIPLE_TABLE_TEMPLATES.length);
  // Positions scored from the child-label and tag × valency tables (see runtime.ts).
  const childTable = new Set([...LABEL_CHILD_TEMPLATES.map((t) => t[0]), TAG_VALENCY_TEMPLATE[0]]);
  const tablePos = new Set([...TABLE_TEMPLATES, ...TRIPLE_TABLE_TEMPLATES].map((t) => t[0]));
  let states = 0;
  for (let k = 0; k < 40; k++) {
    const n = 1 + Math.floor(r() * 12);
    const s = randomSentence(n, r);
    const st = new ParseState(n);
    while (!st.isTerminal()) {
      const nd = extractDynamicFeatures(st, s, dyn);
      const nr = extractRuntimeFeatures(st, s, rt, vals, vals3);
      const hashed = Array.from(dyn.subarray(0, nd)).filter((_, i) => !childTable.has(i) && !tablePos.has(i));
      assert.deepEqual(Array.from(rt.subarray(0, nr)), hashed);
      TABLE_TEMPLATES.forEach(([pos, id, , kb], j) => {
        const a = vals[2 * j]!;
        const b = vals[2 * j + 1]!;
        assert.ok(a >= -8 && b >= -8, 'table values are shifted by +8 into non-negative indices');
        assert.equal(kb < 0 ? templateHash(id, a) : templateHash(id, a, b), dyn[pos]);
        if (kb < 0) assert.equal(b, -8);
        assert.equal(pos < DYNAMIC_GROUP_FEATURES, j < GROUP_TABLE_TEMPLATES);
      });
      TRIPLE_TABLE_TEMPLATES.forEach(([pos, id], j) => {
        const [a, b, c] = [vals3[3 * j]!, vals3[3 * j + 1]!, vals3[3 * j + 2]!];
        assert.ok(a >= -8 && b >= -8 && c >= -8);
        assert.equal(templateHash(id, a, b, c), dyn[pos]);
        assert.ok(pos >= DYNAMIC_GROUP_FEATURES);
      });
      states++;
      const moves = [st.canShift() ? SHIFT : -1, st.canLeft() ? LEFT : -1, st.canRight() ? RIGHT : -1].filter((m) => m >= 0);
      st.apply(moves[Math.floor(r() * moves.length)]!, Math.floor(r() * 40));
    }
  }
  assert.ok(states > 300);
});
