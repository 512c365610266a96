import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deserializeModel, parserFromModel, serializeModel, type SparseBlock } from './io.ts';
import { rng } from './train.ts';

function randomBlock(bits: number, nClasses: number, rand: () => number): SparseBlock {
  const nb = 1 << bits;
  const rowStart = new Uint32Array(nb + 1);
  const cls: number[] = [];
  const wts: number[] = [];
  for (let b = 0; b < nb; b++) {
    rowStart[b] = cls.length;
    for (let c = 0; c < nClasses; c++) {
      if (rand() < 0.3) {
        cls.push(c);
        wts.push((rand() - 0.5) * 10);
      }
    }
  }
  rowStart[nb] = cls.length;
  return { bits, nClasses, rowStart, cls: Uint8Array.from(cls), wts: Float32Array.from(wts) };
}

test('model files round-trip with int16 quantization and parse into one-rooted trees', () => {
  const rand = rng(5);
  const vocab = { labels: ['nsubj', 'obj', 'punct', 'root'], xpos: ['NN', 'VBD', '.'], upos: ['NOUN', 'VERB', 'PUNCT'] };
  // Default grouping: every label but root in group 0, root in group 1 → 1 + 2 × 2 move classes.
  const model = {
    vocab,
    moves: randomBlock(8, 3, rand),
    groupMoves: randomBlock(8, 5, rand),
    labels: randomBlock(8, 4, rand),
    meta: { version: 1 },
  };
  const back = deserializeModel(serializeModel(model));
  assert.deepEqual(back.vocab.labels, vocab.labels);
  assert.deepEqual(back.meta, { version: 1 });
  assert.deepEqual(Array.from(back.moves.rowStart), Array.from(model.moves.rowStart));
  assert.deepEqual(Array.from(back.labels.cls), Array.from(model.labels.cls));
  assert.deepEqual(Array.from(back.groupMoves.cls), Array.from(model.groupMoves.cls));
  for (let i = 0; i < model.labels.wts.length; i++) {
    assert.ok(Math.abs(back.labels.wts[i]! - model.labels.wts[i]!) < 1e-3);
  }
  const parser = parserFromModel(back);
  const r = parser.parse(['Dogs', 'bark', 'loudly', '.'], ['NOUN', 'VERB', 'ADV', 'PUNCT'], ['NNS', 'VBP', 'RB', '.']);
  assert.equal(r.head.length, 4);
  assert.equal(r.head.filter((h) => h === 0).length, 1);
  r.head.forEach((h, i) => {
    assert.ok(h >= 0 && h <= 4 && h !== i + 1);
    assert.ok(vocab.labels.includes(r.deprel[i]!));
    assert.equal(r.deprel[i] === 'root', h === 0);
  });
  assert.deepEqual(parser.parse([]), { head: [], deprel: [] });
});
