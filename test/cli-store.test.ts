/** The store commands end to end, run in-process: ingest, events, quotes, entities, search, stats, export. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../src/cli/main.ts';
import { fillFixtureStore, fixtureDocument } from '../src/store/fixtures.ts';
import { GDELT_COLUMNS } from '../src/store/output.ts';
import { openStore } from '../src/store/store.ts';
import type { Document } from '../src/core/document.ts';

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const sink = (f: (s: string) => void) => new Writable({ write(chunk, _enc, cb) { f(chunk.toString()); cb(); } });
  const code = await runCli(args, {
    stdout: sink((s) => (out += s)),
    stderr: sink((s) => (err += s)),
    stdin: Readable.from([]),
    env,
  });
  return { code, out, err };
}

const lines = (s: string): unknown[] => s.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);

describe('store commands', () => {
  let dir: string;
  let db: string;
  let docs: Document[];
  let nEvents: number;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dateline-cli-'));
    db = join(dir, 'fx.db');
    const store = await openStore(db);
    docs = await fillFixtureStore(store, 10);
    await store.close();
    nEvents = docs.reduce((a, d) => a + d.events.length, 0);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('stats --format json has the contract counts', async () => {
    const r = await cli(['stats', '--db', db, '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const st = JSON.parse(r.out) as Record<string, number>;
    assert.equal(st.documents, docs.length);
    assert.equal(st.duplicates, 2);
    assert.equal(st.events, nEvents);
    assert.equal(st.quotes, docs.reduce((a, d) => a + d.quotes.length, 0));
    assert.ok(st.entities! > 0);
    const text = await cli(['stats', '--db', db]);
    assert.match(text.out, /documents\s+10/);
    assert.match(text.out, /Events by month/);
  });

  it('events --format jsonl prints every event, or --limit N', async () => {
    const all = await cli(['events', '--db', db, '--format', 'jsonl']);
    assert.equal(all.code, 0);
    assert.equal(lines(all.out).length, nEvents);
    const some = await cli(['events', '--db', db, '--format', 'jsonl', '--limit', '7']);
    assert.equal(lines(some.out).length, 7);
    const ev = lines(some.out)[0] as Record<string, unknown>;
    for (const k of ['id', 'documentId', 'cameo', 'root', 'quadClass', 'goldstein', 'modality', 'sourceActors', 'triggerText']) assert.ok(k in ev, k);
  });

  it('events filters and formats', async () => {
    const neg = await cli(['events', '--db', db, '--modality', 'negated', '--format', 'json']);
    const rows = JSON.parse(neg.out) as { modality: { negated: boolean } }[];
    assert.equal(rows.length, docs.reduce((a, d) => a + d.events.filter((e) => e.modality.negated).length, 0));
    const csv = await cli(['events', '--db', db, '--actor', 'Maria Okonkwo', '--root', '04', '--format', 'csv']);
    const csvLines = csv.out.trim().split('\n');
    assert.match(csvLines[0]!, /^id,date,published,source,cameo/);
    assert.ok(csvLines.length > 1 && csvLines.slice(1).every((l) => l.includes(',040,')));
    const table = await cli(['events', '--db', db, '--country', 'FRD', '--from', '2020-01-01', '--to', '2020-01-31']);
    assert.equal(table.code, 0);
    assert.match(table.out, /^ID\s+DATE/);
    assert.match(table.err, /of \d+ event/);
    const grouped = await cli(['events', '--db', db, '--group-by', 'month', '--format', 'json']);
    const buckets = JSON.parse(grouped.out) as { count: number }[];
    assert.equal(buckets.reduce((a, b) => a + b.count, 0), nEvents);
    const dyads = await cli(['events', '--db', db, '--group-by', 'dyad', '--format', 'csv']);
    assert.match(dyads.out, /→/);
  });

  it('bad usage exits 2; a missing store is fatal (3)', async () => {
    for (const args of [
      ['events', '--db', db, '--quad', '9'],
      ['events', '--db', db, '--format', 'xml'],
      ['events', '--db', db, '--from', '2020/01/01'],
      ['events', '--db', db, '--modality', 'perhaps'],
      ['events', '--db', db, '--limit', '-3'],
      ['search', '--db', db],
      ['entities', '--db', db, '--type', 'ALIEN'],
      ['export', '--db', db, '--format', 'xlsx'],
      ['ingest'],
    ]) {
      const r = await cli(args);
      assert.equal(r.code, 2, args.join(' '));
    }
    const missing = await cli(['events', '--db', join(dir, 'none.db')]);
    assert.equal(missing.code, 3);
    assert.match(missing.err, /E_STORE/);
  });

  it('quotes --speaker', async () => {
    const r = await cli(['quotes', '--db', db, '--speaker', 'Lindqvist', '--format', 'jsonl']);
    assert.equal(r.code, 0);
    const qs = lines(r.out) as { speaker: { name: string }; text: string }[];
    assert.ok(qs.length > 0);
    assert.ok(qs.every((q) => q.speaker.name === 'Tomas Lindqvist' && q.text.length > 0));
    const table = await cli(['quotes', '--db', db, '--text', 'tariff']);
    assert.match(table.out, /SPEAKER/);
  });

  it('entities lists actors and shows one', async () => {
    const r = await cli(['entities', '--db', db, '--type', 'PERSON', '--format', 'json']);
    const actors = JSON.parse(r.out) as { id: string; type: string }[];
    assert.ok(actors.length > 0 && actors.every((a) => a.type === 'PERSON'));
    const one = await cli(['entities', actors[0]!.id, '--db', db]);
    assert.equal(one.code, 0);
    assert.equal((JSON.parse(one.out) as { actor: { id: string } }).actor.id, actors[0]!.id);
    const none = await cli(['entities', 'person:nobody', '--db', db]);
    assert.equal(none.code, 1);
  });

  it('search finds text and quotes', async () => {
    const r = await cli(['search', 'accused', '--db', db, '--format', 'jsonl', '--limit', '100']);
    const hits = lines(r.out) as { kind: string; snippet: string }[];
    assert.equal(hits.length, docs.filter((d) => d.text.includes('accused')).length);
    const q = await cli(['search', '"new tariff"', '--db', db, '--kind', 'quote', '--format', 'json']);
    assert.ok((JSON.parse(q.out) as { total: number }).total > 0);
  });

  it('export gdelt, plover and jsonl', async () => {
    const out = join(dir, 'events.csv');
    const g = await cli(['export', '--db', db, '--format', 'gdelt', '--out', out]);
    assert.equal(g.code, 0);
    const csv = readFileSync(out, 'utf8').trim().split('\n');
    assert.equal(csv[0], GDELT_COLUMNS.join(','));
    assert.equal(csv.length, nEvents + 1);
    const p = await cli(['export', '--db', db, '--format', 'plover', '--plover', 'ASSAULT']);
    const recs = lines(p.out) as { event: string[]; actor: unknown[]; date: string; context: string[] }[];
    assert.ok(recs.length > 0 && recs.every((x) => x.event[0] === 'ASSAULT' && Array.isArray(x.actor) && x.context.includes('negated')));
    const j = await cli(['export', '--db', db, '--format', 'jsonl', '--limit', '3']);
    assert.equal(lines(j.out).length, 3);
  });

  it('ingest stores, skips on a second run and links duplicates', async () => {
    const corpus = join(dir, 'in.jsonl');
    const texts = [0, 1, 2, 3, 4].map((i) => fixtureDocument(100 + i));
    writeFileSync(corpus, [...texts, texts[0]!].map((d, k) => JSON.stringify({ id: k === 5 ? 'dup' : d.id, text: d.text, date: d.meta.published })).join('\n'));
    const target = join(dir, 'in.db');
    const first = await cli(['ingest', corpus, '--db', target, '--stages', 'tokenize', '--workers', '2', '--format', 'json']);
    assert.equal(first.code, 0, first.err);
    const s1 = JSON.parse(first.out) as { stored: number; exactDuplicates: number };
    assert.equal(s1.stored, 5);
    assert.equal(s1.exactDuplicates, 1);
    assert.match(first.err, /5 stored, 1 duplicate/);
    const second = await cli(['ingest', corpus, '--db', target, '--stages', 'tokenize', '--format', 'json']);
    assert.equal((JSON.parse(second.out) as { stored: number; skipped: number }).skipped, 6);
    const st = JSON.parse((await cli(['stats', '--db', target, '--format', 'json'])).out) as { documents: number; duplicates: number };
    assert.deepEqual([st.documents, st.duplicates], [5, 1]);
  });

  it('ingest --reanalyze stale re-analyses what another pipeline made, --reanalyze all everything', async () => {
    const corpus = join(dir, 're.jsonl');
    const texts = [0, 1, 2, 3].map((i) => fixtureDocument(120 + i));
    writeFileSync(corpus, [...texts, texts[0]!].map((d, k) => JSON.stringify({ id: k === 4 ? 'dup' : d.id, text: d.text, date: d.meta.published })).join('\n'));
    const target = join(dir, 're.db');
    type Summary = { stored: number; skipped: number; reanalyzed: number; pipeline: string };
    const run = async (...extra: string[]): Promise<Summary> => {
      const r = await cli(['ingest', corpus, '--db', target, '--workers', '1', '--format', 'json', ...extra]);
      assert.equal(r.code, 0, r.err);
      return JSON.parse(r.out) as Summary;
    };
    const timexes = async (): Promise<number> =>
      (JSON.parse((await cli(['stats', '--db', target, '--format', 'json'])).out) as { timexes: number }).timexes;
    const first = await run('--stages', 'tokenize');
    assert.equal(first.stored, 4);
    assert.match(first.pipeline, /^tokenize@\d+$/);
    assert.equal(await timexes(), 0);
    // Same pipeline: nothing is stale.
    const same = await run('--stages', 'tokenize', '--reanalyze', 'stale');
    assert.deepEqual([same.reanalyzed, same.skipped, same.stored], [0, 5, 0]);
    // Another pipeline: every analysed document is stale; the linked copy is not re-analysed.
    const newer = await run('--stages', 'tokenize,time', '--reanalyze', 'stale');
    assert.deepEqual([newer.reanalyzed, newer.skipped, newer.stored], [4, 1, 0]);
    assert.match(newer.pipeline, /^tokenize@\d+,time@\d+$/);
    const withTime = await timexes();
    assert.ok(withTime > 0);
    const store = await openStore(target, { readonly: true });
    assert.equal((await store.getDocument(texts[1]!.id))?.pipeline, newer.pipeline);
    await store.close();
    assert.equal((await run('--stages', 'tokenize,time', '--reanalyze', 'stale')).reanalyzed, 0);
    const all = await run('--stages', 'tokenize,time', '--reanalyze', 'all');
    assert.deepEqual([all.reanalyzed, all.skipped], [4, 1]);
    assert.equal(await timexes(), withTime);
    const text = await cli(['ingest', corpus, '--db', target, '--workers', '1', '--stages', 'tokenize,time', '--reanalyze', 'all']);
    assert.match(text.err, /4 re-analysed, 1 already stored/);
    const st = JSON.parse((await cli(['stats', '--db', target, '--format', 'json'])).out) as { documents: number; duplicates: number };
    assert.deepEqual([st.documents, st.duplicates], [4, 1]);
    const bad = await cli(['ingest', corpus, '--db', target, '--reanalyze', 'some']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--reanalyze must be stale or all/);
  });
});
