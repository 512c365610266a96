/**
 * Small pure helpers both store adapters use on the values their drivers hand back. Nothing here
 * knows a driver or a SQL dialect.
 */
import type { Sentence } from '../core/document.ts';

/** A result row as a driver returns it: column name → value. */
export type Row = Record<string, unknown>;

export function s(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Numbers and bigints only; an adapter whose driver returns numbers as text widens this itself. */
export function n(v: unknown): number {
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : 0;
}

/** Drops the keys whose value is undefined or null, so optional fields are absent rather than empty. */
export function opt<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined || o[k] === null) delete o[k];
  return o;
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Sentences without the internal token indexes, which are not part of the stored contract. */
export function storedSentence(sn: Sentence): Sentence {
  const { tokenStart: _a, tokenEnd: _b, paragraph: _c, ...rest } = sn;
  return rest;
}

/**
 * Half-open [v, v + U+FFFF): every string that starts with v, as an index-friendly range (in
 * PostgreSQL the "C"-collated indexes serve it).
 */
export function prefixRange(v: string): [string, string] {
  return [v, `${v}\uffff`];
}

/** Escapes LIKE wildcards for a pattern used with `ESCAPE '\'`. */
export function escapeLike(v: string): string {
  return v.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function shiftDay(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A count that stops at cap + 1 (cap 0: no cap): the total to report, and whether the count was cut there. */
export function cappedCount(counted: number, cap: number): { total: number; capped: boolean } {
  const capped = cap > 0 && counted > cap;
  return { total: capped ? cap : counted, capped };
}

/** Where a paged stream stands: rows still to skip (the offset), rows still to give (the limit). */
export interface StreamWindow {
  skip: number;
  left: number;
}

/** One page of a stream cut to the window, which is moved on past it. */
export function takeFromPage<T>(page: T[], w: StreamWindow): T[] {
  let out = page;
  if (w.skip > 0) {
    const cut = Math.min(w.skip, out.length);
    out = out.slice(cut);
    w.skip -= cut;
  }
  if (out.length > w.left) out = out.slice(0, w.left);
  w.left -= out.length;
  return out;
}
