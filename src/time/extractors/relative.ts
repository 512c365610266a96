import { AMOUNT, UNIT, parseAmount, unitOf } from '../lexicon.ts';
import type { Candidate, Extractor, TimeSpec } from '../types.ts';
import { wordBefore } from './context.ts';
import { F_DEICTIC, F_UNIT } from '../prefilter.ts';

/** Deictic and relative dates: `yesterday`, `last month`, `earlier this week`, `two years ago`, `the following day`. */

function candidate(m: RegExpExecArray, rule: string, spec: TimeSpec, priority = 2, mod?: string): Candidate {
  return { start: m.index, end: m.index + m[0].length, spec, rule, priority, ...(mod ? { mod } : {}) };
}

/** `earlier`/`later` before a relative date narrows it without changing its value. */
function prefixMod(pre: string | undefined): string | undefined {
  if (!pre) return undefined;
  const p = pre.trim().toLowerCase();
  if (p === 'early' || p === 'earlier') return p === 'early' ? 'START' : undefined;
  if (p === 'late') return 'END';
  return undefined;
}

const deictic: Extractor = {
  name: 'deictic',
  triggers: F_DEICTIC,
  reach: [35, 5],
  pattern: /\b(?<pre>(?:[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate)\s+)?(?<w>[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow|the day before yesterday|the day after tomorrow)\b(?![’']s\s+\p{Lu})/gu,
  build(m, text) {
    const g = m.groups!;
    const w = g.w!.toLowerCase();
    const before = wordBefore(text, m.index);
    if (w === 'today' && /^(?:USA|Russia|China|Psychology|Business)$/.test(before)) return undefined;
    if (w === 'today' && /^T/.test(g.w!) && /^\s+(?:show|programme|program)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) return undefined;
    const offset = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : w === 'the day before yesterday' ? -2 : w === 'the day after tomorrow' ? 2 : 0;
    const day: TimeSpec = { kind: 'relative', unit: 'day', offset };
    if (w === 'tonight') return candidate(m, this.name, { kind: 'time', part: 'NI', date: day }, 2);
    return candidate(m, this.name, day, 2, prefixMod(g.pre));
  },
};

const REL_OFFSET: Readonly<Record<string, number>> = {
  this: 0, current: 0, same: 0, present: 0,
  last: -1, past: -1, previous: -1, prior: -1, preceding: -1,
  next: 1, coming: 1, following: 1, upcoming: 1,
};

/** `last month`, `this week`, `the previous year`, `earlier this month`, `the following day`. */
const relativeUnit: Extractor = {
  name: 'relative-unit',
  triggers: F_UNIT,
  reach: [35, 10],
  pattern: /\b(?<pre>(?:earlier|later|late|early|mid-?)\s*)?(?<the>the\s+)?(?<rel>this|last|next|past|coming|previous|following|current|same|upcoming|prior|preceding)\s+(?<unit>day|week|weekend|month|quarter|year|decade|century)\b(?!-)(?<of>\s+of\b)?/gi,
  build(m) {
    const g = m.groups!;
    const rel = g.rel!.toLowerCase();
    const unit = unitOf(g.unit!)!;
    const the = Boolean(g.the);
    if (g.of) {
      // `the last week of March` is a part of March; `the last day of the talks` is not a date.
      return undefined;
    }
    const offset = REL_OFFSET[rel]!;
    const start = m.index;
    const end = m.index + m[0].length;
    const mod = prefixMod(g.pre);
    const withMod = (spec: TimeSpec): Candidate => ({ start, end, spec, rule: this.name, priority: 2, ...(mod ? { mod } : {}) });
    if (unit === 'day') {
      // `last day`, `this day` are not dates; `the next day`, `the previous day`, `the same day` narrate.
      if (rel === 'same' || ((the || rel === 'next') && offset !== 0 && rel !== 'last' && rel !== 'past')) {
        return withMod({ kind: 'anaphoric', unit: 'day', amount: offset });
      }
      return undefined;
    }
    // `the previous year` counts from the year the narrative is at (`sales fell last month from the previous year`)
    if (the && (rel === 'following' || rel === 'preceding' || rel === 'same' || rel === 'previous' || rel === 'prior' || (rel === 'next' && unit === 'week'))) {
      const near = offset < 0 && unit !== 'week' && unit !== 'weekend';
      return withMod({ kind: 'anaphoric', unit, amount: offset, ...(near ? { near } : {}) });
    }
    if (the && rel === 'past') return withMod({ kind: 'duration', unit, amount: 1 });
    if (the && rel === 'next' && unit !== 'year' && unit !== 'month') return withMod({ kind: 'duration', unit, amount: 1 });
    if (unit === 'quarter' || unit === 'weekend' || unit === 'decade' || unit === 'century' || unit === 'week' || unit === 'month' || unit === 'year') {
      return withMod({ kind: 'relative', unit, offset });
    }
    return undefined;
  },
};

const BEFORE_AFTER_END = /^\s*(?:[.,;:)!?]|$|and\b|but\b|when\b)/;

/** `two years ago`, `a week earlier`, `three days later`, `two weeks from now`, `years ago`. */
const agoExpr: Extractor = {
  name: 'ago',
  triggers: F_UNIT,
  reach: [40, 15],
  pattern: new RegExp(
    `\\b(?:(?<amt>${AMOUNT})\\s+)?(?<unit>${UNIT})\\s+(?<dir>ago|earlier|later|before|after|from now|hence)\\b`,
    'gi',
  ),
  build(m, text) {
    const g = m.groups!;
    const unit = unitOf(g.unit!)!;
    const dir = g.dir!.toLowerCase();
    const amount = g.amt ? parseAmount(g.amt) : 'X';
    if (amount !== 'X' && /s$/i.test(g.unit!) === false && amount > 1) return undefined;
    if (!g.amt && !/s$/i.test(g.unit!)) return undefined;
    if (dir === 'before' || dir === 'after') {
      // `two days after the attack` is a duration before an event, not a date.
      if (!BEFORE_AFTER_END.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8))) return undefined;
    }
    if (dir === 'ago' || dir === 'from now' || dir === 'hence') {
      const sign = dir === 'ago' ? -1 : 1;
      if (amount === 'X') return candidate(m, this.name, { kind: 'ref', value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF' }, 2);
      return candidate(m, this.name, { kind: 'ago', unit, amount: sign * amount }, 2);
    }
    if (amount === 'X') return undefined;
    const sign = dir === 'earlier' || dir === 'before' ? -1 : 1;
    return candidate(m, this.name, { kind: 'anaphoric', unit, amount: sign * amount }, 2);
  },
};

/**
 * `the same month last year`, `the same period a year ago`: the current calendar unit one year back
 * (business news compares periods). A `period` or `time` counts as the month.
 */
const samePeriod: Extractor = {
  name: 'same-period',
  triggers: F_UNIT,
  reach: [45, 40],
  pattern: /\b[Tt]he same (?<unit>period|month|quarter|week|day|time|season)(?:\s+(?:of\s+)?|\s+in\s+)(?:last year|a year (?:ago|earlier|before)|the (?:last|previous|prior|preceding) year)\b/g,
  build(m) {
    const unit = m.groups!.unit!;
    const calendar = unit === 'quarter' ? 'quarter' : unit === 'week' ? 'week' : unit === 'day' ? 'day' : 'month';
    const perYear = calendar === 'quarter' ? 4 : calendar === 'week' ? 52 : calendar === 'day' ? 365 : 12;
    return candidate(m, this.name, { kind: 'relative', unit: calendar, offset: -perYear }, 3);
  },
};

/** `the beginning of the year`, `the rest of the month`: `the year` means the current one after these nouns. */
const theUnit: Extractor = {
  name: 'the-unit',
  triggers: F_UNIT,
  reach: [30, 10],
  pattern: /\b(?<head>beginning|start|end|close|middle|rest|remainder|course) of (?<the>the (?:current )?(?<unit>year|month|week|decade))\b(?!\s+(?:of|before|after|to|in|ago|earlier|later)\b|\s+\d)/g,
  build(m) {
    const g = m.groups!;
    const start = m.index + m[0].length - g.the!.length;
    const unit = g.unit === 'year' ? 'year' : g.unit === 'month' ? 'month' : g.unit === 'week' ? 'week' : 'decade';
    // the modifier refiner widens the span over `the beginning of` and sets the mod
    return { start, end: m.index + m[0].length, spec: { kind: 'relative', unit, offset: 0 }, rule: this.name, priority: 2 };
  },
};

export const relativeExtractors: readonly Extractor[] = [deictic, relativeUnit, agoExpr, samePeriod, theUnit];
