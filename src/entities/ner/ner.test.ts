import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNer, NER_TYPES } from './index.ts';
import { fitCalibration } from './score.ts';
import { decodeBilou, encodeBilou, allowed, allowedEnd, NUM_LABELS, type NerSpan } from './labels.ts';
import { acronymDefinitions, documentConsistency, personSpan, spanBiasOf, type NerMention } from './recognizer.ts';
import { Gazetteer, GAZ_BIT } from './gazetteer.ts';
import { buildDocContext } from './features.ts';

const words = (s: string): string[] => s.split(' ');

test('the committed model finds a PERSON, an ORG and a GPE in a made-up sentence', () => {
  const ner = loadNer();
  const w = words('Maria Kowalski , the head of the World Health Organization , arrived in Madrid on Monday .');
  const found = ner.recognize(w);
  const got = found.map((m) => `${w.slice(m.start, m.end).join(' ')}/${m.type}`);
  assert.ok(got.includes('Maria Kowalski/PERSON'), got.join(', '));
  assert.ok(got.includes('World Health Organization/ORG'), got.join(', '));
  assert.ok(got.includes('Madrid/GPE'), got.join(', '));
  for (const m of found) {
    assert.ok(m.confidence > 0 && m.confidence < 1);
    assert.ok(m.start >= 0 && m.end <= w.length && m.start < m.end);
  }
});

test('a demonym is NORP and a plain sentence has no entities', () => {
  const ner = loadNer();
  const w = words('The Iranian delegation left early .');
  assert.deepEqual(
    ner.recognize(w).map((m) => m.type),
    ['NORP'],
  );
  assert.deepEqual(ner.recognize(words('it was raining and we stayed at home .')), []);
});

test('loadNer is lazy and returns the same instance', () => {
  assert.equal(loadNer(), loadNer());
});

test('no exceptions on empty input or odd tokens', () => {
  const ner = loadNer();
  assert.deepEqual(ner.recognize([]), []);
  const odd = ['', ' ', '\u0000', '🙂', 'x'.repeat(500), '---', 'ÄÖÜ', '\t', '123', 'U.S.', '"'];
  const out = ner.recognize(odd);
  for (const m of out) {
    assert.ok(NER_TYPES.includes(m.type));
    assert.ok(m.start >= 0 && m.end <= odd.length && m.start < m.end);
  }
  assert.deepEqual(ner.recognizeDocument([]), []);
  assert.equal(ner.recognizeDocument([[], odd]).length, 2);
  // POS of the wrong length is ignored rather than trusted.
  assert.doesNotThrow(() => ner.recognize(words('Anna met Bob .'), ['PROPN']));
});

test('BILOU encode/decode round-trips and respects the transition constraints', () => {
  const spans: NerSpan[] = [
    { start: 0, end: 2, type: 'PERSON' },
    { start: 3, end: 4, type: 'GPE' },
    { start: 5, end: 8, type: 'ORG' },
  ];
  const labels = encodeBilou(9, spans);
  assert.deepEqual(decodeBilou(labels), spans);
  for (let i = 0; i < labels.length; i++) {
    assert.ok(allowed(i === 0 ? -1 : labels[i - 1]!, labels[i]!), `transition at ${i}`);
  }
  assert.ok(allowedEnd(labels[labels.length - 1]!));
  // Every label sequence the decoder may see decodes to in-range, non-overlapping spans.
  const junk = Uint8Array.from({ length: 40 }, (_, i) => (i * 7) % NUM_LABELS);
  const decoded = decodeBilou(junk);
  for (let i = 0; i < decoded.length; i++) {
    const s = decoded[i]!;
    assert.ok(s.start < s.end && s.end <= junk.length);
    if (i > 0) assert.ok(decoded[i - 1]!.end <= s.start);
  }
  // Inside a span only I/L of the same type may follow B.
  assert.equal(allowed(1, 0), false);
  assert.equal(allowed(1, 2), true);
  assert.equal(allowed(1, 6), false);
});

test('the model output always decodes to well-formed BILOU sequences', () => {
  const ner = loadNer();
  const w = words('In New York , Acme Holdings Inc. and the Red Cross met Dr. Ada Lovelace of London University .');
  const out = ner.recognize(w);
  for (let i = 1; i < out.length; i++) assert.ok(out[i - 1]!.end <= out[i]!.start);
});

test('document pass: a name keeps one type and repeats of a tagged name are tagged', () => {
  const sents = [words('Lena Varga spoke first .'), words('Later Varga left .'), words('Lena Varga was tired .')];
  const found: NerMention[][] = [
    [{ start: 0, end: 2, type: 'PERSON', confidence: 0.9 }],
    [],
    [{ start: 0, end: 2, type: 'ORG', confidence: 0.4 }],
  ];
  const out = documentConsistency(sents, found);
  assert.equal(out[2]![0]!.type, 'PERSON');
  assert.deepEqual(
    out[1]!.map((m) => [m.start, m.end, m.type]),
    [[1, 2, 'PERSON']],
  );
  // Nothing is invented when nothing was found.
  assert.deepEqual(documentConsistency(sents, [[], [], []]), [[], [], []]);
});

test('gazetteer matches multi-word phrases and stops on prefixes', () => {
  const g = new Gazetteer();
  g.add('new york', GAZ_BIT.city);
  g.add('new york city', GAZ_BIT.city);
  g.add('york', GAZ_BIT.city);
  const m = g.match(['in', 'new', 'york', 'city']);
  assert.deepEqual(
    m.map((x) => [x.start, x.end]),
    [
      [1, 3],
      [1, 4],
      [2, 3],
    ],
  );
  assert.equal(g.lookup('new'), 0);
});

test('a hyphenated place adjective kept as one token is not a person', () => {
  const ner = loadNer();
  const w = words('Troops from the United States-led coalition arrived .');
  for (const m of ner.recognize(w)) {
    if (m.end - 1 === 4) assert.equal(m.type, 'GPE');
  }
});

test('document case context counts mid-sentence capitals but not headlines or sentence starts', () => {
  const ctx = buildDocContext([
    words('Storm Hits Harbor Town'),
    words('Rain fell on Harbor and the town .'),
    words('The harbor was closed .'),
  ]);
  assert.ok(ctx.capMid.has('harbor'));
  assert.ok(!ctx.capMid.has('storm'), 'headline words are not evidence');
  assert.ok(!ctx.capMid.has('rain'), 'sentence-initial capitals are not evidence');
  assert.ok(ctx.lower.has('harbor') && ctx.lower.has('town'));
});

test('person spans drop leading titles and split off "of <place>"', () => {
  const g = new Gazetteer();
  g.add('oregon', GAZ_BIT.state);
  const w = words('Senator Ron Wyden of Oregon said so');
  const m: NerMention = { start: 0, end: 5, type: 'PERSON', confidence: 0.8 };
  assert.deepEqual(
    personSpan(g, w, m).map((x) => [x.start, x.end, x.type]),
    [
      [1, 3, 'PERSON'],
      [4, 5, 'GPE'],
    ],
  );
  // "of" followed by something that is not a listed place stays inside the name.
  const w2 = words('Mary Queen of Scotsland');
  assert.deepEqual(
    personSpan(g, w2, { start: 0, end: 4, type: 'PERSON', confidence: 0.8 }).map((x) => [x.start, x.end]),
    [[0, 4]],
  );
  // A title phrase alone is not a person.
  assert.deepEqual(personSpan(g, words('Secretary of State'), { start: 0, end: 3, type: 'PERSON', confidence: 0.8 }), []);
  // Lower-case names (web text) are kept.
  assert.equal(personSpan(g, words('john smith'), { start: 0, end: 2, type: 'PERSON', confidence: 0.8 }).length, 1);
});

test('an acronym defined in parentheses names its long form and takes its type', () => {
  const g = new Gazetteer();
  g.add('new orleans', GAZ_BIT.city);
  // Initials match: the long form becomes one ORG (replacing the place found inside it).
  const w = words('the Housing Authority of New Orleans ( HANO ) said');
  const found: NerMention[] = [{ start: 4, end: 6, type: 'GPE', confidence: 0.9 }];
  assert.deepEqual(
    acronymDefinitions(g, w, found).map((x) => [x.start, x.end, x.type]),
    [
      [1, 6, 'ORG'],
      [7, 8, 'ORG'],
    ],
  );
  // Initials do not match: only a name the tagger found right before the parenthesis lends its type.
  const w2 = words('the World Conservation Union ( IUCN ) said');
  const prior: NerMention = { start: 1, end: 4, type: 'ORG', confidence: 0.8 };
  assert.deepEqual(
    acronymDefinitions(g, w2, [prior]).map((x) => [x.start, x.end, x.type]),
    [
      [1, 4, 'ORG'],
      [5, 6, 'ORG'],
    ],
  );
  assert.deepEqual(acronymDefinitions(g, w2, []), []);
  // A parenthesized word that is no acronym of the words before it adds nothing.
  assert.deepEqual(acronymDefinitions(g, words('prices rose sharply ( SEE ) again'), []), []);
});

test('span offsets from the model header go to the B and U labels of their type', () => {
  const meta = { format: 'x', bits: 20, version: '1', usesPos: false, calib: { a: 1, b: 0 } };
  assert.equal(spanBiasOf(meta), undefined);
  assert.equal(spanBiasOf({ ...meta, spanBias: NER_TYPES.map(() => 0) }), undefined);
  const b = spanBiasOf({ ...meta, spanBias: NER_TYPES.map((t) => (t === 'ORG' ? 5 : 0)) })!;
  const org = NER_TYPES.indexOf('ORG');
  assert.equal(b[1 + 4 * org], 5, 'B-ORG');
  assert.equal(b[2 + 4 * org], 0, 'I-ORG');
  assert.equal(b[4 + 4 * org], 5, 'U-ORG');
  assert.equal(b[0], 0, 'O');
  assert.throws(() => spanBiasOf({ ...meta, spanBias: NER_TYPES.map(() => Number.NaN) }));
});

test('fitCalibration: confidence rises with the margin and fits a separable sample', () => {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < 200; i++) {
    const x = (i - 100) / 10;
    xs.push(x);
    ys.push(x + Math.sin(i) * 2 > 0 ? 1 : 0);
  }
  const { a, b } = fitCalibration(xs, ys);
  assert.ok(a > 0, `slope ${a}`);
  const p = (x: number): number => 1 / (1 + Math.exp(-(a * x + b)));
  assert.ok(p(-8) < 0.1 && p(8) > 0.9, `${p(-8)} ${p(8)}`);
  assert.ok(Math.abs(p(0) - 0.5) < 0.2, `${p(0)}`);
});
