/**
 * The SQLite adapter picks a query plan per event query (actor set or facet index drives; count and
 * page in one pass; date-overlap scans bounded by the stored maximum date span). Whatever the plan,
 * results must equal a brute-force filter over the fixture documents; and a store written with the
 * first schema must migrate to the current one.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Document, EventRecord } from '../../core/document.ts';
import { storeInput } from '../contract.ts';
import { dayRange } from '../dates.ts';
import { fixtureDocument } from '../fixtures.ts';
import { actorKey } from '../keys.ts';
import { openStore, type EventQuery, type Store } from '../store.ts';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.ts';

interface Flat {
  readonly id: string;
  readonly doc: Document;
  readonly ev: EventRecord;
  readonly source: string[];
  readonly target: string[];
  readonly location?: string;
}

function flatten(docs: readonly Document[]): Flat[] {
  return docs.flatMap((doc) =>
    doc.events.map((ev) => {
      const side = (ids: readonly string[], codes: readonly string[] | undefined): string[] => [
        ...ids.map((id) => actorKey(doc.entities.find((e) => e.id === id)!)),
        ...(codes ?? []),
      ];
      const loc = ev.location ? doc.entities.find((e) => e.id === ev.location) : undefined;
      return {
        id: `${doc.id}#${ev.id}`,
        doc,
        ev,
        source: side(ev.source, ev.sourceCodes),
        target: side(ev.target, ev.targetCodes),
        ...(loc ? { location: actorKey(loc) } : {}),
      };
    }),
  );
}

const has = (xs: readonly string[], v: string): boolean => xs.some((x) => x === v || (/^[A-Z0-9]{3,}$/.test(v) && x.startsWith(v)));
const overlaps = (f: Flat, from: string, to: string): boolean => {
  const r = dayRange(f.ev.date);
  return !!r && r.end >= from && r.start <= to;
};

/** A long-range event (a whole year) far from the others, so a date filter must not cut it off. */
function withYearEvent(doc: Document): Document {
  const events = doc.events.map((e, i) => (i === 0 ? { ...e, date: '2017' } : e));
  return { ...doc, events };
}

describe('sqlite event query plans', () => {
  let store: Store;
  const docs = [...Array.from({ length: 40 }, (_, i) => fixtureDocument(i)), withYearEvent(fixtureDocument(40, { published: '2017-03-02' }))];
  const flat = flatten(docs);
  const someLocation = flat.find((f) => f.location)!.location!;

  before(async () => {
    store = await openStore('sqlite::memory:');
    await store.putBatch(docs.map(storeInput));
    await store.optimize();
  });
  after(async () => store.close());

  const either = (f: Flat, v: string): boolean => has(f.source, v) || has(f.target, v);
  const cases: [string, EventQuery, (f: Flat) => boolean][] = [
    ['big actor set, one document', { actor: 'FRD', documentId: 'fixture-3' }, (f) => f.doc.id === 'fixture-3' && either(f, 'FRD')],
    ['small actor set, big facet', { actor: 'person:maria-okonkwo', quadClass: 1 }, (f) => f.ev.quadClass === 1 && either(f, 'person:maria-okonkwo')],
    ['dyad', { source: 'SYL', target: 'FRD' }, (f) => has(f.source, 'SYL') && has(f.target, 'FRD')],
    ['dyad by name and code', { source: 'Maria Okonkwo', target: 'RUR' }, (f) => has(f.source, 'person:maria-okonkwo') && has(f.target, 'RUR')],
    ['actor, root and date range', { actor: 'GEN', root: '04', from: '2020-01-01', to: '2020-03-31' }, (f) =>
      f.ev.root === '04' && overlaps(f, '2020-01-01', '2020-03-31') && either(f, 'GEN')],
    ['actor and modality (no facet index)', { actor: 'LAT', modality: 'future' }, (f) => f.ev.modality.future && either(f, 'LAT')],
    ['place by actor id', { place: someLocation }, (f) => f.location === someLocation],
    ['place by actor id and actor', { place: someLocation, actor: 'SYL' }, (f) => f.location === someLocation && either(f, 'SYL')],
    ['year-long event date', { from: '2017-12-01', to: '2017-12-31' }, (f) => overlaps(f, '2017-12-01', '2017-12-31')],
    ['year-long event date and root', { root: docs[40]!.events[0]!.root, from: '2017-11-01', to: '2017-11-30' }, (f) =>
      f.ev.root === docs[40]!.events[0]!.root && overlaps(f, '2017-11-01', '2017-11-30')],
    ['no match on one side', { source: 'FRD', target: 'Nobody Atall' }, () => false],
  ];
  for (const [name, query, pred] of cases) {
    it(`matches brute force: ${name}`, async () => {
      const expected = flat.filter(pred).map((f) => f.id).sort();
      const exact = await store.events({ ...query, countLimit: 0 });
      assert.equal(exact.total, expected.length);
      assert.deepEqual(exact.items.map((r) => r.id).sort(), expected);
      // The one-pass count and page must agree with the exact count and the full ordering.
      const page = await store.events({ ...query, limit: 3, offset: 1, countLimit: 4 });
      assert.equal(page.total, Math.min(expected.length, 4));
      assert.equal(page.totalCapped, expected.length > 4 ? true : undefined);
      assert.deepEqual(page.items.map((r) => r.id), exact.items.slice(1, 4).map((r) => r.id));
      const streamed: string[] = [];
      for await (const r of store.streamEvents(query)) streamed.push(r.id);
      assert.deepEqual(streamed.sort(), expected);
    });
  }
  for (const query of [{ quadClass: 3 }, { root: '04' }, { quadClass: 4, root: '19' }, {}] as EventQuery[]) {
    it(`aggregates dyads like brute force: ${JSON.stringify(query)}`, async () => {
      const expected = new Map<string, number>();
      for (const f of flat) {
        if (query.quadClass !== undefined && f.ev.quadClass !== query.quadClass) continue;
        if (query.root !== undefined && f.ev.root !== query.root) continue;
        const key = (id: string | undefined) => (id ? actorKey(f.doc.entities.find((e) => e.id === id)!) : undefined);
        const [s, t] = [key(f.ev.source[0]), key(f.ev.target[0])];
        if (s && t) expected.set(`${s}|${t}`, (expected.get(`${s}|${t}`) ?? 0) + 1);
      }
      assert.ok(expected.size > 0);
      const got = await store.aggregateEvents(query, 'dyad');
      assert.deepEqual(new Map(got.map((b) => [`${b.source!.id}|${b.target!.id}`, b.count])), expected);
    });
  }
  it('pages full-text hits of both kinds consistently, with snippets', async () => {
    for (const q of ['accused', 'reject', 'council', 'sanctions accord']) {
      const all = await store.search({ q, limit: 10_000 });
      assert.equal(all.items.length, all.total, q);
      assert.ok(all.items.every((h, i) => i === 0 || h.rank <= all.items[i - 1]!.rank), q);
      assert.ok(all.items.every((h) => h.snippet.includes('[')), q);
      for (const [offset, limit] of [[0, 3], [2, 5], [7, 4]] as const) {
        const page = await store.search({ q, limit, offset });
        assert.deepEqual(page.items, all.items.slice(offset, offset + limit), `${q} ${offset}`);
      }
    }
    const kinds = new Set((await store.search({ q: 'reject', limit: 10_000 })).items.map((h) => h.kind));
    assert.deepEqual([...kinds].sort(), ['document', 'quote']);
  });
  it('has fixtures for the year-long date and the located cases', () => {
    assert.ok(flat.some((f) => overlaps(f, '2017-12-01', '2017-12-31')));
    assert.ok(flat.some((f) => f.location === someLocation && either(f, 'SYL')));
  });
});

describe('sqlite schema migration', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dateline-migrate-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates a first-version store when opened for writing and keeps its events findable', async () => {
    const path = join(dir, 'v1.db');
    // Write the documents through a store, then roll the schema back to version 1 by hand.
    const docs = [withYearEvent(fixtureDocument(1, { published: '2017-03-02' })), fixtureDocument(2)];
    const s1 = await openStore(path);
    await s1.putBatch(docs.map(storeInput));
    await s1.close();
    const raw = new Database(path);
    raw.exec(`ALTER TABLE documents DROP COLUMN pipeline; DROP TABLE store_meta; DROP INDEX events_root_date; DROP INDEX events_location; DROP INDEX event_actors_role_code;
      DROP INDEX events_dyad; CREATE INDEX events_dyad ON events(source_actor_pk, target_actor_pk);
      CREATE INDEX event_actors_code ON event_actors(code, role, event_pk); DELETE FROM schema_migrations WHERE version > 1`);
    raw.close();
    assert.equal(MIGRATIONS[0]!.version, 1);
    await assert.rejects(openStore(path, { readonly: true }), /schema version 1/);
    const s2 = await openStore(path);
    assert.equal((await s2.stats()).schemaVersion, SCHEMA_VERSION);
    const page = await s2.events({ from: '2017-12-01', to: '2017-12-31' });
    assert.deepEqual(page.items.map((r) => r.id), [`${docs[0]!.id}#${docs[0]!.events[0]!.id}`]);
    await s2.close();
  });

  it('migrates a version-2 store: its documents have no recorded pipeline (stale) until re-analysed', async () => {
    const path = join(dir, 'v2.db');
    const doc = fixtureDocument(3);
    const s1 = await openStore(path);
    await s1.putBatch([{ ...storeInput(doc), pipeline: 'tokenize@1' }]);
    await s1.close();
    const raw = new Database(path);
    raw.exec('ALTER TABLE documents DROP COLUMN pipeline; DELETE FROM schema_migrations WHERE version > 2');
    raw.close();
    await assert.rejects(openStore(path, { readonly: true }), /schema version 2/);
    const s2 = await openStore(path);
    assert.equal((await s2.stats()).schemaVersion, SCHEMA_VERSION);
    const hash = storeInput(doc).hash;
    assert.deepEqual(await s2.known(doc.id, hash), { status: 'stored', id: doc.id });
    const res = await s2.putBatch([{ ...storeInput(doc), pipeline: 'tokenize@2', reanalyze: true }]);
    assert.equal(res[0]!.status, 'reanalyzed');
    assert.deepEqual(await s2.known(doc.id, hash), { status: 'stored', id: doc.id, pipeline: 'tokenize@2' });
    await s2.close();
  });
});
