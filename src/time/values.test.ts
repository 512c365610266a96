import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addMonths,
  durationValue,
  formatWeek,
  isoWeek,
  isoWeekday,
  parseYmd,
  unitValue,
  weekdayFrom,
  weekdayNearest,
  type Ymd,
} from './values.ts';
import { anchorWeekday, anchorYear } from './anchor.ts';

const d = (s: string): Ymd => parseYmd(s)!;

test('ISO weeks across year boundaries', () => {
  const cases: [string, string][] = [
    ['2020-02-12', '2020-W07'],
    ['2019-12-30', '2020-W01'],
    ['2021-01-01', '2020-W53'],
    ['2010-01-25', '2010-W04'],
    ['2006-03-28', '2006-W13'],
    ['2018-12-31', '2019-W01'],
  ];
  for (const [day, week] of cases) assert.equal(formatWeek(d(day)), week, day);
  assert.deepEqual(isoWeek(d('2016-01-03')), { year: 2015, week: 53 });
});

test('weekdays', () => {
  assert.equal(isoWeekday(d('2020-02-12')), 3);
  assert.equal(isoWeekday(d('1970-01-01')), 4);
  assert.equal(isoWeekday(d('1969-12-28')), 7);
  assert.deepEqual(weekdayFrom(d('2020-02-12'), 3, -1), d('2020-02-12'));
  assert.deepEqual(weekdayFrom(d('2020-02-12'), 4, -1), d('2020-02-06'));
  assert.deepEqual(weekdayFrom(d('2020-02-12'), 2, 1), d('2020-02-18'));
  assert.deepEqual(weekdayNearest(d('2020-02-12'), 6), d('2020-02-15'));
  assert.deepEqual(weekdayNearest(d('2020-02-12'), 7), d('2020-02-09'));
});

test('anchorWeekday: last/next skip the reference day, this stays in its week', () => {
  const ref = d('2020-02-12');
  assert.deepEqual(anchorWeekday(ref, 3, -1, 'unknown'), d('2020-02-05'));
  assert.deepEqual(anchorWeekday(ref, 3, 1, 'unknown'), d('2020-02-19'));
  assert.deepEqual(anchorWeekday(ref, 1, 0, 'past'), d('2020-02-10'));
  assert.deepEqual(anchorWeekday(ref, 2, undefined, 'past'), d('2020-02-11'));
  assert.deepEqual(anchorWeekday(ref, 2, undefined, 'future'), d('2020-02-18'));
});

test('anchorYear by tense', () => {
  const ref = d('2020-02-12');
  assert.equal(anchorYear(ref, 12, 8, 'past'), 2019);
  assert.equal(anchorYear(ref, 12, 8, 'future'), 2020);
  assert.equal(anchorYear(ref, 1, undefined, 'future'), 2021);
  assert.equal(anchorYear(ref, 2, undefined, 'future'), 2020);
  assert.equal(anchorYear(ref, 2, 20, 'past'), 2019);
  assert.equal(anchorYear(ref, 11, undefined, 'unknown'), 2019);
  assert.equal(anchorYear(ref, 5, undefined, 'unknown'), 2020);
});

test('calendar units and durations', () => {
  const ref = d('2020-02-12');
  assert.equal(unitValue(ref, 'month', -1), '2020-01');
  assert.equal(unitValue(ref, 'month', -2), '2019-12');
  assert.equal(unitValue(ref, 'quarter', -1), '2019-Q4');
  assert.equal(unitValue(ref, 'half', 1), '2020-H2');
  assert.equal(unitValue(ref, 'decade', 0), '202');
  assert.equal(unitValue(ref, 'day', -13), '2020-01-30');
  assert.deepEqual(addMonths(2020, 1, -1), { year: 2019, month: 12 });
  assert.equal(durationValue(3, 'year'), 'P3Y');
  assert.equal(durationValue(30, 'minute'), 'PT30M');
  assert.equal(durationValue(2.5, 'year'), 'P2.5Y');
  assert.equal(durationValue('X', 'week'), 'PXW');
  assert.equal(durationValue(1, 'decade'), 'P10Y');
  assert.equal(parseYmd('2019-02-29'), undefined);
  assert.equal(parseYmd('nope'), undefined);
});
