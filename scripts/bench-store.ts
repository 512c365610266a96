/**
 * Store benchmark.
 *  1. Ingest: articles/s through `runIngest` (worker threads + batched SQLite writes) on a corpus
 *     built from the Wikinews sample: each article is recombined with paragraphs of two others, so
 *     copies are distinct articles (not near-duplicates) of realistic text.
 *  2. Queries: p50/p95 latency of filtered event queries (with the total count), aggregations,
 *     quotes and full-text search on a store of >= 1M events generated with the real schema and
 *     write path (fixture documents with varied actors, CAMEO codes and dates).
 *
 * Usage: node --import tsx scripts/bench-store.ts [--copies 12] [--events 1000000] [--stages a,b]
 *        [--workers N] [--skip-ingest] [--skip-query] [--keep DIR] [--reuse-db (with --keep: reuse DIR/events.db)]
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import type { NewDocument } from '../src/core/document.ts';
import type { InputItem } from '../src/ingest/index.ts';
import { buildDocument } from '../src/ingest/records.ts';
import { DEFAULT_STAGES } from '../src/stages.ts';
import { BENCH_CAMEO, rng, variedDocument } from '../src/store/fixtures.ts';
import { runIngest } from '../src/store/ingest/run-ingest.ts';
import { contentHash } from '../src/store/keys.ts';
import { openStore, type EventQuery, type Store } from '../src/store/store.ts';
import { DATA_DIR } from './data-path.ts';

const { values } = parseArgs({
  options: {
    copies: { type: 'string', default: '12' },
    events: { type: 'string', default: '1000000' },
    stages: { type: 'string' },
    workers: { type: 'string' },
    'skip-ingest': { type: 'boolean' },
    'skip-query': { type: 'boolean' },
    keep: { type: 'string' },
    'reuse-db': { type: 'boolean' },
    wikinews: { type: 'string', default: `${DATA_DIR}/wikinews` },
  },
});

const dir = values.keep ?? mkdtempSync(join(tmpdir(), 'dateline-bench-'));
mkdirSync(dir, { recursive: true });
const log = (s: string): void => void process.stdout.write(s + '\n');

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

// ---------------------------------------------------------------- 1. ingest

function wikinewsCorpus(copies: number): NewDocument[] {
  const rows: { url: string; date: string; title: string; text: string }[] = [];
  for (const f of ['wikinews_2019.csv', 'wikinews_2020.csv']) {
    rows.push(...(parseCsv(readFileSync(join(values.wikinews!, f), 'utf8'), { columns: true, skip_empty_lines: true }) as typeof rows));
  }
  const paras = rows.map((r) => r.text.split(/\n\s*\n/).filter((p) => p.trim() !== ''));
  const docs: NewDocument[] = [];
  for (let k = 0; k < copies; k++) {
    rows.forEach((r, i) => {
      let text = r.text;
      if (k > 0) {
        // Keep the article's opening (with its date line), then paragraphs of two other articles.
        const own = paras[i]!;
        const a = paras[(i + 7 * k) % rows.length]!;
        const b = paras[(i + 13 * k + 1) % rows.length]!;
        text = [...own.slice(0, Math.ceil(own.length / 3)), ...a.slice(Math.floor(a.length / 3), Math.ceil((2 * a.length) / 3)), ...b.slice(Math.ceil((2 * b.length) / 3))].join('\n\n');
      }
      docs.push(buildDocument({ id: `wn-${k}-${i}`, text, format: 'csv', title: r.title, url: r.url, published: r.date }, {}));
    });
  }
  return docs;
}

async function benchIngest(): Promise<void> {
  const copies = Number(values.copies);
  const docs = wikinewsCorpus(copies);
  const stages = values.stages ? values.stages.split(',') : [...DEFAULT_STAGES];
  const workers = values.workers ? Number(values.workers) : availableParallelism();
  const db = join(dir, 'ingest.db');
  rmSync(db, { force: true });
  const store = await openStore(db);
  async function* items(): AsyncGenerator<InputItem> {
    for (const doc of docs) yield { ok: true, doc };
  }
  const cpuBefore = process.cpuUsage();
  const t0 = performance.now();
  let firstErr: string | undefined;
  let threads: Map<string, number> | undefined;
  const summary = await runIngest({
    paths: [],
    store,
    inputs: items(),
    workers,
    stages,
    onError: (e) => void (firstErr ??= `${e.code}: ${e.message}`),
    // The last progress call comes after the last write, while the workers still exist.
    onProgress: () => void (threads = threadCpu() ?? threads),
  });
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const st = await store.stats();
  await store.close();
  log(`## Ingest`);
  log(`corpus: ${docs.length} articles (${rows(docs)} chars) = Wikinews sample (293) x ${copies}, copies recombined from 3 articles each`);
  log(`stages: ${stages.join(' → ')}; workers: ${workers} on ${cpus().length} cores (${cpus()[0]?.model ?? '?'})`);
  log(`result: ${summary.stored} stored, ${summary.duplicates} duplicates (${summary.exactDuplicates} exact, ${summary.nearDuplicates} near), ${summary.failed} failed, ${summary.withErrors} stored with stage errors${firstErr ? ` (first: ${firstErr.slice(0, 160)})` : ''}`);
  log(`store: ${st.documents} documents, ${st.events} events, ${st.quotes} quotes, ${st.entities} actors`);
  const cpuSecs = (cpu.user + cpu.system) / 1e6;
  log(`time: ${wall.toFixed(1)} s wall → ${(docs.length / wall).toFixed(1)} articles/s (worker start-up included); process CPU ${cpuSecs.toFixed(1)} s = ${(cpuSecs / wall).toFixed(2)} cores busy on average`);
  if (threads) {
    // Linux only: CPU per thread. The busiest threads besides the main one are the analysis workers;
    // the rest are V8's helper threads (concurrent/parallel GC, JIT compilation) and libuv's pool.
    const main = threads.get(String(process.pid)) ?? 0;
    const others = [...threads].filter(([tid]) => tid !== String(process.pid)).map(([, ms]) => ms).sort((a, b) => b - a);
    const work = others.slice(0, workers).reduce((a, b) => a + b, 0);
    const helpers = others.slice(workers).reduce((a, b) => a + b, 0);
    const per = (ms: number): string => `${(ms / 1000).toFixed(1)} s (${(ms / docs.length).toFixed(1)} ms/article)`;
    log(`CPU by thread: main (reading, hashing, SQLite writes) ${per(main)}; ${workers} analysis workers ${per(work)}; V8/libuv helper threads (GC, JIT) ${per(helpers)}`);
  }
}

/** CPU milliseconds per thread of this process (from /proc; undefined where there is none). */
function threadCpu(): Map<string, number> | undefined {
  try {
    const out = new Map<string, number>();
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime, in clock ticks (USER_HZ = 100 on Linux).
      out.set(tid, (Number(fields[11]) + Number(fields[12])) * 10);
    }
    return out;
  } catch {
    return undefined;
  }
}

function rows(docs: NewDocument[]): number {
  return docs.reduce((a, d) => a + d.text.length, 0);
}

// ---------------------------------------------------------------- 2. queries

const CAMEO = BENCH_CAMEO;

async function buildQueryStore(target: number): Promise<{ store: Store; db: string }> {
  const db = join(dir, 'events.db');
  if (values['reuse-db'] && existsSync(db)) {
    const store = await openStore(db);
    await store.optimize();
    const st = await store.stats();
    log(`## Query store`);
    log(`reused ${db}: ${st.documents} documents, ${st.events} events, ${st.quotes} quotes, ${st.entities} actors`);
    return { store, db };
  }
  rmSync(db, { force: true });
  const store = await openStore(db);
  const perDoc = 10;
  const nDocs = Math.ceil(target / perDoc);
  const t0 = performance.now();
  const batch = 500;
  for (let start = 0; start < nDocs; start += batch) {
    const items = [];
    for (let i = start; i < Math.min(nDocs, start + batch); i++) {
      const doc = variedDocument(i, perDoc);
      items.push({ doc, hash: contentHash(doc.text) });
    }
    await store.putBatch(items);
    if ((start / batch) % 40 === 0) process.stderr.write(`  generated ${start + items.length}/${nDocs} documents\n`);
  }
  await store.optimize();
  const secs = (performance.now() - t0) / 1000;
  const st = await store.stats();
  log(`## Query store`);
  log(`generated ${st.documents} documents, ${st.events} events, ${st.quotes} quotes, ${st.entities} actors in ${secs.toFixed(0)} s (${Math.round(st.events / secs)} events/s through putBatch, near-duplicate check off)`);
  return { store, db };
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function benchQueries(): Promise<void> {
  const { store } = await buildQueryStore(Number(values.events));
  const rand = rng(7);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const people = ['Maria Okonkwo', 'Tomas Lindqvist', 'Ana Petrescu', 'Hiro Tanabe', 'Lucia Ferreira'];
  const countries = ['FRD', 'SYL', 'RUR', 'LAT', 'GEN'];
  const month = (): [string, string] => {
    const y = 2018 + Math.floor(rand() * 3);
    const m = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
    return [`${y}-${m}-01`, `${y}-${m}-28`];
  };
  const v = (): number => Math.floor(rand() * 60);
  const cases: [string, () => EventQuery][] = [
    ['actor by name', () => ({ actor: `${pick(people)} ${v()}` })],
    ['actor by code', () => ({ actor: `${pick(countries)}${v()}` })],
    ['source + target (dyad)', () => ({ source: `${pick(countries)}${v()}`, target: `${pick(countries)}${v()}` })],
    ['root + event month', () => {
      const [from, to] = month();
      return { root: pick(CAMEO)[0].slice(0, 2), from, to };
    }],
    ['cameo + modality', () => ({ cameo: pick(CAMEO)[0], modality: pick(['negated', 'future', 'conditional', 'asserted'] as const) })],
    ['PLOVER + quad class', () => ({ plover: pick(CAMEO)[2], quadClass: 1 + Math.floor(rand() * 4) })],
    ['country + published month', () => {
      const [publishedFrom, publishedTo] = month();
      return { country: pick(countries), publishedFrom, publishedTo };
    }],
    // Generated place names carry their variant number, like the actors ('Eastwick 17').
    ['place', () => ({ place: `${pick(['Port Meridian', 'Eastwick', 'Valcourt'])} ${v()}` })],
    ['actor + root + year', () => ({ actor: `${pick(countries)}${v()}`, root: pick(CAMEO)[0].slice(0, 2), from: '2019-01-01', to: '2019-12-31' })],
    ['no filter, deep page', () => ({ offset: Math.floor(rand() * 5000) })],
  ];
  const RUNS = 40;
  log(`## Query latency (ms; page of 50 with its total, counted up to 1,000; ${RUNS} runs each with varied values)`);
  log('| query | p50 | p95 | max |');
  log('|---|---:|---:|---:|');
  const allFiltered: number[] = [];
  for (const [name, make] of cases) {
    await store.events({ ...make(), limit: 50 });
    const ts: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const q = make();
      ts.push(await time(() => store.events({ limit: 50, ...q })));
    }
    allFiltered.push(...ts);
    log(`| events: ${name} | ${percentile(ts, 50).toFixed(1)} | ${percentile(ts, 95).toFixed(1)} | ${Math.max(...ts).toFixed(1)} |`);
  }
  const others: [string, () => Promise<unknown>][] = [
    ['aggregate by week, one actor', () => store.aggregateEvents({ actor: `${pick(countries)}${v()}` }, 'week')],
    ['aggregate by month, one root', () => store.aggregateEvents({ root: pick(CAMEO)[0].slice(0, 2) }, 'month')],
    ['top 20 dyads, one quad class', () => store.aggregateEvents({ quadClass: 1 + Math.floor(rand() * 4) }, 'dyad', 20)],
    ['quotes by speaker', () => store.quotes({ speaker: `${pick(people)} ${v()}`, limit: 50 })],
    ['full-text search', () => store.search({ q: pick(['accused accord', 'sanctions', '"impose sanctions"', 'troops attack', 'tariff']), limit: 20 })],
    ['entity detail', () => store.entity(`person:${pick(people).toLowerCase().replace(' ', '-')}-${v()}`, { limit: 50 })],
  ];
  for (const [name, fn] of others) {
    await fn();
    const ts: number[] = [];
    for (let r = 0; r < 20; r++) ts.push(await time(fn));
    log(`| ${name} | ${percentile(ts, 50).toFixed(1)} | ${percentile(ts, 95).toFixed(1)} | ${Math.max(...ts).toFixed(1)} |`);
  }
  log(`all filtered event queries: p50 ${percentile(allFiltered, 50).toFixed(1)} ms, p95 ${percentile(allFiltered, 95).toFixed(1)} ms (${allFiltered.length} queries)`);
  await store.close();
}

log(`# dateline store benchmark (node ${process.version}, ${cpus().length} cores)`);
try {
  if (!values['skip-ingest']) await benchIngest();
  if (!values['skip-query']) await benchQueries();
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}
