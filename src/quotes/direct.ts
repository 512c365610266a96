import type { Span } from '../core/document.ts';
import { findCues, subjectOfCue, wordsBetween, type Cue } from './cues.ts';
import { sentenceIndexAt, type Candidate, type TextContext } from './context.ts';
import { QUOTE_ONLY_VERBS, TELL_LIKE_VERBS } from './lexicon.ts';
import { firstVerbish, hasFiniteVerb } from './indirect.ts';
import { isNameLike, mentionAfter, subjectMention, wordsIn, type Word } from './mentions.ts';
import { parsedSubject } from './syntax.ts';
import type { MarkedSpan } from './marks.ts';

const QUOTE_CHARS = /["“”„«»‘’']/u;

/** Whether a quoted stretch reads like speech rather than a term, a name or a title. */
export function isSpeechLike(text: string, m: MarkedSpan): boolean {
  const ws = wordsIn(text, m.start, m.end);
  if (ws.length === 0) return false;
  const body = text.slice(m.start, m.end);
  if (isNameLike(ws) && ws.length <= 8 && !/[.!?]$/.test(body)) return false;
  // “swine flu.”: American punctuation inside a two-word term does not make it speech.
  return ws.length >= 4 || (ws.length >= 3 && /[.!?,]$/.test(body)) || /[!?]$/.test(body);
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
  const rightCues = findCues(text, after, rightLimit, ctx.syn).filter((c) => c.kind === 'verb');
  for (const cue of rightCues.slice(0, 2)) {
    const gap = wordsBetween(text, m.style === 'dash' ? m.start : after, cue.start);
    const lead = text.slice(after, cue.start);
    if (m.style === 'dash') {
      const comma = text.lastIndexOf(',', cue.start);
      if (comma < m.start) continue;
      // “– We stay, the general said.” or inverted “– We stay, said the general.”
      const inverted = wordsBetween(text, comma + 1, cue.start).length === 0;
      const subject = inverted ? mentionAfter(text, cue.end, rightLimit) : subjectMention(text, comma + 1, cue.start);
      const tail = text.slice(inverted && subject ? subject.end : cue.end, rightLimit);
      if (!subject || wordsBetween(text, comma + 1, cue.start).length > 6 || !ADVERBIAL_TAIL.test(tail)) continue;
      return { ...base, content: { start: m.start, end: trimEnd(text, m.start, comma) }, cue, speakerMention: subject, confidence: 0.8 - lowConf, via: 'dash' };
    }
    if (cue.lemma === 'read' && !isSpeechLike(text, m)) continue;
    if (gap.length === 0) {
      // “…,” said Detective Inspector X.
      const sp = mentionAfter(text, cue.end, rightLimit);
      const spWords = sp ? wordsIn(text, sp.start, sp.end) : [];
      const plausibleSpeaker = !!sp && !/ing$/.test(text.slice(cue.start, cue.end)) && !/^(?:as|to|by|that)$/i.test(spWords[0]?.w ?? '') && (spWords.length <= 6 || isNameLike(spWords)) && !hasFiniteVerb(ctx, sp);
      if (sp && plausibleSpeaker && /^\s*[,.]?\s*$/.test(lead)) return { ...base, cue, speakerMention: sp, confidence: 0.9 - lowConf, via: 'trigram-inverted' };
      // “…,” said study co-author Ana Lopez of the Institute for …: a long post-modified phrase names its
      // speaker before the first preposition.
      const pre = sp && !plausibleSpeaker && !/ing$/.test(text.slice(cue.start, cue.end)) ? headBeforePostModifier(spWords) : undefined;
      if (sp && pre && /^\s*[,.]?\s*$/.test(lead) && !hasFiniteVerb(ctx, pre)) return { ...base, cue, speakerMention: pre, confidence: 0.8 - lowConf, via: 'trigram-inverted' };
      continue;
    }
    // Without a comma after the quotation only a short subject may stand between it and the cue
    // (“"…" he said”), and a conjunction starts a new clause (“"…" and holding signs which read …”).
    const punctuated = /^\s*[,.!?]/u.test(lead) || /[,.!?]$/u.test(text.slice(m.start, m.end));
    if (!punctuated && gap.length > 4) break;
    if (/^(?:and|or|but|while|as|when|with)$/i.test(gap[0]!.w)) break;
    if (gap.length <= 8 && /^\s*[,.]?\s*[^\s,.]/u.test(lead) && !QUOTE_CHARS.test(lead)) {
      const subject = subjectMention(text, after, cue.start);
      if (subject) return { ...base, cue, speakerMention: subject, confidence: 0.9 - lowConf, via: 'trigram' };
    }
    break;
  }

  // 2. cue-first: a cue shortly before the opening mark, in the same clause.
  const clauseStart = clauseStartBefore(ctx, m.open.start, sentStart);
  const leftCues = findCues(text, clauseStart, m.open.start, ctx.syn);
  for (let i = leftCues.length - 1; i >= 0; i--) {
    const cue = leftCues[i]!;
    // An aside between dashes (“commented — which the BBC noted as unusual — "…"”) is skipped.
    const rawGap = text.slice(cue.end, m.open.start);
    const dashesBefore = (text.slice(clauseStart, cue.start).match(/\s[\u2013\u2014]\s/gu) ?? []).length;
    if (dashesBefore % 2 === 1 && /\s[\u2013\u2014]\s/u.test(rawGap)) continue;
    const gapText = rawGap.replace(/\s[\u2013\u2014]\s[^\u2013\u2014]*\s[\u2013\u2014]\s*/gu, ' ');
    const gap = wordsIn(gapText, 0, gapText.length);
    if (cue.kind === 'according') break;
    if (cue.lemma === 'read' && !isSpeechLike(text, m)) continue;
    if (cue.kind === 'characterising') {
      // called it “…”, described X as an “…” figure, characterised the deaths as “…”
      if (gap.length > 10) break;
      // “…, blaming "human error"”: a participle after a comma shares the sentence's subject.
      const participle = /ing$/.test(text.slice(cue.start, cue.end)) && /,\s*$/.test(text.slice(clauseStart, cue.start));
      let subject = participle ? sentenceSubject(ctx, sentStart, cue) : subjectOfCue(text, clauseStart, cue, ctx.syn) ?? inheritedSubject(ctx, clauseStart, sentStart, cue);
      let conf = 0.7;
      // “There is a concept called …”: an expletive subject is nobody.
      if (subject && /^there$/i.test(text.slice(subject.start, subject.end))) subject = undefined;
      if (!subject && /ing$/.test(text.slice(cue.start, cue.end))) {
        const p = participleSubject(ctx, cue, m, sentStart);
        if (p) ({ span: subject, confidence: conf } = p);
      }
      // “a concept called "game"”: a past participle after a noun names something; nobody speaks.
      if (!subject && /(?:ed|en|wn)$/.test(text.slice(cue.start, cue.end)) && !isSpeechLike(text, m)) return undefined;
      return { ...base, cue, ...(subject ? { speakerMention: subject } : {}), confidence: conf - lowConf, via: subject && conf < 0.7 ? 'participle' : 'characterising' };
    }
    // “said on Friday "…"”, “told Reuters "…"”, “said in a meeting with X, "…"”, “stated:”
    const aside = rawGap.search(/\s[\u2013\u2014]\s/u);
    const ppGap = /^\s*(?:on|in|at|to|via|during|through|after|before|from|for|over)\b/i.test(gapText) && gap.length <= 12 && !hasFiniteVerb(ctx, { start: cue.end, end: aside >= 0 ? cue.end + aside : m.open.start });
    // A subject pronoun right before the quotation (“added regarding X, they "would not …"”) opens a clause.
    const clauseOpen = /\b(?:he|she|they|we|it|i)\s*$/iu.test(gapText);
    // “told the court "…"”: the addressee object of a tell-like verb (a short noun phrase, no clause).
    //    The quotation must open like a sentence of its own (“told the court "Basic …"”), not continue the clause.
    const addressee = TELL_LIKE_VERBS.has(cue.lemma) && /^\p{Lu}/u.test(text.slice(m.start, m.start + 1)) && gap.length > 0 && gap.length <= 4 && !/\bthat\b/i.test(gapText) && !clauseOpen && !hasFiniteVerb(ctx, { start: cue.end, end: m.open.start }) && /^\s*(?:the|a|an|his|her|their|its)?\s*\S+(?:\s+\S+)?\s*[,:]?\s*$/iu.test(gapText);
    const plausibleGap = gap.length === 0 || /[,:]\s*$/.test(gapText) && gap.length <= 10 || gap.length <= 4 && !/\b(?:that|the|a|an)\b/i.test(gapText) && !clauseOpen || ppGap || addressee;
    if (!plausibleGap) {
      // “declared the outbreak a "public health emergency"”: a quoted term inside the object, no clause.
      const npObject = gap.length <= 8 && !clauseOpen && !/\bthat\b/i.test(gapText) && !hasFiniteVerb(ctx, { start: cue.end, end: closeEnd });
      if (npObject && cue.kind === 'verb') {
        const subject = subjectOfCue(text, clauseStart, cue, ctx.syn) ?? inheritedSubject(ctx, clauseStart, sentStart, cue);
        if (subject) return { ...base, cue, speakerMention: subject, confidence: 0.6 - lowConf, via: 'characterising' };
      }
      // A cue followed by a clause that contains the quotation: the indirect extractor makes it mixed.
      return undefined;
    }
    const cueWord = text.slice(cue.start, cue.end);
    // “protested by shouting "…"”, “…, stating "…"”: a participle shares the main clause's subject.
    const gerundOf = /ing$/.test(cueWord) && /(?:\b(?:by|while|after|before|when)|,)\s*$/iu.test(text.slice(sentStart, cue.start));
    let subject = gerundOf
      ? sentenceSubject(ctx, sentStart, cue) ?? subjectMention(text, sentStart, firstVerbish(text, sentStart, cue.start))
      : subjectOfCue(text, clauseStart, cue, ctx.syn) ?? inheritedSubject(ctx, clauseStart, sentStart, cue);
    if (!subject && !QUOTE_ONLY_VERBS.has(cue.lemma) && !/ing$/.test(cueWord)) continue;
    let conf = subject ? 0.9 : 0.6;
    if (!subject && /ing$/.test(cueWord)) {
      const p = participleSubject(ctx, cue, m, sentStart);
      if (p) ({ span: subject, confidence: conf } = p);
    }
    const via = subject && conf < 0.9 ? 'participle' : addressee && !(gap.length === 0 || ppGap) ? 'cue-addressee' : 'cue-first';
    return { ...base, cue, ...(subject ? { speakerMention: subject } : {}), confidence: conf - lowConf, via };
  }

  // 4. colon after an attributed clause: “According to X, the plan could work: "…"”, “X said the plan was sound: "…"”
  const before = text.slice(clauseStart, m.open.start);
  if (/:\s*$/u.test(before)) {
    for (const cue of findCues(text, sentStart, m.open.start, ctx.syn)) {
      if (cue.kind === 'characterising') continue;
      const speaker = cue.kind === 'according' ? mentionAfter(text, cue.end, m.open.start) : subjectOfCue(text, sentStart, cue, ctx.syn);
      if (speaker) return { ...base, cue, speakerMention: speaker, confidence: 0.6 - lowConf, via: 'colon-clause' };
    }
  }
  // 5. colon after a name: “Merkel: "…"”
  const colon = colonLead(before);
  if (colon) {
    const s = clauseStart + colon.start;
    const ws = wordsIn(text, s, s + colon.lead.length);
    if (ws.length > 0 && ws.length <= 6 && isNameLike(ws)) {
      const colonPos = s + colon.lead.length;
      const cue: Cue = { start: colonPos, end: colonPos + 1, lemma: ':', kind: 'colon' };
      return { ...base, cue, speakerMention: { start: ws[0]!.start, end: ws[ws.length - 1]!.end }, confidence: 0.7 - lowConf, via: 'colon' };
    }
  }
  return undefined;
}

const FINAL_COLON = /:\s*$/u;
const NOT_IN_LEAD = new Set(['.', ':', ';', '!', '?', '"', '“', '”']);

/**
 * What `/([^.:;!?"“”]+):\s*$/u` matches in `before` (the stretch before a final colon, back to the last
 * sentence or clause mark), without that pattern's retry at every start position of a long clause.
 */
export function colonLead(before: string): { start: number; lead: string } | undefined {
  const c = FINAL_COLON.exec(before)?.index;
  if (c === undefined) return undefined;
  let p = c;
  while (p > 0 && !NOT_IN_LEAD.has(before[p - 1]!)) p--;
  return p < c ? { start: p, lead: before.slice(p, c) } : undefined;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
  return end;
}

function sentenceSubject(ctx: TextContext, sentStart: number, cue: Span): Span | undefined {
  for (const c of findCues(ctx.text, sentStart, cue.start, ctx.syn)) {
    if (c.kind !== 'verb') continue;
    const s = subjectOfCue(ctx.text, sentStart, c, ctx.syn);
    if (s) return s;
  }
  return undefined;
}

/** “… and wrote "…"”: a coordinated cue shares the subject of the clause's first verb. */
function inheritedSubject(ctx: TextContext, clauseStart: number, sentStart: number, cue: Span): Span | undefined {
  const lead = ctx.text.slice(clauseStart, cue.start);
  if (!/\b(?:and|also|then)\s*$/i.test(lead) && clauseStart === sentStart) return undefined;
  const cues = findCues(ctx.text, sentStart, cue.start, ctx.syn);
  for (const c of cues) {
    const s = subjectOfCue(ctx.text, sentStart, c, ctx.syn);
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

/** “study co-author Ana Lopez of the Institute for …” → “study co-author Ana Lopez” (at most six words, a name inside). */
function headBeforePostModifier(ws: readonly Word[]): Span | undefined {
  const cut = ws.findIndex((w, i) => i > 0 && /^(?:of|for|from|at|with|in)$/.test(w.lower));
  if (cut <= 0 || cut > 6) return undefined;
  const head = ws.slice(0, cut);
  // “said in a statement of …” names the medium, not the speaker.
  if (/^(?:in|on|at|for|by|with|from|via|during|after|before|through)$/i.test(head[0]!.w)) return undefined;
  if (!head.some((w) => /^\p{Lu}/u.test(w.w)) && (head.length > 4 || FUNCTION_WORDS.test(head[head.length - 1]!.w))) return undefined;
  return { start: head[0]!.start, end: head[head.length - 1]!.end };
}

/**
 * The speaker of a quotation introduced by a participle (“Calling it "…", X told …”, “X denounced …,
 * calling it "…"”, “Saying "…", X added, "…"”): the subject of the clause the participle modifies.
 * Parse first (the participle's advcl/conj head and that verb's subject), then text patterns: the
 * subject of the next cue after the quotation when the participle opens the sentence, else the
 * sentence's first subject. A participle that is a sentence of its own (“They fired me. Saying, "…"”)
 * shares the previous sentence's subject, with a low confidence.
 */
export function participleSubject(ctx: TextContext, cue: Cue, m: MarkedSpan, sentStart: number): { span: Span; confidence: number } | undefined {
  const text = ctx.text;
  const sIdx = sentenceIndexAt(ctx, cue.start);
  const sentence = ctx.sentences[sIdx]!;
  const inSentence = (s: Span): boolean => s.start >= sentence.start && s.end <= Math.max(sentence.end, m.close?.end ?? m.end) && (s.end <= m.open.start || s.start >= (m.close?.end ?? m.end));
  const syn = ctx.syn;
  if (syn.parsed) {
    const t = syn.tokenAt(cue.start);
    const rel = t >= 0 ? syn.token(t)?.deprel ?? '' : '';
    const h = t >= 0 ? syn.headOf(t) : undefined;
    if (/^(?:advcl|conj|xcomp)/.test(rel) && h !== undefined && h >= 0) {
      const ht = syn.token(h);
      // Through subjectOfCue, so a name before its apposition wins over a misparsed head (“X of Y, a charity,”).
      const subj = ht ? subjectOfCue(text, sentence.start, { start: ht.start, end: ht.end }, syn) ?? parsedSubject(syn, h) : undefined;
      if (subj && inSentence(subj)) return { span: subj, confidence: 0.7 };
    }
    // A participle attached to a noun (“a task saying "…"”) is no clause of a speaker.
    if (rel.startsWith('acl')) return undefined;
  }
  const opensSentence = wordsIn(text, sentStart, cue.start).every((w) => /^(?:after|while|when|before|by|in|upon|on)$/i.test(w.w));
  const closeEnd = m.close?.end ?? m.end;
  if (opensSentence) {
    const end = Math.max(sentence.end, closeEnd);
    for (const c of findCues(text, closeEnd, end, syn)) {
      if (c.kind !== 'verb' || /ing$/.test(text.slice(c.start, c.end))) continue;
      const comma = text.indexOf(',', closeEnd);
      const s = subjectOfCue(text, comma >= 0 && comma < c.start ? comma + 1 : closeEnd, c, syn);
      if (s && inSentence(s)) return { span: s, confidence: 0.7 };
      break;
    }
    // A fragment (“Saying, "…"” with nothing after it): the previous sentence's subject in the paragraph.
    const rest = wordsIn(text, closeEnd, end);
    const prev = ctx.sentences[sIdx - 1];
    if (rest.length === 0 && prev && prev.paragraph === sentence.paragraph) {
      const s = subjectMention(text, prev.start, firstVerbish(text, prev.start, prev.end));
      if (s && s.end < prev.end) return { span: s, confidence: 0.5 };
    }
    return undefined;
  }
  if (/,\s*$/.test(text.slice(sentStart, cue.start))) {
    const s = sentenceSubject(ctx, sentStart, cue);
    if (s && inSentence(s) && plausibleMention(ctx, s)) return { span: s, confidence: 0.6 };
    // Without a cue before: the subject before the first verb, past fronted adverbials (“In a statement, X denounced …”).
    for (let st = sentStart; st >= 0 && st < cue.start; st = text.indexOf(',', st + 1)) {
      const from = st === sentStart ? st : st + 1;
      const t = subjectMention(text, from, firstVerbish(text, from, cue.start));
      // A subject read from inside a fronted adverbial (“In a statement …,”) is not the clause's subject.
      const adverbial = t ? wordsIn(text, from, t.start).some((w) => /^(?:in|on|at|for|by|with|from|after|before|during)$/i.test(w.w)) : true;
      if (t && !adverbial && inSentence(t) && plausibleMention(ctx, t)) return { span: t, confidence: 0.6 };
    }
  }
  return undefined;
}

const FUNCTION_WORDS = /^(?:a|an|the|in|on|at|of|for|to|by|with|from|that|this|these|those|which|who|and|or|but)$/i;

/**
 * Whether a span read off the text can be a speaker mention: short or name-like, no verb inside
 * (“They felt that they”), not a lone function word, not a fronted adverbial (“In a statement”).
 */
export function plausibleMention(ctx: TextContext, s: Span): boolean {
  const ws = wordsIn(ctx.text, s.start, s.end);
  if (ws.length === 0 || ws.length > 8 && !isNameLike(ws)) return false;
  if (ws.length === 1 && FUNCTION_WORDS.test(ws[0]!.w)) return false;
  if (/^(?:in|on|at|for|by|with|from|after|before|during)$/i.test(ws[0]!.w)) return false;
  if (ws.some((w, i) => i > 0 && /^(?:that|felt|said|says|is|was|are|were|has|had|have)$/i.test(w.w))) return false;
  return !hasFiniteVerb(ctx, s);
}
