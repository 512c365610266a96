import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Document, Entity } from '../../core/document.ts';
import { createEntitiesStage } from '../stage.ts';
import { city, makeDoc, smallGazetteer } from '../testing.ts';

const ACTORS = [
  'NORTH_ATLANTIC_TREATY_ORGANIZATION_ # type: ORG',
  '+NATO_',
  '\t[IGONAT]',
  'UNITED_NATIONS_ [IGOUNO]',
  'ANNA_BERG_ # type: PERSON # gender: f',
  '\t[IGONAT 20140101-20241001] # role: NATO Secretary General',
  'DONALD_TRUMP_ # type: PERSON # gender: m',
  '\t[USAGOV 20170120-20210120] # role: President of the United States',
  'UNITED_STATES_OF_AMERICA_ [USA]',
  '+US_',
  'IRAQ_',
  '+BAGHDAD_',
  '\t[IRQ]',
].join('\n');
const AGENTS = ['PARLIAMENT [~LEG]', 'TROOP [~MIL]', 'GOVERNMENT [~GOV]', 'MILITARY [~MIL]', 'COMMANDER [~MIL]'].join('\n');
const CITIES = [
  city('Baghdad', 'IRQ', 7216000, 33.34, 44.4, 98182, 'PPLC'),
  city('Paris', 'FRA', 2138551, 48.85, 2.35, 2988507, 'PPLC'),
  city('Paris', 'USA', 24782, 33.66, -95.55, 4717560),
  city('Brussels', 'BEL', 1019022, 50.85, 4.35, 2800866, 'PPLC'),
];
const gaz = smallGazetteer({ actors: ACTORS, agents: AGENTS, cities: CITIES });
const stage = createEntitiesStage({ gazetteer: gaz, recognizer: null });

function run(text: string, date = '2020-02-12'): Document {
  return stage.run(makeDoc(text, date), { options: {} });
}

function surfaces(doc: Document, e: Entity | undefined): string[] {
  return (e?.mentions ?? []).map((m) => doc.text.slice(m.start, m.end));
}

function byName(doc: Document, name: string): Entity | undefined {
  return doc.entities.find((e) => e.name === name);
}

function entityOf(doc: Document, surface: string, nth = 1): Entity | undefined {
  let seen = 0;
  for (let i = doc.text.indexOf(surface); i >= 0; i = doc.text.indexOf(surface, i + 1)) {
    if (++seen !== nth) continue;
    return doc.entities.find((e) => e.mentions.some((m) => m.start === i && m.end === i + surface.length));
  }
  return undefined;
}

test('a bare surname is a mention of the full name before it', () => {
  const doc = run('John Smith arrived on Monday. Later, Smith said the talks went well.');
  const smith = byName(doc, 'John Smith');
  assert.ok(smith);
  assert.deepEqual(surfaces(doc, smith).filter((s) => s !== 'he'), ['John Smith', 'Smith']);
});

test('two different Smiths stay apart, and a gendered title picks the right one', () => {
  const doc = run('John Smith met Mary Smith in Paris. Mr Smith left early.');
  const john = byName(doc, 'John Smith');
  const mary = byName(doc, 'Mary Smith');
  assert.ok(john && mary);
  assert.notEqual(john.id, mary.id);
  assert.ok(surfaces(doc, john).includes('Mr Smith'));
  assert.ok(!surfaces(doc, mary).includes('Mr Smith'));
});

test('a title + name is one mention of the person, and the surname alone joins it', () => {
  const doc = run('Secretary General Anna Berg spoke in Paris. Berg said the allies agreed.');
  const berg = byName(doc, 'Anna Berg');
  assert.ok(berg);
  assert.deepEqual(surfaces(doc, berg).slice(0, 2), ['Secretary General Anna Berg', 'Berg']);
  assert.equal(berg.code, 'IGONAT');
  assert.equal(berg.role, 'NATO Secretary General');
  assert.equal(berg.key, 'person:anna-berg');
});

test('"he" goes to the nearest male antecedent; "she" with no female antecedent stays unresolved', () => {
  const doc = run('John Smith arrived on Monday. He said the talks went well. She said nothing.');
  const smith = byName(doc, 'John Smith');
  assert.ok(surfaces(doc, smith).includes('He'));
  assert.equal(entityOf(doc, 'She'), undefined);
});

test('"she" resolves to a female antecedent, preferring the subject', () => {
  const doc = run('Mary Jones met John Brown on Monday. She said the meeting was useful.');
  assert.equal(entityOf(doc, 'She')?.name, 'Mary Jones');
});

test('pleonastic "it" is not a mention; referential "it" goes to the organisation', () => {
  const doc = run('NATO met on Monday. It is too soon to say. NATO said it would act.');
  assert.equal(entityOf(doc, 'It'), undefined);
  assert.equal(entityOf(doc, 'it')?.code, 'IGONAT');
});

test('"the alliance" refers back to NATO; "the country" needs a country', () => {
  const doc = run('NATO met in Brussels. The alliance agreed. The country was not named.');
  assert.equal(entityOf(doc, 'The alliance')?.code, 'IGONAT');
  assert.equal(entityOf(doc, 'The country'), undefined);
});

test('a role description goes to the person holding the role at the reference date', () => {
  const text = 'The move will placate the US president. Donald Trump called for more spending.';
  const in2020 = run(text, '2020-02-12');
  assert.equal(entityOf(in2020, 'the US president')?.name, 'Donald Trump');
  const in2015 = run(text, '2015-02-12');
  assert.notEqual(entityOf(in2015, 'the US president')?.name, 'Donald Trump');
});

test('"the alliance chief" is the alliance’s leader, not another person', () => {
  const doc = run('NATO met. Secretary General Anna Berg spoke. John Smith listened. The plan is ready, according to the alliance chief.');
  assert.equal(entityOf(doc, 'the alliance chief')?.name, 'Anna Berg');
});

test('a capital acting as an agent is its country’s government; in a locative it is the city', () => {
  const doc = run('They need a green light from Baghdad. Baghdad said no. Talks were held in Baghdad.');
  const iraq = entityOf(doc, 'Baghdad', 1);
  assert.equal(iraq?.code, 'IRQ');
  const m = iraq!.mentions.find((x) => doc.text.slice(x.start, x.end) === 'Baghdad');
  assert.equal(m?.code, 'IRQGOV');
  const place = entityOf(doc, 'Baghdad', 3);
  assert.equal(place?.type, 'GPE');
  assert.equal(place?.geo?.geonameid, 98182);
});

test('agents combine with the country of a possessor or demonym', () => {
  const doc = run('Iraq rejected the plan. The country’s parliament voted. Iraqi troops left. A top Iranian military commander died.');
  assert.equal(entityOf(doc, 'The country’s parliament')?.code, 'IRQLEG');
  assert.equal(entityOf(doc, 'The country')?.code, 'IRQ');
  assert.equal(entityOf(doc, 'Iraqi troops')?.code, 'IRQMIL');
  assert.equal(entityOf(doc, 'Iranian military commander')?.code, 'IRNMIL');
});

test('an agent without a country does not become an actor', () => {
  const doc = run('The parliament voted on Monday. Foreign troops left.');
  assert.equal(doc.entities.length, 0);
});

test('"the Iraqi government" is a mention of Iraq with the code IRQGOV', () => {
  const doc = run('NATO works with the Iraqi government.');
  const iraq = entityOf(doc, 'the Iraqi government');
  assert.equal(iraq?.code, 'IRQ');
  assert.equal(iraq?.mentions.find((m) => doc.text.slice(m.start, m.end) === 'the Iraqi government')?.code, 'IRQGOV');
});

test('geocoding prefers a city in the document’s countries, else the most populous', () => {
  const france = run('Talks in Paris ended on Monday.');
  assert.equal(entityOf(france, 'Paris')?.geo?.geonameid, 2988507);
  const texas = run('The United States sent aid. Officials in Paris said the storm passed.');
  assert.equal(entityOf(texas, 'Paris')?.geo?.geonameid, 4717560);
});

test('an apposition gives a person a title and affiliation, used by later role descriptions', () => {
  const doc = run('Mark Smith, the Dutch prime minister, arrived. Officials met the Dutch prime minister later.');
  const smith = byName(doc, 'Mark Smith');
  assert.equal(smith?.code, 'NLDGOV');
  assert.ok(surfaces(doc, smith).includes('the Dutch prime minister'));
  assert.equal(entityOf(doc, 'the Dutch prime minister', 2)?.name, 'Mark Smith');
});

test('an apposition without a title is not a role', () => {
  const doc = run('Mark Smith, a resident of Paris, arrived.');
  assert.equal(byName(doc, 'Mark Smith')?.code, undefined);
  assert.equal(byName(doc, 'Mark Smith')?.role, undefined);
});

test('a titled surname is the dictionary person whose dated role matches the title', () => {
  const in2020 = run('President Trump spoke on Monday.', '2020-02-12');
  assert.equal(byName(in2020, 'Trump')?.code, 'USAGOV');
  const in2015 = run('President Trump spoke on Monday.', '2015-02-12');
  assert.notEqual(byName(in2015, 'Trump')?.code, 'USAGOV');
});

test('a list of titled names is not an apposition', () => {
  const doc = run('Anna Berg, Dutch prime minister Mark Smith and others met.');
  assert.equal(byName(doc, 'Anna Berg')?.role, 'NATO Secretary General');
  assert.ok(!surfaces(doc, byName(doc, 'Anna Berg')).some((s) => /prime minister/.test(s)));
});

test('a pronoun fixes an unknown gender: after "he", the same person is no antecedent for "she"', () => {
  const unknown = run('Dr Robin Quist arrived on Monday. She said the talks went well.');
  assert.equal(entityOf(unknown, 'She')?.name, 'Robin Quist');
  const shown = run('Dr Robin Quist arrived on Monday. He said the talks went well. She left.');
  assert.equal(entityOf(shown, 'He')?.name, 'Robin Quist');
  assert.equal(entityOf(shown, 'She'), undefined);
});

test('"they" takes a group: a name modifying a plural noun, not a bare organisation', () => {
  const group = run('NATO allies will act if they get approval.');
  assert.equal(entityOf(group, 'they')?.code, 'IGONAT');
  const bare = run('NATO will act if they get approval.');
  assert.equal(entityOf(bare, 'they'), undefined);
});

test('titles and generational suffixes are not part of the name used for matching', () => {
  const doc = run('John Smith Jr. arrived. Later, Dr John Smith spoke. Smith left.');
  const people = doc.entities.filter((e) => e.type === 'PERSON');
  assert.equal(people.length, 1);
  assert.equal(people[0]!.mentions.length, 3);
});

test('a given name followed by an organisation word is not a person', () => {
  const doc = run('John Hopkins University said on Monday that the tests were ready.');
  assert.ok(!doc.entities.some((e) => e.type === 'PERSON'));
});
