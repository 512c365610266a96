import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EntityType } from '../../core/document.ts';
import { PhraseTrie } from './trie.ts';
import { CityIndex, cityKeys, cityKeysMatch, parseCityLine, type City } from './city-index.ts';
import {
  parseActorDictionary,
  parseAgentDictionary,
  phraseWords,
  type ActorRecord,
  type AgentRecord,
} from './tabari.ts';

export interface Country {
  readonly cca3: string;
  readonly cca2: string;
  readonly name: string;
  readonly official: string;
  readonly alt: readonly string[];
  readonly demonyms: readonly string[];
  readonly capital: readonly string[];
  readonly lat: number;
  readonly lon: number;
  readonly region: string;
  readonly subregion: string;
  readonly independent: boolean;
}

export type { City } from './city-index.ts';

export interface Region {
  readonly name: string;
  readonly alt: readonly string[];
  readonly lat: number;
  readonly lon: number;
  readonly code?: string;
}

/** A state or province (hand-maintained list with approximate centroids). */
export interface Admin {
  readonly name: string;
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
  readonly alt: readonly string[];
}

export interface Title {
  readonly words: readonly string[];
  readonly text: string;
  readonly gender?: 'm' | 'f';
  readonly agent?: string;
  readonly leader: boolean;
}

export type NominalConstraint =
  | { readonly kind: 'country' | 'city' | 'place' | 'region' | 'org' | 'armed' | 'igo' | 'company' }
  | { readonly kind: 'name'; readonly word: string }
  | { readonly kind: 'code'; readonly code: string };

export interface NominalRule {
  readonly words: readonly string[];
  readonly type: EntityType;
  readonly constraints: readonly NominalConstraint[];
}

export interface RoleNoun {
  readonly words: readonly string[];
  /** Lower-case keywords a role/title must contain; empty = any role of the modifier (`*`). */
  readonly keywords: readonly string[];
}

export type PlaceHit =
  | { readonly kind: 'country'; readonly country: Country }
  | { readonly kind: 'demonym'; readonly country: Country }
  | { readonly kind: 'city'; readonly cities: readonly City[] }
  | { readonly kind: 'region'; readonly region: Region }
  | { readonly kind: 'admin'; readonly admin: Admin };

export interface ActorHit {
  readonly record: ActorRecord;
  /** Load order of the record's file: later files win. */
  readonly rank: number;
}

export interface Gazetteer {
  readonly actors: PhraseTrie<ActorHit>;
  readonly agents: PhraseTrie<AgentRecord>;
  readonly places: PhraseTrie<PlaceHit>;
  readonly titles: PhraseTrie<Title>;
  readonly nominals: PhraseTrie<NominalRule>;
  readonly roles: PhraseTrie<RoleNoun>;
  readonly countries: ReadonlyMap<string, Country>;
  /** Upper-case capital name → countries it is the capital of. */
  readonly capitals: ReadonlyMap<string, readonly Country[]>;
  readonly citiesByName: ReadonlyMap<string, readonly City[]>;
  readonly firstNames: ReadonlyMap<string, 'm' | 'f'>;
  readonly orgWords: ReadonlySet<string>;
  /** Dictionary person records by the last word of each of their phrases ("TRUMP" → DONALD_TRUMP_). */
  readonly personsBySurname: ReadonlyMap<string, readonly ActorRecord[]>;
  /** Upper-case short names of countries the dictionaries list among cities and provinces ("BRITAIN"). */
  readonly countryAliases: ReadonlyMap<string, string>;
}

/** Raw inputs; every part is optional so tests can build a small gazetteer by hand. */
export interface GazetteerSources {
  /** Actor dictionaries in TABARI format, in load order (later files take precedence). */
  readonly actorFiles?: readonly { readonly text: string; readonly file: string }[];
  readonly agentsText?: string;
  readonly countries?: readonly Country[];
  readonly cities?: readonly City[];
  /**
   * Instead of `cities`: cities.tsv as text with its key index (city-index.ts), read lazily — a
   * city's row is parsed when its name is first looked up.
   */
  readonly citiesIndex?: { readonly tsv: string; readonly keys: string };
  readonly regions?: readonly Region[];
  readonly titlesTsv?: string;
  readonly nominalsTsv?: string;
  readonly rolesTsv?: string;
  readonly firstNamesTsv?: string;
  readonly orgWordsText?: string;
  readonly countryAliasesTsv?: string;
  readonly admin1?: readonly Admin[];
  readonly cityAliasesTsv?: string;
}

export const DATA_DIR = fileURLToPath(new URL('../../../data/', import.meta.url));

/** Actor dictionaries loaded by default, in order. Users may pass their own to `buildGazetteer`. */
export const DEFAULT_ACTOR_FILES: readonly string[] = [
  'cameo/Phoenix.Countries.actors.txt',
  'cameo/Phoenix.International.actors.txt',
  'cameo/Phoenix.MilNonState.actors.txt',
  'cameo/dateline.supplement.actors.txt',
  'cameo/dateline.leaders.actors.txt',
];

function rows(tsv: string | undefined): string[][] {
  if (!tsv) return [];
  const out: string[][] = [];
  for (const line of tsv.split(/\r?\n/)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    out.push(line.split('\t').map((c) => c.trim()));
  }
  return out;
}

function lowerWords(s: string): string[] {
  return s
    .toUpperCase()
    .split(/[\s_-]+/)
    .filter(Boolean);
}

export function parseCitiesTsv(tsv: string): City[] {
  // Same rows as `rows(tsv)` (blank and # lines skipped, cells trimmed), without the per-line arrays.
  const out: City[] = [];
  let pos = 0;
  const n = tsv.length;
  while (pos < n) {
    let eol = tsv.indexOf('\n', pos);
    if (eol < 0) eol = n;
    let end = eol;
    if (eol < n && end > pos && tsv.charCodeAt(end - 1) === 13) end--;
    const city = parseCityLine(tsv.slice(pos, end));
    if (city) out.push(city);
    pos = eol + 1;
  }
  return out;
}

export function parseAdminTsv(tsv: string): Admin[] {
  return rows(tsv).map((r) => ({
    name: r[0]!,
    country: r[1]!,
    lat: Number(r[2]),
    lon: Number(r[3]),
    alt: r[4] && r[4] !== '-' ? r[4].split('|') : [],
  }));
}

export function parseRegionsTsv(tsv: string): Region[] {
  return rows(tsv).map((r) => ({
    name: r[0]!,
    alt: r[1] && r[1] !== '-' ? r[1].split('|') : [],
    lat: Number(r[2]),
    lon: Number(r[3]),
    ...(r[4] && r[4] !== '-' ? { code: r[4] } : {}),
  }));
}

function parseNominalConstraint(s: string): NominalConstraint | undefined {
  if (s.startsWith('name~')) return { kind: 'name', word: s.slice(5).toUpperCase() };
  if (s.startsWith('code=')) return { kind: 'code', code: s.slice(5).toUpperCase() };
  if (['country', 'city', 'place', 'region', 'org', 'armed', 'igo', 'company'].includes(s)) {
    return { kind: s as 'country' };
  }
  return undefined;
}

const byPopulation = (a: City, b: City): number => b.population - a.population;

/**
 * Cities by name from the key index, as the eager path builds them (aliases applied to the lists in
 * file order, then sorted by population); the places trie gets their phrases by first word.
 * Iterating the map lists the keys in index order, not in file order.
 */
function lazyCities(src: { readonly tsv: string; readonly keys: string }, aliasRows: readonly string[][], places: PhraseTrie<PlaceHit>): ReadonlyMap<string, readonly City[]> {
  const idx = new CityIndex(src.tsv, src.keys);
  // Lists changed by aliases, before sorting (as the eager path sees them).
  const overlay = new Map<string, City[]>();
  const raw = (key: string): City[] | undefined => {
    const o = overlay.get(key);
    if (o) return o;
    const i = idx.find(key);
    return i >= 0 ? idx.citiesAt(i) : undefined;
  };
  for (const r of aliasRows) {
    const target = raw(phraseWords(r[1]!).join(' '))?.filter((c) => c.country === r[2]);
    if (!target || target.length === 0) continue;
    const key = phraseWords(r[0]!).join(' ');
    const list = raw(key) ?? [];
    for (const c of target) if (!list.includes(c)) list.push(c);
    overlay.set(key, list);
  }
  const sorted = new Map<string, City[] | null>();
  const get = (key: string): City[] | undefined => {
    let list = sorted.get(key);
    if (list === undefined) {
      const r = raw(key);
      list = r ? r.sort(byPopulation) : null;
      sorted.set(key, list);
    }
    return list ?? undefined;
  };
  const extraKeys = [...overlay.keys()].filter((k) => idx.find(k) < 0);
  places.addSource(function* (first) {
    for (const i of idx.startingWith(first)) {
      const key = idx.key(i);
      yield [key.split(' '), { kind: 'city', cities: get(key)! }] as const;
    }
    for (const key of extraKeys) {
      if (key === first || key.startsWith(first + ' ')) yield [key.split(' '), { kind: 'city', cities: get(key)! }] as const;
    }
  });
  function* allKeys(): IterableIterator<string> {
    for (let i = 0; i < idx.size; i++) yield idx.key(i);
    yield* extraKeys;
  }
  const map: ReadonlyMap<string, readonly City[]> = {
    get: (key: string) => get(key),
    has: (key: string) => get(key) !== undefined,
    get size() {
      return idx.size + extraKeys.length;
    },
    forEach(cb: (value: readonly City[], key: string, map: ReadonlyMap<string, readonly City[]>) => void): void {
      for (const k of allKeys()) cb(get(k)!, k, map);
    },
    *entries(): MapIterator<[string, readonly City[]]> {
      for (const k of allKeys()) yield [k, get(k)!];
    },
    keys: () => allKeys() as MapIterator<string>,
    *values(): MapIterator<readonly City[]> {
      for (const k of allKeys()) yield get(k)!;
    },
    [Symbol.iterator]: () => map.entries(),
  };
  return map;
}

/** Build a gazetteer from raw sources (no file access). */
export function buildGazetteer(src: GazetteerSources): Gazetteer {
  const actors = new PhraseTrie<ActorHit>();
  const personsBySurname = new Map<string, ActorRecord[]>();
  (src.actorFiles ?? []).forEach((f, rank) => {
    for (const record of parseActorDictionary(f.text, f.file)) {
      // Persons with dated roles (CountryInfo, or typed in the supplement) can be found by surname + title.
      if (record.type === 'PERSON' || (record.countryInfo && record.type === undefined)) {
        for (const words of record.phrases) {
          if (words.length < 2) continue;
          const last = words[words.length - 1]!;
          const list = personsBySurname.get(last) ?? [];
          if (!list.includes(record)) list.push(record);
          personsBySurname.set(last, list);
        }
      }
      for (const words of record.phrases) {
        actors.add(words, { record, rank });
        // "THE_ISLAMIC_STATE" should also match "Islamic State" without the article.
        if (words.length > 1 && words[0] === 'THE') actors.add(words.slice(1), { record, rank });
      }
    }
  });

  const agents = new PhraseTrie<AgentRecord>();
  if (src.agentsText) for (const a of parseAgentDictionary(src.agentsText)) agents.add(a.words, a);

  const places = new PhraseTrie<PlaceHit>();
  const countries = new Map<string, Country>();
  const capitals = new Map<string, Country[]>();
  for (const c of src.countries ?? []) {
    countries.set(c.cca3, c);
    const names = new Set([c.name, c.official, ...c.alt]);
    for (const n of names) places.add(phraseWords(n), { kind: 'country', country: c });
    for (const d of c.demonyms) places.add(phraseWords(d), { kind: 'demonym', country: c });
    for (const cap of c.capital) {
      for (const variant of [cap, cap.replace(/,?\s*D\.?C\.?$/, '')]) {
        const key = phraseWords(variant).join(' ');
        const list = capitals.get(key) ?? [];
        if (!list.includes(c)) list.push(c);
        capitals.set(key, list);
      }
    }
  }
  let citiesByName: ReadonlyMap<string, readonly City[]>;
  if (src.citiesIndex && !src.cities) {
    citiesByName = lazyCities(src.citiesIndex, rows(src.cityAliasesTsv), places);
  } else {
    const byName = new Map<string, City[]>();
    for (const city of src.cities ?? []) {
      for (const key of cityKeys(city.name)) {
        const list = byName.get(key);
        if (list) list.push(city);
        else byName.set(key, [city]);
      }
    }
    for (const r of rows(src.cityAliasesTsv)) {
      const target = byName.get(phraseWords(r[1]!).join(' '))?.filter((c) => c.country === r[2]);
      if (!target || target.length === 0) continue;
      const key = phraseWords(r[0]!).join(' ');
      const list = byName.get(key) ?? [];
      for (const c of target) if (!list.includes(c)) list.push(c);
      byName.set(key, list);
    }
    for (const [key, list] of byName) {
      list.sort(byPopulation);
      places.add(key.split(' '), { kind: 'city', cities: list });
    }
    citiesByName = byName;
  }
  for (const r of src.regions ?? []) {
    for (const n of [r.name, ...r.alt]) places.add(phraseWords(n), { kind: 'region', region: r });
  }

  for (const a of src.admin1 ?? []) {
    for (const n of [a.name, ...a.alt]) places.add(phraseWords(n), { kind: 'admin', admin: a });
  }

  const titles = new PhraseTrie<Title>();
  for (const r of rows(src.titlesTsv)) {
    const words = lowerWords(r[0]!);
    const gender = r[1] === 'm' || r[1] === 'f' ? r[1] : undefined;
    titles.add(words, {
      words,
      text: r[0]!,
      ...(gender ? { gender } : {}),
      ...(r[2] && r[2] !== '-' ? { agent: r[2] } : {}),
      leader: r[3] === 'leader',
    });
  }
  const nominals = new PhraseTrie<NominalRule>();
  for (const r of rows(src.nominalsTsv)) {
    const words = lowerWords(r[0]!);
    const constraints = (r[2] ?? '')
      .split('|')
      .map(parseNominalConstraint)
      .filter((c): c is NominalConstraint => c !== undefined);
    nominals.add(words, { words, type: r[1] as EntityType, constraints });
  }
  const roles = new PhraseTrie<RoleNoun>();
  for (const r of rows(src.rolesTsv)) {
    const words = lowerWords(r[0]!);
    const keywords = r[1] === '*' ? [] : (r[1] ?? '').split('|').map((k) => k.trim().toLowerCase());
    roles.add(words, { words, keywords });
  }
  const firstNames = new Map<string, 'm' | 'f'>();
  for (const r of rows(src.firstNamesTsv)) {
    if (r[1] === 'm' || r[1] === 'f') firstNames.set(r[0]!.toUpperCase(), r[1]);
  }
  const orgWords = new Set<string>();
  for (const line of (src.orgWordsText ?? '').split(/\r?\n/)) {
    const w = line.trim();
    if (w && !w.startsWith('#')) orgWords.add(w.toUpperCase());
  }
  const countryAliases = new Map<string, string>();
  for (const r of rows(src.countryAliasesTsv)) {
    const cc = r[1]!;
    countryAliases.set(phraseWords(r[0]!).join(' '), cc);
    const country = countries.get(cc);
    if (country) places.add(phraseWords(r[0]!), { kind: 'country', country });
  }
  return { actors, agents, places, titles, nominals, roles, countries, capitals, citiesByName, firstNames, orgWords, countryAliases, personsBySurname };
}

function readData(rel: string): string {
  return readFileSync(DATA_DIR + rel, 'utf8');
}

/** The small hand-maintained resources (titles, nominals, roles, names, org words, regions). */
export function readLexicalSources(): GazetteerSources {
  return {
    titlesTsv: readData('entities/titles.tsv'),
    nominalsTsv: readData('entities/nominals.tsv'),
    rolesTsv: readData('entities/roles.tsv'),
    firstNamesTsv: readData('entities/first-names.tsv'),
    orgWordsText: readData('entities/org-words.txt'),
    countryAliasesTsv: readData('geo/country-aliases.tsv'),
    cityAliasesTsv: readData('geo/city-aliases.tsv'),
    admin1: parseAdminTsv(readData('geo/admin1.tsv')),
    regions: parseRegionsTsv(readData('geo/regions.tsv')),
  };
}

export function readCountries(): Country[] {
  const parsed = JSON.parse(readData('geo/countries.json')) as { countries: Country[] };
  return parsed.countries;
}

/** All sources from the repo's data/ folder; `actorFiles` replaces the default dictionaries. */
export function readDefaultSources(actorFiles: readonly string[] = DEFAULT_ACTOR_FILES): GazetteerSources {
  return {
    ...readLexicalSources(),
    actorFiles: actorFiles.map((f) => ({
      text: f.startsWith('/') ? readFileSync(f, 'utf8') : readData(f),
      file: f,
    })),
    agentsText: readData('cameo/Phoenix.agents.txt'),
    countries: readCountries(),
    ...readCities(),
  };
}

/** cities.tsv with its key index when the index is current (else parsed in full). */
function readCities(): Pick<GazetteerSources, 'cities' | 'citiesIndex'> {
  const tsv = readData('geo/cities.tsv');
  let keys: string | undefined;
  try {
    keys = readData('geo/cities.keys.tsv');
  } catch {
    keys = undefined;
  }
  return keys !== undefined && cityKeysMatch(keys, tsv) ? { citiesIndex: { tsv, keys } } : { cities: parseCitiesTsv(tsv) };
}

let cached: Gazetteer | undefined;

/** The default gazetteer, loaded once on first use (≈ a second; analysis itself is then fast). */
export function defaultGazetteer(): Gazetteer {
  cached ??= buildGazetteer(readDefaultSources());
  return cached;
}
