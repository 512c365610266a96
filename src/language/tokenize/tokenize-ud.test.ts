import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from './tokenize.ts';

const words = (s: string): string[] => tokenize(s).map((t) => s.slice(t.start, t.end));

test('fused forms split as in UD English', () => {
  assert.deepEqual(words('They cannot agree.'), ['They', 'can', 'not', 'agree', '.']);
  assert.deepEqual(words('Cannot'), ['Can', 'not']);
  assert.deepEqual(words("I'm gonna go"), ['I', "'m", 'gon', 'na', 'go']);
  assert.deepEqual(words('we wanna, you gotta'), ['we', 'wan', 'na', ',', 'you', 'got', 'ta']);
  // Words that merely contain those letters stay whole.
  assert.deepEqual(words('cannon canned Gonnaville'), ['cannon', 'canned', 'Gonnaville']);
});
