/**
 * Name mentions → entities. Places, countries and dictionary actors cluster by identity; persons by
 * name: a full name, its bare surname and a title + name are one person unless the given names
 * conflict ("John Smith" and "Mary Smith" stay apart); a capital acting as an agent is a mention of
 * its country's government (metonymy).
 */
import type { EntityType } from '../../core/document.ts';
import type { City, Gazetteer, Title } from '../gazetteer/index.ts';
import { codeAt, type ActorRecord } from '../gazetteer/tabari.ts';
import { countryStartingAt, titleBefore } from '../recognize/candidates.ts';
import type { Candidate, SentenceView, WorkEntity, WorkMention, Workspace } from '../model.ts';
import { addMention } from '../model.ts';
import { isAgentive, isLocative, isSubject, workMention as mention } from '../syntax.ts';
import { variantKey } from './variants.ts';

const SUFFIXES = new Set(['JR', 'JR.', 'SR', 'SR.', 'II', 'III', 'IV']);

function newEntity(cls: WorkEntity['cls'], type: EntityType, name: string, confidence: number): WorkEntity {
  return { cls, type, name, mentions: [], titles: [], confidence, sources: new Set() };
}

function surfaceOf(view: SentenceView, w0: number, w1: number, text: string): string {
  return text.slice(view.words[w0]!.start, view.words[w1 - 1]!.end);
}

/** Given-name compatibility: equal, or one is an initial of the other ("J." / "Jens"). */
function givenCompatible(a: readonly string[], b: readonly string[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!.replace(/\.$/, '');
    const y = b[i]!.replace(/\.$/, '');
    if (x === y) continue;
    if ((x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y))) continue;
    return false;
  }
  return true;
}

export class Clusterer {
  private readonly byKey = new Map<string, WorkEntity>();
  private readonly persons: WorkEntity[] = [];

  constructor(
    private readonly ws: Workspace,
    private readonly gaz: Gazetteer,
  ) {}

  private keyed(key: string, make: () => WorkEntity): WorkEntity {
    let e = this.byKey.get(key);
    if (!e) {
      e = make();
      this.byKey.set(key, e);
      this.ws.entities.push(e);
    }
    return e;
  }

  /** Country entity (created on demand). */
  country(cca3: string): WorkEntity | undefined {
    const c = this.gaz.countries.get(cca3);
    if (!c) return undefined;
    return this.keyed(`country:${cca3}`, () => {
      const e = newEntity('country', 'GPE', c.name, 0.9);
      e.country = cca3;
      e.countryRec = c;
      return e;
    });
  }

  /** City entity keyed by its upper-case name. */
  city(key: string, name: string, cities: readonly City[], country?: string): WorkEntity {
    return this.keyed(`city:${key}`, () => {
      const x = newEntity('city', 'GPE', name, 0.9);
      x.cities = cities;
      if (country) x.country = country;
      return x;
    });
  }

  add(view: SentenceView, c: Candidate): void {
    const d = c.denotes;
    const text = this.ws.text;
    const surface = surfaceOf(view, c.w0, c.w1, text).replace(/^the\s+/i, '');
    switch (d.kind) {
      case 'country': {
        const e = this.country(d.country.cca3)!;
        const m = mention(view, c.w0, c.w1, 'name', c.confidence);
        addMention(e, m);
        e.sources.add(c.source);
        return;
      }
      case 'demonym': {
        const e = this.country(d.country.cca3)!;
        addMention(e, mention(view, c.w0, c.w1, 'demonym', c.confidence));
        e.sources.add(c.source);
        return;
      }
      case 'city': {
        const key = surface.toUpperCase();
        const capitalOf = this.gaz.capitals.get(key)?.filter((k) => !d.country || k.cca3 === d.country);
        // Not when the capital opens the sentence before a comma (a dateline-like place), nor in an
        // apposition that places it ("Washington, in the United States", "Baghdad, Iraq").
        const datelineLike = view.words[c.w0]!.initial && view.words[c.w1]?.text === ',';
        const placed = view.words[c.w1]?.text === ',' && (view.keys[c.w1 + 1] === 'IN' || (this.gaz.places.get([view.keys[c.w1 + 1]!]) ?? []).some((p) => p.kind === 'country'));
        if (capitalOf && capitalOf.length > 0 && !isLocative(view, c.w0) && !datelineLike && !placed) {
          // Metonymy: a capital that is not a place of something stands for its country.
          const country = this.country(capitalOf[0]!.cca3)!;
          const m = mention(view, c.w0, c.w1, 'name', c.confidence);
          if (isAgentive(view, c.w0, c.w1)) m.code = `${country.country}GOV`;
          addMention(country, m);
          return;
        }
        const e = this.city(key, surface, d.cities, d.country);
        addMention(e, mention(view, c.w0, c.w1, 'name', c.confidence));
        e.sources.add(c.source);
        return;
      }
      case 'place': {
        const e = this.keyed(`place:${(d.admin?.name ?? surface).toUpperCase()}`, () => {
          const x = newEntity('place', 'GPE', d.admin?.name ?? surface, c.confidence);
          x.country = d.country;
          if (d.admin) x.admin = d.admin;
          if (d.record) x.record = d.record;
          return x;
        });
        addMention(e, mention(view, c.w0, c.w1, 'name', c.confidence));
        return;
      }
      case 'region': {
        const e = this.keyed(`region:${d.region.name}`, () => {
          const x = newEntity('region', 'LOC', d.region.name, c.confidence);
          x.region = d.region;
          return x;
        });
        addMention(e, mention(view, c.w0, c.w1, 'name', c.confidence));
        return;
      }
      case 'actor': {
        if (d.type === 'PERSON') {
          this.addPerson(view, c, d.record);
          return;
        }
        // "United States President Donald Trump": a dictionary phrase ending in a title before a name
        // is that person's title, not an organisation.
        const next = view.words[c.w1];
        if (next?.cap && !next.punct && titleBefore({ gaz: this.gaz }, view, c.w1)) return;
        // Some dictionary records are bags of distinct bodies sharing a code (the US Department of
        // Transportation with the FAA and the NTSB): cluster by the body the phrase names.
        const variant = variantKey(d.record, view.keys.slice(c.w0, c.w1));
        const e =
          this.byKey.get(`actor:${variant}`) ??
          this.acronymTarget(view, c) ??
          this.keyed(`actor:${variant}`, () => {
            const x = newEntity('org', d.type, surface, c.confidence);
            x.record = d.record;
            return x;
          });
        addMention(e, mention(view, c.w0, c.w1, 'name', c.confidence));
        e.sources.add(c.source);
        return;
      }
      case 'person':
        this.addPerson(view, c, undefined);
        return;
      case 'other': {
        // A bare surname of a person already named is that person, whatever type the model gave it.
        if (c.w1 - c.w0 === 1 && d.type !== 'PERSON' && this.surnameOf(view.keys[c.w0]!)) {
          this.addPerson(view, { ...c, denotes: { kind: 'person' } }, undefined);
          return;
        }
        const demonym = d.type === 'NORP' ? this.gaz.places.get(view.keys.slice(c.w0, c.w1)) : undefined;
        const dems = (demonym ?? []).filter((p) => p.kind === 'demonym' || p.kind === 'country');
        // Shared demonyms ("American") go to an independent country first.
        const dem = dems.find((p) => (p.kind === 'demonym' || p.kind === 'country') && p.country.independent) ?? dems[0];
        if (dem && (dem.kind === 'demonym' || dem.kind === 'country')) {
          const e = this.country(dem.country.cca3)!;
          addMention(e, mention(view, c.w0, c.w1, dem.kind === 'demonym' ? 'demonym' : 'name', c.confidence));
          return;
        }
        // A place the model found again where the gazetteer already placed it earlier is the same city.
        const known = d.type === 'GPE' || d.type === 'LOC' ? this.byKey.get(`city:${surface.toUpperCase()}`) : undefined;
        if (known) {
          addMention(known, mention(view, c.w0, c.w1, 'name', c.confidence));
          return;
        }
        const cls = d.type === 'NORP' ? 'norp' : d.type === 'ORG' ? 'org' : d.type === 'PERSON' ? 'person' : 'other';
        const e =
          (d.type === 'ORG' ? this.acronymTarget(view, c) : undefined) ??
          this.keyed(`${d.type}:${surface.toUpperCase()}`, () => newEntity(cls, d.type, surface, c.confidence));
        addMention(e, mention(view, c.w0, c.w1, 'name', c.confidence));
        e.sources.add(c.source);
        return;
      }
    }
  }

  private addPerson(view: SentenceView, c: Candidate, record: ActorRecord | undefined): void {
    // Name words without titles in front ("President Ronald Reagan") or generational suffixes behind.
    let n0 = c.w0;
    let n1 = c.w1;
    for (;;) {
      const t = this.gaz.titles.matchesAt(view.keys, n0).find((m) => m.end < n1);
      if (!t) break;
      n0 = t.end;
    }
    while (n1 - n0 > 1 && (SUFFIXES.has(view.keys[n1 - 1]!) || view.keys[n1 - 1] === ',')) n1--;
    const words = view.keys.slice(n0, n1).filter((k) => !/^[.,]$/.test(k));
    const surface = surfaceOf(view, n0, n1, this.ws.text);
    const title = c.title ?? titleBefore({ gaz: this.gaz }, view, c.w0);
    const titles: readonly Title[] = title ? title.titles : [];
    const titleGender = titles.find((t) => t.gender)?.gender;
    let w0 = title ? title.w0 : c.w0;
    // Modifiers before the title that are names themselves ("US NATO Ambassador …") belong to the mention.
    while (title && w0 > 0 && view.words[w0 - 1]!.cap && !view.words[w0 - 1]!.punct) w0--;
    const m = mention(view, w0, c.w1, 'name', c.confidence);
    m.subject = isSubject(view, w0, c.w1);

    let target: WorkEntity | undefined;
    if (record) target = this.persons.find((p) => p.record === record);
    if (!target && words.length >= 2) {
      const last = words[words.length - 1]!;
      target = [...this.persons].reverse().find((p) => {
        const n = p.nameWords ?? [];
        if (n.join(' ') === words.join(' ')) return true;
        if (n[n.length - 1] !== last) return false;
        if (n.length === 1) return !p.gender || !titleGender || p.gender === titleGender;
        return givenCompatible(n.slice(0, -1), words.slice(0, -1));
      });
      if (target && (target.nameWords?.length ?? 0) < words.length) {
        target.nameWords = words;
        target.name = surface;
      }
    }
    if (!target && words.length === 1) {
      const gender = titleGender;
      target = [...this.persons]
        .sort((a, b) => lastMention(b) - lastMention(a))
        .find((p) => {
          const n = p.nameWords ?? [];
          return n[n.length - 1] === words[0] && (!gender || !p.gender || p.gender === gender);
        });
    }
    // "President Trump": a titled surname is the dictionary person of that surname whose role on the
    // reference date matches the title — when exactly one does.
    if (!target && !record && words.length === 1 && titles.length > 0) record = this.titledDictionaryPerson(words[0]!, titles);
    if (!target) {
      target = newEntity('person', 'PERSON', surface, c.confidence);
      target.nameWords = words;
      if (record) target.record = record;
      this.persons.push(target);
      this.ws.entities.push(target);
    }
    // "King Abdullah II of Jordan", "President of Argentina Alberto Fernández": a titled person's
    // stated country.
    const after = titles.length > 0 && view.keys[c.w1] === 'OF' ? countryStartingAt(this.gaz, view, c.w1 + 1) : undefined;
    const stated = title?.country ?? after?.cca3;
    if (stated) target.statedCountry ??= stated;
    if (record && !target.record) target.record = record;
    const first = target.nameWords && target.nameWords.length > 1 ? target.nameWords[0] : undefined;
    target.gender ??= record?.gender ?? titleGender ?? (first ? this.gaz.firstNames.get(first) : undefined);
    for (const t of titles) if (!target.titles.includes(t)) target.titles.push(t);
    if (title && w0 < title.w0) {
      // Remember the modifier words (for "US" → USA) by position; codes.ts resolves them.
      m.w0 = w0;
    }
    addMention(target, m);
    target.sources.add(c.source);
  }

  /** "NTSB" after "National Transportation Safety Board": an acronym of an organisation named before. */
  private acronymTarget(view: SentenceView, c: Candidate): WorkEntity | undefined {
    if (c.w1 - c.w0 !== 1) return undefined;
    const text = view.words[c.w0]!.text.replace(/\./g, '');
    if (!/^[A-Z]{2,6}$/.test(text)) return undefined;
    return this.ws.entities.find((e) => {
      if (e.type !== 'ORG' || e.cls !== 'org') return false;
      const initials = e.name
        .split(/[\s-]+/)
        .filter((w) => /^\p{Lu}/u.test(w))
        .map((w) => w[0])
        .join('');
      return initials === text;
    });
  }

  private titledDictionaryPerson(surname: string, titles: readonly Title[]): ActorRecord | undefined {
    const found = (this.gaz.personsBySurname.get(surname) ?? []).filter((r) => {
      const role = codeAt(r, this.ws.date)?.role?.toLowerCase();
      return role !== undefined && titles.some((t) => role.includes(t.text.toLowerCase()));
    });
    return found.length === 1 ? found[0] : undefined;
  }

  private surnameOf(key: string): WorkEntity | undefined {
    return this.persons.find((p) => (p.nameWords?.length ?? 0) > 1 && p.nameWords![p.nameWords!.length - 1] === key);
  }

  /**
   * Countries named inside an organisation's or facility's name ("UK RAF", "United States Air
   * Force", "Singapore's Changi Airport") are nested mentions of those countries.
   */
  addNestedCountries(view: SentenceView, c: Candidate): void {
    const type = c.denotes.kind === 'other' ? c.denotes.type : c.denotes.kind === 'actor' ? c.denotes.type : undefined;
    if (type !== 'ORG' && type !== 'FAC') return;
    for (let i = c.w0; i < c.w1; i++) {
      for (const m of this.gaz.places.matchesAt(view.keys, i)) {
        // Strictly inside: a span that is all country is the country itself, handled elsewhere.
        if (m.end > c.w1 || (i === c.w0 && m.end === c.w1)) continue;
        const hits = m.values.filter((v) => v.kind === 'country' || v.kind === 'demonym');
        const hit = hits.find((v) => (v.kind === 'country' || v.kind === 'demonym') && v.country.independent) ?? hits[0];
        if (!hit || (hit.kind !== 'country' && hit.kind !== 'demonym')) continue;
        const letters = view.words[i]!.text.replace(/[^\p{L}]/gu, '');
        if (m.end - i === 1 && letters.length <= 3 && letters !== letters.toUpperCase()) continue;
        addMention(this.country(hit.country.cca3)!, mention(view, i, m.end, hit.kind === 'demonym' ? 'demonym' : 'name', 0.7));
        i = m.end - 1;
        break;
      }
    }
  }

  /** Bare surnames of known persons that no extractor proposed ("…,” Merkel said"). */
  addSurnames(view: SentenceView, covered: (sentence: number, w: number) => boolean): void {
    for (let i = 0; i < view.words.length; i++) {
      const w = view.words[i]!;
      if (!w.cap || w.punct || covered(view.index, i)) continue;
      const p = [...this.persons]
        .filter((x) => (x.nameWords?.length ?? 0) > 1 && x.nameWords![x.nameWords!.length - 1] === w.key)
        .sort((a, b) => lastMention(b) - lastMention(a))[0];
      if (!p) continue;
      addMention(p, mention(view, i, i + 1, 'name', 0.8));
    }
  }
}

function lastMention(e: WorkEntity): number {
  let max = -1;
  for (const m of e.mentions) max = Math.max(max, m.start);
  return max;
}

/** The dateline place ("Brussels, 12 February 2020 …") as a mention of a city or country. */
export function addDatelinePlace(
  ws: Workspace,
  gaz: Gazetteer,
  clusterer: Clusterer,
  place: string,
  start: number,
  country: string | undefined,
): void {
  const key = place.toUpperCase().replace(/[’‘]/g, "'").split(/[\s_-]+/).filter(Boolean);
  const hits = gaz.places.get(key) ?? [];
  const m: WorkMention = { start, end: start + place.length, sentence: -1, w0: -1, w1: -1, kind: 'name', subject: false, confidence: 0.95 };
  const countryHit = hits.find((h) => h.kind === 'country');
  if (countryHit && countryHit.kind === 'country') {
    addMention(clusterer.country(countryHit.country.cca3)!, m);
    return;
  }
  const cityHit = hits.find((h) => h.kind === 'city');
  const all = cityHit && cityHit.kind === 'city' ? cityHit.cities : [];
  const local = country ? all.filter((c) => c.country === country) : all;
  const e = clusterer.city(key.join(' '), place, local.length > 0 ? local : all, country);
  addMention(e, m);
  e.sources.add('dateline');
}
