import { MONTH_FULL, monthNumber, ordinalNumber } from '../lexicon.ts';
import { F_UNIT } from '../prefilter.ts';
import type { Candidate, Extractor, TimeSpec } from '../types.ts';
import type { Unit } from '../values.ts';

/**
 * Narrative dates that count from an earlier one (`the year before`, `the day after`, `that day`)
 * and weeks or days counted inside a month or year (`the last week of March`).
 */

function candidate(m: RegExpExecArray, rule: string, spec: TimeSpec, priority = 2): Candidate {
  return { start: m.index, end: m.index + m[0].length, spec, rule, priority };
}

const CAL: Readonly<Record<string, Unit>> = { day: 'day', week: 'week', month: 'month', year: 'year' };

/** After `the day before` / `the year after` only the end of a clause may follow: `the day before the vote` counts from the vote. */
const CLAUSE_END = /^\s*(?:[.,;:)!?"”]|$|and\b|but\b|when\b|as\b|while\b)/;

/** `the year before`, `the day after`, `the year previous`, `the week earlier`; `the year before last` (two back). */
const unitBefore: Extractor = {
  name: 'unit-before',
  triggers: F_UNIT,
  reach: [10, 25],
  pattern: /\b[Tt]he (?<unit>day|week|month|year) (?<dir>before|after|previous|prior|earlier|later)(?<last> last)?\b/g,
  build(m, text) {
    const g = m.groups!;
    const unit = CAL[g.unit!]!;
    const end = m.index + m[0].length;
    if (g.last) {
      if (g.dir !== 'before' || unit === 'day') return undefined;
      return candidate(m, this.name, { kind: 'relative', unit, offset: -2 }, 3);
    }
    if (!CLAUSE_END.test(text.slice(end, end + 8))) return undefined;
    const amount = g.dir === 'after' || g.dir === 'later' ? 1 : -1;
    return candidate(m, this.name, { kind: 'anaphoric', unit, amount, ...(unit === 'month' || unit === 'year' ? { near: true } : {}) }, 3);
  },
};

/** `that day`, `that year`: the time the narrative is at. Not `that day traders`, `that year-end`. */
const thatUnit: Extractor = {
  name: 'that-unit',
  triggers: F_UNIT,
  reach: [6, 8],
  pattern: /\b[Tt]hat (?<unit>day|week|month|year)\b(?![-’'])(?!\s+(?:traders?|trading|trips?|care|jobs?|shifts?|light|school|pass|passes|rate|rates|round|old)\b)/g,
  build(m) {
    return candidate(m, this.name, { kind: 'anaphoric', unit: CAL[m.groups!.unit!]!, amount: 0 }, 2);
  },
};

const ORDINAL = 'first|second|third|fourth|fifth|last|final';

/** `the last week of March`, `the first week of 2019`, `the last day of the month`, `the first day of next month`. */
const partOf: Extractor = {
  name: 'part-of',
  triggers: F_UNIT,
  reach: [20, 40],
  pattern: new RegExp(
    `\\b[Tt]he (?<ord>${ORDINAL}) (?<unit>week|day) of (?:(?<month>${MONTH_FULL})(?:,? (?<my>1[5-9]\\d\\d|20\\d\\d))?|(?<y>1[5-9]\\d\\d|20\\d\\d)|(?<rel>this|last|next|the) (?<ru>month|year))\\b`,
    'g',
  ),
  build(m) {
    const g = m.groups!;
    const ord = g.ord!.toLowerCase();
    const ordinal = ord === 'last' || ord === 'final' ? -1 : ordinalNumber(ord)!;
    const unit = g.unit === 'week' ? 'week' : 'day';
    let of: TimeSpec;
    if (g.month) of = { kind: 'date', month: monthNumber(g.month)!, ...(g.my ? { year: Number(g.my) } : {}) };
    else if (g.y) of = { kind: 'date', year: Number(g.y) };
    else {
      const offset = g.rel === 'last' ? -1 : g.rel === 'next' ? 1 : 0;
      of = { kind: 'relative', unit: g.ru === 'month' ? 'month' : 'year', offset };
    }
    if (unit === 'week' && ordinal > 5) return undefined;
    return candidate(m, this.name, { kind: 'part-of', unit, ordinal, of }, 3);
  },
};

export const anaphoraExtractors: readonly Extractor[] = [unitBefore, thatUnit, partOf];
