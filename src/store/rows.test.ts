import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Quote } from '../core/document.ts';
import { actorRow, eventActorRef, placeBucket, quoteRow, searchHit } from './rows.ts';
import { cappedCount, escapeLike, n, opt, prefixRange, shiftDay, takeFromPage } from './sql-helpers.ts';

describe('sql helpers', () => {
  it('reads numbers and bigints, nothing else', () => {
    assert.equal(n(3), 3);
    assert.equal(n(7n), 7);
    assert.equal(n('5'), 0);
    assert.equal(n(null), 0);
  });
  it('drops null and undefined keys', () => {
    assert.deepEqual(opt({ a: 1, b: undefined, c: null, d: '' }), { a: 1, d: '' });
  });
  it('escapes LIKE wildcards and builds prefix ranges', () => {
    assert.equal(escapeLike('50%_a\\b'), '50\\%\\_a\\\\b');
    const [lo, hi] = prefixRange('IRQ');
    assert.ok(lo <= 'IRQGOV' && 'IRQGOV' < hi && !('IRR' < hi));
  });
  it('shifts days across month and year ends', () => {
    assert.equal(shiftDay('2020-03-01', -1), '2020-02-29');
    assert.equal(shiftDay('2020-12-31', 1), '2021-01-01');
  });
  it('caps counts only when a cap is set', () => {
    assert.deepEqual(cappedCount(1001, 1000), { total: 1000, capped: true });
    assert.deepEqual(cappedCount(1000, 1000), { total: 1000, capped: false });
    assert.deepEqual(cappedCount(5000, 0), { total: 5000, capped: false });
  });
  it('windows a paged stream by offset and limit', () => {
    const window = { skip: 3, left: 4 };
    const pages = [[1, 2], [3, 4, 5], [6, 7, 8], [9]].map((p) => takeFromPage(p, window));
    assert.deepEqual(pages, [[], [4, 5], [6, 7], []]);
    assert.deepEqual(window, { skip: 0, left: 0 });
  });
});

describe('row mappers', () => {
  it('maps an actor row, leaving out absent fields', () => {
    const row = actorRow({ key: 'a1', name: 'Acme', type: 'ORG', code: null, country: 'FRA', role: null, n_documents: 2, n_mentions: 5, n_quotes: 0, n_source: 1, n_target: 3n, first_seen: '2020-01-01', last_seen: null });
    assert.deepEqual(row, { id: 'a1', name: 'Acme', type: 'ORG', country: 'FRA', documents: 2, mentions: 5, quotes: 0, eventsAsSource: 1, eventsAsTarget: 3, firstSeen: '2020-01-01' });
  });
  it('lets an event code stand for an unknown actor', () => {
    assert.deepEqual(eventActorRef(undefined, null, null, 'USAGOV', 'USA'), { id: 'USAGOV', name: 'USAGOV', type: 'ORG', code: 'USAGOV' });
    assert.deepEqual(eventActorRef('k', 'Name', 'PER', undefined, 'USA'), { id: 'k', name: 'Name', type: 'PER', code: 'USA' });
  });
  it('cuts quote cue and speaker text from the document text', () => {
    const docText = 'He said: "No." Then left.';
    const quote = { id: 'q1', cue: { start: 3, end: 7 }, speakerMention: { start: 0, end: 2 } } as unknown as Quote;
    const row = quoteRow({ doc_id: 'd', published: null, title: 'T', text: 'No.', doc_text: docText }, quote, undefined);
    assert.equal(row.id, 'd#q1');
    assert.equal(row.cueText, 'said');
    assert.equal(row.speakerText, 'He');
    assert.ok(!('speaker' in row) && !('published' in row));
  });
  it('rounds ranks and place coordinates', () => {
    assert.equal(searchHit({ kind: 'quote', doc_id: 'd', id: 'd#q', title: null, published: null }, 's', 1.23456).rank, 1.235);
    const place = placeBucket({ p: 'Paris', c: 'FRA', n: 2, g: 1.11111 }, 48.85661, undefined);
    assert.deepEqual(place, { key: 'Paris|FRA', name: 'Paris', country: 'FRA', count: 2, goldstein: 1.111, lat: 48.857 });
  });
});
