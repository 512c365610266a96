import { PARTS_OF_DAY, WEEKDAY_ANY, weekdayNumber } from '../lexicon.ts';
import type { Candidate, Extractor, TimeSpec } from '../types.ts';
import { wordBefore } from './context.ts';
import { F_DIGIT, F_PARTDAY } from '../prefilter.ts';

/** Times of day: `3 p.m. local time`, `18:00 UTC`, `noon`, `Tuesday night`, `this morning`, `tonight`. */

const OFFSET = '(?:\\s*[+-]\\s*\\d{1,2}(?::?\\d\\d)?)?';
/** A zone after a clock time; a parenthesized one (`6:40 p.m. (GMT +8)`) only with both brackets. */
const ZONE = `(?<zone>\\s*(?:\\((?:UTC|GMT)${OFFSET}\\)|(?:(?:UTC|GMT)${OFFSET}|local time|[ECMP][SD]?T|BST|CET|CEST|IST|JST|AEST|AEDT|hrs|hours|h)\\b))?`;

function zoneOf(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const z = raw.trim().replace(/[()]/g, '');
  if (/^(?:UTC|GMT)$/.test(z)) return 'Z';
  const off = /^(?:UTC|GMT)\s*([+-])\s*(\d{1,2})(?::?(\d\d))?$/.exec(z);
  if (off) return `${off[1]}${off[2]!.padStart(2, '0')}${off[3] ?? '00'}`;
  return undefined;
}

function timeCandidate(m: RegExpExecArray, rule: string, spec: TimeSpec, priority = 3): Candidate {
  return { start: m.index, end: m.index + m[0].length, spec, rule, priority };
}

/** `3 p.m.`, `3:30pm`, `10 a.m. local time` */
const ampm: Extractor = {
  name: 'clock-ampm',
  triggers: F_DIGIT,
  reach: [5, 30],
  pattern: new RegExp(`(?<![\\d.:])\\b(?<h>1[0-2]|0?[1-9])(?:[:.](?<min>[0-5]\\d))?\\s*(?<ap>[AaPp])\\.?\\s?[Mm]\\b\\.?${ZONE}`, 'g'),
  build(m) {
    const g = m.groups!;
    let h = Number(g.h) % 12;
    if (/p/i.test(g.ap!)) h += 12;
    const zone = zoneOf(g.zone);
    return timeCandidate(m, this.name, { kind: 'time', hour: h, minute: g.min ? Number(g.min) : 0, ...(zone ? { zone } : {}) });
  },
};

/** `18:00 UTC`, `08:30`, `1500 GMT` */
const twentyFour: Extractor = {
  name: 'clock-24h',
  triggers: F_DIGIT,
  reach: [5, 30],
  pattern: new RegExp(`(?<![\\d.:,$£€])\\b(?:(?<h>[01]?\\d|2[0-3]):(?<min>[0-5]\\d)(?![\\d:])|(?<h2>[01]\\d|2[0-3])(?<min2>[0-5]\\d)(?=\\s*(?:GMT|UTC|hrs|hours\\s+(?:GMT|UTC|local))))${ZONE}`, 'g'),
  build(m, text) {
    const g = m.groups!;
    if (g.h2 !== undefined && !g.zone) return undefined;
    // `a 3:1 vote`, `won 2:0`: scores have no zone and a single-digit hour with no context.
    if (!g.zone && g.h !== undefined && g.h.length === 1 && !/^(?:at|by|until|from|before|after|around|about)$/i.test(wordBefore(text, m.index))) return undefined;
    const zone = zoneOf(g.zone);
    const hour = Number(g.h ?? g.h2);
    const minute = Number(g.min ?? g.min2);
    return timeCandidate(m, this.name, { kind: 'time', hour, minute, ...(zone ? { zone } : {}) });
  },
};

const noon: Extractor = {
  name: 'noon',
  triggers: F_PARTDAY,
  reach: [5, 5],
  pattern: /\b(?<w>noon|midday|midnight)\b/gi,
  build(m) {
    const w = m.groups!.w!.toLowerCase();
    return timeCandidate(m, this.name, w === 'midnight' ? { kind: 'time', hour: 24, minute: 0 } : { kind: 'time', hour: 12, minute: 0 }, 2);
  },
};

const PART = 'morning|afternoon|evening|night|overnight';

/** `Tuesday night`, `this morning`, `last night`, `yesterday afternoon`, `tomorrow evening`. */
const partOfDay: Extractor = {
  name: 'part-of-day',
  triggers: F_PARTDAY,
  reach: [25, 5],
  pattern: new RegExp(
    `\\b(?:(?<wd>${WEEKDAY_ANY})|(?<rel>[Tt]his|[Ll]ast|[Yy]esterday|[Tt]omorrow|[Ee]arly|[Ll]ate|[Ee]arlier this|[Ll]ater this))\\s+(?<p>${PART})\\b`,
    'g',
  ),
  build(m) {
    const g = m.groups!;
    const p = g.p!.toLowerCase();
    const part = PARTS_OF_DAY[p] ?? 'NI';
    let date: TimeSpec;
    if (g.wd) date = { kind: 'weekday', weekday: weekdayNumber(g.wd)! };
    else {
      const rel = g.rel!.toLowerCase();
      const offset = rel === 'yesterday' || (rel === 'last' && p === 'night') ? -1 : rel === 'tomorrow' ? 1 : 0;
      if (rel === 'last' && p !== 'night') return undefined;
      date = { kind: 'relative', unit: 'day', offset };
    }
    return timeCandidate(m, this.name, { kind: 'time', part, date }, 3);
  },
};

export const clockExtractors: readonly Extractor[] = [ampm, twentyFour, noon, partOfDay];
