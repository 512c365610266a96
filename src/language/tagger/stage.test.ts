import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDocument, withLayers, type Document } from '../../core/document.ts';
import { makeTagStage, tagStage } from './stage.ts';
import type { Tagger } from './index.ts';

function handMade(): Document {
  const text = 'The dog barked. It ran away.';
  const doc = createDocument({ id: 'd1', text, meta: { referenceBasis: 'none' } });
  const spans = [
    [0, 3], [4, 7], [8, 14], [14, 15],
    [16, 18], [19, 22], [23, 27], [27, 28],
  ] as const;
  return withLayers(doc, {
    tokens: spans.map(([start, end], i) => ({ start, end, sentence: i < 4 ? 0 : 1 })),
    sentences: [
      { start: 0, end: 15, tokenStart: 0, tokenEnd: 4 },
      { start: 16, end: 28, tokenStart: 4, tokenEnd: 8 },
    ],
  });
}

test('tagStage fills upos, xpos and lemma per sentence without mutating its input', () => {
  const doc = handMade();
  const out = tagStage.run(doc, { options: {} });
  assert.notEqual(out, doc);
  assert.equal(doc.tokens[0]!.upos, undefined);
  assert.deepEqual(out.tokens.slice(0, 4).map((t) => t.upos), ['DET', 'NOUN', 'VERB', 'PUNCT']);
  assert.equal(out.tokens[4]!.upos, 'PRON');
  assert.equal(out.tokens[5]!.lemma, 'run');
  assert.equal(out.tokens[2]!.xpos, 'VBD');
  assert.equal(out.tokens[1]!.sentence, 0);
  assert.equal(out.tokens[1]!.start, 4);
});

test('the stage sends each sentence separately to the tagger', () => {
  const seen: string[][] = [];
  const fake: Tagger = {
    info: {},
    tag(words) {
      seen.push([...words]);
      return { upos: words.map(() => 'X'), xpos: words.map((w) => `L${w.length}`), lemma: words.map((w) => w.toUpperCase()) };
    },
  };
  const out = makeTagStage(() => fake).run(handMade(), { options: {} });
  assert.deepEqual(seen, [['The', 'dog', 'barked', '.'], ['It', 'ran', 'away', '.']]);
  assert.equal(out.tokens[2]!.xpos, 'L6');
  assert.equal(out.tokens[6]!.lemma, 'AWAY');
});

test('documents without tokens pass through', () => {
  const doc = createDocument({ id: 'e', text: '', meta: { referenceBasis: 'none' } });
  assert.equal(tagStage.run(doc, { options: {} }), doc);
});
