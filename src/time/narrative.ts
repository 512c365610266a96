import { sentenceAt, sentenceTokens, type Document, type Span, type Token } from '../core/document.ts';

/**
 * What a time expression does in its clause, for narrative anchoring (`the following day`, `two
 * days later`, `the year before`). A date that dates an event (a temporal adjunct: `met on
 * Wednesday`, `yesterday`, `Tuesday's attack`) moves the narrative time; a date used as a name-like
 * modifier before a noun (`the November 27 agreement`, `the 2018 elections`) only refers back to a
 * known thing and does not; a date standing alone (a date line) only restates the reference date.
 */
export type NarrativeRole = 'event' | 'modifier' | 'standalone';

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those']);

/** Words after a date that show it is not a modifier of the next noun: `the 2019 was`, `a May that`. */
const NOT_NOMINAL_HEAD = new Set([
  'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'and', 'or', 'but', 'nor', 'as', 'than', 'when', 'while',
  'which', 'who', 'that', 'where', 'was', 'were', 'is', 'are', 'be', 'been', 'has', 'had', 'have', 'will', 'would',
  'could', 'should', 'may', 'might', 'can', 'did', 'does', 'do', 'after', 'before', 'until', 'since', 'through',
]);

/** A date right after one of these is in a prepositional phrase, never a modifier before a noun. */
const PREPOSITIONS = new Set([
  'on', 'in', 'at', 'since', 'by', 'during', 'until', 'till', 'from', 'through', 'throughout', 'before', 'after', 'between',
  'to', 'into', 'around', 'for', 'as', 'of', 'following', 'within', 'over',
]);
/** `after the January 7 quake`: a date-named event after these is a time anchor itself. */
const TEMPORAL_PREPOSITIONS = new Set(['after', 'before', 'since', 'following', 'until', 'till', 'by', 'during', 'ahead', 'prior']);

const NOMINAL_UPOS = new Set(['NOUN', 'PROPN', 'NUM']);
const PREDICATE_UPOS = new Set(['VERB', 'AUX', 'ADJ']);

/** The token of the span whose head lies outside it (the span's syntactic head), as an index into `tokens`. */
function spanHead(tokens: readonly Token[], span: Span): { index: number; first: number; last: number } | undefined {
  let first = -1;
  let last = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.end > span.start && t.start < span.end) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return undefined;
  for (let i = first; i <= last; i++) {
    const h = tokens[i]!.head;
    if (h === undefined) return undefined;
    if (h === 0 || h - 1 < first || h - 1 > last) return { index: i, first, last };
  }
  return { index: first, first, last };
}

/** Internally, a date in a clause modifying a noun (`background`) is told from one before a noun. */
type Role = NarrativeRole | 'background';

function depsRole(text: string, tokens: readonly Token[], span: Span): Role | undefined {
  const found = spanHead(tokens, span);
  if (!found) return undefined;
  const tok = tokens[found.index]!;
  if (tok.head === 0) return found.first === 0 && found.last === tokens.length - 1 ? 'standalone' : 'event';
  const rel = tok.deprel ?? '';
  if (rel === 'nmod:poss') return 'event';
  const gov = tokens[tok.head! - 1];
  if (!gov) return undefined;
  const govPos = gov.upos ?? '';
  const govTag = gov.xpos ?? '';
  const nominal = NOMINAL_UPOS.has(govPos) || govTag.startsWith('NN') || govTag === 'CD';
  // before its noun, a date names the thing (`the November 27 agreement`); after it, in a PP, it dates it;
  // but the subject of the main clause carries the sentence's event (`The November 4 issue published …`)
  if (nominal && tok.head! - 1 > found.last && rel !== 'obl' && !rel.startsWith('obl:')) {
    const govRel = gov.deprel ?? '';
    const mainSubject = (govRel === 'nsubj' || govRel === 'nsubj:pass') && tokens[gov.head! - 1]?.head === 0;
    return mainSubject ? 'event' : 'modifier';
  }
  if (PREDICATE_UPOS.has(govPos) || govTag.startsWith('VB') || govTag === 'MD') {
    // `the company, founded in 1998, said …`: a date in a clause that modifies a noun is background
    const govRel = gov.deprel ?? '';
    // a reduced relative set off by a comma; without the comma an `acl` is as often a misparsed main clause
    const setOff = tokens[tok.head! - 2] !== undefined && /^[,(–—]$/.test(text.slice(tokens[tok.head! - 2]!.start, tokens[tok.head! - 2]!.end));
    const reduced = govRel === 'acl' && setOff && (govTag === 'VBN' || govTag === 'VBG' || (!govTag && govPos === 'VERB'));
    return reduced || govRel === 'acl:relcl' ? 'background' : 'event';
  }
  return nominal ? 'event' : undefined;
}

const WORD_BEFORE = /([\p{L}\p{N}’'-]+)\s*$/u;
const WORD_AFTER = /^\s*([\p{L}\p{N}’'-]+)/u;

function textRole(doc: Document, span: Span, sentence: Span | undefined): Role {
  const text = doc.text;
  const after = text.slice(span.end, span.end + 24);
  if (/^['’]s?\b/.test(after)) return 'event'; // `Tuesday's attack`
  const lead = text.slice(Math.max(sentence?.start ?? 0, span.start - 40), span.start);
  const beforeMatch = WORD_BEFORE.exec(lead);
  const beforeWord = beforeMatch?.[1]?.toLowerCase();
  const afterWord = WORD_AFTER.exec(after)?.[1];
  const spanStartsWithDet = /^(?:the|a|an)\s/i.test(text.slice(span.start, span.end));
  if (!spanStartsWithDet && beforeWord && DETERMINERS.has(beforeWord) && afterWord && /^\p{L}/u.test(afterWord) && !NOT_NOMINAL_HEAD.has(afterWord.toLowerCase())) {
    // nothing but spaces between the date and the next word: `the 2018 elections`, not `the 2018, elections`
    if (/^ +\p{L}/u.test(after)) {
      // a sentence-initial subject carries the sentence's event (`The November 4 issue published …`)
      const det = lead.slice(0, beforeMatch!.index);
      return /^[\s"“‘'(]*$/.test(det) && (sentence?.start ?? 0) >= span.start - lead.length ? 'event' : 'modifier';
    }
  }
  // the same background clause on the surface: `, founded in 1998,` / `(who arrived on Monday)`
  const clause = /[,(][^,()]{0,40}$/.exec(text.slice(Math.max(0, span.start - 40), span.start))?.[0];
  if (clause && /^[,(]\s*(?:\p{L}+ed|born|built|founded|made|set up|who|which)\b/u.test(clause) && /^\s*[,)]/.test(after)) return 'background';
  if (sentence) {
    const rest = text.slice(sentence.start, span.start) + text.slice(span.end, sentence.end);
    if (!/\p{L}{2,}/u.test(rest.replace(/\b(?:updated|published|posted)\b/gi, ''))) return 'standalone';
  }
  return 'event';
}

/**
 * The narrative role of a time expression: from the dependency tree when the sentence has one, else
 * from the surface. A date-named thing after a temporal preposition (`two days after the January 7
 * quake`) is itself a time anchor, so it dates an event.
 */
export function narrativeRole(doc: Document, span: Span): NarrativeRole {
  const si = sentenceAt(doc, span.start);
  const sentence = si >= 0 ? doc.sentences[si] : undefined;
  const role = baseRole(doc, span, si, sentence);
  if (role === 'background') return 'modifier';
  if (role !== 'modifier') return role;
  // `ruled on September 11 the prorogation …`: right after a preposition a date is not a noun's modifier
  const lead = doc.text.slice(Math.max(sentence?.start ?? 0, span.start - 48), span.start);
  const [prev, beforeDet] = (lead.toLowerCase().match(/[\p{L}\p{N}’'-]+/gu) ?? []).slice(-2).reverse();
  if (prev && PREPOSITIONS.has(prev) && /\s$/.test(lead)) return 'event';
  return prev && DETERMINERS.has(prev) && beforeDet && TEMPORAL_PREPOSITIONS.has(beforeDet) ? 'event' : role;
}

function baseRole(doc: Document, span: Span, si: number, sentence: Span | undefined): Role {
  if (si >= 0) {
    const tokens = sentenceTokens(doc, si);
    if (tokens.length > 0 && tokens.some((t) => t.head !== undefined && t.deprel !== undefined)) {
      const r = depsRole(doc.text, tokens, span);
      if (r) return r;
    }
  }
  return textRole(doc, span, sentence);
}
