/**
 * Modality inherited down complement chains. Modality is read per trigger (its own auxiliaries and
 * negators, modality.ts), but a verb under another verb's complement is only as real as that verb
 * lets it be: in "the bill would allow police to remove protesters" the removal is as hypothetical as
 * the allowing; in "NATO plans to expand its mission" the expansion is future; in "X refused to
 * withdraw" the withdrawal did not happen. The text asserts a complement's event only through
 * implicative verbs ("managed to", "forced X to") and transparent ones ("began to", "said it …").
 *
 * Walking up from a trigger, each link to a governor is one of:
 *
 * | link from the event to its governor               | passes on                                   |
 * | ------------------------------------------------- | ------------------------------------------- |
 * | `xcomp` ("plans to expand", "urged X to release")  | the governor's class effect (table below)   |
 * | `ccomp` ("demanded that …", "said it released")    | the class effect; other governors: only     |
 * |                                                    | their own irrealis mood (speech is reported, |
 * |                                                    | not hypothetical: the quote field says so)   |
 * | `advcl` of purpose ("to …", "in order to", "so     | the governor's own mood only (transparent:   |
 * |  that …"), `acl` with "to" on a noun ("a bill to   | "gathered in Cairo to discuss" is asserted;  |
 * |  ban …")                                           | "will send troops to train …" is future);    |
 * |                                                    | under a governor of the table, as `xcomp`    |
 * | `obl`/`nmod` with "for"/"on" on an appeal/demand   | as `xcomp` ("called for talks")             |
 * | `conj` without its own subject or auxiliary        | the first conjunct's own future/hypothetical |
 * |  ("will release Z and open talks")                 | mood (its negation only over "or"/"nor"),    |
 * |                                                    | and the first conjunct's link to its governor|
 * | `csubj` ("transferring troops would be            | the predicate's own mood; a negated one      |
 * |  satisfactory", "increasing X is not popular")     | leaves it unasserted (hypothetical)          |
 * | anything else (`acl:relcl`, temporal `advcl`,      | nothing: the chain stops ("X released Z      |
 * |  `obj`, `parataxis`, …)                            | after talks" stays asserted)                |
 *
 * A relative clause starts a chain of its own: "a bill which would allow police to remove …" has
 * "would" on "allow", and "remove" inherits it through `xcomp`.
 *
 * The governor's class effect, by the governor's polarity (Karttunen's implicative signatures, with
 * CAMEO's practice that the governor's own act — an intent 03, appeal 02, demand 10, rejection 12,
 * threat 13 — is coded on the governor and is asserted; only the complement's act is at issue):
 *
 * | class        | governors                                  | positive governor | negated governor |
 * | ------------ | ------------------------------------------ | ----------------- | ---------------- |
 * | intent       | plan, intend, agree, promise, pledge, vow, | future            | hypothetical     |
 * |              | offer, prepare, want, hope, seek, aim,     |                   |                  |
 * |              | threaten, expect, decide, vote, "is going/ |                   |                  |
 * |              | set/about to", …                           |                   |                  |
 * | directive    | call, urge, ask, demand, order, allow,     | hypothetical      | hypothetical     |
 * |              | permit, authorize, invite, count (on), …   |                   |                  |
 * | attempt,     | try, attempt, appear, seem, deny, doubt    | hypothetical      | hypothetical     |
 * |  hedge       |                                            |                   |                  |
 * | refusal      | refuse, decline, reject, oppose, resist    | negated           | hypothetical     |
 * | failure      | fail, neglect, forget, avoid               | negated           | asserted         |
 * | implicative  | manage, force, compel, cause, help, begin, | asserted          | negated          |
 * |              | start, continue, remember, …               |                   |                  |
 * | other verbs  | (not listed)                               | asserted          | hypothetical     |
 *
 * So "X did not agree to withdraw": the non-agreement is the negated event; the withdrawal is not
 * asserted either way — hypothetical, not negated, since the text does not say it did not happen.
 * "X refused to attend" is its own code (12x, positive); an "attend" coded on its own would be
 * negated (refusing to attend is not attending). A governor's own future or hypothetical mood
 * ("will", "would", "could") passes down every link above, as does any condition that governs it.
 *
 * Needs the dependency parse; without one nothing is inherited (the shallow path reads each verb's
 * own auxiliaries only).
 */
import { baseRel, childrenWith, type SentenceView } from './syntax.ts';
import { modalityDep } from './modality.ts';

export type Effect = 'future' | 'hypothetical' | 'negated' | 'asserted';

export interface GovernorClass {
  readonly name: string;
  readonly words: readonly string[];
  /** What the complement is when the governor is positive. */
  readonly positive: Effect;
  /** … and when the governor is negated ("did not agree to"). */
  readonly negated: Effect;
}

export const GOVERNOR_CLASSES: readonly GovernorClass[] = [
  {
    name: 'intent',
    words: ['PLAN', 'INTEND', 'AGREE', 'PROMISE', 'PLEDGE', 'VOW', 'OFFER', 'VOLUNTEER', 'PREPARE', 'READY', 'WILLING', 'PREPARED', 'WANT', 'WISH', 'HOPE', 'AIM', 'SEEK', 'COMMIT', 'UNDERTAKE', 'RESOLVE', 'THREATEN', 'EXPECT', 'SCHEDULE', 'SLATE', 'DUE', 'LIKELY', 'DECIDE', 'VOTE', 'PROPOSE', 'CONSIDER', 'PLOT', 'SWEAR', 'DETERMINE', 'DETERMINED', 'EAGER', 'KEEN', 'GOING', 'ABOUT', 'SET', 'BOUND'],
    positive: 'future',
    negated: 'hypothetical',
  },
  {
    name: 'directive',
    words: ['CALL', 'URGE', 'ASK', 'REQUEST', 'APPEAL', 'PLEAD', 'IMPLORE', 'BEG', 'PETITION', 'ENCOURAGE', 'INVITE', 'DEMAND', 'INSIST', 'ORDER', 'INSTRUCT', 'DIRECT', 'TELL', 'ADVISE', 'RECOMMEND', 'SUGGEST', 'PRESS', 'PRESSURE', 'PUSH', 'ALLOW', 'PERMIT', 'AUTHORIZE', 'AUTHORISE', 'ENABLE', 'EMPOWER', 'LET', 'REQUIRE', 'COUNT', 'RELY', 'NEED', 'WARN', 'CHALLENGE', 'DARE'],
    positive: 'hypothetical',
    negated: 'hypothetical',
  },
  { name: 'attempt', words: ['TRY', 'ATTEMPT', 'STRIVE', 'STRUGGLE', 'APPEAR', 'SEEM', 'DENY', 'DOUBT'], positive: 'hypothetical', negated: 'hypothetical' },
  { name: 'refusal', words: ['REFUSE', 'DECLINE', 'REJECT', 'OPPOSE', 'RESIST', 'HESITATE'], positive: 'negated', negated: 'hypothetical' },
  { name: 'failure', words: ['FAIL', 'NEGLECT', 'FORGET', 'AVOID', 'OMIT'], positive: 'negated', negated: 'asserted' },
  {
    name: 'implicative',
    words: ['MANAGE', 'SUCCEED', 'FORCE', 'COMPEL', 'OBLIGE', 'CAUSE', 'MAKE', 'HELP', 'BEGIN', 'START', 'CONTINUE', 'KEEP', 'RESUME', 'REMEMBER', 'BOTHER', 'HAPPEN', 'PROCEED'],
    positive: 'asserted',
    negated: 'negated',
  },
];

/**
 * Through a that-clause (`ccomp`) a governor's class counts only when the clause is its wish or
 * directive ("demanded that Israel withdraw", "hoped that talks resume"); verbs that also report
 * facts ("told reporters that the army had attacked", "agreed that the talks failed", "warned that
 * rebels had regrouped") pass nothing but their own mood to a that-clause.
 */
const CCOMP_WORDS = new Set(['DEMAND', 'REQUEST', 'ASK', 'URGE', 'ORDER', 'RECOMMEND', 'PROPOSE', 'REQUIRE', 'PLEAD', 'APPEAL', 'HOPE', 'WISH', 'WANT', 'EXPECT', 'PLAN', 'INTEND', 'DENY', 'DOUBT']);

const CLASS_BY_WORD = new Map<string, GovernorClass>();
for (const c of GOVERNOR_CLASSES) for (const w of c.words) if (!CLASS_BY_WORD.has(w)) CLASS_BY_WORD.set(w, c);

/** Candidate base forms of a word whose lemma may be missing ("PLANS", "THREATENED", "URGING"). */
function baseForms(w: string): string[] {
  const out = [w];
  if (w.endsWith('IES')) out.push(`${w.slice(0, -3)}Y`);
  if (w.endsWith('IED')) out.push(`${w.slice(0, -3)}Y`);
  if (w.endsWith('ES')) out.push(w.slice(0, -2));
  if (w.endsWith('S')) out.push(w.slice(0, -1));
  if (w.endsWith('ED')) out.push(w.slice(0, -2), w.slice(0, -1));
  if (w.endsWith('ING')) out.push(w.slice(0, -3), `${w.slice(0, -3)}E`);
  // Doubled consonants: "PLANNED", "PLANNING", "COMMITTED".
  for (const s of [...out]) if (/([BDGKLMNPRT])\1$/.test(s)) out.push(s.slice(0, -1));
  return out;
}

export function governorClass(v: SentenceView, k: number, viaThatClause = false): GovernorClass | null {
  for (const w of [v.lemma[k]!, ...baseForms(v.upper[k]!)]) {
    const c = CLASS_BY_WORD.get(w);
    if (c) return viaThatClause && !CCOMP_WORDS.has(w) ? null : c;
  }
  return null;
}

export interface Inherited {
  future: boolean;
  hypothetical: boolean;
  negated: boolean;
  /** Governors above the event (for conditions: a condition on a governor conditions its complements). */
  readonly governors: number[];
}

type Link = 'complement' | 'transparent' | 'none';

const PURPOSE_MARKERS = new Set(['TO', 'SO']);
const APPEAL_PREPS = new Set(['FOR', 'ON']);

/** How token `k` hangs on its head, for modality. */
function linkOf(v: SentenceView, k: number): Link {
  const rel = v.deprel[k]!;
  const base = baseRel(rel);
  if (base === 'xcomp' || base === 'ccomp') return 'complement';
  const marks = childrenWith(v, k, ['mark']).map((m) => v.upper[m]!);
  if (base === 'advcl') {
    // "to defeat ISIS", "in order to …", "so that they could …": a purpose, not a time or a reason.
    if (marks.some((m) => PURPOSE_MARKERS.has(m)) && childrenWith(v, k, ['nsubj', 'nsubj:pass']).length === 0) return 'transparent';
    // "so (that) they could …" has a subject of its own and is still a purpose.
    if (marks.includes('SO')) return 'transparent';
    return 'none';
  }
  if (base === 'acl' && rel !== 'acl:relcl' && marks.includes('TO')) return 'transparent';
  // "transferring troops … would be satisfactory", "increasing NATO's presence is not popular": a
  // clausal subject is as real as what is said of it.
  if (base === 'csubj') return 'transparent';
  if ((base === 'obl' || base === 'nmod') && childrenWith(v, k, ['case']).some((c) => APPEAL_PREPS.has(v.upper[c]!))) {
    const h = v.head[k]!;
    const c = h >= 0 ? governorClass(v, h) : null;
    if (c?.name === 'directive') return 'complement';
  }
  return 'none';
}

/** Does a conjunct share its first conjunct's subject and auxiliaries ("will release Z and open talks")? */
function sharesAuxiliaries(v: SentenceView, k: number): boolean {
  if (baseRel(v.deprel[k]!) !== 'conj' || childrenWith(v, k, ['nsubj', 'nsubj:pass', 'aux', 'aux:pass']).length > 0) return false;
  // "refused to attend and to speak": a repeated "to" is still the same chain; "because …" is not.
  return childrenWith(v, k, ['mark']).every((m) => v.upper[m] === 'TO');
}

function apply(out: Inherited, e: Effect): void {
  if (e === 'future') out.future = true;
  else if (e === 'hypothetical') out.hypothetical = true;
  else if (e === 'negated') out.negated = true;
}

/**
 * Modality an event at `t` inherits from the verbs above it. `skip` are tokens of the event itself
 * (a governor composed with its complement into one event is not a governor of that event).
 */
export function inheritedModality(v: SentenceView, t: number, skip: ReadonlySet<number> = new Set()): Inherited {
  const out: Inherited = { future: false, hypothetical: false, negated: false, governors: [] };
  if (!v.hasDeps) return out;
  let k = t;
  const seen = new Set<number>([t]);
  for (let hops = 0; hops < 8; hops++) {
    const h = v.head[k]!;
    if (h < 0 || seen.has(h)) break;
    // A conjunct without its own subject or auxiliary has its first conjunct's, and its governor.
    if (baseRel(v.deprel[k]!) === 'conj') {
      if (!sharesAuxiliaries(v, k)) break;
      if (!skip.has(h)) {
        const own = modalityDep(v, h);
        out.future ||= own.future;
        out.hypothetical ||= own.hypothetical;
        // Negation spreads over "or"/"nor" ("did not attack or threaten"), not over "and" ("will not
        // be deterred and maintain the right …").
        const cc = childrenWith(v, k, ['cc']).map((c) => v.upper[c]!);
        if (cc.includes('OR') || cc.includes('NOR')) out.negated ||= own.negated;
      }
      seen.add(h);
      if (!skip.has(h)) out.governors.push(h);
      k = h;
      continue;
    }
    const link = linkOf(v, k);
    if (link === 'none') break;
    seen.add(h);
    if (skip.has(h)) {
      k = h;
      continue;
    }
    out.governors.push(h);
    const own = modalityDep(v, h);
    if (own.future) out.future = true;
    if (own.hypothetical) out.hypothetical = true;
    const cls = governorClass(v, h, baseRel(v.deprel[k]!) === 'ccomp');
    if (link === 'transparent' && !cls) {
      // A purpose is transparent: news purposes are mostly carried out ("gathered in Cairo to
      // discuss …"), so it passes the governor's mood on but adds none; a negated governor
      // ("did not come to negotiate") leaves it unasserted. Under a governor of the table the
      // infinitive is its complement, whatever the parse made of it ("I count on Turkey to act").
      if (own.negated) out.hypothetical = true;
    } else {
      if (cls) apply(out, own.negated ? cls.negated : cls.positive);
      // Reported speech is asserted as reported; a negated report ("did not say it …") asserts nothing.
      else if (own.negated) out.hypothetical = true;
    }
    k = h;
  }
  // A negated event that is also not asserted ("refused to" under "could") is merely hypothetical.
  if (out.negated && out.hypothetical) out.negated = false;
  return out;
}
