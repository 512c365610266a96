import type { Span } from '../core/document.ts';
import { CHARACTERISING_VERBS, REPORTING_VERBS, WEAK_CUE_FORMS } from './lexicon.ts';
import { subjectMention, wordsIn, type Word } from './mentions.ts';

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

/** Reporting verbs, characterising verbs and “according to” inside [start, end), left to right. */
export function findCues(text: string, start: number, end: number): Cue[] {
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
    const lemma = REPORTING_VERBS.get(w.lower);
    const charLemma = CHARACTERISING_VERBS.get(w.lower);
    if (!lemma && !charLemma) {
      // “The statement read: "…"”
      if (w.lower === 'read' && text[w.end] === ':') out.push({ start: w.start, end: w.end, lemma: 'read', kind: 'verb' });
      continue;
    }
    if (prev && PASSIVE_BEFORE.has(prev.lower) && !w.lower.endsWith('ing')) continue;
    // “United States”, “State Department”: a capitalised form inside a sentence is a name.
    if (/^\p{Lu}/u.test(w.w) && prev && !/[.!?"“”]\s*$/u.test(text.slice(prev.end, w.start))) continue;
    // “a reported sixteenth death”, “some estimated death tolls”, “to say whether”
    if (prev && text.slice(prev.end, w.start).trim() === '' && DETERMINERS.has(prev.lower)) continue;
    if (next && (next.lower === 'to' || next.lower === 'by') && /ed$/.test(w.lower) && lemma !== 'say' && text.slice(w.end, next.start).trim() === '') {
      // “is reported to have…”, “reported by The Guardian” read as passive or directive, not as a cue.
      if (next.lower === 'by' || prev === undefined || PASSIVE_BEFORE.has(prev.lower)) continue;
    }
    if (WEAK_CUE_FORMS.has(w.lower) && prev && text.slice(prev.end, w.start).trim() === '' && (NOUN_BEFORE.has(prev.lower) || /['’]s$/.test(prev.w))) continue;
    if (WEAK_CUE_FORMS.has(w.lower) && !prev) continue;
    out.push({ start: w.start, end: w.end, lemma: (lemma ?? charLemma)!, kind: lemma ? 'verb' : 'characterising' });
  }
  return out;
}

const CITED_AS = /\bcited\s+([^,]+?)(?:,[^,]*,)?\s+as\s*$/u;

/**
 * The speaker mention of a cue verb: the subject in front of it within the clause starting at
 * `clauseStart` (“Kay Bailey Hutchison said”, “he added”, “Stoltenberg, a Norwegian, said”).
 */
export function subjectOfCue(text: string, clauseStart: number, cue: Span): Span | undefined {
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
