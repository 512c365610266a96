import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeDocument, defaultCoderConfig } from './coder.ts';
import { eventsStage } from './stage.ts';
import { makeDoc, type DocSpec } from './testing.ts';
import type { EventRecord } from '../core/document.ts';

const config = defaultCoderConfig('events@1');
const COUNTRIES = [
  { text: 'Iraq', code: 'IRQ', id: 'irq' },
  { text: 'Iraqi', code: 'IRQ', id: 'irq', kind: 'demonym' as const },
  { text: 'Iran', code: 'IRN', id: 'irn' },
  { text: 'Iranian', code: 'IRN', id: 'irn', kind: 'demonym' as const },
  { text: 'Syria', code: 'SYR', id: 'syr' },
  { text: 'Jordan', code: 'JOR', id: 'jor' },
  { text: 'Britain', code: 'GBR', id: 'gbr' },
  { text: 'US', code: 'USA', id: 'usa' },
  { text: 'Trump', code: 'USAGOV', id: 'trump', type: 'PERSON' as const },
  { text: 'NATO', code: 'IGONAT', id: 'nato', type: 'ORG' as const },
  { text: 'Baghdad', code: 'IRQGOV', id: 'irq' },
];

function code(sentences: string[], extra: Partial<DocSpec> = {}): { events: EventRecord[]; text: string } {
  const doc = makeDoc({ sentences, actors: COUNTRIES, referenceDate: '2020-02-12', ...extra });
  return { events: codeDocument(doc, config), text: doc.text };
}

function at(r: { events: EventRecord[]; text: string }, trigger: string): EventRecord {
  const e = r.events.find((x) => r.text.slice(x.trigger.start, x.trigger.end) === trigger);
  assert.ok(e, `no event on "${trigger}"; got ${r.events.map((x) => r.text.slice(x.trigger.start, x.trigger.end)).join(', ')}`);
  return e;
}

const none = (r: { events: EventRecord[]; text: string }, trigger: string): boolean =>
  !r.events.some((x) => r.text.slice(x.trigger.start, x.trigger.end) === trigger);

// ---- shallow path (tokens only, no tags, no parse) ----------------------------------------------

test('shallow: source before the verb, target after, code facts from the tables', () => {
  const e = at(code(['Iraq attacked Iran.']), 'attacked');
  assert.equal(e.root, '19');
  assert.deepEqual(e.sourceCodes, ['IRQ']);
  assert.deepEqual(e.targetCodes, ['IRN']);
  assert.equal(e.plover, 'ASSAULT');
  assert.equal(e.quadClass, 4);
  assert.ok(e.goldstein < 0);
  assert.equal(e.dateBasis, 'reference');
  assert.equal(e.date, '2020-02-12');
});

const MODALITY: [string, string, Partial<Record<'negated' | 'future' | 'hypothetical' | 'conditional', boolean>>][] = [
  ['Iraq attacked Iran.', 'attacked', { negated: false, future: false, hypothetical: false, conditional: false }],
  ['Iraq did not attack Iran.', 'attack', { negated: true }],
  ['Iraq never attacked Iran.', 'attacked', { negated: true }],
  ['Iraq will attack Iran.', 'attack', { future: true, hypothetical: false }],
  ['Iraq could attack Iran.', 'attack', { hypothetical: true, future: false }],
  ['Iraq might attack Iran.', 'attack', { hypothetical: true }],
  ['Iraq said it would attack Iran.', 'attack', { future: true, hypothetical: false }],
  ['Iraq would attack Iran.', 'attack', { hypothetical: true }],
  ['Iraq will attack Iran if Iran refuses.', 'attack', { conditional: true, future: true }],
  ['Iraq will attack Iran unless Iran retreats.', 'attack', { conditional: true }],
];

for (const [sentence, trigger, want] of MODALITY) {
  test(`shallow modality: ${sentence}`, () => {
    const e = at(code([sentence]), trigger);
    for (const [k, v] of Object.entries(want)) assert.equal(e.modality[k as keyof typeof e.modality], v, k);
  });
}

test('shallow: condition span, and the condition itself is hypothetical, not conditional', () => {
  const r = code(['Iraq will attack Iran if Iran refuses.']);
  const e = at(r, 'attack');
  assert.equal(r.text.slice(e.condition!.start, e.condition!.end), 'if Iran refuses');
  const inner = at(r, 'refuses');
  assert.equal(inner.modality.conditional, false);
  assert.equal(inner.modality.hypothetical, true);
});

test('shallow: "assuming they get the green light from X" is a condition', () => {
  const r = code(['NATO plans to attack Iran – assuming they get the green light from Baghdad.']);
  const e = at(r, 'plans');
  assert.equal(r.text.slice(e.condition!.start, e.condition!.end), 'assuming they get the green light from Baghdad');
  assert.equal(e.modality.conditional, true);
});

test('shallow: "provided" as a verb is not a condition', () => {
  const e = at(code(['Iraq provided aid to Iran.']), 'provided');
  assert.equal(e.modality.conditional, false);
  assert.equal(e.root, '07');
});

test('shallow: "made no demands" is a negated demand, not a positive one', () => {
  const e = at(code(['Trump made no concrete demands.']), 'demands');
  assert.equal(e.root, '10');
  assert.equal(e.modality.negated, true);
  assert.deepEqual(e.sourceCodes, ['USAGOV']);
});

test('shallow: "refused to" is its own code, not a negation', () => {
  const e = at(code(['Iraq refused to meet Iran.']), 'refused');
  assert.equal(e.root, '12');
  assert.equal(e.modality.negated, false);
});

test('shallow: intent composition, "plans to" and "agreed in principle to" are future', () => {
  const e = at(code(['NATO agreed in principle to cooperate with Iraq.']), 'agreed');
  assert.equal(e.root, '03');
  assert.equal(e.modality.future, true);
  assert.deepEqual(e.targetCodes, ['IRQ']);
});

test('shallow: a vote to expel is the expulsion (166), dated by its timex', () => {
  const r = code(['The Iraqi parliament voted last month to expel foreign troops.'], {
    timexes: [{ text: 'last month', value: '2020-01' }],
    actors: [...COUNTRIES, { text: 'The Iraqi parliament', code: 'IRQLEG', id: 'leg', type: 'ORG' }],
  });
  const e = at(r, 'voted');
  assert.equal(e.cameo, '166');
  assert.equal(e.date, '2020-01');
  assert.equal(e.dateBasis, 'timex');
  assert.deepEqual(e.sourceCodes, ['IRQLEG']);
  assert.ok(none(r, 'expel'));
});

test('shallow: "is expected to" puts the event on the complement, future', () => {
  const e = at(code(['NATO is expected to attack Iran.']), 'attack');
  assert.equal(e.modality.future, true);
  assert.deepEqual(e.sourceCodes, ['IGONAT']);
});

test('shallow: nominal event with possessive source, of-target and place', () => {
  const r = code(['Iraq protested at the US assassination of an Iranian commander on Iraqi soil.']);
  const e = at(r, 'assassination');
  assert.equal(e.cameo, '186');
  assert.deepEqual(e.sourceCodes, ['USA']);
  assert.deepEqual(e.targetCodes, ['IRN']);
  assert.equal(e.location, 'irq');
});

test('shallow: compound actors as lists', () => {
  const e = at(code(['Jordan and Britain attacked Iran.']), 'attacked');
  assert.deepEqual(e.sourceCodes, ['JOR', 'GBR']);
});

test('shallow: location only from a place attached to the event, never by default', () => {
  assert.equal(at(code(['Iraq attacked rebels in Syria.']), 'attacked').location, 'syr');
  assert.equal(at(code(['Iraq attacked Iran.']), 'attacked').location, undefined);
});

test('shallow: quote id when the event is reported inside a quote', () => {
  const r = code(['Iraq said Iran attacked NATO.'], { quotes: [{ text: 'Iran attacked NATO' }] });
  assert.equal(at(r, 'attacked').quote, 'q1');
  const plain = code(['Iran attacked NATO.']);
  assert.equal(at(plain, 'attacked').quote, undefined);
});

test('shallow: reporting verbs and actor-less triggers make no events', () => {
  assert.equal(code(['Iraq said on Monday that talks went well.']).events.filter((e) => e.root === '01').length, 0);
  assert.equal(code(['Rebels attacked a village.']).events.length, 0);
});

test('no reference date: dateBasis none', () => {
  const doc = makeDoc({ sentences: ['Iraq attacked Iran.'], actors: COUNTRIES });
  const [e] = codeDocument(doc, config);
  assert.equal(e!.dateBasis, 'none');
  assert.equal(e!.date, undefined);
});

// ---- dependency path (hand-made parses) ----------------------------------------------------------

test('deps: passive subject is the target, by-agent the source', () => {
  const e = at(code(['Iran/PROPN/3/nsubj:pass was/AUX/3/aux:pass attacked/VERB/0/root by/ADP/5/case Iraq/PROPN/3/obl:agent ./PUNCT/3/punct']), 'attacked');
  assert.deepEqual(e.sourceCodes, ['IRQ']);
  assert.deepEqual(e.targetCodes, ['IRN']);
});

test('deps: control verb composes with its xcomp (intent, future), target from the complement', () => {
  const e = at(code(['Iraq/PROPN/2/nsubj agreed/VERB/0/root to/PART/4/mark cooperate/VERB/2/xcomp with/ADP/6/case Iran/PROPN/4/obl ./PUNCT/2/punct']), 'agreed');
  assert.equal(e.root, '03');
  assert.equal(e.modality.future, true);
  assert.deepEqual(e.sourceCodes, ['IRQ']);
  assert.deepEqual(e.targetCodes, ['IRN']);
});

test('deps: relative clause takes its antecedent as subject', () => {
  const r = code(['Iraq/PROPN/6/nsubj ,/PUNCT/4/punct which/PRON/4/nsubj attacked/VERB/1/acl:relcl Iran/PROPN/4/obj ,/PUNCT/4/punct denied/VERB/0/root it/PRON/6/obj ./PUNCT/6/punct']);
  const e = at(r, 'attacked');
  assert.deepEqual(e.sourceCodes, ['IRQ']);
  assert.deepEqual(e.targetCodes, ['IRN']);
});

test('deps: coordinated subjects are a compound source', () => {
  const e = at(code(['Jordan/PROPN/4/nsubj and/CCONJ/3/cc Britain/PROPN/1/conj attacked/VERB/0/root Iran/PROPN/4/obj ./PUNCT/4/punct']), 'attacked');
  assert.deepEqual(e.sourceCodes, ['JOR', 'GBR']);
});

test('deps: "called for X to withdraw" is an appeal to X, not a phone call', () => {
  const e = at(code(['Trump/PROPN/2/nsubj called/VERB/0/root for/ADP/4/case Iraq/PROPN/2/obl to/PART/6/mark withdraw/VERB/2/advcl ./PUNCT/2/punct']), 'called');
  assert.equal(e.root, '02');
  assert.deepEqual(e.targetCodes, ['IRQ']);
});

test('deps: negation and its negative case', () => {
  const neg = at(code(['Iraq/PROPN/4/nsubj did/AUX/4/aux not/PART/4/advmod attack/VERB/0/root Iran/PROPN/4/obj ./PUNCT/4/punct']), 'attack');
  assert.equal(neg.modality.negated, true);
  const pos = at(code(['Iraq/PROPN/2/nsubj attacked/VERB/0/root Iran/PROPN/2/obj ./PUNCT/2/punct']), 'attacked');
  assert.equal(pos.modality.negated, false);
});

test('deps: an if-clause conditions its governing clause only', () => {
  const r = code(['Iraq/PROPN/3/nsubj will/AUX/3/aux attack/VERB/0/root Iran/PROPN/3/obj if/SCONJ/7/mark Iran/PROPN/7/nsubj refuses/VERB/3/advcl ./PUNCT/3/punct']);
  const e = at(r, 'attack');
  assert.equal(e.modality.conditional, true);
  assert.equal(e.modality.future, true);
  assert.equal(r.text.slice(e.condition!.start, e.condition!.end), 'if Iran refuses');
  assert.equal(at(r, 'refuses').modality.conditional, false);
});

test('deps: a set-off condition hung on a later verb as conj still conditions the main clause', () => {
  // The parse attaches "assuming" to "fighting" (conj), not to the main verb "plan".
  const r = code([
    'NATO/PROPN/2/nsubj plans/VERB/0/root to/PART/4/mark attack/VERB/2/xcomp rebels/NOUN/4/obj fighting/VERB/5/acl Iran/PROPN/6/obj –/PUNCT/9/punct assuming/VERB/6/conj they/PRON/11/nsubj get/VERB/9/ccomp approval/NOUN/11/obj ./PUNCT/2/punct',
  ]);
  const e = at(r, 'plans');
  assert.equal(e.modality.conditional, true);
  assert.equal(r.text.slice(e.condition!.start, e.condition!.end), 'assuming they get approval');
  // Without the dash the clause is an ordinary coordination and does not reach the main verb.
  const plain = code([
    'NATO/PROPN/2/nsubj plans/VERB/0/root to/PART/4/mark attack/VERB/2/xcomp rebels/NOUN/4/obj fighting/VERB/5/acl Iran/PROPN/6/obj and/CCONJ/9/cc assuming/VERB/6/conj power/NOUN/9/obj ./PUNCT/2/punct',
  ]);
  assert.equal(at(plain, 'plans').modality.conditional, false);
});

test('deps: a timex attached to the trigger dates the event; one attached elsewhere does not', () => {
  const dated = at(code(['Iraq/PROPN/2/nsubj attacked/VERB/0/root Iran/PROPN/2/obj last/ADJ/5/amod month/NOUN/2/obl:tmod ./PUNCT/2/punct'], { timexes: [{ text: 'last month', value: '2020-01' }] }), 'attacked');
  assert.equal(dated.date, '2020-01');
  assert.equal(dated.dateBasis, 'timex');
  const r = code(['Iraq/PROPN/2/nsubj attacked/VERB/0/root Iran/PROPN/2/obj ,/PUNCT/6/punct officials/NOUN/6/nsubj said/VERB/2/parataxis on/ADP/8/case Monday/PROPN/6/obl ./PUNCT/2/punct'], {
    timexes: [{ text: 'Monday', value: '2020-02-10' }],
  });
  assert.equal(at(r, 'attacked').dateBasis, 'reference');
});

test('deps: place from a locative phrase; prepositional target', () => {
  const e = at(code(['Iraq/PROPN/2/nsubj attacked/VERB/0/root rebels/NOUN/2/obj in/ADP/5/case Syria/PROPN/2/obl ./PUNCT/2/punct']), 'attacked');
  assert.equal(e.location, 'syr');
});

test('deps: nominal event, source modifier, of-target, place on the noun phrase', () => {
  const r = code(['the/DET/3/det US/PROPN/3/compound assassination/NOUN/0/root of/ADP/7/case an/DET/7/det Iranian/ADJ/7/amod commander/NOUN/3/nmod on/ADP/10/case Iraqi/ADJ/10/amod soil/NOUN/7/nmod ./PUNCT/3/punct']);
  const e = at(r, 'assassination');
  assert.equal(e.cameo, '186');
  assert.deepEqual(e.sourceCodes, ['USA']);
  assert.deepEqual(e.targetCodes, ['IRN']);
  assert.equal(e.location, 'irq');
});

test('stage: assigns the events layer, ids in order, offsets inside the text', () => {
  const doc = makeDoc({ sentences: ['Iraq attacked Iran.', 'Iran will attack Iraq.'], actors: COUNTRIES, referenceDate: '2020-02-12' });
  const out = eventsStage.run(doc, { options: {} });
  assert.deepEqual(out.events.map((e) => e.id), ['v1', 'v2']);
  for (const e of out.events) {
    assert.ok(e.trigger.start >= 0 && e.trigger.end <= out.text.length);
    assert.equal(out.sentences[e.sentence]!.start <= e.trigger.start, true);
  }
  assert.equal(doc.events.length, 0);
});

// ---- composition, recoding and filtering mechanisms ---------------------------------------------

test('an obligation stated by someone is a demand of the speaker on the clause subject', () => {
  const r = code(['Iran warned Iraq that it must withdraw from Syria.']);
  const e = r.events.find((x) => x.root === '10');
  assert.ok(e, 'no demand');
  assert.deepEqual(e.sourceCodes, ['IRN']);
  assert.deepEqual(e.targetCodes, ['IRQ']);
  assert.ok(none(r, 'warned'));
});

test('no obligation without "must": a plain report stays what it is', () => {
  const r = code(['Iran said Iraq attacked Syria.']);
  assert.equal(r.events.filter((x) => x.root === '10').length, 0);
});

test('a negated concession is a refusal ("would not meet their demands"), not a negated event', () => {
  const e = at(code(['Iraq said it would not meet the demands of Iran.']), 'meet');
  assert.equal(e.root, '12');
  assert.equal(e.modality.negated, false);
});

test('a future cooperative act is an intent; the same act in the past is not', () => {
  assert.equal(at(code(['Iraq will support Iran.']), 'support').root, '03');
  assert.equal(at(code(['Iraq supported Iran.']), 'supported').root, '05');
});

test('DEMAND verbs keep demand codes where the dictionary wrote appeal codes', () => {
  const e = at(code(['Iraq demanded support from Iran.']), 'demanded');
  assert.equal(e.root, '10');
});

test('shallow passive: the subject is the target, the by-phrase the source; no agent, no source', () => {
  const e = at(code(['Iran was attacked by Iraq.']), 'attacked');
  assert.deepEqual(e.sourceCodes, ['IRQ']);
  assert.deepEqual(e.targetCodes, ['IRN']);
  const f = at(code(['Iran was attacked yesterday.']), 'attacked');
  assert.equal(f.source.length, 0);
  assert.deepEqual(f.targetCodes, ['IRN']);
});

test('a purpose infinitive after a coded event is not a second event', () => {
  const r = code(['Iraq attacked Iran to punish Syria.']);
  assert.ok(!none(r, 'attacked'));
  assert.ok(none(r, 'punish'));
});

test('an event noun without its agent is not emitted; with one it is', () => {
  assert.ok(none(code(['Iraq spoke of talks with Iran.']), 'talks'));
  const held = code(['Iraq held talks with Iran.']);
  const e = held.events.find((x) => x.root === '04');
  assert.ok(e, 'no consultation');
  assert.deepEqual(e.sourceCodes, ['IRQ']);
});

test('participles as adjectives and adverbial clauses are background (tagged text)', () => {
  const tagged = makeDoc({
    sentences: ['Iraq attacked the besieged town after Iran shelled Syria.'],
    actors: COUNTRIES,
    referenceDate: '2020-02-12',
  });
  const tags = ['PROPN', 'VERB', 'DET', 'VERB', 'NOUN', 'SCONJ', 'PROPN', 'VERB', 'PROPN', 'PUNCT'];
  const xpos = ['NNP', 'VBD', 'DT', 'VBN', 'NN', 'IN', 'NNP', 'VBD', 'NNP', '.'];
  const doc = { ...tagged, tokens: tagged.tokens.map((t, i) => ({ ...t, upos: tags[i]!, xpos: xpos[i]! })) };
  const evs = codeDocument(doc, config);
  const triggers = evs.map((e) => doc.text.slice(e.trigger.start, e.trigger.end));
  assert.ok(triggers.includes('attacked'));
  assert.ok(!triggers.includes('besieged'));
  assert.ok(!triggers.includes('shelled'));
});

test('one action, one event: a verb and its event noun of the same kind collapse', () => {
  const r = code(['Iraq staged rallies against Iran.']);
  assert.equal(r.events.filter((e) => e.root === '14').length, 1);
});

test('user dictionaries in the PETRARCH format are loaded after the shipped ones', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'dateline-events-'));
  const file = join(dir, 'user.verbs.txt');
  writeFileSync(file, '---  BLORP   [---]  ---\nBLORP [125]\n');
  const doc = makeDoc({ sentences: ['Iraq blorped Iran.'], actors: COUNTRIES, referenceDate: '2020-02-12' });
  assert.equal(eventsStage.run(doc, { options: {} }).events.length, 0);
  const out = eventsStage.run(doc, { options: { eventVerbDictionaries: [file] } });
  assert.equal(out.events[0]?.cameo, '125');
});
