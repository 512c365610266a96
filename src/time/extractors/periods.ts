import { SEASONS, ordinalNumber } from '../lexicon.ts';
import type { Candidate, Extractor, TimeSpec } from '../types.ts';
import { adjacentWordAfter, isCapitalized, wordBefore } from './context.ts';
import { F_DIGIT, F_FISCAL, F_PART, F_SEASON, F_UNIT } from '../prefilter.ts';

/** Years, decades, centuries, quarters, halves, seasons and fiscal years. */

function candidate(m: RegExpExecArray, rule: string, spec: TimeSpec, priority = 2, mod?: string): Candidate {
  return { start: m.index, end: m.index + m[0].length, spec, rule, priority, ...(mod ? { mod } : {}) };
}

/** Words before a bare number that make it a year (kept outside the span). */
const YEAR_CUES = new Set([
  'in', 'since', 'until', 'till', 'by', 'before', 'after', 'during', 'from', 'through', 'to', 'between', 'and', 'or',
  'of', 'early', 'late', 'mid', 'mid-', 'year', 'fiscal', 'around', 'for', 'as', 'than', 'until', 'throughout', 'into',
  'circa', 'c.', 'spring', 'summer', 'autumn', 'fall', 'winter', 'the', 'The', 'in', 'In', 'Since', 'By', 'From', 'Until',
  'season', 'election', 'elections', 'end', 'start', 'beginning', 'middle', 'half', 'quarter', 'Q1', 'Q2', 'Q3', 'Q4',
]);

/** Lower-case words after a year that show it is one (`2019 was`, `2020 elections`). */
const YEAR_FOLLOWERS = /^(?:was|is|will|has|had|saw|and|or|to|when|as|in|on|at|for|with|by|after|before|but|the|a|it|they|he|she|we|election|elections|season|budget|census|figures|results|report|levels|level|earnings|sales|revenue|profit|world|olympics|games|championship|campaign|vote|survey|study|agreement|deal|accord|law|act|attack|attacks|crisis|war|film|album|model|edition|tour|summit|figure|estimate|target|deadline|onwards|onward|through|until|compared|alone|already|also|because|while|where|which|who|this|that|so|if|than|ended|began|saw)$/;

/** Name heads that make `the 1990 Act` a title, not a date. */
const LEGAL_HEADS = /^(?:\s+\p{Lu}[\p{L}.'’-]*){0,2}?\s+(?:Act|Acts|Law|Laws|Treaty|Convention|Accords?|Constitution|Declaration|Protocol|Bill|Directive|Regulations?|Statute|Amendment|Code|Charter|Model|Series|Edition|Report)\b/u;

/** `2019`, `in 1990` (span without `in`); not `the 1990 Act`, `1999 points`, `$2019`. */
const year: Extractor = {
  name: 'year',
  triggers: F_DIGIT,
  reach: [5, 5],
  pattern: /(?:(?<=[Mm]id-)|(?<![\p{L}\p{N}$£€#.,/:–-]|\d[.,]))(?<y>1[5-9]\d\d|20\d\d)(?![\p{L}\p{N}%°/:]|[.,]\d|-\d|\s?(?:%|per cent|percent)|’s\b|'s\b)/gu,
  build(m, text) {
    const y = Number(m.groups!.y);
    const end = m.index + m[0].length;
    const before = wordBefore(text, m.index);
    const beforeLower = before.toLowerCase();
    const after = adjacentWordAfter(text, end);
    const cue = YEAR_CUES.has(before) || YEAR_CUES.has(beforeLower);
    if (/^(?:no\.?|number|route|flight|room|model|page|pages|line|article|section|resolution|chapter|highway|interstate|boeing|airbus|level|bus|building|code|iso|ip)$/i.test(before)) return undefined;
    if (after) {
      if (isCapitalized(after)) {
        // `the 1990 Act` names a law; `the 2008 Beijing Olympic Games` and `in 2019 Trump said` keep a year.
        if (/^(?:the|a|its|his|her|their)$/.test(beforeLower) && LEGAL_HEADS.test(text.slice(end, end + 40))) return undefined;
      } else if (!cue && !YEAR_FOLLOWERS.test(after.toLowerCase())) {
        // `2000 troops`, `1500 people`: a count, not a year.
        if (/^[a-z]/.test(after)) return undefined;
      } else if (cue && /^(?:people|troops|soldiers|dollars|euros|pounds|men|women|children|km|miles|metres|meters|tons|tonnes|units|cars|jobs|workers|employees|points|votes|seats|cases|deaths|homes|houses|feet|barrels|shares|times)$/i.test(after)) {
        return undefined;
      }
    }
    if (beforeLower === 'than' && !/^(?:in|since)$/.test(after)) return undefined;
    return candidate(m, this.name, { kind: 'date', year: y }, 1);
  },
};

/** `'08`, `the '90s` style short years are rare in news; only `the 1990s`, `the '90s`, `70s` decades here. */
const decade: Extractor = {
  name: 'decade',
  triggers: F_DIGIT,
  reach: [8, 5],
  pattern: /(?<![\p{L}\p{N}])(?:(?<the>[Tt]he)\s+)?(?:(?<full>1[5-9]\d0|20\d0)|['’]?(?<short>[0-9]0))['’]?s\b/gu,
  build(m, text) {
    const g = m.groups!;
    const before = wordBefore(text, m.index).toLowerCase();
    if (g.short !== undefined) {
      // `in her 70s` is an age.
      if (/^(?:her|his|their|my|your|our|its|mid|early|late|low|high|upper|lower|the)$/.test(before) && !g.the) return undefined;
      if (/^(?:her|his|their|my|your|our)$/.test(wordBefore(text, m.index - before.length - 1).toLowerCase())) return undefined;
      if (/^\s+(?:and|or)\s+\d/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8)) && !g.the && before !== 'the') return undefined;
      const d = Number(g.short);
      return candidate(m, this.name, { kind: 'decade', decade: d <= 20 ? 200 + d / 10 : 190 + d / 10 }, 2);
    }
    return candidate(m, this.name, { kind: 'decade', decade: Number(g.full) / 10 }, 2);
  },
};

const century: Extractor = {
  name: 'century',
  triggers: F_UNIT,
  reach: [25, 5],
  pattern: /\b(?:(?<the>[Tt]he)\s+)?(?<ord>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[\s-]+[Cc]entury\b/g,
  build(m) {
    const n = ordinalNumber(m.groups!.ord!);
    if (!n || n > 21) return undefined;
    return candidate(m, this.name, { kind: 'century', century: n - 1 }, 2);
  },
};

const YEAR_REF = '(?<y>1[5-9]\\d\\d|20\\d\\d)|(?<ry>this|last|next|the current|the previous|the past|the same|the following|the)\\s+(?:fiscal\\s+|financial\\s+)?year';

function yearRef(g: Record<string, string | undefined>): { year?: number; yearOffset?: number } {
  if (g.y) return { year: Number(g.y) };
  if (g.ry) {
    const r = g.ry.toLowerCase();
    return { yearOffset: r === 'last' || r === 'the previous' || r === 'the past' ? -1 : r === 'next' || r === 'the following' ? 1 : 0 };
  }
  return {};
}

/** `the first quarter of 2009`, `third-quarter`, `Q3 2019`, `the last quarter` (relative), `the first half of the year`. */
const quarter: Extractor = {
  name: 'quarter',
  triggers: F_PART,
  reach: [10, 45],
  pattern: new RegExp(
    `\\b(?:(?<the>[Tt]he)\\s+)?(?<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\\s-]+(?<unit>quarter|half)(?:\\s+of\\s+(?:${YEAR_REF})|,?\\s+(?<y2>1[5-9]\\d\\d|20\\d\\d)\\b)?(?<of>\\s+of\\b)?`,
    'gi',
  ),
  build(m) {
    const g = m.groups!;
    if (g.of) return undefined;
    const ord = g.ord!.toLowerCase();
    const unit = g.unit!.toLowerCase();
    const ref = g.y2 ? { year: Number(g.y2) } : yearRef(g);
    const hasYear = ref.year !== undefined || ref.yearOffset !== undefined;
    if (ord === 'last' && !hasYear && unit === 'quarter') {
      return candidate(m, this.name, { kind: 'relative', unit: 'quarter', offset: -1 }, 3);
    }
    const n = ord === 'final' || ord === 'last' ? (unit === 'quarter' ? 4 : 2) : ordinalNumber(ord)!;
    if (unit === 'half' && n > 2) return undefined;
    if (n > 4) return undefined;
    const part = unit === 'quarter' ? `Q${n}` : `H${n}`;
    return candidate(m, this.name, { kind: 'part', part, ...ref }, 3);
  },
};

const qShort: Extractor = {
  name: 'quarter-short',
  triggers: F_DIGIT,
  reach: [10, 10],
  pattern: /\b(?:(?<y1>(?:19|20)\d\d)\s+)?(?<q>[QH][1-4])(?:\s+(?<y>(?:19|20)\d\d)|\s*['’](?<yy>\d\d))?\b/g,
  build(m) {
    const g = m.groups!;
    if (g.q![0] === 'H' && Number(g.q![1]) > 2) return undefined;
    const y = g.y ? Number(g.y) : g.y1 ? Number(g.y1) : g.yy ? 2000 + Number(g.yy) : undefined;
    if (y === undefined) return undefined;
    return candidate(m, this.name, { kind: 'part', part: g.q!, year: y }, 3);
  },
};

/** Words before a season that make it one (`in summer`, `this fall`); `a fall in prices` has none. */
const SEASON_CUES = /^(?:in|during|since|until|by|over|through|throughout|this|last|next|early|late|mid|mid-|the|before|after|for|coming|past|that|each|every|until|till)$/i;

const season: Extractor = {
  name: 'season',
  triggers: F_SEASON,
  reach: [15, 15],
  pattern: /\b(?:(?<rel>this|last|next|coming|past|the)\s+)?(?<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?<y>1[5-9]\d\d|20\d\d)\b)?(?![\p{L}-])/giu,
  build(m, text) {
    const g = m.groups!;
    const s = g.s!;
    const key = s.toLowerCase();
    const rel = g.rel?.toLowerCase();
    const end = m.index + m[0].length;
    const after = adjacentWordAfter(text, end);
    const before = wordBefore(text, m.index);
    if (/^\p{Lu}/u.test(s) && after && isCapitalized(after) && !g.y) return undefined; // `Summer Olympics`, `Spring Festival`
    if (!g.y) {
      if (!rel && !SEASON_CUES.test(before)) return undefined;
      if (rel === 'the' && !/^(?:in|during|since|until|by|over|through|throughout|before|after|for|of)$/i.test(before)) return undefined;
      if (/^\s+of\b/.test(text.slice(end, end + 5))) return undefined; // `the fall of Baghdad`
      if (key === 'fall' && (!rel || rel === 'the') && !/^(?:in|during|this|last|next|by|until|since)$/i.test(before)) return undefined;
    }
    const part = SEASONS[key]!;
    let spec: TimeSpec;
    if (g.y) spec = { kind: 'part', part, year: Number(g.y) };
    else if (rel === 'last' || rel === 'past') spec = { kind: 'part', part, relative: -1 };
    else if (rel === 'next' || rel === 'coming') spec = { kind: 'part', part, relative: 1 };
    else if (rel === 'this') spec = { kind: 'part', part, relative: 0 };
    else spec = { kind: 'part', part };
    return candidate(m, this.name, spec, 2);
  },
};

const fiscal: Extractor = {
  name: 'fiscal',
  triggers: F_FISCAL,
  reach: [5, 15],
  pattern: /\b(?:(?:[Ff]iscal|[Ff]inancial)(?:\s+[Yy]ear)?\s+|FY\s?)(?<y>(?:19|20)\d\d|\d\d)\b/g,
  build(m) {
    const raw = m.groups!.y!;
    const y = raw.length === 2 ? 2000 + Number(raw) : Number(raw);
    return candidate(m, this.name, { kind: 'fiscal', year: y }, 3);
  },
};

export const periodExtractors: readonly Extractor[] = [year, decade, century, quarter, qShort, season, fiscal];
