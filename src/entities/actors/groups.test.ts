import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Document, Entity } from '../../core/document.ts';
import { createEntitiesStage } from '../stage.ts';
import { city, makeDoc, smallGazetteer } from '../testing.ts';

const AGENTS = ['WOMAN {WOMEN} [~CVL]', 'PROTESTER [~OPP]', 'RESIDENT [~CVL]', 'VILLAGER [~CVL]', 'PEOPLE [~PPL]', 'STUDENT [~EDU]', 'TROOP [~MIL]'].join('\n');
const CITIES = [city('Belgrade', 'SRB', 1273651, 44.8, 20.47, 792680, 'PPLC'), city('Idlib', 'SYR', 128840, 35.93, 36.63, 169388, 'PPLA')];
const stage = createEntitiesStage({ gazetteer: smallGazetteer({ agents: AGENTS, cities: CITIES }), recognizer: null });

function run(text: string): Document {
  return stage.run(makeDoc(text, '2020-06-01'), { options: {} });
}

function entityAt(doc: Document, surface: string): Entity | undefined {
  const i = doc.text.indexOf(surface);
  return doc.entities.find((e) => e.mentions.some((m) => m.start === i && m.end === i + surface.length));
}

test('a group noun with "in/of <place>" is an actor of the place’s country and the agent’s sector', () => {
  const doc = run('Police clashed with protesters in Belgrade. The residents of Idlib fled.');
  assert.equal(entityAt(doc, 'protesters in Belgrade')?.code, 'SRBOPP');
  assert.equal(entityAt(doc, 'The residents of Idlib')?.code, 'SYRCVL');
  assert.equal(entityAt(doc, 'Belgrade')?.type, 'GPE', 'the place stays a place mention');
});

test('"people" (no CAMEO sector) get the country alone, and a key of their own', () => {
  const doc = run('Hundreds of thousands of people marched in Hong Kong on Sunday.');
  const people = entityAt(doc, 'people');
  assert.equal(people?.code, 'HKG');
  assert.notEqual(people?.key, entityAt(doc, 'Hong Kong')?.key);
});

test('no place, a non-place complement or another clause: no group actor', () => {
  assert.equal(entityAt(run('Many people died.'), 'people'), undefined);
  assert.equal(entityAt(run('Protesters in the square shouted.'), 'Protesters in the square'), undefined);
  assert.equal(entityAt(run('People gathered, and police fired in Belgrade.'), 'People'), undefined);
  // Other nouns of a group sector are not placed by their complement.
  assert.equal(entityAt(run('Women in Belgrade voted.'), 'Women in Belgrade'), undefined);
});

test('a place after the comma decides between namesakes ("Idlib, Serbia" is placed in Serbia)', () => {
  const doc = run('A resident of Idlib, Serbia spoke.');
  assert.equal(entityAt(doc, 'A resident of Idlib')?.code ?? entityAt(doc, 'resident of Idlib')?.code, 'SRBCVL');
});

test('a country modifier still wins over the place ("Serbian protesters in Idlib")', () => {
  const doc = run('Serbian protesters in Idlib shouted.');
  assert.equal(entityAt(doc, 'Serbian protesters')?.code, 'SRBOPP');
});
