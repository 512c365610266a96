import type { Span } from '../core/document.ts';
import { findCues, subjectOfCue, wordsBetween, type Cue } from './cues.ts';
import type { Candidate, TextContext } from './context.ts';
import { ADDRESSEES, QUOTE_ONLY_VERBS, TIME_WORDS } from './lexicon.ts';
import { mentionAfter, subjectMention, wordsIn } from './mentions.ts';

const AUX_START = new Set(['would', 'will', 'could', 'can', 'may', 'might', 'should', 'must', 'is', 'was', 'are', 'were', 'has', 'had', 'have', 'to', 'be', 'been', 'not']);
const OPEN_MARK = /^["“„«]/u;
const ANY_MARK = /["“”„«»]/u;
const CUE_WORDS = 'said|says|added|told|stated|wrote|claimed|insisted|warned|announced|argued|noted|suggested|indicated|reported|reporting|saying|confirmed';
const CLAUSE_BREAKS = [
  /;\s/u, /\s(?:while|whereas)\s/u, /,\s+according to\b/iu, /\s\u2014\s/u,
  // a second attribution in the same sentence starts its own clause
  new RegExp(`,?\\s+and\\s+(?:also\\s+|further\\s+)?(?:${CUE_WORDS})\\b`, 'u'),
  new RegExp(`,\\s+(?:but|and|while|with)\\s+(?=[^,;]{0,60}?\\b(?:${CUE_WORDS})\\b)`, 'u'),
  /,\s+(?=(?:blaming|citing|adding|saying|telling|calling|describing|noting|warning)\b)/u,
];

/** Sentence-level indirect speech: cue-first (“X said (that) …”), content-first (“…, X said”), “according to X”. */
export function proposeIndirect(ctx: TextContext): Candidate[] {
  const out: Candidate[] = [];
  const text = ctx.text;
  for (const sentence of ctx.sentences) {
    const insideQuote = (pos: number): boolean => ctx.marked.some((m) => m.style !== 'dash' && pos >= m.start && pos < m.end && isLongQuote(text, m));
    const cues = findCues(text, sentence.start, sentence.end).filter((c) => !insideQuote(c.start));
    for (const cue of cues) {
      const c = cue.kind === 'according' ? according(ctx, sentence, cue) : cue.kind === 'verb' ? reported(ctx, sentence, cue) : undefined;
      if (c) out.push(c);
    }
  }
  return out;
}

function isLongQuote(text: string, m: { start: number; end: number }): boolean {
  return wordsIn(text, m.start, m.end).length >= 4;
}

function trimContent(text: string, start: number, end: number): Span {
  while (start < end && /[\s,:]/.test(text[start]!)) start++;
  while (end > start && /[\s,;:]/.test(text[end - 1]!)) end--;
  // A sentence-final period outside any quotation is not part of the content.
  if (end > start && /[.!?]/.test(text[end - 1]!) && !/[.!?]["”’»]$/.test(text.slice(start, end))) {
    const inner = text.slice(start, end - 1);
    const opens = (inner.match(/[“„«]/g) ?? []).length + ((inner.match(/"/g) ?? []).length % 2);
    const closes = (inner.match(/[”»]/g) ?? []).length;
    if (opens <= closes) end--;
  }
  return { start, end };
}

/** Cut a clause at the first clause break after `from`. */
function clauseEnd(text: string, from: number, limit: number): number {
  const seg = text.slice(from, limit);
  let end = limit;
  for (const re of CLAUSE_BREAKS) {
    const m = re.exec(seg);
    if (m && from + m.index < end && !insideMarks(seg, m.index)) end = from + m.index;
  }
  return end;
}

function insideMarks(seg: string, idx: number): boolean {
  const before = seg.slice(0, idx);
  const straight = (before.match(/"/g) ?? []).length % 2 === 1;
  const curly = (before.match(/[“„«]/g) ?? []).length > (before.match(/[”»]/g) ?? []).length;
  return straight || curly;
}

const PREPOSITIONS = new Set(['in', 'at', 'during', 'via', 'through', 'on', 'to', 'after', 'before', 'over']);

/** Where the reported clause begins after a cue verb: past addressees, time and prepositional phrases, “that”. */
function contentStartAfter(text: string, cue: Cue, limit: number): number | undefined {
  let pos = cue.end;
  const rest = (): string => text.slice(pos, limit);
  const skipWs = (): void => {
    while (pos < limit && /[\s,:]/.test(text[pos]!)) pos++;
  };
  skipWs();
  if (cue.lemma === 'tell') {
    const lower = rest().toLowerCase();
    const hit = ADDRESSEES.filter((a) => lower.startsWith(a) && !/[\p{L}]/u.test(lower[a.length] ?? ' ')).sort((a, b) => b.length - a.length)[0];
    if (hit) pos += hit.length;
    else {
      const ws = wordsIn(text, pos, limit);
      if (ws[0] && /^\p{Lu}/u.test(ws[0].w) && ws[1] && /^(?:that|the|a|an|he|she|they|it|we|there)$/.test(ws[1].lower)) pos = ws[0].end;
      else if (ws[0] && /^(?:him|her|them|us|me|reporters)$/.test(ws[0].lower)) pos = ws[0].end;
    }
    skipWs();
  }
  // “said in a financial filing to the SEC that …”: a later “that” before any quotation mark.
  const ahead = wordsIn(text, pos, limit).slice(0, 20);
  const firstWord = ahead[0]?.lower ?? '';
  const thatIdx = ahead.findIndex((w) => w.lower === 'that');
  if (thatIdx === 0) return ahead[0]!.end;
  if (thatIdx > 0 && (PREPOSITIONS.has(firstWord) || TIME_WORDS.has(firstWord)) && !ANY_MARK.test(text.slice(pos, ahead[thatIdx]!.start))) {
    return ahead[thatIdx]!.end;
  }
  // time words: “on Friday”, “today”, “last week”
  for (let guard = 0; guard < 3; guard++) {
    const ws = wordsIn(text, pos, limit);
    if (!ws.length) break;
    const w0 = ws[0]!.lower;
    if (TIME_WORDS.has(w0)) pos = ws[0]!.end;
    else if ((w0 === 'on' || w0 === 'last' || w0 === 'this' || w0 === 'earlier') && ws[1] && (TIME_WORDS.has(ws[1].lower) || /^\d/.test(ws[1].w) || /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(ws[1].w))) {
      pos = ws[1].end;
      if (ws[2] && /^\d/.test(ws[2].w)) pos = ws[2].end;
    } else if (PREPOSITIONS.has(w0) && ws.length > 2) {
      // a short prepositional phrase (“in their filing”), or one that ends with a comma
      const comma = text.indexOf(',', pos);
      const quote = text.slice(pos, limit).search(ANY_MARK);
      if (comma > 0 && comma < limit && (quote < 0 || pos + quote > comma) && wordsBetween(text, pos, comma).length <= 8) pos = comma + 1;
      else if (/^(?:the|a|an|his|her|their|its|our)$/.test(ws[1]!.lower) && ws[2] && ws.length > 3) pos = ws[2].end;
      else break;
    } else break;
    skipWs();
  }
  skipWs();
  const ws = wordsIn(text, pos, limit);
  if (ws[0]?.lower === 'that') return ws[0].end;
  return pos;
}

function reported(ctx: TextContext, sentence: Span, cue: Cue): Candidate | undefined {
  const text = ctx.text;
  // Cue-first: subject before, clause after.
  const clauseStart = leftClauseStart(ctx, sentence, cue.start);
  const coordinated = /\b(?:and|but)\s+(?:(?:also|further|then|later)\s+)?$/u.test(text.slice(sentence.start, cue.start));
  const subject = coordinated ? coordinatedSubject(ctx, sentence, cue) : subjectOfCue(text, clauseStart, cue);
  const cueFirst = subject ? cueFirstContent(ctx, sentence, cue) : undefined;
  if (subject && cueFirst && !QUOTE_ONLY_VERBS.has(cue.lemma)) {
    return { kind: cueFirst.mixed ? 'mixed' : 'indirect', content: cueFirst.span, cue, speakerMention: subject, confidence: 0.75, via: 'cue-first' };
  }
  // Gerund cue after a comma (“…, telling Wikinews the company …”): the subject of the main clause.
  if (!subject && /ing$/.test(text.slice(cue.start, cue.end)) && cueFirst === undefined) {
    const c = cueFirstContent(ctx, sentence, cue);
    const s = mainSubject(ctx, sentence, cue);
    if (c && s) return { kind: c.mixed ? 'mixed' : 'indirect', content: c.span, cue, speakerMention: s, confidence: 0.6, via: 'gerund' };
  }
  return contentFirst(ctx, sentence, cue);
}

/** “X announced … and said …”: the second verb shares the first one's subject. */
function coordinatedSubject(ctx: TextContext, sentence: Span, cue: Cue): Span | undefined {
  const text = ctx.text;
  for (const c of findCues(text, sentence.start, cue.start)) {
    if (c.kind !== 'verb') continue;
    const s = subjectOfCue(text, sentence.start, c);
    if (s) return s;
  }
  return subjectMention(text, sentence.start, firstVerbish(text, sentence.start, cue.start));
}

function leftClauseStart(ctx: TextContext, sentence: Span, pos: number): number {
  const text = ctx.text;
  let start = sentence.start;
  for (const m of ctx.marked) {
    const close = m.close?.end ?? m.end;
    if (close <= pos && close > start) start = close;
  }
  const seg = text.slice(start, pos);
  const m = /.*(?:;|\bwhile\b|\bwhereas\b|\bbut\b|\band\b(?=\s+(?:the|a|an)\b))/su.exec(seg);
  return m ? start + m[0].length : start;
}

function cueFirstContent(ctx: TextContext, sentence: Span, cue: Cue): { span: Span; mixed: boolean } | undefined {
  const text = ctx.text;
  const limit = quoteAwareEnd(ctx, sentence);
  const start = contentStartAfter(text, cue, limit);
  if (start === undefined || start >= limit) return undefined;
  if (OPEN_MARK.test(text.slice(start, start + 1))) return undefined;
  const ws = wordsIn(text, start, limit);
  const afterThat = /\bthat\s*$/u.test(text.slice(cue.end, start));
  if (ws.length < 2 || AUX_START.has(ws[0]!.lower) || (!afterThat && /^[a-z]+ing$/.test(ws[0]!.w))) return undefined;
  // Only adverbials after the cue (“said on condition of anonymity”): the content came first.
  if (isAdverbialTail(text.slice(cue.end, limit))) return undefined;
  const end = clauseEnd(text, start, limit);
  const span = trimContent(text, start, end);
  if (wordsIn(text, span.start, span.end).length < 2) return undefined;
  const mixed = ctx.marked.some((m) => m.style !== 'dash' && m.start >= span.start && m.end <= span.end && !isTitleLike(text, m));
  return { span, mixed };
}

function isTitleLike(text: string, m: Span): boolean {
  const ws = wordsIn(text, m.start, m.end);
  return ws.length > 0 && ws.every((w) => /^\p{Lu}/u.test(w.w) || /^(?:of|the|and|for|in|on|to|a)$/.test(w.lower)) && /^\p{Lu}/u.test(ws[0]!.w) && ws.length > 1;
}

/** A sentence may end inside a quotation the splitter cut; extend to the quote's close. */
function quoteAwareEnd(ctx: TextContext, sentence: Span): number {
  let end = sentence.end;
  for (const m of ctx.marked) {
    if (m.open.start < end && (m.close?.end ?? m.end) > end && m.open.start >= sentence.start) end = m.close?.end ?? m.end;
  }
  const nl = ctx.text.indexOf('\n', sentence.start);
  return nl >= 0 && nl < end ? nl : end;
}

function mainSubject(ctx: TextContext, sentence: Span, cue: Cue): Span | undefined {
  const text = ctx.text;
  const comma = text.lastIndexOf(',', cue.start);
  if (comma < sentence.start) return undefined;
  return subjectMention(text, sentence.start, firstVerbish(text, sentence.start, comma));
}

function firstVerbish(text: string, start: number, end: number): number {
  for (const w of wordsIn(text, start, end)) {
    if (/^(?:did|does|do|is|was|were|are|has|had|have|gave|made|also|would|will)$/.test(w.lower) || /[a-z]ed$/.test(w.w) && w.start > start) return w.start;
  }
  return end;
}

const TAIL_OK = /^\s*(?:(?:on|in|at|to|during|via|through|from|after|before|with|about|for|when|yesterday|today|tonight|earlier|later|last|this|however)\b[^"“”]*)?[.!?]?\s*$/iu;

/** A short adverbial tail after a cue (“on Wednesday.”, “on condition of anonymity.”). */
function isAdverbialTail(s: string): boolean {
  return TAIL_OK.test(s) && (s.match(/[\p{L}\p{N}]+/gu) ?? []).length <= 6;
}

/** “…, X said.”, “…, said X.”, and the parenthetical “…, X said, …”. */
function contentFirst(ctx: TextContext, sentence: Span, cue: Cue): Candidate | undefined {
  const text = ctx.text;
  const limit = quoteAwareEnd(ctx, sentence);
  const comma = text.lastIndexOf(',', cue.start);
  if (comma < sentence.start) return undefined;
  const between = text.slice(comma + 1, cue.start);
  if (ANY_MARK.test(between)) return undefined;
  let speaker: Span | undefined;
  let afterCue = cue.end;
  if (wordsBetween(text, comma + 1, cue.start).length === 0) {
    speaker = mentionAfter(text, cue.end, limit);
    if (speaker) afterCue = speaker.end;
  } else if (wordsBetween(text, comma + 1, cue.start).length <= 9) {
    speaker = subjectMention(text, comma + 1, cue.start);
  }
  if (!speaker) return undefined;
  const tail = text.slice(afterCue, limit);
  // Parenthetical: “In the wake of X, Y said, the lions were killed.”
  const paren = /^\s*,\s*/.exec(tail);
  if (paren && wordsIn(text, afterCue + paren[0].length, limit).length >= 2 && !isAdverbialTail(tail.slice(paren[0].length))) {
    const span = trimContent(text, afterCue + paren[0].length, clauseEnd(text, afterCue + paren[0].length, limit));
    return { kind: 'indirect', content: span, cue, speakerMention: speaker, confidence: 0.6, via: 'parenthetical' };
  }
  if (!isAdverbialTail(tail) && !/^\s*[.!?]/.test(tail)) return undefined;
  let start = sentence.start;
  // After a closing quotation in the same sentence the content starts there.
  const content = trimContent(text, stripLeadingAdverbial(text, start, comma), comma);
  if (wordsIn(text, content.start, content.end).length < 2) return undefined;
  const whole = ctx.marked.find((m) => m.style !== 'dash' && m.open.start <= content.start + 1 && (m.close?.end ?? m.end) >= content.end);
  if (whole) return undefined;
  const inner = ctx.marked.filter((m) => m.style !== 'dash' && m.start >= content.start && m.end <= content.end && !isTitleLike(text, m));
  if (inner.length) {
    // Only the subject outside the marks: the quotation itself is the content (direct).
    const firstOpen = inner[0]!.open.start;
    if (wordsBetween(text, content.start, firstOpen).length <= 6 && inner[inner.length - 1]!.close && inner[inner.length - 1]!.close!.end >= content.end - 1) return undefined;
    return { kind: 'mixed', content, cue, speakerMention: speaker, confidence: 0.6, via: 'content-first' };
  }
  start = content.start;
  return { kind: 'indirect', content: { start, end: content.end }, cue, speakerMention: speaker, confidence: 0.7, via: 'content-first' };
}

function stripLeadingAdverbial(text: string, start: number, limit: number): number {
  const ws = wordsIn(text, start, limit).slice(0, 5);
  const first = ws[0]?.lower;
  if (!first) return start;
  if (/^(?:yesterday|today|on|in|last|earlier|meanwhile|however|previously|separately|also)$/.test(first)) {
    for (let i = 0; i < ws.length; i++) {
      if (text[ws[i]!.end] === ',') return ws[i]!.end + 1;
    }
  }
  return start;
}

/** “according to X”: the content is the rest of the sentence on the other side of the phrase. */
function according(ctx: TextContext, sentence: Span, cue: Cue): Candidate | undefined {
  const text = ctx.text;
  const limit = quoteAwareEnd(ctx, sentence);
  const speaker = mentionAfter(text, cue.end, limit);
  if (!speaker) return undefined;
  const lead = text.slice(sentence.start, cue.start);
  if (wordsIn(text, sentence.start, cue.start).length === 0) {
    // “According to X, CONTENT.”
    const comma = text.indexOf(',', speaker.end);
    if (comma < 0 || comma >= limit) return undefined;
    const content = trimContent(text, comma + 1, clauseEnd(text, comma + 1, limit));
    return { kind: kindOf(ctx, content), content, cue, speakerMention: speaker, confidence: 0.75, via: 'according' };
  }
  const afterSpeaker = text.slice(speaker.end, limit);
  if (/^\s*,/.test(afterSpeaker) && wordsIn(text, speaker.end, limit).length > 0 && /,\s*$/.test(lead)) {
    // “One child was, according to the fire service, among the dead.”
    const content = trimContent(text, stripLeadingAdverbial(text, sentence.start, cue.start), limit);
    return { kind: kindOf(ctx, content), content, cue, speakerMention: speaker, confidence: 0.6, via: 'according' };
  }
  const content = trimContent(text, stripLeadingAdverbial(text, sentence.start, cue.start), cue.start);
  if (wordsIn(text, content.start, content.end).length < 2) return undefined;
  return { kind: kindOf(ctx, content), content, cue, speakerMention: speaker, confidence: 0.75, via: 'according' };
}

function kindOf(ctx: TextContext, content: Span): 'direct' | 'indirect' | 'mixed' {
  const inner = ctx.marked.filter((m) => m.style !== 'dash' && m.start >= content.start && m.end <= content.end && !isTitleLike(ctx.text, m));
  if (!inner.length) return 'indirect';
  const only = inner.length === 1 && inner[0]!.open.start <= content.start + 1 && (inner[0]!.close?.end ?? inner[0]!.end) >= content.end - 1;
  return only ? 'direct' : 'mixed';
}
