/**
 * Table tests for modality inherited down complement chains (inherit.ts): each row is a parsed
 * sentence (`word/UPOS/head/deprel`, head 1-based), the word whose event is asked about, and the
 * flags it inherits; negative rows (reported speech, temporal clauses, implicatives) inherit none.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inheritedModality } from './inherit.ts';
import { sentenceView } from './syntax.ts';
import { makeDoc, type ActorSpec } from './testing.ts';
import { codeDocument, defaultCoderConfig } from './coder.ts';

type Flags = { future: boolean; hypothetical: boolean; negated: boolean };
const NONE: Flags = { future: false, hypothetical: false, negated: false };
const FUT: Flags = { ...NONE, future: true };
const HYP: Flags = { ...NONE, hypothetical: true };
const NEG: Flags = { ...NONE, negated: true };

function inherited(sentence: string, word: string): Flags & { governors: string[] } {
  const v = sentenceView(makeDoc({ sentences: [sentence] }), 0);
  const t = v.raw.indexOf(word);
  assert.ok(t >= 0, `no "${word}"`);
  const m = inheritedModality(v, t);
  return { future: m.future, hypothetical: m.hypothetical, negated: m.negated, governors: m.governors.map((g) => v.raw[g]!) };
}

const ROWS: [string, string, string, Flags][] = [
  // A relative clause with a modal starts a chain: the removal is as hypothetical as the allowing.
  ['relcl modal → xcomp', 'Parliament/PROPN/2/nsubj passed/VERB/0/root a/DET/4/det bill/NOUN/2/obj which/PRON/7/nsubj would/AUX/7/aux allow/VERB/4/acl:relcl police/NOUN/7/obj to/PART/10/mark remove/VERB/7/xcomp protesters/NOUN/10/obj ./PUNCT/2/punct', 'remove', HYP],
  ['relcl itself inherits nothing from the clause above', 'Parliament/PROPN/2/nsubj passed/VERB/0/root a/DET/4/det bill/NOUN/2/obj which/PRON/7/nsubj would/AUX/7/aux allow/VERB/4/acl:relcl police/NOUN/7/obj to/PART/10/mark remove/VERB/7/xcomp protesters/NOUN/10/obj ./PUNCT/2/punct', 'allow', NONE],
  ['relcl without a modal: the directive alone makes the removal unasserted', 'Parliament/PROPN/2/nsubj passed/VERB/0/root a/DET/4/det bill/NOUN/2/obj which/PRON/6/nsubj allowed/VERB/4/acl:relcl police/NOUN/6/obj to/PART/9/mark remove/VERB/6/xcomp protesters/NOUN/9/obj ./PUNCT/2/punct', 'remove', HYP],
  ['intent → future', 'NATO/PROPN/2/nsubj plans/VERB/0/root to/PART/4/mark expand/VERB/2/xcomp its/PRON/6/nmod:poss mission/NOUN/4/obj ./PUNCT/2/punct', 'expand', FUT],
  ['conjunct of a complement', 'NATO/PROPN/2/nsubj plans/VERB/0/root to/PART/4/mark expand/VERB/2/xcomp its/PRON/6/nmod:poss mission/NOUN/4/obj and/CCONJ/8/cc train/VERB/4/conj troops/NOUN/8/obj ./PUNCT/2/punct', 'train', FUT],
  ['threat → future', 'Iran/PROPN/2/nsubj threatened/VERB/0/root to/PART/4/mark impose/VERB/2/xcomp sanctions/NOUN/4/obj ./PUNCT/2/punct', 'impose', FUT],
  ['appeal with a subject: "called for X to"', 'Iran/PROPN/2/nsubj called/VERB/0/root for/ADP/4/case Iraq/PROPN/2/obl to/PART/6/mark release/VERB/2/xcomp prisoners/NOUN/6/obj ./PUNCT/2/punct', 'release', HYP],
  ['demand through a that-clause', 'Iran/PROPN/2/nsubj demanded/VERB/0/root that/SCONJ/5/mark Iraq/PROPN/5/nsubj release/VERB/2/ccomp prisoners/NOUN/5/obj ./PUNCT/2/punct', 'release', HYP],
  ['refusal → negated (own code on the governor)', 'Iran/PROPN/2/nsubj refused/VERB/0/root to/PART/4/mark attend/VERB/2/xcomp talks/NOUN/4/obj ./PUNCT/2/punct', 'attend', NEG],
  ['negated intent → hypothetical, not negated', 'Iran/PROPN/4/nsubj did/AUX/4/aux not/PART/4/advmod agree/VERB/0/root to/PART/6/mark withdraw/VERB/4/xcomp ./PUNCT/4/punct', 'withdraw', HYP],
  ['failure → negated', 'Iran/PROPN/2/nsubj failed/VERB/0/root to/PART/4/mark free/VERB/2/xcomp hostages/NOUN/4/obj ./PUNCT/2/punct', 'free', NEG],
  ['negated failure → asserted', 'Iran/PROPN/4/nsubj did/AUX/4/aux not/PART/4/advmod fail/VERB/0/root to/PART/6/mark free/VERB/4/xcomp hostages/NOUN/6/obj ./PUNCT/4/punct', 'free', NONE],
  ['implicative → asserted', 'Iran/PROPN/2/nsubj managed/VERB/0/root to/PART/4/mark free/VERB/2/xcomp hostages/NOUN/4/obj ./PUNCT/2/punct', 'free', NONE],
  ['negated implicative → negated', 'Iran/PROPN/4/nsubj did/AUX/4/aux not/PART/4/advmod manage/VERB/0/root to/PART/6/mark free/VERB/4/xcomp hostages/NOUN/6/obj ./PUNCT/4/punct', 'free', NEG],
  ['aspectual verb passes its own modal', 'Iran/PROPN/3/nsubj could/AUX/3/aux begin/VERB/0/root to/PART/5/mark withdraw/VERB/3/xcomp ./PUNCT/3/punct', 'withdraw', HYP],
  ['hedge: "appears to allow him to pull"', 'emergency/NOUN/2/nsubj appears/VERB/0/root to/PART/4/mark allow/VERB/2/xcomp him/PRON/4/obj to/PART/7/mark pull/VERB/4/xcomp funding/NOUN/7/obj ./PUNCT/2/punct', 'pull', HYP],
  ['parser hangs the infinitive as advcl under a governor', 'I/PRON/2/nsubj count/VERB/0/root on/ADP/4/case Turkey/PROPN/2/obl to/PART/6/mark act/VERB/2/advcl ./PUNCT/2/punct', 'act', HYP],
  // Negative rows: reported speech, temporal clauses, purposes of asserted acts.
  ['reported speech is asserted (the quote field says it is reported)', 'Iran/PROPN/2/nsubj said/VERB/0/root it/PRON/4/nsubj released/VERB/2/ccomp prisoners/NOUN/4/obj ./PUNCT/2/punct', 'released', NONE],
  ['"told X that" is speech, not a directive', 'Iran/PROPN/2/nsubj told/VERB/0/root reporters/NOUN/2/obj that/SCONJ/6/mark Iraq/PROPN/6/nsubj attacked/VERB/2/ccomp ./PUNCT/2/punct', 'attacked', NONE],
  ['negated report asserts nothing', 'Iran/PROPN/4/nsubj did/AUX/4/aux not/PART/4/advmod say/VERB/0/root it/PRON/6/nsubj released/VERB/4/ccomp prisoners/NOUN/6/obj ./PUNCT/4/punct', 'released', HYP],
  ['temporal clause: no chain', 'Iran/PROPN/2/nsubj released/VERB/0/root prisoners/NOUN/2/obj after/SCONJ/6/mark Iraq/PROPN/6/nsubj agreed/VERB/2/advcl ./PUNCT/2/punct', 'released', NONE],
  ['purpose of an asserted act stays asserted', 'Ministers/NOUN/2/nsubj gathered/VERB/0/root in/ADP/4/case Cairo/PROPN/2/obl to/PART/6/mark discuss/VERB/2/advcl Libya/PROPN/6/obj ./PUNCT/2/punct', 'discuss', NONE],
  ['purpose of a future act is future', 'Ministers/NOUN/3/nsubj will/AUX/3/aux gather/VERB/0/root in/ADP/5/case Cairo/PROPN/3/obl to/PART/7/mark discuss/VERB/3/advcl Libya/PROPN/7/obj ./PUNCT/3/punct', 'discuss', FUT],
  ['a clausal subject of a negated predicate is not asserted', 'Increasing/VERB/5/csubj presence/NOUN/1/obj is/AUX/5/cop not/PART/5/advmod popular/ADJ/0/root ./PUNCT/5/punct', 'Increasing', HYP],
  ['a clausal subject of a modal predicate', 'sending/VERB/5/csubj troops/NOUN/1/obj could/AUX/5/aux be/AUX/5/cop useful/ADJ/0/root ./PUNCT/5/punct', 'sending', HYP],
  ['a clausal subject of a plain predicate is asserted', 'Attacking/VERB/4/csubj civilians/NOUN/1/obj was/AUX/4/cop criminal/ADJ/0/root ./PUNCT/4/punct', 'Attacking', NONE],
  ['shared auxiliary of a conjunct', 'Iran/PROPN/3/nsubj will/AUX/3/aux release/VERB/0/root prisoners/NOUN/3/obj and/CCONJ/6/cc open/VERB/3/conj talks/NOUN/6/obj ./PUNCT/3/punct', 'open', FUT],
  ['negation spreads over "or"', 'Iran/PROPN/4/nsubj did/AUX/4/aux not/PART/4/advmod attack/VERB/0/root or/CCONJ/6/cc threaten/VERB/4/conj Iraq/PROPN/6/obj ./PUNCT/4/punct', 'threaten', NEG],
  ['… not over "and"', 'we/PRON/5/nsubj:pass will/AUX/5/aux not/PART/5/advmod be/AUX/5/aux:pass deterred/VERB/0/root and/CCONJ/7/cc maintain/VERB/5/conj the/DET/9/det right/NOUN/7/obj ./PUNCT/5/punct', 'maintain', FUT],
  ['a conjunct with a repeated "to" is in the same chain', 'Iran/PROPN/2/nsubj refused/VERB/0/root to/PART/4/mark attend/VERB/2/xcomp and/CCONJ/7/cc to/PART/7/mark speak/VERB/4/conj ./PUNCT/2/punct', 'speak', NEG],
  ['a conjunct with a subordinator of its own is not', 'Iran/PROPN/2/nsubj refused/VERB/0/root to/PART/4/mark attend/VERB/2/xcomp and/CCONJ/7/cc because/SCONJ/7/mark spoke/VERB/4/conj ./PUNCT/2/punct', 'spoke', NONE],
  ['a conjunct with its own subject is a clause of its own', 'Iran/PROPN/3/nsubj will/AUX/3/aux release/VERB/0/root prisoners/NOUN/3/obj and/CCONJ/7/cc Iraq/PROPN/7/nsubj opened/VERB/3/conj talks/NOUN/7/obj ./PUNCT/3/punct', 'opened', NONE],
];

for (const [name, sentence, word, want] of ROWS) {
  test(`inherited modality: ${name}`, () => {
    const got = inherited(sentence, word);
    assert.deepEqual({ future: got.future, hypothetical: got.hypothetical, negated: got.negated }, want);
  });
}

test('governors are recorded for conditions (a condition on "plans" conditions "expand" and "train")', () => {
  const s = 'NATO/PROPN/2/nsubj plans/VERB/0/root to/PART/4/mark expand/VERB/2/xcomp its/PRON/6/nmod:poss mission/NOUN/4/obj and/CCONJ/8/cc train/VERB/4/conj troops/NOUN/8/obj ./PUNCT/2/punct';
  assert.deepEqual(inherited(s, 'train').governors, ['expand', 'plans']);
  assert.deepEqual(inherited(s, 'plans').governors, []);
});

test('inheritance needs the parse: untagged text inherits nothing', () => {
  const v = sentenceView(makeDoc({ sentences: ['Iran refused to attend the talks.'] }), 0);
  assert.deepEqual(inheritedModality(v, v.raw.indexOf('attend')), { future: false, hypothetical: false, negated: false, governors: [] });
});

// Through the coder: flags are inherited, codes are not changed by them, conditions follow governors.
const config = defaultCoderConfig('events@1');
const ACTORS: ActorSpec[] = [
  { text: 'Iran', code: 'IRN' },
  { text: 'Iraq', code: 'IRQ' },
  { text: 'NATO', code: 'IGOWSTNAT', type: 'ORG' },
  { text: 'Baghdad', code: 'IRQ', id: 'bgd' },
  { text: 'police', code: 'COP', type: 'ORG', kind: 'nominal' },
];

function coded(sentence: string): { trigger: string; cameo: string; modality: Record<string, boolean>; condition: string | null }[] {
  const doc = makeDoc({ sentences: [sentence], actors: ACTORS, referenceDate: '2000-01-01' });
  return codeDocument(doc, config).map((e) => ({
    trigger: doc.text.slice(e.trigger.start, e.trigger.end),
    cameo: e.cameo,
    modality: { ...e.modality },
    condition: e.condition ? doc.text.slice(e.condition.start, e.condition.end) : null,
  }));
}

const event = (evs: ReturnType<typeof coded>, trigger: string): ReturnType<typeof coded>[number] => {
  const e = evs.find((x) => x.trigger === trigger);
  assert.ok(e, `no event on "${trigger}": ${evs.map((x) => x.trigger).join(', ')}`);
  return e;
};

test('coder: what a bill would allow is hypothetical, and keeps its own code (no threat)', () => {
  const evs = coded('Iran/PROPN/2/nsubj passed/VERB/0/root a/DET/4/det bill/NOUN/2/obj which/PRON/7/nsubj would/AUX/7/aux allow/VERB/4/acl:relcl police/NOUN/7/obj to/PART/10/mark attack/VERB/7/xcomp Iraq/PROPN/10/obj ./PUNCT/2/punct');
  const e = event(evs, 'attack');
  assert.equal(e.modality['hypothetical'], true);
  assert.equal(e.cameo.slice(0, 2), '19');
  assert.equal(event(evs, 'passed').modality['hypothetical'], false);
});

test('coder: a conjunct under "plans to" is future and conditional with the same condition span', () => {
  const evs = coded('NATO/PROPN/2/nsubj plans/VERB/0/root to/PART/4/mark expand/VERB/2/xcomp its/PRON/6/nmod:poss mission/NOUN/4/obj and/CCONJ/8/cc support/VERB/4/conj Iraq/PROPN/8/obj ,/PUNCT/11/punct assuming/VERB/2/advcl Baghdad/PROPN/13/nsubj agrees/VERB/11/ccomp ./PUNCT/2/punct');
  const e = event(evs, 'support');
  assert.equal(e.modality['future'], true);
  assert.equal(e.modality['conditional'], true);
  assert.equal(e.condition, 'assuming Baghdad agrees');
});

test('coder: "X said it attacked Y" and "X attacked Y after talks" stay asserted', () => {
  for (const s of [
    'Iran/PROPN/2/nsubj said/VERB/0/root it/PRON/4/nsubj attacked/VERB/2/ccomp Iraq/PROPN/4/obj ./PUNCT/2/punct',
    'Iran/PROPN/2/nsubj attacked/VERB/0/root Iraq/PROPN/2/obj after/ADP/5/case talks/NOUN/2/obl ./PUNCT/2/punct',
  ]) {
    const e = event(coded(s), 'attacked');
    assert.deepEqual([e.modality['negated'], e.modality['future'], e.modality['hypothetical'], e.modality['conditional']], [false, false, false, false], s);
  }
});

test('coder: "refused to meet" is its own code (12x), not a negation', () => {
  const e = event(coded('Iran/PROPN/2/nsubj refused/VERB/0/root to/PART/4/mark meet/VERB/2/xcomp Iraq/PROPN/4/obj ./PUNCT/2/punct'), 'refused');
  assert.equal(e.cameo.slice(0, 2), '12');
  assert.equal(e.modality['negated'], false);
});
