import { WEEKDAY_FULL, weekdayNumber } from '../lexicon.ts';
import type { Candidate, Extractor, TimeSpec } from '../types.ts';
import { wordBefore } from './context.ts';
import { F_FREQ } from '../prefilter.ts';

/** Recurrences: `every year`, `each Monday`, `weekly`, `annually`, `twice a week` (see duration.ts). */

function candidate(m: RegExpExecArray, rule: string, spec: TimeSpec, priority = 2): Candidate {
  return { start: m.index, end: m.index + m[0].length, spec, rule, priority };
}

const UNIT_SET: Readonly<Record<string, string>> = {
  day: 'P1D', week: 'P1W', month: 'P1M', year: 'P1Y', quarter: 'P3M', decade: 'P10Y', hour: 'PT1H', minute: 'PT1M',
  weekend: 'XXXX-WXX-WE', morning: 'TMO', afternoon: 'TAF', evening: 'TEV', night: 'TNI',
  spring: 'XXXX-SP', summer: 'XXXX-SU', autumn: 'XXXX-FA', fall: 'XXXX-FA', winter: 'XXXX-WI',
};

const MULT: Readonly<Record<string, number>> = { other: 2, two: 2, three: 3, four: 4, five: 5, six: 6, ten: 10 };

const every: Extractor = {
  name: 'every',
  triggers: F_FREQ,
  reach: [5, 30],
  pattern: new RegExp(
    `\\b(?:[Ee]very|[Ee]ach)\\s+(?:(?<n>other|two|three|four|five|six|ten|\\d+)\\s+)?(?:(?<wd>${WEEKDAY_FULL})|(?<unit>day|week|month|year|quarter|decade|hour|minute|weekend|morning|afternoon|evening|night|spring|summer|autumn|fall|winter)s?)\\b`,
    'g',
  ),
  build(m) {
    const g = m.groups!;
    if (g.wd) return candidate(m, this.name, { kind: 'set', value: `XXXX-WXX-${weekdayNumber(g.wd)}` });
    const unit = g.unit!.toLowerCase();
    let value = UNIT_SET[unit]!;
    const n = g.n ? MULT[g.n.toLowerCase()] ?? Number(g.n) : 1;
    if (n > 1 && /^P/.test(value)) value = value.replace(/\d+/, (d) => String(Number(d) * n));
    return candidate(m, this.name, { kind: 'set', value });
  },
};

const ADVERBS: Readonly<Record<string, string>> = {
  daily: 'P1D', weekly: 'P1W', monthly: 'P1M', yearly: 'P1Y', annually: 'P1Y', annual: 'P1Y', quarterly: 'P3M',
  hourly: 'PT1H', nightly: 'TNI', biannual: 'P6M', biannually: 'P6M', biennial: 'P2Y', fortnightly: 'P2W',
  'twice-yearly': 'P6M', 'twice-weekly': 'P1W',
};

/** `weekly`, `annual` (the SETs); `the Daily Telegraph` is a name. */
const adverb: Extractor = {
  name: 'frequency-word',
  triggers: F_FREQ,
  reach: [5, 5],
  pattern: /\b(?<w>daily|weekly|monthly|yearly|annually|annual|quarterly|hourly|nightly|biannual|biannually|biennial|fortnightly|twice-yearly|twice-weekly)\b(?![\p{L}-])/giu,
  build(m, text) {
    const w = m.groups!.w!;
    if (/^\p{Lu}/u.test(w) && /^\s+\p{Lu}/u.test(text.slice(m.index + w.length, m.index + w.length + 3))) return undefined;
    if (/^(?:the|a)$/i.test(wordBefore(text, m.index)) && /^\s+(?:of|in|on)\b/.test(text.slice(m.index + w.length, m.index + w.length + 5))) return undefined;
    return candidate(m, this.name, { kind: 'set', value: ADVERBS[w.toLowerCase()]! }, 1);
  },
};

export const setExtractors: readonly Extractor[] = [every, adverb];
