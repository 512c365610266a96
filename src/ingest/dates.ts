/** Month names and date-string helpers shared by the dateline parser and metadata readers. */

const MONTHS: ReadonlyArray<readonly string[]> = [
  ['january', 'jan', 'janvier', 'janv'],
  ['february', 'feb', 'février', 'fevrier', 'févr', 'fevr', 'fév', 'fev'],
  ['march', 'mar', 'mars'],
  ['april', 'apr', 'avril', 'avr'],
  ['may', 'mai'],
  ['june', 'jun', 'juin'],
  ['july', 'jul', 'juillet', 'juil'],
  ['august', 'aug', 'août', 'aout'],
  ['september', 'sep', 'sept', 'septembre'],
  ['october', 'oct', 'octobre'],
  ['november', 'nov', 'novembre'],
  ['december', 'dec', 'décembre', 'decembre', 'déc'],
];

const MONTH_INDEX = new Map<string, number>();
MONTHS.forEach((names, i) => names.forEach((n) => MONTH_INDEX.set(n, i + 1)));

/** Alternation for regular expressions, longest names first. */
export const MONTH_PATTERN = [...MONTH_INDEX.keys()].sort((a, b) => b.length - a.length).join('|');

export function monthNumber(name: string): number | undefined {
  return MONTH_INDEX.get(name.toLowerCase().replace(/\.$/, ''));
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000 || year > 9999) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return undefined;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/**
 * Normalize a published-date field to `YYYY-MM-DD`: ISO dates and timestamps (the date part as
 * written, not shifted to UTC), `Month D, YYYY`, `D Month YYYY`, RFC 2822 dates.
 */
export function normalizeDateField(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(v);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  const re1 = new RegExp(`(?:^|\\s|,)(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, 'i');
  m = re1.exec(v);
  if (m) return isoDate(Number(m[3]), monthNumber(m[1]!)!, Number(m[2]));
  const re2 = new RegExp(`(?:^|\\s|,)(\\d{1,2})\\.?\\s+(${MONTH_PATTERN})\\.?,?\\s+(\\d{4})`, 'i');
  m = re2.exec(v);
  if (m) return isoDate(Number(m[3]), monthNumber(m[2]!)!, Number(m[1]));
  return undefined;
}
