import { WEEKDAY_ANY, weekdayNumber } from '../lexicon.ts';
import type { Extractor } from '../types.ts';
import { adjacentWordAfter, isCapitalized, wordBefore } from './context.ts';
import { F_WEEKDAY } from '../prefilter.ts';

/** Weekdays with and without `last`/`next`/`this`: `on Tuesday` (span: `Tuesday`), `last Friday`. */

/** Heads of names that start with a weekday: newspapers, TV shows, events. */
const NAME_HEADS = new Set([
  'times', 'telegraph', 'mirror', 'express', 'herald', 'post', 'tribune', 'observer', 'mail', 'independent',
  'star', 'sport', 'review', 'age', 'people', 'record', 'night', 'morning', 'school', 'league', 'club', 'service',
  'prayers', 'prayer', 'mass', 'market', 'show', 'edition', 'magazine', 'today', 'news', 'sun', 'business',
]);

const SHIFT: Readonly<Record<string, -1 | 0 | 1>> = {
  last: -1, past: -1, previous: -1, next: 1, coming: 1, this: 0,
};

const weekday: Extractor = {
  name: 'weekday',
  triggers: F_WEEKDAY,
  reach: [25, 5],
  pattern: new RegExp(
    `\\b(?:(?<rel>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]ast|[Tt]his\\s+past|[Tt]his\\s+coming|[Tt]he\\s+previous)\\s+)?(?<wd>${WEEKDAY_ANY})(?![\\p{L}])`,
    'gu',
  ),
  build(m, text) {
    const g = m.groups!;
    const end = m.index + m[0].length;
    const after = adjacentWordAfter(text, end);
    const before = wordBefore(text, m.index).toLowerCase();
    // `the Sunday Times`, `Super Tuesday` is a day, but `the Monday Night Football` is not.
    if (after && isCapitalized(after)) {
      if (NAME_HEADS.has(after.toLowerCase())) {
        // `Tuesday Night` in a headline is still a time; the refiners keep it when a part of day follows.
        if (!/^(?:night|morning)$/i.test(after) || before === 'the') return undefined;
      } else if (!g.rel && (before === 'the' || before === 'a' || /['’]s$/.test(before))) {
        return undefined;
      }
    }
    const rel = g.rel?.toLowerCase().replace(/\s+/g, ' ');
    let shift: -1 | 0 | 1 | undefined;
    if (rel === 'this past' || rel === 'the previous') shift = -1;
    else if (rel === 'this coming') shift = 1;
    else if (rel) shift = SHIFT[rel];
    const n = weekdayNumber(g.wd!)!;
    return {
      start: m.index,
      end,
      spec: shift === undefined ? { kind: 'weekday', weekday: n } : { kind: 'weekday', weekday: n, shift },
      rule: this.name,
      priority: 2,
    };
  },
};

export const weekdayExtractors: readonly Extractor[] = [weekday];
