import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDocument, withLayers, type Document, type Sentence, type Token } from '../core/document.ts';
import { narrativeRole } from './narrative.ts';
import { timeStage } from './stage.ts';

/**
 * Narrative roles from dependency trees. Documents are built by hand: sentences of
 * [word, upos, xpos, head, deprel] rows; `withDeps: false` keeps only the words so the same text
 * goes through the surface fallback.
 */
type Row = readonly [word: string, upos: string, xpos: string, head: number, deprel: string];

function build(sentences: readonly (readonly Row[])[], withDeps: boolean, ref = '2020-01-11'): Document {
  let text = '';
  const tokens: Token[] = [];
  const sents: Sentence[] = [];
  sentences.forEach((rows, si) => {
    if (text) text += ' ';
    const start = text.length;
    const tokenStart = tokens.length;
    rows.forEach(([word, upos, xpos, head, deprel], i) => {
      if (i > 0 && !/^[.,']/.test(word)) text += ' ';
      const s = text.length;
      text += word;
      tokens.push(withDeps ? { start: s, end: text.length, sentence: si, upos, xpos, head, deprel } : { start: s, end: text.length, sentence: si });
    });
    sents.push({ start, end: text.length, tokenStart, tokenEnd: tokens.length });
  });
  const doc = createDocument({ id: 'n', text, meta: { referenceDate: ref, referenceBasis: 'option' } });
  return withLayers(doc, { tokens, sentences: sents });
}

const MET_WEDNESDAY: readonly Row[] = [
  ['Leaders', 'NOUN', 'NNS', 2, 'nsubj'], ['met', 'VERB', 'VBD', 0, 'root'], ['on', 'ADP', 'IN', 4, 'case'],
  ['Wednesday', 'PROPN', 'NNP', 2, 'obl'], ['.', 'PUNCT', '.', 2, 'punct'],
];
// `rejected Turkey's November 27 deal`: no determiner before the date, so only the tree shows it names the deal
const TURKEY_DEAL: readonly Row[] = [
  ['Greece', 'PROPN', 'NNP', 2, 'nsubj'], ['rejected', 'VERB', 'VBD', 0, 'root'], ['Turkey', 'PROPN', 'NNP', 7, 'nmod:poss'],
  ["'s", 'PART', 'POS', 3, 'case'], ['November', 'PROPN', 'NNP', 7, 'compound'], ['27', 'NUM', 'CD', 5, 'nummod'],
  ['deal', 'NOUN', 'NN', 2, 'obj'], ['.', 'PUNCT', '.', 2, 'punct'],
];
// `The November 4 issue published …`: the subject of the main clause carries the sentence's event
const ISSUE_PUBLISHED: readonly Row[] = [
  ['The', 'DET', 'DT', 4, 'det'], ['November', 'PROPN', 'NNP', 4, 'compound'], ['4', 'NUM', 'CD', 2, 'nummod'],
  ['issue', 'NOUN', 'NN', 5, 'nsubj'], ['published', 'VERB', 'VBD', 0, 'root'], ['an', 'DET', 'DT', 7, 'det'],
  ['interview', 'NOUN', 'NN', 5, 'obj'], ['.', 'PUNCT', '.', 5, 'punct'],
];
const NEXT_DAY: readonly Row[] = [
  ['The', 'DET', 'DT', 3, 'det'], ['next', 'ADJ', 'JJ', 3, 'amod'], ['day', 'NOUN', 'NN', 6, 'obl:tmod'], [',', 'PUNCT', ',', 6, 'punct'],
  ['Egypt', 'PROPN', 'NNP', 6, 'nsubj'], ['objected', 'VERB', 'VBD', 0, 'root'], ['.', 'PUNCT', '.', 6, 'punct'],
];
// `The company, founded in 1998, said …`: the year is in a clause modifying the noun
const FOUNDED: readonly Row[] = [
  ['The', 'DET', 'DT', 2, 'det'], ['company', 'NOUN', 'NN', 8, 'nsubj'], [',', 'PUNCT', ',', 4, 'punct'],
  ['founded', 'VERB', 'VBN', 2, 'acl'], ['in', 'ADP', 'IN', 6, 'case'], ['1998', 'NUM', 'CD', 4, 'obl'],
  [',', 'PUNCT', ',', 4, 'punct'], ['said', 'VERB', 'VBD', 0, 'root'], ['profits', 'NOUN', 'NNS', 10, 'nsubj'],
  ['fell', 'VERB', 'VBD', 8, 'ccomp'], ['.', 'PUNCT', '.', 8, 'punct'],
];
const PREVIOUS_YEAR: readonly Row[] = [
  ['Sales', 'NOUN', 'NNS', 2, 'nsubj'], ['rose', 'VERB', 'VBD', 0, 'root'], ['from', 'ADP', 'IN', 5, 'case'],
  ['the', 'DET', 'DT', 5, 'det'], ['previous', 'ADJ', 'JJ', 5, 'amod'], ['year', 'NOUN', 'NN', 2, 'obl'], ['.', 'PUNCT', '.', 2, 'punct'],
];

function values(doc: Document): [string, string, string | undefined][] {
  return timeStage.run(doc, { options: {} }).timexes.map((t) => [doc.text.slice(t.start, t.end), t.value, t.anchor]);
}

function roleOf(doc: Document, surface: string): string {
  const start = doc.text.indexOf(surface);
  return narrativeRole(doc, { start, end: start + surface.length });
}

test('the tree tells a date naming a thing from a date of an event', () => {
  const doc = build([MET_WEDNESDAY, TURKEY_DEAL, NEXT_DAY], true);
  assert.equal(roleOf(doc, 'Wednesday'), 'event');
  assert.equal(roleOf(doc, 'November 27'), 'modifier');
  assert.equal(roleOf(doc, 'The next day'), 'event');
  assert.equal(roleOf(build([ISSUE_PUBLISHED], true), 'November 4'), 'event');
});

test('the following day counts from the summit, not from the agreement mentioned after it', () => {
  assert.deepEqual(values(build([MET_WEDNESDAY, TURKEY_DEAL, NEXT_DAY], true)), [
    ['Wednesday', '2020-01-08', 'tense:past'],
    ['November 27', '2019-11-27', 'tense:past'],
    ['The next day', '2020-01-09', 't1'],
  ]);
  // without a tree, `Turkey's November 27 deal` looks like any date and the latest one wins
  assert.equal(values(build([MET_WEDNESDAY, TURKEY_DEAL, NEXT_DAY], false))[2]![1], '2019-11-28');
});

test('a date in a clause modifying a noun does not anchor the previous year', () => {
  const tagged = build([FOUNDED, PREVIOUS_YEAR], true, '2010-01-28');
  assert.equal(roleOf(tagged, '1998'), 'modifier');
  assert.deepEqual(values(tagged)[1], ['the previous year', '2009', 'referenceDate']);
});

test('surface fallback: determiner + date + noun is a modifier; a date line stands alone', () => {
  const doc = createDocument({
    id: 's',
    text: 'Saturday, January 11, 2020\nThey signed the 2018 trade deal on Monday.',
    meta: { referenceDate: '2020-01-11', referenceBasis: 'option' },
  });
  const d = withLayers(doc, { sentences: [{ start: 0, end: 26 }, { start: 27, end: doc.text.length }] });
  assert.equal(roleOf(d, 'Saturday, January 11, 2020'), 'standalone');
  assert.equal(roleOf(d, '2018'), 'modifier');
  assert.equal(roleOf(d, 'Monday'), 'event');
});
