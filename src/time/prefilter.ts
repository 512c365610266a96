/**
 * The fast pre-filter: one pass over the characters of the text finds the few words that can be
 * part of a time expression (month and weekday names, unit nouns, digits…), without allocating a
 * string per word. Each extractor then runs its regular expression only on small windows around
 * the trigger words of its families, instead of over the whole text.
 */

export const F_DIGIT = 1;
export const F_MONTH = 2;
export const F_WEEKDAY = 4;
export const F_UNIT = 8;
export const F_DEICTIC = 16;
export const F_SEASON = 32;
export const F_PARTDAY = 64;
export const F_FREQ = 128;
export const F_VAGUE = 256;
export const F_HOLIDAY = 512;
export const F_FISCAL = 1024;
export const F_PART = 2048;

const FAMILY_WORDS: readonly (readonly [number, string])[] = [
  [F_MONTH, 'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'],
  [F_WEEKDAY, 'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun'],
  [F_UNIT, 'second seconds sec secs minute minutes min mins hour hours hr hrs day days night nights week weeks weekend weekends fortnight fortnights month months quarter quarters year years yr yrs decade decades century centuries'],
  [F_DEICTIC, 'today tonight tomorrow yesterday'],
  [F_SEASON, 'spring summer fall autumn winter'],
  [F_PARTDAY, 'morning afternoon evening night overnight noon midday midnight tonight'],
  [F_FREQ, 'every each daily weekly monthly yearly annually annual quarterly hourly nightly biannual biannually biennial fortnightly twice'],
  [F_VAGUE, 'now currently nowadays present presently moment these recently lately past soon future shortly term run'],
  [F_HOLIDAY, 'christmas year valentine halloween boxing'],
  [F_FISCAL, 'fiscal financial fy'],
  [F_PART, 'quarter half first second third fourth final last'],
];

function hashWord(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return (h ^ Math.imul(s.length, 0x9e3779b1)) | 0;
}

const FAMILY_BY_HASH = new Map<number, number>();
for (const [family, words] of FAMILY_WORDS) {
  for (const w of words.split(' ')) {
    const h = hashWord(w);
    FAMILY_BY_HASH.set(h, (FAMILY_BY_HASH.get(h) ?? 0) | family);
  }
}

/** Trigger hits as flat triples: start, end, family mask. */
export interface Triggers {
  readonly hits: Int32Array;
  readonly count: number;
  /** Union of the families found. */
  readonly families: number;
}

/** Scan `text` once; a word whose lower-case hash is a trigger word (or a digit run) becomes a hit. */
export function scanTriggers(text: string): Triggers {
  let hits: Int32Array = new Int32Array(256);
  let count = 0;
  let families = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      const start = i;
      do c = text.charCodeAt(++i);
      while (i < n && c >= 48 && c <= 57);
      if (count * 3 + 3 > hits.length) hits = grow(hits);
      hits[count * 3] = start;
      hits[count * 3 + 1] = i;
      hits[count * 3 + 2] = F_DIGIT;
      count++;
      families |= F_DIGIT;
      continue;
    }
    const lower = c | 32;
    if (lower >= 97 && lower <= 122) {
      const start = i;
      let h = 0;
      do {
        h = (Math.imul(h, 31) + (c | 32)) | 0;
        c = text.charCodeAt(++i);
      } while (i < n && ((c | 32) >= 97 && (c | 32) <= 122));
      const len = i - start;
      if (len >= 2 && len <= 12) {
        const family = FAMILY_BY_HASH.get((h ^ Math.imul(len, 0x9e3779b1)) | 0);
        if (family !== undefined) {
          if (count * 3 + 3 > hits.length) hits = grow(hits);
          hits[count * 3] = start;
          hits[count * 3 + 1] = i;
          hits[count * 3 + 2] = family;
          count++;
          families |= family;
        }
      }
      continue;
    }
    i++;
  }
  return { hits, count, families };
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Windows `[start, end)` around the hits of the given families, reaching `before` characters back
 * and `after` forward (widened to whitespace so no word is cut), merged when they overlap.
 */
export function windowsFor(text: string, t: Triggers, families: number, before: number, after: number): number[] {
  const out: number[] = [];
  let curStart = -1;
  let curEnd = -1;
  for (let k = 0; k < t.count; k++) {
    if ((t.hits[k * 3 + 2]! & families) === 0) continue;
    let s = t.hits[k * 3]! - before;
    let e = t.hits[k * 3 + 1]! + after;
    if (curEnd >= 0 && s <= curEnd) {
      if (e > curEnd) curEnd = widenEnd(text, e);
      continue;
    }
    if (curEnd >= 0) out.push(curStart, curEnd);
    s = widenStart(text, s);
    e = widenEnd(text, e);
    curStart = s;
    curEnd = e;
  }
  if (curEnd >= 0) out.push(curStart, curEnd);
  return out;
}

function widenStart(text: string, s: number): number {
  if (s <= 0) return 0;
  let i = s;
  while (i > 0 && i > s - 40 && !isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

function widenEnd(text: string, e: number): number {
  const n = text.length;
  if (e >= n) return n;
  let i = e;
  while (i < n && i < e + 40 && !isSpace(text.charCodeAt(i))) i++;
  return i;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
}
