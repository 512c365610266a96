/**
 * TimeML values resolved to day ranges, so events dated `2020-01` or `2020-W07` can be filtered by
 * day and counted by week or month.
 */

export interface DayRange {
  readonly start: string;
  readonly end: string;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function ymd(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function utc(y: number, m: number, d: number): Date {
  // setUTCFullYear with month and day normalises overflow (day 0 = last of the previous month) and
  // keeps years below 100 literal, which Date.UTC would map to 19xx.
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date;
}

function lastDay(y: number, m: number): number {
  return utc(y, m + 1, 0).getUTCDate();
}

/** Monday of ISO week `w` of ISO year `y`. */
function isoWeekStart(y: number, w: number): Date {
  const jan4 = utc(y, 1, 4);
  const dow = jan4.getUTCDay() || 7;
  const monday = utc(y, 1, 4 - dow + 1);
  monday.setUTCDate(monday.getUTCDate() + (w - 1) * 7);
  return monday;
}

const SEASONS: Readonly<Record<string, readonly [number, number]>> = {
  SP: [3, 5],
  SU: [6, 8],
  FA: [9, 11],
  AU: [9, 11],
  WI: [12, 14],
};

/** The days a TimeML DATE value covers, or undefined for durations, references and unknown years. */
export function dayRange(value: string | undefined): DayRange | undefined {
  if (!value) return undefined;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(value);
  if (m) {
    const day = `${m[1]}-${m[2]}-${m[3]}`;
    return { start: day, end: day };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return undefined;
    return { start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${pad(lastDay(y, mo))}` };
  }
  m = /^(\d{4})-W(\d{2})(?:-WE)?$/.exec(value);
  if (m) {
    const start = isoWeekStart(Number(m[1]), Number(m[2]));
    const end = new Date(start.getTime());
    end.setUTCDate(end.getUTCDate() + 6);
    return { start: ymd(start), end: ymd(end) };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    const m0 = (q - 1) * 3 + 1;
    return { start: `${m[1]}-${pad(m0)}-01`, end: `${m[1]}-${pad(m0 + 2)}-${pad(lastDay(y, m0 + 2))}` };
  }
  m = /^(\d{4})-H([12])$/.exec(value);
  if (m) {
    return m[2] === '1' ? { start: `${m[1]}-01-01`, end: `${m[1]}-06-30` } : { start: `${m[1]}-07-01`, end: `${m[1]}-12-31` };
  }
  m = /^(\d{4})-(SP|SU|FA|AU|WI)$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const [a, b] = SEASONS[m[2]!]!;
    const endY = b > 12 ? y + 1 : y;
    const endM = b > 12 ? b - 12 : b;
    return { start: `${m[1]}-${pad(a)}-01`, end: `${pad(endY, 4)}-${pad(endM)}-${pad(lastDay(endY, endM))}` };
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  return undefined;
}

/** ISO week of a `YYYY-MM-DD` day: `2020-W07`. */
export function isoWeek(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = utc(y, m, d);
  const dow = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - dow);
  const year = date.getUTCFullYear();
  const jan1 = utc(year, 1, 1);
  const week = Math.ceil(((date.getTime() - jan1.getTime()) / 86400000 + 1) / 7);
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** `YYYY-MM-DD` when the string starts with a full date, else undefined. */
export function dayOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return m ? m[1] : undefined;
}

/** True for a `YYYY-MM-DD` string that names a real day. */
export function isDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= lastDay(Number(m[1]), mo);
}
