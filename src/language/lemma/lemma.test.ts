import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyScript, casedBase, decodeLemmatizer, editScript, encodeLemmatizer, Lemmatizer, loadLemmatizer, trainLemmatizer } from './index.ts';

test('the shipped lemmatizer handles irregulars and clitics', () => {
  const lem = loadLemmatizer();
  const cases: [string, string, string, string][] = [
    ['went', 'VERB', 'VBD', 'go'],
    ['mice', 'NOUN', 'NNS', 'mouse'],
    ['was', 'AUX', 'VBD', 'be'],
    ['better', 'ADJ', 'JJR', 'good'],
    ['’s', 'PART', 'POS', "'s"],
    ["'s", 'PART', 'POS', "'s"],
    ["'s", 'AUX', 'VBZ', 'be'],
    ["n't", 'PART', 'RB', 'not'],
    ['Went', 'VERB', 'VBD', 'go'],
    ['The', 'DET', 'DT', 'the'],
    ['NATO', 'PROPN', 'NNP', 'NATO'],
    ['soldiers', 'NOUN', 'NNS', 'soldier'],
    ['expelled', 'VERB', 'VBN', 'expel'],
  ];
  for (const [form, upos, xpos, lemma] of cases) assert.equal(lem.lemma(form, upos, xpos), lemma, `${form}/${xpos}`);
});

test('unseen regular forms follow learned suffix rules', () => {
  const lem = loadLemmatizer();
  assert.equal(lem.lemma('zorbled', 'VERB', 'VBD'), 'zorble');
  assert.equal(lem.lemma('blickets', 'NOUN', 'NNS'), 'blicket');
  assert.equal(lem.lemma('fromping', 'VERB', 'VBG'), 'fromp');
  assert.equal(lem.lemma('Quorvania', 'PROPN', 'NNP'), 'Quorvania');
});

test('edit scripts and casing', () => {
  assert.equal(editScript('dogs', 'dog'), '1|');
  assert.equal(editScript('studies', 'study'), '3|y');
  assert.equal(editScript('went', 'go'), null);
  assert.equal(applyScript('studies', '3|y'), 'study');
  assert.equal(applyScript('ab', '5|'), 'ab');
  assert.equal(casedBase('RFP', 'NN'), 'rfp');
  assert.equal(casedBase('kerala', 'NNP'), 'Kerala');
  assert.equal(casedBase('iPhone', 'NNP'), 'iPhone');
  assert.equal(casedBase('McDonald', 'NNP'), 'McDonald');
});

test('unseen capitalized common words get lowercase lemmas', () => {
  const lem = loadLemmatizer();
  assert.equal(lem.lemma('Zorbling', 'NOUN', 'NN'), 'zorbling');
  assert.equal(lem.lemma('Blickets', 'NOUN', 'NNS'), 'blicket');
  assert.equal(lem.lemma('quorvania', 'PROPN', 'NNP'), 'Quorvania');
});

test('a lemmatizer trained on a toy set generalizes and round-trips', () => {
  const data = trainLemmatizer([
    { form: 'walked', upos: 'VERB', xpos: 'VBD', lemma: 'walk' },
    { form: 'talked', upos: 'VERB', xpos: 'VBD', lemma: 'talk' },
    { form: 'went', upos: 'VERB', xpos: 'VBD', lemma: 'go' },
    { form: 'cats', upos: 'NOUN', xpos: 'NNS', lemma: 'cat' },
  ]);
  const lem = new Lemmatizer(decodeLemmatizer(encodeLemmatizer(data)));
  assert.equal(lem.lemma('jumped', 'VERB', 'VBD'), 'jump');
  assert.equal(lem.lemma('went', 'VERB', 'VBD'), 'go');
  assert.equal(lem.lemma('hats', 'NOUN', 'NNS'), 'hat');
});
