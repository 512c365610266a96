import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitSentences, tokenize } from './tokenize.ts';

const words = (s: string): string[] => tokenize(s).map((t) => s.slice(t.start, t.end));
const sentences = (s: string): string[] => splitSentences(s, tokenize(s)).map((x) => s.slice(x.start, x.end));

test('UD English tokenization conventions', () => {
  const cases: Array<[string, string[]]> = [
    ["I can't go.", ['I', 'ca', "n't", 'go', '.']],
    ['They won’t.', ['They', 'wo', 'n’t', '.']],
    ["NATO's mission", ['NATO', "'s", 'mission']],
    ['the alliance’s chief', ['the', 'alliance', '’s', 'chief']],
    ["the allies' plans", ['the', 'allies', "'", 'plans']],
    ['the 500-personnel-strong mission', ['the', '500-personnel-strong', 'mission']],
    ['in the U.S. and Feb. 12', ['in', 'the', 'U.S.', 'and', 'Feb.', '12']],
    ['Dr. Smith said', ['Dr.', 'Smith', 'said']],
    ['“agreed in principle,” he said', ['“', 'agreed', 'in', 'principle', ',', '”', 'he', 'said']],
    ['"Yes," she said.', ['"', 'Yes', ',', '"', 'she', 'said', '.']],
    ['State – taking', ['State', '–', 'taking']],
    ['word—word', ['word', '—', 'word']],
    ['see https://example.org/a?b=1, now', ['see', 'https://example.org/a?b=1', ',', 'now']],
    ['1,000.50 dollars', ['1,000.50', 'dollars']],
    ['on 2/12/2020 at', ['on', '2/12/2020', 'at']],
    ['$5 and 95%', ['$', '5', 'and', '95', '%']],
    ['(dpa/MIA)', ['(', 'dpa', '/', 'MIA', ')']],
    ['Wait...', ['Wait', '...']],
    ["we're here", ['we', "'re", 'here']],
  ];
  for (const [input, expected] of cases) assert.deepEqual(words(input), expected, input);
});

test('sentence splitting handles abbreviations, quotes and paragraphs', () => {
  assert.deepEqual(sentences('He met Dr. Smith. Then he left.'), ['He met Dr. Smith.', 'Then he left.']);
  assert.deepEqual(sentences('Talks began Feb. 12 in Paris. They ended.'), ['Talks began Feb. 12 in Paris.', 'They ended.']);
  assert.deepEqual(sentences('He lives in the U.S. The end.'), ['He lives in the U.S.', 'The end.']);
  assert.deepEqual(sentences('The U.S. Army said so.'), ['The U.S. Army said so.']);
  assert.deepEqual(sentences('“We stay,” he stressed. “Because we must.”'), ['“We stay,” he stressed.', '“Because we must.”']);
  assert.deepEqual(sentences('“Is it?” he asked.'), ['“Is it?” he asked.']);
  assert.deepEqual(sentences('Headline\n\nFirst para. Second.\n\nThird'), ['Headline', 'First para.', 'Second.', 'Third']);
  assert.deepEqual(sentences('A line that was\nwrapped mid-sentence.'), ['A line that was\nwrapped mid-sentence.']);
});

test('paragraph indexes count blank-line breaks', () => {
  const s = 'One. Two.\n\nThree.';
  const got = splitSentences(s, tokenize(s)).map((x) => x.paragraph);
  assert.deepEqual(got, [0, 0, 1]);
});

test('property: tokens are ordered, non-empty, non-whitespace spans inside the text', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), (s) => {
      const toks = tokenize(s);
      let last = 0;
      for (const t of toks) {
        assert.ok(t.start >= last && t.end > t.start && t.end <= s.length);
        assert.equal(s.slice(t.start, t.end).trim(), s.slice(t.start, t.end));
        last = t.end;
      }
      const sents = splitSentences(s, toks);
      const covered = sents.reduce((n, x) => n + (x.tokenEnd - x.tokenStart), 0);
      assert.equal(covered, toks.length);
    }),
    { numRuns: 300 },
  );
});
