/**
 * Source and target actors of a trigger. The dependency path reads subjects, objects, passive
 * agents, prepositional objects, control and relative clauses and coordination; the shallow path
 * takes the actor before the trigger in its clause and the first one after it, as TABARI did.
 */
import { actorSet, mentionAt, type ActorMention, type ActorSet, type MentionIndex } from './actors.ts';
import { baseRel, childrenWith, shallowClause, type SentenceView } from './syntax.ts';

export interface Roles {
  source: ActorMention[];
  target: ActorMention[];
}

const RELATIVE_PRONOUNS = new Set(['WHICH', 'WHO', 'THAT', 'WHOM', 'WHOSE']);
/** Prepositions introducing a place rather than a participant. */
export const LOCATIVE_PREPS = new Set(['IN', 'ON', 'AT', 'NEAR', 'INSIDE', 'ACROSS', 'THROUGHOUT', 'OUTSIDE', 'WITHIN', 'ALONG']);
/** Prepositions introducing a target of a verb or an event noun. */
const TARGET_PREPS = ['TO', 'WITH', 'AGAINST', 'ON', 'AT', 'FOR', 'FROM', 'INTO', 'TOWARD', 'TOWARDS', 'OVER', 'OF', 'UPON', 'BETWEEN', 'IN'];
const SOURCE_PREPS_NOUN = new Set(['BY', 'FROM']);
const TARGET_PREPS_NOUN = new Set(['OF', 'AGAINST', 'ON', 'WITH', 'TO', 'INTO', 'TOWARD', 'TOWARDS', 'UPON', 'OVER']);

function caseOf(v: SentenceView, n: number): string | undefined {
  const c = childrenWith(v, n, ['case'])[0];
  return c === undefined ? undefined : v.upper[c];
}

/** The actor(s) a noun phrase headed by `h` refers to: the mention over its head, else an actor modifier; with coordination. */
export function phraseActors(v: SentenceView, ix: MentionIndex, h: number, depth = 0): ActorMention[] {
  if (depth > 3) return [];
  const out: ActorMention[] = [];
  const own = ownActor(v, ix, h);
  if (own) out.push(own);
  for (const c of childrenWith(v, h, ['conj'])) {
    if (v.upos[c] === 'VERB') continue;
    out.push(...phraseActors(v, ix, c, depth + 1));
  }
  return out;
}

/** The coded place a phrase is "of"/"in"/"from" ("the Albanians of southern Serbia", "an organization in Northern Ireland"). */
function placeOfPhrase(v: SentenceView, ix: MentionIndex, h: number): ActorMention | undefined {
  for (const c of childrenWith(v, h, ['nmod'])) {
    if (!['OF', 'IN', 'FROM'].includes(caseOf(v, c) ?? '')) continue;
    const m = (ix.byToken[c] ?? []).find((x) => x.code) ?? childrenWith(v, c, ['amod', 'compound', 'nmod:poss']).map((k) => (ix.byToken[k] ?? []).find((x) => x.code)).find((x) => x);
    if (m) return m;
  }
  return undefined;
}

function ownActor(v: SentenceView, ix: MentionIndex, h: number): ActorMention | undefined {
  // A coded actor wins over an uncoded mention: the mention over the head, else an actor modifier
  // ("the country's parliament", "Iraqi troops", "the US-led coalition").
  const direct = ix.byToken[h] ?? [];
  let coded = direct.find((m) => m.code);
  // "NATO-member Norway": a mention over only the first part of a hyphenated head is its modifier.
  if (coded && coded.end < v.tokens[h]!.end && v.raw[h]!.includes('-')) {
    const named = childrenWith(v, h, ['flat', 'compound', 'appos']).map((c) => (ix.byToken[c] ?? []).find((x) => x.code)).find((x) => x);
    if (named) coded = named;
  }
  if (coded) {
    if (coded.type === 'PERSON') {
      // "Kenzo Oshima, the United Nations Emergency Relief Coordinator", "King Hassan of Morocco": the
      // role or country the text gives outranks what a dictionary knows about the name.
      const stated = childrenWith(v, h, ['appos']).map((c) => (ix.byToken[c] ?? []).find((x) => x.code && x.type !== 'PERSON') ?? childrenWith(v, c, ['compound', 'amod', 'nmod:poss', 'nmod']).map((k) => (ix.byToken[k] ?? []).find((x) => x.code && x.type !== 'PERSON')).find((x) => x)).find((x) => x);
      const of = stated ?? childrenWith(v, h, ['nmod']).filter((c) => caseOf(v, c) === 'OF').map((c) => (ix.byToken[c] ?? []).find((x) => x.code && x.type === 'GPE')).find((x) => x);
      if (of && of.code!.slice(0, 3) !== coded.code!.slice(0, 3)) return of;
    }
    // "Ethnic Albanians in south Serbia": a people named by a bare country code, located in a
    // country, are coded by where they live (the CAMEO convention for ethnic groups).
    if (coded.code!.length === 3 && (coded.type === 'NORP' || coded.entity.startsWith('#')) && /S$/.test(v.upper[h]!)) {
      const place = childrenWith(v, h, ['nmod']).filter((c) => caseOf(v, c) === 'IN' || caseOf(v, c) === 'OF').map((c) => (ix.byToken[c] ?? []).find((x) => x.code && x.type === 'GPE')).find((x) => x);
      if (place) return place;
    }
    return coded;
  }
  let uncoded: ActorMention | undefined = direct[0];
  for (const rels of [['nmod:poss'], ['compound', 'flat', 'amod'], ['appos']]) {
    for (const c of childrenWith(v, h, rels)) {
      const list = ix.byToken[c] ?? [];
      const m = list.find((x) => x.code);
      if (m) return m;
      uncoded ??= list[0];
    }
  }
  // "the U.N. war crimes court": a name inside a compound modifier.
  for (const c of childrenWith(v, h, ['compound'])) {
    const m = childrenWith(v, c, ['compound', 'amod']).map((k) => (ix.byToken[k] ?? []).find((x) => x.code)).find((x) => x);
    if (m) return m;
  }
  // Last resort, "the Albanians of southern Serbia", "inhabitants of the Syrian Golan": the place they
  // are of; a coded place says more than an uncoded modifier ("the Protestant organization in Northern Ireland").
  return placeOfPhrase(v, ix, h) ?? uncoded;
}

/** The subject actors of verb `t`, climbing through control, raising, coordination and relative clauses. */
export function subjectOf(v: SentenceView, ix: MentionIndex, t: number, raised = false): { actors: ActorMention[]; passive: boolean } {
  for (let k = t, hops = 0; k >= 0 && hops < 5; hops++) {
    // "A French minister threatened today to …" parsed as a passive without any auxiliary: a subject.
    const fake = !hasPassiveMarker(v, k);
    const subj = childrenWith(v, k, ['nsubj', 'csubj']).filter((c) => fake || !v.deprel[c]!.includes('pass'));
    const pass = fake ? [] : childrenWith(v, k, ['nsubj:pass', 'nsubjpass']);
    const s = subj[0] ?? (raised || k !== t ? pass[0] : undefined);
    if (s !== undefined) {
      if (RELATIVE_PRONOUNS.has(v.upper[s]!) && baseRel(v.deprel[k]!) === 'acl') {
        return { actors: phraseActors(v, ix, v.head[k]!), passive: false };
      }
      return { actors: phraseActors(v, ix, s), passive: false };
    }
    if (pass[0] !== undefined) return { actors: phraseActors(v, ix, pass[0]), passive: true };
    const rel = baseRel(v.deprel[k]!);
    const h = v.head[k]!;
    if (h < 0) break;
    if (rel === 'xcomp' || rel === 'conj') {
      k = h;
      continue;
    }
    if (rel === 'acl') return { actors: phraseActors(v, ix, h), passive: false };
    // "called for NATO allies to play …": the subject of "play" is the object of "for".
    if (rel === 'advcl' || rel === 'ccomp') break;
    break;
  }
  return { actors: [], passive: false };
}

/** A passive has "be"/"get" before its participle or an auxiliary the parse marks as passive. */
export function hasPassiveMarker(v: SentenceView, k: number): boolean {
  if (childrenWith(v, k, ['aux:pass', 'auxpass']).length > 0) return true;
  return isPassive(v, k) || childrenWith(v, k, ['aux']).some((a) => BE_FORMS.has(v.upper[a]!));
}

const SKIP_FOR_OBJECTS = new Set(['nsubj', 'csubj', 'aux', 'cop', 'punct', 'advcl', 'parataxis', 'conj', 'cc', 'mark', 'discourse', 'vocative', 'dep', 'acl', 'case', 'det']);

/** Objects and prepositional objects of `t` (and of its complements), breadth first, participants before places. */
export function objectActors(v: SentenceView, ix: MentionIndex, t: number, exclude: ActorSet, placesToo: boolean): ActorMention[] {
  const queue: number[] = [t];
  const seen = new Set<number>([t]);
  const fallback: ActorMention[] = [];
  let conditionParty: ActorMention[] = [];
  while (queue.length > 0) {
    const k = queue.shift()!;
    const all = v.children[k] ?? [];
    // "threatened to strike unless Israel rescinded …": who the condition is on is the one addressed,
    // if nothing else is.
    for (const c of all) {
      if (conditionParty.length > 0 || baseRel(v.deprel[c]!) !== 'advcl') continue;
      if (!childrenWith(v, c, ['mark']).some((m) => v.upper[m] === 'UNLESS' || v.upper[m] === 'IF')) continue;
      conditionParty = clauseSubject(v, ix, c, exclude);
    }
    const kids = all
      .filter((c) => (!SKIP_FOR_OBJECTS.has(baseRel(v.deprel[c]!)) || contentClause(v, c)) && !v.deprel[c]!.startsWith('nsubj'))
      .sort((a, b) => rank(v, a) - rank(v, b) || a - b);
    for (const c of kids) {
      if (seen.has(c)) continue;
      seen.add(c);
      // "demanded that the United States match …", "its demands that Burundi's government grant …":
      // the subject of a content clause is the one asked, before anything inside the clause.
      if (c > k && (baseRel(v.deprel[c]!) === 'ccomp' || contentClause(v, c))) {
        const subj = clauseSubject(v, ix, c, exclude);
        if (subj.length > 0) return subj;
      }
      const prep = caseOf(v, c);
      if (prep !== undefined && !TARGET_PREPS.includes(prep) && prep !== undefined) {
        // "according to the US government" is the source of the report, nothing inside it a participant.
        if (prep !== 'BY' && prep !== 'ACCORDING') queue.push(c);
        continue;
      }
      if (prep === 'BY') continue;
      const actors = phraseActors(v, ix, c).filter((m) => !exclude.has(m));
      if (actors.length > 0) {
        if (prep !== undefined && LOCATIVE_PREPS.has(prep) && prep !== 'ON' && prep !== 'AT') {
          if (placesToo && fallback.length === 0) fallback.push(...actors);
          continue;
        }
        return actors;
      }
      queue.push(c);
    }
  }
  return conditionParty.length > 0 ? conditionParty : fallback;
}

/** A that-clause on a noun ("demands that …"): its content, not a relative clause. */
function contentClause(v: SentenceView, c: number): boolean {
  return v.deprel[c] === 'acl' && childrenWith(v, c, ['mark']).some((m) => v.upper[m] === 'THAT');
}

function clauseSubject(v: SentenceView, ix: MentionIndex, c: number, exclude: ActorSet): ActorMention[] {
  const s = childrenWith(v, c, ['nsubj', 'nsubj:pass'])[0];
  if (s === undefined || RELATIVE_PRONOUNS.has(v.upper[s]!)) return [];
  return phraseActors(v, ix, s).filter((m) => !exclude.has(m));
}

function rank(v: SentenceView, c: number): number {
  const rel = baseRel(v.deprel[c]!);
  if (rel === 'obj' || rel === 'iobj') return 0;
  if (rel === 'xcomp' || rel === 'ccomp') return 2;
  if (rel === 'obl' || rel === 'nmod') return 1;
  return 3;
}

/** Passive agent ("by X") of verb `t`. */
function agentOf(v: SentenceView, ix: MentionIndex, t: number): ActorMention[] {
  for (const c of childrenWith(v, t, ['obl', 'obl:agent', 'nmod'])) {
    if (caseOf(v, c) === 'BY') return phraseActors(v, ix, c);
  }
  return [];
}

export function verbRolesDep(v: SentenceView, ix: MentionIndex, t: number, complement: number | null): Roles {
  const subj = subjectOf(v, ix, t);
  let source: ActorMention[];
  let target: ActorMention[] = [];
  if (subj.passive) {
    source = agentOf(v, ix, t);
    target = subj.actors;
  } else source = subj.actors;
  if (target.length === 0) {
    const exclude = actorSet(source);
    target = objectActors(v, ix, t, exclude, true);
    if (target.length === 0 && complement !== null && complement !== t) {
      // "demanded that the US …": the subject of the complement clause is the addressee.
      const cs = subjectOf(v, ix, complement, true).actors.filter((m) => !exclude.has(m));
      target = cs.length > 0 ? cs : objectActors(v, ix, complement, exclude, true);
    }
  }
  return { source, target };
}

/** Roles of an event noun: possessive and modifying actors and by-/from-phrases are sources; of-, against-, with-… phrases targets. */
/** Nouns of movement: "from" says where from (the target), not who from ("the withdrawal of forces from Panama"). */
const MOTION_NOUNS = new Set(['WITHDRAWAL', 'PULLOUT', 'PULL-OUT', 'RETREAT', 'DEPARTURE', 'EVACUATION', 'EXPULSION', 'REMOVAL', 'RETURN', 'REDEPLOYMENT', 'EXIT']);

export function nounRolesDep(v: SentenceView, ix: MentionIndex, n: number): Roles {
  const source: ActorMention[] = [];
  const target: ActorMention[] = [];
  for (const c of v.children[n] ?? []) {
    const rel = v.deprel[c]!;
    if (rel === 'nmod:poss' || rel === 'compound' || rel === 'amod' || rel === 'flat') {
      const m = phraseActors(v, ix, c);
      source.push(...m);
    }
  }
  const motion = MOTION_NOUNS.has(v.upper[n]!) || MOTION_NOUNS.has(v.lemma[n]!);
  // "mediation mission between Syria and …": an event noun modifying another noun shares its phrases.
  const h = v.head[n]!;
  const phrases = childrenWith(v, n, ['nmod', 'obl']);
  if (v.deprel[n] === 'compound' && h > n && v.upos[h] === 'NOUN') phrases.push(...childrenWith(v, h, ['nmod']));
  for (const c of phrases) {
    const prep = caseOf(v, c);
    if (motion && prep === 'FROM') {
      if (target.length === 0) target.push(...phraseActors(v, ix, c).filter((m) => !source.some((s) => s.entity === m.entity)));
      continue;
    }
    if (prep === 'BETWEEN') {
      const all = phraseActors(v, ix, c);
      if (source.length === 0 && all.length > 0) source.push(all[0]!);
      target.push(...all.slice(source.length > 0 && all[0] === source[0] ? 1 : 0));
      continue;
    }
    if (prep && SOURCE_PREPS_NOUN.has(prep) && source.length === 0) source.push(...phraseActors(v, ix, c));
    else if (prep && TARGET_PREPS_NOUN.has(prep) && target.length === 0) {
      let actors = phraseActors(v, ix, c);
      if (actors.length === 0) actors = objectActors(v, ix, c, actorSet(source), false);
      target.push(...actors.filter((m) => !source.some((s) => s.entity === m.entity)));
    }
  }
  return { source, target };
}

function isPrep(u: string): boolean {
  return ['OF', 'IN', 'ON', 'AT', 'FROM', 'TO', 'WITH', 'FOR', 'BY', 'AGAINST', 'INTO', 'NEAR', 'OVER', 'BETWEEN', 'AMONG', 'DURING', 'AFTER', 'BEFORE'].includes(u);
}

/** Extend a mention leftwards over "X and Y" / "X, Y and Z" coordination. */
function coordinatedBefore(v: SentenceView, ix: MentionIndex, m: ActorMention, lo: number): ActorMention[] {
  const out = [m];
  let k = m.first - 1;
  while (k > lo && (v.upper[k] === 'AND' || v.upper[k] === ',')) {
    const prev = ix.byToken[k - 1]?.[0];
    if (!prev || prev.first < lo) break;
    out.unshift(prev);
    k = prev.first - 1;
  }
  return out;
}

function coordinatedAfter(v: SentenceView, ix: MentionIndex, m: ActorMention, hi: number): ActorMention[] {
  const out = [m];
  let k = m.last + 1;
  while (k < hi && (v.upper[k] === 'AND' || v.upper[k] === ',')) {
    const next = ix.byToken[k + 1]?.[0];
    if (!next || next.last > hi) break;
    out.push(next);
    k = next.last + 1;
  }
  return out;
}

/** Shallow roles of a verb: the nearest actor before it in its clause (else the sentence's first), the first after it. */
export function verbRolesShallow(v: SentenceView, ix: MentionIndex, t: number, lastToken: number): Roles {
  // Actors with a code are preferred; uncoded mentions ("Asia", "Pacific") are taken only when no coded one fits.
  const coded = shallowPass(v, ix, t, lastToken, true);
  const any = shallowPass(v, ix, t, lastToken, false);
  const roles = {
    source: coded.source.length > 0 ? coded.source : any.source,
    target: coded.target.length > 0 ? coded.target : any.target,
  };
  if (!isPassive(v, t)) return roles;
  // "X was attacked (by Y)": X is the target; the source is the by-phrase or nobody.
  const { last } = shallowClause(v, t);
  let agent: ActorMention[] = [];
  for (let k = lastToken + 1; k < last; k++) {
    if (v.upper[k] !== 'BY') continue;
    for (let j = k + 1; j <= Math.min(last, k + 6); j++) {
      const m = ix.byToken[j]?.[0];
      if (m) {
        agent = coordinatedAfter(v, ix, m, last);
        break;
      }
    }
    break;
  }
  return { source: agent, target: roles.source };
}

const BE_FORMS = new Set(['IS', 'ARE', 'WAS', 'WERE', 'BE', 'BEEN', 'BEING', "'S", "'RE", 'GET', 'GOT', 'GETS']);

/** A past participle after a form of "be" (adverbs allowed between): a passive. */
export function isPassive(v: SentenceView, t: number): boolean {
  const xpos = v.tokens[t]!.xpos;
  if (xpos !== undefined ? xpos !== 'VBN' : !/(ED|EN|WN|UT|ST)$/.test(v.upper[t]!)) return false;
  // "were engaged in", "is opposed to", "are committed to": adjectival, unless a by-phrase follows.
  const next = v.upper[t + 1];
  if (next !== undefined && ['IN', 'TO', 'WITH', 'ABOUT', 'ON'].includes(next) && !v.upper.slice(t + 1, t + 8).includes('BY')) return false;
  for (let k = t - 1; k >= Math.max(0, t - 3); k--) {
    if (BE_FORMS.has(v.upper[k]!)) return true;
    if (!(v.upos[k] === 'ADV' || /LY$/.test(v.upper[k]!) || v.upper[k] === 'NOT' || v.upper[k] === "N'T")) return false;
  }
  return false;
}

function shallowPass(v: SentenceView, ix: MentionIndex, t: number, lastToken: number, codedOnly: boolean): Roles {
  const { first, last } = shallowClause(v, t);
  const usable = (m: ActorMention | undefined): ActorMention | undefined => (m && (!codedOnly || m.code) ? m : undefined);
  let source: ActorMention[] = [];
  let fallback: ActorMention | undefined;
  // A participle right after an actor modifies it ("Iraqi troops fighting …"): that actor acts.
  const adjacent = usable(ix.byToken[t - 1]?.[0]);
  const xpos = v.tokens[t]!.xpos;
  if (adjacent && (xpos === 'VBG' || xpos === 'VBN')) source = [adjacent];
  for (let k = t - 1; k >= first && source.length === 0; k--) {
    const m = usable(ix.byToken[k]?.[0]);
    if (!m) continue;
    const before = v.upper[m.first - 1];
    if (before !== undefined && isPrep(before) && before !== 'AND') {
      fallback ??= m;
      k = m.first;
      continue;
    }
    source = coordinatedBefore(v, ix, m, first);
    break;
  }
  if (source.length === 0 && fallback) source = [fallback];
  if (source.length === 0) {
    // TABARI's rule when the clause has none: the sentence's first actor before the trigger.
    const m = ix.all.find((a) => a.last < t && usable(a));
    if (m) source = coordinatedAfter(v, ix, m, t);
  }
  const exclude = actorSet(source);
  let target: ActorMention[] = [];
  let place: ActorMention[] = [];
  for (let k = lastToken + 1; k <= last; k++) {
    if (v.upper[k] === 'ACCORDING' && v.upper[k + 1] === 'TO') break;
    const m = usable(ix.byToken[k]?.[0]);
    if (!m || exclude.has(m)) continue;
    const before = v.upper[m.first - 1];
    if (before !== undefined && LOCATIVE_PREPS.has(before) && before !== 'ON' && before !== 'AT') {
      if (place.length === 0) place = [m];
      k = m.last;
      continue;
    }
    target = coordinatedAfter(v, ix, m, last);
    break;
  }
  if (target.length === 0) target = place;
  return { source, target };
}

/** Shallow roles of an event noun: actors among its pre-modifiers are sources; of-/against-/with- phrases after it, targets. */
export function nounRolesShallow(v: SentenceView, ix: MentionIndex, n: number): Roles {
  const { first, last } = shallowClause(v, n);
  const source: ActorMention[] = [];
  for (let k = n - 1; k >= Math.max(first, n - 5); k--) {
    const u = v.upper[k]!;
    if (['THE', 'A', 'AN', 'THIS', 'THAT', 'THESE', 'THOSE', ',', 'AND', 'OR', 'BUT'].includes(u) || isPrep(u) || (v.hasPos && v.upos[k] === 'VERB')) break;
    const m = ix.byToken[k]?.[0];
    if (m) {
      source.unshift(m);
      k = m.first;
    }
  }
  const target: ActorMention[] = [];
  let k = n + 1;
  // Adjectives, and the noun the event noun modifies ("mediation mission between …"), come before the phrase.
  while (k <= last && k <= n + 3 && v.hasPos && (v.upos[k] === 'ADJ' || (k === n + 1 && v.upos[k] === 'NOUN'))) k += 1;
  const prep = v.upper[k];
  if (prep !== undefined && (TARGET_PREPS_NOUN.has(prep) || prep === 'BETWEEN' || SOURCE_PREPS_NOUN.has(prep))) {
    for (let j = k + 1; j <= Math.min(last, k + 8); j++) {
      if (v.hasPos && v.upos[j] === 'VERB') break;
      const m = mentionAt(ix, j, 0, last);
      if (!m || source.some((s) => s.entity === m.entity)) continue;
      const list = coordinatedAfter(v, ix, m, last);
      if (SOURCE_PREPS_NOUN.has(prep) && source.length === 0) source.push(...list);
      else if (prep === 'BETWEEN' && source.length === 0) {
        source.push(list[0]!);
        target.push(...list.slice(1));
      } else target.push(...list);
      break;
    }
  }
  return { source, target };
}
