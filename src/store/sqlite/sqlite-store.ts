/**
 * The embedded store: one SQLite file (better-sqlite3, WAL). Writes are batched, one transaction per
 * batch, so a crash loses at most the batch in flight and never leaves half a document. Every SQL
 * statement takes its values as bound parameters.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Document, Entity, EventRecord, Quote, Sentence, Timex } from '../../core/document.ts';
import { DatelineError } from '../../core/errors.ts';
import { dayOf, dayRange, isoWeek } from '../dates.ts';
import { actorKey } from '../keys.ts';
import {
  NEAR_DUPLICATE_THRESHOLD,
  bandBuckets,
  decodeSignature,
  encodeSignature,
  similarity as signatureSimilarity,
} from '../near-duplicates.ts';
import { ftsQuery } from '../fts-query.ts';
import { actorRef, actorRow, documentSummary, dyadBucket, eventActorRef, eventRow, keyBucket, placeBucket, quoteRow, searchHit, timelineEntry } from '../rows.ts';
import { cappedCount, escapeLike, n, opt, prefixRange, s, shiftDay, storedSentence, takeFromPage, type Row, type StreamWindow } from '../sql-helpers.ts';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.ts';
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

type Db = Database.Database;
type Params = (string | number | null | Buffer)[];

interface Clause {
  readonly sql: string;
  readonly params: Params;
}

interface ActorFilter {
  readonly drive: Clause;
  readonly probe: Clause;
  readonly size: Clause;
}

const STREAM_PAGE = 1000;
/** Event counts stop here (`totalCapped`): an exact count of 500,000 matches costs far more than the page. */
const DEFAULT_COUNT_LIMIT = 1_000;
/** Actor sets are sized up to here when choosing a plan; beyond it they are simply "large". */
const ACTOR_SIZE_CAP = 200_000;

export async function openSqliteStore(path: string, options: OpenStoreOptions = {}): Promise<Store> {
  return new SqliteStore(path, options);
}

class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly db: Db;
  private readonly stmts = new Map<string, Database.Statement>();
  /** The longest event date range (days) written in the current batch. */
  private batchSpan = 0;

  constructor(path: string, options: OpenStoreOptions) {
    if (options.readonly && path !== ':memory:' && !existsSync(path)) {
      throw new DatelineError('E_STORE', `no store at ${path}`);
    }
    try {
      this.db = new Database(path, options.readonly ? { readonly: true, fileMustExist: true } : {});
    } catch (e) {
      throw new DatelineError('E_STORE', `cannot open store ${path}: ${(e as Error).message}`);
    }
    this.db.pragma('busy_timeout = 10000');
    if (!options.readonly) {
      this.db.pragma('journal_mode = WAL');
      // With WAL, NORMAL survives a killed process (only a power cut can lose the last commits).
      this.db.pragma('synchronous = NORMAL');
    }
    this.db.pragma('cache_size = -65536');
    this.db.pragma('temp_store = MEMORY');
    this.db.pragma('mmap_size = 268435456');
    if (options.readonly) this.checkVersion();
    else this.migrate();
  }

  private stmt(sql: string): Database.Statement {
    let st = this.stmts.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.stmts.set(sql, st);
    }
    return st;
  }

  private all(sql: string, params: Params = []): Row[] {
    return this.stmt(sql).all(...params) as Row[];
  }
  private get(sql: string, params: Params = []): Row | undefined {
    return this.stmt(sql).get(...params) as Row | undefined;
  }
  private run(sql: string, params: Params = []): Database.RunResult {
    return this.stmt(sql).run(...params);
  }

  private appliedVersion(): number {
    const has = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
    if (!has) return 0;
    const row = this.db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as Row | undefined;
    return n(row?.v);
  }

  private checkVersion(): void {
    const v = this.appliedVersion();
    if (v !== SCHEMA_VERSION) {
      throw new DatelineError('E_STORE', `store schema version ${v}, this dateline needs ${SCHEMA_VERSION}: open it once for writing to migrate`);
    }
  }

  private migrate(): void {
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const current = this.appliedVersion();
    if (current > SCHEMA_VERSION) {
      throw new DatelineError('E_STORE', `store schema version ${current} is newer than this dateline (${SCHEMA_VERSION})`);
    }
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db
          .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
          .run(m.version, m.name, new Date().toISOString());
      })();
    }
  }

  // ---------------------------------------------------------------- writing

  async known(id: string, hash: string): Promise<KnownStatus> {
    return this.knownSync(id, hash);
  }

  private knownSync(id: string, hash: string): KnownStatus {
    const own = this.get('SELECT pk, id, hash, pipeline, duplicate_of FROM documents WHERE id = ?', [id]);
    if (own && own.hash === hash) return this.storedStatus(own);
    const alt = own ? this.get('SELECT pk, id, hash, pipeline, duplicate_of FROM documents WHERE id = ?', [`${id}@${hash.slice(0, 8)}`]) : undefined;
    if (alt) return this.storedStatus(alt);
    const first = this.get('SELECT id FROM documents WHERE hash = ? AND duplicate_of IS NULL ORDER BY pk LIMIT 1', [hash]);
    if (first) return { status: 'duplicate-of', id: String(first.id) };
    return { status: 'new' };
  }

  private storedStatus(row: Row): KnownStatus {
    if (row.duplicate_of !== null) {
      const first = this.get('SELECT id FROM documents WHERE pk = ?', [n(row.duplicate_of)]);
      return { status: 'stored', id: String(row.id), duplicateOf: String(first?.id) };
    }
    const pipeline = s(row.pipeline);
    return { status: 'stored', id: String(row.id), ...(pipeline !== undefined ? { pipeline } : {}) };
  }

  async putBatch(items: readonly StoreInput[]): Promise<readonly PutResult[]> {
    try {
      return this.db.transaction(() => {
        this.batchSpan = 0;
        const results = items.map((item) => this.putOne(item));
        if (this.batchSpan > 0) {
          this.run("UPDATE store_meta SET value = ? WHERE key = 'max_date_span' AND value < ?", [this.batchSpan, this.batchSpan]);
        }
        return results;
      })();
    } catch (e) {
      if (e instanceof DatelineError) throw e;
      throw new DatelineError('E_STORE', `writing a batch of ${items.length} failed: ${(e as Error).message}`);
    }
  }

  private putOne(item: StoreInput): PutResult {
    const { doc, hash } = item;
    const known = this.knownSync(doc.id, hash);
    if (known.status === 'stored') {
      if (!item.reanalyze || known.duplicateOf !== undefined) return { id: known.id, status: 'skipped' };
      this.replaceLayers(known.id, item);
      return { id: known.id, status: 'reanalyzed' };
    }
    const taken = this.get('SELECT 1 FROM documents WHERE id = ?', [doc.id]);
    const id = taken ? `${doc.id}@${hash.slice(0, 8)}` : doc.id;

    if (known.status === 'duplicate-of') {
      const first = this.get('SELECT pk FROM documents WHERE id = ?', [known.id])!;
      this.insertDocument(doc, id, hash, { pk: n(first.pk), kind: 'exact', similarity: 1 }, undefined);
      return { id, status: 'duplicate', duplicateOf: known.id, similarity: 1 };
    }
    if (item.signature && item.signature.length > 0) {
      const near = this.findNear(item.signature);
      if (near) {
        this.insertDocument(doc, id, hash, { pk: near.pk, kind: 'near', similarity: near.similarity }, undefined);
        return { id, status: 'near-duplicate', duplicateOf: near.id, similarity: near.similarity };
      }
    }
    const pk = this.insertDocument(doc, id, hash, undefined, item.signature, item.pipeline);
    this.insertLayers(doc, pk);
    return { id, status: 'stored' };
  }

  private findNear(sig: readonly number[]): { pk: number; id: string; similarity: number } | undefined {
    const buckets = bandBuckets(sig);
    const candidates = new Set<number>();
    buckets.forEach((bucket, band) => {
      for (const r of this.all('SELECT doc_pk FROM document_bands WHERE band = ? AND bucket = ?', [band, bucket])) {
        candidates.add(n(r.doc_pk));
      }
    });
    let best: { pk: number; id: string; similarity: number } | undefined;
    for (const pk of [...candidates].sort((a, b) => a - b)) {
      const row = this.get('SELECT id, signature FROM documents WHERE pk = ?', [pk]);
      if (!row || !(row.signature instanceof Uint8Array)) continue;
      const sim = signatureSimilarity(sig, decodeSignature(row.signature));
      if (sim >= NEAR_DUPLICATE_THRESHOLD && (!best || sim > best.similarity)) best = { pk, id: String(row.id), similarity: sim };
    }
    return best;
  }

  private insertDocument(
    doc: Document,
    id: string,
    hash: string,
    dup: { pk: number; kind: 'exact' | 'near'; similarity: number } | undefined,
    signature: readonly number[] | undefined,
    pipeline?: string,
  ): number {
    const meta = doc.meta;
    const day = dayOf(meta.published) ?? dayOf(meta.referenceDate) ?? null;
    const canonical = dup === undefined;
    const res = this.run(
      `INSERT INTO documents (id, hash, duplicate_of, duplicate_kind, similarity, title, url, file, line, published,
         reference_date, day, place, country, text, meta, sentences, errors, signature, n_entities, n_quotes, n_events, pipeline)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id, hash, dup?.pk ?? null, dup?.kind ?? null, dup?.similarity ?? null,
        meta.title ?? null, meta.url ?? null, meta.file ?? null, meta.line ?? null, meta.published ?? null,
        meta.referenceDate ?? null, day, meta.dateline?.place ?? null, meta.dateline?.country ?? null,
        doc.text, JSON.stringify(meta), JSON.stringify(canonical ? doc.sentences.map(storedSentence) : []),
        doc.errors && doc.errors.length > 0 ? JSON.stringify(doc.errors) : null,
        canonical && signature ? encodeSignature(signature) : null,
        canonical ? doc.entities.length : 0, canonical ? doc.quotes.length : 0, canonical ? doc.events.length : 0,
        canonical ? pipeline ?? null : null,
      ],
    );
    const pk = n(res.lastInsertRowid);
    if (canonical) {
      this.run('INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)', [pk, meta.title ?? '', doc.text]);
      if (signature) {
        bandBuckets(signature).forEach((bucket, band) => {
          this.run('INSERT OR IGNORE INTO document_bands (band, bucket, doc_pk) VALUES (?, ?, ?)', [band, bucket, pk]);
        });
      }
    }
    return pk;
  }

  /**
   * Re-analysis of a stored document (same id and text): its layers are deleted and the new ones
   * written, inside the caller's transaction. The counters of every actor it touched before or
   * touches now are recomputed from the records (so they equal what a fresh load would give), and
   * actors no record refers to any more are removed.
   */
  private replaceLayers(id: string, item: StoreInput): void {
    const { doc } = item;
    const row = this.get('SELECT pk FROM documents WHERE id = ?', [id])!;
    const pk = n(row.pk);
    const touched = new Set<number>();
    for (const r of this.all('SELECT DISTINCT actor_pk FROM entities WHERE doc_pk = ?', [pk])) touched.add(n(r.actor_pk));
    for (const r of this.all('SELECT pk, text FROM quotes WHERE doc_pk = ?', [pk])) {
      this.run("INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', ?, ?)", [n(r.pk), String(r.text)]);
    }
    this.run('DELETE FROM event_actors WHERE event_pk IN (SELECT pk FROM events WHERE doc_pk = ?)', [pk]);
    this.run('DELETE FROM event_texts WHERE event_pk IN (SELECT pk FROM events WHERE doc_pk = ?)', [pk]);
    this.run('DELETE FROM events WHERE doc_pk = ?', [pk]);
    this.run('DELETE FROM quotes WHERE doc_pk = ?', [pk]);
    this.run('DELETE FROM timexes WHERE doc_pk = ?', [pk]);
    this.run('DELETE FROM mentions WHERE doc_pk = ?', [pk]);
    this.run('DELETE FROM entities WHERE doc_pk = ?', [pk]);
    const meta = doc.meta;
    this.run(
      `UPDATE documents SET reference_date = ?, day = ?, meta = ?, sentences = ?, errors = ?, n_entities = ?, n_quotes = ?,
         n_events = ?, pipeline = ? WHERE pk = ?`,
      [
        meta.referenceDate ?? null, dayOf(meta.published) ?? dayOf(meta.referenceDate) ?? null, JSON.stringify(meta),
        JSON.stringify(doc.sentences.map(storedSentence)), doc.errors && doc.errors.length > 0 ? JSON.stringify(doc.errors) : null,
        doc.entities.length, doc.quotes.length, doc.events.length, item.pipeline ?? null, pk,
      ],
    );
    this.insertLayers(doc, pk);
    for (const r of this.all('SELECT DISTINCT actor_pk FROM entities WHERE doc_pk = ?', [pk])) touched.add(n(r.actor_pk));
    for (const apk of touched) this.recountActor(apk);
  }

  /** Recompute an actor's counters from its records (the same values the incremental path keeps); drop it when unused. */
  private recountActor(apk: number): void {
    const used = this.get(
      `SELECT (SELECT count(*) FROM entities WHERE actor_pk = ?) + (SELECT count(*) FROM quotes WHERE speaker_actor_pk = ?)
         + (SELECT count(*) FROM event_actors WHERE actor_pk = ?) + (SELECT count(*) FROM events WHERE location_actor_pk = ?) AS n`,
      [apk, apk, apk, apk],
    );
    if (n(used?.n) === 0) {
      this.run('DELETE FROM actors WHERE pk = ?', [apk]);
      return;
    }
    this.stmt(
      `UPDATE actors SET
         n_documents = (SELECT count(DISTINCT doc_pk) FROM entities WHERE actor_pk = @apk),
         n_mentions = (SELECT coalesce(sum(n_mentions), 0) FROM entities WHERE actor_pk = @apk),
         first_seen = (SELECT min(d.day) FROM entities e JOIN documents d ON d.pk = e.doc_pk WHERE e.actor_pk = @apk),
         last_seen = (SELECT max(d.day) FROM entities e JOIN documents d ON d.pk = e.doc_pk WHERE e.actor_pk = @apk),
         n_quotes = (SELECT count(*) FROM quotes WHERE speaker_actor_pk = @apk),
         n_source = (SELECT count(DISTINCT event_pk) FROM event_actors WHERE actor_pk = @apk AND role = 'source'),
         n_target = (SELECT count(DISTINCT event_pk) FROM event_actors WHERE actor_pk = @apk AND role = 'target')
       WHERE pk = @apk`,
    ).run({ apk });
  }

  private upsertActor(e: Entity): number {
    const row = this.get(
      `INSERT INTO actors (key, name, type, code, country, role) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET code = coalesce(actors.code, excluded.code),
         country = coalesce(actors.country, excluded.country), role = coalesce(actors.role, excluded.role)
       RETURNING pk`,
      [actorKey(e), e.name, e.type, e.code ?? null, e.country ?? null, e.role ?? null],
    );
    return n(row!.pk);
  }

  private insertLayers(doc: Document, docPk: number): void {
    const day = dayOf(doc.meta.published) ?? dayOf(doc.meta.referenceDate) ?? null;
    const entityPk = new Map<string, number>();
    const actorPk = new Map<string, number>();
    const entityById = new Map<string, Entity>();
    const actorDocs = new Map<number, number>();
    doc.entities.forEach((e, ord) => {
      const apk = this.upsertActor(e);
      const res = this.run(
        `INSERT INTO entities (doc_pk, ord, local_id, actor_pk, name, type, code, country, role, lat, lon, n_mentions, data)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [docPk, ord, e.id, apk, e.name, e.type, e.code ?? null, e.country ?? null, e.role ?? null,
          e.geo?.lat ?? null, e.geo?.lon ?? null, e.mentions.length, JSON.stringify(e)],
      );
      const epk = n(res.lastInsertRowid);
      entityPk.set(e.id, epk);
      actorPk.set(e.id, apk);
      entityById.set(e.id, e);
      for (const m of e.mentions) {
        this.run('INSERT INTO mentions (entity_pk, doc_pk, start, "end", kind, code) VALUES (?, ?, ?, ?, ?, ?)', [
          epk, docPk, m.start, m.end, m.kind, m.code ?? null,
        ]);
      }
      actorDocs.set(apk, (actorDocs.get(apk) ?? 0) + e.mentions.length);
    });
    for (const [apk, mentions] of actorDocs) {
      this.run(
        `UPDATE actors SET n_documents = n_documents + 1, n_mentions = n_mentions + ?,
           first_seen = CASE WHEN ? IS NULL THEN first_seen WHEN first_seen IS NULL OR ? < first_seen THEN ? ELSE first_seen END,
           last_seen = CASE WHEN ? IS NULL THEN last_seen WHEN last_seen IS NULL OR ? > last_seen THEN ? ELSE last_seen END
         WHERE pk = ?`,
        [mentions, day, day, day, day, day, day, apk],
      );
    }

    doc.timexes.forEach((t: Timex, ord) => {
      const r = dayRange(t.type === 'DATE' || t.type === 'TIME' ? t.value : undefined);
      this.run(
        'INSERT INTO timexes (doc_pk, ord, local_id, start, "end", type, value, day_start, day_end, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [docPk, ord, t.id, t.start, t.end, t.type, t.value, r?.start ?? null, r?.end ?? null, JSON.stringify(t)],
      );
    });

    doc.quotes.forEach((q: Quote, ord) => {
      const speakerActor = q.speaker ? actorPk.get(q.speaker) : undefined;
      const text = doc.text.slice(q.start, q.end);
      const res = this.run(
        `INSERT INTO quotes (doc_pk, ord, local_id, kind, start, "end", speaker_entity_pk, speaker_actor_pk, date, day, text, data)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [docPk, ord, q.id, q.kind, q.start, q.end, q.speaker ? entityPk.get(q.speaker) ?? null : null, speakerActor ?? null,
          q.date ?? null, dayOf(q.date) ?? day, text, JSON.stringify(q)],
      );
      this.run('INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)', [n(res.lastInsertRowid), text]);
      if (speakerActor !== undefined) this.run('UPDATE actors SET n_quotes = n_quotes + 1 WHERE pk = ?', [speakerActor]);
    });

    doc.events.forEach((ev: EventRecord, ord) => {
      const range = dayRange(ev.date);
      if (range) {
        const span = (Date.parse(`${range.end}T00:00:00Z`) - Date.parse(`${range.start}T00:00:00Z`)) / 86400000;
        if (span > this.batchSpan) this.batchSpan = span;
      }
      const eventDay = range?.start ?? day;
      // An event is located only where the text places it, never at the dateline city by default.
      const loc = ev.location ? entityById.get(ev.location) : undefined;
      const place = loc?.name ?? null;
      const country = loc?.country ?? null;
      const src = ev.source.map((x) => actorPk.get(x));
      const tgt = ev.target.map((x) => actorPk.get(x));
      const res = this.run(
        `INSERT INTO events (doc_pk, ord, local_id, cameo, root, plover, plover_mode, quad_class, goldstein, date, date_basis,
           date_start, date_end, day, week, month, published, source_actor_pk, target_actor_pk, location_actor_pk, place, country,
           negated, future, conditional, hypothetical, quote_local, sentence, confidence)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          docPk, ord, ev.id, ev.cameo, ev.root, ev.plover ?? null, ev.ploverMode ?? null, ev.quadClass, ev.goldstein,
          ev.date ?? null, ev.dateBasis, range?.start ?? null, range?.end ?? null, eventDay,
          eventDay ? isoWeek(eventDay) : null, eventDay ? eventDay.slice(0, 7) : null, day,
          src[0] ?? null, tgt[0] ?? null, ev.location ? actorPk.get(ev.location) ?? null : null, place, country,
          ev.modality.negated ? 1 : 0, ev.modality.future ? 1 : 0, ev.modality.conditional ? 1 : 0,
          ev.modality.hypothetical ? 1 : 0, ev.quote ?? null, ev.sentence, ev.confidence ?? null,
        ],
      );
      const epk = n(res.lastInsertRowid);
      this.run('INSERT INTO event_texts (event_pk, trigger_text, data) VALUES (?, ?, ?)', [
        epk, doc.text.slice(ev.trigger.start, ev.trigger.end), JSON.stringify(ev),
      ]);
      const sides: ['source' | 'target', (number | undefined)[], readonly string[] | undefined, readonly string[]][] = [
        ['source', src, ev.sourceCodes, ev.source],
        ['target', tgt, ev.targetCodes, ev.target],
      ];
      for (const [role, pks, codes, ids] of sides) {
        const count = Math.max(pks.length, codes?.length ?? 0);
        const seen = new Set<number>();
        for (let i = 0; i < count; i++) {
          const apk = pks[i];
          const entity = ids[i] ? entityById.get(ids[i]!) : undefined;
          const code = codes?.[i] ?? entity?.code ?? null;
          this.run('INSERT OR IGNORE INTO event_actors (event_pk, role, position, actor_pk, code) VALUES (?, ?, ?, ?, ?)', [
            epk, role, i, apk ?? null, code,
          ]);
          if (apk !== undefined && !seen.has(apk)) {
            seen.add(apk);
            this.run(`UPDATE actors SET ${role === 'source' ? 'n_source = n_source + 1' : 'n_target = n_target + 1'} WHERE pk = ?`, [apk]);
          }
        }
      }
    });
  }

  // ---------------------------------------------------------------- reading documents

  async getDocument(id: string): Promise<StoredDocument | null> {
    const row = this.get('SELECT * FROM documents WHERE id = ?', [id]);
    if (!row) return null;
    const pk = n(row.pk);
    const canonicalPk = row.duplicate_of === null ? pk : n(row.duplicate_of);
    const layerRows = (table: string): unknown[] =>
      this.all(`SELECT data FROM ${table} WHERE doc_pk = ? ORDER BY ord`, [pk]).map((r) => JSON.parse(String(r.data)));
    const entities = layerRows('entities') as Entity[];
    const actorRows = this.all(
      'SELECT e.local_id, a.key FROM entities e JOIN actors a ON a.pk = e.actor_pk WHERE e.doc_pk = ?',
      [pk],
    );
    const actors: Record<string, string> = {};
    for (const r of actorRows) actors[String(r.local_id)] = String(r.key);
    const errors = s(row.errors) ? (JSON.parse(String(row.errors)) as Document['errors']) : undefined;
    const document: Document = {
      schema: 'dateline.document/1',
      id: String(row.id),
      text: String(row.text),
      meta: JSON.parse(String(row.meta)) as Document['meta'],
      sentences: JSON.parse(String(row.sentences)) as Sentence[],
      tokens: [],
      entities,
      timexes: layerRows('timexes') as Timex[],
      quotes: layerRows('quotes') as Quote[],
      events: this.all('SELECT x.data FROM events e JOIN event_texts x ON x.event_pk = e.pk WHERE e.doc_pk = ? ORDER BY e.ord', [pk]).map(
        (r) => JSON.parse(String(r.data)) as EventRecord,
      ),
      ...(errors ? { errors } : {}),
    };
    const dups = this.all('SELECT id FROM documents WHERE duplicate_of = ? ORDER BY pk', [canonicalPk]).map((r) => String(r.id));
    const first = row.duplicate_of === null ? undefined : this.get('SELECT id FROM documents WHERE pk = ?', [canonicalPk]);
    return opt({
      document,
      hash: String(row.hash),
      duplicateOf: first ? String(first.id) : undefined,
      duplicateKind: s(row.duplicate_kind) as 'exact' | 'near' | undefined,
      similarity: typeof row.similarity === 'number' ? row.similarity : undefined,
      duplicates: row.duplicate_of === null ? dups : [],
      actors,
      pipeline: s(row.pipeline),
    });
  }

  async listDocuments(q: DocumentQuery): Promise<Page<DocumentSummary>> {
    const where: string[] = [];
    const params: Params = [];
    let from = 'documents d';
    if (q.q) {
      const fts = ftsQuery(q.q);
      if (!fts) return { total: 0, limit: q.limit ?? 0, offset: q.offset ?? 0, items: [] };
      from = 'documents_fts JOIN documents d ON d.pk = documents_fts.rowid';
      where.push('documents_fts MATCH ?');
      params.push(fts);
    }
    if (!q.includeDuplicates) where.push('d.duplicate_of IS NULL');
    if (q.publishedFrom) {
      where.push('d.day >= ?');
      params.push(q.publishedFrom);
    }
    if (q.publishedTo) {
      where.push('d.day <= ?');
      params.push(q.publishedTo);
    }
    if (q.actor) {
      const pks = this.resolveActors(q.actor);
      where.push(`d.pk IN (SELECT doc_pk FROM entities WHERE actor_pk IN (${pks.map(() => '?').join(',') || 'NULL'}))`);
      params.push(...pks);
    }
    if (q.agency) {
      where.push(`EXISTS (SELECT 1 FROM json_each(d.meta, '$.dateline.agencies') WHERE lower(value) = lower(?))`);
      params.push(q.agency);
    }
    if (q.country) {
      where.push('d.country = ?');
      params.push(q.country.toUpperCase());
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = n(this.get(`SELECT count(*) AS c FROM ${from} ${w}`, params)?.c);
    const limit = q.limit ?? -1;
    const offset = q.offset ?? 0;
    const rows = this.all(
      `SELECT d.pk, d.id, d.title, d.url, d.published, d.reference_date, d.place, d.country, d.hash, d.duplicate_of,
         d.duplicate_kind, d.similarity, d.n_events, d.n_quotes, d.n_entities, substr(d.text, 1, 240) AS snippet,
         (SELECT id FROM documents f WHERE f.pk = d.duplicate_of) AS first_id
       FROM ${from} ${w} ORDER BY d.pk LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    const items = rows.map((r) => documentSummary(r, typeof r.similarity === 'number' ? r.similarity : undefined));
    return { total, limit: q.limit ?? total, offset, items };
  }

  // ---------------------------------------------------------------- events

  /**
   * Actor pks matching an id (key), a code (or code prefix), a name, or a whole word of a name
   * ("Trump" finds "Donald Trump", "Iran" not "Iranian"); a value matching none of these matches
   * names as a substring.
   */
  private resolveActors(value: string): number[] {
    const w = escapeLike(value);
    const found = this.all(
      `SELECT pk FROM actors WHERE key = ? OR code = ? OR name = ? COLLATE NOCASE
         OR name LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' LIMIT 1000`,
      [value, value, value, `${w} %`, `% ${w}`, `% ${w} %`],
    ).map((r) => n(r.pk));
    if (/^[A-Z0-9]{3,}$/.test(value)) {
      const [lo, hi] = prefixRange(value);
      for (const r of this.all('SELECT pk FROM actors WHERE code >= ? AND code < ?', [lo, hi])) found.push(n(r.pk));
    }
    if (found.length > 0) return [...new Set(found)];
    return this.all("SELECT pk FROM actors WHERE name LIKE ? ESCAPE '\\' LIMIT 500", [`%${w}%`]).map((r) => n(r.pk));
  }

  /**
   * One actor filter in two shapes: `drive` lists its events (a UNION ALL of covering-index ranges,
   * materialised once by `e.pk IN (...)`), `probe` tests one event (a seek on event_actors' primary
   * key). The query plan drives from the smallest set and probes the others; `size` counts the
   * drive set's index entries (an estimate: an event can appear under two positions).
   */
  private actorFilter(value: string, role?: 'source' | 'target'): ActorFilter {
    const codeLike = /^[A-Z0-9]{3,}$/.test(value);
    // A code-like value is matched on the codes stored per event position (which include the
    // entities' codes), so only actors named or keyed by it need their ids added.
    const pks = codeLike
      ? this.all('SELECT pk FROM actors WHERE key = ? UNION SELECT pk FROM actors WHERE name = ? COLLATE NOCASE', [value, value]).map((r) => n(r.pk))
      : this.resolveActors(value);
    const roles = role ? [role] : ['source', 'target'];
    const roleIn = `role IN (${roles.map(() => '?').join(',')})`;
    const parts: string[] = [];
    const params: Params = [];
    const tests: string[] = [];
    const testParams: Params = [];
    if (pks.length > 0) {
      const list = pks.map(() => '?').join(',');
      parts.push(`SELECT event_pk FROM event_actors WHERE actor_pk IN (${list})${role ? ' AND role = ?' : ''}`);
      params.push(...pks, ...(role ? [role] : []));
      tests.push(`ea.actor_pk IN (${list})`);
      testParams.push(...pks);
    }
    if (codeLike) {
      const [lo, hi] = prefixRange(value);
      parts.push(`SELECT event_pk FROM event_actors WHERE ${roleIn} AND code >= ? AND code < ?`);
      params.push(...roles, lo, hi);
      tests.push('(ea.code >= ? AND ea.code < ?)');
      testParams.push(lo, hi);
    }
    if (parts.length === 0) {
      const none = { sql: '0', params: [] };
      return { drive: none, probe: none, size: { sql: 'SELECT 0 AS c', params: [] } };
    }
    const union = parts.join(' UNION ALL ');
    return {
      // UNION ALL: the IN list removes repeats itself; a UNION would sort each side first.
      drive: { sql: `e.pk IN (${union})`, params },
      probe: {
        sql: `EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_pk = e.pk${role ? ' AND ea.role = ?' : ''} AND (${tests.join(' OR ')}))`,
        params: [...(role ? [role] : []), ...testParams],
      },
      size: { sql: `SELECT count(*) AS c FROM (${union} LIMIT ?)`, params: [...params, ACTOR_SIZE_CAP] },
    };
  }

  /** The largest date_end − date_start of any stored event, in days (bounds date-overlap scans). */
  private maxDateSpan(): number {
    const v = this.get("SELECT value FROM store_meta WHERE key = 'max_date_span'")?.value;
    return Math.ceil(typeof v === 'number' ? v : 0);
  }

  /**
   * The WHERE clause for an event query, with its plan chosen by cheap counts: filters on event
   * columns are served by the facet indexes and actor filters by event_actors; whichever side
   * yields fewer candidates drives, the rest is tested per candidate.
   */
  private eventWhere(q: EventQuery): Clause {
    const actors: ActorFilter[] = [];
    if (q.actor) actors.push(this.actorFilter(q.actor));
    if (q.source) actors.push(this.actorFilter(q.source, 'source'));
    if (q.target) actors.push(this.actorFilter(q.target, 'target'));
    if (actors.length === 0) return this.facetWhere(q, [], true);
    const sized = actors.map((a) => ({ a, size: n(this.get(a.size.sql, a.size.params)?.c) })).sort((x, y) => x.size - y.size);
    const smallest = sized[0]!;
    const probes = sized.slice(1).map((x) => x.a.probe);
    if (this.hasIndexedFacet(q) && smallest.size > 0) {
      // Count the facet candidates only up to the actor set's size: past it, the actor set drives.
      const facets = this.facetWhere(q, [], true);
      const facetSize = n(this.get(`SELECT count(*) AS c FROM (SELECT 1 FROM events e ${facets.sql} LIMIT ?)`, [...facets.params, smallest.size + 1])?.c);
      if (facetSize <= smallest.size) return this.facetWhere(q, [smallest.a.probe, ...probes], true);
    }
    // The actor set drives; the facet columns are only checked on its rows (no index).
    return this.facetWhere(q, [smallest.a.drive, ...probes], false);
  }

  private hasIndexedFacet(q: EventQuery): boolean {
    return Boolean(q.cameo || q.root || q.plover || q.quadClass !== undefined || q.from || q.to || q.publishedFrom || q.publishedTo || q.country || q.documentId);
  }

  private facetWhere(q: EventQuery, first: readonly Clause[], useIndexes: boolean): Clause {
    const where: string[] = [];
    const params: Params = [];
    const add = (c: Clause): void => {
      where.push(c.sql);
      params.push(...c.params);
    };
    for (const c of first) add(c);
    // The unary + keeps SQLite from using a column's index when the rows come from elsewhere.
    const noIndex = useIndexes ? '' : '+';
    if (q.cameo) {
      const [lo, hi] = prefixRange(q.cameo);
      // The root is the code's first two digits; stating it lets the root-led index serve the range.
      if (q.cameo.length >= 2) add({ sql: `${noIndex}e.root = ?`, params: [q.cameo.slice(0, 2)] });
      add({ sql: `${noIndex}e.cameo >= ? AND ${noIndex}e.cameo < ?`, params: [lo, hi] });
    }
    if (q.root) add({ sql: `${noIndex}e.root = ?`, params: [q.root.padStart(2, '0')] });
    // With a date range, the few-valued columns are checked inside the date-led index (the unary +
    // keeps SQLite from choosing their own index and scanning a fifth of the table).
    const ranged = !useIndexes || q.from || q.to || q.publishedFrom || q.publishedTo ? '+' : '';
    if (q.plover) add({ sql: `${ranged}e.plover = ?`, params: [q.plover.toUpperCase()] });
    if (q.quadClass !== undefined) add({ sql: `${ranged}e.quad_class = ?`, params: [q.quadClass] });
    // Overlap of the event's day range with [from, to]; the lower bound on date_start (no stored
    // range spans more than max_date_span days) lets the index bound the scan.
    if (q.from) {
      add({ sql: `${noIndex}e.date_end >= ? AND ${noIndex}e.date_start >= ?`, params: [q.from, shiftDay(q.from, -this.maxDateSpan())] });
    }
    if (q.to) add({ sql: `${noIndex}e.date_start <= ?`, params: [q.to] });
    if (q.publishedFrom) add({ sql: `${noIndex}e.published >= ?`, params: [q.publishedFrom] });
    if (q.publishedTo) add({ sql: `${noIndex}e.published <= ?`, params: [q.publishedTo] });
    switch (q.modality) {
      case undefined:
        break;
      case 'asserted':
        add({ sql: 'e.negated = 0 AND e.future = 0 AND e.conditional = 0 AND e.hypothetical = 0', params: [] });
        break;
      case 'negated':
      case 'future':
      case 'conditional':
      case 'hypothetical':
        add({ sql: `e.${q.modality} = 1`, params: [] });
        break;
    }
    if (q.place) {
      // The actor is resolved first: an OR with a subquery would make SQLite scan the table.
      const located = this.all('SELECT pk FROM actors WHERE key = ?', [q.place]).map((r) => n(r.pk));
      add(
        located.length > 0
          ? { sql: `(${noIndex}e.place = ? COLLATE NOCASE OR ${noIndex}e.location_actor_pk = ?)`, params: [q.place, located[0]!] }
          : { sql: `${noIndex}e.place = ? COLLATE NOCASE`, params: [q.place] },
      );
    }
    if (q.country) add({ sql: `${ranged}e.country = ?`, params: [q.country.toUpperCase()] });
    if (q.documentId) add({ sql: `${noIndex}e.doc_pk IN (SELECT pk FROM documents WHERE id = ?)`, params: [q.documentId] });
    return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
  }

  private eventRows(rows: Row[], textCache: Map<number, { text: string; sentences: Sentence[] }>): EventRow[] {
    if (rows.length === 0) return [];
    const pks = rows.map((r) => n(r.pk));
    const actorsByEvent = new Map<number, { source: ActorRef[]; target: ActorRef[] }>();
    for (let i = 0; i < pks.length; i += 500) {
      const chunk = pks.slice(i, i + 500);
      const ar = this.all(
        `SELECT ea.event_pk, ea.role, ea.position, ea.code AS ea_code, a.key, a.name, a.type, a.code
         FROM event_actors ea LEFT JOIN actors a ON a.pk = ea.actor_pk
         WHERE ea.event_pk IN (${chunk.map(() => '?').join(',')}) ORDER BY ea.event_pk, ea.role, ea.position`,
        chunk,
      );
      for (const r of ar) {
        const epk = n(r.event_pk);
        let slot = actorsByEvent.get(epk);
        if (!slot) {
          slot = { source: [], target: [] };
          actorsByEvent.set(epk, slot);
        }
        const ref = eventActorRef(r.key ? String(r.key) : undefined, r.name, r.type, s(r.ea_code), s(r.code));
        (r.role === 'source' ? slot.source : slot.target).push(ref);
      }
    }
    const docPks = [...new Set(rows.map((r) => n(r.doc_pk)))];
    const missing = docPks.filter((p) => !textCache.has(p));
    for (let i = 0; i < missing.length; i += 500) {
      const chunk = missing.slice(i, i + 500);
      for (const r of this.all(`SELECT pk, text, sentences FROM documents WHERE pk IN (${chunk.map(() => '?').join(',')})`, chunk)) {
        textCache.set(n(r.pk), { text: String(r.text), sentences: JSON.parse(String(r.sentences)) as Sentence[] });
      }
    }
    const geo = new Map<string, { lat: number; lon: number }>();
    const locKeys = rows.filter((r) => r.location_actor_pk !== null);
    if (locKeys.length > 0) {
      const dp = [...new Set(locKeys.map((r) => n(r.doc_pk)))];
      for (const r of this.all(
        `SELECT doc_pk, local_id, lat, lon FROM entities WHERE lat IS NOT NULL AND doc_pk IN (${dp.map(() => '?').join(',')})`,
        dp,
      )) {
        geo.set(`${n(r.doc_pk)}#${String(r.local_id)}`, { lat: n(r.lat), lon: n(r.lon) });
      }
    }
    return rows.map((r) => {
      const event = JSON.parse(String(r.data)) as EventRecord;
      const docPk = n(r.doc_pk);
      const cached = textCache.get(docPk);
      const sentence = cached?.sentences[event.sentence];
      const acts = actorsByEvent.get(n(r.pk)) ?? { source: [], target: [] };
      const g = event.location ? geo.get(`${docPk}#${event.location}`) : undefined;
      return eventRow(r, event, {
        sentenceText: sentence && cached ? cached.text.slice(sentence.start, sentence.end) : undefined,
        sourceActors: acts.source,
        targetActors: acts.target,
        lat: g?.lat,
        lon: g?.lon,
      });
    });
  }

  private static readonly EVENT_COLUMNS = `e.pk, e.doc_pk, x.data, x.trigger_text, e.place, e.country, e.date_start, e.date_end,
    e.location_actor_pk, d.id AS doc_id, d.published AS doc_published, d.title, d.url`;

  async events(q: EventQuery): Promise<Page<EventRow>> {
    const w = this.eventWhere(q);
    const cap = q.countLimit ?? DEFAULT_COUNT_LIMIT;
    const offset = q.offset ?? 0;
    // A date range is served by the date index in date order; anything else comes in ingest order.
    const order = q.from || q.to ? 'e.date_start, e.pk' : 'e.pk';
    let counted: number;
    let pks: number[];
    if (cap > 0 && q.limit !== undefined && offset + q.limit <= cap + 1) {
      // One pass gives both the capped count and the page: the first cap + 1 keys in page order
      // (the page query has to find and order them anyway; a separate count would scan again).
      const keys = this.all(`SELECT e.pk FROM events e ${w.sql} ORDER BY ${order} LIMIT ?`, [...w.params, cap + 1]).map((r) => n(r.pk));
      counted = keys.length;
      pks = keys.slice(offset, offset + q.limit);
    } else {
      counted = n(
        this.get(`SELECT count(*) AS c FROM (SELECT 1 FROM events e ${w.sql}${cap > 0 ? ' LIMIT ?' : ''})`, cap > 0 ? [...w.params, cap + 1] : w.params)?.c,
      );
      // Pick the page's keys from the indexes alone, then read only those rows.
      pks = this.all(`SELECT e.pk FROM events e ${w.sql} ORDER BY ${order} LIMIT ? OFFSET ?`, [...w.params, q.limit ?? -1, offset]).map((r) => n(r.pk));
    }
    const { total, capped } = cappedCount(counted, cap);
    const rows = this.eventRowsByPk(pks);
    return { total, ...(capped ? { totalCapped: true } : {}), limit: q.limit ?? total, offset, items: this.eventRows(rows, new Map()) };
  }

  private eventRowsByPk(pks: readonly number[]): Row[] {
    const byPk = new Map<number, Row>();
    for (let i = 0; i < pks.length; i += 500) {
      const chunk = pks.slice(i, i + 500);
      for (const r of this.all(
        `SELECT ${SqliteStore.EVENT_COLUMNS} FROM events e JOIN event_texts x ON x.event_pk = e.pk JOIN documents d ON d.pk = e.doc_pk
         WHERE e.pk IN (${chunk.map(() => '?').join(',')})`,
        chunk,
      )) {
        byPk.set(n(r.pk), r);
      }
    }
    return pks.map((pk) => byPk.get(pk)).filter((r): r is Row => r !== undefined);
  }

  async *streamEvents(q: EventQuery): AsyncIterable<EventRow> {
    const w = this.eventWhere(q);
    const cache = new Map<number, { text: string; sentences: Sentence[] }>();
    let after = 0;
    const window: StreamWindow = { skip: q.offset ?? 0, left: q.limit ?? Number.POSITIVE_INFINITY };
    const joiner = w.sql ? `${w.sql} AND` : 'WHERE';
    while (window.left > 0) {
      const keys = this.all(`SELECT e.pk FROM events e ${joiner} e.pk > ? ORDER BY e.pk LIMIT ?`, [...w.params, after, STREAM_PAGE]).map((r) => n(r.pk));
      const rows = this.eventRowsByPk(keys);
      if (keys.length === 0) return;
      after = keys[keys.length - 1]!;
      const page = takeFromPage(rows, window);
      if (cache.size > 2000) cache.clear();
      for (const row of this.eventRows(page, cache)) yield row;
      if (keys.length < STREAM_PAGE) return;
    }
  }

  async aggregateEvents(q: EventQuery, by: EventGroupBy, limit = 1000): Promise<readonly EventBucket[]> {
    // Dyads filtered only by type read the covering dyad index in group order; the type columns'
    // own indexes would find the events sooner but then need a table lookup for each of them.
    const typeOnly = Object.entries(q).every(([k, v]) => v === undefined || ['quadClass', 'root', 'limit', 'offset', 'countLimit'].includes(k));
    const w = by === 'dyad' && typeOnly ? this.facetWhere(q, [], false) : this.eventWhere(q);
    if (by === 'dyad') {
      const joiner = w.sql ? `${w.sql} AND` : 'WHERE';
      const rows = this.all(
        `SELECT e.source_actor_pk AS s, e.target_actor_pk AS t, count(*) AS c, avg(e.goldstein) AS g FROM events e
         ${joiner} e.source_actor_pk IS NOT NULL AND e.target_actor_pk IS NOT NULL
         GROUP BY e.source_actor_pk, e.target_actor_pk ORDER BY c DESC, s, t LIMIT ?`,
        [...w.params, limit],
      );
      const refs = this.actorRefs(rows.flatMap((r) => [n(r.s), n(r.t)]));
      return rows.map((r) => {
        const source = refs.get(n(r.s))!;
        const target = refs.get(n(r.t))!;
        return dyadBucket(r, source, target);
      });
    }
    if (by === 'place') {
      const joiner = w.sql ? `${w.sql} AND` : 'WHERE';
      const rows = this.all(
        `SELECT e.place AS p, e.country AS c, count(*) AS n, avg(e.goldstein) AS g, avg(en.lat) AS lat, avg(en.lon) AS lon
         FROM events e LEFT JOIN entities en ON en.actor_pk = e.location_actor_pk AND en.doc_pk = e.doc_pk
         ${joiner} e.place IS NOT NULL GROUP BY e.place, e.country ORDER BY n DESC, p LIMIT ?`,
        [...w.params, limit],
      );
      return rows.map((r) => placeBucket(r, typeof r.lat === 'number' ? r.lat : undefined, typeof r.lon === 'number' ? r.lon : undefined));
    }
    const column = { week: 'e.week', month: 'e.month', day: 'e.day', root: 'e.root', plover: 'e.plover', quadClass: 'e.quad_class', country: 'e.country' }[by];
    const timeOrder = by === 'week' || by === 'month' || by === 'day';
    const joiner = w.sql ? `${w.sql} AND` : 'WHERE';
    const rows = this.all(
      `SELECT ${column} AS k, count(*) AS c, avg(e.goldstein) AS g FROM events e ${joiner} ${column} IS NOT NULL
       GROUP BY ${column} ORDER BY ${timeOrder ? 'k' : 'c DESC, k'} LIMIT ?`,
      [...w.params, limit],
    );
    return rows.map((r) => keyBucket(r));
  }

  private actorRefs(pks: number[]): Map<number, ActorRef> {
    const out = new Map<number, ActorRef>();
    const uniq = [...new Set(pks)];
    for (let i = 0; i < uniq.length; i += 500) {
      const chunk = uniq.slice(i, i + 500);
      for (const r of this.all(`SELECT pk, key, name, type, code FROM actors WHERE pk IN (${chunk.map(() => '?').join(',')})`, chunk)) {
        out.set(n(r.pk), actorRef(r));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- quotes, entities, search

  async quotes(q: QuoteQuery): Promise<Page<QuoteRow>> {
    const where: string[] = [];
    const params: Params = [];
    let from = 'quotes qt';
    if (q.q) {
      const fts = ftsQuery(q.q);
      if (!fts) return { total: 0, limit: q.limit ?? 0, offset: q.offset ?? 0, items: [] };
      from = 'quotes_fts JOIN quotes qt ON qt.pk = quotes_fts.rowid';
      where.push('quotes_fts MATCH ?');
      params.push(fts);
    }
    if (q.speaker) {
      const pks = this.resolveActors(q.speaker);
      where.push(`qt.speaker_actor_pk IN (${pks.map(() => '?').join(',') || 'NULL'})`);
      params.push(...pks);
    }
    if (q.documentId) {
      where.push('qt.doc_pk IN (SELECT pk FROM documents WHERE id = ?)');
      params.push(q.documentId);
    }
    if (q.from) {
      where.push('qt.day >= ?');
      params.push(q.from);
    }
    if (q.to) {
      where.push('qt.day <= ?');
      params.push(q.to);
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = n(this.get(`SELECT count(*) AS c FROM ${from} ${w}`, params)?.c);
    const offset = q.offset ?? 0;
    const rows = this.all(
      `SELECT qt.pk, qt.data, qt.text, qt.speaker_actor_pk, d.id AS doc_id, d.published, d.title, d.text AS doc_text
       FROM ${from} JOIN documents d ON d.pk = qt.doc_pk ${w} ORDER BY qt.pk LIMIT ? OFFSET ?`,
      [...params, q.limit ?? -1, offset],
    );
    return { total, limit: q.limit ?? total, offset, items: this.quoteRows(rows) };
  }

  private quoteRows(rows: Row[]): QuoteRow[] {
    const refs = this.actorRefs(rows.filter((r) => r.speaker_actor_pk !== null).map((r) => n(r.speaker_actor_pk)));
    return rows.map((r) =>
      quoteRow(r, JSON.parse(String(r.data)) as Quote, r.speaker_actor_pk !== null ? refs.get(n(r.speaker_actor_pk)) : undefined),
    );
  }

  async entities(q: EntityQuery): Promise<Page<ActorRow>> {
    const where: string[] = [];
    const params: Params = [];
    if (q.q) {
      where.push("(key = ? OR code = ? OR name LIKE ? ESCAPE '\\')");
      params.push(q.q, q.q, `%${escapeLike(q.q)}%`);
    }
    if (q.type) {
      where.push('type = ?');
      params.push(q.type);
    }
    if (q.code) {
      const [lo, hi] = prefixRange(q.code);
      where.push('code >= ? AND code < ?');
      params.push(lo, hi);
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order = {
      mentions: 'n_mentions DESC, pk',
      documents: 'n_documents DESC, pk',
      events: '(n_source + n_target) DESC, pk',
      name: 'name COLLATE NOCASE, pk',
    }[q.sort ?? 'mentions'];
    const total = n(this.get(`SELECT count(*) AS c FROM actors ${w}`, params)?.c);
    const offset = q.offset ?? 0;
    const rows = this.all(`SELECT * FROM actors ${w} ORDER BY ${order} LIMIT ? OFFSET ?`, [...params, q.limit ?? -1, offset]);
    return { total, limit: q.limit ?? total, offset, items: rows.map((r) => actorRow(r)) };
  }

  async entity(id: string, options: { limit?: number } = {}): Promise<ActorDetail | null> {
    const row = this.get('SELECT * FROM actors WHERE key = ?', [id]);
    if (!row) return null;
    const pk = n(row.pk);
    const limit = options.limit ?? 200;
    const names = this.all('SELECT DISTINCT name FROM entities WHERE actor_pk = ? ORDER BY name LIMIT 100', [pk]).map((r) => String(r.name));
    const timeline: ActorTimelineEntry[] = this.all(
      `SELECT d.id, d.day, d.title, en.n_mentions, en.data FROM entities en JOIN documents d ON d.pk = en.doc_pk
       WHERE en.actor_pk = ? ORDER BY d.day, d.pk LIMIT ?`,
      [pk, limit],
    ).map((r) => timelineEntry(r, JSON.parse(String(r.data)) as Entity));
    const quoteRows = this.all(
      `SELECT qt.pk, qt.data, qt.text, qt.speaker_actor_pk, d.id AS doc_id, d.published, d.title, d.text AS doc_text
       FROM quotes qt JOIN documents d ON d.pk = qt.doc_pk WHERE qt.speaker_actor_pk = ? ORDER BY qt.day, qt.pk LIMIT ?`,
      [pk, limit],
    );
    const eventsAs = (role: 'source' | 'target'): EventRow[] =>
      this.eventRows(
        this.all(
          `SELECT ${SqliteStore.EVENT_COLUMNS} FROM events e JOIN event_texts x ON x.event_pk = e.pk JOIN documents d ON d.pk = e.doc_pk
           WHERE e.pk IN (SELECT event_pk FROM event_actors WHERE actor_pk = ? AND role = ?) ORDER BY e.day, e.pk LIMIT ?`,
          [pk, role, limit],
        ),
        new Map(),
      );
    return {
      actor: actorRow(row),
      names,
      timeline,
      quotes: this.quoteRows(quoteRows),
      eventsAsSource: eventsAs('source'),
      eventsAsTarget: eventsAs('target'),
    };
  }

  async search(q: SearchQuery): Promise<Page<SearchHit>> {
    const fts = ftsQuery(q.q);
    const limit = q.limit ?? 20;
    const offset = q.offset ?? 0;
    if (!fts) return { total: 0, limit, offset, items: [] };
    const kind = q.kind ?? 'all';
    const parts: string[] = [];
    const counts: string[] = [];
    const params: Params = [];
    const countParams: Params = [];
    // Each kind's best offset + limit hits are ranked without snippets (a snippet re-reads the whole
    // text, which for a word found in every document is most of the cost); the merged page is then
    // cut by the same (rank, id) order, and only its rows get a snippet.
    const top = offset + limit;
    if (kind !== 'quote') {
      parts.push(`SELECT * FROM (SELECT 'document' AS kind, d.id AS doc_id, d.id AS id, d.title, d.published,
          documents_fts.rowid AS fts_rowid, bm25(documents_fts) AS rank
        FROM documents_fts JOIN documents d ON d.pk = documents_fts.rowid WHERE documents_fts MATCH ? ORDER BY rank, id LIMIT ?)`);
      counts.push('SELECT count(*) AS c FROM documents_fts WHERE documents_fts MATCH ?');
      params.push(fts, top);
      countParams.push(fts);
    }
    if (kind !== 'document') {
      parts.push(`SELECT * FROM (SELECT 'quote' AS kind, d.id AS doc_id, d.id || '#' || qt.local_id AS id, d.title, d.published,
          quotes_fts.rowid AS fts_rowid, bm25(quotes_fts) AS rank
        FROM quotes_fts JOIN quotes qt ON qt.pk = quotes_fts.rowid JOIN documents d ON d.pk = qt.doc_pk WHERE quotes_fts MATCH ?
        ORDER BY rank, id LIMIT ?)`);
      counts.push('SELECT count(*) AS c FROM quotes_fts WHERE quotes_fts MATCH ?');
      params.push(fts, top);
      countParams.push(fts);
    }
    let total = 0;
    for (const c of counts) total += n(this.get(c, countParams.slice(0, 1))?.c);
    const ranked = this.all(`SELECT * FROM (${parts.join(' UNION ALL ')}) ORDER BY rank, id LIMIT ? OFFSET ?`, [...params, limit, offset]);
    const rows = ranked.map((r): Row => ({
      ...r,
      snip: this.get(
        r.kind === 'document'
          ? "SELECT snippet(documents_fts, 1, '[', ']', '…', 16) AS snip FROM documents_fts WHERE documents_fts MATCH ? AND rowid = ?"
          : "SELECT snippet(quotes_fts, 0, '[', ']', '…', 16) AS snip FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid = ?",
        [fts, n(r.fts_rowid)],
      )?.snip,
    }));
    // bm25 is lower for better matches; the contract's rank is higher for better ones.
    const items = rows.map((r) => searchHit(r, String(r.snip), -n(r.rank)));
    return { total, limit, offset, items };
  }

  // ---------------------------------------------------------------- stats

  async stats(): Promise<StoreStats> {
    const one = (sql: string): number => n(this.get(sql)?.c);
    return {
      documents: one('SELECT count(*) AS c FROM documents WHERE duplicate_of IS NULL'),
      duplicates: one('SELECT count(*) AS c FROM documents WHERE duplicate_of IS NOT NULL'),
      exactDuplicates: one("SELECT count(*) AS c FROM documents WHERE duplicate_kind = 'exact'"),
      nearDuplicates: one("SELECT count(*) AS c FROM documents WHERE duplicate_kind = 'near'"),
      events: one('SELECT count(*) AS c FROM events'),
      quotes: one('SELECT count(*) AS c FROM quotes'),
      entities: one('SELECT count(*) AS c FROM actors'),
      entityRecords: one('SELECT count(*) AS c FROM entities'),
      mentions: one('SELECT count(*) AS c FROM mentions'),
      timexes: one('SELECT count(*) AS c FROM timexes'),
      schemaVersion: this.appliedVersion(),
    };
  }

  async statsDetail(options: { limit?: number } = {}): Promise<StatsDetail> {
    const limit = options.limit ?? 50;
    return {
      ...(await this.stats()),
      byWeek: await this.aggregateEvents({}, 'week', 10000),
      byMonth: await this.aggregateEvents({}, 'month', 10000),
      byDyad: await this.aggregateEvents({}, 'dyad', limit),
      byRoot: await this.aggregateEvents({}, 'root', 100),
    };
  }

  async optimize(): Promise<void> {
    // Sampled statistics are enough for the planner to choose between indexes, and stay fast on big stores.
    this.db.pragma('analysis_limit = 2000');
    this.db.exec('ANALYZE');
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    if (!this.db.readonly) this.db.pragma('optimize');
    this.db.close();
  }
}
