import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deepFreeze, type Document } from '../core/document.ts';
import { createEntitiesStage } from './stage.ts';
import { city, makeDoc, smallGazetteer } from './testing.ts';

const gaz = smallGazetteer({
  actors: ['NATO_ [IGONAT]', 'ISLAMIC_STATE_ # type: ORG', '\t[IMGMUSISI]'].join('\n'),
  agents: 'TROOP [~MIL]',
  cities: [city('Brussels', 'BEL', 1019022, 50.85, 4.35, 2800866, 'PPLC'), city('Brussels', 'USA', 1110, 44.7, -87.6, 4833850)],
});
const stage = createEntitiesStage({ gazetteer: gaz, recognizer: null });

function withDateline(doc: Document, place: string, country: string): Document {
  return deepFreeze({ ...doc, meta: { ...doc.meta, dateline: { start: 0, end: place.length + 1, place, country, agencies: [] } } });
}

test('the dateline place is an entity with a mention at its span and coordinates', () => {
  const text = 'Brussels – NATO allies plan to train Iraqi troops.';
  const base = makeDoc(text, '2020-02-12');
  // The tokenizer stage leaves the dateline out of the sentences; so does this test document.
  const from = text.indexOf('NATO');
  const tokens = base.tokens.filter((t) => t.start >= from);
  const body = deepFreeze({ ...base, tokens, sentences: [{ start: from, end: text.length, tokenStart: 0, tokenEnd: tokens.length }] });
  const doc = stage.run(withDateline(body, 'Brussels', 'BEL'), { options: {} });
  assert.equal(doc.entities.filter((e) => e.country === 'BEL').length, 1);
  const brussels = doc.entities.find((e) => e.mentions.some((m) => m.start === 0 && m.end === 8));
  assert.ok(brussels);
  assert.equal(brussels.country, 'BEL');
  assert.equal(brussels.geo?.geonameid, 2800866);
  assert.equal(brussels.key, 'geo:2800866');
});

test('output contract: ids in order of first mention, source, keys, offsets inside the text', () => {
  const doc = stage.run(makeDoc('NATO troops fought the Islamic State in Iraq. Iraqi troops helped NATO.', '2020-02-12'), { options: {} });
  assert.deepEqual(doc.entities.map((e) => e.id), doc.entities.map((_, i) => `e${i + 1}`));
  const firsts = doc.entities.map((e) => Math.min(...e.mentions.map((m) => m.start)));
  assert.deepEqual(firsts, [...firsts].sort((a, b) => a - b));
  for (const e of doc.entities) {
    assert.equal(e.source, 'entities@2');
    assert.ok(e.key && e.key.length > 0);
    for (const m of e.mentions) assert.ok(m.start >= 0 && m.end <= doc.text.length && m.start < m.end);
  }
  const keys = Object.fromEntries(doc.entities.map((e) => [e.name, e.key]));
  assert.equal(keys['NATO'], 'IGONAT');
  assert.equal(keys['Iraq'], 'IRQ');
  assert.equal(keys['Iraqi troops'], 'IRQMIL');
  assert.equal(keys['Islamic State'], 'org:islamic-state');
});

test('a document without tokens yields no entities and does not throw', () => {
  const doc = stage.run(makeDoc(''), { options: {} });
  assert.deepEqual(doc.entities, []);
});

test('property: any text yields mentions inside the text and never throws', async () => {
  const fc = await import('fast-check');
  const words = ['NATO', 'Iraq', 'Iraqi', 'troops', 'the', 'alliance', 'he', 'she', 'it', 'they', 'Smith', 'John', 'said', ',', '.', "'s", 'Baghdad', 'in', 'from', 'parliament', 'country', 'US', 'president', '“', '”', 'Mr'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words), { maxLength: 40 }), (ws) => {
      const text = ws.join(' ');
      const doc = stage.run(makeDoc(text, '2020-02-12'), { options: {} });
      for (const e of doc.entities) {
        assert.ok(e.mentions.length > 0);
        for (const m of e.mentions) assert.ok(m.start >= 0 && m.end <= text.length && m.start < m.end);
      }
    }),
    { numRuns: 200 },
  );
});
