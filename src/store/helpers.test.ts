import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayRange, isoWeek } from './dates.ts';
import { ftsQuery } from './fts-query.ts';
import { actorKey } from './keys.ts';
import { bandBuckets, minhash, similarity } from './near-duplicates.ts';
import { fixtureDocument, syndicatedCopy } from './fixtures.ts';

describe('dayRange', () => {
  const cases: [string, { start: string; end: string } | undefined][] = [
    ['2020-02-12', { start: '2020-02-12', end: '2020-02-12' }],
    ['2020-02-12T10:30', { start: '2020-02-12', end: '2020-02-12' }],
    ['2020-02', { start: '2020-02-01', end: '2020-02-29' }],
    ['2019-02', { start: '2019-02-01', end: '2019-02-28' }],
    ['2020-W07', { start: '2020-02-10', end: '2020-02-16' }],
    ['2021-W01', { start: '2021-01-04', end: '2021-01-10' }],
    ['2020-Q1', { start: '2020-01-01', end: '2020-03-31' }],
    ['2019-WI', { start: '2019-12-01', end: '2020-02-29' }],
    ['2020', { start: '2020-01-01', end: '2020-12-31' }],
    ['P1M', undefined],
    ['PRESENT_REF', undefined],
    ['XXXX-02-12', undefined],
    ['2020-13', undefined],
  ];
  for (const [value, expected] of cases) it(value, () => assert.deepEqual(dayRange(value), expected));
});

describe('isoWeek', () => {
  for (const [day, week] of [['2020-02-12', '2020-W07'], ['2021-01-01', '2020-W53'], ['2019-12-30', '2020-W01'], ['2018-01-01', '2018-W01']]) {
    it(day, () => assert.equal(isoWeek(day!), week));
  }
});

describe('ftsQuery', () => {
  it('quotes every term so operators cannot leak', () => {
    assert.equal(ftsQuery('troop withdrawal'), '"troop" "withdrawal"');
    assert.equal(ftsQuery('"state of emergency" measles'), '"state of emergency" "measles"');
    assert.equal(ftsQuery('sanction*'), '"sanction"*');
    assert.equal(ftsQuery('title:x OR NEAR(a b)'), '"title x" "OR" "NEAR a" "b"');
    assert.equal(ftsQuery('"; DROP TABLE x; --'), '"DROP" "TABLE" "x"');
    assert.equal(ftsQuery('*** " --'), undefined);
  });
});

describe('actorKey', () => {
  it('prefers the entity key, joins people by name and others by code', () => {
    assert.equal(actorKey({ key: 'k1', type: 'PERSON', name: 'X' }), 'k1');
    assert.equal(actorKey({ type: 'PERSON', name: 'José Núñez', code: 'ESPGOV' }), 'person:jose-nunez');
    assert.equal(actorKey({ type: 'ORG', name: 'Some Alliance', code: 'IGOXYZ' }), 'IGOXYZ');
    assert.equal(actorKey({ type: 'GPE', name: 'Port Meridian' }), 'gpe:port-meridian');
  });
});

describe('MinHash near-duplicates', () => {
  it('finds a lightly edited copy similar and a different story not', () => {
    const a = fixtureDocument(1);
    const copy = syndicatedCopy(a, 'c');
    const other = fixtureDocument(2);
    const sa = minhash(a.text)!;
    const sc = minhash(copy.text)!;
    const so = minhash(other.text)!;
    assert.ok(similarity(sa, sc) >= 0.75, `copy ${similarity(sa, sc)}`);
    assert.ok(similarity(sa, so) < 0.5, `other ${similarity(sa, so)}`);
    assert.ok(bandBuckets(sa).some((b, i) => b === bandBuckets(sc)[i]));
    assert.deepEqual(minhash(a.text), sa);
  });
  it('skips texts too short to compare', () => {
    assert.equal(minhash('Short text of a few words.'), undefined);
  });
});
