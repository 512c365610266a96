import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDocument, withLayers, type Document, type Entity, type Timex } from '../core/document.ts';
import { extractQuotes } from './extract.ts';
import { findMarkedSpans } from './marks.ts';
import { quoteAt } from './index.ts';
import { quotesStage } from './stage.ts';

function doc(text: string, layers: { entities?: Entity[]; timexes?: Timex[] } = {}): Document {
  const d = createDocument({ id: 't', text, meta: { referenceBasis: 'option', referenceDate: '2020-02-12' } });
  return withLayers(d, layers);
}
const s = (text: string, span: { start: number; end: number } | undefined): string | undefined => (span ? text.slice(span.start, span.end) : undefined);
function run(text: string, layers: { entities?: Entity[]; timexes?: Timex[] } = {}) {
  const d = doc(text, layers);
  return extractQuotes(d, 'quotes@1').map((q) => ({ q, content: s(text, q), cue: s(text, q.cue), speaker: s(text, q.speakerMention) }));
}

// [input, expected content, kind, cue, speaker mention]
const POSITIVE: [string, string, string, string | undefined, string | undefined][] = [
  ['“We will stay,” Stoltenberg said.', 'We will stay,', 'direct', 'said', 'Stoltenberg'],
  ['"We will stay," said Detective Inspector Anna Berg.', 'We will stay,', 'direct', 'said', 'Detective Inspector Anna Berg'],
  ['‘We will stay,’ she added.', 'We will stay,', 'direct', 'added', 'she'],
  ['«Nous restons ici pour longtemps», a déclaré le ministre. Marie Curie said: «We stay here for a long time».', 'We stay here for a long time', 'direct', 'said', 'Marie Curie'],
  ['Der Minister Hans Weber said „we stay here for a long time“ today.', 'we stay here for a long time', 'direct', 'said', 'Der Minister Hans Weber'],
  ['The minister, Ana Lopez, said, "The budget will pass this week."', 'The budget will pass this week.', 'direct', 'said', 'Ana Lopez'],
  ['Prime Minister Jo Kim tweeted "We are with the families tonight."', 'We are with the families tonight.', 'direct', 'tweeted', 'Prime Minister Jo Kim'],
  ['– We will not leave the country, the general said.', 'We will not leave the country', 'direct', 'said', 'the general'],
  ['The ministers “agreed in principle to enhance the mission,” Secretary General Ola Berg announced on Wednesday.', 'agreed in principle to enhance the mission,', 'direct', 'announced', 'Secretary General Ola Berg'],
  ['Senator Dick Lane called it "a non-starter".', 'a non-starter', 'direct', 'called', 'Senator Dick Lane'],
  ['It is too soon to say whether the plan works, he added.', 'It is too soon to say whether the plan works', 'indirect', 'added', 'he'],
  ['Ambassador Kay Lin said on Tuesday that transferring troops would be satisfactory.', 'transferring troops would be satisfactory', 'indirect', 'said', 'Ambassador Kay Lin'],
  ['The mission will resume soon, according to the alliance chief.', 'The mission will resume soon', 'indirect', 'according to', 'the alliance chief'],
  ['According to police, a judicial inquiry was ordered.', 'a judicial inquiry was ordered', 'indirect', 'according to', 'police'],
  ['Prosecutor Ann Lee said the victims were "ripe and vulnerable to manipulation" and had been used.', 'the victims were "ripe and vulnerable to manipulation" and had been used', 'mixed', 'said', 'Prosecutor Ann Lee'],
  ['Anna Moi, a spokeswoman for the police, told CNN the lions were killed.', 'the lions were killed', 'indirect', 'told', 'Anna Moi'],
];

test('constructions: content, kind, cue and speaker', () => {
  for (const [text, content, kind, cue, speaker] of POSITIVE) {
    const found = run(text).find((r) => r.content === content);
    assert.ok(found, `no quote "${content}" in: ${text}\n got ${JSON.stringify(run(text).map((r) => r.content))}`);
    assert.equal(found.q.kind, kind, text);
    assert.equal(found.cue?.toLowerCase(), cue, text);
    assert.equal(found.speaker, speaker, text);
  }
});

// Scare quotes, names and titles are not quotations.
const NEGATIVE: string[] = [
  'The so-called "peace plan" was discussed in Brussels on Monday.',
  'Parliament voted to pass the "Reproductive Health Care Reform Bill 2019" yesterday.',
  'Van Biljon, often referred to as "The Lion Man", lived near Pretoria.',
  'The suspect is known only as \'Stefan W\' under privacy law.',
  'The film "Just Don\'t Tell Anyone" was released on Saturday.',
  'The risk was raised from "moderate" to "high" on Monday.',
  'He was working on a travelator — a moving walkway — at the station.',
  'The lions\' area was closed and the workers\' union didn\'t comment.',
];

test('negative cases: no quotation', () => {
  for (const text of NEGATIVE) assert.deepEqual(run(text).map((r) => r.content), [], text);
});

test('continuation: a quote with no cue right after a quote of a known speaker', () => {
  const text = '“NATO is in Iraq on invitation,” Stoltenberg stressed. “Because NATO respects sovereignty.”';
  const rs = run(text);
  assert.equal(rs.length, 2);
  assert.equal(rs[1]!.content, 'Because NATO respects sovereignty.');
  assert.equal(rs[1]!.q.continuation, true);
  assert.equal(rs[1]!.speaker, 'Stoltenberg');
  assert.equal(rs[1]!.q.cue, undefined);
});

test('paragraph-open convention: one quote over two paragraphs', () => {
  const text = 'The mayor said: “We have done all we could for the city.\n\n“Now it is up to the council to decide.”';
  const rs = run(text);
  assert.equal(rs.length, 1);
  assert.ok(rs[0]!.content!.startsWith('We have done') && rs[0]!.content!.endsWith('decide.'));
  assert.equal(rs[0]!.speaker, 'The mayor');
});

test('unbalanced marks never throw and give low confidence', () => {
  const text = 'The mayor said, "we will rebuild the whole city and its schools.\n\nNo one else commented.';
  const rs = run(text);
  assert.equal(rs.length, 1);
  assert.ok(rs[0]!.q.confidence! <= 0.6);
  for (const t of ['"', '“', '”', '" "', '«', "'", '„x', 'said', ', he said.', '"a" "b" "c']) assert.doesNotThrow(() => run(t));
});

test('anonymous sources keep their description', () => {
  for (const [text, mention] of [
    ['The plan is not popular among allies, a diplomat said on condition of anonymity.', 'a diplomat'],
    ['Local officials said 24 people have been hospitalised.', 'Local officials'],
  ] as const) {
    const r = run(text)[0]!;
    assert.equal(r.speaker, mention);
    assert.equal(r.q.anonymous, true, text);
  }
  const named = run('Health Minister Lu Ming said the hospital is full.')[0]!;
  assert.equal(named.q.anonymous, undefined);
});

test('speaker entity from the entities layer, pronoun through coreference', () => {
  const text = 'Jens Stoltenberg met the ministers. It is too soon to decide, he added.';
  const he = text.indexOf('he added');
  const ent: Entity = { id: 'e1', name: 'Jens Stoltenberg', type: 'PERSON', mentions: [{ start: 0, end: 16, kind: 'name' }, { start: he, end: he + 2, kind: 'pronoun' }] };
  const org: Entity = { id: 'e2', name: 'NATO', type: 'ORG', mentions: [{ start: 20, end: 23, kind: 'name' }] };
  const r = run(text, { entities: [org, ent] })[0]!;
  assert.equal(r.q.speaker, 'e1');
  assert.equal(run(text)[0]!.q.speaker, undefined);
});

test('date from a timex at the cue, else the reference date', () => {
  const text = 'Kay Lin said on Tuesday that the troops would stay. Ola Berg said the troops would go.';
  const tue = text.indexOf('Tuesday');
  const timexes: Timex[] = [{ id: 't1', start: tue, end: tue + 7, type: 'DATE', value: '2020-02-11' }];
  const rs = run(text, { timexes });
  assert.equal(rs[0]!.q.date, '2020-02-11');
  assert.equal(rs[1]!.q.date, '2020-02-12');
});

test('marks: apostrophes are not quotation marks; nested single quotes stay inside', () => {
  const text = 'Zoe said "it felt like \'am I going to die?\'" and didn\'t stop.';
  const spans = findMarkedSpans(text).map((m) => text.slice(m.start, m.end));
  assert.deepEqual(spans, ["it felt like 'am I going to die?'"]);
});

test('quoteAt finds the innermost quote at an offset; the stage fills the layer', () => {
  const text = '“We will stay,” Stoltenberg said. Nothing else happened.';
  const d = quotesStage.run(doc(text), { options: {} });
  assert.equal(d.quotes.length, 1);
  assert.equal(d.quotes[0]!.source, 'quotes@3');
  assert.equal(quoteAt(d, text.indexOf('stay'))?.id, 'q1');
  assert.equal(quoteAt(d, text.indexOf('Nothing')), undefined);
});

test('offsets stay inside the text for arbitrary input', () => {
  const pieces = ['"', '“', '”', ' said ', ', ', 'he', 'according to ', 'X', '.', '\n\n', '‘', '’', ' – ', 'officials'];
  let seed = 7;
  for (let n = 0; n < 300; n++) {
    let t = '';
    for (let i = 0; i < 12; i++) { seed = (seed * 1103515245 + 12345) % 2147483648; t += pieces[seed % pieces.length]; }
    for (const q of extractQuotes(doc(t), 'quotes@1')) {
      assert.ok(q.start >= 0 && q.end <= t.length && q.start <= q.end, t);
      if (q.speakerMention) assert.ok(q.speakerMention.start >= 0 && q.speakerMention.end <= t.length, t);
    }
  }
});
