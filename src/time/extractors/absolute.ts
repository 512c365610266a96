import { MONTH_ANY, MONTH_FULL, WEEKDAY_ANY, monthNumber } from '../lexicon.ts';
import type { Candidate, Extractor } from '../types.ts';
import { daysInMonth } from '../values.ts';
import { isCapitalized, wordAfter, wordBefore } from './context.ts';
import { F_DIGIT, F_MONTH } from '../prefilter.ts';

/** Calendar dates written out: `12 February 2020`, `Feb. 12`, `February 2020`, `2/12/2020`, `2020-02-12`. */

const YEAR = '(?:1[5-9]\\d\\d|20\\d\\d)';
const DAY = '(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?';

function dayOf(raw: string): number {
  return parseInt(raw, 10);
}

function validDay(year: number | undefined, month: number, day: number): boolean {
  return day >= 1 && day <= daysInMonth(year ?? 2000, month);
}

function dateCandidate(
  m: RegExpExecArray,
  rule: string,
  month: number | undefined,
  day: number | undefined,
  year: number | undefined,
): Candidate | undefined {
  if (month === undefined || month < 1 || month > 12) return undefined;
  if (day !== undefined && !validDay(year, month, day)) return undefined;
  const spec = { kind: 'date', month, ...(day !== undefined ? { day } : {}), ...(year !== undefined ? { year } : {}) } as const;
  return { start: m.index, end: m.index + m[0].length, spec, rule, priority: 3 };
}

/** `(Wednesday,) February 12(th)(, 2020)` */
const monthDayYear: Extractor = {
  name: 'month-day-year',
  triggers: F_MONTH,
  reach: [30, 20],
  pattern: new RegExp(
    `(?:\\b(?:${WEEKDAY_ANY}),?\\s+)?\\b(?<mon>${MONTH_ANY})\\s+(?<day>${DAY})(?![\\d:])(?!,\\d{3})\\b(?:(?:,\\s*|\\s+)(?<year>${YEAR})\\b(?![.,]\\d))?`,
    'g',
  ),
  build(m) {
    const g = m.groups!;
    return dateCandidate(m, this.name, monthNumber(g.mon!), dayOf(g.day!), g.year ? Number(g.year) : undefined);
  },
};

/** `(Wednesday,) (the) 12(th) (of) February(,) (2020)` */
const dayMonthYear: Extractor = {
  name: 'day-month-year',
  triggers: F_MONTH,
  reach: [40, 20],
  pattern: new RegExp(
    `(?:\\b(?:${WEEKDAY_ANY}),?\\s+)?(?:\\b[Tt]he\\s+)?(?<![\\d,.$£€]|\\d\\s)\\b(?<day>${DAY})(?:\\s+of)?\\s+(?<mon>${MONTH_ANY})(?![\\p{L}])(?:,?\\s+(?<year>${YEAR})\\b(?![.,]\\d))?`,
    'gu',
  ),
  build(m) {
    const g = m.groups!;
    return dateCandidate(m, this.name, monthNumber(g.mon!), dayOf(g.day!), g.year ? Number(g.year) : undefined);
  },
};

/** `February 2020`, `May of 2008` */
const monthYear: Extractor = {
  name: 'month-year',
  triggers: F_MONTH,
  reach: [5, 20],
  pattern: new RegExp(`\\b(?<mon>${MONTH_ANY})(?:\\s+of)?,?\\s+(?<year>${YEAR})\\b(?![.,]\\d)`, 'g'),
  build(m) {
    const g = m.groups!;
    return dateCandidate(m, this.name, monthNumber(g.mon!), undefined, Number(g.year));
  },
};

/** Cue words before a month name standing alone (kept outside the span). */
const MONTH_CUES = new Set([
  'in', 'since', 'until', 'till', 'til', 'by', 'before', 'after', 'during', 'from', 'through', 'to', 'between', 'and',
  'or', 'of', 'early', 'late', 'mid', 'mid-', 'last', 'next', 'this', 'each', 'every', 'throughout', 'into', 'around',
  'for', 'as', 'that', 'than', 'past', 'coming', 'previous', 'following',
]);

/**
 * A month name alone (`in March`). Only after a cue word: `May` the modal and `March` the verb or
 * the noun (`the March on Washington`) come without one.
 */
const monthAlone: Extractor = {
  name: 'month-alone',
  triggers: F_MONTH,
  reach: [5, 5],
  pattern: new RegExp(`\\b(?<mon>${MONTH_FULL})\\b(?!\\s+\\d)(?![’']s\\s+(?:[A-Z]))(?<!May(?=[’']s))`, 'g'),
  build(m, text) {
    const before = wordBefore(text, m.index).toLowerCase();
    const cue = MONTH_CUES.has(before) || /^mid-?$/.test(before) || text.slice(Math.max(0, m.index - 4), m.index) === 'mid-';
    // Mid-sentence, a capitalized month name other than `May` is the month (`their January sales`).
    const midSentence = /[\p{Ll}\p{N},]\s+$/u.test(text.slice(Math.max(0, m.index - 3), m.index));
    if (!cue && !(midSentence && m.groups!.mon !== 'May' && m.groups!.mon !== 'March')) return undefined;
    const after = wordAfter(text, m.index + m[0].length);
    // `in May Day protests`, `by March Madness`: a capitalized word after the name makes it a name.
    if (after && isCapitalized(after) && !/^(?:and|or|to|through|until)$/i.test(after) && /^ \p{Lu}/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2))) {
      return undefined;
    }
    if (m.groups!.mon === 'May' && /^(?:be|have|not|also|well|never|still|only|take|make|need|want|seem|become|lose|face|come|go|do|get)$/i.test(after)) {
      return undefined;
    }
    return { start: m.index, end: m.index + m[0].length, spec: { kind: 'date', month: monthNumber(m.groups!.mon!)! }, rule: this.name, priority: 1 };
  },
};

/** `2020-02-12` */
const isoDate: Extractor = {
  name: 'iso-date',
  triggers: F_DIGIT,
  reach: [12, 12],
  pattern: /\b(?<y>1[5-9]\d\d|20\d\d)-(?<m>0[1-9]|1[0-2])-(?<d>[0-3]\d)\b(?!-)/g,
  build(m) {
    const g = m.groups!;
    return dateCandidate(m, this.name, Number(g.m), Number(g.d), Number(g.y));
  },
};

/**
 * `2/12/2020`, `7/8/07` (month first, the US order of English news, unless the first number cannot
 * be a month), `12.02.2020` (day first, the European dotted order).
 */
const numericDate: Extractor = {
  name: 'numeric-date',
  triggers: F_DIGIT,
  reach: [12, 12],
  pattern: /(?<![\d/.])\b(?<a>[0-3]?\d)(?<sep>[/.])(?<b>[0-3]?\d)\k<sep>(?<y>(?:19|20)\d\d|\d\d)\b(?![/.]\d)/g,
  build(m) {
    const g = m.groups!;
    const a = Number(g.a);
    const b = Number(g.b);
    let year = Number(g.y);
    if (g.y!.length === 2) year += year < 50 ? 2000 : 1900;
    let month = a;
    let day = b;
    if (g.sep === '.' || a > 12) {
      month = b;
      day = a;
    }
    if (month > 12) return undefined;
    return dateCandidate(m, this.name, month, day, year);
  },
};

export const absoluteExtractors: readonly Extractor[] = [monthDayYear, dayMonthYear, monthYear, monthAlone, isoDate, numericDate];
