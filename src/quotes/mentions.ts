import type { Document, Entity, Mention, Span } from '../core/document.ts';
import { ADVERBIAL_STARTS, ANONYMITY_PHRASES, ANONYMOUS_HEADS, NAME_PARTICLES, PRONOUNS, ROLE_NOUNS, STATEMENT_NOUNS, SUBJECT_VERB_FILLERS, TIME_WORDS } from './lexicon.ts';

/** A word of the text: letters, digits, inner hyphens/apostrophes/periods (U.S., Qa’ida, Dr.). */
export interface Word extends Span {
  readonly w: string;
  readonly lower: string;
}

/** The word pattern. The scanner below implements it by hand; the regex stays as its definition (tests). */
export const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[-'’.][\p{L}\p{N}]+)*\.?/gu;
const ABBREVIATION = /^(?:[A-Z][a-z]?|[A-Z](?:\.[A-Z])+|Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sgt|Rep|Sen|Gov|Prof|Jr|Sr)\.$/;

function toWord(raw: string, at: number): Word {
  // A final period belongs to the word only for abbreviations (Dr., U.S.), not at a sentence end.
  const w = raw.endsWith('.') && !ABBREVIATION.test(raw) ? raw.slice(0, -1) : raw;
  return { start: at, end: at + w.length, w, lower: w.toLowerCase() };
}

/** Character classes of the word pattern: 1 = letter or number, 2 = combining mark, 0 = other. */
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const MARK = /^\p{M}$/u;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_CLASS[c] = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? 1 : 0;
const wideClass = new Map<number, number>();

function classAt(cp: number): number {
  if (cp < 128) return ASCII_CLASS[cp]!;
  let c = wideClass.get(cp);
  if (c === undefined) {
    const ch = String.fromCodePoint(cp);
    c = LETTER_OR_NUMBER.test(ch) ? 1 : MARK.test(ch) ? 2 : 0;
    wideClass.set(cp, c);
  }
  return c;
}

/**
 * The raw matches of WORD_RE in `text` between `from` and `limit`, as if the text ended at `limit`:
 * a hand-written scan (the unicode-property regex cost more than the rest of word splitting).
 * Greedy without backtracking is exact here: every part after the first character is optional.
 */
function scanRaw(text: string, from: number, limit: number, emit: (s: number, e: number) => void): void {
  let i = from;
  while (i < limit) {
    let cp = text.codePointAt(i)!;
    // A surrogate pair cut by `limit` is a lone surrogate in the slice.
    if (cp > 0xffff && i + 1 >= limit) cp = text.charCodeAt(i);
    let size = cp > 0xffff ? 2 : 1;
    if (classAt(cp) !== 1) {
      i += size;
      continue;
    }
    const s = i;
    i += size;
    // [\p{L}\p{N}\p{M}]*
    while (i < limit) {
      cp = text.codePointAt(i)!;
      if (cp > 0xffff && i + 1 >= limit) cp = text.charCodeAt(i);
      if (classAt(cp) === 0) break;
      i += cp > 0xffff ? 2 : 1;
    }
    // (?:[-'’.][\p{L}\p{N}]+)*
    while (i + 1 < limit) {
      const sep = text.charCodeAt(i);
      if (sep !== 0x2d && sep !== 0x27 && sep !== 0x2019 && sep !== 0x2e) break;
      let j = i + 1;
      let run = 0;
      while (j < limit) {
        cp = text.codePointAt(j)!;
        if (cp > 0xffff && j + 1 >= limit) cp = text.charCodeAt(j);
        if (classAt(cp) !== 1) break;
        size = cp > 0xffff ? 2 : 1;
        j += size;
        run++;
      }
      if (run === 0) break;
      i = j;
    }
    // \.?
    if (i < limit && text.charCodeAt(i) === 0x2e) i++;
    emit(s, i);
  }
}

/** The words of `text.slice(start, end)`, as a scan of that slice alone finds them. */
function scanWords(text: string, start: number, end: number, out: Word[]): Word[] {
  if (start < 0 || end > text.length) {
    // Offsets outside the text: `slice` semantics (negative from the end, clamped), with the regex itself.
    const slice = text.slice(start, end);
    WORD_RE.lastIndex = 0;
    for (let m = WORD_RE.exec(slice); m; m = WORD_RE.exec(slice)) out.push(toWord(m[0], start + m.index));
    return out;
  }
  scanRaw(text, start, end, (s, e) => out.push(toWord(text.slice(s, e), s)));
  return out;
}

/**
 * The words of a whole text, found once. The stage asks for the words of thousands of overlapping ranges
 * of the same document; scanning each slice again was the stage's largest cost.
 */
interface WordIndex {
  readonly text: string;
  /** Raw regex match bounds (before a sentence-final period is dropped) and the words they give. */
  readonly rawStart: Int32Array;
  readonly rawEnd: Int32Array;
  readonly words: readonly Word[];
}

let cachedIndex: WordIndex | undefined;

function indexFor(text: string): WordIndex {
  if (cachedIndex && cachedIndex.text === text) return cachedIndex;
  const words: Word[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  scanRaw(text, 0, text.length, (s, e) => {
    starts.push(s);
    ends.push(e);
    words.push(toWord(text.slice(s, e), s));
  });
  cachedIndex = { text, rawStart: Int32Array.from(starts), rawEnd: Int32Array.from(ends), words };
  return cachedIndex;
}

/**
 * Index the words of a document's text so later `wordsIn` calls on it are answered from the index.
 * Only a cache: `wordsIn` gives the same answer with or without it.
 */
export function indexWords(text: string): void {
  indexFor(text);
}

/**
 * The words of `text` in [start, end), as a scan of that slice finds them. From the document's word index
 * when `text` is the indexed one: a scan of the slice meets the same matches as the scan of the whole
 * text once both stand at the same position, so only a word cut by either end is scanned again.
 */
export function wordsIn(text: string, start: number, end: number): Word[] {
  const idx = cachedIndex;
  if (!idx || idx.text !== text || start < 0 || end > text.length) return scanWords(text, start, end, []);
  const out: Word[] = [];
  if (start >= end) return out;
  const { rawStart, rawEnd, words } = idx;
  // First match that ends after `start`.
  let lo = 0;
  let hi = rawEnd.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rawEnd[mid]! <= start) lo = mid + 1;
    else hi = mid;
  }
  let k = lo;
  if (k < rawStart.length && rawStart[k]! < start) {
    // `start` is inside a match: the slice scan agrees with the whole-text scan only when no letter
    // or digit is left of that match (a trailing period or hyphen).
    for (let i = start; i < rawEnd[k]!; i++) if (classAt(text.codePointAt(i)!) === 1) return scanWords(text, start, end, []);
    k++;
  }
  for (; k < rawStart.length && rawStart[k]! < end; k++) {
    if (rawEnd[k]! > end) return scanWords(text, rawStart[k]!, end, out);
    out.push(words[k]!);
  }
  return out;
}

const isCap = (w: Word): boolean => /^[\p{Lu}\p{N}]/u.test(w.w);

/** True when every word is capitalised (particles allowed inside): “Angela Merkel”, “Bank of England”. */
export function isNameLike(ws: readonly Word[]): boolean {
  if (ws.length === 0) return false;
  if (!isCap(ws[0]!) || !isCap(ws[ws.length - 1]!)) return false;
  return ws.every((w) => isCap(w) || NAME_PARTICLES.has(w.lower));
}

function trimWords(text: string, ws: readonly Word[]): Span | undefined {
  if (ws.length === 0) return undefined;
  return { start: ws[0]!.start, end: ws[ws.length - 1]!.end };
}

/** Parts of a subject separated by commas, each as its words. */
function commaParts(text: string, start: number, end: number): Word[][] {
  const parts: Word[][] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === ',' || text[i] === '(' || text[i] === ')' || text[i] === '\u2013' || text[i] === '\u2014') {
      const ws = wordsIn(text, from, i);
      if (ws.length) parts.push(ws);
      from = i + 1;
    }
  }
  return parts;
}

const VERBISH = new Set(['is', 'was', 'are', 'were', 'has', 'had', 'have', 'will', 'would', 'can', 'could', 'did', 'does', 'do', 'be', 'been', 'made', 'gave']);

/**
 * The minimal speaker mention inside the stretch of text before a reporting verb:
 * drops adverbial parts (“On Saturday,”), relative clauses and appositive descriptions when a
 * name is at hand (“Connie Moganedi, a spokeswoman for …,” → “Connie Moganedi”).
 */
export function subjectMention(text: string, start: number, end: number): Span | undefined {
  // “Deutsche Welle (DW) reported”: a bracketed short form after a name is not the mention.
  const bracket = /\s*\([^()]{1,40}\)\s*$/u.exec(text.slice(start, end));
  if (bracket && wordsIn(text, start, start + bracket.index).length > 0) end = start + bracket.index;
  // “police, who said …”: a relative pronoun stands for the noun phrase before it.
  const rel = /(?:,\s*|\s+)who\s+(?:(?:also|later|then|further)\s+)?$/iu.exec(text.slice(start, end));
  if (rel) return antecedent(text, start, start + rel.index);
  // “a report … in which they said”: the subject is inside the relative clause.
  const relIn = /\b(?:in|on|at|by|from|with)\s+(?:which|whom)\s+|\b(?:which|whom|whose\s+\w+)\s+(?=\S)/giu;
  let relEnd = -1;
  for (const m of text.slice(start, end).matchAll(relIn)) relEnd = m.index! + m[0].length;
  if (relEnd > 0 && wordsIn(text, start + relEnd, end).length > 0 && wordsIn(text, start + relEnd, end).length <= 6 && !/,/.test(text.slice(start + relEnd, end))) {
    start += relEnd;
  }
  const parts = commaParts(text, start, end);
  if (parts.length === 0) return undefined;
  const strip = (ws: Word[]): Word[] => {
    let i = 0;
    while (i < ws.length - 1 && (['and', 'but', 'while', 'whereas', 'with', 'as', 'so', 'then', 'that', 'because', 'although', 'though', 'which', 'who'].includes(ws[i]!.lower))) i++;
    let j = ws.length;
    while (j > i + 1 && SUBJECT_VERB_FILLERS.has(ws[j - 1]!.lower)) j--;
    return ws.slice(i, j);
  };
  const isFiller = (w: Word): boolean => SUBJECT_VERB_FILLERS.has(w.lower) || /^[a-z]+ly$/.test(w.w);
  // Parts made only of adverbs (“, audibly”) are skipped.
  while (parts.length > 1 && parts[parts.length - 1]!.every(isFiller)) parts.pop();
  let k = parts.length - 1;
  let last = strip(parts[k]!);
  while (last.length && isFiller(last[last.length - 1]!)) last = last.slice(0, -1);
  while (last.length > 1 && /^[a-z]+ly$/.test(last[0]!.w)) last = last.slice(1);
  if (last.length === 0) return undefined;
  // A part that is itself an adverbial or relative clause (“who co-sponsored the bill”) is skipped;
  // a part led by a conjunction (“and his associates”) is kept without it.
  const conj = (ws: Word[]): boolean => ['and', 'but', 'while', 'whereas', 'with', 'so', 'then', 'that', 'because', 'although', 'though', 'which', 'who'].includes(ws[0]!.lower);
  while (k > 0 && ADVERBIAL_STARTS.has(parts[k]![0]!.lower) && !conj(parts[k]!) && !isNameLike(last)) {
    k--;
    last = strip(parts[k]!);
    while (last.length > 1 && /^[a-z]+ly$/.test(last[0]!.w)) last = last.slice(1);
  }
  if (last.length === 0) return undefined;
  // The part has to be a noun phrase: a verb inside means we are looking at a clause.
  if (last.some((w, i) => i > 0 && VERBISH.has(w.lower))) {
    const run = lastNameRun(last);
    return run ? trimWords(text, run) : undefined;
  }
  if (ADVERBIAL_STARTS.has(last[0]!.lower) && !PRONOUNS.has(last[0]!.lower)) {
    const run = lastNameRun(last);
    if (run) return trimWords(text, run);
    last = last.slice(1);
    if (!last.length) return undefined;
  }
  if (last.length > 12) {
    const run = lastNameRun(last);
    return run ? trimWords(text, run) : undefined;
  }
  // Appositive: “Name, a description,” — prefer the name.
  if ((!isNameLike(last) || isDescription(last)) && k > 0) {
    const prev = strip(parts[k - 1]!);
    const tail = lastNameRun(prev);
    if (isNameLike(prev) && !isDescription(prev) && tail && tail.length >= 1 && !ADVERBIAL_STARTS.has(prev[0]!.lower) && !PRONOUNS.has(last[0]!.lower)) {
      return trimWords(text, prev);
    }
  }
  return trimWords(text, last);
}

/**
 * Whether capitalised words describe a role rather than name someone (“Tesco’s CEO for Central Europe”,
 * “CEO of Tesco”, “Chief Executive”): a possessive, or a role noun heading the phrase.
 */
export function isDescription(ws: readonly Word[]): boolean {
  if (ws.some((w) => /['’]s$/.test(w.w))) return true;
  const ofAt = ws.findIndex((w) => w.lower === 'of' || w.lower === 'for' || w.lower === 'at');
  const head = ws[(ofAt > 0 ? ofAt : ws.length) - 1];
  return !!head && ROLE_NOUNS.has(head.lower);
}

/** The noun phrase a relative pronoun refers to: the last comma part, without a leading preposition. */
function antecedent(text: string, start: number, end: number): Span | undefined {
  const parts = commaParts(text, start, end);
  let ws = parts[parts.length - 1];
  if (!ws) return undefined;
  // The noun phrase after the last preposition or verb (“according to police”, “drafted by Alex Greenwich”).
  let cut = -1;
  ws.forEach((w, i) => { if (i < ws!.length - 1 && (/^(?:to|by|from|with|at|on|in|for)$/.test(w.lower) || VERBISH.has(w.lower) || /[a-z]ed$/.test(w.w))) cut = i; });
  if (cut >= 0) ws = ws.slice(cut + 1);
  return trimWords(text, ws);
}

/** The last run of capitalised words (with inner particles) in a list of words. */
export function lastNameRun(ws: readonly Word[]): Word[] | undefined {
  let end = -1;
  for (let i = ws.length - 1; i >= 0; i--) {
    if (isCap(ws[i]!) && i > 0) { end = i; break; }
    if (isCap(ws[i]!) && i === 0 && !ADVERBIAL_STARTS.has(ws[0]!.lower)) { end = i; break; }
  }
  if (end < 0) return undefined;
  let start = end;
  while (start > 0 && (isCap(ws[start - 1]!) || (NAME_PARTICLES.has(ws[start - 1]!.lower) && start - 2 >= 0 && isCap(ws[start - 2]!)))) start--;
  if (start === 0 && ADVERBIAL_STARTS.has(ws[0]!.lower)) start = 1;
  return start <= end ? ws.slice(start, end + 1) : undefined;
}

const NP_STOP = new Set(['on', 'in', 'at', 'during', 'via', 'who', 'which', 'that', 'when', 'while', 'after', 'before', 'yesterday', 'today', 'as', 'because', 'and', 'but']);

/**
 * The noun phrase right after `pos` (after “said” in an inverted attribution, or “according to”),
 * up to a comma, a clause boundary or a following prepositional phrase.
 */
export function mentionAfter(text: string, pos: number, limit: number): Span | undefined {
  let end = pos;
  while (end < limit && !/[,.;:!?()"“”\n]/.test(text[end]!)) end++;
  // keep abbreviation periods (“U.S.”, “Dr.”) inside the phrase
  while (end < limit && text[end] === '.' && /[A-Z]$/.test(text.slice(pos, end)) && /^\.[A-Za-z ]/.test(text.slice(end, end + 2)) && !/^\.\s+[A-Z][a-z]+\s+[a-z]/.test(text.slice(end, end + 40))) {
    end++;
    while (end < limit && !/[,.;:!?()"“”\n]/.test(text[end]!)) end++;
  }
  let ws = wordsIn(text, pos, end);
  if (!ws.length) return undefined;
  // “a tweet on Monday by X”, “a statement from X” name the statement, not its author.
  if (STATEMENT_NOUNS.has(ws[1]?.lower ?? '') || STATEMENT_NOUNS.has(ws[0]!.lower)) {
    const by = ws.findIndex((w) => w.lower === 'by' || w.lower === 'from');
    if (by >= 0 && by + 1 < ws.length) ws = ws.slice(by + 1);
  }
  let cut = ws.length;
  for (let i = 1; i < ws.length; i++) {
    if (NP_STOP.has(ws[i]!.lower) || TIME_WORDS.has(ws[i]!.lower) && i > 0 && !isCap(ws[i]!)) { cut = i; break; }
  }
  // “of” continues a name or a description (“the mayor of Yartsevo”) but a following “via” does not.
  ws = ws.slice(0, cut);
  while (ws.length && TIME_WORDS.has(ws[ws.length - 1]!.lower)) ws = ws.slice(0, -1);
  if (!ws.length || ws.length > 12) return undefined;
  return { start: ws[0]!.start, end: ws[ws.length - 1]!.end };
}

/**
 * The head word of a mention without a parse: the last word before a post-modifier (“the mayor of
 * Yartsevo” → mayor, “Ambassador Kay Lin” → Lin, “Stardom's official statement” → statement).
 */
export function headWordOf(text: string, span: Span): Span | undefined {
  const ws = wordsIn(text, span.start, span.end);
  const post = ws.findIndex((w, i) => i > 0 && /^(?:of|for|from|at|in|with|on|who|which|that)$/.test(w.lower));
  const w = ws[(post > 0 ? post : ws.length) - 1];
  return w ? { start: w.start, end: w.end } : undefined;
}

/** Whether a speaker description is an unnamed source (“a diplomat”, “officials”, “sources said”). */
export function isAnonymousMention(text: string, span: Span, sentence: Span): boolean {
  const ws = wordsIn(text, span.start, span.end);
  if (!ws.length) return false;
  const sentenceText = text.slice(sentence.start, sentence.end).toLowerCase();
  if (ANONYMITY_PHRASES.some((p) => sentenceText.includes(p))) return !PRONOUNS.has(ws[0]!.lower) || ws.length > 1;
  if (PRONOUNS.has(ws[0]!.lower) && ws.length === 1) return ws[0]!.lower === 'someone';
  const first = ws[0]!.lower;
  // A named person or organisation is not anonymous, whatever their title.
  const lastCap = ws.filter((w) => /^\p{Lu}/u.test(w.w)).length;
  const headIdx = ws.findIndex((w) => ANONYMOUS_HEADS.has(w.lower));
  if (headIdx < 0) return first === 'someone';
  const head = ws[headIdx]!;
  if (first === 'the' && !/s$/.test(head.lower) && lastCap > 0) return false;
  if (isNameLike(ws.slice(headIdx + 1)) && ws.length - headIdx - 1 >= 2) return false;
  if (ws.slice(headIdx + 1).some((w) => w.lower === 'of' || w.lower === 'for' || w.lower === 'from' || w.lower === 'within')) return true;
  return ws.slice(headIdx + 1).length === 0 || ws.slice(headIdx + 1).every((w) => !/^\p{Lu}/u.test(w.w));
}

/**
 * The entity a speaker mention refers to: an entity mention that overlaps the span, preferring
 * people, then mentions that sit inside the span and end nearest its end (the head of the phrase).
 */
export function entityForSpan(doc: Document, span: Span, head?: Span): string | undefined {
  let best: { id: string; score: number } | undefined;
  const h = head ?? headWordOf(doc.text, span);
  // Overlapping mentions only, visited in layer order as a scan of every mention would.
  for (const k of mentionsOverlapping(doc, span)) {
    const { entity: e, mention: m } = mentionIndexOf(doc.entities).flat[k]!;
    let score = 0;
    // The mention that holds the phrase's head is the speaker (“Tesco’s CEO Matt Simister”: the person,
    // not Tesco); this outweighs the type preferences below.
    if (h && m.start <= h.start && m.end >= h.end) score += 8;
    if (m.start >= span.start && m.end <= span.end) score += 4;
    if (m.start === span.start && m.end === span.end) score += 2;
    if (e.type === 'PERSON') score += 3;
    else if (e.type === 'ORG' || e.type === 'NORP') score += 1;
    score -= Math.abs(span.end - m.end) / 100;
    if (!best || score > best.score) best = { id: e.id, score };
  }
  return best?.id;
}

interface MentionIndex {
  /** Every mention with its entity, in layer order (entity by entity). */
  readonly flat: readonly { readonly entity: Entity; readonly mention: Mention }[];
  /** Positions in `flat`, sorted by mention start. */
  readonly byStart: Int32Array;
  readonly maxLength: number;
}

const mentionIndexes = new WeakMap<readonly Entity[], MentionIndex>();

/** The entities layer's mentions indexed by start offset, built once per document. */
function mentionIndexOf(entities: readonly Entity[]): MentionIndex {
  let idx = mentionIndexes.get(entities);
  if (!idx) {
    const flat = entities.flatMap((entity) => entity.mentions.map((mention) => ({ entity, mention })));
    const byStart = Int32Array.from(flat.keys()).sort((a, b) => flat[a]!.mention.start - flat[b]!.mention.start || a - b);
    const maxLength = flat.reduce((n, x) => Math.max(n, x.mention.end - x.mention.start), 0);
    idx = { flat, byStart, maxLength };
    mentionIndexes.set(entities, idx);
  }
  return idx;
}

/** Positions (in layer order) of the mentions that overlap `span`. */
export function mentionsOverlapping(doc: Pick<Document, 'entities'>, span: Span): number[] {
  const { flat, byStart, maxLength } = mentionIndexOf(doc.entities);
  // First mention that starts late enough to reach into the span.
  const from = span.start - maxLength;
  let lo = 0;
  let hi = byStart.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (flat[byStart[mid]!]!.mention.start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < byStart.length; i++) {
    const m = flat[byStart[i]!]!.mention;
    if (m.start >= span.end) break;
    if (m.end > span.start) out.push(byStart[i]!);
  }
  return out.sort((a, b) => a - b);
}

/** Whether a PERSON entity has a name mention inside `span`. */
export function namesPersonIn(doc: Pick<Document, 'entities'>, span: Span): boolean {
  const { flat, byStart } = mentionIndexOf(doc.entities);
  let lo = 0;
  let hi = byStart.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (flat[byStart[mid]!]!.mention.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < byStart.length; i++) {
    const { entity, mention } = flat[byStart[i]!]!;
    if (mention.start > span.end) break;
    if (entity.type === 'PERSON' && mention.kind === 'name' && mention.end <= span.end) return true;
  }
  return false;
}
