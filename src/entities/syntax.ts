/**
 * Grammatical roles of a word span, from the dependency layer when the parser filled it and from
 * word-order cues otherwise (the stage must work on tokens alone).
 */
import type { SentenceView, WorkMention } from './model.ts';

const LOCATIVE_PREP = new Set(['IN', 'AT', 'NEAR', 'INTO', 'OUTSIDE', 'AROUND', 'ACROSS', 'INSIDE', 'WITHIN', 'THROUGHOUT', 'VIA', 'TO', 'TOWARD', 'TOWARDS', 'ONTO', 'NORTH', 'SOUTH', 'EAST', 'WEST', 'OF']);
/** Nouns after which "from X" names a source of a decision rather than a place ("approval from Washington", "a go-ahead from Ankara"). */
const AGENTIVE_FROM_NOUNS = new Set(['LIGHT', 'APPROVAL', 'SUPPORT', 'PRESSURE', 'PERMISSION', 'CONSENT', 'REQUEST', 'RESPONSE', 'MESSAGE', 'WORD', 'SIGNAL', 'BACKING', 'ORDER', 'ORDERS', 'DEMAND', 'DEMANDS', 'OFFER', 'INVITATION', 'CALL', 'CALLS', 'REACTION', 'OBJECTIONS', 'THREAT', 'THREATS', 'AID', 'HELP']);
const AUX_OR_VERB_HINT = /^(is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|shall|does|did|do|also|again|then|now|not|never|still|already|today|yesterday)$/i;
const CLAUSE_START = new Set([',', ';', ':', '“', '"', '‘', '(', '–', '—', 'and', 'but', 'while', 'as', 'after', 'because', 'when', 'since', 'that', 'which', 'who', 'although', 'if']);

function hasDeps(view: SentenceView): boolean {
  return view.words.some((w) => w.deprel !== undefined);
}

/** Deprel of the span's syntactic head (the word whose head lies outside the span). */
export function spanDeprel(view: SentenceView, w0: number, w1: number): { deprel?: string; headToken: number } | undefined {
  if (!hasDeps(view)) return undefined;
  const tokens = new Set<number>();
  for (let i = w0; i < w1; i++) tokens.add(view.words[i]!.token);
  for (let i = w1 - 1; i >= w0; i--) {
    const w = view.words[i]!;
    if (!tokens.has(w.headToken)) return { ...(w.deprel !== undefined ? { deprel: w.deprel } : {}), headToken: w.headToken };
  }
  return undefined;
}

/** The span is followed by a possessive marker ("Washington’s allies"). */
export function isPossessor(view: SentenceView, w1: number): boolean {
  return view.words[w1]?.possessive === true;
}

/** Subject of its clause: `nsubj*` when parsed; otherwise a clause-initial span followed by a verb-like word. */
export function isSubject(view: SentenceView, w0: number, w1: number): boolean {
  const d = spanDeprel(view, w0, w1);
  if (d) {
    // "NATO allies plan": a compound/possessive modifier shares the role of the noun it modifies.
    let rel = d.deprel;
    let head = d.headToken;
    for (let hops = 0; hops < 2 && (rel === 'compound' || rel === 'nmod:poss' || rel === 'amod') && head >= 0; hops++) {
      const hw = view.words.find((w) => w.token === head);
      if (!hw) break;
      rel = hw.deprel;
      head = hw.headToken;
    }
    return rel?.startsWith('nsubj') === true || rel === 'csubj';
  }
  const prev = view.words[w0 - 1];
  let after = w1;
  // Skip the nouns a name modifies ("NATO allies plan").
  while (after < view.words.length && after - w1 < 2 && (view.words[after]!.upos === 'NOUN' || view.words[after]!.upos === 'PROPN')) after++;
  const next = view.words[after];
  if (!next || next.punct || next.possessive) return false;
  const clauseStart = !prev || CLAUSE_START.has(prev.text) || CLAUSE_START.has(prev.text.toLowerCase()) || (w0 <= 1 && prev.text.toLowerCase() === 'the');
  if (!clauseStart) return false;
  if (next.upos) return next.upos === 'VERB' || next.upos === 'AUX' || next.upos === 'ADV';
  return !next.cap && (AUX_OR_VERB_HINT.test(next.text) || /(ed|s)$/.test(next.text));
}

/** Object of a locative preposition ("in Baghdad"), i.e. a place rather than an actor. */
export function isLocative(view: SentenceView, w0: number): boolean {
  let i = w0 - 1;
  if (view.words[i]?.key === 'THE') i--;
  const prev = view.words[i];
  if (!prev) return false;
  if (prev.key === 'FROM') {
    const before = view.words[i - 1];
    return !(before && AGENTIVE_FROM_NOUNS.has(before.key));
  }
  return LOCATIVE_PREP.has(prev.key);
}

/** A capital (or other place) acting as an agent: subject, possessor, or source of a decision. */
export function isAgentive(view: SentenceView, w0: number, w1: number): boolean {
  if (isSubject(view, w0, w1) || isPossessor(view, w1)) return true;
  const prev = view.words[w0 - 1];
  if (prev?.key === 'FROM' || prev?.key === 'BY') {
    const before = view.words[w0 - 2];
    return prev.key === 'BY' || (before !== undefined && AGENTIVE_FROM_NOUNS.has(before.key));
  }
  return false;
}

/** A work mention over words [w0, w1) of the sentence, with its subject flag. */
export function workMention(view: SentenceView, w0: number, w1: number, kind: WorkMention['kind'], confidence: number): WorkMention {
  return {
    start: view.words[w0]!.start,
    end: view.words[w1 - 1]!.end,
    sentence: view.index,
    w0,
    w1,
    kind,
    subject: isSubject(view, w0, w1),
    confidence,
  };
}
