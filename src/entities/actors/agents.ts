/**
 * Agents (PETRARCH's agents dictionary: "parliament" ~LEG, "troops" ~MIL, "government" ~GOV…)
 * combined with the country of a modifier: a demonym or country name ("Iraqi troops" → IRQMIL),
 * a possessor ("the country’s parliament" → the country just mentioned + LEG, "Iraq’s army"), or an
 * "of" complement ("the parliament of Iraq"). A government is its country (a mention of the country
 * with the code IRQGOV); other sectors become entities of their own, keyed by code.
 */
import type { Gazetteer } from '../gazetteer/index.ts';
import type { SentenceView, WorkEntity, WorkMention, Workspace } from '../model.ts';
import { addMention } from '../model.ts';
import { isSubject } from '../syntax.ts';
import type { AgentRecord } from '../gazetteer/tabari.ts';

/** Words allowed between the country modifier and the agent ("a top Iranian military commander"). */
const SKIPPABLE = /^(TOP|SENIOR|FORMER|NEW|LOCAL|INTERIM|ACTING|CHIEF|DEPUTY|VICE|ELECTED|TRANSITIONAL|NATIONAL|FEDERAL|CENTRAL|RULING|REGULAR|SPECIAL|ELITE|RIVAL)$/;

/** Agent heads that denote one person (the entity is a PERSON); collectives ("parliament", "troops") are ORG. */
const PERSON_HEAD = /^(\w+(MAN|WOMAN|PERSON|IST|IAN)|\w*(COMMANDER|OFFICER|OFFICIAL|DIPLOMAT|SOLDIER|ENVOY|KING|QUEEN|PRINCE|LEADER|MINISTER|PRESIDENT|CHIEF|GENERAL|AMBASSADOR|SPOKESMAN|SECRETARY|GOVERNOR|MAYOR|JUDGE|LAWMAKER|LEGISLATOR|SENATOR|ACTIVIST|PROTESTER|DEMONSTRATOR|REBEL|MILITANT|INSURGENT|FIGHTER|WORKER|STUDENT|JOURNALIST|REPORTER|CLERIC|ADVISER|ADVISOR|AIDE|DIRECTOR|CHAIRMAN))$/;

function countryAt(ws: Workspace, view: SentenceView, w0: number, w1: number): { entity: WorkEntity; mention: WorkMention } | undefined {
  const start = view.words[w0]!.start;
  const end = view.words[w1 - 1]!.end;
  for (const e of ws.entities) {
    if (e.cls !== 'country') continue;
    const m = e.mentions.find((x) => x.start === start && x.end === end);
    if (m) return { entity: e, mention: m };
  }
  return undefined;
}

/** The country mention ending right before word `i` (skipping a possessive and a few adjectives). */
function modifierBefore(ws: Workspace, view: SentenceView, i: number): { entity: WorkEntity; mention: WorkMention; w0: number } | undefined {
  let j = i;
  while (j > 0 && SKIPPABLE.test(view.keys[j - 1]!)) j--;
  if (j > 0 && view.words[j - 1]!.possessive) j--;
  for (let w0 = j - 1; w0 >= Math.max(0, j - 4); w0--) {
    const hit = countryAt(ws, view, w0, j);
    if (hit) {
      let start = w0;
      if (view.keys[start - 1] === 'THE') start--;
      return { ...hit, w0: start };
    }
  }
  return undefined;
}

function ofComplement(ws: Workspace, view: SentenceView, end: number): { entity: WorkEntity; w1: number } | undefined {
  if (view.keys[end] !== 'OF') return undefined;
  let s = end + 1;
  if (view.keys[s] === 'THE') s++;
  for (let e = Math.min(view.words.length, s + 4); e > s; e--) {
    const hit = countryAt(ws, view, s, e);
    // "the parliament of Iraq", not "the mayor of the Polish city of …".
    if (hit && hit.mention.kind === 'name') return { entity: hit.entity, w1: e };
  }
  return undefined;
}

function agentEntity(ws: Workspace, code: string, make: () => WorkEntity): WorkEntity {
  let e = ws.entities.find((x) => x.cls === 'agent' && x.code === code);
  if (!e) {
    e = make();
    ws.entities.push(e);
  }
  return e;
}

/** Words inside a person's mention (a title, a role description) are not agents of their own. */
function inPersonMention(ws: Workspace, start: number, end: number): boolean {
  return ws.entities.some((e) => e.type === 'PERSON' && e.cls === 'person' && e.mentions.some((m) => m.start <= start && end <= m.end));
}

export function resolveAgents(ws: Workspace, gaz: Gazetteer, view: SentenceView, covered: (w: number) => boolean): void {
  const { words, keys } = view;
  const accept = (k: number): boolean => !words[k]!.punct && !words[k]!.possessive && !covered(k);
  for (let i = 0; i < words.length; i++) {
    // The dictionary lookup first: it rejects most words without scanning the entities.
    const match = gaz.agents.matchesAt(keys, i, accept)[0];
    if (!match) continue;
    if (covered(i) || words[i]!.punct || inPersonMention(ws, words[i]!.start, words[i]!.end)) continue;
    // Take the longest run of adjacent agent phrases ("military commander"): the last is the head.
    let end = match.end;
    let agent: AgentRecord = match.values[0]!;
    for (;;) {
      const more = gaz.agents.matchesAt(keys, end, accept)[0];
      if (!more) break;
      end = more.end;
      agent = more.values[0]!;
    }
    const mod = modifierBefore(ws, view, i);
    const of = mod ? undefined : ofComplement(ws, view, end);
    const country = mod?.entity ?? of?.entity;
    if (!country?.country || agent.position !== 'suffix') {
      if (!country && agent.position === 'suffix' && GROUP_SECTORS.has(agent.code) && GROUP_HEAD.test(keys[end - 1]!)) addPlacedGroup(ws, view, i, end, agent);
      i = end - 1;
      continue;
    }
    const code = `${country.country}${agent.code}`;
    const w0 = mod ? mod.w0 : i > 0 && keys[i - 1] === 'THE' ? i - 1 : i;
    // "the Libyan ambassador to …": the agent phrase may end on a preposition the mention should not.
    let w1 = of ? of.w1 : end;
    while (!of && w1 > i + 1 && /^(TO|OF|FOR|AT|IN|ON|WITH)$/.test(keys[w1 - 1]!)) w1--;
    const m: WorkMention = {
      start: words[w0]!.start,
      end: words[w1 - 1]!.end,
      sentence: view.index,
      w0,
      w1,
      kind: 'nominal',
      subject: isSubject(view, w0, w1),
      confidence: 0.75,
    };
    if (agent.code === 'GOV') {
      m.code = code;
      // The demonym inside "the Iraqi government" is covered by this longer mention of the same country.
      if (mod && mod.mention.kind === 'demonym') {
        country.mentions = country.mentions.filter((x) => x !== mod.mention);
      }
      addMention(country, m);
    } else {
      const head = words
        .slice(i, end)
        .map((w) => w.text.toLowerCase())
        .join(' ');
      const headKey = keys[end - 1]!;
      const e = agentEntity(ws, code, () => {
        const adjective = country.countryRec?.demonyms[0] ?? country.name;
        const person = PERSON_HEAD.test(headKey) && !/S$/.test(headKey);
        return {
          cls: 'agent',
          type: person ? 'PERSON' : 'ORG',
          name: `${adjective} ${head}`,
          mentions: [],
          titles: [],
          country: country.country!,
          agent: agent.code,
          agentHead: headKey,
          code,
          confidence: 0.7,
          sources: new Set(['agents']),
        };
      });
      addMention(e, m);
    }
    i = end - 1;
  }
}

/**
 * Sectors of groups of people that a place identifies ("protesters in Belgrade" → SRBOPP, "residents
 * of Idlib" → SYRCVL). Phoenix's PEOPLE has the non-CAMEO sector PPL: such a group is coded by its
 * country alone ("people in Hong Kong" → HKG).
 */
const GROUP_SECTORS = new Set(['OPP', 'CVL', 'PPL', 'EDU', 'LAB', 'REF', 'OPPEDU', 'OPPLAB']);
/**
 * Heads that name a group of people by where they are. Other nouns of those sectors ("women",
 * "children", "school", "population", "customers") are not placed by an "in" after them.
 */
const GROUP_HEAD = /^(PEOPLE|PROTEST[EO]RS?|DEMONSTRATORS?|RESIDENTS?|CIVILIANS?|VILLAGERS?|STUDENTS?|CITIZENS?|WORKERS?|ACTIVISTS?|RIOTERS?|INHABITANTS?|LOCALS|REFUGEES?|CROWDS?)$/;
const NO_SECTOR = new Set(['PPL']);
/** Quantity heads whose "of" complement is the group ("hundreds of thousands of people"). */
const QUANTITY = /^(HUNDREDS|THOUSANDS|TENS|MILLIONS|DOZENS|SCORES|CROWDS?|GROUPS?|NUMBERS?|LOTS|MANY|SOME|MOST|ALL)$/;
const PLACE_PREP = new Set(['IN', 'OF', 'FROM', 'ACROSS', 'THROUGHOUT']);

/** The country of the place entity named at words [w0, w1) (a country, city or province). */
function placeCountry(ws: Workspace, view: SentenceView, w0: number, w1: number): { entity: WorkEntity; country: string } | undefined {
  const start = view.words[w0]!.start;
  const end = view.words[w1 - 1]!.end;
  for (const e of ws.entities) {
    if (e.cls !== 'country' && e.cls !== 'city' && e.cls !== 'place') continue;
    const m = e.mentions.find((x) => x.kind === 'name' && !x.code && x.start === start && x.end === end);
    if (!m) continue;
    const country = e.country ?? cityCountry(ws, e);
    if (country) return { entity: e, country };
  }
  return undefined;
}

/**
 * The country of a city not yet geocoded: its only country, else the one of its countries the
 * document names ("Antioch" with California in the text is not Antakya).
 */
function cityCountry(ws: Workspace, e: WorkEntity): string | undefined {
  const countries = new Set((e.cities ?? []).map((c) => c.country));
  if (countries.size === 1) return [...countries][0];
  const named = [...countries].filter((cc) => ws.entities.some((x) => x.cls === 'country' && x.country === cc && x.mentions.length > 0));
  return named.length === 1 ? named[0] : undefined;
}

/** "protesters in Belgrade", "residents of Idlib": a place right after the group noun. */
function placeComplement(ws: Workspace, view: SentenceView, end: number): { country: string; w1: number; place: string } | undefined {
  if (!PLACE_PREP.has(view.keys[end] ?? '')) return undefined;
  let s = end + 1;
  if (view.keys[s] === 'THE') s++;
  for (let e = Math.min(view.words.length, s + 4); e > s; e--) {
    const hit = placeCountry(ws, view, s, e);
    if (!hit) continue;
    // "Antioch, Illinois": the place that locates the first one decides between namesakes.
    let country = hit.country;
    if (view.keys[e] === ',') {
      for (let e2 = Math.min(view.words.length, e + 5); e2 > e + 1; e2--) {
        const outer = placeCountry(ws, view, e + 1, e2);
        if (outer) {
          country = outer.country;
          break;
        }
      }
    }
    return { country, w1: e, place: `${view.words[end]!.text.toLowerCase()} ${hit.entity.name}` };
  }
  return undefined;
}

/**
 * "Thousands of people marched in Hong Kong": the place of the clause whose subject the group is —
 * from the word order (the group, its verb and at most three more lower-case words, then "in"),
 * else from the dependencies.
 */
function subjectPlace(ws: Workspace, view: SentenceView, head: number): string | undefined {
  const next = view.words[head + 1];
  if (next && !next.punct && !next.cap && (next.upos ? next.upos === 'VERB' || next.upos === 'AUX' : /ed$/.test(next.text))) {
    for (let k = head + 1; k <= head + 4 && k < view.words.length; k++) {
      const w = view.words[k]!;
      if (w.punct || w.cap || /^(AND|BUT|OR|WHILE|AS|WHEN|AFTER|BEFORE|THAT|WHICH|WHO)$/.test(w.key)) break;
      if (w.key !== 'IN' || k === head + 1) continue;
      let s = k + 1;
      if (view.keys[s] === 'THE') s++;
      for (let e = Math.min(view.words.length, s + 4); e > s; e--) {
        const hit = placeCountry(ws, view, s, e);
        if (hit) return hit.country;
      }
      break;
    }
  }
  let w = view.words[head]!;
  for (let hops = 0; hops < 3 && w.deprel === 'nmod'; hops++) {
    const up = view.words.find((x) => x.token === w.headToken);
    if (!up || !QUANTITY.test(up.key)) return undefined;
    w = up;
  }
  if (!w.deprel?.startsWith('nsubj')) return undefined;
  const verb = w.headToken;
  if (verb < 0) return undefined;
  for (let k = 0; k < view.words.length; k++) {
    const obl = view.words[k]!;
    if (obl.headToken !== verb || !obl.deprel?.startsWith('obl')) continue;
    const prep = view.words.find((x) => x.headToken === obl.token && x.deprel === 'case');
    if (prep?.key !== 'IN') continue;
    for (let s = Math.max(0, k - 3); s <= k; s++) {
      const hit = placeCountry(ws, view, s, k + 1);
      if (hit) return hit.country;
    }
  }
  return undefined;
}

function addPlacedGroup(ws: Workspace, view: SentenceView, i: number, end: number, agent: AgentRecord): void {
  const { words, keys } = view;
  const near = placeComplement(ws, view, end);
  const country = near?.country ?? subjectPlace(ws, view, end - 1);
  if (!country) return;
  const code = NO_SECTOR.has(agent.code) ? country : `${country}${agent.code}`;
  const w0 = i > 0 && keys[i - 1] === 'THE' ? i - 1 : i;
  const w1 = near ? near.w1 : end;
  const head = words
    .slice(i, end)
    .map((w) => w.text.toLowerCase())
    .join(' ');
  const headKey = keys[end - 1]!;
  const m: WorkMention = {
    start: words[w0]!.start,
    end: words[w1 - 1]!.end,
    sentence: view.index,
    w0,
    w1,
    kind: 'nominal',
    subject: isSubject(view, w0, end),
    confidence: 0.7,
  };
  const e = agentEntity(ws, code, () => {
    return {
      cls: 'agent',
      type: 'ORG',
      name: near ? `${head} ${near.place}` : head,
      mentions: [],
      titles: [],
      country,
      ...(NO_SECTOR.has(agent.code) ? {} : { agent: agent.code }),
      agentHead: headKey,
      code,
      confidence: 0.65,
      sources: new Set(['agents']),
    };
  });
  addMention(e, m);
}

/** "the parliament" after "the country’s parliament": a bare agent noun → the last agent entity with that head. */
export function resolveAgentNominals(ws: Workspace, gaz: Gazetteer, view: SentenceView, covered: (w: number) => boolean): void {
  const { words, keys } = view;
  for (let i = 0; i + 1 < words.length; i++) {
    if (keys[i] !== 'THE' || covered(i + 1)) continue;
    const match = gaz.agents.matchesAt(keys, i + 1)[0];
    if (!match || words[match.end]?.cap) continue;
    const head = keys[match.end - 1]!;
    let best: WorkEntity | undefined;
    let bestPos = -1;
    for (const e of ws.entities) {
      if (e.cls !== 'agent' || e.agentHead !== head) continue;
      for (const m of e.mentions) if (m.end <= words[i]!.start && m.start > bestPos) { best = e; bestPos = m.start; }
    }
    if (!best) continue;
    addMention(best, {
      start: words[i]!.start,
      end: words[match.end - 1]!.end,
      sentence: view.index,
      w0: i,
      w1: match.end,
      kind: 'nominal',
      subject: isSubject(view, i, match.end),
      confidence: 0.65,
    });
  }
}
