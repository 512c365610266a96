import type { Span } from '../core/document.ts';
import { findCues, subjectOfCue, wordsBetween, type Cue } from './cues.ts';
import type { Candidate, TextContext } from './context.ts';
import { ADDRESSEES, CHARACTERISING_VERBS, QUOTE_ONLY_VERBS, REPORTING_VERBS, TELL_LIKE_VERBS, TIME_WORDS } from './lexicon.ts';
import { mentionAfter, subjectMention, wordsIn } from './mentions.ts';

const AUX_START = new Set(['would', 'will', 'could', 'can', 'may', 'might', 'should', 'must', 'is', 'was', 'are', 'were', 'has', 'had', 'have', 'to', 'be', 'been', 'not']);
const OPEN_MARK = /^["“„«]/u;
const ANY_MARK = /["“”„«»]/u;
const CLOSE_MARK = /["”’»]/u;
const FINITE_CUE_FORMS = [...REPORTING_VERBS.keys(), ...CHARACTERISING_VERBS.keys()].filter((f) => !/ing$/.test(f));
const CUE_WORDS = [...new Set([...FINITE_CUE_FORMS, 'reporting', 'saying'])].sort((a, b) => b.length - a.length).join('|');
const GERUND_CUES = [...REPORTING_VERBS.keys(), ...CHARACTERISING_VERBS.keys()].filter((f) => /ing$/.test(f)).sort((a, b) => b.length - a.length).join('|');
const CLAUSE_BREAKS = [
  /;\s/u, /\s(?:while|whereas)\s/u, /,\s+according to\b/iu, /\s\u2014\s/u,
  // a second attribution in the same sentence starts its own clause
  new RegExp(`,?\\s+and\\s+(?:also\\s+|further\\s+)?(?:${CUE_WORDS})\\b`, 'u'),
  new RegExp(`,\\s+(?:but|and|while|with)\\s+(?=[^,;]{0,60}?\\b(?:${CUE_WORDS})\\b)`, 'u'),
  new RegExp(`,\\s+(?=(?:${GERUND_CUES})\\b)`, 'u'),
  // a quotation introduced by a colon is the speaker's own words, not part of the reported clause
  /:\s*(?=["“„«])/u,
];

/** Sentence-level indirect speech: cue-first (“X said (that) …”), content-first (“…, X said”), “according to X”. */
export function proposeIndirect(ctx: TextContext): Candidate[] {
  const out: Candidate[] = [];
  const text = ctx.text;
  for (const sentence of ctx.sentences) {
    const insideQuote = (pos: number): boolean => ctx.marked.some((m) => m.style !== 'dash' && pos >= m.start && pos < m.end && isLongQuote(text, m));
    const cues = findCues(text, sentence.start, sentence.end, ctx.syn).filter((c) => !insideQuote(c.start));
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
  if (TELL_LIKE_VERBS.has(cue.lemma)) {
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
      else if (/^(?:the|a|an|his|her|their|its|our|last|next|this)$/.test(ws[1]!.lower) && ws[2] && ws.length > 3 && /^(?:(?:the|a|an|he|she|they|it|we|there|this|these|its|their|his|her)(?:['’]\w+)?|\p{Lu}.*)$/u.test(ws[3]!.w)) pos = ws[2].end;
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
  // “…, reported officials, with …”: a cue right after a comma with a noun phrase after it is inverted.
  const lastComma = text.lastIndexOf(',', cue.start);
  if (lastComma >= sentence.start && wordsBetween(text, lastComma + 1, cue.start).length === 0 && !TELL_LIKE_VERBS.has(cue.lemma)) {
    const inv = contentFirst(ctx, sentence, cue);
    if (inv) return inv;
  }
  const coordinated = /\b(?:and|but)\s+(?:(?:also|further|then|later)\s+)?$/u.test(text.slice(sentence.start, cue.start));
  // “…, saying there was …”: a participle after a comma takes the main clause's subject.
  const participle = /ing$/.test(text.slice(cue.start, cue.end)) && /,\s*$/.test(text.slice(sentence.start, cue.start));
  const subject = participle || coordinated ? coordinatedSubject(ctx, sentence, cue) : subjectOfCue(text, clauseStart, cue, ctx.syn);
  const cueFirstRaw = subject ? cueFirstContent(ctx, sentence, cue) : undefined;
  // “…, reporting 37,542 deaths”: a figure with no verb after it is the cue's object, not a clause.
  const cueFirst = cueFirstRaw && !cueFirstRaw.mixed && /^\d/.test(text.slice(cueFirstRaw.span.start, cueFirstRaw.span.start + 1)) && !hasVerb(ctx, cueFirstRaw.span) ? undefined : cueFirstRaw;
  if (subject && cueFirst && (!QUOTE_ONLY_VERBS.has(cue.lemma) || cueFirst.afterThat || cueFirst.mixed || participle)) {
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
  for (const c of findCues(text, sentence.start, cue.start, ctx.syn)) {
    if (c.kind !== 'verb') continue;
    // The subject of an earlier cue lies after any quotation that precedes it (“"…", she said, noting …”).
    let from = sentence.start;
    for (const m of ctx.marked) if (m.style !== 'dash' && (m.close?.end ?? m.end) <= c.start && (m.close?.end ?? m.end) > from) from = m.close?.end ?? m.end;
    const s = subjectOfCue(text, from, c, ctx.syn);
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
  const lead = lastClauseLead(seg);
  if (lead < 0) return start;
  // “Dr X, the lead author and an addiction specialist, said”: an “and” inside an apposition does not start a clause.
  const cut = start + lead;
  if (/\band$/.test(seg.slice(0, lead)) && /,\s*$/.test(text.slice(cut, pos)) && text.slice(start, cut).includes(',')) return start;
  return cut;
}

const CLAUSE_LEAD = /;|\bwhile\b|\bwhereas\b|\bbut\b|\band\b(?=\s+(?:the|a|an)\b)/uy;

/**
 * End of the last clause lead-in (“;”, “while”, “whereas”, “but”, “and the”) in `seg`, or -1: what
 * `/.*(?:…)/su` matches, found from the end (that regex retried every start position: quadratic).
 */
export function lastClauseLead(seg: string): number {
  for (let k = seg.length - 1; k >= 0; k--) {
    const c = seg.charCodeAt(k);
    // ; w b a: the first characters of the alternatives.
    if (c !== 0x3b && c !== 0x77 && c !== 0x62 && c !== 0x61) continue;
    CLAUSE_LEAD.lastIndex = k;
    const m = CLAUSE_LEAD.exec(seg);
    if (m) return k + m[0].length;
  }
  return -1;
}

const POSSESSIVE_START = /^(?:its|their|his|her|our|my|your)$/;
const PRONOUN_SUBJ = /^(?:he|she|they|we|it|i)$/;
const FINITE_HINT = /^(?:is|are|was|were|be|been|has|have|had|do|does|did|will|would|can|could|may|might|must|shall|should|ought|won't|can't|don't|doesn't|didn't|isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't|wouldn't|couldn't|said|made|went|came|took|gave|got|became|began|left|found|felt|kept|held|saw|ran|met|told|thought|knew|won|lost|sold|paid|built|sent|spent|brought|bought|fell|rose|hit|cut|put|set|led|shot|struck|fought|stood|wore|needs|wants|remains|seems|means|plans|hopes)$/;

/** Whether a stretch contains a finite verb: from the tagger when present, else from word shapes. */
/** Any verb in the span: a tagged VERB/AUX, else a finite-looking word. */
function hasVerb(ctx: TextContext, span: Span): boolean {
  if (ctx.syn.tagged) {
    for (const w of wordsIn(ctx.text, span.start, span.end)) {
      const u = ctx.syn.token(ctx.syn.tokenAt(w.start))?.upos;
      if (u === 'VERB' || u === 'AUX') return true;
    }
  }
  return hasFiniteVerb(ctx, span);
}

export function hasFiniteVerb(ctx: TextContext, span: Span): boolean {
  const ws = wordsIn(ctx.text, span.start, span.end);
  // The tagger adds verbs the word shapes miss (“the stores fill …”); it misses some itself
  // (“the crash involved …” tagged as an adjective), so both are asked.
  if (ctx.syn.tagged) {
    for (const w of ws) {
      const t = ctx.syn.token(ctx.syn.tokenAt(w.start));
      if (!t) continue;
      if (t.xpos ? /^(?:VBD|VBZ|VBP|MD)$/.test(t.xpos) : (t.upos === 'AUX' || t.upos === 'VERB') && !/ing$/.test(w.lower)) return true;
    }
  }
  return ws.some((w, i) => FINITE_HINT.test(w.lower) || /['’](?:d|re|ve|ll|m)$/.test(w.lower) || /^(?:it|he|she|that|there|what|who|here|this)['’]s$/.test(w.lower) || (i > 0 && /[a-z]ed$/.test(w.w) && !/^(?:the|a|an|its|their|his|her|our)$/.test(ws[i - 1]!.lower)));
}

function cueFirstContent(ctx: TextContext, sentence: Span, cue: Cue): { span: Span; mixed: boolean; afterThat: boolean } | undefined {
  const text = ctx.text;
  const limit = quoteAwareEnd(ctx, sentence);
  const start = contentStartAfter(text, cue, limit);
  if (start === undefined || start >= limit) return undefined;
  if (OPEN_MARK.test(text.slice(start, start + 1))) return undefined;
  const ws = wordsIn(text, start, limit);
  const afterThat = /\bthat\s*$/u.test(text.slice(cue.end, start));
  if (ws.length < 2 || AUX_START.has(ws[0]!.lower)) return undefined;
  // “said naming the virus … would place …” is a clause; “said, adding …”, “saying nothing” are not.
  if (!afterThat && /^[a-z]+ing$/.test(ws[0]!.w)) {
    const comma = text.indexOf(',', start);
    const firstPart = { start, end: comma >= 0 && comma < limit ? comma : clauseEnd(text, start, limit) };
    if (REPORTING_VERBS.has(ws[0]!.lower) || !hasFiniteVerb(ctx, firstPart)) return undefined;
  }
  if (!afterThat && /^(?:on|in|at|of|for|about|to|from|with|by)$/.test(ws[0]!.lower)) return undefined;
  // “noted as an unusual move”, “— murder carrying …”: a predicative or an aside, not a content clause.
  if ((ws[0]!.lower === 'as' && !/^(?:many|much|of|well|long)$/.test(ws[1]?.lower ?? '')) || /^[\u2013\u2014-]/u.test(text.slice(start, start + 1))) return undefined;
  if (/^(?:and|or|but|nor)$/.test(ws[0]!.lower)) return undefined;
  // Only adverbials after the cue (“said on condition of anonymity”): the content came first.
  if (isAdverbialTail(text.slice(cue.end, limit))) return undefined;
  const end = clauseEnd(text, start, limit);
  const span = trimContent(text, start, end);
  if (wordsIn(text, span.start, span.end).length < 2) return undefined;
  const inner = ctx.marked.filter((m) => m.style !== 'dash' && m.start >= span.start && m.end <= span.end && !isTitleLike(text, m));
  // “said in a press conference "…"”, “told the public via Twitter, "…"”: only a prepositional phrase or an
  // addressee before a quotation that ends the clause is a direct quote, not a reported clause.
  // “urged residents to "comply with …"”: an infinitive quoting the words, a direct quote.
  if (inner.length && /\bto\s*$/iu.test(text.slice(span.start, inner[0]!.open.start))) return undefined;
  if (inner.length && !afterThat) {
    const first = inner[0]!;
    const gap = { start: span.start, end: first.open.start };
    const gapWords = wordsIn(text, gap.start, gap.end);
    const endsClause = (first.close?.end ?? first.end) >= span.end - 1;
    if (endsClause && (/[,:]\s*$/.test(text.slice(gap.start, gap.end)) || /^(?:on|in|at|to|via|through|during|after|before|with|from|for|over)$/.test(gapWords[0]?.lower ?? '')) && !hasFiniteVerb(ctx, gap)) return undefined;
  }
  // “announced their agreement over …”, “stated its intention to …”: a noun phrase, not a content clause.
  const cw = wordsIn(text, span.start, span.end);
  // (a bare “the …” object only when short: the word shapes miss many present-tense verbs, “the kit costs …”)
  const npStart = POSSESSIVE_START.test(ws[0]!.lower) || /^(?:a|an|no|this|these|those|other|another)$/.test(ws[0]!.lower) || (ws[0]!.lower === 'the' && cw.length <= 3);
  if (!inner.length && (npStart || cw.length <= 2) && !hasFiniteVerb(ctx, span)) return undefined;
  // “announced a naval coalition … which was joined by …”: the only finite verb is in a relative clause.
  if (!inner.length && npStart) {
    const rel = cw.findIndex((w) => /^(?:which|who|whom|whose|that)$/.test(w.lower));
    if (rel > 0 && !hasFiniteVerb(ctx, { start: span.start, end: cw[rel]!.start })) return undefined;
  }
  // With quotations inside, the clause still needs a verb somewhere (else it is a quoted term in an object).
  if (inner.length && !afterThat && !hasFiniteVerb(ctx, span) && !/[\p{Ll}]+s\s+["“„«]/u.test(text.slice(span.start, inner[0]!.open.start + 1))) {
    if (wordsIn(text, span.start, inner[0]!.open.start).length <= 6) return undefined;
  }
  return { span, mixed: inner.length > 0, afterThat };
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

export function firstVerbish(text: string, start: number, end: number): number {
  for (const w of wordsIn(text, start, end)) {
    if (/^(?:did|does|do|is|was|were|are|has|had|have|gave|made|also|would|will)$/.test(w.lower) || /[a-z]ed$/.test(w.w) && w.start > start) return w.start;
  }
  return end;
}

const TAIL_OK = /^\s*(?:(?:on|in|at|to|during|via|through|from|after|before|with|about|for|when|yesterday|today|tonight|earlier|later|last|this|however|late|early|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b[^"“”]*)?[.!?]?\s*$/iu;

/** A short adverbial tail after a cue (“on Wednesday.”, “on condition of anonymity.”). */
function isAdverbialTail(s: string): boolean {
  return TAIL_OK.test(s) && (s.match(/[\p{L}\p{N}]+/gu) ?? []).length <= 6;
}

/** “…, X said.”, “…, said X.”, and the parenthetical “…, X said, …”. */
function contentFirst(ctx: TextContext, sentence: Span, cue: Cue): Candidate | undefined {
  const text = ctx.text;
  const limit = quoteAwareEnd(ctx, sentence);
  let comma = text.lastIndexOf(',', cue.start);
  if (comma < sentence.start) return undefined;
  // “… character,” an Interpol spokesperson stated.”: the comma sits inside the closing mark.
  if (/^["”’»]\s/u.test(text.slice(comma + 1, comma + 3)) && !ANY_MARK.test(text.slice(comma + 2, cue.start))) comma += 1;
  const between = text.slice(comma + 1, cue.start);
  if (ANY_MARK.test(between)) return undefined;
  let speaker: Span | undefined;
  let afterCue = cue.end;
  if (wordsBetween(text, comma + 1, cue.start).length === 0) {
    speaker = mentionAfter(text, cue.end, limit);
    if (speaker) afterCue = speaker.end;
  } else if (wordsBetween(text, comma + 1, cue.start).length <= 9) {
    // “…, Trump's was the only identity disclosed.”: a clause with its own verb is not a subject.
    const bw = wordsBetween(text, comma + 1, cue.start);
    const auxBefore = bw.length > 1 && /^(?:has|have|had|would|will|did|does|also|then|later)$/.test(bw[bw.length - 1]!.lower) ? bw.length - 1 : bw.length;
    if (bw.length && hasFiniteVerb(ctx, { start: bw[0]!.start, end: bw[auxBefore - 1]!.end }) && !PRONOUN_SUBJ.test(bw[0]!.lower)) return undefined;
    speaker = subjectMention(text, comma + 1, cue.start);
  }
  if (!speaker) return undefined;
  if (afterCue !== cue.end) {
    // Inverted “…, said X”: X is a short noun phrase and what precedes the comma is a clause.
    const sw = wordsIn(text, speaker.start, speaker.end);
    // “…, reporting 37,542 deaths”: a figure after the verb is its object, not a speaker.
    if (sw.length > 8 || /^\d/.test(sw[0]!.w) || hasFiniteVerb(ctx, speaker) || /^(?:that|a|an|this|these|those|it|its|their|his|her)$/.test(sw[0]!.lower)) return undefined;
    if (!hasFiniteVerb(ctx, { start: sentence.start, end: comma })) return undefined;
  }
  // An aside after a dash (“they said Sunday — murder carrying …”) is not part of the attribution.
  const rawTail = text.slice(afterCue, limit);
  // An aside after a dash, or a participle cue (“…, Zapata said, adding …”), ends the attribution's tail.
  const dash = rawTail.search(new RegExp(`\\s[\\u2013\\u2014]\\s|,\\s+(?:${GERUND_CUES})\\b`, 'u'));
  const tail = dash >= 0 ? rawTail.slice(0, dash) : rawTail;
  // Parenthetical: “In the wake of X, Y said, the lions were killed.”
  const paren = /^\s*,\s*/.exec(tail);
  const parenWords = paren ? wordsIn(text, afterCue + paren[0].length, limit) : [];
  if (paren && parenWords.length >= 2 && !isAdverbialTail(tail.slice(paren[0].length)) && !/^(?:and|or|but|nor|as)$/i.test(parenWords[0]!.w) && !OPEN_MARK.test(tail.slice(paren[0].length, paren[0].length + 1))) {
    const span = trimContent(text, afterCue + paren[0].length, clauseEnd(text, afterCue + paren[0].length, limit));
    return { kind: 'indirect', content: span, cue, speakerMention: speaker, confidence: 0.6, via: 'parenthetical' };
  }
  if (!isAdverbialTail(tail.replace(/^\s*,/, '')) && !/^\s*[.!?]/.test(tail)) return undefined;
  const semi = text.lastIndexOf(';', comma);
  let start = semi >= sentence.start ? semi + 1 : sentence.start;
  // After a closing quotation in the same sentence the content starts there.
  const content = trimContent(text, stripLeadingAdverbial(text, start, comma), CLOSE_MARK.test(text[comma]!) ? comma + 1 : comma);
  if (wordsIn(text, content.start, content.end).length < 2) return undefined;
  const whole = ctx.marked.find((m) => m.style !== 'dash' && m.open.start <= content.start + 1 && (m.close?.end ?? m.end) >= content.end);
  if (whole) return undefined;
  const inner = ctx.marked.filter((m) => m.style !== 'dash' && m.start >= content.start && m.end <= content.end && !isTitleLike(text, m));
  if (inner.length) {
    // Only the subject outside the marks: the quotation itself is the content (direct).
    const firstOpen = inner[0]!.open.start;
    // (unless a verb stands outside too: “Interpol's constitution prohibits "…,"” is mixed)
    const outside = wordsBetween(text, content.start, firstOpen);
    const last = outside[outside.length - 1];
    const verbOutside = hasFiniteVerb(ctx, { start: content.start, end: firstOpen }) || (outside.length >= 2 && !!last && /[a-z](?:s|ed)$/.test(last.w) && !/^(?:the|a|an|its|their|his|her|our|this|these|those)$/i.test(outside[outside.length - 2]!.w));
    if (outside.length <= 6 && !verbOutside && inner[inner.length - 1]!.close && inner[inner.length - 1]!.close!.end >= content.end - 1) return undefined;
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
  if (/^\s*,/.test(afterSpeaker) && !/^\s*,\s*(?:who|which|whose)\b/iu.test(afterSpeaker) && wordsIn(text, speaker.end, limit).length > 0 && /,\s*$/.test(lead)) {
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
