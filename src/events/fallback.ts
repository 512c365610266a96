/**
 * Actor fallback: noun phrases the entity layer left without an actor code are coded here with the
 * TABARI/PETRARCH dictionaries, so that a role slot is not left empty because of the stage before.
 *  - an uncoded entity whose name is a dictionary actor (an IGO the recognizer found but did not
 *    code), or a dictionary person's name/surname whose dated roles all lie in one country;
 *  - sentence words no coded mention covers: a country or demonym followed by an agent noun
 *    ("Serb forces" → SRBMIL, "Iraqi riot police" → IRQCOP), a dictionary actor phrase written as a
 *    name ("European Community"), a plural demonym used as a noun ("Nigerians").
 * Such actors have no entity: they are reported by code only (the `entity` key is synthetic).
 */
import { readFileSync } from 'node:fs';
import type { Document, Entity } from '../core/document.ts';
import type { ActorHit, Gazetteer } from '../entities/gazetteer/index.ts';
import { codeAt, parseAgentDictionary, phraseWords, type ActorRecord, type AgentRecord } from '../entities/gazetteer/tabari.ts';
import { PhraseTrie } from '../entities/gazetteer/trie.ts';
import type { ActorMention, MentionIndex } from './actors.ts';
import type { SentenceView } from './syntax.ts';

export const SYNTHETIC_PREFIX = '#';

/** Is this actor one the fallback coded (no entity behind it)? */
export function isSynthetic(m: { readonly entity: string }): boolean {
  return m.entity.startsWith(SYNTHETIC_PREFIX);
}

export interface FallbackLexicon {
  readonly gazetteer: Gazetteer;
  /** Upper-case demonyms (singular and plural) the country list lacks ("SERB" → SRB). */
  readonly demonyms: ReadonlyMap<string, string>;
  /** Agent nouns the agents dictionary lacks as bare words (data/events/agents.txt). */
  readonly agents: PhraseTrie<AgentRecord>;
}

export function agentTrie(text: string): PhraseTrie<AgentRecord> {
  const trie = new PhraseTrie<AgentRecord>();
  for (const a of parseAgentDictionary(text)) trie.add(a.words, a);
  return trie;
}

export function loadAgents(): PhraseTrie<AgentRecord> {
  return agentTrie(readFileSync(new URL('../../data/events/agents.txt', import.meta.url), 'utf8'));
}

export function parseDemonyms(tsv: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of tsv.split(/\r?\n/)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [word, code] = line.split('\t').map((c) => c.trim());
    if (!word || !code) continue;
    for (const w of word.split('|')) out.set(w.toUpperCase(), code.toUpperCase());
  }
  return out;
}

export function loadDemonyms(): Map<string, string> {
  return parseDemonyms(readFileSync(new URL('../../data/events/demonyms.tsv', import.meta.url), 'utf8'));
}

/**
 * A record's code on `date`; outside its dated roles, the country all its codes share (a former
 * head of government is still an actor of his country), else nothing.
 */
export function recordCode(rec: Pick<ActorRecord, 'codes'>, date?: string): string | undefined {
  const c = codeAt(rec, date)?.code;
  if (c) return c;
  const roots = new Set(rec.codes.map((x) => x.code.slice(0, 3)));
  return roots.size === 1 ? [...roots][0] : undefined;
}

/** The code of a set of dictionary hits: the latest file wins; records that disagree on the country are ambiguous. */
export function hitsCode(hits: readonly ActorHit[], date?: string): string | undefined {
  if (hits.length === 0) return undefined;
  const top = Math.max(...hits.map((h) => h.rank));
  const codes = hits.filter((h) => h.rank === top).map((h) => recordCode(h.record, date)).filter((c): c is string => c !== undefined);
  if (codes.length === 0) return undefined;
  return new Set(codes.map((c) => c.slice(0, 3))).size === 1 ? codes[0] : undefined;
}

/** Persons by surname: one country among all candidates, else ambiguous. */
export function surnameCode(gaz: Gazetteer, surname: string, date?: string): string | undefined {
  const recs = gaz.personsBySurname.get(surname);
  if (!recs || recs.length === 0) return undefined;
  const dated = recs.map((r) => codeAt(r, date)?.code).filter((c): c is string => c !== undefined);
  // On the date, exactly one of them holds a role: that one.
  if (date && dated.length === 1) return dated[0];
  const codes = recs.map((r) => recordCode(r, date)).filter((c): c is string => c !== undefined);
  if (codes.length === 0 || new Set(codes.map((c) => c.slice(0, 3))).size !== 1) return undefined;
  return dated[0] ?? codes[0]!.slice(0, 3);
}

/** Code for an entity the entity layer left uncoded, from its name. */
export function entityFallbackCode(e: Entity, lex: FallbackLexicon, date?: string): string | undefined {
  if (e.code || e.country) return undefined;
  if (e.type !== 'ORG' && e.type !== 'PERSON' && e.type !== 'NORP') return undefined;
  const words = phraseWords(e.name);
  if (words.length === 0) return undefined;
  const exact = lex.gazetteer.actors.get(words) ?? (words[0] === 'THE' ? lex.gazetteer.actors.get(words.slice(1)) : undefined);
  if (exact) return hitsCode(exact, date);
  if (e.type === 'PERSON' && words.length === 1) return surnameCode(lex.gazetteer, words[0]!, date);
  if (e.type === 'NORP' && words.length === 1) return demonymCode(lex, words[0]!);
  if (e.type === 'ORG' || e.type === 'PERSON') return countryPrefixCode(words[0] === 'THE' ? words.slice(1) : words, e.type, lex, date);
  return undefined;
}

/**
 * "Nigerian Union of Teachers", "Montenegro Assembly", "Kyrgyz Prime Minister Nikolai Tanaev": a name
 * that begins with a country, its demonym or a city of the dictionaries belongs to that country, with
 * the sector of an agent noun in it. A person needs the agent noun (a title): "Jordan" may be a name.
 */
export function countryPrefixCode(words: readonly string[], type: 'ORG' | 'PERSON', lex: FallbackLexicon, date?: string): string | undefined {
  if (words.length < 2) return undefined;
  let country: string | undefined;
  let end = 0;
  for (const m of lex.gazetteer.places.matchesAt(words, 0)) {
    const hit = m.values.find((h) => h.kind === 'demonym' || h.kind === 'country');
    if (hit && (hit.kind === 'demonym' || hit.kind === 'country') && m.end > end) {
      country = hit.country.cca3;
      end = m.end;
    }
  }
  if (!country) {
    const own = lex.demonyms.get(words[0]!);
    if (own) [country, end] = [own, 1];
  }
  if (!country) {
    for (const m of lex.gazetteer.actors.matchesAt(words, 0)) {
      const c = hitsCode(m.values, date);
      if (c && c.length === 3 && m.end > end) [country, end] = [c, m.end];
    }
  }
  if (!country || end >= words.length) return undefined;
  for (let i = end; i < words.length; i++) {
    const a = lex.gazetteer.agents.matchesAt(words, i)[0] ?? lex.agents.matchesAt(words, i)[0];
    if (!a) continue;
    const { code, position } = a.values[0]!;
    // A prefix agent ("multinational …") says what kind of body it is, not whose: the country alone.
    return position === 'suffix' ? country + code : country;
  }
  return type === 'ORG' ? country : undefined;
}

/** Country of a demonym or country name, singular or plural ("IRAQIS", "SERB"). */
export function demonymCode(lex: FallbackLexicon, word: string): string | undefined {
  const own = lex.demonyms.get(word);
  if (own) return own;
  for (const w of [word, word.endsWith('S') ? word.slice(0, -1) : '']) {
    if (!w) continue;
    for (const hit of lex.gazetteer.places.get([w]) ?? []) {
      if (hit.kind === 'demonym') return hit.country.cca3;
    }
  }
  return undefined;
}

interface Word {
  readonly text: string;
  readonly token: number;
  /** First (last) word of its token. */
  readonly first: boolean;
  readonly last: boolean;
}

function sentenceWordsOf(v: SentenceView): Word[] {
  const out: Word[] = [];
  v.upper.forEach((u, token) => {
    const parts = u.includes('-') && u.length > 1 ? u.split('-').filter(Boolean) : [u];
    parts.forEach((text, k) => out.push({ text, token, first: k === 0, last: k === parts.length - 1 }));
  });
  return out;
}

const isName = (v: SentenceView, t: number): boolean => /^[A-Z]/.test(v.raw[t]!) && (!v.hasPos || v.upos[t] === 'PROPN' || v.upos[t] === 'NOUN' || v.upos[t] === 'ADJ');
const isNoun = (v: SentenceView, t: number): boolean => !v.hasPos || v.upos[t] === 'NOUN' || v.upos[t] === 'PROPN';

/** Longest country/demonym/country-actor at word `i`: its code and the word index after it. */
function countryAt(v: SentenceView, words: readonly Word[], i: number, lex: FallbackLexicon, date?: string): { code: string; end: number } | undefined {
  if (!words[i]!.first || !isName(v, words[i]!.token)) return undefined;
  const keys = words.map((w) => w.text);
  for (const m of lex.gazetteer.places.matchesAt(keys, i)) {
    if (!words[m.end - 1]!.last) continue;
    const hit = m.values.find((h) => h.kind === 'demonym' || h.kind === 'country');
    if (hit && (hit.kind === 'demonym' || hit.kind === 'country')) return { code: hit.country.cca3, end: m.end };
  }
  const own = words[i]!.last ? demonymCode(lex, words[i]!.text) : undefined;
  if (own) return { code: own, end: i + 1 };
  for (const m of lex.gazetteer.actors.matchesAt(keys, i)) {
    if (!words[m.end - 1]!.last) continue;
    const c = hitsCode(m.values, date);
    if (c && c.length === 3) return { code: c, end: m.end };
  }
  return undefined;
}

/** An agent noun starting at word `i` (up to two modifiers before it): the agent code and the word after it. */
function agentAt(v: SentenceView, words: readonly Word[], i: number, lex: FallbackLexicon): { code: string; position: 'suffix' | 'prefix'; end: number } | undefined {
  const keys = words.map((w) => w.text);
  for (let j = i; j < Math.min(words.length, i + 3); j++) {
    const t = words[j]!.token;
    if (!words[j]!.first) return undefined;
    const fits = (x: { end: number }): boolean => words[x.end - 1]!.last && isNoun(v, words[x.end - 1]!.token);
    const a = lex.gazetteer.agents.matchesAt(keys, j).find(fits);
    const b = lex.agents.matchesAt(keys, j).find(fits);
    const m = a && (!b || a.end >= b.end) ? a : b;
    if (m) return { code: m.values[0]!.code, position: m.values[0]!.position, end: m.end };
    // Only lower-case modifiers may stand between ("Iraqi riot police", "Chilean government officials").
    if (/^[A-Z]/.test(v.raw[t]!) || (v.hasPos && v.upos[t] !== 'ADJ' && v.upos[t] !== 'NOUN')) return undefined;
  }
  return undefined;
}

function synthetic(code: string, first: number, last: number, v: SentenceView): ActorMention {
  return {
    entity: `${SYNTHETIC_PREFIX}${code}@${v.index}:${first}`,
    start: v.tokens[first]!.start,
    end: v.tokens[last]!.end,
    kind: 'name',
    type: 'ORG',
    code,
    first,
    last,
  };
}

/**
 * Dictionary actors over the words of a sentence that no coded mention covers. Returns new mentions
 * (token ranges within the sentence); mentions the entity layer made are never replaced.
 */
export function dictionaryMentions(v: SentenceView, ix: MentionIndex, lex: FallbackLexicon, date?: string, home?: string): ActorMention[] {
  const words = sentenceWordsOf(v);
  const keys = words.map((w) => w.text);
  const coded = (t: number): boolean => (ix.byToken[t] ?? []).some((m) => m.code);
  const out: ActorMention[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!w.first || coded(w.token)) continue;
    // "The protesters clashed with the police" in an article about one country: a bare agent noun
    // (lower-case, no name before it) is that country's ("SRBOPP", "SRBCOP").
    if (home && (!v.hasPos || v.upos[w.token] === 'NOUN' || v.upos[w.token] === 'ADJ') && !/^[A-Z]/.test(v.raw[w.token]!) && !(i > 0 && words[i - 1]!.token !== w.token && coded(words[i - 1]!.token) && isName(v, words[i - 1]!.token))) {
      const agent = agentAt(v, words, i, lex);
      const end = agent ? words[agent.end - 1]!.token : -1;
      if (agent && v.upper[end] === words[agent.end - 1]!.text && ![...Array(end - w.token + 1).keys()].some((k) => coded(w.token + k))) {
        out.push(synthetic(agent.position === 'suffix' ? home + agent.code : agent.code + home, w.token, end, v));
        i = agent.end - 1;
        continue;
      }
    }
    const country = countryAt(v, words, i, lex, date);
    if (country) {
      const agent = country.end < words.length ? agentAt(v, words, country.end, lex) : undefined;
      const lastTok = agent ? words[agent.end - 1]!.token : words[country.end - 1]!.token;
      let clear = true;
      for (let t = w.token; t <= lastTok; t++) if (coded(t)) clear = false;
      if (agent && clear) {
        const code = agent.position === 'suffix' ? country.code + agent.code : agent.code + country.code;
        out.push(synthetic(code, w.token, lastTok, v));
        i = agent.end - 1;
        continue;
      }
      // A plural demonym is a group of people ("Nigerians"); a singular one a modifier the roles read anyway.
      const tok = words[country.end - 1]!.token;
      if (clear && country.end === i + 1 && isNoun(v, tok) && /S$/.test(w.text) && !lex.gazetteer.places.get([w.text])?.some((h) => h.kind === 'country')) {
        out.push(synthetic(country.code, w.token, tok, v));
        continue;
      }
    }
    if (!isName(v, w.token)) continue;
    for (const m of lex.gazetteer.actors.matchesAt(keys, i, (k) => !coded(words[k]!.token))) {
      if (!words[m.end - 1]!.last) continue;
      // A one-word match must be a name, not a sentence-initial common word.
      if (m.end - i === 1 && (v.hasPos ? v.upos[w.token] !== 'PROPN' : w.token === 0)) continue;
      let code = hitsCode(m.values, date);
      if (!code) continue;
      let lastTok = words[m.end - 1]!.token;
      // "European Community foreign ministers": the agent noun is part of the actor's phrase.
      const agent = agentAt(v, words, m.end, lex);
      if (agent) {
        lastTok = words[agent.end - 1]!.token;
        if (code.length === 3) code = agent.position === 'suffix' ? code + agent.code : agent.code + code;
      }
      out.push(synthetic(code, w.token, lastTok, v));
      i = (agent ? agent.end : m.end) - 1;
      break;
    }
  }
  return out;
}

/** The index with fallback mentions added: coded mentions over a token come first. */
export function withFallback(v: SentenceView, ix: MentionIndex, lex: FallbackLexicon, date?: string, home?: string): MentionIndex {
  const extra = dictionaryMentions(v, ix, lex, date, home);
  if (extra.length === 0) return ix;
  const byToken = ix.byToken.map((l) => [...l]);
  for (const m of extra) for (let t = m.first; t <= m.last; t++) byToken[t]!.push(m);
  for (const list of byToken) list.sort((a, b) => b.end - b.start - (a.end - a.start) || (b.code ? 1 : 0) - (a.code ? 1 : 0));
  const all = [...ix.all, ...extra].sort((a, b) => a.start - b.start);
  return { all, byToken };
}

/** Entities of a document with fallback codes for those the entity layer left uncoded. */
export function entitiesWithFallback(doc: Document, lex: FallbackLexicon): Document['entities'] {
  const date = doc.meta.referenceDate;
  let changed = false;
  const out = doc.entities.map((e) => {
    const code = entityFallbackCode(e, lex, date);
    if (!code) return e;
    changed = true;
    return { ...e, code };
  });
  return changed ? out : doc.entities;
}

/** Organisations' and others' code prefixes that are no country. */
const NON_COUNTRY = /^(IGO|NGO|MNC|IMG|UAF|REB|OPP|CVL|GOV|MIL|COP|MED|BUS|EDU|JUD|LEG|SPY|CRM|HLH|REF|LAB|AGR|ELI|SET|IRC|UNO|INT|MOD|RAD|PTY)/;

/**
 * The country an article is about, for its bare agent nouns: the country of most place and demonym
 * mentions, when it has at least `min` of them and more than half. Undefined for articles about
 * several countries alike (a summit) and for single sentences.
 */
export function homeCountry(mentions: readonly { readonly kind: string; readonly type: string; readonly code?: string }[], min = 3): string | undefined {
  const counts = new Map<string, number>();
  let total = 0;
  for (const m of mentions) {
    if (!m.code || !(m.type === 'GPE' || m.kind === 'demonym' || m.type === 'NORP')) continue;
    const c = m.code.slice(0, 3);
    if (!/^[A-Z]{3}$/.test(c) || NON_COUNTRY.test(c)) continue;
    counts.set(c, (counts.get(c) ?? 0) + 1);
    total++;
  }
  let best: string | undefined;
  let n = 0;
  for (const [c, k] of counts) if (k > n) [best, n] = [c, k];
  return best && n >= min && n * 2 > total ? best : undefined;
}
