import { AMOUNT, UNIT, parseAmount, unitOf } from '../lexicon.ts';
import type { Candidate, Extractor, TimeSpec } from '../types.ts';
import { wordBefore } from './context.ts';
import { F_UNIT } from '../prefilter.ts';
import { durationValue } from '../values.ts';

/** Durations: `three weeks` (in `for three weeks`), `a month` (in `within a month`), `the past three years`, `12-hour`. */

function candidate(m: RegExpExecArray, rule: string, spec: TimeSpec, priority: number, start = m.index): Candidate {
  return { start, end: m.index + m[0].length, spec, rule, priority };
}

const amountUnit: Extractor = {
  name: 'duration',
  triggers: F_UNIT,
  reach: [50, 15],
  pattern: new RegExp(
    `(?<![\\p{L}\\p{N}$£€.,])(?:(?<the>the\\s+)(?<rel>past|last|next|previous|coming|following|first|final|latest|same|preceding)\\s+)?(?<amt>${AMOUNT})[\\s-]+(?<unit>${UNIT})(?<long>-long|-old)?(?![\\p{L}\\p{N}])(?<of>\\s+of\\b)?`,
    'giu',
  ),
  build(m, text) {
    const g = m.groups!;
    const rawUnit = g.unit!.toLowerCase();
    const unit = unitOf(rawUnit)!;
    const amountRaw = g.amt!.toLowerCase();
    const amount = parseAmount(amountRaw);
    if (amount === 0) return undefined;
    const prev = wordBefore(text, m.index).toLowerCase();
    // `a quarter of its dealers`, `a second time`, `one day he will`: fractions and idioms, not durations.
    if (unit === 'quarter' && (g.of || !g.the)) return undefined;
    if (unit === 'second' && (amountRaw === 'a' || amountRaw === 'an')) return undefined;
    if (amountRaw === 'one' && rawUnit === 'day' && !g.the && !/^(?:for|in|within|about|over|than|only|just|of|after|least)$/.test(prev)) {
      return undefined;
    }
    // `twice a year` is a frequency.
    if ((amountRaw === 'a' || amountRaw === 'an') && /^(?:once|twice|thrice|times|per)$/.test(prev)) {
      return { start: m.index, end: m.index + m[0].length - (g.of?.length ?? 0), spec: { kind: 'set', value: durationValue(1, unit) }, rule: 'frequency', priority: 2 };
    }
    const end = m.index + m[0].length - (g.of?.length ?? 0);
    return { start: m.index, end, spec: { kind: 'duration', unit, amount }, rule: this.name, priority: 1 };
  },
};

/** `for years`, `recent years`, `over the years`, `decades`: durations of unknown length. */
const vagueDuration: Extractor = {
  name: 'vague-duration',
  triggers: F_UNIT,
  reach: [25, 10],
  pattern: /\b(?<pre>(?:recent|past|coming|next|many|few|several|the past|the last|the coming|the next|in recent|over the)\s+)?(?<unit>days|weeks|months|years|decades)(?<long>-long)?\b/gi,
  build(m, text) {
    const g = m.groups!;
    const prev = wordBefore(text, m.index).toLowerCase();
    if (!g.pre && !g.long && !/^(?:for|over|in|within)$/.test(prev)) return undefined;
    if (!g.pre && /^\s+(?:of|ago|earlier|later|before|after|old)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8))) return undefined;
    const unit = unitOf(g.unit!)!;
    let start = m.index;
    const pre = g.pre?.toLowerCase().trim();
    if (pre === 'in recent') start += 3;
    return candidate(m, this.name, { kind: 'duration', unit, amount: 'X' }, 0, start);
  },
};

export const durationExtractors: readonly Extractor[] = [amountUnit, vagueDuration];
