import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Document, Entity } from '../core/document.ts';
import { createEntitiesStage } from './stage.ts';
import { makeDoc, smallGazetteer } from './testing.ts';

// The country's own dictionary record, as in Phoenix: its primary phrase is a known name.
const ACTORS = ['TURKEY_ [TUR]', '+ANKARA_', 'UNITED_STATES_OF_AMERICA_ [USA]', '+US_'].join('\n');
const stage = createEntitiesStage({ gazetteer: smallGazetteer({ actors: ACTORS }), recognizer: null });

function run(text: string): Document {
  return stage.run(makeDoc(text, '2020-06-01'), { options: {} });
}

function byCode(doc: Document, code: string): Entity | undefined {
  return doc.entities.find((e) => e.key === code);
}

test('a country is shown by the name the document uses most; the code and key do not change', () => {
  const doc = run('Turkey said on Monday that Turkey would act. Turkish troops moved.');
  const tur = byCode(doc, 'TUR');
  assert.equal(tur?.name, 'Turkey');
  assert.equal(tur?.key, 'TUR');
  const cze = byCode(run('The Czech Republic and Swaziland signed. The Czech Republic said so.'), 'CZE');
  assert.equal(cze?.name, 'Czech Republic');
  assert.equal(cze?.key, 'CZE');
  assert.equal(byCode(run('Burma and Macedonia signed.'), 'MMR')?.name, 'Burma');
});

test('the package name stays on a tie or when only acronyms, capitals or demonyms are used', () => {
  assert.equal(byCode(run('Türkiye said that Turkey would act.'), 'TUR')?.name, 'Türkiye');
  const us = byCode(run('The US said that the US and the United States would act.'), 'USA');
  assert.equal(us?.name, 'United States');
  const tur = byCode(run('Officials in Ankara spoke. Ankara said Turkish troops and Turkish planes moved.'), 'TUR');
  assert.equal(tur?.name, 'Türkiye');
  // "Saudi" is listed among Saudi Arabia's names but is the first word of its demonym.
  assert.equal(byCode(run('Saudi said that Saudi and Saudi Arabia would act.'), 'SAU')?.name, 'Saudi Arabia');
});
