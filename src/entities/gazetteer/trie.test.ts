import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PhraseTrie } from './trie.ts';
import { phraseWords } from './tabari.ts';

test('phrases added after a first word was looked up are still found, in insertion order', () => {
  const t = new PhraseTrie<string>();
  t.add(['NEW', 'YORK'], 'a');
  t.add(['NEW'], 'b');
  assert.deepEqual(t.get(['NEW', 'YORK']), ['a']);
  // The subtree of NEW is built now; later additions go straight into it.
  t.add(['NEW', 'YORK'], 'c');
  t.add(['NEW', 'YORK', 'CITY'], 'd');
  const keys = ['IN', 'NEW', 'YORK', 'CITY', 'TODAY'];
  assert.deepEqual(
    t.matchesAt(keys, 1).map((m) => [m.end, [...m.values]]),
    [
      [4, ['d']],
      [3, ['a', 'c']],
      [2, ['b']],
    ],
  );
  assert.deepEqual(t.matchesAt(keys, 0), []);
  assert.deepEqual(t.matchesAt(keys, 5), []);
  assert.equal(t.size, 4);
});

test('accept stops a match at the first refused word, including the first one', () => {
  const t = new PhraseTrie<number>();
  t.add(['A', 'B', 'C'], 1);
  t.add(['A', 'B'], 2);
  const keys = ['A', 'B', 'C'];
  assert.deepEqual(t.matchesAt(keys, 0, (i) => i !== 2).map((m) => m.end), [2]);
  assert.deepEqual(t.matchesAt(keys, 0, (i) => i !== 0), []);
});

test('dictionary phrases split on underscores, blanks and hyphens like the regex split', () => {
  for (const s of ['JENS_STOLTENBERG_', ' al-Baghdadi  x', 'a\u00a0b\u3000c\td', '__--', 'O’NEILL_‘X', 'straße']) {
    const expected = s
      .toUpperCase()
      .split(/[_\s-]+/)
      .filter((w) => w.length > 0)
      .map((w) => w.replace(/[’‘]/g, "'"));
    assert.deepEqual(phraseWords(s), expected, s);
  }
});

test('a word that starts no phrase asks the source once; phrases added later are still found', () => {
  const t = new PhraseTrie<string>();
  const asked: string[] = [];
  t.addSource(function* (first) {
    asked.push(first);
    if (first === 'PORT') yield [['PORT', 'SAID'], 'city'] as const;
  });
  const keys = ['IN', 'PORT', 'SAID', 'TODAY'];
  for (let k = 0; k < 3; k++) {
    assert.deepEqual(t.matchesAt(keys, 0), []);
    assert.deepEqual(t.matchesAt(keys, 1).map((m) => [m.end, [...m.values]]), [[3, ['city']]]);
  }
  assert.deepEqual(asked, ['IN', 'PORT']);
  t.add(['IN'], 'word');
  assert.deepEqual(t.matchesAt(keys, 0).map((m) => [m.end, [...m.values]]), [[1, ['word']]]);
  assert.deepEqual(t.get(['TODAY']), undefined);
  assert.deepEqual(t.get(['TODAY']), undefined);
  assert.deepEqual(asked, ['IN', 'PORT', 'IN', 'TODAY']);
});
