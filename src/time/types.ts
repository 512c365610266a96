import type { TimexType } from '../core/document.ts';
import type { Unit } from './values.ts';

/**
 * What an extractor understood of an expression, before anchoring. Resolution (refiners/resolve.ts)
 * turns a spec into a TIMEX3 value using the reference date, the verb's tense and earlier timexes.
 */
export type TimeSpec =
  /** A calendar date, possibly partial: `12 February 2020`, `Feb. 12` (no year), `March`, `2019`. */
  | { readonly kind: 'date'; readonly year?: number; readonly month?: number; readonly day?: number }
  /** A weekday; `shift` is -1 for `last`, 1 for `next`/`coming`, 0 for `this`, absent when bare. */
  | { readonly kind: 'weekday'; readonly weekday: number; readonly shift?: -1 | 0 | 1 }
  /** The calendar unit containing the reference date, shifted: `last month` (-1), `today` (0). */
  | { readonly kind: 'relative'; readonly unit: Unit; readonly offset: number }
  /** `two years ago` (-2), `three weeks from now` (+3): a point at the unit's granularity. */
  | { readonly kind: 'ago'; readonly unit: Unit; readonly amount: number | 'X' }
  /**
   * Relative to the narrative time: `the following day` (+1), `a week earlier` (-1). `near`: a
   * comparison (`the previous year`, `the year before`) that counts only from a date of an event in
   * the same or the previous sentence, else from the reference date.
   */
  | { readonly kind: 'anaphoric'; readonly unit: Unit; readonly amount: number; readonly near?: boolean }
  /**
   * A week or day counted inside a month or year: `the last week of March` (ordinal -1), `the first
   * day of 2019`. `of` is the month or year (a date spec without day, or a relative month/year).
   */
  | { readonly kind: 'part-of'; readonly unit: 'week' | 'day'; readonly ordinal: number; readonly of: TimeSpec }
  /**
   * A range `from 2009 to 2011`, `between April and May`: MEANTIME annotates it as one DURATION over
   * the whole phrase (P2Y) besides the two DATEs inside it.
   */
  | { readonly kind: 'range'; readonly unit: Unit; readonly amount: number }
  /** `the 1990s` (decade 199), `the 20th century` (century 19). */
  | { readonly kind: 'decade'; readonly decade: number }
  | { readonly kind: 'century'; readonly century: number }
  /** A part of a year: quarter `Q1`, half `H2`, season `SU`. `year` or a `yearOffset` from the reference. */
  | { readonly kind: 'part'; readonly part: string; readonly year?: number; readonly yearOffset?: number; readonly relative?: number }
  | { readonly kind: 'fiscal'; readonly year: number }
  | { readonly kind: 'ref'; readonly value: 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF' }
  | { readonly kind: 'duration'; readonly unit: Unit; readonly amount: number | 'X' }
  | { readonly kind: 'set'; readonly value: string }
  /**
   * A time of day: clock time (`hour`/`minute`, `zone` `Z` for UTC/GMT) or a part of day (`MO`, `NI`),
   * on a day given by `date` (a nested spec) or found in context.
   */
  | {
      readonly kind: 'time';
      readonly hour?: number;
      readonly minute?: number;
      readonly zone?: string;
      readonly part?: string;
      readonly date?: TimeSpec;
    };

/** A proposed time expression: where it is, what it means, how it was found. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly spec: TimeSpec;
  readonly mod?: string;
  /** Which extractor proposed it (debugging and tie-breaking). */
  readonly rule: string;
  /** Higher wins among candidates with the same span. */
  readonly priority?: number;
}

/**
 * A pattern-table entry: one global regular expression and a builder that turns a match into a
 * candidate (or rejects it after looking at the context, e.g. `the Sunday Times`).
 */
export interface Extractor {
  readonly name: string;
  readonly pattern: RegExp;
  /** Pre-filter families (prefilter.ts) one of which every match contains. */
  readonly triggers: number;
  /** How far a match may reach before and after its trigger word, in characters. */
  readonly reach: readonly [number, number];
  build(m: RegExpExecArray, text: string): Candidate | undefined;
}

export function typeOf(spec: TimeSpec): TimexType {
  switch (spec.kind) {
    case 'duration':
    case 'range':
      return 'DURATION';
    case 'set':
      return 'SET';
    case 'time':
      return 'TIME';
    default:
      return 'DATE';
  }
}
