import { test } from 'node:test';
import assert from 'node:assert/strict';
import { densify, packBlock, type SparseBlock } from './io.ts';
import { encodeSentence, encodeVocab, greedyParse, MoveModel, newBuffers, type Vocab } from './model.ts';
import { Parser } from './runtime.ts';
import { rng } from './train.ts';

function randomBlock(bits: number, nClasses: number, density: number, rand: () => number): SparseBlock {
  const nb = 1 << bits;
  const rowStart = new Uint32Array(nb + 1);
  const cls: number[] = [];
  const wts: number[] = [];
  for (let b = 0; b < nb; b++) {
    rowStart[b] = cls.length;
    // Some long rows, as the real tag-feature rows are, to exercise the overflow layout.
    const d = rand() < 0.05 ? 0.9 : density;
    for (let c = 0; c < nClasses; c++) {
      if (rand() < d) {
        cls.push(c);
        wts.push((rand() - 0.5) * 10);
      }
    }
  }
  rowStart[nb] = cls.length;
  return { bits, nClasses, rowStart, cls: Uint8Array.from(cls), wts: Float32Array.from(wts) };
}

const LABELS = ['nsubj', 'obj', 'det', 'amod', 'case', 'punct', 'advmod', 'root'];
const GROUPS = [1, 1, 2, 2, 3, 0, 3, 4];
const XPOS = ['NN', 'NNS', 'VBD', 'VBZ', 'DT', 'JJ', 'IN', 'RB', '.'];
const UPOS = ['NOUN', 'VERB', 'DET', 'ADJ', 'ADP', 'ADV', 'PUNCT'];
const WORDS = ['the', 'dog', 'Dogs', 'bark', 'barked', 'at', 'a', 'cat', 'loudly', 'big', '.', 'in', 'Paris'];

function setup(seed: number, limits?: { forms: number; types: number }) {
  const rand = rng(seed);
  const vocab: Vocab = {
    labels: LABELS,
    xpos: XPOS,
    upos: UPOS,
    groups: GROUPS,
    clusters: new Map([['dog', 3 | (1 << 12)], ['cat', 3 | (1 << 12)], ['barked', 7 | (2 << 12)]]),
  };
  const nGroupClasses = 1 + 2 * (Math.max(...GROUPS) + 1);
  const moves = new MoveModel(
    densify(randomBlock(10, 3, 0.4, rand)),
    packBlock(randomBlock(9, nGroupClasses, 0.1, rand)),
    (nGroupClasses - 1) / 2,
  );
  const labels = packBlock(randomBlock(9, LABELS.length, 0.15, rand));
  return { rand, vocab, moves, labels, parser: new Parser(vocab, moves, labels, {}, limits) };
}

test('the runtime parser gives exactly the reference greedyParse trees', () => {
  for (const [seed, limits] of [[1, undefined], [2, { forms: 8, types: 8 }]] as const) {
    const { rand, vocab, moves, labels, parser } = setup(seed, limits);
    const enc = encodeVocab(vocab);
    const buf = newBuffers(enc);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    let arcs = 0;
    for (let k = 0; k < 150; k++) {
      const n = 1 + Math.floor(rand() * 14);
      const forms = Array.from({ length: n }, () => pick(WORDS));
      // Unknown and missing tags included.
      const upos = Array.from({ length: n }, () => (rand() < 0.1 ? undefined : pick([...UPOS, 'X'])));
      const xpos = Array.from({ length: n }, () => (rand() < 0.1 ? undefined : pick([...XPOS, 'FW'])));
      const ref = greedyParse(encodeSentence(vocab, enc, forms, upos, xpos), moves, labels, enc, buf);
      const got = parser.parse(forms, upos, xpos);
      assert.deepEqual(got.head, Array.from(ref.head.subarray(1)));
      assert.deepEqual(got.deprel, Array.from(ref.label.subarray(1), (l) => LABELS[l]));
      arcs += n;
    }
    assert.ok(arcs > 500);
  }
});
