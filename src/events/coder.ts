/**
 * The event coder: finds verb and noun triggers, picks their CAMEO code from the dictionaries (most
 * specific pattern wins), composes governing triggers with the events they govern, and fills
 * actors, modality, condition, quote, date and place. Uses the dependency parse when the sentence
 * has one and a shallow, TABARI-like reading of the token sequence when it does not.
 */
import type { Document, EventRecord, DateBasis, Span } from '../core/document.ts';
import { actorLists, actorSet, flattenMentions, indexMentions, type ActorMention, type MentionIndex } from './actors.ts';
import { attachLocation, attachTimex, quoteAtOffset, sentenceTimexes } from './attach.ts';
import { codeFacts, loadCameoTables, type CameoTables } from './cameo.ts';
import { classOf, composeCode, recodeOwn, type ComposeClass, type ComposeMood } from './dictionary/compose.ts';
import { loadLexicon, type Lexicon } from './dictionary/index.ts';
import { bareCode, bestPattern, lookupTrigger, sentenceWords, type TriggerMatch } from './match.ts';
import { entitiesWithFallback, homeCountry, withFallback, type FallbackLexicon } from './fallback.ts';
import { conditionApplies, findConditions, insideCondition, modalityDep, modalityShallow, type Condition } from './modality.ts';
import { inheritedModality, type Inherited } from './inherit.ts';
import { idiomatic, loadIdioms, nonEventVerb } from './news.ts';
import { hasPassiveMarker, nounRolesDep, nounRolesShallow, objectActors, subjectOf, verbRolesDep, verbRolesShallow, type Roles } from './roles.ts';
import { baseRel, childrenWith, isBoundary, isPreposition, PREPOSITIONS, sentenceView, shallowClause, subtree, type SentenceView } from './syntax.ts';

export interface CoderConfig {
  readonly lexicon: Lexicon;
  readonly tables: CameoTables;
  /**
   * `events@N`. The contract's event `source` field holds the source actors, so the stage name
   * cannot go there; it is kept for callers that record provenance elsewhere.
   */
  readonly source: string;
  /** Dictionaries for actors the entity layer left uncoded (see fallback.ts); none = entity codes only. */
  readonly fallback?: FallbackLexicon;
  /** Events below this confidence are not emitted (0 = all). */
  readonly minConfidence?: number;
}

export function defaultCoderConfig(source: string): CoderConfig {
  return { lexicon: loadLexicon(), tables: loadCameoTables(), source };
}

interface Candidate {
  readonly token: number;
  readonly kind: 'verb' | 'noun';
  readonly match: TriggerMatch | null;
  readonly lemma: string;
  code: string | null;
  swap: boolean;
  hasPattern: boolean;
  patternTokens: number[];
  anchors: number[];
  complement: number | null;
  moods: Set<ComposeMood>;
  suppressed: boolean;
  composedBy: ComposeClass | null;
  /** For "X said Y must …": the token of the statement that makes it a demand. */
  obligation: number | null;
}

const DETERMINERS = new Set(['THE', 'A', 'AN', 'THIS', 'THAT', 'THESE', 'THOSE', 'ITS', 'HIS', 'HER', 'THEIR', 'OUR', 'MY', 'YOUR', "'S", 'NO', 'ANY', 'SOME', 'EACH', 'EVERY', 'FURTHER', 'NEW', 'FRESH', 'RENEWED']);
const VERB_CONTEXT = new Set(['TO', 'WILL', 'WOULD', 'COULD', 'MAY', 'MIGHT', 'SHALL', 'SHOULD', 'MUST', 'CAN', 'DID', 'DOES', 'DO', 'NOT', "N'T", 'HAS', 'HAVE', 'HAD', 'WAS', 'WERE', 'IS', 'ARE', 'BE', 'BEEN', 'ALSO', 'THEN']);
const FUTURE_AS_INTENT = /^(0[4-8]|1[4-9]|20)/;
const CLAUSE_OPENERS = new Set(['THAT', 'WHICH', 'WHO', 'HE', 'SHE', 'IT', 'THEY', 'WE', 'I', 'WILL', 'WOULD', 'COULD', 'MAY', 'MIGHT', 'SHALL', 'SHOULD', 'MUST', 'CAN']);
const TIME_WORDS = new Set(['LAST', 'NEXT', 'THIS', 'WEEK', 'MONTH', 'YEAR', 'TODAY', 'YESTERDAY', 'TOMORROW', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY', 'ON', 'EARLIER', 'LATER']);
const ADVERB_SKIP = new Set(['IN', 'PRINCIPLE', 'ALSO', 'AGAIN', 'NOW', 'FORMALLY', 'UNANIMOUSLY', 'TENTATIVELY', 'FINALLY', 'NOT', 'TO']);

/** A capitalized word inside a sentence is a name, not a verb, when the text has no POS tags. */
function isCapitalizedMid(v: SentenceView, i: number): boolean {
  return i > 0 && /^[A-Z]/.test(v.raw[i]!) && !isBoundary(v, i - 1) && v.upper[i - 1] !== '"' && v.upper[i - 1] !== '“';
}

/** Context that makes a word a noun when the text has no POS tags: a determiner or number before it, "of" after it. */
function strongNominal(v: SentenceView, i: number): boolean {
  const prev = v.upper[i - 1];
  if (prev === undefined || VERB_CONTEXT.has(prev)) return false;
  if (DETERMINERS.has(prev) || /^\d/.test(prev) || (PREPOSITIONS.has(prev) && prev !== 'TO')) return true;
  return v.upper[i + 1] === 'OF';
}

/** Weaker: also an actor right before it ("the US assassination", "Israeli raids"). */
function looksNominal(v: SentenceView, i: number, ix: MentionIndex): boolean {
  if (strongNominal(v, i)) return true;
  const prev = v.upper[i - 1];
  if (prev === undefined || VERB_CONTEXT.has(prev)) return false;
  const prev2 = v.upper[i - 2];
  return (ix.byToken[i - 1]?.length ?? 0) > 0 || (prev2 !== undefined && DETERMINERS.has(prev2));
}

const NOMINAL_SLOTS = new Set(['obj', 'iobj', 'nsubj', 'obl', 'nmod', 'appos']);
/**
 * "rejected a U.S. request to interrogate", "North Korea's consistent demand to sever": a noun with
 * its own modifiers, or in an argument slot of a verb, is a noun even before "to" + verb.
 */
function nounPhraseHead(v: SentenceView, i: number): boolean {
  if (!v.hasDeps) return false;
  if (NOMINAL_SLOTS.has(baseRel(v.deprel[i]!))) return true;
  return childrenWith(v, i, ['det', 'nmod:poss', 'amod', 'compound']).some((c) => c < i);
}

function verbCandidate(v: SentenceView, i: number): boolean {
  if (v.hasPos) return v.upos[i] === 'VERB';
  return !isCapitalizedMid(v, i) && !strongNominal(v, i);
}

function nounCandidate(v: SentenceView, i: number, ix: MentionIndex): boolean {
  if (v.hasPos) return v.upos[i] === 'NOUN';
  return looksNominal(v, i, ix);
}

/** Token windows before and after a trigger, in which its patterns are matched. */
function windows(v: SentenceView, t: number, kind: 'verb' | 'noun'): { pre: number[]; post: number[] } {
  if (v.hasDeps) {
    if (kind === 'noun') {
      const all = subtree(v, t, ['acl:relcl', 'punct']);
      return { pre: all.filter((k) => k < t), post: all.filter((k) => k > t) };
    }
    // The trigger's own phrase: embedded clauses (complements, participles) are events of their own.
    const post = subtree(v, t, ['nsubj', 'nsubj:pass', 'csubj', 'advcl', 'parataxis', 'conj', 'punct', 'discourse', 'cc', 'mark', 'xcomp', 'ccomp'])
      .filter((k) => k > t && !insideClause(v, t, k));
    const pre = subtree(v, t, ['advcl', 'parataxis', 'conj', 'punct']).filter((k) => k < t);
    return { pre, post };
  }
  return shallowWindows(v, t, kind);
}

function shallowWindows(v: SentenceView, t: number, kind: 'verb' | 'noun'): { pre: number[]; post: number[] } {
  const { first, last } = shallowClause(v, t);
  const pre: number[] = [];
  for (let k = Math.max(first, t - (kind === 'noun' ? 4 : 10)); k < t; k++) pre.push(k);
  const post: number[] = [];
  for (let k = t + 1; k <= Math.min(last, t + (kind === 'noun' ? 8 : 25)); k++) {
    // The trigger's own phrase ends where another verb's begins.
    // An adjectival participle ("cancelled a planned visit") is part of the phrase.
    const adjectival = v.hasDeps && v.deprel[k] === 'amod';
    if (kind === 'verb' && k > t + 1 && !adjectival && (v.hasPos ? v.upos[k] === 'VERB' : v.upper[k - 1] === 'TO' && !DETERMINERS.has(v.upper[k]!))) break;
    // A new clause ("… said it would attack …", "… that …") begins with a subject pronoun, a modal or "that".
    if (kind === 'verb' && CLAUSE_OPENERS.has(v.upper[k]!)) break;
    post.push(k);
  }
  return { pre, post };
}

/** Is token `k` inside a clause embedded below `t` (a participle or relative clause on one of its nouns)? */
function insideClause(v: SentenceView, t: number, k: number): boolean {
  for (let j = k, hops = 0; j >= 0 && j !== t && hops < 12; hops++) {
    const rel = baseRel(v.deprel[j]!);
    if (rel === 'acl' || rel === 'advcl' || rel === 'ccomp' || rel === 'xcomp' || rel === 'parataxis') return true;
    j = v.head[j]!;
  }
  return false;
}

function ownCode(v: SentenceView, m: TriggerMatch, kind: 'verb' | 'noun', words: ReadonlySet<string>): { code: string | null; reverse: string | null; swap: boolean; hasPattern: boolean; tokens: number[] } {
  const skip = new Set(m.extra);
  const tryWindows = (w: { pre: number[]; post: number[] }): ReturnType<typeof bestPattern> =>
    bestPattern(v, m, w.pre.filter((k) => !skip.has(k)), w.post.filter((k) => !skip.has(k)), words);
  let hit = tryWindows(windows(v, m.token, kind));
  // A misattached object ("signed a treaty" hung under another verb) is still next to its verb: try the word sequence.
  if (!hit && v.hasDeps) hit = tryWindows(shallowWindows(v, m.token, kind));
  if (hit) return { code: hit.pattern.code, reverse: hit.pattern.reverse, swap: hit.pattern.swapRoles, hasPattern: true, tokens: [...hit.tokens] };
  const b = bareCode(m);
  return { ...b, swap: false, hasPattern: false, tokens: [] };
}

/** Lemma for class lookup: the tagger's, else the dictionary's, else the surface. */
function lemmaOf(v: SentenceView, i: number, m: TriggerMatch | null): string {
  if (v.tokens[i]!.lemma) return v.lemma[i]!;
  return m?.lemma ?? v.upper[i]!;
}

/** The complement a governor of class `c` governs, if any. */
function findComplement(v: SentenceView, g: number, c: ComposeClass, cands: ReadonlyMap<number, Candidate>): number | null {
  if (v.hasDeps) {
    if (c.links.has('xcomp')) {
      const x = childrenWith(v, g, ['xcomp'])[0];
      if (x !== undefined) return x;
      // Parsers often attach "agreed in principle to enhance" as an adverbial clause: same thing when it has no subject of its own.
      const adv = childrenWith(v, g, ['advcl']).find((k) => k > g && childrenWith(v, k, ['mark']).some((mk) => v.upper[mk] === 'TO') && childrenWith(v, k, ['nsubj', 'nsubj:pass']).length === 0);
      if (adv !== undefined) return adv;
    }
    if (c.links.has('for')) {
      for (const o of childrenWith(v, g, ['obl', 'nmod'])) {
        if (!childrenWith(v, o, ['case']).some((k) => v.upper[k] === 'FOR')) continue;
        const inner = subtree(v, o).find((k) => k !== o && v.upos[k] === 'VERB' && childrenWith(v, k, ['mark']).some((mk) => v.upper[mk] === 'TO'));
        if (inner !== undefined) return inner;
        if (cands.get(o)?.kind === 'noun') return o;
      }
      const adv = childrenWith(v, g, ['advcl']).find((k) => childrenWith(v, k, ['mark']).some((mk) => v.upper[mk] === 'TO'));
      if (adv !== undefined) return adv;
    }
    if (c.links.has('ccomp')) {
      const x = childrenWith(v, g, ['ccomp'])[0];
      if (x !== undefined) return x;
    }
    if (c.links.has('xcomp')) {
      // A governor the tagger read as a noun ("plans to impose") has its infinitive as acl.
      const acl = childrenWith(v, g, ['acl']).find((k) => childrenWith(v, k, ['mark']).some((mk) => v.upper[mk] === 'TO'));
      if (acl !== undefined) return acl;
    }
    // The parse may have hung the infinitive elsewhere: fall back to the word sequence.
    return shallowComplement(v, g, c, cands);
  }
  return shallowComplement(v, g, c, cands);
}

function shallowComplement(v: SentenceView, g: number, c: ComposeClass, cands: ReadonlyMap<number, Candidate>): number | null {
  const n = v.tokens.length;
  if (c.links.has('xcomp')) {
    let k = g + 1;
    while (k < n && k < g + 6 && v.upper[k] !== 'TO' && (ADVERB_SKIP.has(v.upper[k]!) || TIME_WORDS.has(v.upper[k]!) || v.upos[k] === 'ADV')) k += 1;
    if (v.upper[k] === 'TO' && k + 1 < n && !DETERMINERS.has(v.upper[k + 1]!) && (!v.hasPos || v.upos[k + 1] === 'VERB')) return k + 1;
  }
  if (c.links.has('for') && v.upper[g + 1] === 'FOR') {
    for (let k = g + 2; k < Math.min(n - 1, g + 10); k++) {
      if (isBoundary(v, k)) break;
      if (v.upper[k] === 'TO' && !DETERMINERS.has(v.upper[k + 1]!) && (!v.hasPos || v.upos[k + 1] === 'VERB')) return k + 1;
    }
    const noun = [...cands.values()].find((cd) => cd.kind === 'noun' && cd.token > g + 1 && cd.token <= g + 4);
    if (noun) return noun.token;
  }
  if (c.links.has('ccomp')) {
    for (let k = g + 1; k < Math.min(n, g + 4); k++) {
      if (v.upper[k] !== 'THAT') continue;
      for (let j = k + 1; j < Math.min(n, k + 10); j++) {
        if (isBoundary(v, j)) break;
        const cd = cands.get(j);
        if (cd && cd.kind === 'verb') return j;
      }
    }
  }
  return null;
}

function candidatesFor(v: SentenceView, ix: MentionIndex, lex: Lexicon): Map<number, Candidate> {
  const cands = new Map<number, Candidate>();
  const extras = new Set<number>();
  const words = sentenceWords(v);
  const make = (i: number, kind: 'verb' | 'noun', m: TriggerMatch | null): Candidate => {
    const own = m ? ownCode(v, m, kind, words) : { code: null, reverse: null, swap: false, hasPattern: false, tokens: [] as number[] };
    let code = own.code ?? own.reverse;
    const cls = kind === 'verb' ? classOf(lex.compose, lemmaOf(v, i, m), null) : null;
    if (cls) code = recodeOwn(cls, code);
    return {
      token: i,
      kind,
      match: m,
      lemma: lemmaOf(v, i, m),
      code,
      swap: own.swap || (own.code === null && own.reverse !== null),
      hasPattern: own.hasPattern,
      patternTokens: own.tokens,
      anchors: [i],
      complement: null,
      moods: new Set(),
      suppressed: false,
      composedBy: null,
      obligation: null,
    };
  };
  for (let i = 0; i < v.tokens.length; i++) {
    if (extras.has(i)) continue;
    // Names are actors, not triggers ("United States-led"); "according to" is a preposition.
    if (ix.byToken[i]?.some((m) => m.kind === 'name' || m.kind === 'demonym')) continue;
    if (v.upper[i] === 'ACCORDING' && v.upper[i + 1] === 'TO') continue;
    // Without tags, a word that is both an event noun and a verb is a noun in a noun's context.
    const nounFirst = !v.hasPos && nounCandidate(v, i, ix);
    const noun = nounCandidate(v, i, ix) ? lookupTrigger(lex.nouns, v, i) : null;
    if (nounFirst && noun) {
      cands.set(i, make(i, 'noun', noun));
      continue;
    }
    // "allies plan to …": a governor read as a noun by the tagger is a verb before "to" + verb, unless a determiner says otherwise.
    const governorNoun = v.hasPos && v.upos[i] === 'NOUN' && v.upper[i + 1] === 'TO' && v.upos[i + 2] === 'VERB' && !DETERMINERS.has(v.upper[i - 1] ?? 'THE') && classOf(lex.compose, v.lemma[i]!, null) !== null && !nounPhraseHead(v, i);
    if (verbCandidate(v, i) || governorNoun) {
      const m = lookupTrigger(lex.verbs, v, i);
      if (m) {
        for (const e of m.extra) extras.add(e);
        cands.set(i, make(i, 'verb', m));
        continue;
      }
    }
    if (noun) {
      cands.set(i, make(i, 'noun', noun));
      continue;
    }
    // Governors outside the verb dictionary ("ready to", "willing to", "is due to").
    const lem = v.tokens[i]!.lemma ? v.lemma[i]! : v.upper[i]!;
    if (classOf(lex.compose, lem, null) && (!v.hasPos || v.upos[i] === 'VERB' || v.upos[i] === 'ADJ') && !cands.has(i)) {
      cands.set(i, make(i, 'verb', null));
    }
  }
  return cands;
}

function compose(v: SentenceView, cands: Map<number, Candidate>, lex: Lexicon): void {
  const order = [...cands.values()].filter((c) => c.kind === 'verb').sort((a, b) => b.token - a.token);
  for (const g of order) {
    const cls = classOf(lex.compose, g.lemma, g.code);
    if (!cls) continue;
    const k = findComplement(v, g.token, cls, cands);
    if (k === null || k === g.token) {
      if (cls.solo !== undefined) g.code = cls.solo === '---' ? null : cls.solo;
      continue;
    }
    let comp = cands.get(k);
    if (!comp) {
      comp = { token: k, kind: 'verb', match: null, lemma: v.lemma[k]!, code: null, swap: false, hasPattern: false, patternTokens: [], anchors: [k], complement: null, moods: new Set(), suppressed: false, composedBy: null, obligation: null };
      cands.set(k, comp);
    }
    const code = composeCode(cls, g.code, comp.code);
    const anchors = [...new Set([...g.anchors, ...comp.anchors])];
    if (cls.trigger === 'complement') {
      comp.code = code;
      comp.anchors = anchors;
      for (const m of cls.moods) comp.moods.add(m);
      for (const m of g.moods) comp.moods.add(m);
      comp.composedBy = cls;
      g.suppressed = true;
    } else {
      g.code = code;
      g.anchors = anchors;
      g.complement = k;
      for (const m of cls.moods) g.moods.add(m);
      g.composedBy = cls;
      g.swap = g.swap && code === g.code;
      comp.suppressed = true;
      g.patternTokens = [...g.patternTokens, ...comp.patternTokens];
    }
  }
}

const SPEECH_OR_THAT = new Set(['SAID', 'SAYS', 'SAY', 'DECLARED', 'DECLARES', 'REITERATED', 'STRESSED', 'INSISTED', 'WARNED', 'ANNOUNCED', 'TOLD', 'ADDED', 'THAT']);

/**
 * "X said that Y must …", "a reminder to Y that it must …": an obligation stated by someone is a
 * demand (10x) of the speaker on the clause's subject, whatever the clause asks for.
 */
function obligations(v: SentenceView, cands: Map<number, Candidate>, lex: Lexicon): void {
  const demand = lex.compose.classes.get('DEMAND');
  if (!demand) return;
  for (let k = 0; k < v.tokens.length; k++) {
    if (v.upper[k] !== 'MUST') continue;
    let verb = -1;
    let gov = -1;
    if (v.hasDeps) {
      verb = v.head[k]!;
      let h = verb;
      for (let hops = 0; hops < 3 && h >= 0; hops++) {
        const rel = baseRel(v.deprel[h]!);
        if (rel !== 'ccomp' && rel !== 'acl' && rel !== 'parataxis' && rel !== 'advcl') break;
        h = v.head[h]!;
        gov = h;
      }
    } else {
      for (let j = k + 1; j < Math.min(v.tokens.length, k + 4) && verb < 0; j++) if (cands.get(j)?.kind === 'verb') verb = j;
      for (let j = k + 1; j < Math.min(v.tokens.length, k + 4) && verb < 0; j++) {
        if (!DETERMINERS.has(v.upper[j]!) && !['BE', 'NOT', 'ALSO', 'NOW', 'FIRST', 'STILL'].includes(v.upper[j]!) && v.upos[j] !== 'ADV') verb = j;
      }
      for (let j = k - 1; j >= 0 && gov < 0; j--) {
        if (!SPEECH_OR_THAT.has(v.upper[j]!)) continue;
        gov = j;
        // "warned Iraq that …", "a stern reminder to Iraq that …": the statement is the verb before "that".
        if (v.upper[j] === 'THAT') for (let b = j - 1; b >= 0; b--) if (cands.get(b)?.kind === 'verb' || SPEECH_OR_THAT.has(v.upper[b]!)) {
          gov = b;
          break;
        }
      }
    }
    if (verb < 0 || gov < 0 || verb === gov) continue;
    let c = cands.get(verb);
    if (!c) {
      c = { token: verb, kind: 'verb', match: null, lemma: v.lemma[verb]!, code: null, swap: false, hasPattern: false, patternTokens: [], anchors: [verb], complement: null, moods: new Set(), suppressed: false, composedBy: null, obligation: null };
      cands.set(verb, c);
    }
    if (c.composedBy === demand || c.obligation !== null) continue;
    c.code = composeCode(demand, null, c.code);
    c.composedBy = demand;
    c.obligation = gov;
    c.suppressed = false;
    const g = cands.get(gov);
    if (g && g.kind === 'verb') g.suppressed = true;
  }
}

/** Nouns that are the object of a coded verb are part of that verb's event, not events of their own. */
function suppressConsumedNouns(v: SentenceView, cands: Map<number, Candidate>): void {
  const emitted = [...cands.values()].filter((c) => c.kind === 'verb' && !c.suppressed && c.code !== null);
  const used = new Set<number>();
  for (const c of emitted) for (const t of c.patternTokens) used.add(t);
  for (const n of cands.values()) {
    if (n.kind !== 'noun' || n.suppressed) continue;
    if (used.has(n.token)) {
      n.suppressed = true;
      continue;
    }
    if (v.hasDeps) {
      const h = v.head[n.token]!;
      const rel = baseRel(v.deprel[n.token]!);
      // "agreed to US mediation", "conceded to demands", "insisted on its demands": what the verb's
      // event responds to is its content, as an object is.
      const contentObl = rel === 'obl' && childrenWith(v, n.token, ['case']).some((k) => v.upper[k] === 'TO' || v.upper[k] === 'ON');
      if (h >= 0 && (rel === 'obj' || rel === 'iobj' || contentObl) && emitted.some((e) => e.anchors.includes(h))) n.suppressed = true;
    } else {
      for (const e of emitted) {
        if (e.token < n.token && n.token - e.token <= 4) {
          let blocked = false;
          for (let k = e.token + 1; k < n.token; k++) if (isBoundary(v, k) || v.upper[k] === ',' || isPreposition(v, k)) blocked = true;
          if (!blocked) n.suppressed = true;
        }
      }
    }
  }
}

function rolesOf(v: SentenceView, ix: MentionIndex, c: Candidate): Roles {
  if (c.obligation !== null) {
    const g = c.obligation;
    if (v.hasDeps) {
      let speaker = subjectOf(v, ix, g).actors;
      if (speaker.length === 0 && v.head[g]! >= 0) speaker = subjectOf(v, ix, v.head[g]!).actors;
      return { source: speaker, target: subjectOf(v, ix, c.token, true).actors };
    }
    const source = verbRolesShallow(v, ix, g, g).source;
    const target: ActorMention[] = [];
    for (let k = c.token - 1; k > g; k--) {
      const m = ix.byToken[k]?.[0];
      if (m && !source.some((s) => s.entity === m.entity)) {
        target.push(m);
        break;
      }
    }
    return { source, target };
  }
  if (c.kind === 'noun') {
    const r = v.hasDeps ? nounRolesDep(v, ix, c.token) : nounRolesShallow(v, ix, c.token);
    if (v.hasDeps && (r.source.length === 0 || r.target.length === 0)) {
      // Parse errors leave roles empty more often than the text does: the shallow reading fills the gaps.
      const sh = nounRolesShallow(v, ix, c.token);
      if (r.source.length === 0) r.source = sh.source.filter((m) => !r.target.some((t) => t.entity === m.entity));
      if (r.target.length === 0) r.target = sh.target.filter((m) => !r.source.some((t) => t.entity === m.entity));
    }
    if (r.source.length === 0) {
      // "X made no demands", "X staged a protest": the subject of the verb the noun depends on.
      const h = v.hasDeps ? v.head[c.token]! : -1;
      const rel = v.hasDeps ? baseRel(v.deprel[c.token]!) : '';
      // Only an argument of the verb ("staged rallies", "called for talks"), not a circumstance of it
      // ("agreed to mediation in the final status talks").
      const circumstance = rel === 'obl' && childrenWith(v, c.token, ['case']).some((k) => CIRCUMSTANCE_PREPS.has(v.upper[k]!));
      if (h >= 0 && v.upos[h] === 'VERB' && (rel === 'obj' || rel === 'obl') && !circumstance) {
        r.source = subjectOf(v, ix, h).actors.filter((m) => !r.target.some((t) => t.entity === m.entity));
      }
      if (r.source.length === 0) {
        for (let k = c.token - 1; k >= Math.max(0, c.token - 4); k--) {
          // Untagged, only an adjacent verb can be told apart: a preposition in between ends the search ("spoke of talks").
          if (isBoundary(v, k) || (!v.hasPos && isPreposition(v, k))) break;
          if (!v.hasPos || v.upos[k] === 'VERB') {
            const vr = verbRolesShallow(v, ix, k, k);
            if (vr.source.length > 0 && (v.hasPos || !DETERMINERS.has(v.upper[k]!))) {
              r.source = vr.source.filter((m) => !r.target.some((t) => t.entity === m.entity));
              break;
            }
          }
        }
      }
    }
    return r;
  }
  const last = Math.max(c.token, ...(c.match?.extra ?? []));
  if (!v.hasDeps) return verbRolesShallow(v, ix, c.token, last);
  const dep = verbRolesDep(v, ix, c.token, c.complement);
  if (dep.source.length > 0 && dep.target.length > 0) return dep;
  // A parse error (a quote mark read as the subject, a possessive attached to the verb) leaves a role
  // empty: the shallow reading of the clause fills it, without undoing what the parse found.
  const passive = childrenWith(v, c.token, ['nsubj:pass', 'aux:pass']).length > 0 && hasPassiveMarker(v, c.token);
  if (passive) {
    // "is opposed to", "is prepared to", "were engaged in": adjectival, the subject is the one acting.
    const next = v.upper[c.token + 1];
    if (dep.source.length === 0 && next !== undefined && ['TO', 'IN', 'WITH', 'ABOUT', 'ON'].includes(next)) {
      const objects = objectActors(v, ix, c.token, actorSet(dep.target), true);
      return { source: dep.target, target: objects };
    }
    return dep;
  }
  const shallow = verbRolesShallow(v, ix, c.token, last);
  const taken = actorSet(dep.target);
  const own = actorSet(dep.source);
  const source = dep.source.length > 0 ? dep.source : shallow.source;
  let target = dep.target;
  if (dep.source.length === 0 && target.length > 0 && target.every((m) => actorSet(source).has(m))) {
    // "European Community foreign ministers agreed …" with the name misparsed as an oblique: the
    // parse's "target" is the source the word sequence found; look for the target again without it.
    const skip = actorSet(source);
    target = objectActors(v, ix, c.token, skip, true);
    if (target.length === 0 && c.complement !== null) target = objectActors(v, ix, c.complement, skip, true);
  }
  return {
    source,
    target: target.length > 0 ? target : shallow.target.filter((m) => !taken.has(m) && !own.has(m)),
  };
}

function modalityOf(v: SentenceView, c: Candidate): { negated: boolean; future: boolean; hypothetical: boolean } {
  const out = { negated: false, future: false, hypothetical: false };
  const clauseFirst = shallowClause(v, c.token).first;
  const anchors = c.kind === 'noun' && v.hasDeps ? [c.token, ...headVerb(v, c.token)] : c.anchors;
  for (const a of anchors) {
    const isNoun = a === c.token && c.kind === 'noun';
    const m = v.hasDeps ? modalityDep(v, a) : modalityShallow(v, a, clauseFirst, isNoun);
    if (isNoun && v.hasDeps) {
      m.negated = childrenWith(v, a, ['det']).some((d) => v.upper[d] === 'NO');
      m.future = false;
      m.hypothetical = false;
    }
    out.negated ||= m.negated;
    out.future ||= m.future;
    out.hypothetical ||= m.hypothetical;
  }
  if (c.kind === 'noun' && !v.hasDeps) {
    // The verb the noun is the object of carries its tense and mood ("will extend the curfew").
    const gv = governingVerbShallow(v, c.token, clauseFirst);
    if (gv >= 0) {
      const m = modalityShallow(v, gv, clauseFirst, false);
      out.future ||= m.future;
      out.hypothetical ||= m.hypothetical;
      out.negated ||= m.negated;
    }
  }
  if (c.moods.has('future')) out.future = true;
  if (c.moods.has('negated')) out.negated = true;
  if (c.moods.has('hypothetical')) out.hypothetical = true;
  return out;
}

/** Modality the event inherits from the verbs governing its trigger (and, for a noun, its verb). */
function inheritedOf(v: SentenceView, c: Candidate): Inherited {
  const anchors = c.kind === 'noun' && v.hasDeps ? [...new Set([...c.anchors, ...headVerb(v, c.token)])] : c.anchors;
  const skip = new Set(anchors);
  const out: Inherited = { future: false, hypothetical: false, negated: false, governors: [] };
  for (const a of anchors) {
    const m = inheritedModality(v, a, skip);
    out.future ||= m.future;
    out.hypothetical ||= m.hypothetical;
    out.negated ||= m.negated;
    out.governors.push(...m.governors);
  }
  return out;
}

/** Untagged or tagged text without a parse: the verb right before a noun's phrase, if any. */
function governingVerbShallow(v: SentenceView, n: number, first: number): number {
  for (let k = n - 1; k >= Math.max(first, n - 5); k--) {
    if (isPreposition(v, k) || v.upper[k] === ',') return -1;
    if (v.hasPos ? v.upos[k] === 'VERB' : k < n - 1 && !DETERMINERS.has(v.upper[k]!) && (k === first || DETERMINERS.has(v.upper[k + 1]!))) return k;
  }
  return -1;
}

/** The verb a noun depends on as object, oblique or subject. */
function headVerb(v: SentenceView, n: number): number[] {
  let k = v.head[n]!;
  for (let hops = 0; hops < 3 && k >= 0; hops++) {
    if (v.upos[k] === 'VERB') return [k];
    k = v.head[k]!;
  }
  return [];
}

function confidenceOf(c: Candidate, roles: Roles, deps: boolean): number {
  let conf = 0.45;
  if (c.hasPattern || c.composedBy) conf += 0.15;
  if (roles.source.length > 0) conf += 0.15;
  if (roles.target.length > 0) conf += 0.1;
  if (deps) conf += 0.1;
  if (c.kind === 'noun') conf -= 0.05;
  // Actors coded only by the dictionary fallback (no entity behind them) are less certain.
  const actors = [...roles.source, ...roles.target];
  if (actors.length > 0 && actors.every((m) => m.entity.startsWith('#'))) conf -= 0.05;
  // Only uncoded actors: the event is there, who did it is not known.
  if (actors.length > 0 && actors.every((m) => !m.code)) conf -= 0.1;
  return Math.round(Math.min(0.95, conf) * 100) / 100;
}

export interface CodeOptions {
  readonly referenceDate?: string;
}

/** Code every sentence of a document; returns the events with ids v1, v2, … in text order. */
export function codeDocument(doc: Document, config: CoderConfig): EventRecord[] {
  const ref = doc.meta.referenceDate;
  const fb = config.fallback;
  const mentions = flattenMentions(fb ? { ...doc, entities: entitiesWithFallback(doc, fb) } : doc);
  const home = fb ? homeCountry(mentions) : undefined;
  const events: EventRecord[] = [];
  const idioms = loadIdioms();
  for (let s = 0; s < doc.sentences.length; s++) {
    const v = sentenceView(doc, s);
    if (v.tokens.length === 0) continue;
    const own = indexMentions(v, mentions);
    const ix = fb ? withFallback(v, own, fb, ref, home) : own;
    const cands = candidatesFor(v, ix, config.lexicon);
    if (cands.size === 0) continue;
    // An idiom's verb has no code of its own, also as a governor's complement ("ready to take steps").
    for (const c of cands.values()) if (c.kind === 'verb' && c.code !== null && !c.hasPattern && idiomatic(v, c.token, c.lemma, idioms)) c.code = null;
    compose(v, cands, config.lexicon);
    obligations(v, cands, config.lexicon);
    suppressConsumedNouns(v, cands);
    const conditions = findConditions(v);
    const timexes = sentenceTimexes(doc, v);
    const cueSpans = doc.quotes.flatMap((q) => (q.cue ? [q.cue] : []));
    const sentenceEvents: EventRecord[] = [];
    for (const c of [...cands.values()].sort((a, b) => a.token - b.token)) {
      if (c.suppressed || c.code === null) continue;
      if (c.kind === 'verb' && c.composedBy === null && (participialAdjunct(v, c.token) || backgroundVerb(v, c.token))) continue;
      // "riot police", "invasion forces", "aid groups": an event noun naming what a group of people is
      // for modifies an agent noun; it is no event ("a mediation mission" still is one).
      if (c.kind === 'noun' && v.hasDeps && v.deprel[c.token] === 'compound' && config.fallback && agentNoun(v, v.head[c.token]!, config.fallback)) continue;
      // "the strike they have been planning": a relative clause on an event noun describes that event.
      if (c.kind === 'verb' && v.hasDeps && v.deprel[c.token] === 'acl:relcl' && cands.get(v.head[c.token]!)?.kind === 'noun') continue;
      const trig = v.tokens[c.token]!;
      // News prose: verbs of things, adjectival participles, attributions, idioms (see news.ts).
      if (c.kind === 'verb' && nonEventVerb(v, {
        token: c.token,
        lemma: c.lemma,
        code: c.code,
        hasPattern: c.hasPattern,
        quoteCue: cueSpans.some((q) => q.start <= trig.start && trig.start < q.end),
        isActor: (k) => (ix.byToken[k]?.length ?? 0) > 0 || (fb !== undefined && agentNoun(v, k, fb)),
      }, idioms)) continue;
      const fromPattern = c.hasPattern || c.composedBy !== null;
      // Reporting verbs are attributions (the quotes layer), not events, unless a pattern codes them.
      if (c.code.startsWith('01') && !fromPattern) continue;
      if (c.code.startsWith('01') && cueSpans.some((q) => q.start <= trig.start && trig.start < q.end)) continue;
      let roles = rolesOf(v, ix, c);
      if (c.swap) roles = { source: roles.target, target: roles.source };
      if (roles.source.length === 0 && roles.target.length === 0) continue;
      // An event noun without its agent ("in the final status talks with X") is background, not an event.
      if (c.kind === 'noun' && roles.source.length === 0) continue;
      const mod = modalityOf(v, c);
      let code = c.code;
      if (mod.negated) {
        const neg = config.lexicon.compose.classes.get('NEGATE');
        const swapped = neg ? composeCode(neg, null, code) : null;
        if (neg && swapped && swapped !== code) {
          code = swapped;
          mod.negated = false;
        }
      }
      // A cooperative or forceful act announced for the future is an intent (03) or a threat (13), as in CAMEO.
      const objectNoun = c.kind === 'noun' && (v.hasDeps ? baseRel(v.deprel[c.token]!) === 'obj' : governingVerbShallow(v, c.token, shallowClause(v, c.token).first) >= 0);
      if ((c.kind === 'verb' || objectNoun) && (mod.future || mod.hypothetical) && !c.composedBy && FUTURE_AS_INTENT.test(code)) {
        const intent = config.lexicon.compose.classes.get('INTENT');
        code = (intent && composeCode(intent, code, code)) ?? code;
      }
      // What the verbs above it let the event be (inherit.ts): flags only — the code stays the one the
      // trigger's own mood gave it ("would allow police to remove protesters" is a hypothetical removal,
      // not a threat to remove).
      const inh = inheritedOf(v, c);
      mod.future ||= inh.future;
      mod.hypothetical ||= inh.hypothetical;
      mod.negated ||= inh.negated && !mod.hypothetical;
      let condition: Condition | undefined;
      for (const cond of conditions) {
        if (insideCondition(cond, c.anchors)) mod.hypothetical = true;
        else if (!condition && conditionApplies(cond, [...c.anchors, ...inh.governors])) condition = cond;
      }
      const facts = codeFacts(code, config.tables);
      const quote = quoteAtOffset(doc.quotes, trig.start);
      const tx = attachTimex(v, timexes, c.anchors, c.kind === 'noun');
      let date: string | undefined;
      let dateBasis: DateBasis = 'none';
      if (tx) {
        date = tx.value;
        dateBasis = 'timex';
      } else if (ref) {
        date = ref;
        dateBasis = 'reference';
      }
      const place = attachLocation(v, ix, c.anchors);
      // No participant as target: the place the event happened at stands for it ("extend the curfew
      // in Abidjan", "a rally in Lagos"), as TABARI and PETRARCH take the first actor of the verb
      // phrase, places included. The event's location is reported as well.
      if (roles.target.length === 0 && place?.code && !roles.source.some((m) => m.entity === place.entity)) roles = { source: roles.source, target: [place] };
      const src = actorLists(roles.source);
      const srcKeys = actorSet(roles.source);
      const tgt = actorLists(roles.target.filter((m) => !srcKeys.has(m)));
      const trigger: Span = { start: trig.start, end: trig.end };
      const ev: EventRecord = {
        id: `v${events.length + 1}`,
        trigger,
        source: src.ids,
        target: tgt.ids,
        ...(src.codes.length ? { sourceCodes: src.codes } : {}),
        ...(tgt.codes.length ? { targetCodes: tgt.codes } : {}),
        cameo: code,
        root: facts.root,
        ...(facts.plover ? { plover: facts.plover } : {}),
        ...(facts.ploverMode ? { ploverMode: facts.ploverMode } : {}),
        quadClass: facts.quadClass,
        goldstein: facts.goldstein,
        ...(date ? { date } : {}),
        dateBasis,
        ...(place ? { location: place.entity } : {}),
        modality: { negated: mod.negated, future: mod.future, conditional: condition !== undefined, hypothetical: mod.hypothetical },
        ...(condition ? { condition: condition.span } : {}),
        ...(quote ? { quote: quote.id } : {}),
        sentence: s,
        confidence: confidenceOf(c, roles, v.hasDeps),
      };
      sentenceEvents.push(ev);
    }
    const min = config.minConfidence ?? 0;
    for (const ev of dedupeSameAction(dropElaborations(v, dropStatedContent(v, dropTrailingAdverbials(v, dropPurposes(v, sentenceEvents)))))) {
      if ((ev.confidence ?? 1) < min) continue;
      events.push({ ...ev, id: `v${events.length + 1}` });
    }
  }
  return events;
}

/**
 * "… opened fire to disperse demonstrators", "… embarked on a trip to seek support": a purpose
 * infinitive after an event already coded says what that event was for, not a second event.
 */
function dropPurposes(v: SentenceView, evs: readonly EventRecord[]): EventRecord[] {
  const tokenOf = (e: EventRecord): number => v.tokens.findIndex((t) => t.start === e.trigger.start);
  return evs.filter((e) => {
    const t = tokenOf(e);
    if (t < 1 || v.upper[t - 1] !== 'TO') return true;
    if (v.hasDeps && !['advcl', 'acl'].includes(baseRel(v.deprel[t]!))) return true;
    return !evs.some((o) => o !== e && o.trigger.start < e.trigger.start);
  });
}

/**
 * "shelled Juba …, killing about 20 people", "launched rocket fire …, killing or wounding 50",
 * "killed 46 civilians in an attack on a village": a subjectless participle after a comma (and what
 * is coordinated with it) or an event noun in an adverbial of the verb, of the same kind as the
 * event before it, is that event's result or its name, not a second action. A participle of
 * another kind ("opened fire …, killing one person and arresting 12") stays an event.
 */
function dropElaborations(v: SentenceView, evs: readonly EventRecord[]): EventRecord[] {
  if (!v.hasDeps || evs.length < 2) return [...evs];
  const tokenOf = (e: EventRecord): number => v.tokens.findIndex((t) => t.start === e.trigger.start);
  const byToken = new Map(evs.map((e) => [tokenOf(e), e] as const));
  const sameKind = (a: EventRecord, b: EventRecord): boolean => (a.plover !== undefined || b.plover !== undefined ? a.plover === b.plover : a.root === b.root);
  const drop = new Set<EventRecord>();
  const adjunct = (t: number): boolean =>
    v.tokens[t]!.xpos === 'VBG' && v.upper[t - 1] === ',' && childrenWith(v, t, ['nsubj', 'nsubj:pass', 'aux', 'mark']).length === 0;
  for (const [t, e] of byToken) {
    const earlier = evs.filter((o) => o !== e && o.trigger.start < e.trigger.start && sameKind(o, e));
    if (earlier.length === 0) continue;
    let k = t;
    // "killing or wounding 50": the second participle is coordinated with the first.
    if (baseRel(v.deprel[t]!) === 'conj' && v.tokens[t]!.xpos === 'VBG' && v.head[t]! >= 0) k = v.head[t]!;
    if (adjunct(k)) {
      drop.add(e);
      continue;
    }
    const h = v.head[t]!;
    const head = h >= 0 ? byToken.get(h) : undefined;
    if (v.upos[t] === 'NOUN' && head && head.trigger.start < e.trigger.start && sameKind(head, e) && baseRel(v.deprel[t]!) === 'obl' && childrenWith(v, t, ['case']).some((c) => v.upper[c] === 'IN' || v.upper[c] === 'DURING')) drop.add(e);
  }
  return evs.filter((e) => !drop.has(e));
}

/** Subordinators that open a clause of time, manner or reason after the main one. */
const TRAILING_SUBORDINATORS = new Set(['AS', 'AFTER', 'UNTIL', 'WHEN', 'WHILE', 'BECAUSE', 'ALTHOUGH', 'THOUGH', 'WHEREAS', 'ONCE']);

/**
 * "… threatened to impose restrictions as the leaders of the two countries sought to ease tensions",
 * "demanded elections after a special court cleared him", "… until their demands are met": a verb
 * after a subordinator and its subject, following an event already coded, is in an adverbial clause
 * of that event (whatever the parse made of it), not a second event.
 */
function dropTrailingAdverbials(v: SentenceView, evs: readonly EventRecord[]): EventRecord[] {
  if (!v.hasPos || evs.length < 2) return [...evs];
  const tokenOf = (e: EventRecord): number => v.tokens.findIndex((t) => t.start === e.trigger.start);
  return evs.filter((e) => {
    const t = tokenOf(e);
    if (v.upos[t] !== 'VERB') return true;
    // A gerund is no clause of its own: "after five days of fighting" is a phrase.
    if (v.tokens[t]!.xpos === 'VBG' && v.upos[t - 1] !== 'AUX') return true;
    for (let k = t - 1; k >= Math.max(0, t - 10); k--) {
      const u = v.upper[k]!;
      if (TRAILING_SUBORDINATORS.has(u)) {
        // "as well as", "such as", "as a result": not a clause; the subject must stand between.
        if (k === t - 1 || v.upper[k + 1] === 'WELL' || v.upper[k - 1] === 'SUCH') return true;
        const start = v.tokens[k]!.start;
        return !evs.some((o) => o !== e && o.trigger.start < start);
      }
      if (isBoundary(v, k) || u === ',' || v.upos[k] === 'VERB' || u === 'THAT' || u === 'WHO' || u === 'WHICH') return true;
    }
    return true;
  });
}

const STATEMENT_ROOTS = new Set(['10', '11', '12', '13']);
const REPORTING = new Set(['SAY', 'ADD', 'ARGUE', 'CLAIM', 'INSIST', 'EXPLAIN', 'STRESS', 'NOTE']);

/**
 * "warned that police will no longer tolerate rallies", "refused to meet him …, saying he would only
 * welcome him in Jerusalem": a clause that is what a demand, accusation, rejection or threat says, or
 * what a participle of saying adds to an event, is that event's content, already coded with it.
 */
function dropStatedContent(v: SentenceView, evs: readonly EventRecord[]): EventRecord[] {
  if (!v.hasDeps || evs.length < 2) return [...evs];
  const tokenOf = (e: EventRecord): number => v.tokens.findIndex((t) => t.start === e.trigger.start);
  const byToken = new Map(evs.map((e) => [tokenOf(e), e] as const));
  return evs.filter((e) => {
    const t = tokenOf(e);
    // "accused Darfur rebels of violating a ceasefire": what someone is accused of is the accusation's content.
    if (v.upper[t - 1] === 'OF' && v.tokens[t]!.xpos === 'VBG' && evs.some((o) => o.root === '11' && o.trigger.start < e.trigger.start && t - v.tokens.findIndex((x) => x.start === o.trigger.start) <= 6)) return false;
    // "claimed Iran … is unduly influencing their government", with the clause's subject taken as the
    // verb's object: a subjectless clause hung on a demand, accusation, rejection or threat as
    // parataxis, with no semicolon or colon between them, is what it says, as a ccomp is.
    if (baseRel(v.deprel[t]!) === 'parataxis' && v.head[t]! >= 0 && v.head[t]! < t && childrenWith(v, t, ['nsubj', 'nsubj:pass']).length === 0) {
      const h = v.head[t]!;
      const gov = byToken.get(h);
      const between = v.upper.slice(h + 1, t);
      if (gov && gov !== e && STATEMENT_ROOTS.has(gov.root) && !between.some((w) => w === ';' || w === ':')) return false;
    }
    if (baseRel(v.deprel[t]!) !== 'ccomp') return true;
    const h = v.head[t]!;
    if (h < 0) return true;
    const gov = byToken.get(h);
    if (gov && gov !== e && STATEMENT_ROOTS.has(gov.root)) return false;
    const saying = v.tokens[h]!.xpos === 'VBG' && v.upper[h - 1] === ',' && REPORTING.has(v.lemma[h]!);
    return !(saying && evs.some((o) => o !== e && o.trigger.start < v.tokens[h]!.start));
  });
}

/**
 * One action, one event: a sentence that says the same kind of thing twice about the same actor
 * ("staged rallies", "began a hunger strike to protest") yields the most confident of them.
 */
function dedupeSameAction(evs: readonly EventRecord[]): EventRecord[] {
  const best = new Map<string, EventRecord>();
  for (const e of evs) {
    const key = `${e.root}|${e.source.join(',')}`;
    const prev = best.get(key);
    if (!prev || (e.confidence ?? 0) > (prev.confidence ?? 0)) best.set(key, e);
  }
  const keep = new Set(best.values());
  return evs.filter((e) => keep.has(e));
}

/**
 * "…, killing 20 people", "…, saying he must resign": a participle after a comma elaborates the main
 * event rather than adding one.
 */
function participialAdjunct(v: SentenceView, t: number): boolean {
  const xpos = v.tokens[t]!.xpos;
  const ing = xpos === 'VBG' || (xpos === undefined && /ING$/.test(v.upper[t]!));
  if (!ing) return false;
  if (v.hasDeps) return baseRel(v.deprel[t]!) === 'advcl' && childrenWith(v, t, ['mark']).length === 0;
  return v.upper[t - 1] === ',';
}

/**
 * Nouns whose gerund ("of guarding", "on sending", "about ending") is their content: the content
 * nouns below and nouns of tasks, plans and negotiations. Not for to-infinitives: "plans to expand"
 * is a governor read as a noun (see candidatesFor).
 */
const GERUND_CONTENT_NOUNS = new Set(['DUTY', 'DUTIES', 'TASK', 'TASKS', 'RESPONSIBILITY', 'ROLE', 'JOB', 'OBLIGATION', 'IDEA', 'PLAN', 'PLANS', 'POSSIBILITY', 'PROSPECT', 'INTENTION', 'GOAL', 'AIM', 'BAN', 'TALKS', 'NEGOTIATIONS', 'DISCUSSIONS', 'DEBATE', 'LAW', 'BILL']);
const CONTENT_NOUNS = new Set(['EFFORT', 'EFFORTS', 'CONSENSUS', 'DECISION', 'AGREEMENT', 'DEAL', 'RIGHT', 'BID', 'WILLINGNESS', 'READINESS', 'PROMISE', 'PLEDGE', 'COMMITMENT', 'ORDER', 'ORDERS', 'MOVE', 'RESOLUTION', 'PERMISSION', 'AUTHORITY', 'CAMPAIGN', 'DRIVE', 'MANDATE', 'OFFER', 'PROPOSAL', 'CALL', 'CALLS', 'REQUEST', 'DEMAND', 'DEMANDS', 'ULTIMATUM', 'THREAT', 'PLEA', 'APPEAL', 'VOTE']);

/** A noun whose to-infinitive says what it is about ("a request to interrogate"), unlike "an attempt to assassinate". */
function contentNoun(v: SentenceView, n: number): boolean {
  return CONTENT_NOUNS.has(v.upper[n]!) || CONTENT_NOUNS.has(v.lemma[n]!);
}

/** A noun the agent dictionaries know as a kind of actor ("police", "forces", "groups"). */
function agentNoun(v: SentenceView, h: number, fb: FallbackLexicon): boolean {
  if (h < 0 || (v.upos[h] !== 'NOUN' && v.upos[h] !== 'PROPN')) return false;
  return [v.upper[h]!, v.lemma[h]!].some((w) => (fb.gazetteer.agents.get([w])?.length ?? 0) > 0 || (fb.agents.get([w])?.length ?? 0) > 0);
}

/** Does the parse have a verb (or a predicate with a copula) at its root? */
function verbalRoot(v: SentenceView): boolean {
  const r = v.head.indexOf(-1);
  if (r < 0) return false;
  return v.upos[r] === 'VERB' || childrenWith(v, r, ['cop']).length > 0;
}

const CIRCUMSTANCE_PREPS = new Set(['IN', 'DURING', 'AMID', 'AFTER', 'BEFORE', 'SINCE', 'FOLLOWING', 'DESPITE']);
const CONTENT_PREPS = new Set(['OF', 'ON', 'ABOUT', 'OVER', 'REGARDING']);
const GERUND_PREPS = new Set(['OF', 'FOR', 'WITHOUT', 'BY', 'DESPITE', 'FROM', 'INSTEAD']);
const ADVERBIAL_SUBORDINATORS = new Set(['WHEN', 'WHILE', 'AS', 'AFTER', 'BEFORE', 'SINCE', 'BECAUSE', 'ALTHOUGH', 'THOUGH', 'UNTIL', 'WHERE', 'WHEREAS', 'ONCE']);
/** Nouns whose to-infinitive is their content, not an event ("a request to interrogate", "efforts to end"). */
function participle(v: SentenceView, t: number): 'VBN' | 'VBG' | null {
  const xpos = v.tokens[t]!.xpos;
  if (xpos === 'VBN' || xpos === 'VBG') return xpos;
  if (xpos !== undefined) return null;
  // Without fine tags "-ed" may be a past tense as well as a participle: only "-ing" is told apart.
  if (/ING$/.test(v.upper[t]!)) return 'VBG';
  return null;
}

/**
 * Verbs that are not events of their own: participles used as adjectives ("the besieged town",
 * "equipment seized last year"), to-infinitives that spell out a noun ("a request to interrogate"),
 * and verbs of adverbial clauses ("where 28 people have been killed", "as he embarked on").
 */
function backgroundVerb(v: SentenceView, t: number): boolean {
  const part = participle(v, t);
  // A gerund after a preposition is what another event is about or why it happened ("suspected of
  // taking kickbacks", "deported for traveling without documents"), not an event of its own.
  // "of" only after a verb: "guilty of violating", "days of fighting" still are the event.
  const prep = v.upper[t - 1] ?? '';
  if (part === 'VBG' && GERUND_PREPS.has(prep) && (prep !== 'OF' || (v.hasPos && v.upos[t - 2] === 'VERB'))) return true;
  // "the decision of sending troops", "the duty of guarding …", "the agreement on sending soldiers",
  // "talks about ending the war": the gerund is what a content noun is about.
  if (part === 'VBG' && CONTENT_PREPS.has(prep) && t >= 2 && (contentNoun(v, t - 2) || GERUND_CONTENT_NOUNS.has(v.upper[t - 2]!) || GERUND_CONTENT_NOUNS.has(v.lemma[t - 2]!))) return true;
  // "Algeria's leading activist": a participle between a possessive and a noun is an adjective.
  if (part !== null && (v.upper[t - 1] === "'S" || v.upper[t - 1] === "'") && v.hasPos && ['NOUN', 'ADJ', 'PROPN'].includes(v.upos[t + 1] ?? '')) return true;
  if (v.hasDeps) {
    const rel = v.deprel[t]!;
    // A participle with an object of its own is an event whatever the parser made of it ("Serb forces killed three …").
    const hasObject = childrenWith(v, t, ['obj', 'iobj']).length > 0;
    // Adjectival only inside a noun phrase ("the besieged town"); after a name it is a misparsed verb ("… Heights threatened").
    if (rel === 'amod' && !hasObject && ['DET', 'ADJ', 'NUM', 'PRON', 'ADV'].includes(v.upos[t - 1] ?? '')) return true;
    // A parse without a verbal root ("Israeli troops remained on alert …" read as a noun phrase) hangs
    // the main verb on its subject as a participle: it is still the sentence's event.
    if (baseRel(rel) === 'acl' && rel !== 'acl:relcl' && !verbalRoot(v) && v.head[t]! === t - 1 && ['root', 'nsubj'].includes(baseRel(v.deprel[t - 1]!))) return false;
    // … also after a long subject ("Egyptian foreign minister Sameh Shoukry and his counterparts, …,
    // gathered in Cairo"): a participle hung on a nominal root, with no noun phrase of its own before it.
    if (baseRel(rel) === 'acl' && rel !== 'acl:relcl' && !verbalRoot(v) && v.head[t]! >= 0 && v.head[v.head[t]!] === -1 && v.upper[t - 1] === ',' && childrenWith(v, t, ['nsubj', 'nsubj:pass']).length === 0) return false;
    // "Zambia extradited suspected British militant …, an official said": a participle hung on the bare
    // name opening the sentence, with words of its own after it, is that name's verb misparsed.
    if (baseRel(rel) === 'acl' && rel !== 'acl:relcl' && t === 1 && v.head[t] === 0 && v.upos[0] === 'PROPN' && (v.children[t] ?? []).some((c) => c > t && v.upos[c] !== 'PUNCT' && v.upos[c] !== 'ADP')) return false;
    if (baseRel(rel) === 'acl' && rel !== 'acl:relcl') {
      const h = v.head[t]!;
      const toMark = childrenWith(v, t, ['mark']).some((m) => v.upper[m] === 'TO');
      if (toMark && h >= 0 && v.upos[h] === 'NOUN' && contentNoun(v, h)) return true;
      if (part === 'VBN' && !hasObject) return true;
      // "UN inspectors probing suspect sites", "a demonstration calling for …", "a resolution
      // censuring …": a present participle right after its noun says what the noun is or does; the
      // sentence's event is the verb that noun belongs to.
      if (part === 'VBG' && h === t - 1 && (v.upos[h] === 'NOUN' || v.upos[h] === 'PROPN') && childrenWith(v, t, ['nsubj', 'nsubj:pass', 'aux']).length === 0) return true;
    }
    // "guarding captured ISIS militants": a participle (the tagger may call it a past tense) right
    // after a verb, with no subject or auxiliary of its own and a noun phrase after it, is an adjective
    // on that verb's object.
    const xp = v.tokens[t]!.xpos;
    if ((xp === 'VBD' || xp === 'VBN') && t >= 2 && v.upos[t - 1] === 'VERB' && v.head[t - 1] !== t && childrenWith(v, t, ['nsubj', 'nsubj:pass', 'aux', 'aux:pass', 'expl']).length === 0 && ['NOUN', 'NUM', 'ADJ', 'PROPN'].includes(v.upos[t + 1] ?? '')) return true;
    // "Newly appointed Palestinian Prime Minister …": a participle opening a noun phrase is an adjective.
    if (part === 'VBN' && !hasObject && childrenWith(v, t, ['aux', 'aux:pass', 'nsubj', 'nsubj:pass']).length === 0 && (t === 0 || ['DET', 'ADV'].includes(v.upos[t - 1] ?? '')) && ['ADJ', 'NOUN', 'PROPN'].includes(v.upos[t + 1] ?? '')) return true;
    if (baseRel(rel) === 'advcl' && childrenWith(v, t, ['mark', 'advmod']).some((m) => ADVERBIAL_SUBORDINATORS.has(v.upper[m]!) && m < t)) return true;
    // "weapons and equipment seized last year from …": a past participle right after its noun, with
    // no auxiliary and no object, is a reduced relative even when the parse made the noun its subject.
    // Only where the parse itself has the participle below another word: a main verb the tagger read
    // as a participle ("The UN on Tuesday reduced …") is the sentence's root.
    const h = v.head[t]!;
    const below = baseRel(rel) === 'acl' || (baseRel(rel) === 'conj' && h >= 0 && childrenWith(v, h, ['obj']).some((o) => o > h && o < t));
    if (below && part === 'VBN' && !hasObject && (v.upos[t - 1] === 'NOUN' || v.upos[t - 1] === 'PROPN') && childrenWith(v, t, ['aux', 'aux:pass', 'cop']).length === 0) {
      const next = v.upos[t + 1];
      if (next === undefined || !['DET', 'NUM', 'PRON', 'PROPN'].includes(next)) return true;
    }
    return false;
  }
  const prev = v.upper[t - 1];
  const next = t + 1 < v.tokens.length ? t + 1 : -1;
  if (part) {
    // Before a noun, or right after a determiner: an adjective.
    if (prev !== undefined && DETERMINERS.has(prev)) return true;
    if (v.hasPos && next >= 0 && (v.upos[next] === 'NOUN' || v.upos[next] === 'PROPN' || v.upos[next] === 'ADJ') && v.upos[t - 1] !== 'AUX' && !VERB_CONTEXT.has(prev ?? '')) return part === 'VBN' || v.upos[t - 1] === 'DET' || v.upos[t - 1] === 'ADJ';
    // Right after a noun, without an auxiliary or an object: a reduced relative ("equipment seized last year").
    const objectNext = next >= 0 && ['DET', 'NUM', 'PRON', 'PROPN', 'NOUN'].includes(v.upos[next] ?? '');
    if (part === 'VBN' && v.hasPos && (v.upos[t - 1] === 'NOUN' || v.upos[t - 1] === 'PROPN') && !objectNext) return true;
  }
  if (prev === 'TO' && t >= 2 && v.hasPos && v.upos[t - 2] === 'NOUN' && contentNoun(v, t - 2)) return true;
  // An adverbial clause: a subordinator between the clause start and the verb.
  const { first } = shallowClause(v, t);
  for (let k = Math.max(first, t - 8); k < t; k++) {
    if (ADVERBIAL_SUBORDINATORS.has(v.upper[k]!) && !(v.upper[k] === 'AS' && (v.upper[k + 1] === 'WELL' || v.upper[k - 1] === 'SUCH'))) return true;
  }
  return false;
}

export type { ActorMention };
