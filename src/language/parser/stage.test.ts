import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDocument, withLayers, type Sentence, type Token } from '../../core/document.ts';
import { parseStage } from './stage.ts';
import { loadParser } from './io.ts';

/** A document with hand-made tokens (with tags) and sentences, as the tokenizer and tagger would leave it. */
function makeDoc(sentences: readonly (readonly [string, string, string][])[]): ReturnType<typeof createDocument> {
  let text = '';
  const tokens: Token[] = [];
  const sents: Sentence[] = [];
  sentences.forEach((words, si) => {
    if (si > 0) text += ' ';
    const start = text.length;
    const tokenStart = tokens.length;
    words.forEach(([form, upos, xpos], i) => {
      if (i > 0) text += ' ';
      tokens.push({ start: text.length, end: text.length + form.length, upos, xpos, sentence: si });
      text += form;
    });
    sents.push({ start, end: text.length, tokenStart, tokenEnd: tokens.length });
  });
  const doc = createDocument({ id: 't', text, meta: { referenceBasis: 'none' } });
  return withLayers(doc, { sentences: sents, tokens });
}

test('the parse stage fills heads and relations per sentence, with the verb as root', () => {
  const doc = makeDoc([
    [
      ['The', 'DET', 'DT'],
      ['minister', 'NOUN', 'NN'],
      ['signed', 'VERB', 'VBD'],
      ['the', 'DET', 'DT'],
      ['agreement', 'NOUN', 'NN'],
      ['on', 'ADP', 'IN'],
      ['Monday', 'PROPN', 'NNP'],
      ['.', 'PUNCT', '.'],
    ],
    [
      ['Troops', 'NOUN', 'NNS'],
      ['will', 'AUX', 'MD'],
      ['leave', 'VERB', 'VB'],
      ['.', 'PUNCT', '.'],
    ],
  ]);
  const out = parseStage.run(doc, { options: {} });
  assert.notEqual(out, doc);
  assert.equal(doc.tokens[0]!.head, undefined, 'input document is not changed');
  const [a, b] = [out.tokens.slice(0, 8), out.tokens.slice(8)];
  for (const sent of [a, b]) {
    assert.equal(sent.filter((t) => t.head === 0).length, 1);
    for (const t of sent) {
      assert.ok(t.head !== undefined && t.head >= 0 && t.head <= sent.length);
      assert.ok(typeof t.deprel === 'string' && t.deprel.length > 0);
    }
  }
  assert.equal(a[2]!.head, 0);
  assert.equal(a[2]!.deprel, 'root');
  assert.equal(a[1]!.head, 3);
  assert.equal(a[1]!.deprel, 'nsubj');
  assert.equal(a[4]!.head, 3);
  assert.equal(a[4]!.deprel, 'obj');
  assert.equal(a[0]!.head, 2);
  assert.equal(a[0]!.deprel, 'det');
  assert.equal(b[2]!.head, 0);
  assert.equal(b[0]!.deprel, 'nsubj');
  assert.equal(b[1]!.deprel, 'aux');
  // Offsets and tags survive.
  assert.equal(out.tokens[5]!.upos, 'ADP');
  assert.equal(out.text.slice(out.tokens[6]!.start, out.tokens[6]!.end), 'Monday');
});

test('the parse stage leaves a document without tokens alone', () => {
  const doc = createDocument({ id: 'e', text: 'x', meta: { referenceBasis: 'none' } });
  assert.equal(parseStage.run(doc, { options: {} }), doc);
});

test('the loaded model is shared and parses untagged words too', () => {
  const p = loadParser();
  assert.equal(loadParser(), p);
  const r = p.parse(['Police', 'arrested', 'two', 'men', '.']);
  assert.equal(r.head.filter((h) => h === 0).length, 1);
});
