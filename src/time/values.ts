/**
 * TIMEX3 values: calendar arithmetic on plain numbers and ISO/TimeML formatting. Everything is
 * proleptic Gregorian in UTC; no clock is read here: every computation starts from a given date.
 */

/** A calendar day. `month` is 1–12, `day` 1–31. */
export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** TimeML unit codes used in durations and granularities. */
export type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'half' | 'year' | 'decade' | 'century';

const DURATION_CODE: Readonly<Record<Unit, string>> = {
  second: 'S',
  minute: 'M',
  hour: 'H',
  day: 'D',
  week: 'W',
  weekend: 'WE',
  month: 'M',
  quarter: 'Q',
  half: 'H',
  year: 'Y',
  decade: 'DE',
  century: 'CE',
};

const TIME_UNITS: ReadonlySet<Unit> = new Set(['second', 'minute', 'hour']);

export function pad(n: number, width = 2): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

/** Parse `YYYY-MM-DD` (a longer ISO string is cut to the day); undefined when malformed. */
export function parseYmd(value: string | undefined): Ymd | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 (may be negative). */
export function toDayNumber(d: Ymd): number {
  return Math.floor(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000);
}

export function fromDayNumber(n: number): Ymd {
  const date = new Date(n * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(d: Ymd, days: number): Ymd {
  return fromDayNumber(toDayNumber(d) + days);
}

/** ISO weekday: Monday = 1 … Sunday = 7. */
export function isoWeekday(d: Ymd): number {
  const w = (toDayNumber(d) + 3) % 7; // 1970-01-01 was a Thursday
  return (w < 0 ? w + 7 : w) + 1;
}

/** ISO-8601 week-numbering year and week of a day. */
export function isoWeek(d: Ymd): { year: number; week: number } {
  const thursday = addDays(d, 4 - isoWeekday(d));
  const jan1 = toDayNumber({ year: thursday.year, month: 1, day: 1 });
  return { year: thursday.year, week: Math.floor((toDayNumber(thursday) - jan1) / 7) + 1 };
}

/** Month arithmetic: (year, month) shifted by `delta` months. */
export function addMonths(year: number, month: number, delta: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12 + 12) % 12 + 1 };
}

export function formatDay(d: Ymd): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

export function formatWeek(d: Ymd): string {
  const w = isoWeek(d);
  return `${pad(w.year, 4)}-W${pad(w.week)}`;
}

export function quarterOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

/**
 * The value of the calendar unit containing `ref`, shifted by `offset` units:
 * `unitValue(2020-02-12, 'month', -1)` → `2020-01`.
 */
export function unitValue(ref: Ymd, unit: Unit, offset: number): string {
  switch (unit) {
    case 'day':
      return formatDay(addDays(ref, offset));
    case 'week':
      return formatWeek(addDays(ref, offset * 7));
    case 'weekend':
      return `${formatWeek(addDays(ref, offset * 7))}-WE`;
    case 'month': {
      const m = addMonths(ref.year, ref.month, offset);
      return formatMonth(m.year, m.month);
    }
    case 'quarter': {
      const q = ref.year * 4 + quarterOf(ref.month) - 1 + offset;
      return `${pad(Math.floor(q / 4), 4)}-Q${(q % 4) + 1}`;
    }
    case 'half': {
      const h = ref.year * 2 + (ref.month > 6 ? 1 : 0) + offset;
      return `${pad(Math.floor(h / 2), 4)}-H${(h % 2) + 1}`;
    }
    case 'year':
      return pad(ref.year + offset, 4);
    case 'decade':
      return String(Math.floor(ref.year / 10) + offset);
    case 'century':
      return String(Math.floor(ref.year / 100) + offset);
    default:
      return formatDay(ref);
  }
}

/**
 * The date `amount` units before (negative) or after `ref`, at that unit's granularity:
 * `shiftedValue(2020-02-12, 'year', -2)` → `2018`; `'day', -3` → `2020-02-09`.
 */
export function shiftedValue(ref: Ymd, unit: Unit, amount: number): string {
  return unitValue(ref, unit, amount);
}

/** A TimeML duration value: `P3Y`, `PT30M`, `P2.5Y`, `PXY` (amount unknown). */
export function durationValue(amount: number | 'X', unit: Unit): string {
  const n = amount === 'X' ? 'X' : formatAmount(amount);
  if (unit === 'decade' && amount !== 'X') return `P${formatAmount(amount * 10)}Y`;
  if (unit === 'century' && amount !== 'X') return `P${formatAmount(amount * 100)}Y`;
  if (unit === 'weekend') return `P${n}WE`;
  return TIME_UNITS.has(unit) ? `PT${n}${DURATION_CODE[unit]}` : `P${n}${DURATION_CODE[unit]}`;
}

function formatAmount(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/** The value of a SET (`every week` → `P1W`, `every Monday` → `XXXX-WXX-1`). */
export function setValue(unit: Unit, amount = 1): string {
  return durationValue(amount, unit);
}

/** The day `weekday` (ISO 1–7) on or before (`dir` = -1) or on or after (`dir` = 1) `ref`. */
export function weekdayFrom(ref: Ymd, weekday: number, dir: -1 | 1): Ymd {
  const diff = weekday - isoWeekday(ref);
  if (dir < 0) return addDays(ref, diff <= 0 ? diff : diff - 7);
  return addDays(ref, diff >= 0 ? diff : diff + 7);
}

/** The day `weekday` nearest to `ref` (ties go to the past, the common case in news). */
export function weekdayNearest(ref: Ymd, weekday: number): Ymd {
  const back = weekdayFrom(ref, weekday, -1);
  const fwd = weekdayFrom(ref, weekday, 1);
  return toDayNumber(ref) - toDayNumber(back) <= toDayNumber(fwd) - toDayNumber(ref) ? back : fwd;
}

/** The weekday `weekday` in the ISO week containing `ref`, shifted by `weeks`. */
export function weekdayInWeek(ref: Ymd, weekday: number, weeks: number): Ymd {
  return addDays(ref, weekday - isoWeekday(ref) + weeks * 7);
}
