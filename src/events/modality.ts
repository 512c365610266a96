/**
 * Modality of an event trigger: negated, future, hypothetical, and the conditions a sentence puts on
 * its clauses ("if …", "unless …", "assuming …", "provided that …", "would hinge on …"). Works on the
 * dependency parse when there is one and on the token sequence otherwise. This is a trigger's own
 * modality; what it inherits from the verbs above it ("would allow police to remove …", "plans to
 * expand …", "refused to attend") is in inherit.ts.
 */
import { baseRel, childrenWith, isBoundary, subtree, tokenSpan, type SentenceView } from './syntax.ts';
import type { Span } from '../core/document.ts';

const NEGATORS = new Set(['NOT', "N'T", 'NEVER', 'NO', 'NEITHER', 'NOR', 'WITHOUT']);
const FUTURE_AUX = new Set(['WILL', 'SHALL', "'LL", 'WO']);
const HYPOTHETICAL_AUX = new Set(['COULD', 'MAY', 'MIGHT', 'WOULD', 'SHOULD', "'D"]);
/** Verbs of saying: "would" in a clause they report is the future of the past, not a hypothesis. */
export const SPEECH_VERBS = new Set([
  'SAY', 'SAID', 'SAYS', 'ANNOUNCE', 'ANNOUNCED', 'TELL', 'TOLD', 'STATE', 'STATED', 'ADD', 'ADDED', 'CONFIRM', 'CONFIRMED',
  'REPORT', 'REPORTED', 'DECLARE', 'DECLARED', 'INSIST', 'INSISTED', 'STRESS', 'STRESSED', 'INDICATE', 'INDICATED',
]);
const COND_WORDS = new Set(['IF', 'UNLESS', 'PROVIDED', 'PROVIDING', 'ASSUMING', 'SUPPOSING']);
const HINGE_WORDS = new Set(['HINGE', 'HINGES', 'HINGED', 'DEPEND', 'DEPENDS', 'DEPENDED', 'CONDITIONAL', 'CONTINGENT']);

export interface Condition {
  readonly span: Span;
  /** Tokens (sentence indices) of the clause the condition governs (dependency path), or null = the sentence. */
  readonly governs: ReadonlySet<number> | null;
  /** Tokens inside the condition itself: events there are hypothetical, not conditional. */
  readonly inside: ReadonlySet<number>;
}

export interface TriggerModality {
  negated: boolean;
  future: boolean;
  hypothetical: boolean;
}

/** Auxiliaries and negators of a verb: its own children and those of the verbs it is chained to by xcomp. */
function auxWords(v: SentenceView, t: number): string[] {
  const out: string[] = [];
  for (const c of childrenWith(v, t, ['aux', 'advmod', 'neg', 'det', 'cop'])) out.push(v.lemma[c]!, v.upper[c]!);
  return out;
}

export function modalityDep(v: SentenceView, t: number): TriggerModality {
  const words = auxWords(v, t);
  const negated = words.some((w) => NEGATORS.has(w) && w !== 'WITHOUT');
  const future = words.some((w) => FUTURE_AUX.has(w));
  let hypothetical = false;
  const auxes = childrenWith(v, t, ['aux']).map((c) => v.upper[c]!);
  for (const a of auxes) {
    if (!HYPOTHETICAL_AUX.has(a)) continue;
    if (a === 'WOULD' && reportedClause(v, t)) continue;
    hypothetical = true;
  }
  const reportedWould = auxes.includes('WOULD') && reportedClause(v, t);
  return { negated, future: future || reportedWould, hypothetical };
}

/** Is `t` (or the clause it is controlled by) the complement of a verb of saying? */
function reportedClause(v: SentenceView, t: number): boolean {
  let k = t;
  for (let hops = 0; hops < 4 && k >= 0; hops++) {
    const rel = baseRel(v.deprel[k]!);
    const h = v.head[k]!;
    if (h < 0) return false;
    if ((rel === 'ccomp' || rel === 'parataxis') && SPEECH_VERBS.has(v.lemma[h]!)) return true;
    if ((rel === 'root' || rel === 'ccomp') && childrenWith(v, k, ['parataxis']).some((p) => SPEECH_VERBS.has(v.lemma[p]!))) return true;
    if (rel !== 'xcomp' && rel !== 'conj') return false;
    k = h;
  }
  return false;
}

export function modalityShallow(v: SentenceView, t: number, clauseFirst: number, isNoun: boolean): TriggerModality {
  let negated = false;
  let future = false;
  let hypothetical = false;
  for (let k = Math.max(clauseFirst, t - (isNoun ? 3 : 4)); k < t; k++) {
    const u = v.upper[k]!;
    if (isNoun ? u === 'NO' : u === 'NOT' || u === "N'T" || u === 'NEVER') negated = true;
    if (isNoun) continue;
    if (FUTURE_AUX.has(u)) future = true;
    if (HYPOTHETICAL_AUX.has(u)) {
      const reported = u === 'WOULD' && v.upper.slice(0, k).some((w) => SPEECH_VERBS.has(w));
      if (reported) future = true;
      else hypothetical = true;
    }
  }
  return { negated, future, hypothetical };
}

/** Conditions in the sentence. */
export function findConditions(v: SentenceView): Condition[] {
  const out: Condition[] = [];
  const n = v.tokens.length;
  for (let i = 0; i < n; i++) {
    const u = v.upper[i]!;
    const asLongAs = u === 'AS' && v.upper[i + 1] === 'LONG' && v.upper[i + 2] === 'AS';
    const onCondition = u === 'ON' && v.upper[i + 1] === 'CONDITION' && v.upper[i + 2] === 'THAT';
    if (COND_WORDS.has(u) || asLongAs || onCondition) {
      // "provided" and "assuming" are cues only as conjunctions, not as verbs with objects
      // ("they provided aid"): take them after a boundary or a comma, or before "that"/a subject.
      if ((u === 'PROVIDED' || u === 'PROVIDING' || u === 'ASSUMING') && !cueContext(v, i)) continue;
      const c = v.hasDeps ? depCondition(v, i) : null;
      out.push(c ?? shallowCondition(v, i));
      continue;
    }
    if (HINGE_WORDS.has(u)) {
      const c = hingeCondition(v, i);
      if (c) out.push(c);
    }
  }
  return out;
}

function cueContext(v: SentenceView, i: number): boolean {
  const prev = v.upper[i - 1];
  return prev === undefined || prev === ',' || isBoundary(v, i - 1) || v.upper[i + 1] === 'THAT' || prev === 'AND';
}

function trimPunct(v: SentenceView, idx: number[]): number[] {
  const out = [...idx];
  while (out.length > 0 && /^[,.;:–—\-"”’)]$/.test(v.upper[out[out.length - 1]!]!)) out.pop();
  return out;
}

function depCondition(v: SentenceView, cue: number): Condition | null {
  // The clause the cue introduces: the cue's head when it is a marker, the cue itself when it is
  // a verb heading the adverbial clause ("assuming they get …").
  let h = cue;
  const rel = baseRel(v.deprel[cue]!);
  if (rel === 'mark' || rel === 'case' || rel === 'fixed' || rel === 'advmod' || rel === 'cc') {
    h = v.head[cue]!;
    if (rel === 'fixed') h = v.head[h] ?? -1;
  }
  if (h < 0) return null;
  const idx = subtree(v, h).filter((k) => k >= cue);
  const inside = trimPunct(v, idx);
  const span = tokenSpan(v, [cue, ...inside]);
  if (!span) return null;
  const g = v.head[h]!;
  const governs = g >= 0 ? clauseChain(v, g) : null;
  // A condition set off by a dash or comma ("…, assuming they get …") conditions the whole
  // statement. Parsers often hang such a clause on the nearest verb as `conj`/`parataxis`; then
  // the main clause (the root's chain) is governed too, not just the verb it was hung on.
  const hRel = baseRel(v.deprel[h]!);
  const setOff = cue > 0 && /^[,–—;:\-]$/.test(v.upper[cue - 1]!);
  if (governs && setOff && (hRel === 'conj' || hRel === 'parataxis')) {
    const root = v.head.indexOf(-1);
    if (root >= 0 && !inside.includes(root)) for (const k of clauseChain(v, root)) governs.add(k);
  }
  return { span, governs, inside: new Set(inside) };
}

/** A governed verb and the verbs above it up to its main clause (via xcomp, advcl, conj, acl). */
function clauseChain(v: SentenceView, g: number): Set<number> {
  const out = new Set<number>();
  let k = g;
  for (let hops = 0; hops < 6 && k >= 0; hops++) {
    out.add(k);
    const rel = baseRel(v.deprel[k]!);
    if (!['xcomp', 'advcl', 'conj', 'acl', 'ccomp'].includes(rel)) break;
    k = v.head[k]!;
  }
  // The complements of the governed verb share its condition too.
  for (const c of [...out]) for (const x of childrenWith(v, c, ['xcomp'])) out.add(x);
  return out;
}

function shallowCondition(v: SentenceView, cue: number): Condition {
  let last = cue;
  while (last + 1 < v.tokens.length && !isBoundary(v, last + 1) && !(v.upper[last + 1] === ',' && last > cue + 1)) last += 1;
  const idx = trimPunct(v, Array.from({ length: last - cue + 1 }, (_, k) => cue + k));
  return { span: tokenSpan(v, idx)!, governs: null, inside: new Set(idx) };
}

/** "X would hinge on Y" / "depends on Y" / "is conditional on Y": the condition is the on-phrase, governing X. */
function hingeCondition(v: SentenceView, i: number): Condition | null {
  if (v.hasDeps) {
    const obl = childrenWith(v, i, ['obl', 'nmod']).find((c) => childrenWith(v, c, ['case']).some((k) => ['ON', 'UPON'].includes(v.upper[k]!)));
    if (obl === undefined) return null;
    const inside = trimPunct(v, subtree(v, obl));
    const span = tokenSpan(v, inside);
    if (!span) return null;
    const governs = new Set<number>([i]);
    for (const s of childrenWith(v, i, ['nsubj'])) for (const k of subtree(v, s)) governs.add(k);
    return { span, governs, inside: new Set(inside) };
  }
  const on = v.upper[i + 1] === 'ON' || v.upper[i + 1] === 'UPON' ? i + 1 : -1;
  if (on < 0) return null;
  const c = shallowCondition(v, on);
  return { ...c, governs: null };
}

/** Does the condition apply to an event anchored at these tokens? */
export function conditionApplies(c: Condition, anchors: readonly number[]): boolean {
  if (anchors.some((a) => c.inside.has(a))) return false;
  if (c.governs === null) return true;
  return anchors.some((a) => c.governs!.has(a));
}

export function insideCondition(c: Condition, anchors: readonly number[]): boolean {
  return anchors.some((a) => c.inside.has(a));
}
