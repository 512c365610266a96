import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../analyze.ts';

/** Quotes of a sentence through the real tagger and parser: [content, cue, speaker]. */
function quotes(text: string): [string, string | undefined, string | undefined][] {
  const d = analyze(text, { date: '2020-05-29' });
  const s = (x?: { start: number; end: number }): string | undefined => (x ? text.slice(x.start, x.end) : undefined);
  return d.quotes.map((q) => [text.slice(q.start, q.end), s(q.cue), s(q.speakerMention)]);
}

test('a reporting participle that modifies a noun is no cue', () => {
  assert.deepEqual(quotes('The total number of confirmed infections in the country surpassed one million on April 28.'), []);
  assert.deepEqual(quotes('The milestone came just under a month after the number of confirmed deaths doubled.'), []);
  // The same verb in its reporting use still counts.
  const got = quotes('Health officials confirmed the number of infections had doubled.');
  assert.equal(got.length, 1, JSON.stringify(got));
  assert.equal(got[0]![1], 'confirmed');
  assert.equal(got[0]![2], 'Health officials');
});

test('an inverted attribution after a comma stays a cue even where the parse reads it as a modifier', () => {
  const got = quotes('The death toll rose to 22 people on Monday, reported officials, with 25 others injured.');
  assert.equal(got.length, 1, JSON.stringify(got));
  assert.equal(got[0]![1], 'reported');
  assert.equal(got[0]![2], 'officials');
});

test('a figure after a reporting verb is its object, not a speaker or a reported clause', () => {
  assert.deepEqual(quotes('The United States had the highest number of deaths, with the next highest country, the United Kingdom, reporting 37,542 deaths as of Wednesday.'), []);
  const got = quotes('Police reported 12 people were killed in the attack.');
  assert.equal(got.length, 1, JSON.stringify(got));
  assert.equal(got[0]![0], '12 people were killed in the attack');
});
