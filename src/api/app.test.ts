import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createDocument, withLayers, type Document } from '../core/document.ts';
import { fillFixtureStore, fixtureDocument } from '../store/fixtures.ts';
import { openStore, type Store } from '../store/store.ts';
import { buildApp } from './app.ts';

const TOKEN = 'test-token-123';

describe('HTTP API', () => {
  let store: Store;
  let app: FastifyInstance;
  let readOnly: FastifyInstance;
  let docs: Document[];

  before(async () => {
    store = await openStore('sqlite::memory:');
    docs = await fillFixtureStore(store, 10);
    // The pipeline is tested elsewhere; here analysis returns a fixture-shaped document for the posted text.
    const analyze = (input: { text: string; id: string }): Document => {
      const fx = fixtureDocument(500);
      if (input.text === fx.text) return withLayers(createDocument({ id: input.id, text: fx.text, meta: fx.meta }), { entities: fx.entities, events: fx.events, quotes: fx.quotes, timexes: fx.timexes, sentences: fx.sentences });
      return createDocument({ id: input.id, text: input.text, meta: { referenceBasis: 'none' } });
    };
    app = await buildApp({ store, token: TOKEN, analyze });
    readOnly = await buildApp({ store, analyze });
  });
  after(async () => {
    await app.close();
    await readOnly.close();
    await store.close();
  });

  const get = async (url: string, which = () => app) => {
    const r = await which().inject({ method: 'GET', url });
    return { status: r.statusCode, body: r.json() as Record<string, unknown> & { items?: Record<string, unknown>[] } };
  };

  it('serves the OpenAPI document with every route', async () => {
    const { status, body } = await get('/api/openapi.json');
    assert.equal(status, 200);
    assert.equal(body.openapi, '3.1.0');
    const paths = Object.keys(body.paths as object);
    for (const p of ['/api/documents', '/api/documents/{id}', '/api/events', '/api/entities', '/api/entities/{id}', '/api/quotes', '/api/search', '/api/stats']) {
      assert.ok(paths.includes(p), p);
    }
    const events = (body.paths as Record<string, { get: { parameters: { name: string }[] } }>)['/api/events']!;
    assert.ok(events.get.parameters.some((p) => p.name === 'groupBy'));
  });

  it('GET /api/stats', async () => {
    const { status, body } = await get('/api/stats');
    assert.equal(status, 200);
    assert.equal(body.documents, docs.length);
    assert.equal(body.duplicates, 2);
    assert.equal(body.events, docs.reduce((a, d) => a + d.events.length, 0));
    assert.ok(Array.isArray(body.byWeek) && Array.isArray(body.byDyad));
  });

  it('GET /api/documents lists, searches and counts', async () => {
    const { status, body } = await get('/api/documents?limit=3');
    assert.equal(status, 200);
    assert.equal(body.total, docs.length);
    assert.equal(body.items!.length, 3);
    assert.equal(body.items![0]!.events, docs[0]!.events.length);
    const withDups = await get('/api/documents?includeDuplicates=true&limit=100');
    assert.equal(withDups.body.total, docs.length + 2);
    const searched = await get('/api/documents?q=accused&limit=100');
    assert.equal(searched.body.total, docs.filter((d) => d.text.includes('accused')).length);
    const byActor = await get(`/api/documents?actor=${encodeURIComponent('Maria Okonkwo')}`);
    assert.equal(byActor.body.total, docs.filter((d) => d.entities.some((e) => e.name === 'Maria Okonkwo')).length);
  });

  it('GET /api/documents/:id gives all layers and duplicate links', async () => {
    const { status, body } = await get(`/api/documents/${docs[0]!.id}`);
    assert.equal(status, 200);
    const doc = body.document as Document;
    assert.equal(doc.text, docs[0]!.text);
    assert.deepEqual(doc.events, docs[0]!.events);
    assert.deepEqual(doc.quotes, docs[0]!.quotes);
    assert.deepEqual(doc.entities, docs[0]!.entities);
    assert.deepEqual(body.duplicates, ['copy-exact']);
    const copy = await get('/api/documents/copy-near');
    assert.equal(copy.body.duplicateOf, docs[1]!.id);
    const missing = await get('/api/documents/nope');
    assert.equal(missing.status, 404);
    assert.equal((missing.body.error as { code: string }).code, 'E_NOT_FOUND');
  });

  it('GET /api/events filters, pages and aggregates', async () => {
    const all = await get('/api/events?limit=1000');
    assert.equal(all.body.total, docs.reduce((a, d) => a + d.events.length, 0));
    const p = await get('/api/events?limit=5&offset=5');
    assert.deepEqual(p.body.items!.map((e) => e.id), all.body.items!.slice(5, 10).map((e) => e.id));
    const neg = await get('/api/events?modality=negated&limit=1000');
    assert.equal(neg.body.total, docs.reduce((a, d) => a + d.events.filter((e) => e.modality.negated).length, 0));
    assert.ok(neg.body.items!.every((e) => (e.modality as { negated: boolean }).negated));
    const src = await get('/api/events?source=FRDGOV&root=04&limit=1000');
    assert.ok(src.body.total as number > 0);
    assert.ok(src.body.items!.every((e) => e.root === '04' && (e.sourceCodes as string[]).includes('FRDGOV')));
    const dated = await get('/api/events?from=2020-01-08&to=2020-01-09&limit=1000');
    assert.ok(dated.body.items!.every((e) => (e.dateEnd as string) >= '2020-01-08' && (e.dateStart as string) <= '2020-01-09'));
    const weeks = await get('/api/events?groupBy=week');
    const buckets = weeks.body.buckets as { key: string; count: number }[];
    assert.equal(buckets.reduce((a, b) => a + b.count, 0), all.body.total);
    const dyads = await get('/api/events?groupBy=dyad&limit=5');
    assert.ok((dyads.body.buckets as unknown[]).length <= 5);
    const places = await get('/api/events?groupBy=place&limit=10');
    const pb = places.body.buckets as { name: string; count: number; lat?: number }[];
    assert.equal(pb.reduce((a, b) => a + b.count, 0), docs.reduce((a, d) => a + d.events.filter((e) => e.location).length, 0));
    assert.ok(pb.some((b) => typeof b.lat === 'number'));
    const month = await get('/api/events?groupBy=month&quadClass=4');
    assert.equal((month.body.buckets as { count: number }[]).reduce((a, b) => a + b.count, 0), docs.reduce((a, d) => a + d.events.filter((e) => e.quadClass === 4).length, 0));
  });

  it('rejects bad parameters with 400 and a coded error', async () => {
    for (const url of [
      '/api/events?limit=abc',
      '/api/events?limit=100000',
      '/api/events?offset=-1',
      '/api/events?quadClass=7',
      '/api/events?from=yesterday',
      '/api/events?modality=maybe',
      '/api/events?groupBy=year',
      '/api/events?cameo=abc',
      '/api/events?country=FRANCE',
      '/api/entities?type=ALIEN',
      '/api/search',
      '/api/search?q=',
      '/api/quotes?from=2020-13',
      '/api/documents?includeDuplicates=perhaps',
    ]) {
      const { status, body } = await get(url);
      assert.equal(status, 400, url);
      assert.equal((body.error as { code: string }).code, 'E_BAD_REQUEST', url);
    }
    const unknown = await get('/api/unknown');
    assert.equal(unknown.status, 404);
  });

  it('treats SQL-injection strings as plain values', async () => {
    const before = await get('/api/stats');
    for (const nasty of ["' OR 1=1 --", '"; DROP TABLE events; --', "x') UNION SELECT * FROM documents --", '%', '_']) {
      const q = encodeURIComponent(nasty);
      for (const url of [`/api/events?actor=${q}`, `/api/events?place=${q}`, `/api/quotes?speaker=${q}`, `/api/entities?q=${q}`, `/api/search?q=${q}`, `/api/documents?q=${q}`, `/api/documents/${q}`, `/api/entities/${q}`]) {
        const { status, body } = await get(url);
        assert.ok(status === 200 || status === 404, `${url} → ${status}`);
        if (status === 200 && 'total' in body && !url.startsWith('/api/entities?')) assert.equal(body.total, 0, url);
      }
    }
    const after = await get('/api/stats');
    assert.deepEqual(after.body, before.body);
  });

  it('GET /api/entities and /api/entities/:id', async () => {
    const list = await get('/api/entities?type=PERSON&sort=name');
    assert.equal(list.status, 200);
    assert.ok(list.body.items!.every((a) => a.type === 'PERSON'));
    const names = list.body.items!.map((a) => a.name as string);
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)));
    const id = list.body.items![0]!.id as string;
    const detail = await get(`/api/entities/${encodeURIComponent(id)}`);
    assert.equal(detail.status, 200);
    assert.equal((detail.body.actor as { id: string }).id, id);
    assert.ok(Array.isArray(detail.body.timeline) && (detail.body.timeline as unknown[]).length > 0);
    assert.ok(Array.isArray(detail.body.quotes));
    const asSource = detail.body.eventsAsSource as { sourceActors: { id: string }[] }[];
    assert.ok(asSource.every((e) => e.sourceActors.some((a) => a.id === id)));
    assert.equal((await get('/api/entities/person%3Anobody')).status, 404);
  });

  it('GET /api/quotes and /api/search', async () => {
    const q = await get('/api/quotes?speaker=Okonkwo');
    assert.equal(q.status, 200);
    assert.ok(q.body.total as number > 0);
    assert.ok(q.body.items!.every((r) => (r.speaker as { name: string }).name === 'Maria Okonkwo'));
    const s = await get('/api/search?q=reject&kind=quote&limit=2');
    assert.equal(s.status, 200);
    assert.equal(s.body.items!.length, 2);
    assert.ok(s.body.items!.every((h) => h.kind === 'quote' && String(h.snippet).includes('[reject]')));
  });

  it('refuses writes without the operator token', async () => {
    const payload = { text: fixtureDocument(500).text, id: 'posted-1' };
    const none = await app.inject({ method: 'POST', url: '/api/documents', payload });
    assert.equal(none.statusCode, 401);
    const wrong = await app.inject({ method: 'POST', url: '/api/documents', payload, headers: { authorization: 'Bearer nope' } });
    assert.equal(wrong.statusCode, 401);
    const disabled = await readOnly.inject({ method: 'POST', url: '/api/documents', payload, headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(disabled.statusCode, 401);
    assert.equal((await get('/api/documents/posted-1')).status, 404);
  });

  it('analyzes and stores a posted document with the token', async () => {
    const text = fixtureDocument(500).text;
    const headers = { authorization: `Bearer ${TOKEN}` };
    const r = await app.inject({ method: 'POST', url: '/api/documents', payload: { text, id: 'posted-1', title: 'Posted' }, headers });
    assert.equal(r.statusCode, 201);
    const body = r.json() as { result: { status: string }; document: { document: Document } };
    assert.equal(body.result.status, 'stored');
    assert.equal(body.document.document.events.length, fixtureDocument(500).events.length);
    const again = await app.inject({ method: 'POST', url: '/api/documents', payload: { text, id: 'posted-1' }, headers });
    assert.equal(again.statusCode, 200);
    assert.equal((again.json() as { result: { status: string } }).result.status, 'skipped');
    const bad = await app.inject({ method: 'POST', url: '/api/documents', payload: { text: '' }, headers });
    assert.equal(bad.statusCode, 400);
    const notJson = await app.inject({ method: 'POST', url: '/api/documents', payload: 'text', headers: { ...headers, 'content-type': 'text/plain' } });
    assert.equal(notJson.statusCode, 400);
  });

  it('limits the request body size', async () => {
    const small = await buildApp({ store, token: TOKEN, bodyLimit: 1024 });
    const r = await small.inject({
      method: 'POST',
      url: '/api/documents',
      payload: { text: 'x'.repeat(5000) },
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(r.statusCode, 413);
    await small.close();
  });
});
