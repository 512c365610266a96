import type { Span } from '../core/document.ts';
import { CHARACTERISING_LEMMA_SET, CHARACTERISING_VERBS, NON_REPORT_OBJECTS, PARTICIPLE_ONLY_FORMS, REPORTING_LEMMA_SET, REPORTING_VERBS, THAT_ONLY_VERBS, WEAK_CUE_FORMS } from './lexicon.ts';
import { subjectMention, wordsIn, type Word } from './mentions.ts';
import { lemmaAt, NO_SYNTAX, parsedSubject, uposAt, type Syntax } from './syntax.ts';

/** A reporting expression found in the text. */
export interface Cue extends Span {
  readonly lemma: string;
  readonly kind: 'verb' | 'according' | 'characterising' | 'colon';
}

const NOUN_BEFORE = new Set([
  'the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'initial',
  'official', 'unconfirmed', 'recent', 'earlier', 'previous', 'new', 'further', 'per', 'in', 'of',
  'by', 'from', 'to', 'with', 'for', 'on', 'no', 'any', 'some', 'many', 'several',
]);
const DETERMINERS = new Set(['a', 'an', 'the', 'some', 'any', 'this', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'to', 'alleged']);
const PASSIVE_BEFORE = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being']);

const NON_VERB_UPOS = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'ADP', 'DET', 'PRON']);
/** Objects that make “claim” an ordinary transitive verb (“claimed responsibility”, “claimed 15 lives”). */
function claimsAThing(ws: readonly Word[], i: number): boolean {
  const n1 = ws[i + 1]?.lower ?? '';
  const n2 = ws[i + 2]?.lower ?? '';
  if (/^\d/.test(n1)) return !/^(?:were|was|are|is|have|had|died|dead|killed|people)$/.test(n2);
  const real = (w: string): boolean => NON_REPORT_OBJECTS.has(w) && !/^(?:the|a|an|its|their|his|her|our)$/.test(w);
  return real(n1) || (/^(?:the|a|an|its|their|his|her|our)$/.test(n1) && real(n2));
}

/**
 * Reporting verbs, characterising verbs and “according to” inside [start, end), left to right.
 * With the tagger's annotations on tokens, a word counts by its lemma and only when tagged as a verb;
 * without them, by its inflected form with text checks for the noun and adjective readings.
 */
export function findCues(text: string, start: number, end: number, syn: Syntax = NO_SYNTAX): Cue[] {
  // The extractors ask again and again for the cues of the same ranges of one document (a sentence, the
  // stretch before a cue…): the answer depends only on the text, the range and the syntax view.
  if (!cueCache || cueCache.syn !== syn || cueCache.text !== text) cueCache = { text, syn, byRange: new Map() };
  const key = start * (text.length + 1) + end;
  let cues = cueCache.byRange.get(key);
  if (!cues) {
    cues = scanCues(text, start, end, syn);
    cueCache.byRange.set(key, cues);
  }
  return cues.slice();
}

let cueCache: { readonly text: string; readonly syn: Syntax; readonly byRange: Map<number, Cue[]> } | undefined;

function scanCues(text: string, start: number, end: number, syn: Syntax): Cue[] {
  const ws = wordsIn(text, start, end);
  const out: Cue[] = [];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (w.lower === 'according' && ws[i + 1]?.lower === 'to') {
      out.push({ start: w.start, end: ws[i + 1]!.end, lemma: 'according to', kind: 'according' });
      continue;
    }
    const prev = ws[i - 1];
    const next = ws[i + 1];
    let lemma = REPORTING_VERBS.get(w.lower);
    let charLemma = CHARACTERISING_VERBS.get(w.lower);
    const upos = syn.tagged ? uposAt(syn, w.start) : undefined;
    if (!lemma && !charLemma && syn.tagged && upos === 'VERB') {
      const l = lemmaAt(syn, w.start);
      if (l && REPORTING_LEMMA_SET.has(l)) lemma = l;
      else if (l && CHARACTERISING_LEMMA_SET.has(l)) charLemma = l;
    }
    if (!lemma && !charLemma) continue;
    // “the number of confirmed deaths”, “an announced visit”: a participle the parse attaches to a noun as
    // its modifier describes the noun; it does not introduce what someone said. (After a comma the parse
    // often reads an inverted attribution, “…, reported officials”, that way: the text decides there.)
    if (syn.parsed && !/ing$/.test(w.lower) && !/,\s*$/.test(text.slice(Math.max(start, w.start - 3), w.start)) && isAttributive(syn, syn.tokenAt(w.start))) continue;
    if (lemma === 'read' && !(text[w.end] === ':' || /^\s*["“„«]/u.test(text.slice(w.end, w.end + 3)))) continue;
    // The tagger settles noun/verb ambiguous forms (“reports”, “post”); for unambiguous verb forms its
    // errors (“statement read "…"” tagged as a noun) would cost more than they save.
    if (upos !== undefined && NON_VERB_UPOS.has(upos) && (WEAK_CUE_FORMS.has(w.lower) || !lemma)) continue;
    const tight = (a: Word | undefined, b: Word): boolean => !!a && text.slice(a.end, b.start).trim() === '';
    if (prev && PASSIVE_BEFORE.has(prev.lower) && !w.lower.endsWith('ing') && tight(prev, w)) continue;
    // “was commonly called”: an adverb between the auxiliary and the participle.
    const prev2w = ws[i - 2];
    if (prev && prev2w && /ly$/.test(prev.lower) && PASSIVE_BEFORE.has(prev2w.lower) && !w.lower.endsWith('ing')) continue;
    // “did not mention if …”, “never said”: a speech act denied is not an attribution.
    if (prev && /^(?:not|never|n't)$/.test(prev.lower) && tight(prev, w)) continue;
    // “United States”, “State Department”: a capitalised form inside a sentence is a name.
    // (A word's own final period, “too.”, ends the sentence as well.)
    if (/^\p{Lu}/u.test(w.w) && prev && !/[.!?"“”:\u2013\u2014]\s*$/u.test(text.slice(prev.end, w.start)) && !/^[a-z]{2,}\.$/.test(prev.w)) continue;
    // “a reported sixteenth death”, “some estimated death tolls”, “Johnson's stated intent”
    // (but “went on to say”, “continued to insist” report speech)
    const goesOn = prev?.lower === 'to' && /^(?:on|continued|continues|went|goes)$/.test(ws[i - 2]?.lower ?? '');
    if (tight(prev, w) && !goesOn && (DETERMINERS.has(prev!.lower) || /['’]s$/.test(prev!.w))) continue;
    if (PARTICIPLE_ONLY_FORMS.has(w.lower) && !(prev && /^(?:has|have|had|having)$/.test(prev.lower))) continue;
    // “22 points to 10”, “10 reports”: after a number the word is a noun.
    if (tight(prev, w) && /^\d/.test(prev!.w)) continue;
    // “without specifying …”: a speech act that did not happen.
    if (prev?.lower === 'without' && /ing$/.test(w.lower)) continue;
    // “if written by the suspect”: a participle with an agent is passive.
    if (next?.lower === 'by' && !/ing$/.test(w.lower) && w.lower !== 'said' && tight(w, next)) continue;
    if (lemma && THAT_ONLY_VERBS.has(lemma)) {
      if (lemma === 'point') {
        if ((next?.lower !== 'out' && next?.lower !== 'to') || w.lower === 'point') continue;
        out.push({ start: w.start, end: next.end, lemma, kind: 'verb' });
        continue;
      }
      if (next?.lower !== 'that') continue;
    }
    if (lemma === 'claim' && claimsAThing(ws, i)) continue;
    if (next && (next.lower === 'to' || next.lower === 'by') && /ed$/.test(w.lower) && lemma !== 'say' && tight(w, next)) {
      // “is reported to have…”, “reported by The Guardian” read as passive or directive, not as a cue.
      if (next.lower === 'by' || prev === undefined || PASSIVE_BEFORE.has(prev.lower)) continue;
    }
    if (upos === undefined && WEAK_CUE_FORMS.has(w.lower)) {
      if (tight(prev, w) && (NOUN_BEFORE.has(prev!.lower) || /^\d/.test(prev!.w))) continue;
      // “the video broadcast of the speech”, “a report of …”: followed by “of”, the word is a noun.
      if (next?.lower === 'of' && tight(w, next)) continue;
      // “a Facebook post”, “the BBC report”: a name modifier after a determiner makes the word a noun.
      const prev2 = ws[i - 2];
      if (tight(prev, w) && /^\p{Lu}/u.test(prev!.w) && prev2 && DETERMINERS.has(prev2.lower)) continue;
      // First in the range: a noun at a sentence start, but a participle after a comma (“…", adding, "…”).
      // (A participle right before a quotation, “Saying, "…"”, introduces it.)
      if (!prev && !/,\s*$/.test(text.slice(Math.max(0, w.start - 3), w.start)) && !(/ing$/.test(w.lower) && /^\s*,?\s*["“„«]/u.test(text.slice(w.end, w.end + 4)))) continue;
    }
    out.push({ start: w.start, end: w.end, lemma: (lemma ?? charLemma)!, kind: lemma ? 'verb' : 'characterising' });
  }
  return out;
}

/** A word the parse makes an adjectival modifier of a noun that follows it. */
function isAttributive(syn: Syntax, t: number): boolean {
  const tok = t >= 0 ? syn.token(t) : undefined;
  if (!tok || tok.deprel !== 'amod') return false;
  const h = syn.headOf(t);
  return h !== undefined && h > t;
}

const CITED_AS = /\b(?:cited|quoted)\s+([^,]+?)(?:,[^,]*,)?\s+as\s*$/u;

/**
 * The speaker mention of a cue verb: the subject in front of it within the clause starting at
 * `clauseStart` (“Mary Robinson said”, “he added”, “Merkel, a German, said”).
 */
export function subjectOfCue(text: string, clauseStart: number, cue: Span, syn: Syntax = NO_SYNTAX): Span | undefined {
  if (syn.parsed) {
    // The parse finds where the subject phrase starts (past fronted adverbials, inside relative clauses);
    // the minimal mention inside it (a name over its apposition, no bracketed short form) is then read off
    // the text as without a parse.
    const t = syn.tokenAt(cue.start);
    const subj = t >= 0 ? parsedSubject(syn, t) : undefined;
    if (subj && subj.start >= clauseStart && subj.end <= cue.start) {
      const inText = subjectMention(text, subj.start, cue.start);
      const parsed = inText && inText.start >= subj.start ? inText : subj;
      // A name before an apposition the parse took as the head (“Dr Gary Mortimer, retail expert from …, said”).
      const plain = textSubject(text, clauseStart, cue);
      if (plain && plain.end <= parsed.start && /^\p{Lu}/u.test(text.slice(plain.start, plain.end)) && !/^\p{Lu}/u.test(text.slice(parsed.start, parsed.end)) && /^\s*,/.test(text.slice(plain.end, parsed.start))) return plain;
      return parsed;
    }
  }
  return textSubject(text, clauseStart, cue);
}

function textSubject(text: string, clauseStart: number, cue: Span): Span | undefined {
  // “She went on to say”: the subject is before the aspectual verb.
  const goesOn = /\s+(?:went|goes|go|going|continued|continues)\s+(?:on\s+)?to\s*$/iu.exec(text.slice(clauseStart, cue.start));
  if (goesOn) cue = { start: clauseStart + goesOn.index, end: cue.end };
  const before = text.slice(clauseStart, cue.start);
  const cited = CITED_AS.exec(before);
  if (cited) {
    const s = clauseStart + cited.index! + cited[0].indexOf(cited[1]!);
    return subjectMention(text, s, s + cited[1]!.length);
  }
  return subjectMention(text, clauseStart, cue.start);
}

/** Words between two offsets (for gap checks). */
export function wordsBetween(text: string, a: number, b: number): Word[] {
  return a < b ? wordsIn(text, a, b) : [];
}
