/**
 * Misspelled and variant names ("Khatmandu", "Mitterand", "Dos Sontas"): when the NER model proposes
 * a name it is unsure of and no dictionary matched it, a place name of the gazetteer or a
 * dictionary person's surname at a small edit distance may be meant. Conservative by design —
 * precision matters more than recall: long names only, one unambiguous match, never a common word.
 */
import type { City, Country, Gazetteer } from '../gazetteer/index.ts';
import { codeAt, type ActorRecord } from '../gazetteer/tabari.ts';
import type { Candidate, Denotation, SentenceView } from '../model.ts';
import { loadNerResources } from '../ner/index.ts';

/** Below this NER confidence a PERSON/ORG/MISC span is "unsure"; GPE/LOC spans are places anyway. */
export const UNSURE = 0.75;
/** Multi-word PERSON spans are re-read below this confidence (their given names confirm a match). */
export const FAIRLY_SURE = 0.9;
const MIN_PLACE_LETTERS = 6;
const MIN_SURNAME_LETTERS = 7;
const PARTICLES = new Set(['DOS', 'DA', 'DE', 'DI', 'DU', 'DEL', 'VAN', 'VON', 'AL', 'EL', 'BIN', 'BEN', 'IBN', 'LA', 'LE']);

/**
 * Optimal-string-alignment distance (adjacent transpositions count 1), or `max + 1` as soon as it
 * must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  // Three rolling rows in one reused buffer: no allocation per comparison.
  if (rows.length < 3 * (n + 1)) rows = new Int32Array(3 * (n + 1) * 2);
  let prev2 = 0;
  let prev = n + 1;
  let cur = 2 * (n + 1);
  for (let j = 0; j <= n; j++) rows[prev + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[cur] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(rows[prev + j]! + 1, rows[cur + j - 1]! + 1, rows[prev + j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, rows[prev2 + j - 2]! + 1);
      rows[cur + j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return rows[prev + n]!;
}
let rows = new Int32Array(96);

/** Allowed distance for a name of n letters: one edit from 6 letters, two from 9. */
function budget(n: number): number {
  return n >= 9 ? 2 : 1;
}

/**
 * Names bucketed by first letter and length, so a query compares only names of similar length with
 * the same initial (a misspelt initial is rare and would make every query scan far more names).
 */
class LengthIndex<T> {
  private readonly buckets = new Map<string, { key: string; mask: number; value: T }[]>();
  add(key: string, value: T): void {
    const b = `${key[0]}${key.length}`;
    const list = this.buckets.get(b) ?? [];
    list.push({ key, mask: letterMask(key), value });
    this.buckets.set(b, list);
  }
  /** Distinct keys within the distance budget of `q` (an exact key is not a misspelling). */
  near(q: string, max: number): { key: string; values: T[] }[] {
    const out = new Map<string, T[]>();
    const qm = letterMask(q);
    for (let n = q.length - max; n <= q.length + max; n++) {
      for (const e of this.buckets.get(`${q[0]}${n}`) ?? []) {
        // Each edit changes at most two bits of the letter-presence mask: a cheap filter first.
        if (popcount(qm ^ e.mask) > 2 * max || e.key === q || editDistance(q, e.key, max) > max) continue;
        const list = out.get(e.key) ?? [];
        list.push(e.value);
        out.set(e.key, list);
      }
    }
    return [...out].map(([key, values]) => ({ key, values }));
  }
}

/** Which of 31 letter classes a word uses (A–Z, the rest folded together by code point). */
function letterMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) m |= 1 << (s.charCodeAt(i) % 31);
  return m;
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v; v &= v - 1) n++;
  return n;
}

type PlaceTarget = { readonly kind: 'country'; readonly country: Country } | { readonly kind: 'city'; readonly cities: readonly City[] };

interface FuzzyIndexes {
  readonly places: LengthIndex<PlaceTarget>;
  readonly surnames: LengthIndex<ActorRecord>;
  readonly common: ReadonlySet<string>;
}

const built = new WeakMap<Gazetteer, FuzzyIndexes>();

function letters(s: string): number {
  return s.replace(/[^\p{L}]/gu, '').length;
}

function indexes(gaz: Gazetteer): FuzzyIndexes {
  let ix = built.get(gaz);
  if (ix) return ix;
  const places = new LengthIndex<PlaceTarget>();
  const single = (s: string): string | undefined => {
    const k = s.toUpperCase();
    // Shorter names are indexed too, so that they make a query ambiguous ("Nigera": Niger or Nigeria).
    return /^[\p{Lu}'’-]+$/u.test(k) && letters(k) >= 4 ? k : undefined;
  };
  for (const c of gaz.countries.values()) {
    for (const n of new Set([c.name, ...c.alt])) {
      const k = single(n);
      if (k) places.add(k, { kind: 'country', country: c });
    }
  }
  // Capitals, not every city: listing all cities would parse the whole lazily read city table
  // (~0.5 s), and small towns are poor correction targets anyway.
  for (const [name, countries] of gaz.capitals) {
    const k = single(name);
    if (!k) continue;
    const ccs = new Set(countries.map((c) => c.cca3));
    const cities = (gaz.citiesByName.get(k) ?? []).filter((c) => ccs.has(c.country));
    if (cities.length > 0) places.add(k, { kind: 'city', cities });
  }
  const surnames = new LengthIndex<ActorRecord>();
  for (const [surname, records] of gaz.personsBySurname) {
    if (letters(surname) < MIN_SURNAME_LETTERS - 1) continue;
    for (const r of records) surnames.add(surname, r);
  }
  let common: ReadonlySet<string>;
  try {
    common = loadNerResources().common;
  } catch {
    common = new Set();
  }
  ix = { places, surnames, common };
  built.set(gaz, ix);
  return ix;
}

/** Place denotation for a one-word name the gazetteer lacks ("Khatmandu" → Kathmandu), if unique. */
export function fuzzyPlace(gaz: Gazetteer, word: string): Denotation | undefined {
  const key = word.toUpperCase();
  if (letters(key) < MIN_PLACE_LETTERS || !/^[\p{Lu}'’-]+$/u.test(key)) return undefined;
  // A name the gazetteers know as it is written is not a misspelling of another.
  if (gaz.places.get([key]) !== undefined || gaz.actors.get([key]) !== undefined || gaz.firstNames.has(key)) return undefined;
  // "Americans": the plural of a known name or demonym.
  if (key.endsWith('S') && gaz.places.get([key.slice(0, -1)]) !== undefined) return undefined;
  const ix = indexes(gaz);
  if (ix.common.has(word.toLowerCase())) return undefined;
  const hits = ix.places.near(key, budget(letters(key)));
  if (hits.length !== 1) return undefined;
  const targets = hits[0]!.values;
  const country = targets.find((t): t is Extract<PlaceTarget, { kind: 'country' }> => t.kind === 'country');
  if (country) return country;
  const cities = targets.flatMap((t) => (t.kind === 'city' ? t.cities : []));
  return cities.length > 0 ? { kind: 'city', cities: [...cities].sort((a, b) => b.population - a.population) } : undefined;
}

/**
 * The dictionary person a misspelt name denotes ("Mitterand" → Mitterrand, "Dos Sontas" → Dos
 * Santos): the surname (with its particles) must be long, a single surname must be near, its given
 * names must agree, and one record must remain (the one with a role on the reference date when
 * several share the surname).
 */
export function fuzzyPerson(gaz: Gazetteer, keys: readonly string[], date?: string): ActorRecord | undefined {
  const last = keys[keys.length - 1];
  if (!last || gaz.personsBySurname.has(last)) return undefined;
  let p = keys.length - 1;
  while (p > 0 && PARTICLES.has(keys[p - 1]!)) p--;
  const surnameLetters = keys.slice(p).reduce((n, k) => n + letters(k), 0);
  if (surnameLetters < MIN_SURNAME_LETTERS || letters(last) < MIN_SURNAME_LETTERS - 1) return undefined;
  // A bare surname has no given name to confirm it ("Johnston" is not "Johnson"): longer still.
  if (keys.length === 1 && letters(last) < MIN_SURNAME_LETTERS + 2) return undefined;
  const ix = indexes(gaz);
  if (ix.common.has(last.toLowerCase())) return undefined;
  // Particles count towards the length ("Dos Sontas" ~ "Dos Santos": two edits in nine letters).
  const max = keys.length === 1 ? 1 : budget(surnameLetters);
  const given = keys.slice(0, keys.length - 1);
  const candidates = ix.surnames
    .near(last, max)
    .map((h) => ({
      key: h.key,
      records: h.values.filter((r) =>
        r.phrases.some((ph) => {
          if (ph[ph.length - 1] !== h.key || ph.length < given.length + 1) return false;
          const before = ph.slice(ph.length - 1 - given.length, ph.length - 1);
          return before.every((w, i) => w === given[i]);
        }),
      ),
    }))
    .filter((h) => h.records.length > 0);
  if (candidates.length !== 1) return undefined;
  const fits = candidates[0]!.records;
  const unique = [...new Set(fits)];
  if (unique.length === 1) return unique[0];
  const dated = unique.filter((r) => codeAt(r, date)?.isDefault === false);
  if (dated.length === 1) return dated[0];
  // Namesakes in office on the date: the one in government is the one news names by surname alone.
  const governing = dated.filter((r) => /^[A-Z]{3}GOV/.test(codeAt(r, date)?.code ?? ''));
  return governing.length === 1 ? governing[0] : undefined;
}

/** Upper case without diacritics, to compare a word with the document's names ("Kaczyński" = "Kaczynski"). */
export function foldKey(key: string): string {
  return key.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
}

/** Words of the multi-word person names proposed anywhere in the document ("Michael Siegel" → SIEGEL). */
export function personNameWords(cands: readonly (readonly Candidate[])[], views: readonly SentenceView[]): Set<string> {
  const out = new Set<string>();
  cands.forEach((list, i) => {
    for (const c of list) {
      if (c.denotes.kind !== 'person' || c.w1 - c.w0 < 2) continue;
      for (let w = c.w0; w < c.w1; w++) out.add(foldKey(views[i]!.keys[w]!));
    }
  });
  return out;
}

const LOCATIVE = new Set(['IN', 'AT', 'NEAR', 'FROM', 'TO', 'INTO', 'OUTSIDE', 'AROUND', 'VIA', 'TOWARD', 'TOWARDS', 'THROUGH', 'INSIDE']);

/** "in Khatmandu", "Khatmandu, Nepal": the word stands where a place is expected. */
function placeContext(gaz: Gazetteer, view: SentenceView, w: number): boolean {
  let p = w - 1;
  if (view.keys[p] === 'THE') p--;
  if (p >= 0 && LOCATIVE.has(view.keys[p]!)) return true;
  const after = view.keys[w + 2];
  return view.keys[w + 1] === ',' && after !== undefined && (gaz.places.get([after]) ?? []).some((h) => h.kind === 'country');
}

/**
 * NER candidates the model is unsure of, re-read as a misspelt gazetteer place or dictionary person.
 * `personWords`: words of the document's full person names — a bare "Siegel" after "Michael Siegel"
 * is that person, not a misspelt Siegen, and "Kaczyński" not another Kaczynski of the dictionary.
 */
export function fuzzyCandidates(gaz: Gazetteer, view: SentenceView, ner: readonly Candidate[], personWords: ReadonlySet<string>, date?: string): Candidate[] {
  return ner.map((c): Candidate => {
    if (c.source !== 'ner') return c;
    const type = c.denotes.kind === 'person' ? 'PERSON' : c.denotes.kind === 'other' ? c.denotes.type : undefined;
    if (!type) return c;
    const single = c.w1 - c.w0 === 1;
    if (single && personWords.has(foldKey(view.keys[c.w0]!))) return c;
    const placeTyped = type === 'GPE' || type === 'LOC';
    if (single && view.words[c.w0]!.cap && (placeTyped || c.confidence < UNSURE) && placeContext(gaz, view, c.w0)) {
      const d = fuzzyPlace(gaz, view.words[c.w0]!.text);
      if (d) return { ...c, denotes: d, source: 'gazetteer', confidence: Math.min(c.confidence, 0.6) };
    }
    // A confidently recognised full name is most often spelt as its bearer spells it.
    if (type === 'PERSON' && c.confidence < (single ? UNSURE : FAIRLY_SURE)) {
      const keys = view.keys.slice(c.w0, c.w1);
      if (gaz.actors.get(keys) !== undefined) return c;
      const record = fuzzyPerson(gaz, keys, date);
      if (record) return { ...c, denotes: { kind: 'actor', record, type: 'PERSON' }, source: 'dict', confidence: Math.min(c.confidence, 0.6) };
    }
    return c;
  });
}
