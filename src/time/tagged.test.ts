import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDocument, withLayers, type Document, type Token } from '../core/document.ts';
import { tenseAt } from './anchor.ts';
import { timeStage } from './stage.ts';

/**
 * Tense from tags and trees. Documents are built by hand: one sentence of [word, xpos, head, deprel]
 * rows; `withTags: false` drops the tags so the same sentence goes through the surface path.
 */
type Row = readonly [word: string, xpos: string, head?: number, deprel?: string];

const REF = '2020-02-12'; // a Wednesday

function build(rows: readonly Row[], opts: { withTags: boolean; withDeps: boolean }): Document {
  let text = '';
  const tokens: Token[] = rows.map(([word, xpos, head, deprel]) => {
    if (text) text += ' ';
    const start = text.length;
    text += word;
    const tok: Token = { start, end: text.length, sentence: 0 };
    if (!opts.withTags) return tok;
    return opts.withDeps && head !== undefined ? { ...tok, xpos, head, deprel: deprel ?? 'dep' } : { ...tok, xpos };
  });
  const doc = createDocument({ id: 'tagged', text, meta: { referenceDate: REF, referenceBasis: 'option' } });
  return withLayers(doc, { tokens, sentences: [{ start: 0, end: text.length, tokenStart: 0, tokenEnd: tokens.length }] });
}

function timexes(doc: Document): [string, string, string | undefined][] {
  return timeStage.run(doc, { options: {} }).timexes.map((t) => [doc.text.slice(t.start, t.end), t.value, t.anchor]);
}

const CUT: readonly Row[] = [['Officials', 'NNS'], ['cut', 'VBD'], ['the', 'DT'], ['budget', 'NN'], ['on', 'IN'], ['Friday', 'NNP'], ['.', '.']];
const SET_FIRE: readonly Row[] = [['Rebels', 'NNS'], ['set', 'VBD'], ['fire', 'NN'], ['to', 'IN'], ['the', 'DT'], ['town', 'NN'], ['on', 'IN'], ['Saturday', 'NNP'], ['.', '.']];
const WILL_TURN: readonly Row[] = [['On', 'IN'], ['Thursday', 'NNP'], [',', ','], ['talks', 'NNS'], ['will', 'MD'], ['turn', 'VB'], ['to', 'IN'], ['Afghanistan', 'NNP'], ['.', '.']];
const SAID_TUESDAY: readonly Row[] = [
  ['Hutchison', 'NNP'], ['said', 'VBD'], ['on', 'IN'], ['Tuesday', 'NNP'], ['that', 'IN'], ['a', 'DT'], ['transfer', 'NN'],
  ['would', 'MD'], ['be', 'VB'], ['fine', 'JJ'], ['.', '.'],
];
const HAS_MET: readonly Row[] = [['The', 'DT'], ['council', 'NN'], ['has', 'VBZ'], ['met', 'VBN'], ['on', 'IN'], ['Thursday', 'NNP'], ['.', '.']];
// `arrived` is the nearest verb, but `Friday` modifies `meet`, whose auxiliary is `will`.
const RELATIVE_CLAUSE: readonly Row[] = [
  ['On', 'IN', 2, 'case'], ['Friday', 'NNP', 9, 'obl'], [',', ',', 9, 'punct'], ['officials', 'NNS', 9, 'nsubj'],
  ['who', 'WP', 6, 'nsubj'], ['arrived', 'VBD', 4, 'acl:relcl'], ['yesterday', 'NN', 6, 'obl:tmod'], ['will', 'MD', 9, 'aux'],
  ['meet', 'VB', 0, 'root'], ['.', '.', 9, 'punct'],
];

test('XPOS past tense (VBD) sends a weekday back where surface cues cannot tell', () => {
  assert.deepEqual(timexes(build(CUT, { withTags: true, withDeps: false })), [['Friday', '2020-02-07', 'tense:past']]);
  assert.deepEqual(timexes(build(SET_FIRE, { withTags: true, withDeps: false })), [['Saturday', '2020-02-08', 'tense:past']]);
});

test('without tags the same sentences fall back to the nearest day', () => {
  assert.deepEqual(timexes(build(CUT, { withTags: false, withDeps: false })), [['Friday', '2020-02-14', 'referenceDate']]);
  assert.deepEqual(timexes(build(SET_FIRE, { withTags: false, withDeps: false })), [['Saturday', '2020-02-15', 'referenceDate']]);
});

test('MD will makes a clause-initial weekday future, with and without tags', () => {
  for (const withTags of [true, false]) {
    assert.deepEqual(timexes(build(WILL_TURN, { withTags, withDeps: false })), [['Thursday', '2020-02-13', 'tense:future']]);
  }
});

test('the reporting verb, not the complement clause, decides: said on Tuesday that … would', () => {
  for (const withTags of [true, false]) {
    assert.deepEqual(timexes(build(SAID_TUESDAY, { withTags, withDeps: false })), [['Tuesday', '2020-02-11', 'tense:past']]);
  }
});

test('present perfect (VBZ + VBN) is past', () => {
  const doc = build(HAS_MET, { withTags: true, withDeps: false });
  assert.deepEqual(tenseAt(doc, { start: doc.text.indexOf('Thursday'), end: doc.text.indexOf('Thursday') + 8 }), { tense: 'past', basis: 'xpos' });
  assert.deepEqual(timexes(doc), [['Thursday', '2020-02-06', 'tense:past']]);
});

test('the dependency tree finds the governing verb past a nearer one', () => {
  const withDeps = build(RELATIVE_CLAUSE, { withTags: true, withDeps: true });
  assert.deepEqual(timexes(withDeps), [['Friday', '2020-02-14', 'tense:future'], ['yesterday', '2020-02-11', 'referenceDate']]);
  const start = withDeps.text.indexOf('Friday');
  assert.equal(tenseAt(withDeps, { start, end: start + 6 }).basis, 'deps');
  // nearest-verb heuristics (tags only, or surface cues) take `arrived` and go back
  for (const withTags of [true, false]) {
    assert.equal(timexes(build(RELATIVE_CLAUSE, { withTags, withDeps: false }))[0]![1], '2020-02-07');
  }
});

test('confidence reflects where the tense came from', () => {
  const conf = (doc: Document): number | undefined => timeStage.run(doc, { options: {} }).timexes[0]!.confidence;
  const tagged = conf(build(CUT, { withTags: true, withDeps: false }))!;
  const surface = conf(build(SAID_TUESDAY, { withTags: false, withDeps: false }))!;
  const none = conf(build(CUT, { withTags: false, withDeps: false }))!;
  assert.ok(tagged > surface && surface > none);
});
