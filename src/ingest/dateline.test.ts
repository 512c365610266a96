import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDateline } from './dateline.ts';

test('dateline shapes of the wire services', () => {
  const cases: Array<[string, Record<string, unknown> | undefined, string?]> = [
    ['Brussels, 12 February 2020 (dpa/MIA) – NATO allies', { place: 'Brussels', country: 'BEL', date: '2020-02-12', agencies: ['dpa', 'MIA'], end: 38 }],
    ['WASHINGTON (AP) — The Senate', { place: 'Washington', country: 'USA', agencies: ['AP'] }],
    ['LONDON, Feb 12 (Reuters) - Oil prices', { place: 'London', country: 'GBR', date: '2020-02-12', agencies: ['Reuters'] }, '2020-02-13'],
    ['Kabul, Afghanistan — Taliban fighters', { place: 'Kabul', country: 'AFG', agencies: [] }],
    ['PARIS, 12 févr. (AFP) - La France', { place: 'Paris', country: 'FRA', date: '2020-02-12', agencies: ['AFP'] }, '2020-02-13'],
    ['NEW YORK, Feb. 3, 2021 (Reuters) - Stocks', { place: 'New York', country: 'USA', date: '2021-02-03' }],
    ['BEIRUT, Lebanon (AP) — Protesters', { place: 'Beirut', country: 'LBN' }],
    ['MOSCOW, Dec 30 (Reuters) - x', { date: '2019-12-30' }, '2020-01-02'],
    ['Friday, January 4, 2019\u00a0\n\n\nAn apartment building', { date: '2019-01-04', agencies: [] }],
    ['UNITED NATIONS (AP) — The council', { place: 'United Nations', agencies: ['AP'] }],
    ['Obama — who was president — said', undefined],
    ['The US said: nothing', undefined],
    ['May 5 was a Tuesday — or not', undefined],
    ['NATO allies plan to beef up', undefined],
    ['', undefined],
  ];
  for (const [text, expected, published] of cases) {
    const got = parseDateline(text, published ? { published } : {});
    if (expected === undefined) {
      assert.equal(got, undefined, text);
      continue;
    }
    assert.ok(got, `no dateline in ${JSON.stringify(text)}`);
    for (const [k, v] of Object.entries(expected)) assert.deepEqual((got as unknown as Record<string, unknown>)[k], v, `${k} of ${text}`);
  }
});

test('a dateline date without year and no published date keeps XXXX', () => {
  assert.equal(parseDateline('LONDON, Feb 12 (Reuters) - Oil')?.date, 'XXXX-02-12');
});
