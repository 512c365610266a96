import type { Candidate, TimeSpec } from '../types.ts';

/**
 * Join a clock time and the day it falls on when a single space separates them:
 * `12:00 UTC Monday`, `16:00 UTC today` become one TIME, as TimeML annotates them.
 */

const DAY_KINDS = new Set(['weekday', 'relative', 'date', 'anaphoric']);

function isDay(spec: TimeSpec): boolean {
  if (!DAY_KINDS.has(spec.kind)) return false;
  if (spec.kind === 'relative') return spec.unit === 'day';
  if (spec.kind === 'date') return spec.day !== undefined;
  if (spec.kind === 'anaphoric') return spec.unit === 'day';
  return true;
}

function isClock(spec: TimeSpec): boolean {
  return spec.kind === 'time' && spec.date === undefined && spec.hour !== undefined;
}

export function mergeDateTime(candidates: readonly Candidate[], text: string): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const a = candidates[i]!;
    const b = candidates[i + 1];
    if (b && /^ $/.test(text.slice(a.end, b.start))) {
      if (isClock(a.spec) && isDay(b.spec) && a.spec.kind === 'time') {
        out.push({ start: a.start, end: b.end, spec: { ...a.spec, date: b.spec }, rule: `${a.rule}+${b.rule}`, priority: 3 });
        i++;
        continue;
      }
    }
    // `10:30 a.m. on Monday`, `Tuesday at 3 p.m.`: separate timexes, but the clock takes that day
    if (b && isClock(a.spec) && a.spec.kind === 'time' && isDay(b.spec) && /^\)?,?\s+on\s+$|^,\s*$/.test(text.slice(a.end, b.start))) {
      out.push({ ...a, spec: { ...a.spec, date: b.spec } });
      continue;
    }
    const prev = candidates[i - 1];
    if (prev && isClock(a.spec) && a.spec.kind === 'time' && isDay(prev.spec) && /^,?\s+at\s+$/.test(text.slice(prev.end, a.start))) {
      out.push({ ...a, spec: { ...a.spec, date: prev.spec } });
      continue;
    }
    out.push(a);
  }
  return out;
}
