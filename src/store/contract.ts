/**
 * The store contract: one suite every adapter must pass (`runStoreContract(() => openStore(url))`).
 * Expectations are computed from the fixture documents themselves, not written down by hand.
 */
import assert from 'node:assert/strict';
import { describe, it, before, after } from 'node:test';
import { createDocument, type Document, type Entity, type EventRecord } from '../core/document.ts';
import { fixtureDocument, syndicatedCopy } from './fixtures.ts';
import { actorKey, contentHash } from './keys.ts';
import { minhash } from './near-duplicates.ts';
import { dayRange } from './dates.ts';
import type { EventQuery, Store, StoreInput } from './store.ts';

export function storeInput(doc: Document): StoreInput {
  const signature = minhash(doc.text);
  return { doc, hash: contentHash(doc.text), ...(signature ? { signature } : {}) };
}

/** The document as the store gives it back: no tokens, sentences without internal token indexes. */
export function storedShape(doc: Document): Document {
  return {
    ...doc,
    tokens: [],
    sentences: doc.sentences.map(({ start, end, source, confidence }) => ({
      start,
      end,
      ...(source !== undefined ? { source } : {}),
      ...(confidence !== undefined ? { confidence } : {}),
    })),
  };
}

interface Flat {
  readonly doc: Document;
  readonly ev: EventRecord;
  readonly sourceKeys: string[];
  readonly targetKeys: string[];
  readonly sourceCodes: string[];
  readonly targetCodes: string[];
}

function flatten(docs: readonly Document[]): Flat[] {
  return docs.flatMap((doc) =>
    doc.events.map((ev) => {
      const ent = (id: string) => doc.entities.find((e) => e.id === id)!;
      return {
        doc,
        ev,
        sourceKeys: ev.source.map((id) => actorKey(ent(id))),
        targetKeys: ev.target.map((id) => actorKey(ent(id))),
        sourceCodes: [...(ev.sourceCodes ?? [])],
        targetCodes: [...(ev.targetCodes ?? [])],
      };
    }),
  );
}

/** Extra layers an older analysis made: an organisation no other document mentions. */
function withTransientActor(doc: Document): Document {
  const transient: Entity = {
    id: 'e-transient',
    name: `Transient Office ${doc.id}`,
    type: 'ORG',
    mentions: [{ start: 0, end: 4, kind: 'name' }],
    source: 'entities@1',
  };
  return { ...doc, entities: [...doc.entities, transient] };
}

/**
 * The same text analysed again by a "newer pipeline": the transient actor gone, one person renamed
 * (a new corpus actor), the last event and the first quote dropped, a stage error recorded.
 */
function reanalysedVariant(doc: Document): Document {
  let renamed = false;
  const entities = doc.entities
    .filter((e) => e.id !== 'e-transient')
    .map((e) => {
      if (renamed || e.type !== 'PERSON') return e;
      renamed = true;
      return { ...e, name: `${e.name} Junior` };
    });
  return {
    ...doc,
    entities,
    quotes: doc.quotes.slice(1),
    events: doc.events.slice(0, -1),
    errors: [{ code: 'E_ANALYZE', message: 'stage time@9 failed: test' }],
  };
}

function reanalysisContract(open: () => Promise<Store>): void {
  describe('store contract: re-analysis of stored documents', () => {
    const original = Array.from({ length: 6 }, (_, i) => fixtureDocument(300 + i));
    original[0] = withTransientActor(original[0]!);
    const copy = createDocument({ id: 'reanalysis-copy', text: original[1]!.text, meta: original[1]!.meta });
    const input = (doc: Document, pipeline?: string, reanalyze?: boolean): StoreInput => ({
      ...storeInput(doc),
      ...(pipeline !== undefined ? { pipeline } : {}),
      ...(reanalyze ? { reanalyze } : {}),
    });
    const OLD = 'tokenize@1,entities@1';
    const NEW = 'tokenize@1,entities@2';
    const final = original.map((d, i) => (i === 0 || i === 2 ? reanalysedVariant(d) : d));
    let a: Store;
    let b: Store;

    before(async () => {
      a = await open();
      b = await open();
      await a.putBatch(original.map((d, i) => input(d, i === 5 ? undefined : OLD)));
      await a.putBatch([input(copy)]);
    });
    after(async () => {
      await a.close();
      await b.close();
    });

    it('reports the pipeline a stored document was analysed with', async () => {
      const d0 = original[0]!;
      assert.deepEqual(await a.known(d0.id, contentHash(d0.text)), { status: 'stored', id: d0.id, pipeline: OLD });
      // Stored without a pipeline (as by an older dateline): unknown.
      const d5 = original[5]!;
      assert.deepEqual(await a.known(d5.id, contentHash(d5.text)), { status: 'stored', id: d5.id });
      assert.deepEqual(await a.known(copy.id, contentHash(copy.text)), { status: 'stored', id: copy.id, duplicateOf: original[1]!.id });
      assert.equal((await a.getDocument(d0.id))?.pipeline, OLD);
      assert.equal((await a.getDocument(d5.id))?.pipeline, undefined);
    });

    it('replaces the layers of re-analysed documents and leaves the others alone', async () => {
      const res = await a.putBatch([
        input(final[0]!, NEW, true),
        input(final[2]!, NEW, true),
        input(copy, NEW, true),
        input(final[3]!, NEW),
      ]);
      assert.deepEqual(res.map((r) => r.status), ['reanalyzed', 'reanalyzed', 'skipped', 'skipped']);
      assert.deepEqual(res.map((r) => r.id), [final[0]!.id, final[2]!.id, copy.id, final[3]!.id]);
      const got = await a.getDocument(final[0]!.id);
      assert.deepEqual(got?.document, storedShape(final[0]!));
      assert.equal(got?.pipeline, NEW);
      assert.deepEqual(got?.duplicates, []);
      assert.equal((await a.getDocument(final[3]!.id))?.pipeline, OLD);
      assert.deepEqual((await a.getDocument(original[1]!.id))?.duplicates, [copy.id]);
      assert.equal(await a.entity(`org:${`transient office ${final[0]!.id}`.replace(/[^a-z0-9]+/g, '-')}`), null);
    });

    it('ends in the same store as loading the new analyses from scratch', async () => {
      await b.putBatch(final.map((d, i) => input(d, i === 0 || i === 2 ? NEW : i === 5 ? undefined : OLD)));
      await b.putBatch([input(copy)]);
      for (const d of [...final, copy]) {
        const x = await a.getDocument(d.id);
        const y = await b.getDocument(d.id);
        assert.deepEqual(x, y, d.id);
      }
      assert.deepEqual(await a.stats(), await b.stats());
      const byId = <T extends { id: string }>(xs: readonly T[]): T[] => [...xs].sort((p, q) => (p.id < q.id ? -1 : p.id > q.id ? 1 : 0));
      assert.deepEqual(byId((await a.entities({ limit: 10_000 })).items), byId((await b.entities({ limit: 10_000 })).items));
      assert.deepEqual(byId((await a.events({ limit: 10_000 })).items), byId((await b.events({ limit: 10_000 })).items));
      assert.deepEqual(byId((await a.quotes({ limit: 10_000 })).items), byId((await b.quotes({ limit: 10_000 })).items));
      const dropped = original[0]!.quotes[0]!;
      const word = original[0]!.text.slice(dropped.start, dropped.end).match(/\p{L}{4,}/u)![0];
      assert.equal((await a.quotes({ q: word })).total, (await b.quotes({ q: word })).total);
      assert.equal((await a.search({ q: word, kind: 'quote' })).total, (await b.search({ q: word, kind: 'quote' })).total);
      const dyads = async (st: Store) => [...(await st.aggregateEvents({}, 'dyad'))].map((x) => `${x.key}:${x.count}`).sort();
      assert.deepEqual(await dyads(a), await dyads(b));
    });
  });
}

export function runStoreContract(open: () => Promise<Store>): void {
  reanalysisContract(open);
  describe('store contract', () => {
    let store: Store;
    const docs = Array.from({ length: 12 }, (_, i) => fixtureDocument(i));
    const flat = flatten(docs);
    /** Every canonical document stored so far (grows as tests add some). */
    const stored: Document[] = [...docs];

    before(async () => {
      store = await open();
      const first = await store.putBatch(docs.slice(0, 5).map(storeInput));
      assert.deepEqual(first.map((r) => r.status), Array(5).fill('stored'));
      await store.putBatch(docs.slice(5).map(storeInput));
    });
    after(async () => {
      await store.close();
    });

    it('gives every document back with all its layers', async () => {
      for (const doc of docs) {
        const got = await store.getDocument(doc.id);
        assert.ok(got, doc.id);
        assert.deepEqual(got.document, storedShape(doc));
        assert.equal(got.hash, contentHash(doc.text));
        assert.equal(got.duplicateOf, undefined);
        for (const e of doc.entities) assert.equal(got.actors[e.id], actorKey(e));
      }
      assert.equal(await store.getDocument('no-such-document'), null);
    });

    it('counts what it stores', async () => {
      const st = await store.stats();
      assert.equal(st.documents, docs.length);
      assert.equal(st.duplicates, 0);
      assert.equal(st.events, flat.length);
      assert.equal(st.quotes, docs.reduce((a, d) => a + d.quotes.length, 0));
      assert.equal(st.entityRecords, docs.reduce((a, d) => a + d.entities.length, 0));
      const keys = new Set(docs.flatMap((d) => d.entities.map(actorKey)));
      assert.equal(st.entities, keys.size);
      assert.equal(st.timexes, docs.reduce((a, d) => a + d.timexes.length, 0));
    });

    it('skips a document it already holds and reports what it knows', async () => {
      const res = await store.putBatch([storeInput(docs[0]!)]);
      assert.deepEqual(res, [{ id: docs[0]!.id, status: 'skipped' }]);
      assert.deepEqual(await store.known(docs[0]!.id, contentHash(docs[0]!.text)), { status: 'stored', id: docs[0]!.id });
      assert.deepEqual(await store.known('other-id', contentHash(docs[0]!.text)), { status: 'duplicate-of', id: docs[0]!.id });
      assert.deepEqual(await store.known('other-id', contentHash('unseen text')), { status: 'new' });
      assert.equal((await store.stats()).documents, docs.length);
    });

    it('links exact and near duplicates to the first copy without counting them twice', async () => {
      const before = await store.stats();
      const exact = createDocument({ id: 'copy-exact', text: docs[1]!.text, meta: docs[1]!.meta });
      const near = syndicatedCopy(docs[2]!, 'copy-near');
      const res = await store.putBatch([storeInput(exact), storeInput(near)]);
      assert.equal(res[0]!.status, 'duplicate');
      assert.equal(res[0]!.duplicateOf, docs[1]!.id);
      assert.equal(res[1]!.status, 'near-duplicate');
      assert.equal(res[1]!.duplicateOf, docs[2]!.id);
      assert.ok((res[1]!.similarity ?? 0) >= 0.75 && (res[1]!.similarity ?? 0) < 1);
      const after = await store.stats();
      assert.equal(after.documents, before.documents);
      assert.equal(after.duplicates, before.duplicates + 2);
      assert.equal(after.exactDuplicates, before.exactDuplicates + 1);
      assert.equal(after.nearDuplicates, before.nearDuplicates + 1);
      assert.equal(after.events, before.events);
      const dup = await store.getDocument('copy-near');
      assert.equal(dup?.duplicateOf, docs[2]!.id);
      assert.equal(dup?.duplicateKind, 'near');
      assert.deepEqual((await store.getDocument(docs[2]!.id))?.duplicates, ['copy-near']);
      const again = await store.putBatch([storeInput(exact)]);
      assert.equal(again[0]!.status, 'skipped');
      const listed = await store.listDocuments({ includeDuplicates: false });
      assert.equal(listed.total, docs.length);
      const all = await store.listDocuments({ includeDuplicates: true });
      assert.equal(all.total, docs.length + 2);
    });

    it('keeps a different text that reuses a stored id under a derived id', async () => {
      const other = fixtureDocument(99, { id: docs[3]!.id });
      const res = await store.putBatch([storeInput(other)]);
      assert.equal(res[0]!.status, 'stored');
      assert.equal(res[0]!.id, `${docs[3]!.id}@${contentHash(other.text).slice(0, 8)}`);
      assert.equal((await store.putBatch([storeInput(other)]))[0]!.status, 'skipped');
      const renamed = { ...other, id: res[0]!.id };
      flat.push(...flatten([renamed]));
      stored.push(renamed);
    });

    it('writes a batch all or nothing', async () => {
      const before = await store.stats();
      const good = fixtureDocument(200);
      const bad = { doc: { ...fixtureDocument(201), text: null as unknown as string }, hash: 'x'.repeat(64) };
      await assert.rejects(store.putBatch([storeInput(good), bad]));
      assert.deepEqual(await store.stats(), before);
      assert.equal(await store.getDocument(good.id), null);
    });

    const cases: [string, EventQuery, (f: Flat) => boolean][] = [
      ['all', {}, () => true],
      ['actor by code prefix', { actor: 'FRD' }, (f) => [...f.sourceCodes, ...f.targetCodes].some((c) => c.startsWith('FRD')) || [...f.sourceKeys, ...f.targetKeys].some((k) => k.startsWith('FRD'))],
      ['actor by name', { actor: 'maria okonkwo' }, (f) => [...f.sourceKeys, ...f.targetKeys].includes('person:maria-okonkwo')],
      ['actor by id', { actor: 'person:tomas-lindqvist' }, (f) => [...f.sourceKeys, ...f.targetKeys].includes('person:tomas-lindqvist')],
      ['source', { source: 'SYL' }, (f) => f.sourceCodes.some((c) => c.startsWith('SYL')) || f.sourceKeys.some((k) => k.startsWith('SYL'))],
      ['target', { target: 'RURGOV' }, (f) => f.targetCodes.some((c) => c.startsWith('RURGOV')) || f.targetKeys.some((k) => k.startsWith('RURGOV'))],
      ['cameo prefix', { cameo: '11' }, (f) => f.ev.cameo.startsWith('11')],
      ['root', { root: '4' }, (f) => f.ev.root === '04'],
      ['plover', { plover: 'sanction' }, (f) => f.ev.plover === 'SANCTION'],
      ['quad class', { quadClass: 4 }, (f) => f.ev.quadClass === 4],
      ['event date range', { from: '2020-01-08', to: '2020-01-12' }, (f) => {
        const r = dayRange(f.ev.date);
        return !!r && r.end >= '2020-01-08' && r.start <= '2020-01-12';
      }],
      ['published range', { publishedFrom: '2020-01-10', publishedTo: '2020-01-12' }, (f) => f.doc.meta.published! >= '2020-01-10' && f.doc.meta.published! <= '2020-01-12'],
      ['negated', { modality: 'negated' }, (f) => f.ev.modality.negated],
      ['future', { modality: 'future' }, (f) => f.ev.modality.future],
      ['conditional', { modality: 'conditional' }, (f) => f.ev.modality.conditional],
      ['hypothetical', { modality: 'hypothetical' }, (f) => f.ev.modality.hypothetical],
      ['asserted', { modality: 'asserted' }, (f) => !Object.values(f.ev.modality).some(Boolean)],
      ['place', { place: 'eastwick' }, (f) => {
        // Only the place the text gives: never the dateline city by default.
        const loc = f.ev.location ? f.doc.entities.find((e) => e.id === f.ev.location)?.name : undefined;
        return loc?.toLowerCase() === 'eastwick';
      }],
      ['country', { country: 'rur' }, (f) => {
        const c = f.ev.location ? f.doc.entities.find((e) => e.id === f.ev.location)?.country : undefined;
        return c === 'RUR';
      }],
      ['document', { documentId: docs[4]!.id }, (f) => f.doc.id === docs[4]!.id],
      ['combined', { actor: 'GEN', root: '19', modality: 'negated' }, (f) =>
        f.ev.root === '19' && f.ev.modality.negated &&
        ([...f.sourceCodes, ...f.targetCodes].some((c) => c.startsWith('GEN')) || [...f.sourceKeys, ...f.targetKeys].some((k) => k.startsWith('GEN')))],
      ['SQL injection in a filter', { actor: "' OR 1=1 --", cameo: "0' OR '1'='1" }, () => false],
      ['unknown actor', { actor: 'Nobody Atall' }, () => false],
    ];
    for (const [name, query, pred] of cases) {
      it(`filters events: ${name}`, async () => {
        const expected = flat.filter(pred).map((f) => `${f.doc.id}#${f.ev.id}`).sort();
        const page = await store.events(query);
        assert.equal(page.total, expected.length);
        assert.deepEqual(page.items.map((r) => r.id).sort(), expected);
        const streamed: string[] = [];
        for await (const r of store.streamEvents(query)) streamed.push(r.id);
        assert.deepEqual(streamed.sort(), expected);
      });
    }

    it('pages events and resolves their context', async () => {
      const all = await store.events({});
      const p1 = await store.events({ limit: 7, offset: 0 });
      const p2 = await store.events({ limit: 7, offset: 7 });
      assert.equal(p1.total, all.total);
      assert.deepEqual([...p1.items, ...p2.items].map((r) => r.id), all.items.slice(0, 14).map((r) => r.id));
      const limited: string[] = [];
      for await (const r of store.streamEvents({ limit: 5, offset: 3 })) limited.push(r.id);
      assert.deepEqual(limited, all.items.slice(3, 8).map((r) => r.id));
      for (const row of all.items) {
        const f = flat.find((x) => `${x.doc.id}#${x.ev.id}` === row.id)!;
        assert.deepEqual(row.event, f.ev);
        assert.equal(row.triggerText, f.doc.text.slice(f.ev.trigger.start, f.ev.trigger.end));
        const sn = f.doc.sentences[f.ev.sentence]!;
        assert.equal(row.sentenceText, f.doc.text.slice(sn.start, sn.end));
        assert.deepEqual(row.sourceActors.map((a) => a.id), f.sourceKeys);
        assert.deepEqual(row.targetActors.map((a) => a.id), f.targetKeys);
        assert.equal(row.documentId, f.doc.id);
      }
    });

    it('caps event counts when asked', async () => {
      const capped = await store.events({ countLimit: 5, limit: 2 });
      assert.equal(capped.total, 5);
      assert.equal(capped.totalCapped, true);
      assert.equal(capped.items.length, 2);
      const exact = await store.events({ countLimit: 0, limit: 2 });
      assert.equal(exact.total, flat.length);
      assert.equal(exact.totalCapped, undefined);
    });

    it('orders events by date when a date range is given', async () => {
      const page = await store.events({ from: '2019-01-01', to: '2021-01-01' });
      const starts = page.items.map((r) => r.dateStart ?? '');
      assert.deepEqual(starts, [...starts].sort());
      await store.optimize();
      assert.equal((await store.events({ from: '2019-01-01', to: '2021-01-01' })).total, page.total);
    });

    it('aggregates events by period, type and dyad', async () => {
      const total = (await store.stats()).events;
      for (const by of ['week', 'month', 'root', 'quadClass'] as const) {
        const buckets = await store.aggregateEvents({}, by);
        assert.equal(buckets.reduce((a, b) => a + b.count, 0), total, by);
      }
      const roots = await store.aggregateEvents({}, 'root');
      const expectedRoots = new Map<string, number>();
      for (const f of flat) expectedRoots.set(f.ev.root, (expectedRoots.get(f.ev.root) ?? 0) + 1);
      assert.deepEqual(new Map(roots.map((b) => [b.key, b.count])), expectedRoots);
      const dyads = await store.aggregateEvents({}, 'dyad');
      const expected = new Map<string, number>();
      for (const f of flat) {
        if (f.sourceKeys[0] && f.targetKeys[0]) {
          const k = `${f.sourceKeys[0]}|${f.targetKeys[0]}`;
          expected.set(k, (expected.get(k) ?? 0) + 1);
        }
      }
      assert.deepEqual(new Map(dyads.map((b) => [`${b.source!.id}|${b.target!.id}`, b.count])), expected);
      const places = await store.aggregateEvents({}, 'place');
      // Events the text does not locate are in no place bucket.
      assert.equal(places.reduce((a, b) => a + b.count, 0), flat.filter((f) => f.ev.location).length);
      const withGeo = places.find((b) => b.lat !== undefined);
      assert.ok(withGeo && withGeo.name && withGeo.lon !== undefined);
      const weeks = await store.aggregateEvents({ root: '11' }, 'week');
      assert.equal(weeks.reduce((a, b) => a + b.count, 0), flat.filter((f) => f.ev.root === '11').length);
      assert.ok(weeks.every((b) => /^\d{4}-W\d{2}$/.test(b.key)));
    });

    it('finds quotes by speaker, text and document', async () => {
      const allQuotes = stored.flatMap((d) => d.quotes.map((q) => ({ d, q, key: actorKey(d.entities.find((e) => e.id === q.speaker)!) })));
      const key = allQuotes[0]!.key;
      const page = await store.quotes({ speaker: key });
      assert.equal(page.total, allQuotes.filter((x) => x.key === key).length);
      assert.ok(page.items.every((r) => r.speaker?.id === key));
      const first = page.items[0]!;
      const src = allQuotes.find((x) => `${x.d.id}#${x.q.id}` === first.id)!;
      assert.equal(first.text, src.d.text.slice(src.q.start, src.q.end));
      assert.equal(first.cueText, 'said');
      const bySurname = await store.quotes({ speaker: key.split('-').pop()! });
      assert.equal(bySurname.total, page.total);
      const byText = await store.quotes({ q: 'tariff' });
      assert.equal(byText.total, allQuotes.length);
      const none = await store.quotes({ q: '"); DROP TABLE quotes; --' });
      assert.equal(none.total, 0);
      const inDoc = await store.quotes({ documentId: docs[0]!.id });
      assert.equal(inDoc.total, docs[0]!.quotes.length);
    });

    it('lists corpus actors and gives an actor timeline', async () => {
      const page = await store.entities({ limit: 100 });
      const keys = new Set(stored.flatMap((d) => d.entities.map(actorKey)));
      assert.ok(page.total >= keys.size);
      const person = await store.entities({ q: 'okonkwo' });
      assert.equal(person.items[0]?.id, 'person:maria-okonkwo');
      const withDocs = stored.filter((d) => d.entities.some((e) => actorKey(e) === 'person:maria-okonkwo'));
      assert.equal(person.items[0]?.documents, withDocs.length);
      const detail = await store.entity('person:maria-okonkwo');
      assert.ok(detail);
      assert.equal(detail.timeline.length, withDocs.length);
      assert.deepEqual(detail.names, ['Maria Okonkwo']);
      assert.equal(detail.eventsAsSource.length, flat.filter((f) => f.sourceKeys.includes('person:maria-okonkwo')).length);
      assert.equal(detail.eventsAsTarget.length, flat.filter((f) => f.targetKeys.includes('person:maria-okonkwo')).length);
      assert.equal(detail.actor.eventsAsSource, detail.eventsAsSource.length);
      assert.equal(await store.entity('nobody'), null);
      const gpe = await store.entities({ type: 'GPE', sort: 'name' });
      assert.ok(gpe.items.every((a) => a.type === 'GPE'));
    });

    it('searches text and quotes, safely', async () => {
      const hits = await store.search({ q: 'accused', kind: 'document' });
      assert.equal(hits.total, docs.filter((d) => /\baccused\b/.test(d.text)).length + 1);
      assert.ok(hits.items.every((h) => h.snippet.includes('[accused]') || h.snippet.includes('[Accused]')));
      const quoteHits = await store.search({ q: 'reject', kind: 'quote' });
      assert.ok(quoteHits.total > 0 && quoteHits.items.every((h) => h.kind === 'quote'));
      for (const nasty of ['"', 'NEAR(', "'; DROP TABLE documents; --", 'title:x OR', '*', '']) {
        const r = await store.search({ q: nasty });
        assert.ok(r.total >= 0);
      }
      const listed = await store.listDocuments({ q: 'accused', limit: 3 });
      assert.equal(listed.items.length, Math.min(3, listed.total));
    });

    it('filters documents by dateline agency and country', async () => {
      // Compare with the unfiltered list (earlier tests add documents of their own).
      const all = (await store.listDocuments({})).items;
      const country = docs.map((d) => d.meta.dateline?.country).find((c): c is string => !!c)!;
      const byCountry = await store.listDocuments({ country: country.toLowerCase() });
      assert.ok(byCountry.total > 0);
      assert.equal(byCountry.total, all.filter((d) => d.country === country).length);
      assert.ok(byCountry.items.every((d) => d.country === country));
      const agency = docs[0]!.meta.dateline!.agencies[0]!;
      const withAgency: string[] = [];
      for (const d of all) if ((await store.getDocument(d.id))?.document.meta.dateline?.agencies.includes(agency)) withAgency.push(d.id);
      const byAgency = await store.listDocuments({ agency: agency.toUpperCase() });
      assert.deepEqual(byAgency.items.map((d) => d.id).sort(), withAgency.sort());
      assert.equal((await store.listDocuments({ agency: "x' OR '1'='1" })).total, 0);
    });

    it('gives detailed statistics', async () => {
      const st = await store.statsDetail();
      assert.equal(st.byMonth.reduce((a, b) => a + b.count, 0), st.events);
      assert.ok(st.byDyad.length > 0);
    });
  });
}
