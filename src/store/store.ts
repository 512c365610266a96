/**
 * The corpus store: one interface, several adapters (SQLite today, PostgreSQL later).
 * Every method is async so a network-backed adapter fits behind the same interface; the
 * shared contract suite (`contract.ts`) is what an adapter must pass.
 */
import type { Document, Entity, EntityType, EventRecord, Quote } from '../core/document.ts';
import { DatelineError } from '../core/errors.ts';

/** A document ready to be written: the analysed document, its content hash and (optionally) a MinHash signature. */
export interface StoreInput {
  readonly doc: Document;
  readonly hash: string;
  /** MinHash signature (see `near-duplicates.ts`); absent for texts too short to compare. */
  readonly signature?: readonly number[];
  /**
   * The pipeline that made the layers: its stages' `name@version`, comma-separated, in order (see
   * `pipelineId` in `src/stages.ts`). Stored with the document; absent counts as "unknown, stale".
   */
  readonly pipeline?: string;
  /**
   * Re-analysis: when this id and hash are already stored as an analysed document, replace its
   * layers (entities, mentions, timexes, quotes, events, sentences, errors) and pipeline in the same
   * transaction instead of skipping it. Corpus actors' counts follow; actors left without any record
   * are removed. Linked copies (exact/near duplicates) have no layers and are still skipped.
   */
  readonly reanalyze?: boolean;
}

export type PutStatus = 'stored' | 'duplicate' | 'near-duplicate' | 'skipped' | 'reanalyzed';

export interface PutResult {
  /** The id the document is stored under (its own id, or `id@hash8` when the id was taken by other text). */
  readonly id: string;
  readonly status: PutStatus;
  /** For duplicates: the id of the first stored copy. */
  readonly duplicateOf?: string;
  /** For near-duplicates: estimated Jaccard similarity of word shingles with the first copy. */
  readonly similarity?: number;
}

/** What the store already knows about a document before analysing it. */
export type KnownStatus =
  | {
      readonly status: 'stored';
      readonly id: string;
      /** The stored pipeline (`StoreInput.pipeline`) of an analysed document; absent when unknown (older stores). */
      readonly pipeline?: string;
      /** Set when the stored document is a linked copy (it has no layers of its own): the first copy's id. */
      readonly duplicateOf?: string;
    }
  | { readonly status: 'duplicate-of'; readonly id: string }
  | { readonly status: 'new' };

export interface Page<T> {
  /** Matches; for events counted up to `countLimit` (then `totalCapped` is true). */
  readonly total: number;
  readonly totalCapped?: boolean;
  readonly limit: number;
  readonly offset: number;
  readonly items: readonly T[];
}

export interface PageQuery {
  /** Absent: no limit (streams and exports). */
  readonly limit?: number;
  readonly offset?: number;
}

/** A corpus-level actor: entities of many documents joined by key (entity `key`, actor code, or type + name). */
export interface ActorRef {
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  readonly code?: string;
}

export interface DocumentSummary {
  readonly id: string;
  readonly title?: string;
  readonly url?: string;
  readonly published?: string;
  readonly referenceDate?: string;
  readonly place?: string;
  readonly country?: string;
  readonly hash: string;
  readonly duplicateOf?: string;
  readonly duplicateKind?: 'exact' | 'near';
  readonly similarity?: number;
  readonly events: number;
  readonly quotes: number;
  readonly entities: number;
  /** The start of the text, for lists. */
  readonly snippet: string;
}

/** A stored document with every stored layer (tokens are not stored) and its duplicate links. */
export interface StoredDocument {
  readonly document: Document;
  readonly hash: string;
  readonly duplicateOf?: string;
  readonly duplicateKind?: 'exact' | 'near';
  readonly similarity?: number;
  /** Ids of the copies linked to this document. */
  readonly duplicates: readonly string[];
  /** Local entity id → corpus actor id. */
  readonly actors: Readonly<Record<string, string>>;
  /** The pipeline that made the stored layers (`StoreInput.pipeline`); absent when unknown. */
  readonly pipeline?: string;
}

export interface DocumentQuery extends PageQuery {
  /** Full-text query over title and text. */
  readonly q?: string;
  readonly publishedFrom?: string;
  readonly publishedTo?: string;
  /** Documents mentioning this actor (id, code or name). */
  readonly actor?: string;
  /** A news agency of the dateline (`dpa`, `AP`; case-insensitive). */
  readonly agency?: string;
  /** ISO 3166-1 alpha-3 of the dateline place. */
  readonly country?: string;
  readonly includeDuplicates?: boolean;
}

export type ModalityFilter = 'asserted' | 'negated' | 'future' | 'conditional' | 'hypothetical';

export interface EventQuery extends PageQuery {
  /** Either side: actor id, code (prefix for hierarchical codes: `IRQ` matches `IRQGOV`) or name. */
  readonly actor?: string;
  readonly source?: string;
  readonly target?: string;
  /** CAMEO code; a prefix matches its sub-codes (`03` matches `031`, `0312`). */
  readonly cameo?: string;
  readonly root?: string;
  readonly plover?: string;
  readonly quadClass?: number;
  /** Event date range (inclusive, YYYY-MM-DD); an event matches when its date overlaps it. */
  readonly from?: string;
  readonly to?: string;
  readonly publishedFrom?: string;
  readonly publishedTo?: string;
  readonly modality?: ModalityFilter;
  /** Location entity name (case-insensitive) or its actor id. */
  readonly place?: string;
  /** ISO 3166-1 alpha-3 of the event's location (events the text does not locate have none). */
  readonly country?: string;
  readonly documentId?: string;
  /** Count matches up to this number only (default 10,000; 0: count them all). */
  readonly countLimit?: number;
}

/** An event with the corpus context a reader needs: actors resolved, texts cut out. */
export interface EventRow {
  /** Corpus-wide id: `documentId#localId`. */
  readonly id: string;
  readonly documentId: string;
  readonly published?: string;
  readonly title?: string;
  readonly url?: string;
  readonly event: EventRecord;
  readonly triggerText: string;
  readonly sentenceText?: string;
  readonly sourceActors: readonly ActorRef[];
  readonly targetActors: readonly ActorRef[];
  readonly location?: { readonly name: string; readonly country?: string; readonly lat?: number; readonly lon?: number };
  /** The event date resolved to days (`2020-01` → 2020-01-01 … 2020-01-31). */
  readonly dateStart?: string;
  readonly dateEnd?: string;
}

export type EventGroupBy = 'week' | 'month' | 'day' | 'dyad' | 'place' | 'root' | 'plover' | 'quadClass' | 'country';

export interface EventBucket {
  /** Week `2020-W07`, month `2020-02`, day, root `03`, PLOVER type, quad class, country, or a dyad `SRC→TGT`. */
  readonly key: string;
  readonly count: number;
  readonly source?: ActorRef;
  readonly target?: ActorRef;
  readonly goldstein?: number;
  /** Place buckets: the place's name, country and mean coordinates (when the location entity has them). */
  readonly name?: string;
  readonly country?: string;
  readonly lat?: number;
  readonly lon?: number;
}

export interface QuoteQuery extends PageQuery {
  /** Speaker actor id, code or name. */
  readonly speaker?: string;
  readonly documentId?: string;
  /** Full-text query over quote content. */
  readonly q?: string;
  readonly from?: string;
  readonly to?: string;
}

export interface QuoteRow {
  readonly id: string;
  readonly documentId: string;
  readonly published?: string;
  readonly title?: string;
  readonly quote: Quote;
  readonly text: string;
  readonly cueText?: string;
  readonly speaker?: ActorRef;
  readonly speakerText?: string;
}

export interface EntityQuery extends PageQuery {
  /** Name substring, id or code. */
  readonly q?: string;
  readonly type?: EntityType;
  readonly code?: string;
  readonly sort?: 'mentions' | 'documents' | 'events' | 'name';
}

export interface ActorRow extends ActorRef {
  readonly country?: string;
  readonly role?: string;
  readonly documents: number;
  readonly mentions: number;
  readonly quotes: number;
  readonly eventsAsSource: number;
  readonly eventsAsTarget: number;
  readonly firstSeen?: string;
  readonly lastSeen?: string;
}

export interface ActorTimelineEntry {
  readonly documentId: string;
  readonly date?: string;
  readonly title?: string;
  readonly mentions: number;
  /** Local id of the entity inside that document. */
  readonly entity: Entity;
}

export interface ActorDetail {
  readonly actor: ActorRow;
  readonly names: readonly string[];
  readonly timeline: readonly ActorTimelineEntry[];
  readonly quotes: readonly QuoteRow[];
  readonly eventsAsSource: readonly EventRow[];
  readonly eventsAsTarget: readonly EventRow[];
}

export interface SearchHit {
  readonly kind: 'document' | 'quote';
  readonly documentId: string;
  /** Quote id (`doc#q1`) for quote hits. */
  readonly id: string;
  readonly title?: string;
  readonly published?: string;
  /** Matching text with hits wrapped in `[` `]`. */
  readonly snippet: string;
  readonly rank: number;
}

export interface SearchQuery extends PageQuery {
  readonly q: string;
  readonly kind?: 'document' | 'quote' | 'all';
}

export interface StoreStats {
  /** Distinct stored articles (duplicates excluded). */
  readonly documents: number;
  /** Copies linked to a stored article (exact + near). */
  readonly duplicates: number;
  readonly exactDuplicates: number;
  readonly nearDuplicates: number;
  readonly events: number;
  readonly quotes: number;
  /** Distinct corpus-level actors. */
  readonly entities: number;
  /** Per-document entity records (an actor in three articles counts three times). */
  readonly entityRecords: number;
  readonly mentions: number;
  readonly timexes: number;
  readonly schemaVersion: number;
}

export interface StatsDetail extends StoreStats {
  readonly byWeek: readonly EventBucket[];
  readonly byMonth: readonly EventBucket[];
  readonly byDyad: readonly EventBucket[];
  readonly byRoot: readonly EventBucket[];
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** What is stored under a document's id and content hash (for resuming and skipping). */
  known(id: string, hash: string): Promise<KnownStatus>;
  /** Write a batch in one transaction: all of it or nothing. Duplicates are linked, re-sent documents skipped. */
  putBatch(items: readonly StoreInput[]): Promise<readonly PutResult[]>;
  getDocument(id: string): Promise<StoredDocument | null>;
  listDocuments(q: DocumentQuery): Promise<Page<DocumentSummary>>;
  events(q: EventQuery): Promise<Page<EventRow>>;
  /** Every matching event in order, without counting first (exports, `--format jsonl`). */
  streamEvents(q: EventQuery): AsyncIterable<EventRow>;
  aggregateEvents(q: EventQuery, by: EventGroupBy, limit?: number): Promise<readonly EventBucket[]>;
  quotes(q: QuoteQuery): Promise<Page<QuoteRow>>;
  entities(q: EntityQuery): Promise<Page<ActorRow>>;
  entity(id: string, options?: { limit?: number }): Promise<ActorDetail | null>;
  search(q: SearchQuery): Promise<Page<SearchHit>>;
  stats(): Promise<StoreStats>;
  statsDetail(options?: { limit?: number }): Promise<StatsDetail>;
  /** Refresh the query planner's statistics (after a bulk load). */
  optimize(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  readonly readonly?: boolean;
}

/**
 * Open a store from a URL: a file path or `sqlite:PATH` (`:memory:` for tests), or `postgres://…`.
 * Example: `const store = await openStore('sqlite:corpus.db')`.
 */
export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    const { openPostgresStore } = await import('./postgres/postgres-store.ts');
    return openPostgresStore(url, options);
  }
  const path = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url;
  if (path === '') throw new DatelineError('E_STORE', 'empty store path');
  const { openSqliteStore } = await import('./sqlite/sqlite-store.ts');
  return openSqliteStore(path, options);
}
