import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addSentence, emptyCounts, percent, universalRelation } from './score.ts';

test('universal relation drops the subtype', () => {
  assert.equal(universalRelation('nmod:poss'), 'nmod');
  assert.equal(universalRelation('obj'), 'obj');
});

test('UAS/LAS follow the CoNLL 2018 definitions on a hand-made sentence', () => {
  // "Her dog barked loudly ." — gold: Her→dog nmod:poss, dog→barked nsubj, barked root,
  // loudly→barked advmod, .→barked punct.
  const gold = { head: [2, 3, 0, 3, 3], deprel: ['nmod:poss', 'nsubj', 'root', 'advmod', 'punct'] };
  const pred = {
    head: [2, 3, 0, 2, 3],
    // subtype differs (counts for LAS), wrong label on a right head, wrong head.
    deprel: ['nmod', 'obj', 'root', 'advmod', 'punct'],
  };
  const acc = emptyCounts();
  addSentence(acc, gold, pred);
  assert.equal(acc.words, 5);
  assert.equal(acc.uas, 4);
  assert.equal(acc.las, 3);
  assert.equal(acc.lasFull, 2);
  assert.equal(percent(acc.uas, acc.words), 80);
  assert.throws(() => addSentence(acc, gold, { head: [1], deprel: ['x'] }));
});
