import type { Span } from '../core/document.ts';

/** A stretch of text between quotation marks (or after an opening dash), before attribution. */
export interface MarkedSpan extends Span {
  readonly open: Span;
  /** Absent when the quote never closes (unbalanced). */
  readonly close?: Span;
  readonly style: 'double' | 'single' | 'dash';
  /** False when a mark had no partner: the span is a best guess. */
  readonly balanced: boolean;
  /** True when the quote runs over a paragraph break (paragraph-open convention). */
  readonly multiParagraph: boolean;
}

const DOUBLE = new Set(['"', '“', '”', '„', '‟', '«', '»']);
/** Double marks (as DOUBLE) and single ones, to find them without visiting every character. */
const DOUBLE_RE = /["“”„‟«»]/g;
const SINGLE_RE = /['‘’‚‹›]/g;

/** Offsets of every match of a one-character pattern, in order. */
function positionsOf(text: string, re: RegExp): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
  return out;
}
const OPENERS_BEFORE = /[\s([{\u2014\u2013\-/:;,]/u;
const LETTER = /[\p{L}\p{N}]/u;

type Role = 'open' | 'close';

function role(text: string, i: number, pendingOpen: string | undefined): Role | undefined {
  const ch = text[i]!;
  const prev = i > 0 ? text[i - 1]! : '\n';
  const next = i + 1 < text.length ? text[i + 1]! : '\n';
  switch (ch) {
    case '„': case '«': case '‚': case '‹': case '‟':
      return 'open';
    case '»': case '›': case '”':
      return 'close';
    case '“':
      // German style closes „ with “.
      return pendingOpen === '„' ? 'close' : pendingOpen !== undefined && !OPENERS_BEFORE.test(prev) ? 'close' : 'open';
    case '‘':
      return pendingOpen === '‚' ? 'close' : 'open';
    case '’':
      // An apostrophe between letters (don’t, Qa’ida) or after a letter with no pending quote is not a mark.
      if (LETTER.test(prev) && LETTER.test(next)) return undefined;
      return pendingOpen !== undefined ? 'close' : undefined;
    case '"':
      if (OPENERS_BEFORE.test(prev) && !/\s/.test(next)) return pendingOpen === undefined ? 'open' : 'close';
      if (!/\s/.test(prev)) return pendingOpen !== undefined ? 'close' : 'open';
      return pendingOpen !== undefined ? 'close' : 'open';
    case "'":
      if (LETTER.test(prev) && LETTER.test(next)) return undefined;
      if (pendingOpen !== undefined) return LETTER.test(next) ? undefined : 'close';
      return OPENERS_BEFORE.test(prev) && LETTER.test(next) ? 'open' : undefined;
    default:
      return undefined;
  }
}

interface Paragraph extends Span {}

function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+/g;
  for (const m of text.matchAll(re)) {
    if (m[0].trim()) out.push({ start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

function firstNonSpace(text: string, p: Paragraph): number {
  let i = p.start;
  while (i < p.end && /\s/.test(text[i]!)) i++;
  return i;
}

/**
 * Pair quotation marks paragraph by paragraph. Double marks are primary; single marks only count
 * outside double-quoted text (inside, they are nested quotes and stay part of the content).
 * A paragraph that opens a quote without closing it continues into the next paragraph when that one
 * reopens with a mark. Unpaired marks give unbalanced spans rather than errors.
 */
export function findMarkedSpans(text: string): MarkedSpan[] {
  const out: MarkedSpan[] = [];
  const paras = paragraphs(text);
  // Jump from mark to mark: most characters are not quotation marks.
  const doublePos = positionsOf(text, DOUBLE_RE);
  let di = 0;
  let carried: { open: Span; ch: string } | undefined;
  for (let pi = 0; pi < paras.length; pi++) {
    const para = paras[pi]!;
    let pending: { open: Span; ch: string } | undefined = carried;
    let skipAt = -1;
    if (carried) {
      skipAt = firstNonSpace(text, para);
      carried = undefined;
    }
    let multiParagraph = pending !== undefined;
    let segmentStart = para.start;
    while (di < doublePos.length && doublePos[di]! < para.start) di++;
    for (; di < doublePos.length && doublePos[di]! < para.end; di++) {
      const i = doublePos[di]!;
      const ch = text[i]!;
      if (i === skipAt) continue;
      const r = role(text, i, pending?.ch);
      if (r === 'open') {
        if (pending) {
          const s = trimSpan(text, pending.open.end, i);
          if (s.end > s.start) out.push({ ...s, open: pending.open, style: 'double', balanced: false, multiParagraph });
        }
        pending = { open: { start: i, end: i + 1 }, ch };
        multiParagraph = false;
      } else if (r === 'close') {
        if (pending) {
          const s = trimSpan(text, pending.open.end, i);
          if (s.end > s.start) {
            out.push({ ...s, open: pending.open, close: { start: i, end: i + 1 }, style: 'double', balanced: true, multiParagraph });
          }
          pending = undefined;
          multiParagraph = false;
        } else {
          const s = trimSpan(text, segmentStart, i);
          if (s.end > s.start) out.push({ ...s, open: { start: s.start, end: s.start }, close: { start: i, end: i + 1 }, style: 'double', balanced: false, multiParagraph: false });
        }
        segmentStart = i + 1;
      }
    }
    if (pending) {
      const nextPara = paras[pi + 1];
      const nextFirst = nextPara ? text[firstNonSpace(text, nextPara)] : undefined;
      if (nextPara && nextFirst !== undefined && DOUBLE.has(nextFirst) && role(text, firstNonSpace(text, nextPara), undefined) === 'open') {
        carried = pending;
        // The stretch so far belongs to the same quotation; it is emitted when the quote closes.
        continue;
      }
      const s = trimSpan(text, pending.open.end, para.end);
      if (s.end > s.start) out.push({ ...s, open: pending.open, style: 'double', balanced: false, multiParagraph });
    }
  }
  return [...out, ...findSingleSpans(text, paras, out), ...findDashSpans(text, paras)].sort((a, b) => a.start - b.start);
}

function findSingleSpans(text: string, paras: readonly Paragraph[], doubles: readonly MarkedSpan[]): MarkedSpan[] {
  const singlePos = positionsOf(text, SINGLE_RE);
  let si = 0;
  const out: MarkedSpan[] = [];
  const insideDouble = (i: number): boolean => doubles.some((d) => i >= d.open.start && i < (d.close?.end ?? d.end));
  for (const para of paras) {
    let pending: { open: Span; ch: string } | undefined;
    while (si < singlePos.length && singlePos[si]! < para.start) si++;
    for (; si < singlePos.length && singlePos[si]! < para.end; si++) {
      const i = singlePos[si]!;
      const ch = text[i]!;
      if (insideDouble(i)) continue;
      const r = role(text, i, pending?.ch);
      if (r === 'open' && !pending) pending = { open: { start: i, end: i + 1 }, ch };
      else if (r === 'close' && pending) {
        const s = trimSpan(text, pending.open.end, i);
        if (s.end > s.start) out.push({ ...s, open: pending.open, close: { start: i, end: i + 1 }, style: 'single', balanced: true, multiParagraph: false });
        pending = undefined;
      }
    }
    // An unclosed single mark is far more often an apostrophe than a quotation: no span.
  }
  return out;
}

const DASH_OPEN = /^[\u2014\u2013\u2015-]\s+/u;

/** A dash that opens a quote inside a paragraph: after a sentence end or a colon (“He was clear: – We stay.”). */
const DASH_MID = /(?:[.!?]["”’»]?|:)\s+([\u2014\u2013\u2015]\s+)(?=\p{Lu})/gu;

/**
 * Dialogue-style quotes: a dash and a space that open a paragraph (“– We will stay, he said.”) or a
 * sentence inside one (“The general was clear. – We will stay, he said.”). The quote runs to a closing
 * dash or to the end of its sentence; the attribution comma is found by the caller.
 */
function findDashSpans(text: string, paras: readonly Paragraph[]): MarkedSpan[] {
  const out: MarkedSpan[] = [];
  for (const para of paras) {
    const body = text.slice(para.start, para.end);
    const opens: { at: number; len: number }[] = [];
    const m0 = DASH_OPEN.exec(body);
    if (m0) opens.push({ at: 0, len: m0[0].length });
    for (const m of body.matchAll(DASH_MID)) opens.push({ at: m.index! + m[0].length - m[1]!.length, len: m[1]!.length });
    for (const o of opens) {
      const start = para.start + o.at + o.len;
      // A mid-paragraph quote ends with its sentence (the next sentence end after an attribution).
      const rest = text.slice(start, para.end);
      const close = /\s[\u2014\u2013]\s/u.exec(rest);
      const sentEnd = o.at === 0 ? -1 : /[.!?](?=\s+(?:[\u2014\u2013\u2015]\s+)?\p{Lu}|\s*$)/u.exec(rest)?.index ?? -1;
      const end = close ? start + close.index : sentEnd >= 0 ? start + sentEnd + 1 : para.end;
      const s = trimSpan(text, start, end);
      if (s.end > s.start) {
        out.push({ ...s, open: { start: para.start + o.at, end: para.start + o.at + 1 }, ...(close ? { close: { start: start + close.index + 1, end: start + close.index + 2 } } : {}), style: 'dash', balanced: close !== null, multiParagraph: false });
      }
    }
  }
  return out;
}
