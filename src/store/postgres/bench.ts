/**
 * PostgreSQL vs SQLite on the same generated store: write throughput through `putBatch` and the
 * latency of the query benchmark's filter types (`scripts/bench-store.ts`, same generator, same
 * query mix, page of 50 with its total counted up to 1,000).
 *
 * Usage: DATELINE_TEST_POSTGRES_URL=postgres://… node --import tsx src/store/postgres/bench.ts [--events 100000] [--runs 40] [--schema NAME]
 * The PostgreSQL store goes into a schema of its own (dropped at the end unless --schema names it;
 * a named schema that already holds events is reused), the SQLite store into a temporary file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { BENCH_CAMEO, rng, variedDocument } from '../fixtures.ts';
import { contentHash } from '../keys.ts';
import { openStore, type EventQuery, type Store } from '../store.ts';
import { parsePostgresUrl } from './connection.ts';
import { openPostgresStore } from './postgres-store.ts';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '40' },
    // Keep the PostgreSQL store in this schema (and reuse it when it is already filled).
    schema: { type: 'string' },
  },
});
const url = process.env.DATELINE_TEST_POSTGRES_URL;
if (!url) throw new Error('set DATELINE_TEST_POSTGRES_URL (eval "$(scripts/ci-postgres.sh)")');
const log = (s: string): void => void process.stdout.write(s + '\n');

const CAMEO = BENCH_CAMEO;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function fill(store: Store, events: number): Promise<number> {
  const nDocs = Math.ceil(events / 10);
  const t0 = performance.now();
  for (let start = 0; start < nDocs; start += 500) {
    const items = [];
    for (let i = start; i < Math.min(nDocs, start + 500); i++) {
      const doc = variedDocument(i, 10);
      items.push({ doc, hash: contentHash(doc.text) });
    }
    await store.putBatch(items);
  }
  await store.optimize();
  return (performance.now() - t0) / 1000;
}

type Case = [string, (rand: () => number) => () => Promise<unknown>];

function cases(store: Store): Case[] {
  const people = ['Maria Okonkwo', 'Tomas Lindqvist', 'Ana Petrescu', 'Hiro Tanabe', 'Lucia Ferreira'];
  const countries = ['FRD', 'SYL', 'RUR', 'LAT', 'GEN'];
  const ev = (make: (rand: () => number, pick: <T>(xs: readonly T[]) => T, v: () => number) => EventQuery): Case[1] => (rand) => {
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const q = make(rand, pick, () => Math.floor(rand() * 60));
    return () => store.events({ limit: 50, ...q });
  };
  const month = (rand: () => number): [string, string] => {
    const y = 2018 + Math.floor(rand() * 3);
    const m = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
    return [`${y}-${m}-01`, `${y}-${m}-28`];
  };
  return [
    ['events: actor by name', ev((_, pick, v) => ({ actor: `${pick(people)} ${v()}` }))],
    ['events: actor by code', ev((_, pick, v) => ({ actor: `${pick(countries)}${v()}` }))],
    ['events: source + target (dyad)', ev((_, pick, v) => ({ source: `${pick(countries)}${v()}`, target: `${pick(countries)}${v()}` }))],
    ['events: root + event month', ev((rand, pick) => {
      const [from, to] = month(rand);
      return { root: pick(CAMEO)[0].slice(0, 2), from, to };
    })],
    ['events: cameo + modality', ev((_, pick) => ({ cameo: pick(CAMEO)[0], modality: pick(['negated', 'future', 'conditional', 'asserted'] as const) }))],
    ['events: PLOVER + quad class', ev((rand, pick) => ({ plover: pick(CAMEO)[2], quadClass: 1 + Math.floor(rand() * 4) }))],
    ['events: country + published month', ev((rand, pick) => {
      const [publishedFrom, publishedTo] = month(rand);
      return { country: pick(countries), publishedFrom, publishedTo };
    })],
    ['events: place', ev((_, pick, v) => ({ place: `${pick(['Port Meridian', 'Eastwick', 'Valcourt'])} ${v()}` }))],
    ['events: actor + root + year', ev((_, pick, v) => ({ actor: `${pick(countries)}${v()}`, root: pick(CAMEO)[0].slice(0, 2), from: '2019-01-01', to: '2019-12-31' }))],
    ['events: no filter, deep page', ev((rand) => ({ offset: Math.floor(rand() * 5000) }))],
    ['aggregate by week, one actor', (rand) => {
      const a = `${countries[Math.floor(rand() * 5)]}${Math.floor(rand() * 60)}`;
      return () => store.aggregateEvents({ actor: a }, 'week');
    }],
    ['aggregate by month, one root', (rand) => {
      const r = CAMEO[Math.floor(rand() * CAMEO.length)]![0].slice(0, 2);
      return () => store.aggregateEvents({ root: r }, 'month');
    }],
    ['top 20 dyads, one quad class', (rand) => {
      const qc = 1 + Math.floor(rand() * 4);
      return () => store.aggregateEvents({ quadClass: qc }, 'dyad', 20);
    }],
    ['quotes by speaker', (rand) => {
      const sp = `${people[Math.floor(rand() * 5)]} ${Math.floor(rand() * 60)}`;
      return () => store.quotes({ speaker: sp, limit: 50 });
    }],
    ['full-text search', (rand) => {
      const q = ['accused accord', 'sanctions', '"impose sanctions"', 'troops attack', 'tariff'][Math.floor(rand() * 5)]!;
      return () => store.search({ q, limit: 20 });
    }],
    ['entity detail', (rand) => {
      const id = `person:${people[Math.floor(rand() * 5)]!.toLowerCase().replace(' ', '-')}-${Math.floor(rand() * 60)}`;
      return () => store.entity(id, { limit: 50 });
    }],
  ];
}

async function measure(store: Store, runs: number): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  for (const [name, make] of cases(store)) {
    const rand = rng(7);
    await make(rand)();
    const ts: number[] = [];
    const n = name.startsWith('events:') ? runs : Math.max(1, Math.floor(runs / 2));
    for (let r = 0; r < n; r++) {
      const fn = make(rand);
      const t = performance.now();
      await fn();
      ts.push(performance.now() - t);
    }
    out.set(name, ts);
  }
  return out;
}

const events = Number(values.events);
const runs = Number(values.runs);
const schema = values.schema ?? `dateline_bench_${process.pid}`;
const dir = mkdtempSync(join(tmpdir(), 'dateline-pg-bench-'));
log(`# PostgreSQL vs SQLite store (node ${process.version}, ${cpus().length} cores, ${events} generated events)`);
try {
  const sqlite = await openStore(join(dir, 'events.db'));
  const pgStore = await openPostgresStore(url, { schema });
  const tSqlite = await fill(sqlite, events);
  const reused = values.schema !== undefined && (await pgStore.stats()).events > 0;
  const tPg = reused ? Number.NaN : await fill(pgStore, events);
  const st = await pgStore.stats();
  log(`store: ${st.documents} documents, ${st.events} events, ${st.quotes} quotes, ${st.entities} actors`);
  log(`write (putBatch of 500 documents, + optimize): SQLite ${tSqlite.toFixed(1)} s = ${Math.round(st.events / tSqlite)} events/s; PostgreSQL ${reused ? `(schema ${schema} reused)` : `${tPg.toFixed(1)} s = ${Math.round(st.events / tPg)} events/s`}`);
  const a = await measure(sqlite, runs);
  const b = await measure(pgStore, runs);
  log(`\n| query (ms) | SQLite p50 | SQLite p95 | PostgreSQL p50 | PostgreSQL p95 |`);
  log('|---|---:|---:|---:|---:|');
  const all: [number[], number[]] = [[], []];
  for (const [name, ts] of a) {
    const us = b.get(name)!;
    if (name.startsWith('events:')) {
      all[0].push(...ts);
      all[1].push(...us);
    }
    log(`| ${name} | ${percentile(ts, 50).toFixed(1)} | ${percentile(ts, 95).toFixed(1)} | ${percentile(us, 50).toFixed(1)} | ${percentile(us, 95).toFixed(1)} |`);
  }
  log(`| all filtered event queries | ${percentile(all[0], 50).toFixed(1)} | ${percentile(all[0], 95).toFixed(1)} | ${percentile(all[1], 50).toFixed(1)} | ${percentile(all[1], 95).toFixed(1)} |`);
  await sqlite.close();
  await pgStore.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
  if (values.schema === undefined) {
    const client = new pg.Client({ connectionString: parsePostgresUrl(url).connectionString });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
}
