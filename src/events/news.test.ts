/**
 * Table tests for the news-prose rules (news.ts): verbs that are no event of an actor. Each rule has
 * rows that must drop the verb and rows of the same shape that must keep it. Sentences are written
 * `word/UPOS/head/deprel/XPOS` (head 1-based), with the entity layer's actors given by surface.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeDocument, defaultCoderConfig } from './coder.ts';
import { agentTrie, parseDemonyms, type FallbackLexicon } from './fallback.ts';
import { nonEventVerb, parseIdioms, type NonEventReason } from './news.ts';
import { homeCountry } from './fallback.ts';
import { sentenceView } from './syntax.ts';
import { makeDoc, type ActorSpec } from './testing.ts';
import { smallGazetteer } from '../entities/testing.ts';

const lex: FallbackLexicon = {
  gazetteer: smallGazetteer({ agents: 'POLICE {} [~COP]\nFORCES [~MIL]\n' }),
  demonyms: parseDemonyms(''),
  agents: agentTrie(''),
};
const config = { ...defaultCoderConfig('events@1'), fallback: lex };

const IRQ: ActorSpec = { text: 'Iraq', code: 'IRQ', id: 'irq' };
const IRN: ActorSpec = { text: 'Iran', code: 'IRN', id: 'irn' };
const TUR: ActorSpec = { text: 'Turkey', code: 'TUR', id: 'tur' };
const GRC: ActorSpec = { text: 'Greece', code: 'GRC', id: 'grc' };

const idioms = parseIdioms('TAKE PLACE\nTAKE STEP\nGO AGAINST\nTHINK TANK\n');

/** The rule that drops `word` (given its lemma and code) in the parsed sentence, or null. */
function reason(sentence: string, actors: ActorSpec[], word: string, lemma: string, code: string, quoteCue = false): NonEventReason | null {
  const doc = makeDoc({ sentences: [sentence], actors, referenceDate: '2020-01-01' });
  const v = sentenceView(doc, 0);
  const token = v.raw.indexOf(word);
  assert.ok(token >= 0, `no token "${word}"`);
  const mentioned = new Set<number>();
  for (const e of doc.entities) for (const m of e.mentions) v.tokens.forEach((t, k) => t.start >= m.start && t.end <= m.end && mentioned.add(k));
  return nonEventVerb(v, { token, lemma, code, hasPattern: false, quoteCue, isActor: (k) => mentioned.has(k) }, idioms);
}

// [name, sentence, actors, trigger, lemma, code, expected reason (null = kept)]
const RULES: [string, string, ActorSpec[], string, string, string, NonEventReason | null][] = [
  // -- a thing as subject
  [
    'a thing as subject does nothing to anyone ("the regulations do not apply to Iraq")',
    'The/DET/2/det/DT regulations/NOUN/5/nsubj/NNS do/AUX/5/aux/VBP not/PART/5/advmod/RB apply/VERB/0/root/VB to/ADP/7/case/IN Iraq/PROPN/5/obl/NNP ./PUNCT/5/punct/.',
    [IRQ], 'apply', 'APPLY', '020', 'thing-subject',
  ],
  [
    'an actor as subject keeps the verb (negative)',
    'Iran/PROPN/2/nsubj/NNP applied/VERB/0/root/VBD to/ADP/4/case/IN Iraq/PROPN/2/obl/NNP ./PUNCT/2/punct/.',
    [IRN, IRQ], 'applied', 'APPLY', '020', null,
  ],
  [
    'a people noun the entity layer left uncoded is still an actor (negative)',
    'The/DET/2/det/DT protesters/NOUN/3/nsubj/NNS escalated/VERB/0/root/VBD in/ADP/5/case/IN Iraq/PROPN/3/obl/NNP ./PUNCT/3/punct/.',
    [IRQ], 'escalated', 'ESCALATE', '060', null,
  ],
  [
    'a document stands for its issuer (negative: "the resolution condemned Iraq")',
    'The/DET/2/det/DT resolution/NOUN/3/nsubj/NN condemned/VERB/0/root/VBD Iraq/PROPN/3/obj/NNP ./PUNCT/3/punct/.',
    [IRQ], 'condemned', 'CONDEMN', '111', null,
  ],
  [
    'a document does not travel or meet: "decisions that led to a shutdown in Iraq" (042)',
    'Iran/PROPN/2/nsubj/NNP delayed/VERB/0/root/VBD decisions/NOUN/2/obj/NNS that/PRON/5/nsubj/WDT led/VERB/3/acl:relcl/VBD to/ADP/8/case/IN a/DET/8/det/DT shutdown/NOUN/5/obl/NN in/ADP/10/case/IN Iraq/PROPN/8/nmod/NNP ./PUNCT/2/punct/.',
    [IRN, IRQ], 'led', 'LEAD', '042', 'thing-subject',
  ],
  [
    '… but speaks for its issuer (negative: "decisions that condemned Iraq")',
    'Iran/PROPN/2/nsubj/NNP issued/VERB/0/root/VBD decisions/NOUN/2/obj/NNS that/PRON/5/nsubj/WDT condemned/VERB/3/acl:relcl/VBD Iraq/PROPN/5/obj/NNP ./PUNCT/2/punct/.',
    [IRN, IRQ], 'condemned', 'CONDEMN', '111', null,
  ],
  [
    'a subject noun with an actor in its phrase is that actor (negative: "the government of Iraq")',
    'The/DET/2/det/DT government/NOUN/5/nsubj/NN of/ADP/4/case/IN Iraq/PROPN/2/nmod/NNP escalated/VERB/0/root/VBD ./PUNCT/5/punct/.',
    [IRQ], 'escalated', 'ESCALATE', '060', null,
  ],
  [
    'a relative pronoun stands for its antecedent ("a route which passes through Turkey")',
    'Iran/PROPN/2/nsubj/NNP built/VERB/0/root/VBD a/DET/4/det/DT route/NOUN/2/obj/NN which/PRON/6/nsubj/WDT passes/VERB/4/acl:relcl/VBZ through/ADP/8/case/IN Turkey/PROPN/6/obl/NNP ./PUNCT/2/punct/.',
    [IRN, TUR], 'passes', 'PASS', '080', 'thing-subject',
  ],
  [
    'a relative pronoun for an actor keeps the verb (negative: "troops which entered Turkey")',
    'Iran/PROPN/2/nsubj/NNP sent/VERB/0/root/VBD Iraqi/ADJ/4/amod/JJ troops/NOUN/2/obj/NNS which/PRON/6/nsubj/WDT entered/VERB/4/acl:relcl/VBD Turkey/PROPN/6/obj/NNP ./PUNCT/2/punct/.',
    [IRN, TUR, { text: 'Iraqi', code: 'IRQ', kind: 'demonym' }], 'entered', 'ENTER', '150', null,
  ],
  [
    'a raising verb lends its thing subject ("the state of emergency appears to allow")',
    'The/DET/2/det/DT emergency/NOUN/3/nsubj/NN appears/VERB/0/root/VBZ to/PART/5/mark/TO allow/VERB/3/xcomp/VB imports/NOUN/5/obj/NNS from/ADP/8/case/IN Iraq/PROPN/5/obl/NNP ./PUNCT/3/punct/.',
    [IRQ], 'allow', 'ALLOW', '080', 'thing-subject',
  ],
  [
    'a passive keeps its patient as subject (negative: "the bill was suspended")',
    'The/DET/2/det/DT bill/NOUN/4/nsubj:pass/NN was/AUX/4/aux:pass/VBD suspended/VERB/0/root/VBN in/ADP/6/case/IN Iraq/PROPN/4/obl/NNP ./PUNCT/4/punct/.',
    [IRQ], 'suspended', 'SUSPEND', '080', null,
  ],
  // -- adjectival participles
  [
    'a participle between determiner and noun is an adjective ("withdraw a proposed bill")',
    'Iraq/PROPN/2/nsubj/NNP withdrew/VERB/0/root/VBD a/DET/5/det/DT proposed/VERB/5/amod/VBN bill/NOUN/2/obj/NN ./PUNCT/2/punct/.',
    [IRQ], 'proposed', 'PROPOSE', '025', 'adjectival-participle',
  ],
  [
    'a participle after a verb, before its object noun, is an adjective ("extradite accused criminals")',
    'Iran/PROPN/2/nsubj/NNP extradited/VERB/0/root/VBD accused/VERB/4/amod/VBN criminals/NOUN/2/obj/NNS to/ADP/6/case/IN Iraq/PROPN/2/obl/NNP ./PUNCT/2/punct/.',
    [IRN, IRQ], 'accused', 'ACCUSE', '112', 'adjectival-participle',
  ],
  [
    'a main verb the parser hung on its object as "amod" after the subject is kept (negative)',
    'Iraqi/ADJ/2/amod/JJ people/NOUN/4/nsubj/NNS blocked/VERB/4/amod/VBD streets/NOUN/0/root/NNS in/ADP/6/case/IN Iran/PROPN/4/nmod/NNP ./PUNCT/4/punct/.',
    [IRN, { text: 'Iraqi', code: 'IRQ', kind: 'demonym' }], 'blocked', 'BLOCK', '144', null,
  ],
  // -- reporting verbs
  [
    'a verb of saying without an object is an attribution ("…, he added")',
    'Iraq/PROPN/2/nsubj/NNP will/AUX/3/aux/MD win/VERB/0/root/VB ,/PUNCT/6/punct/, he/PRON/6/nsubj/PRP added/VERB/3/parataxis/VBD ./PUNCT/3/punct/.',
    [IRQ], 'added', 'ADD', '060', 'reporting',
  ],
  [
    'a verb of saying with a complement clause is an attribution ("he admits that …")',
    'Iran/PROPN/2/nsubj/NNP admits/VERB/0/root/VBZ that/SCONJ/5/mark/IN Iraq/PROPN/5/nsubj/NNP won/VERB/2/ccomp/VBD ./PUNCT/2/punct/.',
    [IRN, IRQ], 'admits', 'ADMIT', '050', 'reporting',
  ],
  [
    'the same verb with an object is an event (negative: "Iran added troops")',
    'Iran/PROPN/2/nsubj/NNP added/VERB/0/root/VBD troops/NOUN/2/obj/NNS in/ADP/5/case/IN Iraq/PROPN/2/obl/NNP ./PUNCT/2/punct/.',
    [IRN, IRQ], 'added', 'ADD', '060', null,
  ],
  [
    'an accusation stays an event even as a verb of saying (negative)',
    'Iran/PROPN/2/nsubj/NNP noted/VERB/0/root/VBD that/SCONJ/5/mark/IN Iraq/PROPN/5/nsubj/NNP lied/VERB/2/ccomp/VBD ./PUNCT/2/punct/.',
    [IRN, IRQ], 'noted', 'NOTE', '112', null,
  ],
  // -- idioms
  [
    'take place is no seizure ("talks took place in Iraq")',
    'Talks/NOUN/2/nsubj/NNS took/VERB/0/root/VBD place/NOUN/2/obj/NN in/ADP/5/case/IN Iraq/PROPN/2/obl/NNP ./PUNCT/2/punct/.',
    [IRQ], 'took', 'TAKE', '171', 'idiom',
  ],
  [
    'an idiom may have determiners and adjectives inside ("taking a single step towards Iraq")',
    'Iran/PROPN/2/nsubj/NNP is/AUX/3/aux/VBZ taking/VERB/0/root/VBG a/DET/6/det/DT single/ADJ/6/amod/JJ step/NOUN/3/obj/NN towards/ADP/8/case/IN Iraq/PROPN/3/obl/NNP ./PUNCT/3/punct/.',
    [IRN, IRQ], 'taking', 'TAKE', '171', 'idiom',
  ],
  [
    'the verb with another object keeps its sense (negative: "Iran took the town from Iraq")',
    'Iran/PROPN/2/nsubj/NNP took/VERB/0/root/VBD the/DET/4/det/DT town/NOUN/2/obj/NN from/ADP/6/case/IN Iraq/PROPN/2/obl/NNP ./PUNCT/2/punct/.',
    [IRN, IRQ], 'took', 'TAKE', '171', null,
  ],
  [
    '"goes against" is no visit',
    'The/DET/2/det/DT deal/NOUN/3/nsubj/NN goes/VERB/0/root/VBZ against/ADP/6/case/IN the/DET/6/det/DT resolution/NOUN/3/obl/NN of/ADP/8/case/IN Iraq/PROPN/6/nmod/NNP ./PUNCT/3/punct/.',
    [IRQ], 'goes', 'GO', '040', 'idiom',
  ],
  [
    '"goes to" is (negative: "Iran goes to Iraq")',
    'Iran/PROPN/2/nsubj/NNP goes/VERB/0/root/VBZ to/ADP/4/case/IN Iraq/PROPN/2/obl/NNP ./PUNCT/2/punct/.',
    [IRN, IRQ], 'goes', 'GO', '040', null,
  ],
  [
    '"think tank" read as verb + object is a noun',
    'Greece/PROPN/2/nsubj/NNP told/VERB/0/root/VBD a/DET/4/det/DT think/VERB/2/obj/VB tank/NOUN/4/obj/NN in/ADP/7/case/IN Turkey/PROPN/2/obl/NNP ./PUNCT/2/punct/.',
    [GRC, TUR], 'think', 'THINK', '040', 'idiom',
  ],
  // -- "issue a statement"
  [
    'a statement issued is communication, not cooperation ("in a press release issued the following day")',
    'In/ADP/3/case/IN a/DET/3/det/DT release/NOUN/4/obl/NN issued/VERB/7/advcl/VBD ,/PUNCT/4/punct/, Turkey/PROPN/7/nsubj/NNP denounced/VERB/0/root/VBD Greece/PROPN/7/obj/NNP ./PUNCT/7/punct/.',
    [TUR, GRC], 'issued', 'ISSUE', '060', 'statement-release',
  ],
  [
    '"issued statements" is communication',
    'Turkey/PROPN/2/nsubj/NNP issued/VERB/0/root/VBD statements/NOUN/2/obj/NNS on/ADP/5/case/IN Greece/PROPN/2/obl/NNP ./PUNCT/2/punct/.',
    [TUR, GRC], 'issued', 'ISSUE', '060', 'statement-release',
  ],
  [
    'issuing something else is not (negative: "Turkey issued visas to Greece")',
    'Turkey/PROPN/2/nsubj/NNP issued/VERB/0/root/VBD visas/NOUN/2/obj/NNS to/ADP/5/case/IN Greece/PROPN/2/obl/NNP ./PUNCT/2/punct/.',
    [TUR, GRC], 'issued', 'ISSUE', '060', null,
  ],
  // -- purposes
  [
    'an infinitive on a predicate noun says what it is for ("forces are in Iraq … to defeat Iran")',
    'Turkish/ADJ/2/amod/JJ forces/NOUN/4/nsubj/NNS are/AUX/4/cop/VBP Iraq/PROPN/0/root/NNP to/PART/6/mark/TO defeat/VERB/4/acl/VB Iran/PROPN/6/obj/NNP ./PUNCT/4/punct/.',
    [IRQ, IRN, { text: 'Turkish', code: 'TUR', kind: 'demonym' }], 'defeat', 'DEFEAT', '190', 'noun-purpose',
  ],
  [
    'a purpose infinitive on an argument noun is left to the coder (negative: "opened fire to disperse")',
    'Iraqi/ADJ/2/amod/JJ police/NOUN/3/nsubj/NNS opened/VERB/0/root/VBD fire/NOUN/3/obj/NN to/PART/6/mark/TO disperse/VERB/4/acl/VB Iranians/PROPN/6/obj/NNPS ./PUNCT/3/punct/.',
    [{ text: 'Iraqi', code: 'IRQ', kind: 'demonym' }, { text: 'Iranians', code: 'IRN' }], 'disperse', 'DISPERSE', '175', null,
  ],
  [
    'a "so … could" clause is a purpose ("declared an emergency so he could fund a wall")',
    'Iran/PROPN/2/nsubj/NNP declared/VERB/0/root/VBD war/NOUN/2/obj/NN so/SCONJ/7/mark/IN he/PRON/7/nsubj/PRP could/AUX/7/aux/MD fund/VERB/2/ccomp/VB Iraq/PROPN/7/obj/NNP ./PUNCT/2/punct/.',
    [IRN, IRQ], 'fund', 'FUND', '0311', 'purpose',
  ],
  [
    'a "so" clause without a modal is a result, an event (negative)',
    'Iran/PROPN/2/nsubj/NNP declared/VERB/0/root/VBD war/NOUN/2/obj/NN so/SCONJ/6/mark/IN Iraq/PROPN/6/nsubj/NNP attacked/VERB/2/advcl/VBD ./PUNCT/2/punct/.',
    [IRN, IRQ], 'attacked', 'ATTACK', '190', null,
  ],
];

for (const [name, sentence, actors, trigger, lemma, code, want] of RULES) {
  test(`news rule: ${name}`, () => {
    assert.equal(reason(sentence, actors, trigger, lemma, code), want);
  });
}

test('news rule: a quotation\'s cue is an attribution even with an object, unless it codes a verbal conflict', () => {
  const s = 'Iran/PROPN/2/nsubj/NNP added/VERB/0/root/VBD Iraq/PROPN/2/obj/NNP ./PUNCT/2/punct/.';
  assert.equal(reason(s, [IRN, IRQ], 'added', 'ADD', '060', true), 'reporting');
  assert.equal(reason(s, [IRN, IRQ], 'added', 'ADD', '060', false), null);
  assert.equal(reason(s, [IRN, IRQ], 'added', 'ADD', '112', true), null);
});

// ---- through the coder: what comes out of whole sentences -------------------------------------------

function triggersOf(sentence: string, actors: ActorSpec[]): string[] {
  const doc = makeDoc({ sentences: [sentence], actors, referenceDate: '2020-01-01' });
  return codeDocument(doc, config).map((e) => doc.text.slice(e.trigger.start, e.trigger.end));
}

// [name, sentence, actors, present, absent]
const CODED: [string, string, ActorSpec[], string[], string[]][] = [
  [
    '"speaking to the … think tank called the agreement null": the call is coded, not "think"',
    'Greece/PROPN/2/nsubj/NNP speaking/VERB/0/root/VBG to/ADP/2/fixed/IN the/DET/7/det/DT Atlantic/ADJ/6/amod/NNP Council/PROPN/7/nsubj/NNP think/VERB/4/acl:relcl/VB tank/NOUN/7/obj/NN denounced/VERB/8/acl/VBN Turkey/PROPN/9/obj/NNP ./PUNCT/2/punct/.',
    [GRC, TUR],
    ['denounced'],
    ['think'],
  ],
  [
    '"…, he added" after a statement is no cooperation',
    'The/DET/2/det/DT issue/NOUN/5/nsubj/NN is/AUX/5/cop/VBZ the/DET/5/det/DT difference/NOUN/0/root/NN between/ADP/7/case/IN Greece/PROPN/5/nmod/NNP and/CCONJ/9/cc/CC Turkey/PROPN/7/conj/NNP ,/PUNCT/5/punct/, he/PRON/12/nsubj/PRP added/VERB/5/acl:relcl/VBD ./PUNCT/5/punct/.',
    [GRC, TUR],
    [],
    ['added'],
  ],
  [
    'a real event beside an idiom is kept (negative)',
    'Turkey/PROPN/2/nsubj/NNP expelled/VERB/0/root/VBD the/DET/5/det/DT Greek/ADJ/5/amod/JJ ambassador/NOUN/2/obj/NN ./PUNCT/2/punct/.',
    [TUR, { text: 'Greek', code: 'GRC', kind: 'demonym' }],
    ['expelled'],
    [],
  ],
];

test('"ready to take more steps towards Greece" is an intent (03), not a threat to seize (13); "ready to take Cyprus" stays one', () => {
  const code = (sentence: string, actors: ActorSpec[]): string[] => {
    const doc = makeDoc({ sentences: [sentence], actors, referenceDate: '2020-01-01' });
    return codeDocument(doc, config).map((e) => `${doc.text.slice(e.trigger.start, e.trigger.end)}:${e.root}`);
  };
  const steps = code('Turkey/PROPN/3/nsubj/NNP is/AUX/3/cop/VBZ ready/ADJ/0/root/JJ to/PART/5/mark/TO take/VERB/3/xcomp/VB more/ADJ/7/amod/JJR steps/NOUN/5/obj/NNS towards/ADP/9/case/IN Greece/PROPN/5/obl/NNP ./PUNCT/3/punct/.', [TUR, GRC]);
  assert.ok(!steps.some((e) => e.endsWith(':13') || e.endsWith(':17')), steps.join(', '));
  const seize = code('Turkey/PROPN/3/nsubj/NNP is/AUX/3/cop/VBZ ready/ADJ/0/root/JJ to/PART/5/mark/TO take/VERB/3/xcomp/VB Cyprus/PROPN/5/obj/NNP from/ADP/8/case/IN Greece/PROPN/5/obl/NNP ./PUNCT/3/punct/.', [TUR, GRC, { text: 'Cyprus', code: 'CYP' }]);
  assert.ok(seize.some((e) => e.endsWith(':13')), seize.join(', '));
});

for (const [name, sentence, actors, present, absent] of CODED) {
  test(`news coded: ${name}`, () => {
    const got = triggersOf(sentence, actors);
    for (const p of present) assert.ok(got.includes(p), `missing "${p}" in ${got.join(', ')}`);
    for (const a of absent) assert.ok(!got.includes(a), `unexpected "${a}" in ${got.join(', ')}`);
  });
}

test('idioms file: comments and blank lines are skipped, words upper-cased', () => {
  const m = parseIdioms('# c\n\ntake place  # x\nGO against\n');
  assert.deepEqual([...m.get('TAKE')!], ['PLACE']);
  assert.deepEqual([...m.get('GO')!], ['AGAINST']);
  assert.equal(m.size, 2);
});

// ---- bare agent nouns in an article about one country --------------------------------------------

test('homeCountry: the country of most place and demonym mentions, if it has three and a majority', () => {
  const m = (code: string, type = 'GPE', kind = 'name'): { kind: string; type: string; code: string } => ({ kind, type, code });
  assert.equal(homeCountry([m('SRB'), m('SRBGOV'), m('SRB', 'NORP', 'demonym'), m('GRC')]), 'SRB');
  assert.equal(homeCountry([m('SRB'), m('SRB'), m('GRC')]), undefined, 'fewer than three');
  assert.equal(homeCountry([m('SRB'), m('SRB'), m('SRB'), m('TUR'), m('TUR'), m('TUR'), m('GRC')]), undefined, 'no majority');
  assert.equal(homeCountry([m('IGOUNO'), m('IGOUNO'), m('IGOUNO')]), undefined, 'organisations are no country');
  assert.equal(homeCountry([m('SRB', 'PERSON'), m('SRB', 'PERSON'), m('SRB', 'PERSON')]), undefined, 'people do not count');
});

const SERBIA: ActorSpec = { text: 'Serbia', code: 'SRB', id: 'srb' };
const CLASH = 'The/DET/2/det/DT protesters/NOUN/3/nsubj/NNS clashed/VERB/0/root/VBD with/ADP/6/case/IN the/DET/6/det/DT police/NOUN/3/obl/NNS ./PUNCT/3/punct/.';
const SERBIA_SENTENCE = 'Serbia/PROPN/2/nsubj/NNP voted/VERB/0/root/VBD ./PUNCT/2/punct/.';

// The agent nouns data/events/agents.txt adds: "protester" is none in Phoenix.agents.
const withProtesters = { ...config, fallback: { ...lex, agents: agentTrie('PROTESTER [~OPP]\n') } };

function clash(sentences: string[]): { codes: string[]; triggers: string[] } {
  const doc = makeDoc({ sentences, actors: [SERBIA], referenceDate: '2020-01-01' });
  const evs = codeDocument(doc, withProtesters);
  return {
    triggers: evs.map((e) => doc.text.slice(e.trigger.start, e.trigger.end)),
    codes: evs.filter((e) => doc.text.slice(e.trigger.start, e.trigger.end) === 'clashed').flatMap((e) => [...(e.sourceCodes ?? []), '→', ...(e.targetCodes ?? [])]),
  };
}

test('"the protesters clashed with the police" in an article about Serbia: SRBOPP against SRBCOP', () => {
  const r = clash([SERBIA_SENTENCE, SERBIA_SENTENCE, SERBIA_SENTENCE, CLASH]);
  assert.deepEqual(r.codes, ['SRBOPP', '→', 'SRBCOP']);
});

test('the same sentence alone has no country for its bare agent nouns (negative)', () => {
  const r = clash([CLASH]);
  assert.ok(!r.codes.some((c) => c.startsWith('SRB')), r.codes.join(' '));
});

test('a bare agent noun after a name is that name\'s, not the home country\'s (negative)', () => {
  const doc = makeDoc({
    sentences: [SERBIA_SENTENCE, SERBIA_SENTENCE, SERBIA_SENTENCE, 'Greek/ADJ/2/amod/JJ police/NOUN/3/nsubj/NNS arrested/VERB/0/root/VBD Serbia/PROPN/3/obj/NNP ./PUNCT/3/punct/.'],
    actors: [SERBIA, { text: 'Greek', code: 'GRC', kind: 'demonym' }],
    referenceDate: '2020-01-01',
  });
  const e = codeDocument(doc, withProtesters).find((x) => doc.text.slice(x.trigger.start, x.trigger.end) === 'arrested');
  assert.ok(e);
  assert.ok(!(e.sourceCodes ?? []).some((c) => c.startsWith('SRB')), (e.sourceCodes ?? []).join(' '));
});
