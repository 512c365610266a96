import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildGazetteer } from './index.ts';
import { buildCityKeys, cityKeysMatch, parseCityLine } from './city-index.ts';

const tsv = [
  '# geonameid\tname\tcountry\tlat\tlon\tpopulation\tfeature\tadmin1',
  '1\tNew York City\tUSA\t40.7\t-74\t8000000\tPPL\tNY',
  '2\tNewark\tUSA\t40.7\t-74.2\t280000\tPPL\tNJ',
  '3\tWashington, D.C.\tUSA\t38.9\t-77\t700000\tPPLC\tDC',
  '4\tWashington\tGBR\t54.9\t-1.5\t67000\tPPL\tENG',
  '5\tSpringfield\tUSA\t39.8\t-89.6\t116000\tPPLA\tIL',
  '6\tSpringfield\tUSA\t42.1\t-72.6\t155000\tPPL\tMA',
  '7\tSpringfield\tUSA\t37.2\t-93.3\t155000\tPPL\tMO',
  '',
  '8\tShort\tUSA',
].join('\n');
const aliases = 'New York\tNew York City\tUSA\nBig Apple\tNew York City\tUSA\nSpringfield\tSpringfield\tGBR\n';
const countries = [
  { cca3: 'USA', cca2: 'US', name: 'United States', official: 'United States of America', alt: ['USA'], demonyms: ['American'], capital: ['Washington D.C.'], lat: 38, lon: -97, region: 'Americas', subregion: 'North America', independent: true },
];

function both(): [ReturnType<typeof buildGazetteer>, ReturnType<typeof buildGazetteer>] {
  const cities = tsv.split('\n').map(parseCityLine).filter((c) => c !== undefined);
  const eager = buildGazetteer({ cities, cityAliasesTsv: aliases, countries });
  const lazy = buildGazetteer({ citiesIndex: { tsv, keys: buildCityKeys(tsv) }, cityAliasesTsv: aliases, countries });
  return [eager, lazy];
}

test('cities read through the key index equal the fully parsed ones, aliases and order included', () => {
  const [eager, lazy] = both();
  for (const key of ['NEW YORK CITY', 'NEW YORK', 'BIG APPLE', 'NEWARK', 'WASHINGTON', 'SPRINGFIELD', 'SHORT', 'PARIS']) {
    assert.deepEqual(lazy.citiesByName.get(key), eager.citiesByName.get(key), key);
  }
  // Equal populations keep file order (stable sort); the larger city comes first.
  assert.deepEqual(lazy.citiesByName.get('SPRINGFIELD')!.map((c) => c.geonameid), [6, 7, 5]);
  assert.deepEqual(lazy.citiesByName.get('WASHINGTON')!.map((c) => c.geonameid), [3, 4]);
  assert.equal(lazy.citiesByName.size, eager.citiesByName.size);
  assert.deepEqual(new Set(lazy.citiesByName.keys()), new Set(eager.citiesByName.keys()));
});

test('the places trie lists the indexed cities after the countries, as if added in order', () => {
  const [eager, lazy] = both();
  const show = (g: ReturnType<typeof buildGazetteer>, keys: string[], i: number): string =>
    JSON.stringify(g.places.matchesAt(keys, i).map((m) => [m.end, m.values.map((v) => (v.kind === 'city' ? v.cities.map((c) => c.geonameid) : v.kind))]));
  for (const text of ['IN NEW YORK CITY TODAY', 'NEWARK', 'THE UNITED STATES', 'AMERICAN', 'WASHINGTON SAID', 'BIG APPLE']) {
    const keys = text.split(' ');
    for (let i = 0; i < keys.length; i++) assert.equal(show(lazy, keys, i), show(eager, keys, i), `${text} @${i}`);
  }
  assert.deepEqual(lazy.places.matchesAt(['NEW', 'YORK', 'CITY'], 0).map((m) => m.end), [3, 2]);
});

test('an index built from another cities.tsv is not used', () => {
  const index = buildCityKeys(tsv);
  assert.ok(cityKeysMatch(index, tsv));
  assert.ok(!cityKeysMatch(index, tsv.replace('8000000', '8000001')));
  assert.ok(!cityKeysMatch('not an index', tsv));
});
