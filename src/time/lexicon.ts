import type { Unit } from './values.ts';

/**
 * Word tables shared by the extractors, and the regular-expression fragments built from them.
 * Month and weekday names are matched capitalized only: lower-case `may`, `march` and `fall`
 * are far more often verbs and nouns than dates in news.
 */

const MONTHS: readonly (readonly [string, number])[] = [
  ['January', 1], ['February', 2], ['March', 3], ['April', 4], ['May', 5], ['June', 6],
  ['July', 7], ['August', 8], ['September', 9], ['October', 10], ['November', 11], ['December', 12],
  ['Jan', 1], ['Feb', 2], ['Mar', 3], ['Apr', 4], ['Jun', 6], ['Jul', 7], ['Aug', 8],
  ['Sept', 9], ['Sep', 9], ['Oct', 10], ['Nov', 11], ['Dec', 12],
];

const MONTH_BY_NAME = new Map<string, number>();
for (const [name, n] of MONTHS) {
  MONTH_BY_NAME.set(name.toLowerCase(), n);
}

/** Month number of a name or abbreviation (`Feb.` → 2); undefined otherwise. */
export function monthNumber(word: string): number | undefined {
  return MONTH_BY_NAME.get(word.replace(/\.$/, '').toLowerCase());
}

/** Full month names (capitalized), any of them may stand alone after a cue word. */
export const MONTH_FULL = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** Month names and abbreviations, which may be used only before a day number or a year. */
export const MONTH_ANY =
  'January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?';

const WEEKDAYS: readonly (readonly [string, number])[] = [
  ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6], ['sunday', 7],
  ['mon', 1], ['tue', 2], ['tues', 2], ['wed', 3], ['thu', 4], ['thur', 4], ['thurs', 4], ['fri', 5], ['sat', 6], ['sun', 7],
];
const WEEKDAY_BY_NAME = new Map(WEEKDAYS);

/** ISO weekday (Monday = 1) of a name or dotted abbreviation. */
export function weekdayNumber(word: string): number | undefined {
  return WEEKDAY_BY_NAME.get(word.replace(/\.$/, '').toLowerCase());
}

export const WEEKDAY_FULL = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
export const WEEKDAY_ANY = `${WEEKDAY_FULL}|Mon\\.|Tues?\\.|Wed\\.|Thu(?:rs?)?\\.|Fri\\.|Sat\\.|Sun\\.`;

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, hundred: 100, dozen: 12, single: 1, couple: 2,
};

/** Amount words of durations; `X` marks a vague amount (`several years` → `PXY`). */
const VAGUE = new Set(['several', 'few', 'a few', 'many', 'some', 'recent', 'the past few', 'numerous', 'multiple']);

/** Pattern for a numeric amount: digits, number words, `twenty-five`, `two and a half`, vague words. */
export const AMOUNT =
  '(?:\\d+(?:\\.\\d+)?|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?' +
  '|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen' +
  '|a|an|a couple of|a dozen|a few|a hundred|one hundred|several|few|many|numerous|multiple)(?: and a half)?)';

/** The amount an {@link AMOUNT} match stands for: 3, 2.5, or 'X' when vague. */
export function parseAmount(raw: string): number | 'X' {
  const s = raw.toLowerCase().trim();
  if (/^\d/.test(s)) return Number(s);
  let half = 0;
  let words = s;
  if (words.endsWith(' and a half')) {
    half = 0.5;
    words = words.slice(0, -' and a half'.length);
  }
  if (VAGUE.has(words)) return 'X';
  if (words === 'a couple of') return 2 + half;
  if (words === 'a dozen') return 12 + half;
  if (words === 'a hundred' || words === 'one hundred') return 100 + half;
  let total = 0;
  for (const w of words.split(/[- ]/)) {
    const n = NUMBER_WORDS[w];
    if (n === undefined) return 'X';
    total += n;
  }
  return total + half;
}

const UNIT_WORDS: Readonly<Record<string, Unit>> = {
  second: 'second', seconds: 'second', sec: 'second', secs: 'second',
  minute: 'minute', minutes: 'minute', min: 'minute', mins: 'minute',
  hour: 'hour', hours: 'hour', hr: 'hour', hrs: 'hour',
  day: 'day', days: 'day', night: 'day', nights: 'day',
  week: 'week', weeks: 'week', weekend: 'weekend', weekends: 'weekend',
  fortnight: 'week', fortnights: 'week',
  month: 'month', months: 'month',
  quarter: 'quarter', quarters: 'quarter',
  year: 'year', years: 'year', yr: 'year', yrs: 'year',
  decade: 'decade', decades: 'decade',
  century: 'century', centuries: 'century',
};

export function unitOf(word: string): Unit | undefined {
  return UNIT_WORDS[word.toLowerCase()];
}

/** Unit nouns for durations (`three weeks`, `a 12-hour shift`). */
export const UNIT = 'seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies)';
/** Unit nouns that name a calendar period (`last week`, `this quarter`). */
export const CAL_UNIT = 'day|week|weekend|month|quarter|year|decade|century';

export const SEASONS: Readonly<Record<string, string>> = {
  spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI',
};

export const PARTS_OF_DAY: Readonly<Record<string, string>> = {
  morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI', overnight: 'NI',
  midday: 'MI', noon: 'MI', dawn: 'MO', dusk: 'EV', daybreak: 'MO', lunchtime: 'MI',
};

/** Ordinals for quarters, halves and centuries. */
const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21, final: 4, last: 4,
};

export function ordinalNumber(word: string): number | undefined {
  const s = word.toLowerCase();
  const m = /^(\d+)(?:st|nd|rd|th)$/.exec(s);
  if (m) return Number(m[1]);
  return ORDINALS[s];
}

/** Fixed-date holidays: month and day. */
export const HOLIDAYS: Readonly<Record<string, readonly [number, number]>> = {
  'christmas day': [12, 25], christmas: [12, 25], 'christmas eve': [12, 24],
  "new year's day": [1, 1], "new year's eve": [12, 31], "new year’s day": [1, 1], "new year’s eve": [12, 31],
  'valentine’s day': [2, 14], "valentine's day": [2, 14], 'halloween': [10, 31],
  'independence day': [7, 4], 'boxing day': [12, 26],
};
