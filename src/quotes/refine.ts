import type { Document, Quote, Span } from '../core/document.ts';
import { sentenceIndexAt, type Candidate, type TextContext } from './context.ts';
import { isSpeechLike, plausibleMention } from './direct.ts';
import { findCues, subjectOfCue, type Cue } from './cues.ts';
import { firstVerbish, hasFiniteVerb } from './indirect.ts';
import { headTokenOf } from './syntax.ts';
import { entityForSpan, isAnonymousMention, isNameLike, mentionAfter, namesPersonIn, subjectMention, wordsIn } from './mentions.ts';

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
const inside = (a: Span, b: Span): boolean => a.start >= b.start && a.end <= b.end;

/**
 * Ordered refiners over the proposals. Each step says why it exists; order matters:
 * merging fragments before continuation keeps a fragment from stealing a later speaker.
 */
export function refine(doc: Document, ctx: TextContext, direct: Candidate[], unattributed: Candidate[], indirect: Candidate[]): Candidate[] {
  // 1. A quoted fragment inside a reported clause belongs to that (mixed) clause.
  //    Unless the “clause” is only the addressee of the cue (“warned the passengers "…"”): then the quotation is direct.
  const addresseeOnly = (m: Candidate): boolean => direct.some((d) => d.via === 'cue-addressee' && d.cue && m.cue && d.cue.start === m.cue.start && d.marked && inside(d.content, m.content) && !hasFiniteVerb(ctx, { start: m.content.start, end: d.marked.open.start }));
  indirect = indirect.filter((c) => c.kind !== 'mixed' || !addresseeOnly(c));
  const mixed = indirect.filter((c) => c.kind === 'mixed');
  let directs = direct.filter((d) => !mixed.some((m) => inside(d.content, m.content)));
  let loose = unattributed.filter((d) => !mixed.some((m) => inside(d.content, m.content)) && !indirect.some((m) => m.kind !== 'direct' && inside(d.content, m.content) && !isSpeechLike(ctx.text, d.marked!)));

  // 2. Nested attribution (“Reuters reported a source said …”): keep the innermost source.
  //    Only a clause counts as an inner report (“… after Ford voluntarily disclosed the matter” does not).
  let reported = indirect.filter((a) => !indirect.some((b) => b !== a && b.cue && inside(b.content, a.content) && b.cue.start >= a.content.start && b.cue.end <= a.content.end && hasFiniteVerb(ctx, b.content)));

  // 3. An indirect reading that overlaps an attributed quotation is the same attribution seen worse.
  reported = reported.filter((r) => r.kind !== 'indirect' || !directs.some((d) => overlaps(d.content, r.content) && !inside(d.content, r.content)));
  reported = reported.filter((r) => !directs.some((d) => d.content.start === r.content.start && d.content.end === r.content.end));

  // 3b. A cue that already introduces a quotation does not introduce a second, indirect reading.
  //     A colon chain (“According to X, the plan works: "…"”) is the exception: both are X's.
  reported = reported.filter((r) => !r.cue || !directs.some((d) => d.cue && d.cue.start === r.cue!.start && d.via !== 'colon-clause'));

  // 4. One reading per content: the more confident proposal wins among overlapping ones.
  reported.sort((a, b) => b.confidence - a.confidence || (b.content.end - b.content.start) - (a.content.end - a.content.start));
  const keptReported: Candidate[] = [];
  for (const r of reported) if (!keptReported.some((k) => overlaps(k.content, r.content))) keptReported.push(r);

  // 5. Short title-like quotations (names, titles of works) are not speech unless a cue sits right at them.
  directs = directs.filter((d) => (d.via === 'characterising' && !isNameLike(wordsIn(ctx.text, d.content.start, d.content.end))) || d.via === 'trigram' || d.via === 'trigram-inverted' || isSpeechLike(ctx.text, d.marked!) || !isNameLike(wordsIn(ctx.text, d.content.start, d.content.end)));
  loose = loose.filter((d) => (isSpeechLike(ctx.text, d.marked!) || coordinatedWithQuote(ctx, directs, d)) && !keptReported.some((r) => overlaps(r.content, d.content)) && !directs.some((x) => overlaps(x.content, d.content)));

  // 6. Quotations without a cue: share the cue of the next quote in the paragraph, continue the
  //    previous speaker, or fall back to the closest person mentioned before.
  const all = [...directs, ...keptReported].sort((a, b) => a.content.start - b.content.start);
  const resolved: Candidate[] = [];
  for (const q of loose.sort((a, b) => a.content.start - b.content.start)) {
    const para = ctx.sentences[sentenceIndexAt(ctx, q.content.start)]!.paragraph;
    // “… as saying "A" and "B"”, “called it "X" and a "Y"”: a coordinated quotation shares the cue before it.
    const before = all.filter((a) => a.kind === 'direct' && a.marked && a.cue && a.speakerMention && (a.marked.close?.end ?? a.content.end) <= (q.marked?.open.start ?? q.content.start)).pop();
    if (before && /^\s*,?\s*(?:and|or)\s+(?:(?:a|an|the|as)\s+)?$/iu.test(ctx.text.slice(before.marked!.close?.end ?? before.content.end, q.marked?.open.start ?? q.content.start))) {
      resolved.push({ ...q, cue: before.cue!, speakerMention: before.speakerMention!, confidence: 0.7, via: 'coordinated' });
      continue;
    }
    const next = all.find((a) => a.content.start > q.content.end && a.speakerMention && a.kind === 'direct' && /^[ \t"“”.,]*$/u.test(ctx.text.slice(q.marked?.close?.end ?? q.content.end, a.marked?.open.start ?? a.content.start)));
    if (next && next.speakerMention) {
      resolved.push({ ...q, ...(next.cue ? { cue: next.cue } : {}), speakerMention: next.speakerMention, confidence: 0.7, via: 'shared-cue' });
      continue;
    }
    // “X wrote in a statement:” ending the previous paragraph introduces the quotation that opens this one.
    const lead = colonParagraphLead(ctx, q);
    if (lead) {
      resolved.push({ ...q, ...lead, confidence: 0.8, via: 'colon-paragraph' });
      continue;
    }
    const prev = [...all, ...resolved].filter((a) => a.content.end <= q.content.start && a.speakerMention).sort((a, b) => b.content.end - a.content.end)[0];
    if (prev && prev.speakerMention) {
      const prevPara = ctx.sentences[sentenceIndexAt(ctx, prev.content.start)]!.paragraph;
      const opensParagraph = ctx.sentences.find((s) => s.paragraph === para)!.start >= (q.marked?.open.start ?? q.content.start) - 1;
      if (prevPara === para || (prevPara === para - 1 && opensParagraph)) {
        resolved.push({ ...q, speakerMention: prev.speakerMention, continuation: true, confidence: 0.7, via: 'continuation' });
        continue;
      }
    }
    const near = closestPerson(doc, ctx, q);
    if (near) resolved.push({ ...q, speakerMention: near, confidence: 0.3, via: 'closest-mention' });
  }
  return [...all, ...resolved].sort((a, b) => a.content.start - b.content.start);
}

/**
 * A quotation that opens its paragraph right after a paragraph ending in a colon takes the cue and
 * speaker of that last sentence (“AIP chairman X reflects this view in comments:”, “X: ”).
 */
function colonParagraphLead(ctx: TextContext, q: Candidate): { cue: Cue; speakerMention: Span } | undefined {
  const open = q.marked?.open.start ?? q.content.start;
  const sIdx = sentenceIndexAt(ctx, open);
  const sent = ctx.sentences[sIdx];
  const prevSent = ctx.sentences[sIdx - 1];
  if (!sent || !prevSent || prevSent.paragraph !== sent.paragraph - 1) return undefined;
  if (ctx.text.slice(sent.start, open).trim() !== '') return undefined;
  const before = ctx.text.slice(prevSent.start, Math.min(prevSent.end, open));
  if (!/:\s*$/u.test(before) || /["“”]/u.test(before)) return undefined;
  const colonAt = prevSent.start + before.lastIndexOf(':');
  const cues = findCues(ctx.text, prevSent.start, colonAt, ctx.syn).filter((c) => c.kind === 'verb' || c.kind === 'according');
  for (let i = cues.length - 1; i >= 0; i--) {
    const c = cues[i]!;
    let sp = c.kind === 'according' ? mentionAfter(ctx.text, c.end, colonAt) : subjectOfCue(ctx.text, prevSent.start, c, ctx.syn);
    // “X, whose bio includes A and B, writes:”: a “subject” inside a relative clause stands for the noun before it.
    const rel = sp ? /,\s*(?:who|whose|which)\b[^,]*$/iu.exec(ctx.text.slice(prevSent.start, sp.start)) : null;
    if (sp && rel) sp = subjectMention(ctx.text, prevSent.start, prevSent.start + rel.index);
    // A “subject” with a verb inside is a misread coordination (“X defended … and denied …:”): the sentence's subject.
    if (sp && plausibleMention(ctx, sp)) return { cue: c, speakerMention: sp };
    const first = subjectMention(ctx.text, prevSent.start, firstVerbish(ctx.text, prevSent.start, c.start));
    if (first && plausibleMention(ctx, first)) return { cue: c, speakerMention: first };
  }
  const ws = wordsIn(ctx.text, prevSent.start, colonAt);
  if (ws.length > 0 && ws.length <= 6 && isNameLike(ws)) return { cue: { start: colonAt, end: colonAt + 1, lemma: ':', kind: 'colon' }, speakerMention: { start: ws[0]!.start, end: ws[ws.length - 1]!.end } };
  return undefined;
}

/** Whether a quoted term follows an attributed one with only “and”/“or” between (“"gamesmanship" and a "stunt"”). */
function coordinatedWithQuote(ctx: TextContext, directs: readonly Candidate[], q: Candidate): boolean {
  return directs.some((a) => a.marked && a.cue && /^\s*,?\s*(?:and|or)\s+(?:(?:a|an|the|as)\s+)?$/iu.test(ctx.text.slice(a.marked.close?.end ?? a.content.end, q.marked?.open.start ?? q.content.start)));
}

/** The last person mention before the quotation in its paragraph (entities layer first, then names). */
function closestPerson(doc: Document, ctx: TextContext, q: Candidate): Span | undefined {
  const para = ctx.sentences[sentenceIndexAt(ctx, q.content.start)]!.paragraph;
  const paraStart = ctx.sentences.find((s) => s.paragraph === para)?.start ?? 0;
  let best: Span | undefined;
  for (const e of doc.entities) {
    if (e.type !== 'PERSON') continue;
    for (const m of e.mentions) {
      if (m.end <= (q.marked?.open.start ?? q.content.start) && m.start >= paraStart && (!best || m.start > best.start)) best = m;
    }
  }
  return best;
}

/** Turn candidates into the `quotes` layer: ids, speaker entities, anonymity, dates. */
export function toQuotes(doc: Document, ctx: TextContext, cands: readonly Candidate[], source: string): Quote[] {
  return cands.map((c, i) => {
    const sentence = ctx.sentences[sentenceIndexAt(ctx, c.cue?.start ?? c.content.start)] ?? { start: 0, end: doc.text.length };
    const headTok = c.speakerMention ? headTokenOf(ctx.syn, c.speakerMention) : undefined;
    const head = headTok !== undefined ? ctx.syn.token(headTok) : undefined;
    const speaker = c.speakerMention ? entityForSpan(doc, c.speakerMention, head ? { start: head.start, end: head.end } : undefined) : undefined;
    // Anonymity is a property of the mention (“a diplomat”, “a Woolworths spokesperson”): coreference may
    // link it to someone, but only a person's name inside the mention makes the source named.
    const anonymous = c.speakerMention ? isAnonymousMention(doc.text, c.speakerMention, sentence) && !namesPerson(doc, c.speakerMention) : false;
    const date = c.cue ? cueDate(doc, c.cue, c.content) ?? doc.meta.referenceDate : doc.meta.referenceDate;
    const q: Quote = {
      id: `q${i + 1}`,
      kind: c.kind,
      start: c.content.start,
      end: c.content.end,
      ...(c.cue ? { cue: { start: c.cue.start, end: c.cue.end } } : {}),
      ...(speaker ? { speaker } : {}),
      ...(c.speakerMention ? { speakerMention: { start: c.speakerMention.start, end: c.speakerMention.end } } : {}),
      ...(anonymous ? { anonymous: true } : {}),
      ...(c.continuation ? { continuation: true } : {}),
      ...(date ? { date } : {}),
      source,
      confidence: Math.round(Math.max(0.05, Math.min(1, c.confidence)) * 100) / 100,
    };
    return q;
  });
}

function namesPerson(doc: Document, span: Span): boolean {
  return namesPersonIn(doc, span);
}

/** A date timex in the cue's clause (“said on Tuesday”), not inside the quoted content. */
function cueDate(doc: Document, cue: Span, content: Span): string | undefined {
  let best: { value: string; d: number } | undefined;
  for (const t of doc.timexes) {
    if (t.type !== 'DATE' || overlaps(t, content)) continue;
    const d = t.start >= cue.end ? t.start - cue.end : cue.start - t.end;
    if (d < 0 || d > 30) continue;
    const between = t.start >= cue.end ? doc.text.slice(cue.end, t.start) : doc.text.slice(t.end, cue.start);
    if (/[.;!?"“”\n]/u.test(between)) continue;
    if (!best || d < best.d) best = { value: t.value, d };
  }
  return best?.value;
}
