/**
 * Verbs that look like triggers in news prose but are no event of an actor: the false positives
 * found on annotated Wikinews articles (docs/quality-events-news.md). Each rule names a construction,
 * not a word list of the articles: a verb whose subject is a thing ("the situation has escalated",
 * "the regulations do not apply"), a participle used as an adjective ("a proposed bill", "accused
 * criminals"), a reporting verb used to attribute speech ("…, he added"), a verb in an idiom that is
 * not its dictionary sense ("take place", "go against", "think tank"), a purpose or content infinitive
 * on a noun ("forces are in Iraq … to defeat", "an effort intended to connect"), and "issue a
 * statement", which is communication at most.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from './paths.ts';
import { baseRel, childrenWith, type SentenceView } from './syntax.ts';

/** `LEMMA WORD` lines: the verb LEMMA with WORD in its phrase is an idiom, not the verb's dictionary sense. */
export type Idioms = ReadonlyMap<string, ReadonlySet<string>>;

export function parseIdioms(text: string): Idioms {
  const out = new Map<string, Set<string>>();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [verb, word] = line.toUpperCase().split(/\s+/);
    if (!verb || !word) continue;
    const set = out.get(verb) ?? new Set<string>();
    set.add(word);
    out.set(verb, set);
  }
  return out;
}

let cached: Idioms | null = null;
export function loadIdioms(): Idioms {
  cached ??= parseIdioms(readFileSync(dataPath('events/idioms.txt'), 'utf8'));
  return cached;
}

/** What the rules need to know about a trigger besides the parse. */
export interface VerbFacts {
  readonly token: number;
  /** Upper-case lemma of the trigger. */
  readonly lemma: string;
  readonly code: string;
  /** A dictionary pattern (not the bare verb) gave the code. */
  readonly hasPattern: boolean;
  /** The trigger is the cue of a quotation in the quotes layer. */
  readonly quoteCue: boolean;
  /** Does token k (or a name over it) denote an actor: an entity mention or an agent noun ("police", "protesters")? */
  readonly isActor: (k: number) => boolean;
}

export type NonEventReason = 'thing-subject' | 'adjectival-participle' | 'reporting' | 'idiom' | 'noun-purpose' | 'purpose' | 'statement-release';

/** Verbs of saying and of opinion: as an attribution ("…, he added", "people think that …") they belong to the quotes layer. */
const REPORTING = new Set(['ADD', 'NOTE', 'ADMIT', 'EXPLAIN', 'STRESS', 'WRITE', 'REMARK', 'OBSERVE', 'RECALL', 'REPLY', 'RESPOND', 'CONTINUE', 'TELL', 'SAY', 'MENTION', 'CONCEDE', 'ACKNOWLEDGE', 'THINK', 'BELIEVE', 'FEEL', 'KNOW', 'WONDER', 'SUSPECT']);
/** Verbal event roots a reporting verb may still carry: a demand, an accusation, a rejection, a threat. */
const STATEMENT_ROOTS = /^1[0-3]/;
const STATEMENT_NOUNS = new Set(['STATEMENT', 'STATEMENTS', 'RELEASE', 'RELEASES', 'COMMUNIQUE', 'COMMUNIQUES', 'COMMUNIQUÉ', 'COMMUNIQUÉS', 'REPORT', 'REPORTS', 'BULLETIN', 'TWEET', 'TWEETS', 'NOTICE', 'STATEMENT.']);
const RELEASING = new Set(['ISSUE', 'RELEASE', 'PUBLISH', 'PUT']);
/** Pronouns that stand for a fact or a thing, never an actor. */
const THING_PRONOUNS = new Set(['THIS', 'THAT', 'WHAT', 'EVERYTHING', 'NOTHING', 'SOMETHING']);
const RELATIVES = new Set(['WHICH', 'THAT', 'WHO', 'WHOM']);
/**
 * Nouns for people and bodies of people, for when the entity layer has no mention over them
 * ("leaders of the … coalition", "a group that …"); plural agent nouns in -ers/-ors/-ists/-ians/-ants
 * count as well.
 */
const PEOPLE = new Set([
  'PEOPLE', 'PERSON', 'MAN', 'MEN', 'WOMAN', 'WOMEN', 'LEADER', 'LEADERSHIP', 'OFFICIAL', 'MEMBER', 'MINISTER', 'PRESIDENT', 'GOVERNOR', 'MAYOR',
  'GROUP', 'ORGANIZATION', 'ORGANISATION', 'COMMITTEE', 'COUNCIL', 'PARTY', 'COALITION', 'ALLIANCE', 'MOVEMENT', 'ASSOCIATION', 'UNION',
  'FRONT', 'ARMY', 'NAVY', 'MILITARY', 'TROOPS', 'FORCE', 'POLICE', 'GOVERNMENT', 'AUTHORITY', 'ADMINISTRATION', 'REGIME', 'CABINET',
  'PARLIAMENT', 'CONGRESS', 'SENATE', 'HOUSE', 'COURT', 'JUDGE', 'MINISTRY', 'AGENCY', 'DELEGATION', 'MISSION', 'EMBASSY', 'MEDIA', 'PRESS',
  'OPPOSITION', 'REBEL', 'STATE', 'COUNTRY', 'NATION', 'CITY', 'COMPANY', 'FIRM', 'BANK', 'CHARITY', 'FOUNDATION', 'SPOKESMAN',
  'SPOKESWOMAN', 'SPOKESPERSON', 'STAFF', 'FAMILY', 'CROWD', 'SIDE', 'CAMP', 'BLOC', 'ELITE', 'CLERGY', 'CHURCH', 'HOSPITAL', 'UNIVERSITY',
  'SCHOOL', 'BOARD', 'PANEL', 'ASSEMBLY', 'LEGISLATURE', 'DEPARTMENT', 'OFFICE', 'SERVICE', 'UNIT', 'BATTALION', 'BRIGADE', 'DIVISION',
  'REGIMENT', 'SQUAD', 'MILITIA', 'GANG', 'CARTEL', 'FACTION', 'CHIEF', 'HEAD', 'ENVOY', 'AMBASSADOR', 'DIPLOMAT', 'NEGOTIATOR', 'GUNMAN',
  'GUNMEN', 'ASSAILANT', 'STUDENT', 'RESIDENT', 'CITIZEN', 'VILLAGER', 'CIVILIAN', 'SOLDIER', 'OFFICER', 'AGENT', 'INSPECTOR', 'CHILD',
  'CHILDREN', 'YOUTH', 'EXPERT', 'ANALYST', 'CANDIDATE', 'VOTER', 'LAWMAKER', 'SENATOR', 'DEPUTY', 'ENEMY', 'ALLY', 'PARTNER', 'NEIGHBOR',
  'NEIGHBOUR', 'POWER', 'WEST', 'COMMUNITY', 'PUBLIC', 'SOCIETY', 'ELECTORATE', 'OWNER', 'CREW', 'PILOT', 'POPULATION',
]);
const AGENTIVE_PLURAL = /(ERS|ORS|ISTS|IANS|ANTS|EES)$/;
/** A document or decision as subject stands for whoever issued it ("a plan that will not allow …", "the resolution condemned …"). */
const DOCUMENTS = new Set([
  'PLAN', 'RESOLUTION', 'AGREEMENT', 'DEAL', 'LAW', 'BILL', 'STATEMENT', 'REPORT', 'DECISION', 'LETTER', 'TREATY', 'ACCORD', 'PROPOSAL',
  'DECREE', 'MOTION', 'LAWSUIT', 'MEMORANDUM', 'RULING', 'VERDICT', 'ORDER', 'DECLARATION', 'COMMUNIQUE', 'MESSAGE', 'NOTE', 'CHARTER',
  'CONSTITUTION', 'BUDGET', 'INITIATIVE', 'PROGRAM', 'PROGRAMME', 'CAMPAIGN', 'OPERATION', 'OFFENSIVE', 'ATTACK', 'STRIKE', 'ARTICLE',
]);

/**
 * A document speaks for its issuer — it states, appeals, intends, permits, demands, condemns,
 * rejects, threatens ("the resolution condemned …", "a plan that will not allow …") — but does not
 * meet, travel or act by force: "decisions that led to a shutdown" (042) is no event.
 */
const DOCUMENT_ROOTS = /^(0[1-35-9]|1[0-3])/;

/** A noun for people, a body of people, or (for a verbal act coded `code`) a document standing for its issuer. */
function personLike(v: SentenceView, k: number, code: string): boolean {
  const words = [v.upper[k]!, v.lemma[k]!];
  const doc = DOCUMENT_ROOTS.test(code);
  return words.some((w) => PEOPLE.has(w) || (doc && DOCUMENTS.has(w)) || PEOPLE.has(w.replace(/S$/, '')) || (doc && DOCUMENTS.has(w.replace(/S$/, ''))) || AGENTIVE_PLURAL.test(w));
}

/** The subject of a verb: its own, a relative pronoun's antecedent, or a conjunct's shared one. */
function subjectToken(v: SentenceView, t: number): number {
  let subj = childrenWith(v, t, ['nsubj'])[0];
  const rel = v.deprel[t]!;
  const h = v.head[t]!;
  if (subj === undefined && baseRel(rel) === 'conj' && h >= 0) subj = childrenWith(v, h, ['nsubj'])[0];
  // "the state of emergency appears to allow …": a raising or control verb without an object shares its subject.
  if (subj === undefined && rel === 'xcomp' && h >= 0 && childrenWith(v, h, ['obj', 'iobj']).length === 0) subj = childrenWith(v, h, ['nsubj'])[0];
  if (subj === undefined) return -1;
  if (RELATIVES.has(v.upper[subj]!) && rel === 'acl:relcl' && v.head[t]! >= 0) return v.head[t]!;
  return subj;
}

/** A subject that is a common noun (or "this") with no actor anywhere in its phrase. */
function thingSubject(v: SentenceView, t: number, f: VerbFacts): boolean {
  const s = subjectToken(v, t);
  if (s < 0) return false;
  if (v.upos[s] === 'PRON' || v.upos[s] === 'DET') return THING_PRONOUNS.has(v.upper[s]!) && !f.isActor(s);
  if (v.upos[s] !== 'NOUN' || personLike(v, s, f.code)) return false;
  // The phrase up to the subject's head: "attorneys general from sixteen states", "the government of Iraq".
  const phrase = [s, ...descendants(v, s)];
  return !phrase.some((k) => f.isActor(k));
}

function descendants(v: SentenceView, t: number): number[] {
  const out: number[] = [];
  const stack = [...v.children[t]!];
  while (stack.length) {
    const k = stack.pop()!;
    // A relative clause on the subject may mention actors of its own ("the deal that Iran signed").
    if (v.deprel[k] === 'acl:relcl') continue;
    out.push(k);
    stack.push(...v.children[k]!);
  }
  return out;
}

/** "a proposed bill", "accused criminals", "a combined lawsuit": a participle modifying a later noun. */
function adjectivalParticiple(v: SentenceView, t: number): boolean {
  const xpos = v.tokens[t]!.xpos;
  if (xpos !== 'VBN' && xpos !== 'VBG') return false;
  if (v.deprel[t] !== 'amod') return false;
  const h = v.head[t]!;
  // Inside a noun phrase only: after a subject it is a main verb the parser misread ("people blocked streets").
  if (['NOUN', 'PROPN'].includes(v.upos[t - 1] ?? '')) return false;
  return h > t && h <= t + 3 && childrenWith(v, t, ['obj', 'iobj', 'nsubj', 'aux', 'aux:pass']).length === 0;
}

/** "…, he added", "he admits that …": a verb of saying with no object of its own, or a quotation's cue. */
function reporting(v: SentenceView, f: VerbFacts): boolean {
  if (!REPORTING.has(f.lemma) || STATEMENT_ROOTS.test(f.code)) return false;
  if (f.quoteCue) return true;
  const objects = childrenWith(v, f.token, ['obj', 'iobj']).filter((o) => v.upos[o] !== 'PRON' || f.isActor(o));
  return objects.length === 0 || childrenWith(v, f.token, ['ccomp']).length > 0;
}

function idiom(v: SentenceView, f: VerbFacts, idioms: Idioms): boolean {
  return !f.hasPattern && idiomatic(v, f.token, f.lemma, idioms);
}

/**
 * "take place", "take effect", "taking a single step", "goes against", "think tank": the verb at
 * `token` (upper-case `lemma`) is part of an idiom. The coder asks this before composing governors
 * with their complements, so "ready to take more steps" is no threat to seize anything.
 */
export function idiomatic(v: SentenceView, token: number, lemma: string, idioms: Idioms = loadIdioms()): boolean {
  const words = idioms.get(lemma) ?? idioms.get(v.upper[token]!);
  if (!words) return false;
  const f = { token };
  for (let k = f.token + 1; k < Math.min(v.tokens.length, f.token + 4); k++) {
    if (words.has(v.upper[k]!) || words.has(v.lemma[k]!)) return true;
    // Only within the verb's own phrase: a determiner or adjective may stand between ("a single step").
    if (!['DET', 'ADJ', 'NUM', 'ADV'].includes(v.upos[k] ?? '')) return false;
  }
  return false;
}

/**
 * "Coalition forces are in Iraq at the invitation of … to defeat ISIS", "an effort intended to
 * connect …": an infinitive or participle that hangs on a noun or a name says what the noun is for.
 * A control verb's infinitive (xcomp: "vowed to attack") is not touched, nor a noun whose infinitive
 * is its content (handled with the noun).
 */
function nounPurpose(v: SentenceView, t: number): boolean {
  const rel = v.deprel[t]!;
  if (baseRel(rel) !== 'acl' || rel === 'acl:relcl') return false;
  const h = v.head[t]!;
  if (h < 0 || !['NOUN', 'PROPN'].includes(v.upos[h] ?? '')) return false;
  const toMark = childrenWith(v, t, ['mark']).some((m) => v.upper[m] === 'TO');
  // An infinitive with its own subject is a clause ("for the army to enter"): left to the other rules.
  if (childrenWith(v, t, ['nsubj', 'nsubj:pass']).length > 0) return false;
  // Only on a predicate noun or name ("are in Iraq … to defeat", "is an effort intended to"): after an
  // argument noun the infinitive is often the main event's purpose or the parser's misreading
  // ("opened fire to disperse", "an attempt to assassinate"), left to the coder's other rules.
  if (childrenWith(v, h, ['cop']).length === 0) return false;
  if (toMark) return true;
  return v.tokens[t]!.xpos === 'VBN' && h === t - 1 && childrenWith(v, t, ['obj', 'ccomp', 'aux', 'aux:pass']).length === 0;
}

const PURPOSE_MODALS = new Set(['CAN', 'COULD', 'WOULD', 'WILL', 'MAY', 'MIGHT', "WO", 'CA']);
/** "… so he could fund a wall", "… so that they can …", "in order to …": what an event was for. */
function purposeClause(v: SentenceView, t: number): boolean {
  // A "so"-clause read as a complement ("declared … so he could fund") is the same purpose clause.
  if (!['advcl', 'ccomp'].includes(baseRel(v.deprel[t]!)) || v.head[t]! < 0) return false;
  const marks = childrenWith(v, t, ['mark']);
  const modal = childrenWith(v, t, ['aux']).some((a) => PURPOSE_MODALS.has(v.upper[a]!));
  return marks.some((m) => (v.upper[m] === 'SO' && modal) || (v.upper[m] === 'IN' && v.upper[m + 1] === 'ORDER'));
}

/** "issued a statement", "a press release issued the following day". */
function statementRelease(v: SentenceView, f: VerbFacts): boolean {
  if (!RELEASING.has(f.lemma)) return false;
  const t = f.token;
  if (STATEMENT_NOUNS.has(v.upper[t - 1] ?? '')) return true;
  const objs = v.hasDeps ? childrenWith(v, t, ['obj']) : [];
  const near = [t + 1, t + 2, t + 3].filter((k) => k < v.tokens.length);
  return [...objs, ...near].some((k) => STATEMENT_NOUNS.has(v.upper[k]!) || STATEMENT_NOUNS.has(v.lemma[k]!));
}

/** Why a coded verb is no event of an actor, or null when it may be one. Needs the dependency parse. */
export function nonEventVerb(v: SentenceView, f: VerbFacts, idioms: Idioms = loadIdioms()): NonEventReason | null {
  if (idiom(v, f, idioms)) return 'idiom';
  if (statementRelease(v, f)) return 'statement-release';
  if (!v.hasDeps) return null;
  if (reporting(v, f)) return 'reporting';
  if (adjectivalParticiple(v, f.token)) return 'adjectival-participle';
  if (nounPurpose(v, f.token)) return 'noun-purpose';
  const passive = childrenWith(v, f.token, ['nsubj:pass', 'aux:pass']).length > 0;
  // A bare past participle is a reduced relative ("equipment seized last year"), whatever the parse made its subject.
  const bareParticiple = v.tokens[f.token]!.xpos === 'VBN' && childrenWith(v, f.token, ['aux']).length === 0;
  if (!passive && !bareParticiple && thingSubject(v, f.token, f)) return 'thing-subject';
  if (purposeClause(v, f.token)) return 'purpose';
  return null;
}
