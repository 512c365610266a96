/**
 * Proposes name mentions in one sentence. Each extractor proposes candidates for one concern
 * (dictionary actors, places, titled persons, given names, the NER model); `selectCandidates`
 * keeps a non-overlapping set, longest first.
 */
import type { EntityType } from '../../core/document.ts';
import type { Gazetteer, PlaceHit, Title } from '../gazetteer/index.ts';
import { codeAt, type ActorRecord } from '../gazetteer/tabari.ts';
import type { Candidate, Denotation, SentenceView } from '../model.ts';
import type { NerSpan } from './ner-adapter.ts';

/** Lower-case words that may sit inside a multi-word name ("Bank of England", "Abu Bakr al-Baghdadi"). */
const NAME_GLUE = new Set(['OF', 'THE', 'AND', 'FOR', 'AL', 'EL', 'DE', 'DU', 'DA', 'DOS', 'DEL', 'LA', 'LE', 'VON', 'VAN', 'DER', 'DEN', 'BIN', 'BEN', 'IBN', 'ON', 'IN', '&']);
const LOCATIVE = new Set(['IN', 'AT', 'NEAR', 'FROM', 'TO', 'INTO', 'OUTSIDE', 'AROUND', 'ACROSS', 'VIA', 'TOWARD', 'TOWARDS', 'THROUGH', 'OF', 'BETWEEN', 'ACROSS', 'INSIDE', 'WITHIN']);

export interface CandidateContext {
  readonly gaz: Gazetteer;
  readonly date?: string;
}

function isCapWord(view: SentenceView, i: number): boolean {
  const w = view.words[i];
  return !!w && !w.punct && !w.possessive && (w.cap || /^\d/.test(w.text));
}

/** Can word i be inside a proper-name match that started at `start`? */
function nameAccept(view: SentenceView, start: number): (i: number) => boolean {
  return (i) => {
    const w = view.words[i]!;
    if (w.punct && w.text !== '.' && w.text !== '&') return false;
    if (w.possessive) return false;
    if (i === start) return w.cap || /^\d/.test(w.text);
    return w.cap || /^\d/.test(w.text) || NAME_GLUE.has(w.key) || w.text === '.';
  };
}

/** Short all-caps dictionary entries ("US", "IS") must be written in capitals in the text too. */
function caseOk(view: SentenceView, w0: number, w1: number): boolean {
  if (w1 - w0 !== 1) {
    // A multi-word match must not end on glue ("Bank of").
    return !NAME_GLUE.has(view.keys[w1 - 1]!) || view.words[w1 - 1]!.cap;
  }
  const w = view.words[w0]!;
  const letters = w.text.replace(/[^\p{L}]/gu, '');
  if (letters.length <= 3) return letters === letters.toUpperCase();
  return true;
}

const PERSON_CODE_SECTORS = /(GOV|ELI|LEG|MIL|JUD|OPP|PTY|BUS|SPY)/;

/** Entity type of an actor-dictionary record that is not a place. */
export function actorType(gaz: Gazetteer, record: ActorRecord): EntityType {
  if (record.type) return record.type;
  const words = record.phrases[0] ?? [];
  if (words.some((w) => gaz.orgWords.has(w))) return 'ORG';
  const dated = record.codes.some((c) => !c.isDefault);
  if (record.countryInfo || (dated && words.length >= 2 && words.length <= 4)) return 'PERSON';
  const first = words[0];
  if (first && gaz.firstNames.has(first) && words.length >= 2 && words.length <= 4) {
    const code = record.codes[0]?.code ?? '';
    if (PERSON_CODE_SECTORS.test(code)) return 'PERSON';
  }
  return 'ORG';
}

function bestActor(hits: readonly { record: ActorRecord; rank: number }[], date?: string): ActorRecord {
  let best = hits[0]!;
  for (const h of hits) {
    const hasDate = codeAt(h.record, date) !== undefined;
    const bestHas = codeAt(best.record, date) !== undefined;
    if ((hasDate && !bestHas) || (hasDate === bestHas && h.rank > best.rank)) best = h;
  }
  return best.record;
}

function isCountryCode(gaz: Gazetteer, code: string | undefined): string | undefined {
  if (!code) return undefined;
  const cc = code.slice(0, 3);
  return gaz.countries.has(cc) && /^[A-Z]{3}(OCC)?$/.test(code) ? cc : undefined;
}

/** Denotation for a span matched in both the place gazetteer and the actor dictionaries. */
function denote(
  ctx: CandidateContext,
  view: SentenceView,
  w0: number,
  w1: number,
  places: readonly PlaceHit[],
  actors: readonly { record: ActorRecord; rank: number }[],
): Denotation | undefined {
  // Shared names and demonyms ("American": USA, American Samoa…) go to an independent country first.
  type CountryHit = Extract<PlaceHit, { kind: 'country' | 'demonym' }>;
  const pick = (kind: 'country' | 'demonym'): CountryHit | undefined => {
    const hits = places.filter((p): p is CountryHit => p.kind === kind);
    return hits.find((p) => p.country.independent) ?? hits[0];
  };
  const country = pick('country');
  if (country) return country;
  const demonym = pick('demonym');
  if (demonym) return demonym;
  const region = places.find((p) => p.kind === 'region');
  if (region) return region;
  const admin = places.find((p): p is Extract<PlaceHit, { kind: 'admin' }> => p.kind === 'admin');
  if (admin) return { kind: 'place', country: admin.admin.country, admin: admin.admin };
  const city = places.find((p): p is Extract<PlaceHit, { kind: 'city' }> => p.kind === 'city');
  if (actors.length > 0) {
    const record = bestActor(actors, ctx.date);
    const code = codeAt(record, ctx.date)?.code;
    const cc = isCountryCode(ctx.gaz, code);
    if (cc) {
      const inCountry = city?.cities.filter((c) => c.country === cc);
      if (inCountry && inCountry.length > 0) return { kind: 'city', cities: inCountry, country: cc };
      const country = ctx.gaz.countries.get(cc)!;
      // The country's own record: its primary phrase, acronyms ("US", "U.S."), listed short names.
      const body = view.keys[w0] === 'THE' ? w0 + 1 : w0;
      const surface = view.keys.slice(body, w1).join(' ');
      const acronym = w1 - body === 1 && /^[A-Z.]{2,6}$/.test(view.words[body]!.text);
      const countryName = (ctx.gaz.places.get(view.keys.slice(body, w1)) ?? []).some((p) => p.kind === 'country' && p.country.cca3 === cc);
      if (acronym || countryName || record.phrases[0]?.join(' ') === surface || ctx.gaz.countryAliases.get(surface) === cc) {
        return { kind: 'country', country };
      }
      return { kind: 'place', country: cc, record };
    }
    return { kind: 'actor', record, type: actorType(ctx.gaz, record) };
  }
  if (city) {
    // A bare city name is only taken in a place-like context or when it is a large city.
    const prev = view.keys[w0 - 1];
    const next = view.words[w1];
    const locative = prev !== undefined && LOCATIVE.has(prev);
    const appositive = next?.text === ',' && isCapWord(view, w1 + 1);
    const big = (city.cities[0]?.population ?? 0) >= 500_000 && !view.words[w0]!.initial;
    if (locative || appositive || big) return { kind: 'city', cities: city.cities };
  }
  return undefined;
}

/** Dictionary and gazetteer matches, longest at each position. */
export function dictionaryCandidates(ctx: CandidateContext, view: SentenceView): Candidate[] {
  const out: Candidate[] = [];
  const { words, keys } = view;
  for (let i = 0; i < words.length; i++) {
    if (!isCapWord(view, i)) continue;
    const accept = nameAccept(view, i);
    const actorMatches = ctx.gaz.actors.matchesAt(keys, i, accept);
    const placeMatches = ctx.gaz.places.matchesAt(keys, i, accept);
    const ends = new Set<number>([...actorMatches.map((m) => m.end), ...placeMatches.map((m) => m.end)]);
    const sorted = [...ends].sort((a, b) => b - a);
    for (const end of sorted) {
      if (!caseOk(view, i, end)) continue;
      const places = placeMatches.find((m) => m.end === end)?.values ?? [];
      const actors = actorMatches.find((m) => m.end === end)?.values ?? [];
      const d = denote(ctx, view, i, end, places, actors);
      if (!d) continue;
      out.push({
        sentence: view.index,
        w0: i,
        w1: end,
        start: words[i]!.start,
        end: words[end - 1]!.end,
        denotes: d,
        source: actors.length > 0 ? 'dict' : 'gazetteer',
        confidence: d.kind === 'city' && actors.length === 0 ? 0.7 : 0.9,
      });
      break;
    }
  }
  return out;
}

/** The longest title ending right before word `end` ("Secretary General", "Prime Minister"). */
export function titleBefore(ctx: CandidateContext, view: SentenceView, end: number): TitleMatch | undefined {
  let best: TitleMatch | undefined;
  for (let s = Math.max(0, end - 4); s < end; s++) {
    for (const m of ctx.gaz.titles.matchesAt(view.keys, s)) {
      if (m.end === end && (!best || s < best.w0)) best = { w0: s, titles: [...m.values] };
    }
  }
  // "President of Argentina Alberto Fernández": a title with its country complement before the name.
  // Looked for only when an "of" stands just before (this runs for every capitalised word).
  if (!best) {
    for (let p = end - 2; p >= Math.max(1, end - 6); p--) {
      if (view.keys[p] !== 'OF') continue;
      const place = countryEndingAt(ctx.gaz, view, end);
      if (!place || place.w0 !== p + 1) break;
      const title = titleBefore(ctx, view, p);
      if (title && !title.country) return { w0: title.w0, titles: title.titles, country: place.cca3 };
      break;
    }
  }
  // Chained titles: "US NATO Ambassador" is handled by modifiers; "Vice Admiral" by longer entries.
  return best;
}

export interface TitleMatch {
  readonly w0: number;
  readonly titles: Title[];
  /** The country a title names with "of" ("President of Argentina") — stated, so it beats dictionaries. */
  readonly country?: string;
}

function countryOfHits(values: readonly PlaceHit[]): string | undefined {
  const hits = values.filter((v): v is Extract<PlaceHit, { kind: 'country' }> => v.kind === 'country');
  return (hits.find((h) => h.country.independent) ?? hits[0])?.country.cca3;
}

/** A country name (capitalised) occupying words [w0, end), e.g. "Argentina", "the United States". */
export function countryEndingAt(gaz: Gazetteer, view: SentenceView, end: number): { w0: number; cca3: string } | undefined {
  for (let s = Math.max(0, end - 4); s < end; s++) {
    if (!view.words[s]!.cap) continue;
    for (const m of gaz.places.matchesAt(view.keys, s)) {
      if (m.end !== end) continue;
      const cca3 = countryOfHits(m.values);
      if (cca3) return { w0: view.keys[s - 1] === 'THE' ? s - 1 : s, cca3 };
    }
  }
  return undefined;
}

/** A country name starting at word w0 ("Jordan" in "King Abdullah II of Jordan"); the longest match. */
export function countryStartingAt(gaz: Gazetteer, view: SentenceView, w0: number): { w1: number; cca3: string } | undefined {
  const s = view.keys[w0] === 'THE' ? w0 + 1 : w0;
  if (!view.words[s]?.cap) return undefined;
  const ms = [...gaz.places.matchesAt(view.keys, s)].sort((a, b) => b.end - a.end);
  for (const m of ms) {
    const cca3 = countryOfHits(m.values);
    if (cca3) return { w1: m.end, cca3 };
  }
  return undefined;
}

/** A run of capitalised name words starting at i (no glue at the ends). */
function capitalRun(view: SentenceView, i: number, max = 5): number {
  let j = i;
  while (j < view.words.length && j - i < max && isCapWord(view, j)) j++;
  return j;
}

/** Persons introduced by a title ("Chancellor Angela Merkel") or a known given name. */
export function personCandidates(ctx: CandidateContext, view: SentenceView): Candidate[] {
  const out: Candidate[] = [];
  const { words, keys } = view;
  for (let i = 0; i < words.length; i++) {
    if (!isCapWord(view, i)) continue;
    const end = capitalRun(view, i);
    // "Secretary General Jens …": the run starts inside a title; the name starts after it.
    if (ctx.gaz.titles.matchesAt(keys, i).some((m) => m.end < end)) continue;
    // "the Governor General of Canada": a run that is all title words names no one.
    if (ctx.gaz.titles.matchesAt(keys, i).some((m) => m.end === end)) continue;
    const title = i > 0 ? titleBefore(ctx, view, i) : undefined;
    const gender = ctx.gaz.firstNames.get(keys[i]!);
    if (!title && !gender) continue;
    // A title followed by a single capitalised word that is a place/organisation is not a person.
    if (end === i) continue;
    if (!title && end - i < 2) continue;
    // "Wayne State University" starts with a given name but is an organisation.
    if (ctx.gaz.orgWords.has(keys[end - 1]!)) continue;
    out.push({
      sentence: view.index,
      w0: i,
      w1: end,
      start: words[i]!.start,
      end: words[end - 1]!.end,
      denotes: { kind: 'person' },
      source: title ? 'title' : 'names',
      confidence: title ? 0.8 : 0.7,
      ...(title ? { title } : {}),
    });
    i = end - 1;
  }
  return out;
}

/** NER spans mapped from token indices to word indices. */
export function nerCandidates(view: SentenceView, spans: readonly NerSpan[], gaz?: Gazetteer): Candidate[] {
  const out: Candidate[] = [];
  for (const s of spans) {
    let w0 = -1;
    let w1 = -1;
    view.words.forEach((w, i) => {
      if (w.tokenInSentence >= s.start && w.tokenInSentence < s.end) {
        if (w0 < 0) w0 = i;
        w1 = i + 1;
      }
    });
    if (w0 < 0) continue;
    // A leading article is not part of the name ("The US-led…").
    while (w0 < w1 && (view.keys[w0] === 'THE' || view.words[w0]!.punct)) w0++;
    // "President of Argentina Alberto Fernández" with the span starting at the country: the country
    // is the title's complement, not the first name.
    if (s.type === 'PERSON' && gaz && w0 >= 2 && view.keys[w0 - 1] === 'OF' && titleBefore({ gaz }, view, w0 - 1)) {
      const c = countryStartingAt(gaz, view, w0);
      if (c && c.w1 < w1 && view.words[c.w1]!.cap) w0 = c.w1;
    }
    // Nor are titles and their modifiers before a person's name ("U.S. President Donald Trump",
    // "First Minister of Scotland Nicola Sturgeon"): the name is what follows the last title.
    if (s.type === 'PERSON' && gaz) {
      let nameStart = w0;
      for (let k = w0; k < w1; k++) {
        for (const t of gaz.titles.matchesAt(view.keys, k)) if (t.end < w1 && t.end > nameStart) nameStart = t.end;
      }
      if (nameStart > w0) {
        w0 = nameStart;
        // "… of Scotland Nicola Sturgeon": skip the title's complement up to the name itself.
        while (w0 < w1 - 1 && (!view.words[w0]!.cap || gaz.places.matchesAt(view.keys, w0).some((m) => m.end < w1) || gaz.actors.matchesAt(view.keys, w0).some((m) => m.end < w1 && m.end - w0 === 1))) w0++;
      }
    }
    // Trailing possessive markers and lower-case pieces of a hyphenated token ("States-led") are not part of the name.
    while (
      w1 > w0 &&
      (view.words[w1 - 1]!.possessive ||
        view.words[w1 - 1]!.punct ||
        (!view.words[w1 - 1]!.cap && view.words[w1 - 2]?.token === view.words[w1 - 1]!.token))
    )
      w1--;
    // "Qaboos bin Said of Oman", "Kristian Andersen of Scripps Research": the "of …" part is not the name.
    if (s.type === 'PERSON') {
      const of = view.keys.slice(w0 + 1, w1).indexOf('OF');
      if (of >= 0 && w0 + 1 + of > w0 + 1) w1 = w0 + 1 + of;
    }
    if (w1 <= w0) continue;
    // "Wayne State University" typed PERSON: a last word that marks organisations wins.
    const type = s.type === 'PERSON' && gaz && w1 - w0 > 1 && gaz.orgWords.has(view.keys[w1 - 1]!) ? 'ORG' : s.type;
    out.push({
      sentence: view.index,
      w0,
      w1,
      start: view.words[w0]!.start,
      end: view.words[w1 - 1]!.end,
      denotes: type === 'PERSON' ? { kind: 'person' } : { kind: 'other', type },
      source: 'ner',
      confidence: s.confidence,
    });
  }
  return out;
}

const RANK: Record<Candidate['source'], number> = { dateline: 6, dict: 5, title: 4, gazetteer: 3, names: 2, ner: 1 };

/**
 * One candidate per region of text. Longer spans win, except that a dictionary or gazetteer match
 * keeps its denotation when the NER span is the same words. NER types refine untyped matches.
 */
export function selectCandidates(cands: readonly Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => b.w1 - b.w0 - (a.w1 - a.w0) || RANK[b.source] - RANK[a.source]);
  const taken: Candidate[] = [];
  for (const c of sorted) {
    const clash = taken.find((t) => c.w0 < t.w1 && t.w0 < c.w1);
    if (clash) continue;
    taken.push(c);
  }
  return taken.sort((a, b) => a.w0 - b.w0);
}
