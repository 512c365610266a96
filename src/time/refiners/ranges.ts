import type { Candidate, TimeSpec } from '../types.ts';
import { toDayNumber, type Unit } from '../values.ts';

/**
 * `from 2009 to 2011`, `between April and May`: MEANTIME (following the NewsReader TIMEX3
 * guidelines) annotates the whole phrase, the preposition included, as one DURATION (`P2Y`) and
 * keeps the two DATEs inside it. TimeML proper would add a non-consuming DURATION with begin and
 * end points; the timex layer has no such fields, so the range is a DURATION over the phrase and
 * the DATEs nest inside it.
 */

const FROM_TO = /^\s+(?:to|until|till|through|thru)\s+$|^\s*[–-]\s*$/;
const BETWEEN_AND = /^\s+and\s+$/;
const OPENER = /\b(?<w>[Ff]rom|[Bb]etween)\s+$/;

function isEndpoint(c: Candidate): boolean {
  const s = c.spec;
  return s.kind === 'date' && c.mod === undefined && (s.year !== undefined || s.month !== undefined);
}

/**
 * The length of a range between two dates of the same granularity, in that unit: years for years,
 * months for months (`from March to June`, a year apart at most when a year is missing), days for
 * days (`from 3 March to 5 April 2019`: the missing year is the other end's). Undefined when the
 * ends do not make a forward range.
 */
export function rangeLength(a: TimeSpec, b: TimeSpec): { unit: Unit; amount: number } | undefined {
  if (a.kind !== 'date' || b.kind !== 'date') return undefined;
  const grain = (s: typeof a): number => (s.day !== undefined ? 2 : s.month !== undefined ? 1 : 0);
  if (grain(a) !== grain(b)) return undefined;
  let amount: number;
  let unit: Unit;
  if (grain(a) === 0) {
    if (a.year === undefined || b.year === undefined) return undefined;
    unit = 'year';
    amount = b.year - a.year;
  } else {
    const ya = a.year ?? b.year;
    const yb = b.year ?? a.year;
    if (grain(a) === 1) {
      unit = 'month';
      amount = ya !== undefined && yb !== undefined ? (yb - ya) * 12 + b.month! - a.month! : (b.month! - a.month! + 12) % 12;
    } else {
      unit = 'day';
      const y0 = ya ?? 2001;
      let y1 = yb ?? 2001;
      if (b.year === undefined && a.year === undefined && (b.month! < a.month! || (b.month === a.month && b.day! < a.day!))) y1++;
      amount = toDayNumber({ year: y1, month: b.month!, day: b.day! }) - toDayNumber({ year: y0, month: a.month!, day: a.day! });
    }
  }
  return amount > 0 ? { unit, amount } : undefined;
}

/** Candidates in text order, with a range candidate added before each pair of dates it joins. */
export function addRanges(candidates: readonly Candidate[], text: string): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const a = candidates[i]!;
    const b = candidates[i + 1];
    const length = b && isEndpoint(a) && isEndpoint(b) ? rangeLength(a.spec, b.spec) : undefined;
    if (b && length) {
      const opener = OPENER.exec(text.slice(Math.max(0, a.start - 10), a.start));
      const between = text.slice(a.end, b.start);
      const w = opener?.groups!.w!.toLowerCase();
      if (opener && ((w === 'from' && FROM_TO.test(between)) || (w === 'between' && BETWEEN_AND.test(between)))) {
        out.push({ start: a.start - opener[0].length, end: b.end, spec: { kind: 'range', ...length }, rule: 'range', priority: 3 });
      }
    }
    out.push(a);
  }
  return out;
}
