import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeDocument, defaultCoderConfig } from './coder.ts';
import { agentTrie, entityFallbackCode, parseDemonyms, recordCode, surnameCode, type FallbackLexicon } from './fallback.ts';
import { makeDoc, type ActorSpec } from './testing.ts';
import { smallGazetteer } from '../entities/testing.ts';
import type { EventRecord } from '../core/document.ts';

const ACTORS = `EUROPEAN_COMMUNITY_ # type: ORG
+EEC_
	[IGOEUREEC]
ANDREAS_PAPANDREOU_  # CountryInfo.txt
	[GRCGOV 811021-890702]
	[GRCELI 960122-960623]
GEORGE_BUSH_  # CountryInfo.txt
	[USAGOV 890120-930120]
GEORGE_W_BUSH_  # CountryInfo.txt
	[USAGOV 20010120-20090120]
JOHN_SMITH_  # CountryInfo.txt
	[GBRLEG 920101-940512]
JANE_SMITH_  # CountryInfo.txt
	[AUSGOV 950101-990101]
`;
const AGENTS = `POLICE {} [~COP]
REBEL [~REB]
`;
const lex: FallbackLexicon = {
  gazetteer: smallGazetteer({ actors: ACTORS, agents: AGENTS }),
  demonyms: parseDemonyms('Serb|Serbs\tSRB\n'),
  agents: agentTrie('FORCE [~MIL]\nMINISTER [~GOV]\n'),
};
const config = { ...defaultCoderConfig('events@1'), fallback: lex };

function run(sentence: string, actors: ActorSpec[] = [], withFallback = true): { events: EventRecord[]; text: string } {
  const doc = makeDoc({ sentences: [sentence], actors, referenceDate: '2000-01-01' });
  return { events: codeDocument(doc, withFallback ? config : defaultCoderConfig('events@1')), text: doc.text };
}
function at(r: { events: EventRecord[]; text: string }, trigger: string): EventRecord {
  const e = r.events.find((x) => r.text.slice(x.trigger.start, x.trigger.end) === trigger);
  assert.ok(e, `no event on "${trigger}"`);
  return e;
}

// [sentence, trigger, source codes, target codes, entity-layer actors]
const TABLE: [string, string, string[] | undefined, string[] | undefined, ActorSpec[]][] = [
  // agent after a demonym the country list lacks
  ['Serb forces attacked Kosovo.', 'attacked', ['SRBMIL'], ['KOS'], [{ text: 'Kosovo', code: 'KOS' }]],
  // agent after a country demonym, with a lower-case modifier between
  ['Iraqi riot police attacked protesters.', 'attacked', ['IRQCOP'], undefined, []],
  // dictionary actor phrase written as a name, with an agent noun after it
  ['European Community foreign ministers criticized Iraq.', 'criticized', ['IGOEUREEC'], ['IRQ'], [{ text: 'Iraq', code: 'IRQ' }]],
  // plural demonym as a group of people
  ['Nigerians attacked the embassy.', 'attacked', ['NGA'], undefined, []],
  // the entity layer's code wins over the fallback
  ['Serb forces attacked Kosovo.', 'attacked', ['YUGMIL'], ['KOS'], [{ text: 'Serb forces', code: 'YUGMIL', type: 'ORG' }, { text: 'Kosovo', code: 'KOS' }]],
];

for (const [sentence, trigger, src, tgt, actors] of TABLE) {
  test(`fallback: ${sentence}`, () => {
    const e = at(run(sentence, actors), trigger);
    assert.deepEqual(e.sourceCodes, src);
    assert.deepEqual(e.targetCodes, tgt);
    // Fallback actors have codes but no entity id.
    for (const id of [...e.source, ...e.target]) assert.ok(!id.startsWith('#'));
  });
}

test('fallback off: the same sentence has no source code', () => {
  const r = run('Serb forces attacked Kosovo.', [{ text: 'Kosovo', code: 'KOS' }], false);
  assert.equal(at(r, 'attacked').sourceCodes, undefined);
});

// Negative cases: nothing is coded from these.
const NEGATIVE: [string, string][] = [
  ['The forces attacked the town.', 'attacked'], // an agent without a country
  ['Police attacked the protesters.', 'attacked'],
  ['The community attacked the plan.', 'attacked'], // a lower-case word is not the dictionary's name
];
for (const [sentence, trigger] of NEGATIVE) {
  test(`fallback negative: ${sentence}`, () => {
    const r = run(sentence);
    const e = r.events.find((x) => r.text.slice(x.trigger.start, x.trigger.end) === trigger);
    assert.equal(e?.sourceCodes, undefined);
    assert.equal(e?.targetCodes, undefined);
  });
}

test('recordCode: dated role on the date, else the one country of all roles, else nothing', () => {
  assert.equal(recordCode({ codes: [{ code: 'GRCGOV', from: '1981-10-21', to: '1989-07-02', isDefault: false }] }, '1985-01-01'), 'GRCGOV');
  assert.equal(recordCode({ codes: [{ code: 'GRCGOV', from: '1981-10-21', to: '1989-07-02', isDefault: false }, { code: 'GRCELI', from: '1996-01-22', isDefault: false }] }, '1992-01-01'), 'GRC');
  assert.equal(recordCode({ codes: [{ code: 'JPNGOV', from: '1990-01-01', to: '1991-01-01', isDefault: false }, { code: 'IGOUNO', from: '2000-01-01', isDefault: false }] }, '1995-01-01'), undefined);
});

test('surnames: one country among the namesakes, the one in office on the date, else ambiguous', () => {
  assert.equal(surnameCode(lex.gazetteer, 'BUSH', '1990-06-01'), 'USAGOV');
  assert.equal(surnameCode(lex.gazetteer, 'BUSH', '2000-01-01'), 'USA');
  assert.equal(surnameCode(lex.gazetteer, 'SMITH', '2000-01-01'), undefined);
  assert.equal(surnameCode(lex.gazetteer, 'NOBODY', '2000-01-01'), undefined);
});

test('uncoded entities: coded by their dictionary name, persons by unambiguous surname only', () => {
  assert.equal(entityFallbackCode({ id: 'e1', name: 'EEC', type: 'ORG', mentions: [] }, lex), 'IGOEUREEC');
  assert.equal(entityFallbackCode({ id: 'e1', name: 'Andreas Papandreou', type: 'PERSON', mentions: [] }, lex, '2000-01-01'), 'GRC');
  assert.equal(entityFallbackCode({ id: 'e1', name: 'Smith', type: 'PERSON', mentions: [] }, lex, '2000-01-01'), undefined);
  // Coded entities are left alone; places are not actors for the fallback.
  assert.equal(entityFallbackCode({ id: 'e1', name: 'EEC', type: 'ORG', code: 'X', mentions: [] }, lex), undefined);
  assert.equal(entityFallbackCode({ id: 'e1', name: 'EEC', type: 'GPE', mentions: [] }, lex), undefined);
});

// [name, type, code]: an uncoded organisation or titled person whose name begins with a country,
// its demonym or a dictionary place belongs to that country, with an agent noun's sector.
const PREFIX: [string, 'ORG' | 'PERSON', string | undefined][] = [
  ['Nigerian Union of Teachers', 'ORG', 'NGA'],
  ['The Montenegro Municipality Association', 'ORG', 'MNE'],
  ['Iraqi Prime Minister Ali Hassan', 'PERSON', 'IRQGOV'],
  // Negative cases: a person needs a title ("Jordan" may be a first name); no country, no code.
  ['Jordan Peterson', 'PERSON', undefined],
  ['Homeland Union', 'ORG', undefined],
  ['Nigeria', 'ORG', undefined],
];
for (const [name, type, want] of PREFIX) {
  test(`uncoded entity named after a country: ${name}`, () => {
    const code = entityFallbackCode({ id: 'e1', name, type, mentions: [] }, lex, '2000-01-01');
    if (want === undefined) assert.equal(code, undefined);
    else assert.equal(code?.slice(0, want.length), want);
  });
}
