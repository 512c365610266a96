import type { Timex } from '../../core/document.ts';
import { anchorWeekday, anchorYear, type TenseInfo } from '../anchor.ts';
import type { NarrativeRole } from '../narrative.ts';
import { typeOf, type Candidate, type TimeSpec } from '../types.ts';
import {
  addDays,
  daysInMonth,
  durationValue,
  formatDay,
  formatMonth,
  pad,
  isoWeekday,
  parseYmd,
  unitValue,
  type Unit,
  type Ymd,
} from '../values.ts';

/**
 * Turn candidates into TIMEX3 values, in text order. Deictic expressions anchor to the reference
 * date; weekdays and months without a year also use the governing verb's tense; narrative ones
 * (`the following day`, `two days later`, `the year before`) anchor to the narrative time: the
 * last timex that dates an event (see narrative.ts), not a date naming a thing (`the November 27
 * agreement`).
 */

export interface ResolveContext {
  readonly ref: Ymd | undefined;
  /** Tense governing a span, computed lazily: most timexes never need it. */
  readonly tenseOf: (start: number, end: number) => TenseInfo;
  readonly source: string;
  /** Narrative role of an earlier timex; without it every timex counts as dating an event. */
  readonly roleOf?: (start: number, end: number) => NarrativeRole;
  /** Sentence index of an offset; without it the whole text is one sentence. */
  readonly sentenceOf?: (pos: number) => number;
}

interface Resolved {
  readonly value: string;
  readonly anchor?: string;
  readonly confidence: number;
}

/** An earlier DATE/TIME timex the narrative may count from; `month`/`day` absent when its value is coarser. */
interface Entry {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
  readonly sentence: number;
  role?: NarrativeRole;
}

interface State {
  lastDay?: { readonly ymd: Ymd; readonly id: string };
  readonly history: Entry[];
}

/** How far back (in sentences) a comparison looks: `the previous year` after `in 2008` in the sentence before. */
const COARSE_WINDOW = 1;

/**
 * The timex a narrative anaphor counts from. In its own sentence, the latest one dating an event,
 * else the latest of any kind (`The March 3 vote was followed the next day by protests`); before
 * it, the latest one dating an event, else the latest of any kind. Comparisons (`the previous
 * year`) count only from dates of events at most one sentence back: business news compares with
 * the period before the current one, so beyond that the reference date is the safer anchor.
 */
function narrativeBase(state: State, c: Candidate, ctx: ResolveContext, unit: Unit): Entry | undefined {
  const need = unit === 'month' || unit === 'quarter' || unit === 'half' ? 1 : unit === 'year' || unit === 'decade' || unit === 'century' ? 0 : 2;
  const near = c.spec.kind === 'anaphoric' && c.spec.near === true;
  const sentence = ctx.sentenceOf ? ctx.sentenceOf(c.start) : 0;
  const roleOf = (e: Entry): NarrativeRole => (e.role ??= ctx.roleOf ? ctx.roleOf(e.start, e.end) : 'event');
  let sameAny: Entry | undefined;
  let earlierAny: Entry | undefined;
  for (let i = state.history.length - 1; i >= 0; i--) {
    const e = state.history[i]!;
    if (need === 2 ? e.day === undefined : need === 1 ? e.month === undefined : false) continue;
    if (near && sentence - e.sentence > COARSE_WINDOW) break;
    const role = roleOf(e);
    // a comparison counts only from a date that moves the narrative, else from the reference
    if (near && role !== 'event') continue;
    if (e.sentence === sentence) {
      if (role === 'event') return e;
      sameAny ??= e;
      continue;
    }
    if (sameAny) return sameAny;
    if (role === 'event') return e;
    earlierAny ??= e;
  }
  return sameAny ?? earlierAny;
}

const DATE_PREFIX = /^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?![\dW])/;

function entryOf(t: Timex, ctx: ResolveContext): Entry | undefined {
  const m = DATE_PREFIX.exec(t.value);
  if (!m) return undefined;
  const sentence = ctx.sentenceOf ? ctx.sentenceOf(t.start) : 0;
  return {
    id: t.id,
    start: t.start,
    end: t.end,
    year: Number(m[1]),
    ...(m[2] ? { month: Number(m[2]) } : {}),
    ...(m[3] ? { day: Number(m[3]) } : {}),
    sentence,
  };
}

/** The `ordinal`-th (from 1, or -1 for the last) ISO week of a month or year: weeks belong where their Thursday is. */
function weekOf(year: number, month: number | undefined, ordinal: number): string {
  const first: Ymd = { year, month: month ?? 1, day: 1 };
  const last: Ymd = month ? { year, month, day: daysInMonth(year, month) } : { year, month: 12, day: 31 };
  if (ordinal > 0) {
    const thursday = addDays(first, (4 - isoWeekday(first) + 7) % 7 + (ordinal - 1) * 7);
    return unitValue(thursday, 'week', 0);
  }
  const thursday = addDays(last, -((isoWeekday(last) - 4 + 7) % 7));
  return unitValue(thursday, 'week', 0);
}

/** A representative month for parts of a year, to place them before or after the reference date. */
const PART_MONTH: Readonly<Record<string, number>> = {
  Q1: 2, Q2: 5, Q3: 8, Q4: 11, H1: 3, H2: 9, SP: 4, SU: 7, FA: 10, WI: 12,
};

const TENSE_CONFIDENCE: Readonly<Record<string, number>> = { deps: 0.85, xpos: 0.8, surface: 0.75, none: 0.6 };

function tenseAnchor(t: TenseInfo): string {
  return t.tense === 'unknown' ? 'referenceDate' : `tense:${t.tense}`;
}

function resolveDay(spec: TimeSpec, c: Candidate, ctx: ResolveContext, state: State): { ymd?: Ymd; r: Resolved } {
  const ref = ctx.ref;
  switch (spec.kind) {
    case 'date': {
      if (spec.month === undefined) {
        return { r: { value: spec.year !== undefined ? pad(spec.year, 4) : 'XXXX', confidence: 0.9 } };
      }
      if (spec.year !== undefined) {
        if (spec.day === undefined) return { r: { value: formatMonth(spec.year, spec.month), confidence: 0.95 } };
        const ymd = { year: spec.year, month: spec.month, day: spec.day };
        return { ymd, r: { value: formatDay(ymd), confidence: 0.95 } };
      }
      if (!ref) {
        const v = `XXXX-${pad(spec.month)}${spec.day !== undefined ? `-${pad(spec.day)}` : ''}`;
        return { r: { value: v, confidence: 0.7 } };
      }
      const t = ctx.tenseOf(c.start, c.end);
      const year = anchorYear(ref, spec.month, spec.day, t.tense);
      const confidence = TENSE_CONFIDENCE[t.basis]! + 0.05;
      if (spec.day === undefined) return { r: { value: formatMonth(year, spec.month), anchor: tenseAnchor(t), confidence } };
      const ymd = { year, month: spec.month, day: spec.day };
      return { ymd, r: { value: formatDay(ymd), anchor: tenseAnchor(t), confidence } };
    }
    case 'weekday': {
      if (!ref) return { r: { value: `XXXX-WXX-${spec.weekday}`, confidence: 0.6 } };
      if (spec.shift !== undefined) {
        const ymd = anchorWeekday(ref, spec.weekday, spec.shift, 'unknown');
        return { ymd, r: { value: formatDay(ymd), anchor: 'referenceDate', confidence: 0.85 } };
      }
      const t = ctx.tenseOf(c.start, c.end);
      const ymd = anchorWeekday(ref, spec.weekday, undefined, t.tense);
      return { ymd, r: { value: formatDay(ymd), anchor: tenseAnchor(t), confidence: TENSE_CONFIDENCE[t.basis]! } };
    }
    case 'relative': {
      if (!ref) return { r: { value: spec.offset < 0 ? 'PAST_REF' : spec.offset > 0 ? 'FUTURE_REF' : 'PRESENT_REF', confidence: 0.5 } };
      const value = unitValue(ref, spec.unit, spec.offset);
      const ymd = spec.unit === 'day' ? addDays(ref, spec.offset) : undefined;
      return { ...(ymd ? { ymd } : {}), r: { value, anchor: 'referenceDate', confidence: 0.9 } };
    }
    case 'ago': {
      if (spec.amount === 'X' || !ref) return { r: { value: spec.amount === 'X' || spec.amount < 0 ? 'PAST_REF' : 'FUTURE_REF', confidence: 0.6 } };
      if (spec.unit === 'hour' || spec.unit === 'minute' || spec.unit === 'second') {
        return { ymd: ref, r: { value: formatDay(ref), anchor: 'referenceDate', confidence: 0.7 } };
      }
      const amount = Math.trunc(spec.amount);
      const value = unitValue(ref, spec.unit, amount);
      const ymd = spec.unit === 'day' ? addDays(ref, amount) : undefined;
      return { ...(ymd ? { ymd } : {}), r: { value, anchor: 'referenceDate', confidence: 0.85 } };
    }
    case 'anaphoric': {
      const entry = narrativeBase(state, c, ctx, spec.unit);
      const base: Ymd | undefined = entry ? { year: entry.year, month: entry.month ?? 7, day: entry.day ?? 1 } : ref;
      const anchor = entry?.id ?? (ref ? 'referenceDate' : undefined);
      if (!base) return { r: { value: spec.amount < 0 ? 'PAST_REF' : 'FUTURE_REF', confidence: 0.4 } };
      const amount = Math.trunc(spec.amount);
      if (spec.unit === 'day') {
        const ymd = addDays(base, amount);
        return { ymd, r: { value: formatDay(ymd), ...(anchor ? { anchor } : {}), confidence: 0.7 } };
      }
      return { r: { value: unitValue(base, spec.unit, amount), ...(anchor ? { anchor } : {}), confidence: 0.65 } };
    }
    case 'part-of': {
      const of = resolveDay(spec.of, c, ctx, state).r;
      const m = /^(\d{4})(?:-(\d\d))?$/.exec(of.value);
      if (!m) return { r: { value: spec.unit === 'week' ? 'XXXX-WXX' : 'XXXX-XX-XX', confidence: 0.5 } };
      const year = Number(m[1]);
      const month = m[2] ? Number(m[2]) : undefined;
      const anchored = { ...(of.anchor ? { anchor: of.anchor } : {}), confidence: Math.min(0.85, of.confidence) };
      if (spec.unit === 'week') return { r: { value: weekOf(year, month, spec.ordinal), ...anchored } };
      const lastDay = month ? daysInMonth(year, month) : 31;
      const day = spec.ordinal < 0 ? lastDay : spec.ordinal;
      if (day > lastDay) return { r: { value: month ? formatMonth(year, month) : pad(year, 4), ...anchored } };
      const ymd = { year, month: month ?? (spec.ordinal < 0 ? 12 : 1), day };
      return { ymd, r: { value: formatDay(ymd), ...anchored } };
    }
    case 'range':
      return { r: { value: durationValue(spec.amount, spec.unit), confidence: 0.8 } };
    case 'decade':
      return { r: { value: String(spec.decade), confidence: 0.9 } };
    case 'century':
      return { r: { value: pad(spec.century, 2), confidence: 0.9 } };
    case 'part': {
      const month = PART_MONTH[spec.part] ?? 6;
      if (spec.year !== undefined) return { r: { value: `${pad(spec.year, 4)}-${spec.part}`, confidence: 0.9 } };
      if (!ref) return { r: { value: `XXXX-${spec.part}`, confidence: 0.6 } };
      if (spec.yearOffset !== undefined) {
        return { r: { value: `${pad(ref.year + spec.yearOffset, 4)}-${spec.part}`, anchor: 'referenceDate', confidence: 0.85 } };
      }
      if (spec.relative !== undefined) {
        let year = ref.year;
        if (spec.relative < 0) year = month < ref.month ? ref.year : ref.year - 1;
        else if (spec.relative > 0) year = month > ref.month ? ref.year : ref.year + 1;
        return { r: { value: `${pad(year, 4)}-${spec.part}`, anchor: 'referenceDate', confidence: 0.8 } };
      }
      const t = ctx.tenseOf(c.start, c.end);
      const year = spec.part.startsWith('Q') || spec.part.startsWith('H') ? quarterYear(ref, month, t.tense) : anchorYear(ref, month, undefined, t.tense);
      return { r: { value: `${pad(year, 4)}-${spec.part}`, anchor: tenseAnchor(t), confidence: TENSE_CONFIDENCE[t.basis]! } };
    }
    case 'fiscal':
      return { r: { value: `FY${pad(spec.year, 4)}`, confidence: 0.9 } };
    case 'ref':
      return { r: { value: spec.value, confidence: 0.7 } };
    case 'duration':
      return { r: { value: durationValue(spec.amount, spec.unit), confidence: spec.amount === 'X' ? 0.6 : 0.85 } };
    case 'set':
      return { r: { value: spec.value, confidence: 0.75 } };
    case 'time': {
      let dayValue: string;
      let anchor: string | undefined;
      let confidence = 0.85;
      if (spec.date) {
        const d = resolveDay(spec.date, c, ctx, state);
        dayValue = d.r.value;
        anchor = d.r.anchor;
        confidence = Math.min(confidence, d.r.confidence);
      } else if (state.lastDay) {
        dayValue = formatDay(state.lastDay.ymd);
        anchor = state.lastDay.id;
      } else if (ref) {
        dayValue = formatDay(ref);
        anchor = 'referenceDate';
      } else {
        dayValue = 'XXXX-XX-XX';
      }
      const clock = spec.hour !== undefined ? `${pad(spec.hour)}:${pad(spec.minute ?? 0)}${spec.zone ?? ''}` : spec.part ?? '';
      const ymd = parseYmd(dayValue);
      return { ...(ymd ? { ymd } : {}), r: { value: `${dayValue}T${clock}`, ...(anchor ? { anchor } : {}), confidence } };
    }
  }
}

/** Quarters and halves: business news reports the last complete one in the past tense. */
function quarterYear(ref: Ymd, month: number, tense: TenseInfo['tense']): number {
  if (tense === 'past' && month > ref.month) return ref.year - 1;
  if (tense === 'future' && month < ref.month) return ref.year + 1;
  return ref.year;
}

/** Resolve candidates (in text order) to timexes with ids `t1`, `t2`, … */
export function resolveCandidates(candidates: readonly Candidate[], ctx: ResolveContext): Timex[] {
  const state: State = { history: [] };
  const out: Timex[] = [];
  for (const c of candidates) {
    const id = `t${out.length + 1}`;
    const { ymd, r } = resolveDay(c.spec, c, ctx, state);
    const timex: Timex = {
      id,
      start: c.start,
      end: c.end,
      type: typeOf(c.spec),
      value: r.value,
      ...(r.anchor ? { anchor: r.anchor } : {}),
      ...(c.mod ? { mod: c.mod } : {}),
      source: ctx.source,
      confidence: Math.round(r.confidence * 100) / 100,
    };
    out.push(timex);
    if (ymd && c.spec.kind !== 'time') state.lastDay = { ymd, id };
    if ((timex.type === 'DATE' || timex.type === 'TIME') && c.spec.kind !== 'ref') {
      const entry = entryOf(timex, ctx);
      if (entry) state.history.push(entry);
    }
  }
  return out;
}
