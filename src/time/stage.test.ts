import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { createDocument, withLayers, type Document } from '../core/document.ts';
import { analyze } from '../analyze.ts';
import { scanTriggers, F_DIGIT, F_MONTH, F_UNIT, F_WEEKDAY } from './prefilter.ts';
import { extractTimexes, timeStage } from './stage.ts';

function doc(text: string, ref?: string): Document {
  const d = createDocument({ id: 'd', text, meta: ref ? { referenceDate: ref, referenceBasis: 'option' } : { referenceBasis: 'none' } });
  return withLayers(d, { sentences: [{ start: 0, end: text.length }] });
}

test('the stage fills the timexes layer with ids, source and confidence, and leaves its input alone', () => {
  const input = doc('Officials said on Tuesday that talks will resume next month.', '2020-02-12');
  const out = timeStage.run(input, { options: {} });
  assert.equal(input.timexes.length, 0);
  assert.deepEqual(out.timexes.map((t) => [t.id, t.value, t.source]), [['t1', '2020-02-11', 'time@2'], ['t2', '2020-03', 'time@2']]);
  for (const t of out.timexes) assert.ok(t.confidence !== undefined && t.confidence > 0 && t.confidence <= 1);
  assert.ok(Object.isFrozen(out.timexes));
});

test('the pre-filter finds trigger words case-insensitively, and digit runs', () => {
  const t = scanTriggers('On TUESDAY, 3 weeks after March 2019');
  const fams: number[] = [];
  for (let k = 0; k < t.count; k++) fams.push(t.hits[k * 3 + 2]!);
  assert.ok(fams.some((f) => f & F_WEEKDAY));
  assert.ok(fams.some((f) => f & F_UNIT));
  assert.ok(fams.some((f) => f & F_MONTH));
  assert.equal(fams.filter((f) => f === F_DIGIT).length, 2);
  assert.equal(scanTriggers('Nothing to see here.').count, 0);
});

const WORDS = [
  'on', 'Tuesday', 'last', 'next', 'month', 'year', 'years', 'ago', 'the', 'past', '3', '12', '2019', 'February', 'May',
  'March', ',', '.', 'will', 'said', 'in', 'early', 'mid-', 'p.m.', '18:00', 'UTC', 'every', 'week', 'two', 'a', 'quarter',
  'first', 'of', 'summer', 'fall', 'today', 'now', '1990s', "'90s", 'decade', 'Feb.', '2/12/2020', 'night', 'morning',
  'from', 'to', 'between', 'and', 'day', 'before', 'that', 'following', '2011',
];

test('property: never throws, spans lie in the text, ids run t1…tn, only a range DURATION contains others', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 40 }), fc.boolean(), (words, withRef) => {
      const text = words.join(' ');
      const timexes = extractTimexes(doc(text, withRef ? '2020-02-12' : undefined), 'time@1');
      let prevEnd = 0;
      let container: { end: number } | undefined;
      timexes.forEach((t, i) => {
        assert.equal(t.id, `t${i + 1}`);
        const inside = container !== undefined && t.end <= container.end;
        assert.ok((inside || t.start >= prevEnd) && t.start < t.end && t.end <= text.length);
        assert.equal(text.slice(t.start, t.end).trim(), text.slice(t.start, t.end));
        assert.ok(t.value.length > 0);
        if (!inside) {
          prevEnd = t.end;
          container = t.type === 'DURATION' && /^(?:from|between) /i.test(text.slice(t.start, t.end)) ? t : undefined;
        }
      });
    }),
    { numRuns: 300 },
  );
});

test('the example article: every core gold timex through analyze() (ingest, dateline, tokenize, time)', () => {
  const raw = readFileSync(new URL('../../examples/dpa-2020-02-12-nato-iraq.txt', import.meta.url), 'utf8');
  const gold = JSON.parse(readFileSync(new URL('../../test/golden/dpa-2020-02-12-nato-iraq.gold.json', import.meta.url), 'utf8')) as {
    timexes: { text: string; nth: number; value: string; type: string; core: boolean }[];
  };
  // only the stages this one needs, so a failing model elsewhere cannot hide a time regression
  const out = analyze(raw, { id: 'example', stages: ['tokenize', 'time'] });
  assert.equal(out.errors, undefined);
  assert.equal(out.meta.referenceBasis, 'dateline');
  for (const g of gold.timexes) {
    let at = -1;
    for (let n = 0; n < g.nth; n++) at = out.text.indexOf(g.text, at + 1);
    assert.ok(at >= 0, `${g.text} #${g.nth} not in the text`);
    const found = out.timexes.find((t) => t.start <= at && t.end >= at + g.text.length);
    if (!g.core && !found) continue;
    assert.ok(found, `${g.text} #${g.nth} not found`);
    assert.equal(found.value, g.value, `${g.text} #${g.nth}`);
    assert.equal(found.type, g.type, `${g.text} #${g.nth}`);
  }
});
