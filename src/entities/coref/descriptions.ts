/**
 * Definite descriptions: "the alliance", "the country" → the last compatible entity;
 * "the US president", "the alliance chief" → the person of the document whose role (from the
 * dictionaries, dated) or title matches the role noun and whose affiliation is the modifier.
 */
import type { Gazetteer, NominalConstraint, NominalRule, RoleNoun } from '../gazetteer/index.ts';
import type { SentenceView, WorkEntity, Workspace } from '../model.ts';
import { addMention } from '../model.ts';
import { workMention as mentionOf } from '../syntax.ts';

const ARMED = /^(IMG|[A-Z]{3}(REB|INS|UAF|SEP)|[A-Z]{3}[A-Z]{3}(REB|INS|UAF))/;
const COMPANY = /^(MNC|[A-Z]{3}BUS)/;

function entityCode(e: WorkEntity): string | undefined {
  return e.code;
}

function satisfies(e: WorkEntity, c: NominalConstraint): boolean {
  const code = entityCode(e) ?? '';
  switch (c.kind) {
    case 'country':
      return e.cls === 'country';
    case 'city':
      return e.cls === 'city';
    case 'place':
      return e.cls === 'city' || e.cls === 'place';
    case 'region':
      return e.cls === 'region';
    case 'org':
      return e.type === 'ORG' && e.cls !== 'agent';
    case 'armed':
      return e.type === 'ORG' && ARMED.test(code);
    case 'igo':
      return e.type === 'ORG' && code.startsWith('IGO');
    case 'company':
      return e.type === 'ORG' && COMPANY.test(code);
    case 'name':
      return (
        e.name.toUpperCase().split(/\s+/).includes(c.word) ||
        (e.record?.phrases.some((p) => p.includes(c.word)) ?? false)
      );
    case 'code':
      return code === c.code;
  }
}

function compatible(e: WorkEntity, rule: NominalRule): boolean {
  if (e.type !== rule.type) return false;
  return rule.constraints.length === 0 || rule.constraints.some((c) => satisfies(e, c));
}

function lastBefore(ws: Workspace, pos: number, ok: (e: WorkEntity) => boolean): WorkEntity | undefined {
  let best: WorkEntity | undefined;
  let bestPos = -1;
  for (const e of ws.entities) {
    if (!ok(e)) continue;
    for (const m of e.mentions) {
      if (m.end <= pos && m.start > bestPos && m.kind !== 'pronoun') {
        bestPos = m.start;
        best = e;
      }
    }
  }
  return best;
}


/** The entity a modifier word range names (a country, an organisation…), if any. */
function entityAtWords(ws: Workspace, view: SentenceView, w0: number, w1: number): WorkEntity | undefined {
  const start = view.words[w0]!.start;
  const end = view.words[w1 - 1]!.end;
  for (const e of ws.entities) {
    if (e.mentions.some((m) => m.start === start && m.end === end && m.kind !== 'pronoun')) return e;
  }
  return undefined;
}

function roleText(p: WorkEntity): string {
  return `${p.role ?? ''} ${p.titles.map((t) => t.text).join(' ')}`.toLowerCase();
}

function affiliated(p: WorkEntity, org: WorkEntity): boolean {
  const code = p.code ?? '';
  if (org.cls === 'country' && org.country) return code.startsWith(org.country) || p.affiliation === org.country || p.country === org.country;
  if (org.code) return code === org.code || code.startsWith(org.code) || p.affiliation === org.code;
  return false;
}

function roleMatches(p: WorkEntity, role: RoleNoun): boolean {
  if (role.keywords.length === 0) return p.titles.some((t) => t.leader) || /(secretary|president|director|chief|head|leader|chair|minister|chancellor|king|queen)/.test(roleText(p)) || !!p.code;
  const text = roleText(p);
  return role.keywords.some((k) => text.includes(k));
}

function nearestPerson(ws: Workspace, pos: number, ok: (p: WorkEntity) => boolean): WorkEntity | undefined {
  let best: WorkEntity | undefined;
  let bestDist = Infinity;
  for (const e of ws.entities) {
    if (e.type !== 'PERSON' || !ok(e)) continue;
    for (const m of e.mentions) {
      // Preceding mentions are preferred; a following one counts at double distance (cataphora).
      const d = m.end <= pos ? pos - m.end : 2 * (m.start - pos);
      if (d < bestDist) {
        bestDist = d;
        best = e;
      }
    }
  }
  return best;
}

/**
 * Resolve descriptions in one sentence. Run after codes and roles are known (role descriptions
 * match on them) and in document order (nominals take the last compatible entity).
 */
export function resolveDescriptions(ws: Workspace, gaz: Gazetteer, view: SentenceView): void {
  const { words, keys } = view;
  const lower = keys;
  for (let i = 0; i < words.length; i++) {
    if (keys[i] !== 'THE' && !words[i]!.possessive) continue;
    if (words[i]!.possessive) continue;
    const start = i + 1;
    // "the alliance chief": a nominal modifier, then a role noun.
    const nominal = gaz.nominals.matchesAt(lower, start)[0];
    if (nominal) {
      const end = nominal.end;
      const next = words[end];
      if (next && next.cap && !next.possessive) continue; // "the Alliance for Progress" is a name
      const rule = nominal.values.find((r) => lastBefore(ws, words[i]!.start, (e) => compatible(e, r)));
      const target = rule ? lastBefore(ws, words[i]!.start, (e) => compatible(e, rule)) : undefined;
      if (target) {
        addMention(target, mentionOf(view, i, end, 'nominal', 0.7));
        const role = gaz.roles.matchesAt(lower, end)[0];
        if (role) {
          const roleNoun = role.values[0]!;
          const person = nearestPerson(ws, words[i]!.start, (p) => affiliated(p, target) && roleMatches(p, roleNoun));
          if (person) addMention(person, mentionOf(view, i, role.end, 'nominal', 0.7));
        }
        i = end - 1;
        continue;
      }
    }
    // "the US president": a name modifier (country, organisation), then a role noun.
    for (let mEnd = start + 1; mEnd <= Math.min(words.length, start + 4); mEnd++) {
      const org = entityAtWords(ws, view, start, mEnd);
      if (!org) continue;
      const role = gaz.roles.matchesAt(lower, mEnd)[0];
      if (!role) break;
      const next = words[role.end];
      if (next && next.cap) break; // "the US president Donald Trump": the name itself is the mention
      const roleNoun = role.values[0]!;
      const person = nearestPerson(ws, words[i]!.start, (p) => affiliated(p, org) && roleMatches(p, roleNoun));
      if (person) addMention(person, mentionOf(view, i, role.end, 'nominal', 0.7));
      break;
    }
    // "the minister", "the president": a bare role noun refers to the last person holding it.
    const bare = gaz.roles.matchesAt(lower, start)[0];
    if (bare && bare.values[0]!.keywords.length > 0) {
      const next = words[bare.end];
      if (next && (next.cap || next.key === 'OF')) continue;
      const roleNoun = bare.values[0]!;
      const person = lastBefore(ws, words[i]!.start, (p) => p.type === 'PERSON' && roleMatches(p, roleNoun));
      if (person) addMention(person, mentionOf(view, i, bare.end, 'nominal', 0.6));
    }
  }
}

/**
 * Appositions give persons their titles: "Mark Smith, the Dutch prime minister, said" → the title
 * "prime minister" and the affiliation of "Dutch" (used for codes and later role descriptions),
 * and the apposition itself is a nominal mention of the person.
 */
export function resolveAppositions(ws: Workspace, gaz: Gazetteer, view: SentenceView): void {
  const { words, keys } = view;
  for (const person of ws.entities) {
    if (person.cls !== 'person') continue;
    for (const m of [...person.mentions]) {
      if (m.sentence !== view.index || m.kind !== 'name' || words[m.w1]?.text !== ',') continue;
      let k = m.w1 + 1;
      const start = k;
      if (keys[k] === 'THE' || keys[k] === 'A' || keys[k] === 'AN') k++;
      // Optional modifier: a country or organisation, possibly possessive ("NATO's").
      let org: WorkEntity | undefined;
      for (let e = Math.min(words.length, k + 4); e > k; e--) {
        const hit = entityAtWords(ws, view, k, e);
        if (hit && hit !== person) {
          org = hit;
          k = e;
          if (words[k]?.possessive) k++;
          break;
        }
      }
      while (k < words.length && /^(FORMER|SENIOR|TOP|DEPUTY|ACTING|INTERIM|NEW)$/.test(keys[k]!)) k++;
      const title = gaz.titles.matchesAt(keys, k)[0];
      if (!title) continue;
      // "…, Greek prime minister Kyriakos Mitsotakis" is the next item of a list, not an apposition.
      const after = words[title.end];
      if (after && after.cap && !after.punct) continue;
      for (const t of title.values) if (!person.titles.includes(t)) person.titles.push(t);
      if (org && !person.affiliation) person.affiliation = org.cls === 'country' ? org.country : org.code;
      if (org && !person.affiliationEntity) person.affiliationEntity = org;
      addMention(person, mentionOf(view, start, title.end, 'nominal', 0.7));
    }
  }
}
