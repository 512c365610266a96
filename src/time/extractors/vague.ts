import { HOLIDAYS } from '../lexicon.ts';
import type { Extractor } from '../types.ts';
import { wordBefore } from './context.ts';
import { F_HOLIDAY, F_VAGUE } from '../prefilter.ts';

/** Vague references (`now`, `recently`, `the future`) and fixed-date holidays (`Christmas`). */

const REFS: Readonly<Record<string, 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF'>> = {
  now: 'PRESENT_REF', 'right now': 'PRESENT_REF', currently: 'PRESENT_REF', nowadays: 'PRESENT_REF',
  'at present': 'PRESENT_REF', presently: 'PRESENT_REF', 'at the moment': 'PRESENT_REF', 'these days': 'PRESENT_REF',
  'the present': 'PRESENT_REF', 'the present day': 'PRESENT_REF',
  recently: 'PAST_REF', lately: 'PAST_REF', 'the past': 'PAST_REF',
  soon: 'FUTURE_REF', 'the future': 'FUTURE_REF', 'the near future': 'FUTURE_REF', shortly: 'FUTURE_REF',
  'the long term': 'FUTURE_REF', 'the short term': 'FUTURE_REF', 'the medium term': 'FUTURE_REF',
  'the long run': 'FUTURE_REF', 'the coming years': 'FUTURE_REF', 'the years to come': 'FUTURE_REF', 'very soon': 'FUTURE_REF',
};

const ref: Extractor = {
  name: 'vague-ref',
  triggers: F_VAGUE,
  reach: [25, 25],
  pattern: /\b(?<w>[Rr]ight now|[Nn]ow|[Cc]urrently|[Nn]owadays|[Aa]t present|[Pp]resently|[Aa]t the moment|[Tt]hese days|the present(?: day)?|[Rr]ecently|[Ll]ately|the past|[Vv]ery soon|[Ss]oon|the (?:near )?future|[Ss]hortly|the (?:long|short|medium) (?:term|run))\b(?![-\p{L}])/gu,
  build(m, text) {
    const raw = m.groups!.w!;
    const w = raw.toLowerCase();
    const end = m.index + m[0].length;
    const after = text.slice(end, end + 16);
    const before = wordBefore(text, m.index).toLowerCase();
    // `now that`, `now-defunct`, `soon after`: conjunctions and premodifiers, not references.
    if (w === 'now' && /^\s*(?:that|-)/.test(after)) return undefined;
    if (w === 'now' && /^(?:by|until|till|from|for|than)$/.test(before)) return undefined;
    if ((w === 'soon' || w === 'shortly') && /^\s+(?:after|before|afterwards|thereafter)\b/.test(after)) return undefined;
    if (w === 'soon' && /^(?:as|too|how|so)$/.test(before)) return undefined;
    if (w === 'the past' && /^\s+(?:\d|\w+\s+(?:days|weeks|months|years|decades)|few|several|year|month|week|decade|day)\b/i.test(after)) return undefined;
    if (w === 'the future' && /^\s+of\b/.test(after)) return undefined;
    if (w === 'the present' && !/^(?:in|at|until|to)$/.test(before)) return undefined;
    return { start: m.index, end, spec: { kind: 'ref', value: REFS[w]! }, rule: this.name, priority: 0 };
  },
};

const holiday: Extractor = {
  name: 'holiday',
  triggers: F_HOLIDAY,
  reach: [20, 20],
  pattern: /\b(?<h>Christmas(?: Day| Eve)?|New Year['’]s (?:Day|Eve)|Valentine['’]s Day|Halloween|Boxing Day)\b(?:,?\s+(?<y>(?:19|20)\d\d)\b)?/g,
  build(m, text) {
    const g = m.groups!;
    const key = g.h!.toLowerCase();
    const md = HOLIDAYS[key];
    if (!md) return undefined;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 14);
    if (key === 'christmas' && /^\s+(?:tree|card|market|shopping|present|gift|song|carol|party|dinner|sales?|period|season|holidays?|break|lights|message|Island)/i.test(after)) return undefined;
    if (wordBefore(text, m.index).toLowerCase() === 'a') return undefined;
    return {
      start: m.index,
      end: m.index + m[0].length,
      spec: { kind: 'date', month: md[0], day: md[1], ...(g.y ? { year: Number(g.y) } : {}) },
      rule: this.name,
      priority: 2,
    };
  },
};

export const vagueExtractors: readonly Extractor[] = [ref, holiday];
