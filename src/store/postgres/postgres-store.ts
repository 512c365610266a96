/**
 * The PostgreSQL store (`postgres://user:pass@host/db[?schema=NAME&pool=N]`), on the `pg` driver's
 * connection pool. It passes the same contract as the SQLite store (`../contract.ts`) and keeps its
 * semantics: ids, duplicate links, actor joins, filters, counting caps, search syntax.
 *
 * Writing: one transaction per batch (BEGIN … COMMIT, ROLLBACK on any error) under a transaction
 * advisory lock per schema, so concurrent writers (an ingest and `serve`'s POST) are serialised the
 * way SQLite serialises them and never both store the same text as a first copy. Documents are
 * inserted one by one (a document's duplicate check must see the earlier ones of its batch); their
 * layers are collected and written per table with one `INSERT … SELECT FROM unnest(arrays)` per
 * batch, so a batch costs a few round trips per document plus about ten, not one per row.
 *
 * Every value is a bound parameter ($1, $2, …); SQL text is only ever assembled from fixed
 * fragments. Event streams page by primary key (keyset), so no connection is held between pages.
 */
import pg from 'pg';
import { SCHEMA_VERSION, type Document, type Entity, type EventRecord, type Quote, type Sentence, type Timex } from '../../core/document.ts';
import { DatelineError } from '../../core/errors.ts';
import { dayOf, dayRange, isoWeek } from '../dates.ts';
import { actorKey } from '../keys.ts';
import { NEAR_DUPLICATE_THRESHOLD, bandBuckets, decodeSignature, encodeSignature, similarity as signatureSimilarity } from '../near-duplicates.ts';
import type {
  ActorDetail,
  ActorRef,
  ActorRow,
  ActorTimelineEntry,
  DocumentQuery,
  DocumentSummary,
  EntityQuery,
  EventBucket,
  EventGroupBy,
  EventQuery,
  EventRow,
  KnownStatus,
  OpenStoreOptions,
  Page,
  PutResult,
  QuoteQuery,
  QuoteRow,
  SearchHit,
  SearchQuery,
  StatsDetail,
  Store,
  StoreInput,
  StoreStats,
  StoredDocument,
} from '../store.ts';
import { actorRef, actorRow, documentSummary, dyadBucket, eventActorRef, eventRow, keyBucket, placeBucket, quoteRow, searchHit, timelineEntry } from '../rows.ts';
import { cappedCount, escapeLike, n as sharedN, opt, prefixRange, s, shiftDay, storedSentence, takeFromPage, type Row, type StreamWindow } from '../sql-helpers.ts';
import { parsePostgresUrl, quoteIdent, type PostgresTarget } from './connection.ts';
import { PG_MIGRATIONS, PG_SCHEMA_VERSION } from './schema.ts';
import { TS_CONFIG, headlineQueryText, indexText, tsQueryText } from './text-search.ts';

export interface PostgresStoreOptions extends OpenStoreOptions {
  /** Overrides the URL's `schema=` parameter. */
  readonly schema?: string;
  /** Overrides the URL's `pool=` parameter (default 10 connections). */
  readonly poolSize?: number;
}

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

const STREAM_PAGE = 1000;
/** Event counts stop here (`totalCapped`), as in the SQLite store. */
const DEFAULT_COUNT_LIMIT = 1_000;
/** First key of the two-key advisory locks ("dtln"); the second is the schema name's hash. */
const LOCK_CLASS = 0x64746c6e;
const TABLES = ['documents', 'document_bands', 'actors', 'entities', 'mentions', 'timexes', 'quotes', 'events', 'event_texts', 'event_actors', 'store_meta'];
const HEADLINE_OPTIONS = 'StartSel=[, StopSel=], MaxWords=16, MinWords=6, ShortWord=0, MaxFragments=1, FragmentDelimiter=" … "';

/** count(*) and bigint keys come back as strings by default; every count and key here fits a double. */
const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

/** node-pg hands numeric values (and bigints, without TYPES) over as text, so numbers may come as strings here. */
function n(v: unknown): number {
  return typeof v === 'string' ? Number(v) : sharedN(v);
}
function num(v: unknown): number | undefined {
  return v === null || v === undefined ? undefined : n(v);
}

/** Bound parameters in order; `v(x)` adds one and gives its placeholder. */
class Sql {
  constructor(readonly params: unknown[] = []) {}
  v(x: unknown): string {
    this.params.push(x);
    return `$${this.params.length}`;
  }
  fork(): Sql {
    return new Sql([...this.params]);
  }
}

/** A document row of the batch: a first copy (with its band buckets, when it has a signature) or a linked copy. */
interface NewDocumentRow {
  readonly pk: number;
  readonly id: string;
  readonly item: StoreInput;
  readonly dup?: { readonly pk: number; readonly kind: 'exact' | 'near'; readonly similarity: number };
  readonly buckets?: readonly number[];
}

/** A stored document as the write path sees it. */
interface StoredRow {
  readonly id: string;
  readonly hash: string;
  readonly pk: number;
  readonly pipeline?: string;
  /** Id of the first copy, for linked copies. */
  readonly duplicateOf?: string;
}

/** A stored document whose layers this batch replaces. */
interface Reanalysis {
  readonly pk: number;
  readonly item: StoreInput;
}

function storedStatus(r: { id: string; pipeline?: string | undefined; duplicateOf?: string | undefined }): KnownStatus {
  if (r.duplicateOf !== undefined) return { status: 'stored', id: r.id, duplicateOf: r.duplicateOf };
  return { status: 'stored', id: r.id, ...(r.pipeline !== undefined ? { pipeline: r.pipeline } : {}) };
}

/**
 * A batch cut where a document id comes back (the same document sent twice, or a text that takes
 * an id the batch gave another): each piece is classified against one snapshot of the store, and
 * a later piece sees the rows of the earlier ones, so the batch acts as if written one by one.
 */
function segments(items: readonly StoreInput[]): StoreInput[][] {
  const out: StoreInput[][] = [];
  let seen = new Set<string>();
  let current: StoreInput[] = [];
  for (const item of items) {
    const ids = [item.doc.id, `${item.doc.id}@${item.hash.slice(0, 8)}`];
    if (ids.some((id) => seen.has(id))) {
      out.push(current);
      current = [];
      seen = new Set();
    }
    current.push(item);
    for (const id of ids) seen.add(id);
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** A canonical document written in this batch whose layers are still to be inserted. */
interface PendingLayers {
  readonly doc: Document;
  readonly pk: number;
  readonly day: string | null;
}

export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const target = parsePostgresUrl(url, {
    ...(options.schema !== undefined ? { schema: options.schema } : {}),
    ...(options.poolSize !== undefined ? { poolSize: options.poolSize } : {}),
  });
  const store = new PostgresStore(target, options.readonly === true);
  try {
    await store.init();
  } catch (e) {
    await store.close().catch(() => undefined);
    if (e instanceof DatelineError) throw e;
    throw new DatelineError('E_STORE', `cannot open store ${target.display}: ${(e as Error).message}`);
  }
  return store;
}

class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  private readonly pool: pg.Pool;
  private closed = false;

  constructor(
    private readonly target: PostgresTarget,
    private readonly readonly: boolean,
  ) {
    const settings = [
      target.serverOptions,
      target.schema ? `-c search_path=${target.schema}` : undefined,
      readonly ? '-c default_transaction_read_only=on' : undefined,
    ].filter(Boolean);
    this.pool = new pg.Pool({
      connectionString: target.connectionString,
      max: target.poolSize,
      types: TYPES,
      ...(settings.length > 0 ? { options: settings.join(' ') } : {}),
      application_name: 'dateline',
      // A server that does not answer (rather than refusing) fails the open instead of hanging it.
      connectionTimeoutMillis: 15_000,
    });
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
  }

  private async rows(sql: string, params: readonly unknown[] = [], db: Queryable = this.pool): Promise<Row[]> {
    return (await db.query<Row>(sql, params as unknown[])).rows;
  }
  private async one(sql: string, params: readonly unknown[] = [], db: Queryable = this.pool): Promise<Row | undefined> {
    return (await this.rows(sql, params, db))[0];
  }

  // ---------------------------------------------------------------- schema

  async init(): Promise<void> {
    if (this.readonly) {
      const v = await this.appliedVersion(this.pool);
      if (v === 0) {
        throw new DatelineError('E_STORE', `no dateline store at ${this.target.display}${this.target.schema ? ` (schema ${this.target.schema})` : ''}`);
      }
      if (v !== PG_SCHEMA_VERSION) {
        throw new DatelineError('E_STORE', `store schema version ${v}, this dateline needs ${PG_SCHEMA_VERSION}: open it once for writing to migrate`);
      }
      return;
    }
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      await this.lock(client);
      // Checked first: CREATE SCHEMA IF NOT EXISTS needs the right to create schemas even when it exists.
      if (this.target.schema && (await this.one('SELECT to_regnamespace($1) IS NULL AS missing', [quoteIdent(this.target.schema)], client))?.missing) {
        await client.query(`CREATE SCHEMA ${quoteIdent(this.target.schema)}`);
      }
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const current = await this.appliedVersion(client);
      if (current > PG_SCHEMA_VERSION) {
        throw new DatelineError('E_STORE', `store schema version ${current} is newer than this dateline (${PG_SCHEMA_VERSION})`);
      }
      for (const m of PG_MIGRATIONS) {
        if (m.version <= current) continue;
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      }
      await client.query('COMMIT');
    } catch (e) {
      broken = !(await client.query('ROLLBACK').then(() => true, () => false));
      throw e;
    } finally {
      client.release(broken);
    }
  }

  /**
   * The writers' lock of this store (its schema), held to the end of the transaction. Keyed by the
   * schema's name, which exists before the schema does (current_schema() is NULL until then).
   */
  private async lock(client: pg.PoolClient): Promise<void> {
    await client.query("SELECT pg_advisory_xact_lock($1, hashtext(coalesce($2::text, current_schema(), '')))", [LOCK_CLASS, this.target.schema ?? null]);
  }

  private async appliedVersion(db: Queryable): Promise<number> {
    const has = await this.one("SELECT to_regclass('schema_migrations') IS NOT NULL AS has", [], db);
    if (!has?.has) return 0;
    return n((await this.one('SELECT max(version) AS v FROM schema_migrations', [], db))?.v);
  }

  // ---------------------------------------------------------------- writing

  async known(id: string, hash: string): Promise<KnownStatus> {
    const alt = `${id}@${hash.slice(0, 8)}`;
    const rows = await this.rows(
      `SELECT 'own' AS which, o.id, o.hash, o.pipeline, (SELECT f.id FROM documents f WHERE f.pk = o.duplicate_of) AS first_id
         FROM documents o WHERE o.id = $1
       UNION ALL
       SELECT 'alt', o.id, o.hash, o.pipeline, (SELECT f.id FROM documents f WHERE f.pk = o.duplicate_of) FROM documents o WHERE o.id = $2
       UNION ALL
       SELECT 'first', f.id, f.hash, NULL, NULL FROM (SELECT id, hash FROM documents WHERE hash = $3 AND duplicate_of IS NULL ORDER BY pk LIMIT 1) f`,
      [id, alt, hash],
    );
    const get = (which: string): Row | undefined => rows.find((r) => r.which === which);
    const own = get('own');
    const status = (r: Row): KnownStatus =>
      storedStatus({ id: String(r.id), pipeline: s(r.pipeline), duplicateOf: s(r.first_id) });
    if (own && own.hash === hash) return status(own);
    const altRow = own ? get('alt') : undefined;
    if (altRow) return status(altRow);
    const first = get('first');
    if (first) return { status: 'duplicate-of', id: String(first.id) };
    return { status: 'new' };
  }

  async putBatch(items: readonly StoreInput[]): Promise<readonly PutResult[]> {
    if (this.readonly) throw new DatelineError('E_STORE', 'the store was opened read-only');
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      await this.lock(client);
      const results: PutResult[] = [];
      for (const segment of segments(items)) {
        const { results: done, documents, pending, reanalyzed } = await this.classify(client, segment);
        await this.insertDocuments(client, documents);
        const before = await this.clearLayers(client, reanalyzed);
        await this.insertLayers(client, pending);
        await this.recountActors(client, before, reanalyzed);
        results.push(...done);
      }
      await client.query('COMMIT');
      return results;
    } catch (e) {
      broken = !(await client.query('ROLLBACK').then(() => true, () => false));
      if (e instanceof DatelineError) throw e;
      throw new DatelineError('E_STORE', `writing a batch of ${items.length} failed: ${(e as Error).message}`);
    } finally {
      client.release(broken);
    }
  }

  /**
   * Decides, in order, what each document of a batch becomes (stored, linked copy, skipped) from one
   * snapshot of what the store holds plus what the batch itself adds, exactly as writing them one by
   * one would; the advisory lock keeps the snapshot current. Primary keys are drawn up front so a
   * copy can point at a first copy of the same batch.
   */
  private async classify(
    client: pg.PoolClient,
    items: readonly StoreInput[],
  ): Promise<{ results: PutResult[]; documents: NewDocumentRow[]; pending: PendingLayers[]; reanalyzed: Reanalysis[] }> {
    const ids = items.flatMap((it) => [it.doc.id, `${it.doc.id}@${it.hash.slice(0, 8)}`]);
    const hashes = [...new Set(items.map((it) => it.hash))];
    const withSig = items.filter((it) => it.signature && it.signature.length > 0);
    const sigBuckets = withSig.map((it) => bandBuckets(it.signature!));
    const bucketsOf = new Map<StoreInput, number[]>(withSig.map((it, i) => [it, sigBuckets[i]!]));
    const snapshot = (await this.one(
      `SELECT
         (SELECT coalesce(json_agg(json_build_array(o.id, o.hash, o.pk, o.pipeline, (SELECT f.id FROM documents f WHERE f.pk = o.duplicate_of))), '[]')
          FROM documents o WHERE o.id = ANY($1::text[])) AS ids,
         (SELECT coalesce(json_agg(json_build_array(hash, id, pk)), '[]') FROM (
            SELECT DISTINCT ON (hash) hash, id, pk FROM documents WHERE hash = ANY($2::text[]) AND duplicate_of IS NULL ORDER BY hash, pk) f) AS firsts,
         array(SELECT nextval(pg_get_serial_sequence('documents', 'pk')) FROM generate_series(1, $3::int)) AS pks`,
      [ids, hashes, items.length],
      client,
    ))!;
    const byId = new Map<string, StoredRow>(
      (snapshot.ids as [string, string, number, string | null, string | null][]).map(([id, hash, pk, pipeline, first]) => [
        id,
        { id, hash, pk: n(pk), ...(pipeline !== null ? { pipeline } : {}), ...(first !== null ? { duplicateOf: first } : {}) },
      ]),
    );
    const firstByHash = new Map<string, { id: string; pk: number }>((snapshot.firsts as [string, string, number][]).map(([h, id, pk]) => [h, { id, pk: n(pk) }]));
    const pks = (snapshot.pks as unknown[]).map(n).sort((a, b) => a - b);

    // Near-duplicate candidates: stored documents sharing a band bucket with any signature of the batch.
    const bucketDocs = new Map<string, number[]>();
    const addBucket = (band: number, bucket: number, pk: number): void => {
      const key = `${band}:${bucket}`;
      const pks = bucketDocs.get(key);
      if (pks) pks.push(pk);
      else bucketDocs.set(key, [pk]);
    };
    const signatures = new Map<number, { id: string; sig: readonly number[] }>();
    if (withSig.length > 0) {
      const bands = sigBuckets.flatMap((bs) => bs.map((_, i) => i));
      for (const r of await this.rows(
        `SELECT b.band, b.bucket, d.pk, d.id, d.signature
         FROM (SELECT DISTINCT band, bucket FROM unnest($1::smallint[], $2::bigint[]) AS u(band, bucket)) u
         JOIN document_bands b ON b.band = u.band AND b.bucket = u.bucket JOIN documents d ON d.pk = b.doc_pk`,
        [bands, sigBuckets.flat()],
        client,
      )) {
        if (!(r.signature instanceof Uint8Array)) continue;
        const pk = n(r.pk);
        addBucket(n(r.band), n(r.bucket), pk);
        if (!signatures.has(pk)) signatures.set(pk, { id: String(r.id), sig: decodeSignature(r.signature) });
      }
    }
    const findNear = (sig: readonly number[], buckets: readonly number[]): { pk: number; id: string; similarity: number } | undefined => {
      const candidates = new Set<number>();
      buckets.forEach((bucket, band) => {
        for (const pk of bucketDocs.get(`${band}:${bucket}`) ?? []) candidates.add(pk);
      });
      let best: { pk: number; id: string; similarity: number } | undefined;
      for (const pk of [...candidates].sort((a, b) => a - b)) {
        const c = signatures.get(pk)!;
        const sim = signatureSimilarity(sig, c.sig);
        if (sim >= NEAR_DUPLICATE_THRESHOLD && (!best || sim > best.similarity)) best = { pk, id: c.id, similarity: sim };
      }
      return best;
    };

    const results: PutResult[] = [];
    const documents: NewDocumentRow[] = [];
    const pending: PendingLayers[] = [];
    const reanalyzed: Reanalysis[] = [];
    let next = 0;
    for (const item of items) {
      const { doc, hash } = item;
      const own = byId.get(doc.id);
      const stored = own && own.hash === hash ? own : own ? byId.get(`${doc.id}@${hash.slice(0, 8)}`) : undefined;
      if (stored) {
        // Linked copies have no layers of their own: nothing to re-analyse.
        if (!item.reanalyze || stored.duplicateOf !== undefined) {
          results.push({ id: stored.id, status: 'skipped' });
        } else {
          reanalyzed.push({ pk: stored.pk, item });
          pending.push({ doc, pk: stored.pk, day: dayOf(doc.meta.published) ?? dayOf(doc.meta.referenceDate) ?? null });
          results.push({ id: stored.id, status: 'reanalyzed' });
        }
        continue;
      }
      const id = own !== undefined ? `${doc.id}@${hash.slice(0, 8)}` : doc.id;
      const pk = pks[next++]!;
      byId.set(id, { id, hash, pk });
      const first = firstByHash.get(hash);
      if (first) {
        documents.push({ pk, id, item, dup: { pk: first.pk, kind: 'exact', similarity: 1 } });
        results.push({ id, status: 'duplicate', duplicateOf: first.id, similarity: 1 });
        continue;
      }
      const buckets = bucketsOf.get(item);
      const near = buckets ? findNear(item.signature!, buckets) : undefined;
      if (near) {
        documents.push({ pk, id, item, dup: { pk: near.pk, kind: 'near', similarity: near.similarity } });
        results.push({ id, status: 'near-duplicate', duplicateOf: near.id, similarity: near.similarity });
        continue;
      }
      documents.push({ pk, id, item, ...(buckets ? { buckets } : {}) });
      firstByHash.set(hash, { id, pk });
      if (buckets) {
        signatures.set(pk, { id, sig: item.signature! });
        buckets.forEach((bucket, band) => addBucket(band, bucket, pk));
      }
      pending.push({ doc, pk, day: dayOf(doc.meta.published) ?? dayOf(doc.meta.referenceDate) ?? null });
      results.push({ id, status: 'stored' });
    }
    return { results, documents, pending, reanalyzed };
  }

  /** Writes the batch's document rows (and the band buckets of the first copies) in two statements. */
  private async insertDocuments(client: pg.PoolClient, documents: readonly NewDocumentRow[]): Promise<void> {
    if (documents.length === 0) return;
    const col = <T,>(f: (d: NewDocumentRow, canonical: boolean) => T): T[] => documents.map((d) => f(d, d.dup === undefined));
    for (const { item } of documents) {
      if (typeof item.doc.text === 'string' && item.doc.text.includes('\u0000')) {
        throw new DatelineError('E_STORE', `document ${item.doc.id}: PostgreSQL text cannot hold NUL characters (U+0000)`);
      }
    }
    await client.query(
      `INSERT INTO documents (pk, id, hash, duplicate_of, duplicate_kind, similarity, title, url, file, line, published,
         reference_date, day, place, country, agencies, text, meta, sentences, errors, signature, tsv, n_entities, n_quotes, n_events, pipeline)
       SELECT u.pk, u.id, u.hash, u.dup, u.kind, u.sim, u.title, u.url, u.file, u.line, u.published, u.ref, u.day, u.place, u.country,
         -- agencies arrive as one JSON array per document: a text[][] must be rectangular.
         ARRAY(SELECT json_array_elements_text(u.agencies::json)), u.text, u.meta::json, u.sentences::json, u.errors::json, u.signature,
         -- Only first copies are searchable; the title weighs more than the text in the ranking.
         CASE WHEN u.dup IS NULL THEN setweight(to_tsvector('${TS_CONFIG}', coalesce(u.title_fold, u.title, '')), 'A')
           || to_tsvector('${TS_CONFIG}', coalesce(u.text_fold, u.text)) END,
         u.n_entities, u.n_quotes, u.n_events, u.pipeline
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::float8[], $7::text[], $8::text[], $9::text[], $10::int[],
                   $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[],
                   $21::bytea[], $22::text[], $23::text[], $24::int[], $25::int[], $26::int[], $27::text[])
         AS u(pk, id, hash, dup, kind, sim, title, url, file, line, published, ref, day, place, country, agencies, text, meta, sentences, errors,
              signature, title_fold, text_fold, n_entities, n_quotes, n_events, pipeline)`,
      [
        col((d) => d.pk), col((d) => d.id), col((d) => d.item.hash), col((d) => d.dup?.pk ?? null), col((d) => d.dup?.kind ?? null),
        col((d) => d.dup?.similarity ?? null), col((d) => d.item.doc.meta.title ?? null), col((d) => d.item.doc.meta.url ?? null),
        col((d) => d.item.doc.meta.file ?? null), col((d) => d.item.doc.meta.line ?? null), col((d) => d.item.doc.meta.published ?? null),
        col((d) => d.item.doc.meta.referenceDate ?? null), col((d) => dayOf(d.item.doc.meta.published) ?? dayOf(d.item.doc.meta.referenceDate) ?? null),
        col((d) => d.item.doc.meta.dateline?.place ?? null), col((d) => d.item.doc.meta.dateline?.country ?? null),
        col((d) => JSON.stringify((d.item.doc.meta.dateline?.agencies ?? []).map((a) => a.toLowerCase()))), col((d) => d.item.doc.text),
        col((d) => JSON.stringify(d.item.doc.meta)), col((d, c) => JSON.stringify(c ? d.item.doc.sentences.map(storedSentence) : [])),
        col((d) => (d.item.doc.errors && d.item.doc.errors.length > 0 ? JSON.stringify(d.item.doc.errors) : null)),
        col((d, c) => (c && d.item.signature ? encodeSignature(d.item.signature) : null)),
        col((d, c) => (c && d.item.doc.meta.title ? indexText(d.item.doc.meta.title) : null)), col((d, c) => (c ? indexText(d.item.doc.text) : null)),
        col((d, c) => (c ? d.item.doc.entities.length : 0)), col((d, c) => (c ? d.item.doc.quotes.length : 0)), col((d, c) => (c ? d.item.doc.events.length : 0)),
        col((d, c) => (c ? d.item.pipeline ?? null : null)),
      ],
    );
    const banded = documents.filter((d) => d.buckets);
    if (banded.length > 0) {
      await client.query(
        `INSERT INTO document_bands (band, bucket, doc_pk) SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bigint[]) ON CONFLICT DO NOTHING`,
        [banded.flatMap((d) => d.buckets!.map((_, i) => i)), banded.flatMap((d) => d.buckets!), banded.flatMap((d) => d.buckets!.map(() => d.pk))],
      );
    }
  }

  /**
   * Re-analysis, first half: deletes the layers of the re-analysed documents and updates their rows
   * (the text, and so title, hash and search vector, is the same). Returns the actors their old
   * layers referred to, whose counters `recountActors` recomputes once the new layers are in.
   */
  private async clearLayers(client: pg.PoolClient, reanalyzed: readonly Reanalysis[]): Promise<number[]> {
    if (reanalyzed.length === 0) return [];
    const pks = reanalyzed.map((r) => r.pk);
    const before = (await this.rows('SELECT DISTINCT actor_pk FROM entities WHERE doc_pk = ANY($1::bigint[])', [pks], client)).map((r) => n(r.actor_pk));
    await client.query(
      `WITH ev AS (SELECT pk FROM events WHERE doc_pk = ANY($1::bigint[])),
            a AS (DELETE FROM event_actors WHERE event_pk IN (SELECT pk FROM ev)),
            t AS (DELETE FROM event_texts WHERE event_pk IN (SELECT pk FROM ev)),
            q AS (DELETE FROM quotes WHERE doc_pk = ANY($1::bigint[])),
            x AS (DELETE FROM timexes WHERE doc_pk = ANY($1::bigint[])),
            m AS (DELETE FROM mentions WHERE doc_pk = ANY($1::bigint[]))
       DELETE FROM events WHERE doc_pk = ANY($1::bigint[])`,
      [pks],
    );
    // After the mentions: they refer to the entities.
    await client.query('DELETE FROM entities WHERE doc_pk = ANY($1::bigint[])', [pks]);
    const docs = reanalyzed.map((r) => r.item.doc);
    await client.query(
      `UPDATE documents d SET reference_date = u.ref, day = u.day, meta = u.meta::json, sentences = u.sentences::json, errors = u.errors::json,
         n_entities = u.n_entities, n_quotes = u.n_quotes, n_events = u.n_events, pipeline = u.pipeline
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::int[], $10::text[])
         AS u(pk, ref, day, meta, sentences, errors, n_entities, n_quotes, n_events, pipeline)
       WHERE d.pk = u.pk`,
      [
        pks, docs.map((d) => d.meta.referenceDate ?? null), docs.map((d) => dayOf(d.meta.published) ?? dayOf(d.meta.referenceDate) ?? null),
        docs.map((d) => JSON.stringify(d.meta)), docs.map((d) => JSON.stringify(d.sentences.map(storedSentence))),
        docs.map((d) => (d.errors && d.errors.length > 0 ? JSON.stringify(d.errors) : null)),
        docs.map((d) => d.entities.length), docs.map((d) => d.quotes.length), docs.map((d) => d.events.length),
        reanalyzed.map((r) => r.item.pipeline ?? null),
      ],
    );
    return before;
  }

  /**
   * Re-analysis, second half: the counters of every actor the documents referred to before or refer
   * to now are recomputed from the records (the values a fresh load gives), and actors no record
   * refers to any more are removed.
   */
  private async recountActors(client: pg.PoolClient, before: readonly number[], reanalyzed: readonly Reanalysis[]): Promise<void> {
    if (reanalyzed.length === 0) return;
    const now = (await this.rows(
      'SELECT DISTINCT actor_pk FROM entities WHERE doc_pk = ANY($1::bigint[])',
      [reanalyzed.map((r) => r.pk)],
      client,
    )).map((r) => n(r.actor_pk));
    const touched = [...new Set([...before, ...now])];
    if (touched.length === 0) return;
    await client.query(
      `DELETE FROM actors a WHERE a.pk = ANY($1::bigint[])
         AND NOT EXISTS (SELECT 1 FROM entities WHERE actor_pk = a.pk) AND NOT EXISTS (SELECT 1 FROM quotes WHERE speaker_actor_pk = a.pk)
         AND NOT EXISTS (SELECT 1 FROM event_actors WHERE actor_pk = a.pk) AND NOT EXISTS (SELECT 1 FROM events WHERE location_actor_pk = a.pk)`,
      [touched],
    );
    await client.query(
      `UPDATE actors a SET
         n_documents = (SELECT count(DISTINCT doc_pk) FROM entities WHERE actor_pk = a.pk),
         n_mentions = (SELECT coalesce(sum(n_mentions), 0) FROM entities WHERE actor_pk = a.pk),
         first_seen = (SELECT min(d.day) FROM entities e JOIN documents d ON d.pk = e.doc_pk WHERE e.actor_pk = a.pk),
         last_seen = (SELECT max(d.day) FROM entities e JOIN documents d ON d.pk = e.doc_pk WHERE e.actor_pk = a.pk),
         n_quotes = (SELECT count(*) FROM quotes WHERE speaker_actor_pk = a.pk),
         n_source = (SELECT count(DISTINCT event_pk) FROM event_actors WHERE actor_pk = a.pk AND role = 'source'),
         n_target = (SELECT count(DISTINCT event_pk) FROM event_actors WHERE actor_pk = a.pk AND role = 'target')
       WHERE a.pk = ANY($1::bigint[])`,
      [touched],
    );
  }

  /** Inserts the layers of the batch's canonical documents: one statement per table. */
  private async insertLayers(client: pg.PoolClient, pending: readonly PendingLayers[]): Promise<void> {
    if (pending.length === 0) return;
    // Corpus actors: the first non-empty code, country and role win, as when upserting one by one.
    const specs = new Map<string, { name: string; type: string; code: string | null; country: string | null; role: string | null }>();
    for (const { doc } of pending) {
      for (const e of doc.entities) {
        const key = actorKey(e);
        const got = specs.get(key);
        if (!got) specs.set(key, { name: e.name, type: e.type, code: e.code ?? null, country: e.country ?? null, role: e.role ?? null });
        else {
          got.code ??= e.code ?? null;
          got.country ??= e.country ?? null;
          got.role ??= e.role ?? null;
        }
      }
    }
    const keys = [...specs.keys()];
    const actorPkByKey = new Map<string, number>();
    if (keys.length > 0) {
      const col = <K extends 'name' | 'type' | 'code' | 'country' | 'role'>(k: K) => keys.map((key) => specs.get(key)![k]);
      for (const r of await this.rows(
        `INSERT INTO actors (key, name, type, code, country, role)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
         ON CONFLICT (key) DO UPDATE SET code = coalesce(actors.code, excluded.code),
           country = coalesce(actors.country, excluded.country), role = coalesce(actors.role, excluded.role)
         RETURNING pk, key`,
        [keys, col('name'), col('type'), col('code'), col('country'), col('role')],
        client,
      )) {
        actorPkByKey.set(String(r.key), n(r.pk));
      }
    }

    // Primary keys drawn in ascending order, so events keep the batch's order (pages without a date
    // range come in ingest order).
    const count = (f: (d: Document) => number): number => pending.reduce((a, p) => a + f(p.doc), 0);
    const ids = (await this.one(
      `SELECT array(SELECT nextval(pg_get_serial_sequence('entities', 'pk')) FROM generate_series(1, $1::int)) AS entities,
              array(SELECT nextval(pg_get_serial_sequence('quotes', 'pk')) FROM generate_series(1, $2::int)) AS quotes,
              array(SELECT nextval(pg_get_serial_sequence('events', 'pk')) FROM generate_series(1, $3::int)) AS events`,
      [count((d) => d.entities.length), count((d) => d.quotes.length), count((d) => d.events.length)],
      client,
    ))!;
    const take = (xs: unknown): (() => number) => {
      const sorted = (xs as unknown[]).map(n).sort((a, b) => a - b);
      let i = 0;
      return () => sorted[i++]!;
    };
    const nextEntity = take(ids.entities);
    const nextQuote = take(ids.quotes);
    const nextEvent = take(ids.events);

    const ent = { pk: [] as number[], doc: [] as number[], ord: [] as number[], local: [] as string[], actor: [] as number[], name: [] as string[], type: [] as string[], code: [] as (string | null)[], country: [] as (string | null)[], role: [] as (string | null)[], lat: [] as (number | null)[], lon: [] as (number | null)[], nm: [] as number[], data: [] as string[] };
    const men = { entity: [] as number[], doc: [] as number[], start: [] as number[], end: [] as number[], kind: [] as string[], code: [] as (string | null)[] };
    const tx = { doc: [] as number[], ord: [] as number[], local: [] as string[], start: [] as number[], end: [] as number[], type: [] as string[], value: [] as string[], ds: [] as (string | null)[], de: [] as (string | null)[], data: [] as string[] };
    const qt = { pk: [] as number[], doc: [] as number[], ord: [] as number[], local: [] as string[], kind: [] as string[], start: [] as number[], end: [] as number[], sent: [] as (number | null)[], sact: [] as (number | null)[], date: [] as (string | null)[], day: [] as (string | null)[], text: [] as string[], data: [] as string[], fold: [] as (string | null)[] };
    const ev = {
      pk: [] as number[], doc: [] as number[], ord: [] as number[], local: [] as string[], cameo: [] as string[], root: [] as string[], plover: [] as (string | null)[], mode: [] as (string | null)[], quad: [] as number[], gold: [] as number[],
      date: [] as (string | null)[], basis: [] as string[], ds: [] as (string | null)[], de: [] as (string | null)[], day: [] as (string | null)[], week: [] as (string | null)[], month: [] as (string | null)[], pub: [] as (string | null)[],
      src: [] as (number | null)[], tgt: [] as (number | null)[], loc: [] as (number | null)[], place: [] as (string | null)[], country: [] as (string | null)[],
      neg: [] as boolean[], fut: [] as boolean[], cond: [] as boolean[], hyp: [] as boolean[], quote: [] as (string | null)[], sentence: [] as number[], conf: [] as (number | null)[],
      trigger: [] as string[], data: [] as string[], sentenceText: [] as (string | null)[], lat: [] as (number | null)[], lon: [] as (number | null)[],
    };
    const ea = { event: [] as number[], role: [] as string[], position: [] as number[], actor: [] as (number | null)[], code: [] as (string | null)[] };
    const counters = new Map<number, { docs: number; mentions: number; quotes: number; source: number; target: number; first: string | null; last: string | null }>();
    const counter = (apk: number) => {
      let c = counters.get(apk);
      if (!c) counters.set(apk, (c = { docs: 0, mentions: 0, quotes: 0, source: 0, target: 0, first: null, last: null }));
      return c;
    };
    let maxSpan = 0;

    for (const { doc, pk: docPk, day } of pending) {
      const entityPk = new Map<string, number>();
      const actorPk = new Map<string, number>();
      const entityById = new Map<string, Entity>();
      const docActors = new Set<number>();
      doc.entities.forEach((e, ord) => {
        const apk = actorPkByKey.get(actorKey(e))!;
        const epk = nextEntity();
        ent.pk.push(epk); ent.doc.push(docPk); ent.ord.push(ord); ent.local.push(e.id); ent.actor.push(apk); ent.name.push(e.name); ent.type.push(e.type);
        ent.code.push(e.code ?? null); ent.country.push(e.country ?? null); ent.role.push(e.role ?? null);
        ent.lat.push(e.geo?.lat ?? null); ent.lon.push(e.geo?.lon ?? null); ent.nm.push(e.mentions.length); ent.data.push(JSON.stringify(e));
        entityPk.set(e.id, epk);
        actorPk.set(e.id, apk);
        entityById.set(e.id, e);
        for (const m of e.mentions) {
          men.entity.push(epk); men.doc.push(docPk); men.start.push(m.start); men.end.push(m.end); men.kind.push(m.kind); men.code.push(m.code ?? null);
        }
        const c = counter(apk);
        if (!docActors.has(apk)) {
          docActors.add(apk);
          c.docs++;
          if (day !== null) {
            if (c.first === null || day < c.first) c.first = day;
            if (c.last === null || day > c.last) c.last = day;
          }
        }
        c.mentions += e.mentions.length;
      });

      doc.timexes.forEach((t: Timex, ord) => {
        const r = dayRange(t.type === 'DATE' || t.type === 'TIME' ? t.value : undefined);
        tx.doc.push(docPk); tx.ord.push(ord); tx.local.push(t.id); tx.start.push(t.start); tx.end.push(t.end); tx.type.push(t.type); tx.value.push(t.value);
        tx.ds.push(r?.start ?? null); tx.de.push(r?.end ?? null); tx.data.push(JSON.stringify(t));
      });

      doc.quotes.forEach((q: Quote, ord) => {
        const speakerActor = q.speaker ? actorPk.get(q.speaker) : undefined;
        const text = doc.text.slice(q.start, q.end);
        qt.pk.push(nextQuote()); qt.doc.push(docPk); qt.ord.push(ord); qt.local.push(q.id); qt.kind.push(q.kind); qt.start.push(q.start); qt.end.push(q.end);
        qt.sent.push(q.speaker ? entityPk.get(q.speaker) ?? null : null); qt.sact.push(speakerActor ?? null); qt.date.push(q.date ?? null);
        qt.day.push(dayOf(q.date) ?? day); qt.text.push(text); qt.data.push(JSON.stringify(q)); qt.fold.push(indexText(text));
        if (speakerActor !== undefined) counter(speakerActor).quotes++;
      });

      doc.events.forEach((e: EventRecord, ord) => {
        const range = dayRange(e.date);
        if (range) {
          const span = (Date.parse(`${range.end}T00:00:00Z`) - Date.parse(`${range.start}T00:00:00Z`)) / 86400000;
          if (span > maxSpan) maxSpan = span;
        }
        const eventDay = range?.start ?? day;
        // An event is located only where the text places it, never at the dateline city by default.
        const loc = e.location ? entityById.get(e.location) : undefined;
        const src = e.source.map((x) => actorPk.get(x));
        const tgt = e.target.map((x) => actorPk.get(x));
        const epk = nextEvent();
        ev.pk.push(epk); ev.doc.push(docPk); ev.ord.push(ord); ev.local.push(e.id); ev.cameo.push(e.cameo); ev.root.push(e.root);
        ev.plover.push(e.plover ?? null); ev.mode.push(e.ploverMode ?? null); ev.quad.push(e.quadClass); ev.gold.push(e.goldstein);
        ev.date.push(e.date ?? null); ev.basis.push(e.dateBasis); ev.ds.push(range?.start ?? null); ev.de.push(range?.end ?? null); ev.day.push(eventDay);
        ev.week.push(eventDay ? isoWeek(eventDay) : null); ev.month.push(eventDay ? eventDay.slice(0, 7) : null); ev.pub.push(day);
        ev.src.push(src[0] ?? null); ev.tgt.push(tgt[0] ?? null); ev.loc.push(e.location ? actorPk.get(e.location) ?? null : null);
        ev.place.push(loc?.name ?? null); ev.country.push(loc?.country ?? null);
        ev.neg.push(e.modality.negated); ev.fut.push(e.modality.future); ev.cond.push(e.modality.conditional); ev.hyp.push(e.modality.hypothetical);
        ev.quote.push(e.quote ?? null); ev.sentence.push(e.sentence); ev.conf.push(e.confidence ?? null);
        ev.trigger.push(doc.text.slice(e.trigger.start, e.trigger.end)); ev.data.push(JSON.stringify(e));
        const sn = doc.sentences[e.sentence];
        ev.sentenceText.push(sn ? doc.text.slice(sn.start, sn.end) : null); ev.lat.push(loc?.geo?.lat ?? null); ev.lon.push(loc?.geo?.lon ?? null);
        const sides: ['source' | 'target', (number | undefined)[], readonly string[] | undefined, readonly string[]][] = [
          ['source', src, e.sourceCodes, e.source],
          ['target', tgt, e.targetCodes, e.target],
        ];
        for (const [role, pks, codes, ids] of sides) {
          const n = Math.max(pks.length, codes?.length ?? 0);
          const seen = new Set<number>();
          for (let i = 0; i < n; i++) {
            const apk = pks[i];
            const entity = ids[i] ? entityById.get(ids[i]!) : undefined;
            ea.event.push(epk); ea.role.push(role); ea.position.push(i); ea.actor.push(apk ?? null); ea.code.push(codes?.[i] ?? entity?.code ?? null);
            if (apk !== undefined && !seen.has(apk)) {
              seen.add(apk);
              counter(apk)[role]++;
            }
          }
        }
      });
    }

    const run = async (sql: string, params: unknown[], rows: number): Promise<void> => {
      if (rows > 0) await client.query(sql, params);
    };
    await run(
      `INSERT INTO entities (pk, doc_pk, ord, local_id, actor_pk, name, type, code, country, role, lat, lon, n_mentions, data)
       SELECT u.pk, u.doc_pk, u.ord, u.local_id, u.actor_pk, u.name, u.type, u.code, u.country, u.role, u.lat, u.lon, u.n_mentions, u.data::json
       FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                   $11::float8[], $12::float8[], $13::int[], $14::text[])
         AS u(pk, doc_pk, ord, local_id, actor_pk, name, type, code, country, role, lat, lon, n_mentions, data)`,
      [ent.pk, ent.doc, ent.ord, ent.local, ent.actor, ent.name, ent.type, ent.code, ent.country, ent.role, ent.lat, ent.lon, ent.nm, ent.data],
      ent.pk.length,
    );
    await run(
      `INSERT INTO mentions (entity_pk, doc_pk, start, "end", kind, code)
       SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::int[], $5::text[], $6::text[])`,
      [men.entity, men.doc, men.start, men.end, men.kind, men.code],
      men.entity.length,
    );
    await run(
      `INSERT INTO timexes (doc_pk, ord, local_id, start, "end", type, value, day_start, day_end, data)
       SELECT u.doc_pk, u.ord, u.local_id, u.start, u."end", u.type, u.value, u.day_start, u.day_end, u.data::json
       FROM unnest($1::bigint[], $2::int[], $3::text[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
         AS u(doc_pk, ord, local_id, start, "end", type, value, day_start, day_end, data)`,
      [tx.doc, tx.ord, tx.local, tx.start, tx.end, tx.type, tx.value, tx.ds, tx.de, tx.data],
      tx.doc.length,
    );
    await run(
      `INSERT INTO quotes (pk, doc_pk, ord, local_id, kind, start, "end", speaker_entity_pk, speaker_actor_pk, date, day, text, data, tsv)
       SELECT u.pk, u.doc_pk, u.ord, u.local_id, u.kind, u.start, u."end", u.sent, u.sact, u.date, u.day, u.text, u.data::json,
              to_tsvector('${TS_CONFIG}', coalesce(u.fold, u.text))
       FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::text[], $5::text[], $6::int[], $7::int[], $8::bigint[], $9::bigint[], $10::text[],
                   $11::text[], $12::text[], $13::text[], $14::text[])
         AS u(pk, doc_pk, ord, local_id, kind, start, "end", sent, sact, date, day, text, data, fold)`,
      [qt.pk, qt.doc, qt.ord, qt.local, qt.kind, qt.start, qt.end, qt.sent, qt.sact, qt.date, qt.day, qt.text, qt.data, qt.fold],
      qt.pk.length,
    );
    await run(
      `INSERT INTO events (pk, doc_pk, ord, local_id, cameo, root, plover, plover_mode, quad_class, goldstein, date, date_basis,
         date_start, date_end, day, week, month, published, source_actor_pk, target_actor_pk, location_actor_pk, place, country,
         negated, future, conditional, hypothetical, quote_local, sentence, confidence)
       SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::float8[],
         $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::bigint[], $20::bigint[],
         $21::bigint[], $22::text[], $23::text[], $24::bool[], $25::bool[], $26::bool[], $27::bool[], $28::text[], $29::int[], $30::float8[])`,
      [ev.pk, ev.doc, ev.ord, ev.local, ev.cameo, ev.root, ev.plover, ev.mode, ev.quad, ev.gold, ev.date, ev.basis, ev.ds, ev.de, ev.day, ev.week,
        ev.month, ev.pub, ev.src, ev.tgt, ev.loc, ev.place, ev.country, ev.neg, ev.fut, ev.cond, ev.hyp, ev.quote, ev.sentence, ev.conf],
      ev.pk.length,
    );
    await run(
      `INSERT INTO event_texts (event_pk, trigger_text, sentence_text, lat, lon, data)
       SELECT u.pk, u.t, u.s, u.lat, u.lon, u.d::json FROM unnest($1::bigint[], $2::text[], $3::text[], $4::float8[], $5::float8[], $6::text[]) AS u(pk, t, s, lat, lon, d)`,
      [ev.pk, ev.trigger, ev.sentenceText, ev.lat, ev.lon, ev.data],
      ev.pk.length,
    );
    await run(
      `INSERT INTO event_actors (event_pk, role, position, actor_pk, code)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::int[], $4::bigint[], $5::text[]) ON CONFLICT DO NOTHING`,
      [ea.event, ea.role, ea.position, ea.actor, ea.code],
      ea.event.length,
    );
    const apks = [...counters.keys()];
    const cs = apks.map((k) => counters.get(k)!);
    await run(
      `UPDATE actors a SET n_documents = a.n_documents + u.docs, n_mentions = a.n_mentions + u.mentions, n_quotes = a.n_quotes + u.quotes,
         n_source = a.n_source + u.source, n_target = a.n_target + u.target,
         first_seen = least(a.first_seen, u.first), last_seen = greatest(a.last_seen, u.last)
       FROM unnest($1::bigint[], $2::int[], $3::int[], $4::int[], $5::int[], $6::int[], $7::text[], $8::text[])
         AS u(pk, docs, mentions, quotes, source, target, first, last)
       WHERE a.pk = u.pk`,
      [apks, cs.map((c) => c.docs), cs.map((c) => c.mentions), cs.map((c) => c.quotes), cs.map((c) => c.source), cs.map((c) => c.target),
        cs.map((c) => c.first), cs.map((c) => c.last)],
      apks.length,
    );
    if (maxSpan > 0) {
      await client.query("UPDATE store_meta SET value = $1 WHERE key = 'max_date_span' AND value < $1", [maxSpan]);
    }
  }

  // ---------------------------------------------------------------- reading documents

  async getDocument(id: string): Promise<StoredDocument | null> {
    const row = await this.one(
      `SELECT pk, id, hash, duplicate_of, duplicate_kind, similarity, text, meta, sentences, errors, pipeline,
         (SELECT f.id FROM documents f WHERE f.pk = documents.duplicate_of) AS first_id
       FROM documents WHERE id = $1`,
      [id],
    );
    if (!row) return null;
    const pk = n(row.pk);
    const canonical = row.duplicate_of === null;
    const data = async (table: string): Promise<unknown[]> =>
      (await this.rows(`SELECT data FROM ${table} WHERE doc_pk = $1 ORDER BY ord`, [pk])).map((r) => r.data);
    const [entities, timexes, quotes, events, actorRows, dups] = await Promise.all([
      data('entities'),
      data('timexes'),
      data('quotes'),
      this.rows('SELECT x.data FROM events e JOIN event_texts x ON x.event_pk = e.pk WHERE e.doc_pk = $1 ORDER BY e.ord', [pk]).then((rs) => rs.map((r) => r.data)),
      this.rows('SELECT e.local_id, a.key FROM entities e JOIN actors a ON a.pk = e.actor_pk WHERE e.doc_pk = $1', [pk]),
      canonical ? this.rows('SELECT id FROM documents WHERE duplicate_of = $1 ORDER BY pk', [pk]) : Promise.resolve([]),
    ]);
    const actors: Record<string, string> = {};
    for (const r of actorRows) actors[String(r.local_id)] = String(r.key);
    const errors = row.errors === null ? undefined : (row.errors as Document['errors']);
    const document: Document = {
      schema: SCHEMA_VERSION,
      id: String(row.id),
      text: String(row.text),
      meta: row.meta as Document['meta'],
      sentences: row.sentences as Sentence[],
      tokens: [],
      entities: entities as Entity[],
      timexes: timexes as Timex[],
      quotes: quotes as Quote[],
      events: events as EventRecord[],
      ...(errors ? { errors } : {}),
    };
    return opt({
      document,
      hash: String(row.hash),
      duplicateOf: s(row.first_id),
      duplicateKind: s(row.duplicate_kind) as 'exact' | 'near' | undefined,
      similarity: num(row.similarity),
      duplicates: dups.map((r) => String(r.id)),
      actors,
      pipeline: s(row.pipeline),
    });
  }

  async listDocuments(q: DocumentQuery): Promise<Page<DocumentSummary>> {
    const b = new Sql();
    const where: string[] = [];
    if (q.q) {
      const tsq = tsQueryText(q.q);
      if (!tsq) return { total: 0, limit: q.limit ?? 0, offset: q.offset ?? 0, items: [] };
      where.push(`d.tsv @@ to_tsquery('${TS_CONFIG}', ${b.v(tsq)})`);
    }
    if (!q.includeDuplicates) where.push('d.duplicate_of IS NULL');
    if (q.publishedFrom) where.push(`d.day >= ${b.v(q.publishedFrom)}`);
    if (q.publishedTo) where.push(`d.day <= ${b.v(q.publishedTo)}`);
    if (q.actor) {
      const pks = await this.resolveActors(q.actor);
      where.push(`d.pk IN (SELECT doc_pk FROM entities WHERE actor_pk = ANY(${b.v(pks)}::bigint[]))`);
    }
    if (q.agency) where.push(`d.agencies @> ARRAY[${b.v(q.agency.toLowerCase())}::text]`);
    if (q.country) where.push(`d.country = ${b.v(q.country.toUpperCase())}`);
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const offset = q.offset ?? 0;
    const page = b.fork();
    const [countRow, rows] = await Promise.all([
      this.one(`SELECT count(*) AS c FROM documents d ${w}`, b.params),
      this.rows(
        `SELECT d.pk, d.id, d.title, d.url, d.published, d.reference_date, d.place, d.country, d.hash, d.duplicate_kind, d.similarity,
           d.n_events, d.n_quotes, d.n_entities, left(d.text, 240) AS snippet,
           (SELECT f.id FROM documents f WHERE f.pk = d.duplicate_of) AS first_id
         FROM documents d ${w} ORDER BY d.pk LIMIT ${page.v(q.limit ?? null)} OFFSET ${page.v(offset)}`,
        page.params,
      ),
    ]);
    const total = n(countRow?.c);
    const items = rows.map((r) => documentSummary(r, num(r.similarity)));
    return { total, limit: q.limit ?? total, offset, items };
  }

  // ---------------------------------------------------------------- events

  /**
   * Actor pks matching an id (key), a code, a name, or a whole word of a name ("Trump" finds
   * "Donald Trump"), case-insensitively; a value matching none of these matches names as a
   * substring. Code-like values also match code prefixes (`IRQ` → `IRQGOV`).
   */
  private async resolveActors(value: string): Promise<number[]> {
    const w = escapeLike(value);
    const found = (await this.rows(
      `SELECT pk FROM actors WHERE key = $1 OR code = $1 OR lower(name) = lower($1)
         OR (string_to_array(lower(name), ' ') @> string_to_array(lower($1), ' ')
             AND (name ILIKE $2 ESCAPE '\\' OR name ILIKE $3 ESCAPE '\\' OR name ILIKE $4 ESCAPE '\\')) LIMIT 1000`,
      [value, `${w} %`, `% ${w}`, `% ${w} %`],
    )).map((r) => n(r.pk));
    if (/^[A-Z0-9]{3,}$/.test(value)) {
      const [lo, hi] = prefixRange(value);
      for (const r of await this.rows('SELECT pk FROM actors WHERE code >= $1 AND code < $2', [lo, hi])) found.push(n(r.pk));
    }
    if (found.length > 0) return [...new Set(found)];
    return (await this.rows("SELECT pk FROM actors WHERE name ILIKE $1 ESCAPE '\\' LIMIT 500", [`%${w}%`])).map((r) => n(r.pk));
  }

  /**
   * One actor filter: the events whose source and/or target side holds a matching actor. A
   * code-like value is matched on the codes stored per event position (which include the
   * entities' codes), so only actors keyed or named by it need their ids added.
   */
  private async actorClause(value: string, role: 'source' | 'target' | undefined, b: Sql): Promise<string> {
    const codeLike = /^[A-Z0-9]{3,}$/.test(value);
    const pks = codeLike
      ? (await this.rows('SELECT pk FROM actors WHERE key = $1 OR lower(name) = lower($1)', [value])).map((r) => n(r.pk))
      : await this.resolveActors(value);
    const parts: string[] = [];
    if (pks.length > 0) {
      parts.push(`SELECT event_pk FROM event_actors WHERE actor_pk = ANY(${b.v(pks)}::bigint[])${role ? ` AND role = ${b.v(role)}` : ''}`);
    }
    if (codeLike) {
      const [lo, hi] = prefixRange(value);
      parts.push(`SELECT event_pk FROM event_actors WHERE role = ANY(${b.v(role ? [role] : ['source', 'target'])}::text[]) AND code >= ${b.v(lo)} AND code < ${b.v(hi)}`);
    }
    if (parts.length === 0) return 'false';
    return `e.pk IN (${parts.join(' UNION ALL ')})`;
  }

  /** The largest date_end − date_start of any stored event, in days (bounds date-overlap scans). */
  private async maxDateSpan(): Promise<number> {
    return Math.ceil(n((await this.one("SELECT value FROM store_meta WHERE key = 'max_date_span'"))?.value));
  }

  /** The WHERE clause (with its parameters in `b`) of an event query; '' for no filter. */
  private async eventWhere(q: EventQuery, b: Sql): Promise<string> {
    const where: string[] = [];
    if (q.actor) where.push(await this.actorClause(q.actor, undefined, b));
    if (q.source) where.push(await this.actorClause(q.source, 'source', b));
    if (q.target) where.push(await this.actorClause(q.target, 'target', b));
    if (q.cameo) {
      const [lo, hi] = prefixRange(q.cameo);
      // The root is the code's first two digits; stating it lets the root-led index serve the range.
      if (q.cameo.length >= 2) where.push(`e.root = ${b.v(q.cameo.slice(0, 2))}`);
      where.push(`e.cameo >= ${b.v(lo)} AND e.cameo < ${b.v(hi)}`);
    }
    if (q.root) where.push(`e.root = ${b.v(q.root.padStart(2, '0'))}`);
    if (q.plover) where.push(`e.plover = ${b.v(q.plover.toUpperCase())}`);
    if (q.quadClass !== undefined) where.push(`e.quad_class = ${b.v(q.quadClass)}`);
    // Overlap of the event's day range with [from, to]; no stored range spans more than
    // max_date_span days, which gives the date_start index a lower bound too.
    if (q.from) where.push(`e.date_end >= ${b.v(q.from)} AND e.date_start >= ${b.v(shiftDay(q.from, -(await this.maxDateSpan())))}`);
    if (q.to) where.push(`e.date_start <= ${b.v(q.to)}`);
    if (q.publishedFrom) where.push(`e.published >= ${b.v(q.publishedFrom)}`);
    if (q.publishedTo) where.push(`e.published <= ${b.v(q.publishedTo)}`);
    switch (q.modality) {
      case undefined:
        break;
      case 'asserted':
        where.push('NOT (e.negated OR e.future OR e.conditional OR e.hypothetical)');
        break;
      case 'negated':
      case 'future':
      case 'conditional':
      case 'hypothetical':
        where.push(`e.${q.modality}`);
        break;
    }
    if (q.place) {
      const located = await this.one('SELECT pk FROM actors WHERE key = $1', [q.place]);
      where.push(
        located
          ? `(lower(e.place) = lower(${b.v(q.place)}) OR e.location_actor_pk = ${b.v(n(located.pk))})`
          : `lower(e.place) = lower(${b.v(q.place)})`,
      );
    }
    if (q.country) where.push(`e.country = ${b.v(q.country.toUpperCase())}`);
    if (q.documentId) where.push(`e.doc_pk = (SELECT pk FROM documents WHERE id = ${b.v(q.documentId)})`);
    return where.length ? `WHERE ${where.join(' AND ')}` : '';
  }

  /**
   * Events by primary key, in the given order, with everything a listed event shows: one statement
   * (actors aggregated per event, sentence and coordinates stored beside the event JSON).
   */
  private async eventRowsByPk(pks: readonly number[]): Promise<EventRow[]> {
    if (pks.length === 0) return [];
    const rows = await this.rows(
      `SELECT e.pk, x.data, x.trigger_text, x.sentence_text, x.lat, x.lon, e.place, e.country, e.date_start, e.date_end,
         d.id AS doc_id, d.published AS doc_published, d.title, d.url,
         (SELECT json_agg(json_build_array(ea.role, ea.code, a.key, a.name, a.type, a.code) ORDER BY ea.role, ea.position)
          FROM event_actors ea LEFT JOIN actors a ON a.pk = ea.actor_pk WHERE ea.event_pk = e.pk) AS actors
       FROM unnest($1::bigint[]) WITH ORDINALITY AS k(pk, i)
       JOIN events e ON e.pk = k.pk JOIN event_texts x ON x.event_pk = e.pk JOIN documents d ON d.pk = e.doc_pk
       ORDER BY k.i`,
      [pks],
    );
    return rows.map((r) => {
      const event = r.data as EventRecord;
      const sourceActors: ActorRef[] = [];
      const targetActors: ActorRef[] = [];
      for (const [role, eaCode, key, name, type, code] of (r.actors ?? []) as [string, string | null, string | null, string | null, string | null, string | null][]) {
        const ref = eventActorRef(key ?? undefined, name, type, eaCode ?? undefined, code ?? undefined);
        (role === 'source' ? sourceActors : targetActors).push(ref);
      }
      return eventRow(r, event, { sentenceText: s(r.sentence_text), sourceActors, targetActors, lat: num(r.lat), lon: num(r.lon) });
    });
  }

  async events(q: EventQuery): Promise<Page<EventRow>> {
    const b = new Sql();
    const w = await this.eventWhere(q, b);
    const cap = q.countLimit ?? DEFAULT_COUNT_LIMIT;
    const offset = q.offset ?? 0;
    // A date range is served by the date index in date order; anything else comes in ingest order.
    const order = q.from || q.to ? 'e.date_start, e.pk' : 'e.pk';
    let counted: number;
    let pks: number[];
    if (cap > 0 && q.limit !== undefined && offset + q.limit <= cap + 1) {
      // One pass gives both the capped count and the page: the first cap + 1 keys in page order.
      const k = b.fork();
      const keys = (await this.rows(`SELECT e.pk FROM events e ${w} ORDER BY ${order} LIMIT ${k.v(cap + 1)}`, k.params)).map((r) => n(r.pk));
      counted = keys.length;
      pks = keys.slice(offset, offset + q.limit);
    } else {
      const c = b.fork();
      const countSql = cap > 0 ? `SELECT count(*) AS c FROM (SELECT 1 FROM events e ${w} LIMIT ${c.v(cap + 1)}) x` : `SELECT count(*) AS c FROM events e ${w}`;
      const k = b.fork();
      const keySql = `SELECT e.pk FROM events e ${w} ORDER BY ${order} LIMIT ${k.v(q.limit ?? null)} OFFSET ${k.v(offset)}`;
      const [countRow, keyRows] = await Promise.all([this.one(countSql, c.params), this.rows(keySql, k.params)]);
      counted = n(countRow?.c);
      pks = keyRows.map((r) => n(r.pk));
    }
    const { total, capped } = cappedCount(counted, cap);
    const items = await this.eventRowsByPk(pks);
    return { total, ...(capped ? { totalCapped: true } : {}), limit: q.limit ?? total, offset, items };
  }

  async *streamEvents(q: EventQuery): AsyncIterable<EventRow> {
    const b = new Sql();
    const w = await this.eventWhere(q, b);
    let after = 0;
    const window: StreamWindow = { skip: q.offset ?? 0, left: q.limit ?? Number.POSITIVE_INFINITY };
    while (window.left > 0) {
      const k = b.fork();
      const keys = (await this.rows(
        `SELECT e.pk FROM events e ${w ? `${w} AND` : 'WHERE'} e.pk > ${k.v(after)} ORDER BY e.pk LIMIT ${k.v(STREAM_PAGE)}`,
        k.params,
      )).map((r) => n(r.pk));
      if (keys.length === 0) return;
      after = keys[keys.length - 1]!;
      const page = takeFromPage(keys, window);
      for (const row of await this.eventRowsByPk(page)) yield row;
      if (keys.length < STREAM_PAGE) return;
    }
  }

  async aggregateEvents(q: EventQuery, by: EventGroupBy, limit = 1000): Promise<readonly EventBucket[]> {
    const b = new Sql();
    const w = await this.eventWhere(q, b);
    const and = w ? `${w} AND` : 'WHERE';
    if (by === 'dyad') {
      const rows = await this.rows(
        `SELECT e.source_actor_pk AS s, e.target_actor_pk AS t, count(*) AS c, avg(e.goldstein) AS g FROM events e
         ${and} e.source_actor_pk IS NOT NULL AND e.target_actor_pk IS NOT NULL
         GROUP BY e.source_actor_pk, e.target_actor_pk ORDER BY c DESC, s, t LIMIT ${b.v(limit)}`,
        b.params,
      );
      const refs = await this.actorRefs(rows.flatMap((r) => [n(r.s), n(r.t)]));
      return rows.map((r) => {
        const source = refs.get(n(r.s))!;
        const target = refs.get(n(r.t))!;
        return dyadBucket(r, source, target);
      });
    }
    if (by === 'place') {
      const rows = await this.rows(
        `SELECT e.place AS p, e.country AS c, count(*) AS n, avg(e.goldstein) AS g, avg(en.lat) AS lat, avg(en.lon) AS lon
         FROM events e LEFT JOIN entities en ON en.actor_pk = e.location_actor_pk AND en.doc_pk = e.doc_pk
         ${and} e.place IS NOT NULL GROUP BY e.place, e.country ORDER BY n DESC, e.place COLLATE "C" LIMIT ${b.v(limit)}`,
        b.params,
      );
      return rows.map((r) => placeBucket(r, r.lat !== null ? n(r.lat) : undefined, r.lon !== null ? n(r.lon) : undefined));
    }
    const column = { week: 'e.week', month: 'e.month', day: 'e.day', root: 'e.root', plover: 'e.plover', quadClass: 'e.quad_class', country: 'e.country' }[by];
    const timeOrder = by === 'week' || by === 'month' || by === 'day';
    const rows = await this.rows(
      `SELECT ${column} AS k, count(*) AS c, avg(e.goldstein) AS g FROM events e ${and} ${column} IS NOT NULL
       GROUP BY ${column} ORDER BY ${timeOrder ? 'k' : `c DESC, ${column}${by === 'quadClass' ? '' : ' COLLATE "C"'}`} LIMIT ${b.v(limit)}`,
      b.params,
    );
    return rows.map((r) => keyBucket(r));
  }

  private async actorRefs(pks: number[]): Promise<Map<number, ActorRef>> {
    const out = new Map<number, ActorRef>();
    const uniq = [...new Set(pks)];
    if (uniq.length === 0) return out;
    for (const r of await this.rows('SELECT pk, key, name, type, code FROM actors WHERE pk = ANY($1::bigint[])', [uniq])) {
      out.set(n(r.pk), actorRef(r));
    }
    return out;
  }

  // ---------------------------------------------------------------- quotes, entities, search

  async quotes(q: QuoteQuery): Promise<Page<QuoteRow>> {
    const b = new Sql();
    const where: string[] = [];
    if (q.q) {
      const tsq = tsQueryText(q.q);
      if (!tsq) return { total: 0, limit: q.limit ?? 0, offset: q.offset ?? 0, items: [] };
      where.push(`qt.tsv @@ to_tsquery('${TS_CONFIG}', ${b.v(tsq)})`);
    }
    if (q.speaker) where.push(`qt.speaker_actor_pk = ANY(${b.v(await this.resolveActors(q.speaker))}::bigint[])`);
    if (q.documentId) where.push(`qt.doc_pk = (SELECT pk FROM documents WHERE id = ${b.v(q.documentId)})`);
    if (q.from) where.push(`qt.day >= ${b.v(q.from)}`);
    if (q.to) where.push(`qt.day <= ${b.v(q.to)}`);
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const offset = q.offset ?? 0;
    const page = b.fork();
    const [countRow, rows] = await Promise.all([
      this.one(`SELECT count(*) AS c FROM quotes qt ${w}`, b.params),
      this.rows(
        `SELECT qt.pk, qt.data, qt.text, qt.speaker_actor_pk, d.id AS doc_id, d.published, d.title, d.text AS doc_text
         FROM quotes qt JOIN documents d ON d.pk = qt.doc_pk ${w} ORDER BY qt.pk LIMIT ${page.v(q.limit ?? null)} OFFSET ${page.v(offset)}`,
        page.params,
      ),
    ]);
    const total = n(countRow?.c);
    return { total, limit: q.limit ?? total, offset, items: await this.quoteRows(rows) };
  }

  private async quoteRows(rows: Row[]): Promise<QuoteRow[]> {
    const refs = await this.actorRefs(rows.filter((r) => r.speaker_actor_pk !== null).map((r) => n(r.speaker_actor_pk)));
    return rows.map((r) => quoteRow(r, r.data as Quote, r.speaker_actor_pk !== null ? refs.get(n(r.speaker_actor_pk)) : undefined));
  }

  async entities(q: EntityQuery): Promise<Page<ActorRow>> {
    const b = new Sql();
    const where: string[] = [];
    if (q.q) where.push(`(key = ${b.v(q.q)} OR code = ${b.v(q.q)} OR name ILIKE ${b.v(`%${escapeLike(q.q)}%`)} ESCAPE '\\')`);
    if (q.type) where.push(`type = ${b.v(q.type)}`);
    if (q.code) {
      const [lo, hi] = prefixRange(q.code);
      where.push(`code >= ${b.v(lo)} AND code < ${b.v(hi)}`);
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order = {
      mentions: 'n_mentions DESC, pk',
      documents: 'n_documents DESC, pk',
      events: '(n_source + n_target) DESC, pk',
      name: 'lower(name) COLLATE "C", pk',
    }[q.sort ?? 'mentions'];
    const offset = q.offset ?? 0;
    const page = b.fork();
    const [countRow, rows] = await Promise.all([
      this.one(`SELECT count(*) AS c FROM actors ${w}`, b.params),
      this.rows(`SELECT * FROM actors ${w} ORDER BY ${order} LIMIT ${page.v(q.limit ?? null)} OFFSET ${page.v(offset)}`, page.params),
    ]);
    const total = n(countRow?.c);
    return { total, limit: q.limit ?? total, offset, items: rows.map((r) => actorRow(r)) };
  }

  async entity(id: string, options: { limit?: number } = {}): Promise<ActorDetail | null> {
    const row = await this.one('SELECT * FROM actors WHERE key = $1', [id]);
    if (!row) return null;
    const pk = n(row.pk);
    const limit = options.limit ?? 200;
    const eventsAs = async (role: 'source' | 'target'): Promise<EventRow[]> =>
      this.eventRowsByPk(
        (await this.rows(
          `SELECT e.pk FROM events e WHERE e.pk IN (SELECT event_pk FROM event_actors WHERE actor_pk = $1 AND role = $2) ORDER BY e.day NULLS FIRST, e.pk LIMIT $3`,
          [pk, role, limit],
        )).map((r) => n(r.pk)),
      );
    const [names, timelineRows, quoteRows, eventsAsSource, eventsAsTarget] = await Promise.all([
      this.rows('SELECT DISTINCT name COLLATE "C" AS name FROM entities WHERE actor_pk = $1 ORDER BY 1 LIMIT 100', [pk]),
      this.rows(
        `SELECT d.id, d.day, d.title, en.n_mentions, en.data FROM entities en JOIN documents d ON d.pk = en.doc_pk
         WHERE en.actor_pk = $1 ORDER BY d.day NULLS FIRST, d.pk LIMIT $2`,
        [pk, limit],
      ),
      this.rows(
        `SELECT qt.pk, qt.data, qt.text, qt.speaker_actor_pk, d.id AS doc_id, d.published, d.title, d.text AS doc_text
         FROM quotes qt JOIN documents d ON d.pk = qt.doc_pk WHERE qt.speaker_actor_pk = $1 ORDER BY qt.day NULLS FIRST, qt.pk LIMIT $2`,
        [pk, limit],
      ),
      eventsAs('source'),
      eventsAs('target'),
    ]);
    const timeline: ActorTimelineEntry[] = timelineRows.map((r) => timelineEntry(r, r.data as Entity));
    return {
      actor: actorRow(row),
      names: names.map((r) => String(r.name)),
      timeline,
      quotes: await this.quoteRows(quoteRows),
      eventsAsSource,
      eventsAsTarget,
    };
  }

  async search(q: SearchQuery): Promise<Page<SearchHit>> {
    const tsq = tsQueryText(q.q);
    const limit = q.limit ?? 20;
    const offset = q.offset ?? 0;
    if (!tsq) return { total: 0, limit, offset, items: [] };
    const kind = q.kind ?? 'all';
    const b = new Sql();
    const query = `to_tsquery('${TS_CONFIG}', ${b.v(tsq)})`;
    const top = b.v(offset + limit);
    const parts: string[] = [];
    const counts: string[] = [];
    // Each kind's best offset + limit hits are ranked without headlines (a headline re-parses the
    // whole text); only the merged page's rows get one.
    if (kind !== 'quote') {
      parts.push(`(SELECT 'document' AS kind, d.id AS doc_id, d.id AS id, d.title, d.published, d.pk AS row_pk, ts_rank(d.tsv, ${query}) AS rank
        FROM documents d WHERE d.tsv @@ ${query} ORDER BY rank DESC, d.id COLLATE "C" LIMIT ${top})`);
      counts.push(`(SELECT count(*) FROM documents WHERE tsv @@ ${query})`);
    }
    if (kind !== 'document') {
      parts.push(`(SELECT 'quote' AS kind, d.id AS doc_id, d.id || '#' || qt.local_id AS id, d.title, d.published, qt.pk AS row_pk,
          ts_rank(qt.tsv, ${query}) AS rank
        FROM quotes qt JOIN documents d ON d.pk = qt.doc_pk WHERE qt.tsv @@ ${query}
        ORDER BY rank DESC, (d.id || '#' || qt.local_id) COLLATE "C" LIMIT ${top})`);
      counts.push(`(SELECT count(*) FROM quotes WHERE tsv @@ ${query})`);
    }
    const page = b.fork();
    const [countRow, ranked] = await Promise.all([
      this.one(`SELECT ${counts.join(' + ')} AS c`, b.params.slice(0, 1)),
      this.rows(`SELECT * FROM (${parts.join(' UNION ALL ')}) hits ORDER BY hits.rank DESC, hits.id COLLATE "C" LIMIT ${page.v(limit)} OFFSET ${page.v(offset)}`, page.params),
    ]);
    const hq = headlineQueryText(q.q) ?? tsq;
    const headlines = new Map<string, string>();
    const headline = async (k: 'document' | 'quote', table: string): Promise<void> => {
      const pks = ranked.filter((r) => r.kind === k).map((r) => n(r.row_pk));
      if (pks.length === 0) return;
      for (const r of await this.rows(
        `SELECT pk, ts_headline('${TS_CONFIG}', text, to_tsquery('${TS_CONFIG}', $1), $2) AS snip FROM ${table} WHERE pk = ANY($3::bigint[])`,
        [hq, HEADLINE_OPTIONS, pks],
      )) {
        headlines.set(`${k}:${n(r.pk)}`, String(r.snip));
      }
    };
    await Promise.all([headline('document', 'documents'), headline('quote', 'quotes')]);
    const items = ranked.map((r) => searchHit(r, headlines.get(`${String(r.kind)}:${n(r.row_pk)}`) ?? '', n(r.rank)));
    return { total: n(countRow?.c), limit, offset, items };
  }

  // ---------------------------------------------------------------- stats

  async stats(): Promise<StoreStats> {
    const r = (await this.one(
      `SELECT (SELECT count(*) FROM documents WHERE duplicate_of IS NULL) AS documents,
              (SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL) AS duplicates,
              (SELECT count(*) FROM documents WHERE duplicate_kind = 'exact') AS exact,
              (SELECT count(*) FROM documents WHERE duplicate_kind = 'near') AS near,
              (SELECT count(*) FROM events) AS events,
              (SELECT count(*) FROM quotes) AS quotes,
              (SELECT count(*) FROM actors) AS actors,
              (SELECT count(*) FROM entities) AS entities,
              (SELECT count(*) FROM mentions) AS mentions,
              (SELECT count(*) FROM timexes) AS timexes,
              (SELECT max(version) FROM schema_migrations) AS version`,
    ))!;
    return {
      documents: n(r.documents),
      duplicates: n(r.duplicates),
      exactDuplicates: n(r.exact),
      nearDuplicates: n(r.near),
      events: n(r.events),
      quotes: n(r.quotes),
      entities: n(r.actors),
      entityRecords: n(r.entities),
      mentions: n(r.mentions),
      timexes: n(r.timexes),
      schemaVersion: n(r.version),
    };
  }

  async statsDetail(options: { limit?: number } = {}): Promise<StatsDetail> {
    const limit = options.limit ?? 50;
    const [stats, byWeek, byMonth, byDyad, byRoot] = await Promise.all([
      this.stats(),
      this.aggregateEvents({}, 'week', 10000),
      this.aggregateEvents({}, 'month', 10000),
      this.aggregateEvents({}, 'dyad', limit),
      this.aggregateEvents({}, 'root', 100),
    ]);
    return { ...stats, byWeek, byMonth, byDyad, byRoot };
  }

  async optimize(): Promise<void> {
    if (this.readonly) return;
    // Only this store's tables: a bare ANALYZE would visit every table of the database.
    await this.pool.query(`ANALYZE ${TABLES.join(', ')}`);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
