import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Document, Entity, EntityType } from '../../core/document.ts';
import { createEntitiesStage } from '../stage.ts';
import { city, makeDoc, smallGazetteer } from '../testing.ts';
import type { DocumentRecognizer } from './ner-adapter.ts';
import { editDistance, fuzzyPerson, fuzzyPlace } from './fuzzy.ts';

const ACTORS = [
  'FRANCOIS_MITTERRAND_ # type: PERSON # gender: m',
  '\t[FRAGOV 19810521-19950517]',
  '\t[FRAELI]',
  'FREDERIC_MITTERRAND_ # type: PERSON # gender: m',
  '\t[FRAGOV 20090623-20120516]',
  'JOSE_EDUARDO_DOS_SANTOS_ # type: PERSON # gender: m',
  '\t[AGOGOV 19790910-20170926]',
  'BORIS_JOHNSON_ # type: PERSON # gender: m',
  '\t[GBRGOV 20190724-20220906]',
].join('\n');
const CITIES = [
  city('Kathmandu', 'NPL', 1442271, 27.7, 85.32, 1283240, 'PPLC'),
  city('Kathmandu', 'USA', 2000, 40.0, -80.0, 999001),
];
const gaz = smallGazetteer({ actors: ACTORS, cities: CITIES });

/** A recognizer that tags the given word runs with a type and a confidence. */
function fakeNer(spans: readonly [string, EntityType, number][]): DocumentRecognizer {
  return {
    recognizeDocument: (sentences) =>
      sentences.map((words) => {
        const out: { start: number; end: number; type: EntityType; confidence: number }[] = [];
        for (const [span, type, confidence] of spans) {
          const parts = span.split(' ');
          for (let i = 0; i + parts.length <= words.length; i++) {
            if (parts.every((p, k) => words[i + k] === p)) out.push({ start: i, end: i + parts.length, type, confidence });
          }
        }
        return out;
      }),
  };
}

function run(text: string, spans: readonly [string, EntityType, number][], date = '1990-06-01'): Document {
  return createEntitiesStage({ gazetteer: gaz, recognizer: fakeNer(spans) }).run(makeDoc(text, date), { options: {} });
}

function entityAt(doc: Document, surface: string, last = false): Entity | undefined {
  const i = last ? doc.text.lastIndexOf(surface) : doc.text.indexOf(surface);
  return doc.entities.find((e) => e.mentions.some((m) => m.start === i && m.end === i + surface.length));
}

test('edit distance counts adjacent transpositions once and stops past the bound', () => {
  assert.equal(editDistance('MITTERAND', 'MITTERRAND', 2), 1);
  assert.equal(editDistance('KHATMANDU', 'KATHMANDU', 2), 2);
  assert.equal(editDistance('BAGDHAD', 'BAGHDAD', 2), 1);
  assert.equal(editDistance('BELGIUM', 'BAGHDAD', 2), 3);
});

test('a place name the model is unsure of, near one gazetteer place, becomes that place', () => {
  const doc = run('Officials in Khatmandu said on Monday.', [['Khatmandu', 'PERSON', 0.5]]);
  const e = entityAt(doc, 'Khatmandu');
  assert.equal(e?.type, 'GPE');
  assert.equal(e?.country, 'NPL');
});

test('no place correction for a confident person, outside a place context, for a person’s name or a known word', () => {
  assert.equal(entityAt(run('Officials in Khatmandu said so.', [['Khatmandu', 'PERSON', 0.95]]), 'Khatmandu')?.type, 'PERSON');
  assert.equal(entityAt(run('Khatmandu said so.', [['Khatmandu', 'PERSON', 0.5]]), 'Khatmandu')?.type, 'PERSON', 'no locative context');
  const named = run('Ann Khatmandu arrived. Officials in Khatmandu said so.', [['Ann Khatmandu', 'PERSON', 0.9], ['Khatmandu', 'PERSON', 0.5]]);
  assert.equal(entityAt(named, 'Khatmandu', true)?.type, 'PERSON', 'the surname of a person named in the document');
  assert.equal(fuzzyPlace(gaz, 'Kathmandu'), undefined, 'an exact name is not a misspelling');
  assert.equal(fuzzyPlace(gaz, 'Nigera'), undefined, 'Niger and Nigeria are both one edit away');
  assert.equal(fuzzyPlace(gaz, 'Nepl'), undefined, 'a word under six letters is never corrected');
  assert.equal(fuzzyPlace(gaz, 'Nepaal')?.kind, 'country');
  assert.equal(fuzzyPlace(gaz, 'hungry'), undefined, 'a common word, though one edit from Hungary');
  assert.equal(fuzzyPlace(gaz, 'Hungray')?.kind, 'country');
  assert.equal(fuzzyPlace(gaz, 'Americans'), undefined, 'the plural of a demonym');
});

test('a misspelt dictionary surname joins the dictionary person when the match is unique', () => {
  const doc = run('President Mitterand met the press.', [['Mitterand', 'PERSON', 0.7]]);
  assert.equal(entityAt(doc, 'President Mitterand')?.code, 'FRAGOV');
  const dos = run('Jose Eduardo Dos Sontas spoke.', [['Jose Eduardo Dos Sontas', 'PERSON', 0.8]]);
  assert.equal(entityAt(dos, 'Jose Eduardo Dos Sontas')?.code, 'AGOGOV');
  assert.equal(fuzzyPerson(gaz, ['DOS', 'SONTAS'], '1990-06-01')?.primary, 'JOSE_EDUARDO_DOS_SANTOS_');
});

test('no person correction for short surnames, other given names or two namesakes in office', () => {
  assert.equal(fuzzyPerson(gaz, ['JOHNSTON'], '2020-01-01'), undefined, 'a bare surname needs 9 letters');
  assert.equal(fuzzyPerson(gaz, ['JANE', 'JOHNSTON'], '2020-01-01'), undefined, 'given names must agree');
  assert.equal(fuzzyPerson(gaz, ['BORIS', 'JOHNSTON'], '2020-01-01')?.primary, 'BORIS_JOHNSON_');
  // Outside both terms neither Mitterrand is in office: the bare surname stays unresolved.
  assert.equal(fuzzyPerson(gaz, ['MITTERAND'], '2000-01-01'), undefined);
  const sure = run('Jose Eduardo Dos Sontas spoke.', [['Jose Eduardo Dos Sontas', 'PERSON', 0.95]]);
  assert.equal(entityAt(sure, 'Jose Eduardo Dos Sontas')?.code, undefined, 'a confidently recognised full name is left as written');
  const doc = run('Mitterand spoke.', [['Mitterand', 'PERSON', 0.7]], '2000-01-01');
  assert.equal(entityAt(doc, 'Mitterand')?.code, undefined);
});
