import type { Timex } from '../../core/document.ts';
import { anchorWeekday, anchorYear, type TenseInfo } from '../anchor.ts';
import { typeOf, type Candidate, type TimeSpec } from '../types.ts';
import {
  addDays,
  durationValue,
  formatDay,
  formatMonth,
  pad,
  parseYmd,
  unitValue,
  type Ymd,
} from '../values.ts';

/**
 * Turn candidates into TIMEX3 values, in text order. Deictic expressions anchor to the reference
 * date; weekdays and months without a year also use the governing verb's tense; narrative ones
 * (`the following day`, `two days later`) anchor to the previous day-level timex.
 */

export interface ResolveContext {
  readonly ref: Ymd | undefined;
  /** Tense governing a span, computed lazily: most timexes never need it. */
  readonly tenseOf: (start: number, end: number) => TenseInfo;
  readonly source: string;
}

interface Resolved {
  readonly value: string;
  readonly anchor?: string;
  readonly confidence: number;
}

interface State {
  lastDay?: { readonly ymd: Ymd; readonly id: string };
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
      const base = state.lastDay?.ymd ?? ref;
      const anchor = state.lastDay?.id ?? (ref ? 'referenceDate' : undefined);
      if (!base) return { r: { value: spec.amount < 0 ? 'PAST_REF' : 'FUTURE_REF', confidence: 0.4 } };
      const amount = Math.trunc(spec.amount);
      if (spec.unit === 'day') {
        const ymd = addDays(base, amount);
        return { ymd, r: { value: formatDay(ymd), ...(anchor ? { anchor } : {}), confidence: 0.7 } };
      }
      return { r: { value: unitValue(base, spec.unit, amount), ...(anchor ? { anchor } : {}), confidence: 0.65 } };
    }
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
  const state: State = {};
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
  }
  return out;
}
