import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Document, Entity } from '../../core/document.ts';
import { createEntitiesStage } from '../stage.ts';
import { nerCandidates } from '../recognize/candidates.ts';
import { sentenceWords } from '../words.ts';
import { makeDoc, smallGazetteer } from '../testing.ts';
import type { DocumentRecognizer } from '../recognize/ner-adapter.ts';

// A namesake listed for another country: the stated country must win over it.
const ACTORS = ['HASSAN_ # type: PERSON # gender: m', '\t[JORELI]', 'ANNA_BERG_ # type: PERSON # gender: f', '\t[SWEGOV 20100101-20301231] # role: Prime Minister of Sweden'].join('\n');
const gaz = smallGazetteer({ actors: ACTORS });
const stage = createEntitiesStage({ gazetteer: gaz, recognizer: null });

function run(text: string, recognizer: DocumentRecognizer | null = null): Document {
  const s = recognizer ? createEntitiesStage({ gazetteer: gaz, recognizer }) : stage;
  return s.run(makeDoc(text, '2020-06-01'), { options: {} });
}

function entityOf(doc: Document, surface: string): Entity | undefined {
  const i = doc.text.indexOf(surface);
  return doc.entities.find((e) => e.mentions.some((m) => m.start <= i && i + surface.length <= m.end && doc.text.slice(m.start, m.end).includes(surface)));
}

/** A recognizer that tags the given word runs (by their first word) as PERSON. */
function fakeNer(spans: readonly string[]): DocumentRecognizer {
  return {
    recognizeDocument: (sentences) =>
      sentences.map((words) => {
        const out: { start: number; end: number; type: 'PERSON'; confidence: number }[] = [];
        for (const span of spans) {
          const parts = span.split(' ');
          for (let i = 0; i + parts.length <= words.length; i++) {
            if (parts.every((p, k) => words[i + k] === p)) out.push({ start: i, end: i + parts.length, type: 'PERSON', confidence: 0.9 });
          }
        }
        return out;
      }),
  };
}

test('"President of Argentina X Y": the person is X Y, coded by the title and the stated country', () => {
  const doc = run('President of Argentina Alberto Fernández announced new measures. He said the plan would work.');
  const p = entityOf(doc, 'Alberto Fernández');
  assert.equal(p?.name, 'Alberto Fernández');
  assert.equal(p?.type, 'PERSON');
  assert.equal(p?.code, 'ARGGOV');
  assert.ok(doc.entities.some((e) => e.code === 'ARG' && e.mentions.some((m) => doc.text.slice(m.start, m.end) === 'Argentina')));
  assert.equal(entityOf(doc, 'He'), p, 'the pronoun joins the person');
});

test('a NER span that swallowed the title’s country is cut after the country', () => {
  const doc = run('President of Argentina Alberto Fernández announced new measures.', fakeNer(['Argentina Alberto Fernández']));
  const p = entityOf(doc, 'Alberto Fernández');
  assert.equal(p?.name, 'Alberto Fernández');
  assert.equal(p?.code, 'ARGGOV');
  assert.ok(doc.entities.some((e) => e.type === 'GPE' && e.code === 'ARG'));
});

test('the span is kept when the words before "of" are not a title', () => {
  const text = 'A friend of Argentina Alberto Fernández said so.';
  const doc = makeDoc(text, '2020-06-01');
  const view = { index: 0, words: sentenceWords(doc, 0), keys: sentenceWords(doc, 0).map((w) => w.key) };
  const [c] = nerCandidates(view, [{ start: 3, end: 6, type: 'PERSON', confidence: 0.9 }], gaz);
  assert.equal(text.slice(c!.start, c!.end), 'Argentina Alberto Fernández');
});

test('"King X of <country>": the stated country beats a dictionary namesake of another country', () => {
  const doc = run('King Hassan of Morocco met the press. He said peace was near.');
  const p = entityOf(doc, 'Hassan');
  assert.equal(p?.code, 'MARGOV');
  assert.equal(p?.country, 'MAR');
  assert.equal(entityOf(doc, 'He')?.code, 'MARGOV', 'the pronoun inherits the stated country');
});

test('without a stated country the dictionary namesake keeps its code; a same-country statement keeps the record', () => {
  assert.equal(entityOf(run('King Hassan met the press.'), 'Hassan')?.code, 'JORELI');
  const doc = run('Prime Minister of Sweden Anna Berg met the press.');
  assert.equal(entityOf(doc, 'Anna Berg')?.code, 'SWEGOV');
  assert.equal(entityOf(doc, 'Anna Berg')?.role, 'Prime Minister of Sweden');
});

test('"X of <organisation>" without a country or a title is not a stated country', () => {
  const doc = run('Researcher Kristian Andersen of Scripps Research said so.');
  const p = entityOf(doc, 'Kristian Andersen');
  assert.equal(p?.country, undefined);
});

test('a title alone is no person, even with a stated country after it', () => {
  const doc = run('Anna Berg, the Governor General of Canada, dissolved parliament.');
  assert.ok(!doc.entities.some((e) => e.type === 'PERSON' && e.name === 'General'));
});
