import type { Dateline } from '../core/document.ts';
import { isoDate, monthNumber, MONTH_PATTERN } from './dates.ts';
import { countryOfPlace } from './places.ts';

/**
 * Parse a news dateline at the start of an article, in the shapes wire services use:
 *   `Brussels, 12 February 2020 (dpa/MIA) –`   `WASHINGTON (AP) —`   `LONDON, Feb 12 (Reuters) -`
 *   `Kabul, Afghanistan — `   `PARIS, 12 févr. (AFP) -`   and a lone date line such as Wikinews'
 *   `Friday, January 4, 2019`.
 * Returns the dateline with its span in `text` (up to the dash), or undefined.
 */

const WORD = String.raw`[\p{Lu}][\p{L}.'’\-]*`;
const PLACE = String.raw`${WORD}(?:\s${WORD}){0,3}`;
const DAY_MONTH = String.raw`(?<d1>\d{1,2})\.?\s+(?<m1>${MONTH_PATTERN})\.?(?:,?\s+(?<y1>\d{4}))?`;
const MONTH_DAY = String.raw`(?<m2>${MONTH_PATTERN})\.?\s+(?<d2>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<y2>\d{4}))?`;
const DATE = String.raw`(?:${DAY_MONTH}|${MONTH_DAY})`;
const DASH = String.raw`(?:[–—―]|--?|:)`;

const DATELINE_RE = new RegExp(
  String.raw`^(?<place>${PLACE})` +
    String.raw`(?:,\s*(?<region>${PLACE}))?` +
    String.raw`(?:,?\s+(?<date>${DATE}))?` +
    String.raw`(?:,?\s*\((?<agencies>[^()\n]{1,60})\))?` +
    String.raw`\s*(?<dash>${DASH})(?=\s)`,
  'iu',
);

const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun)\\.?';
const DATE_LINE_RE = new RegExp(
  String.raw`^(?:${WEEKDAY},?\s+)?(?:(?<m>${MONTH_PATTERN})\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})|(?<d2>\d{1,2})\.?\s+(?<m2>${MONTH_PATTERN})\.?,?\s+(?<y2>\d{4}))[ \t\u00a0]*(?=\n|$)`,
  'iu',
);

const MONTH_WORD = new RegExp(`^(?:${MONTH_PATTERN})\\.?$`, 'i');

export interface DatelineOptions {
  /** Published date, used to infer the year of a dateline date that has none. */
  readonly published?: string;
}

export function parseDateline(text: string, options: DatelineOptions = {}): Dateline | undefined {
  // Datelines sit at the very start, after white space.
  const lead = /^\s*/.exec(text)![0].length;
  const head = text.slice(lead, lead + 240);
  const dl = DATE_LINE_RE.exec(head);
  if (dl?.groups) {
    const g = dl.groups;
    const date = isoDate(Number(g.y ?? g.y2), monthNumber((g.m ?? g.m2)!)!, Number(g.d ?? g.d2));
    if (date) return { start: lead, end: lead + dl[0].trimEnd().length, date, agencies: [] };
  }
  const firstLine = head.split('\n', 1)[0]!;
  const m = DATELINE_RE.exec(firstLine);
  if (!m?.groups) return undefined;
  const g = m.groups;
  const place = g.place!.trim();
  let region = g.region?.trim();
  if (MONTH_WORD.test(place.split(/\s/)[0]!)) return undefined;
  if (region && MONTH_WORD.test(region.split(/\s/)[0]!)) return undefined;
  const agencies = g.agencies
    ? g.agencies.split(/\s*(?:\/|,|&|\band\b|\+)\s*/).map((a) => a.trim()).filter((a) => a.length > 0)
    : [];
  const allCaps = place === place.toUpperCase() && /\p{Lu}/u.test(place);
  // Without a date, an agency or a region, only an all-caps place is a dateline ("WASHINGTON —").
  if (!g.date && agencies.length === 0 && !region && !allCaps) return undefined;
  if (g.dash === ':' && agencies.length === 0 && !g.date) return undefined;
  let date: string | undefined;
  if (g.date) {
    const month = monthNumber((g.m1 ?? g.m2)!);
    const day = Number(g.d1 ?? g.d2);
    const yearText = g.y1 ?? g.y2;
    if (month !== undefined) {
      const year = yearText ? Number(yearText) : inferYear(month, day, options.published);
      date = year !== undefined ? isoDate(year, month, day) : `XXXX-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    }
  }
  if (region && region === region.toUpperCase() && region.length <= 3 && !/\./.test(region)) region = undefined;
  const placeName = toDisplayCase(place);
  const country = countryOfPlace(placeName, region);
  const end = lead + m[0].length;
  return {
    start: lead,
    end,
    place: placeName,
    ...(country ? { country } : {}),
    ...(date ? { date } : {}),
    agencies,
  };
}

/** The year that puts month/day closest before (or at most a week after) the published date. */
function inferYear(month: number, day: number, published?: string): number | undefined {
  if (!published) return undefined;
  const py = Number(published.slice(0, 4));
  const pub = Date.parse(published);
  const candidate = Date.UTC(py, month - 1, day);
  return candidate - pub > 7 * 86400000 ? py - 1 : py;
}

/** "NEW YORK" → "New York"; mixed-case names are kept as written. */
function toDisplayCase(place: string): string {
  if (place !== place.toUpperCase()) return place;
  return place.toLowerCase().replace(/(^|[\s\-'’])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}
