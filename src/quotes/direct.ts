import type { Span } from '../core/document.ts';
import { findCues, subjectOfCue, wordsBetween, type Cue } from './cues.ts';
import { sentenceIndexAt, type Candidate, type TextContext } from './context.ts';
import { QUOTE_ONLY_VERBS } from './lexicon.ts';
import { isNameLike, mentionAfter, subjectMention, wordsIn } from './mentions.ts';
import type { MarkedSpan } from './marks.ts';

const QUOTE_CHARS = /["“”„«»‘’']/u;

/** Whether a quoted stretch reads like speech rather than a term, a name or a title. */
export function isSpeechLike(text: string, m: MarkedSpan): boolean {
  const ws = wordsIn(text, m.start, m.end);
  if (ws.length === 0) return false;
  const body = text.slice(m.start, m.end);
  if (isNameLike(ws) && ws.length <= 8 && !/[.!?]$/.test(body)) return false;
  return ws.length >= 4 || /[.!?,]$/.test(body);
}

/** Where the clause around a quotation begins: sentence start or just after the previous quote. */
function clauseStartBefore(ctx: TextContext, pos: number, sentenceStart: number): number {
  let start = sentenceStart;
  for (const m of ctx.marked) {
    const close = m.close?.end ?? m.end;
    if (close <= pos && close > start && m.style !== 'dash') start = close;
  }
  const between = ctx.text.slice(start, pos);
  const semi = Math.max(between.lastIndexOf(';'), between.lastIndexOf(' while '), between.lastIndexOf(' whereas '));
  return semi >= 0 ? start + semi + 1 : start;
}

function sentenceEndAfter(ctx: TextContext, pos: number): number {
  const i = sentenceIndexAt(ctx, pos);
  let end = ctx.sentences[i]?.end ?? ctx.text.length;
  if (end <= pos) end = ctx.sentences[i + 1]?.end ?? ctx.text.length;
  const nl = ctx.text.indexOf('\n', pos);
  return nl >= 0 && nl < end ? nl : end;
}

const ADVERBIAL_TAIL = /^\s*(?:(?:on|in|at|to|during|via|through|from|after|before|with|about|for|while|as|when|yesterday|today|tonight|earlier|later|last|this|of)\b[^"“”]*)?[.!?]?\s*$/iu;

/**
 * Attribute one quoted stretch with the sieve, in order of reliability:
 * 1. content-first trigram (“…,” X said / “…,” said X), 2. cue-first (X said: “…”),
 * 3. characterising verb (called it “…”), 4. colon after a name (X: “…”).
 */
export function attributeMarked(ctx: TextContext, m: MarkedSpan): Candidate | undefined {
  const text = ctx.text;
  const closeEnd = m.close?.end ?? m.end;
  const sIdx = sentenceIndexAt(ctx, m.open.start);
  const sentence = ctx.sentences[sIdx]!;
  const sentStart = Math.min(sentence.start, m.open.start);
  const base = { kind: 'direct' as const, content: { start: m.start, end: m.end }, marked: m };
  const lowConf = m.balanced ? 0 : 0.4;

  // 1. content-first: the text right after the closing mark.
  const after = m.style === 'dash' ? m.start : closeEnd;
  const rEnd = sentenceEndAfter(ctx, m.style === 'dash' ? m.start : Math.max(closeEnd - 1, m.start));
  const nextOpen = ctx.marked.find((o) => o.open.start >= closeEnd && o !== m)?.open.start ?? Infinity;
  const rightLimit = Math.min(rEnd, nextOpen);
  const rightCues = findCues(text, after, rightLimit).filter((c) => c.kind === 'verb');
  for (const cue of rightCues.slice(0, 2)) {
    const gap = wordsBetween(text, m.style === 'dash' ? m.start : after, cue.start);
    const lead = text.slice(after, cue.start);
    if (m.style === 'dash') {
      const comma = text.lastIndexOf(',', cue.start);
      if (comma < m.start) continue;
      const subject = subjectMention(text, comma + 1, cue.start);
      const tail = text.slice(cue.end, rightLimit);
      if (!subject || wordsBetween(text, comma + 1, cue.start).length > 6 || !ADVERBIAL_TAIL.test(tail)) continue;
      return { ...base, content: { start: m.start, end: trimEnd(text, m.start, comma) }, cue, speakerMention: subject, confidence: 0.8 - lowConf, via: 'dash' };
    }
    if (gap.length === 0) {
      // “…,” said Detective Inspector X.
      const sp = mentionAfter(text, cue.end, rightLimit);
      if (sp && /^\s*[,.]?\s*$/.test(lead)) return { ...base, cue, speakerMention: sp, confidence: 0.9 - lowConf, via: 'trigram-inverted' };
      continue;
    }
    if (gap.length <= 8 && /^\s*[,.]?\s*[^\s,.]/u.test(lead) && !QUOTE_CHARS.test(lead)) {
      const subject = subjectMention(text, after, cue.start);
      if (subject) return { ...base, cue, speakerMention: subject, confidence: 0.9 - lowConf, via: 'trigram' };
    }
    break;
  }

  // 2. cue-first: a cue shortly before the opening mark, in the same clause.
  const clauseStart = clauseStartBefore(ctx, m.open.start, sentStart);
  const leftCues = findCues(text, clauseStart, m.open.start);
  for (let i = leftCues.length - 1; i >= 0; i--) {
    const cue = leftCues[i]!;
    const gap = wordsBetween(text, cue.end, m.open.start);
    const gapText = text.slice(cue.end, m.open.start);
    if (cue.kind === 'according') break;
    if (cue.kind === 'characterising') {
      // called it “…”, described X as an “…” figure, characterised the deaths as “…”
      if (gap.length > 10) break;
      // “…, blaming "human error"”: a participle after a comma shares the sentence's subject.
      const participle = /ing$/.test(text.slice(cue.start, cue.end)) && /,\s*$/.test(text.slice(clauseStart, cue.start));
      const subject = participle ? sentenceSubject(ctx, sentStart, cue) : subjectOfCue(text, clauseStart, cue) ?? inheritedSubject(ctx, clauseStart, sentStart, cue);
      return { ...base, cue, ...(subject ? { speakerMention: subject } : {}), confidence: 0.7 - lowConf, via: 'characterising' };
    }
    // “said on Friday "…"”, “told Reuters "…"”, “said in a meeting with X, "…"”, “stated:”
    const plausibleGap = gap.length === 0 || /[,:]\s*$/.test(gapText) && gap.length <= 10 || gap.length <= 4 && !/\b(?:that|the|a|an)\b/i.test(gapText) || /^\s*(?:on|in|at|to)\b/i.test(gapText) && gap.length <= 6;
    if (!plausibleGap) {
      // A cue followed by a clause that contains the quotation: the indirect extractor makes it mixed.
      return undefined;
    }
    const subject = subjectOfCue(text, clauseStart, cue) ?? inheritedSubject(ctx, clauseStart, sentStart, cue);
    if (!subject && !QUOTE_ONLY_VERBS.has(cue.lemma) && !/ing$/.test(text.slice(cue.start, cue.end))) continue;
    return { ...base, cue, ...(subject ? { speakerMention: subject } : {}), confidence: (subject ? 0.9 : 0.6) - lowConf, via: 'cue-first' };
  }

  // 4. colon after a name: “Stoltenberg: "…"”
  const before = text.slice(clauseStart, m.open.start);
  const colon = /([^.:;!?"“”]+):\s*$/u.exec(before);
  if (colon) {
    const s = clauseStart + colon.index!;
    const ws = wordsIn(text, s, s + colon[1]!.length);
    if (ws.length > 0 && ws.length <= 6 && isNameLike(ws)) {
      const colonPos = s + colon[1]!.length;
      const cue: Cue = { start: colonPos, end: colonPos + 1, lemma: ':', kind: 'colon' };
      return { ...base, cue, speakerMention: { start: ws[0]!.start, end: ws[ws.length - 1]!.end }, confidence: 0.7 - lowConf, via: 'colon' };
    }
  }
  return undefined;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
  return end;
}

function sentenceSubject(ctx: TextContext, sentStart: number, cue: Span): Span | undefined {
  for (const c of findCues(ctx.text, sentStart, cue.start)) {
    if (c.kind !== 'verb') continue;
    const s = subjectOfCue(ctx.text, sentStart, c);
    if (s) return s;
  }
  return undefined;
}

/** “… and wrote "…"”: a coordinated cue shares the subject of the clause's first verb. */
function inheritedSubject(ctx: TextContext, clauseStart: number, sentStart: number, cue: Span): Span | undefined {
  const lead = ctx.text.slice(clauseStart, cue.start);
  if (!/\b(?:and|also|then)\s*$/i.test(lead) && clauseStart === sentStart) return undefined;
  const cues = findCues(ctx.text, sentStart, cue.start);
  for (const c of cues) {
    const s = subjectOfCue(ctx.text, sentStart, c);
    if (s) return s;
  }
  // No earlier cue: the sentence subject is the first name-like run.
  const ws = wordsIn(ctx.text, sentStart, cue.start);
  let i = 0;
  while (i < ws.length && !/^\p{Lu}/u.test(ws[i]!.w)) i++;
  let j = i;
  while (j < ws.length && /^\p{Lu}/u.test(ws[j]!.w)) j++;
  return i < j ? { start: ws[i]!.start, end: ws[j - 1]!.end } : undefined;
}
