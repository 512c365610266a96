import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadTagger } from './index.ts';
import { FeatureExtractor, MAX_FEATURES, nextVerbState, shapeHash, VERB_NONE, VERB_SEEN, verbTransitions } from './features.ts';
import { decodeBundle, encodeBundle } from './bundle.ts';
import { mapSpans, spanF1, wordSpans } from './align.ts';
import { decodeTagger, encodeTagger } from './model.ts';

test('the shipped tagger tags a simple sentence', () => {
  const r = loadTagger().tag(['The', 'dog', 'barked', '.']);
  assert.deepEqual(r.upos, ['DET', 'NOUN', 'VERB', 'PUNCT']);
  assert.deepEqual(r.xpos, ['DT', 'NN', 'VBD', '.']);
  assert.deepEqual(r.lemma, ['the', 'dog', 'bark', '.']);
});

test('the tagger is loaded once and handles empty and news sentences', () => {
  const tagger = loadTagger();
  assert.equal(loadTagger(), tagger);
  assert.deepEqual(tagger.tag([]), { upos: [], xpos: [], lemma: [] });
  const words = ['The', 'country', "'s", 'parliament', 'voted', 'last', 'month', 'to', 'expel', 'foreign', 'troops', '.'];
  const r = tagger.tag(words);
  assert.equal(r.upos.length, words.length);
  assert.equal(r.upos[2], 'PART');
  assert.equal(r.xpos[2], 'POS');
  assert.equal(r.upos[4], 'VERB');
  assert.equal(r.lemma[4], 'vote');
  assert.equal(r.upos[7], 'PART');
  assert.equal(r.lemma[3], 'parliament');
});

test('auxiliaries, negation and proper nouns', () => {
  const r = loadTagger().tag(['Smith', 'did', "n't", 'say', 'whether', 'Germany', 'would', 'leave', '.']);
  assert.deepEqual(r.upos, ['PROPN', 'AUX', 'PART', 'VERB', 'SCONJ', 'PROPN', 'AUX', 'VERB', 'PUNCT']);
  assert.equal(r.lemma[1], 'do');
  assert.equal(r.lemma[2], 'not');
});

test('feature extraction is deterministic and bounded', () => {
  const fx = new FeatureExtractor();
  const out1 = new Int32Array(MAX_FEATURES);
  const out2 = new Int32Array(MAX_FEATURES);
  fx.prepare(['A', 'b', 'c']);
  const n1 = fx.extract(1, 3, 4, 5, 6, out1);
  fx.prepare(['X', 'b', 'c']);
  const n2 = fx.extract(1, 3, 4, 5, 6, out2);
  assert.ok(n1 <= MAX_FEATURES && n1 > 20);
  assert.equal(n1, n2);
  // Only features that look at the previous word may differ.
  const differing = [...out1.subarray(0, n1)].filter((f, k) => f !== out2[k]).length;
  assert.ok(differing > 0 && differing < 10, `differing ${differing}`);
  assert.ok(!out1.subarray(0, n1).includes(0));
});

test('an auxiliary a few words back changes the features; punctuation ends the search', () => {
  const fx = new FeatureExtractor(undefined, true);
  const feats = (words: string[], i: number): number[] => {
    const out = new Int32Array(MAX_FEATURES);
    fx.prepare(words);
    return [...out.subarray(0, fx.extract(i, 3, 4, 5, 6, out))];
  };
  const aux = feats(['it', 'has', 'also', 'seized', 'x'], 3);
  const none = feats(['it', 'Jericho', 'also', 'seized', 'x'], 3);
  // The aux-window features and the previous-two-words features differ, the rest is equal.
  const differing = aux.filter((f, k) => f !== none[k]).length;
  assert.ok(differing >= 2 && differing < 8, `differing ${differing}`);
  const blocked = feats(['it', 'has', ',', 'seized', 'x'], 3);
  const blockedNone = feats(['it', 'does', ',', 'seized', 'x'], 3);
  assert.deepEqual(
    blocked.filter((f, k) => f !== blockedNone[k]).length,
    1, // only the word two back differs; the comma hides "has"
  );
});

test('the clause state follows finite verbs and resets at clause openers', () => {
  const kinds = verbTransitions(['VERB\tVBD', 'NOUN\tNN', 'CCONJ\tCC', 'AUX\tMD', 'VERB\tVBN']);
  assert.deepEqual([...kinds], [1, 0, 2, 1, 0]);
  let state = VERB_NONE;
  const states = [...kinds].map((k) => (state = nextVerbState(state, k)));
  assert.deepEqual(states, [VERB_SEEN, VERB_SEEN, VERB_NONE, VERB_SEEN, VERB_SEEN]);
  const fx = new FeatureExtractor(undefined, true);
  fx.prepare(['police', 'seized', 'guns']);
  const a = new Int32Array(MAX_FEATURES);
  const b = new Int32Array(MAX_FEATURES);
  const n = fx.extract(1, 3, 4, 5, 6, a, VERB_NONE);
  assert.equal(fx.extract(1, 3, 4, 5, 6, b, VERB_SEEN), n);
  // Three templates see the state: × previous tag × suffix, × word, × next pass-1 tag.
  assert.equal([...a.subarray(0, n)].filter((f, k) => f !== b[k]).length, 3);
  // Without right-context tags (first pass) only the first two remain.
  const m = fx.extract(1, 3, 4, -1, -1, a, VERB_NONE);
  assert.equal(fx.extract(1, 3, 4, -1, -1, b, VERB_SEEN), m);
  assert.equal([...a.subarray(0, m)].filter((f, k) => f !== b[k]).length, 2);
  // Models trained without the clause templates never see them.
  const plain = new FeatureExtractor();
  plain.prepare(['police', 'seized', 'guns']);
  const k = plain.extract(1, 3, 4, 5, 6, a, VERB_NONE);
  assert.equal(plain.extract(1, 3, 4, 5, 6, b, VERB_SEEN), k);
  assert.equal(k, n - 6);
  assert.deepEqual([...a.subarray(0, k)], [...b.subarray(0, k)]);
});

test('shape hash separates character classes and run lengths', () => {
  assert.equal(shapeHash('Paris'), shapeHash('Berlin'));
  assert.notEqual(shapeHash('Paris'), shapeHash('paris'));
  assert.notEqual(shapeHash('Xy'), shapeHash('Xyy'));
  assert.equal(shapeHash('1984'), shapeHash('2020'));
});

test('model bundles round-trip typed arrays', () => {
  const buf = encodeBundle({ a: 1 }, { x: Int32Array.from([1, -2, 3]), y: Float32Array.from([0.5]), z: Uint8Array.from([7]) });
  const b = decodeBundle<{ a: number }>(buf);
  assert.equal(b.header.a, 1);
  assert.deepEqual([...b.arrays.get('x')!], [1, -2, 3]);
  assert.deepEqual([...b.arrays.get('y')!], [0.5]);
  assert.deepEqual([...b.arrays.get('z')!], [7]);
});

test('evaluation alignment helpers', () => {
  const spans = wordSpans("I didn't go.", ['I', 'did', "n't", 'go', '.']);
  assert.deepEqual(spans, [
    { start: 0, end: 1 },
    { start: 2, end: 5 },
    { start: 5, end: 8 },
    { start: 9, end: 11 },
    { start: 11, end: 12 },
  ]);
  assert.equal(wordSpans('abc', ['abd']), null);
  assert.deepEqual(mapSpans(spans!, [{ start: 0, end: 1 }, { start: 2, end: 8 }, { start: 9, end: 12 }]), [0, 1, 1, 2, 2]);
  const f = spanF1(spans!, [{ start: 0, end: 1 }, { start: 2, end: 8 }]);
  assert.equal(f.tp, 1);
  assert.equal(f.p, 0.5);
  assert.equal(f.r, 0.2);
});

test('model files round-trip the lexicon, even with unstorable words in it', () => {
  const pass1 = {
    nClasses: 2,
    keys: Int32Array.from([5, 9]),
    offsets: Uint32Array.from([0, 1, 3]),
    classes: Uint8Array.from([1, 0, 1]),
    weights: Float32Array.from([0.5, -1, 2]),
  };
  const wordInfo = new Map([
    ['a', 1],
    ['\n', 2],
    ['b', 3],
  ]);
  const bytes = encodeTagger({
    tags: ['NOUN\tNN', 'VERB\tVB'],
    lexicon: { clusters: new Map(), ambiguity: new Map([['x', 7]]), wordInfo },
    tagdict: new Map([['the', 0]]),
    pass1,
    pass2: null,
    info: { version: 't' },
  });
  const parts = decodeTagger(bytes);
  assert.deepEqual([...parts.lexicon.wordInfo], [
    ['a', 1],
    ['b', 3],
  ]);
  assert.equal(parts.lexicon.ambiguity.get('x'), 7);
  assert.equal(parts.tagdict.get('the'), 0);
  assert.equal(parts.pass1.size, 2);
  assert.equal(parts.pass2, null);
  assert.equal(parts.info.version, 't');
});
