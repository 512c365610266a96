/**
 * Row → contract object mappers shared by the store adapters. Each takes a plain row with the
 * column names both schemas use; what the drivers return differently (JSON parsed or not, how
 * a snippet or coordinates are found) is decoded by the adapter and passed in.
 */
import type { Entity, EntityType, EventRecord, Quote } from '../core/document.ts';
import type { ActorRef, ActorRow, ActorTimelineEntry, DocumentSummary, EventBucket, EventRow, QuoteRow, SearchHit } from './store.ts';
import { n, opt, round, s, type Row } from './sql-helpers.ts';

/** An `actors` row (pk, key, name, type, code). */
export function actorRef(r: Row): ActorRef {
  return opt({ id: String(r.key), name: String(r.name), type: String(r.type) as EntityType, code: s(r.code) });
}

/**
 * An event's actor from `event_actors` left-joined to `actors`: the event's own code wins over the
 * actor's; a code with no known actor (key undefined) stands for itself.
 */
export function eventActorRef(key: string | undefined, name: unknown, type: unknown, eaCode: string | undefined, code: string | undefined): ActorRef {
  const c = eaCode ?? code;
  return key !== undefined
    ? opt({ id: key, name: String(name), type: String(type) as EntityType, code: c })
    : opt({ id: c ?? '', name: c ?? '', type: 'ORG' as EntityType, code: c });
}

/** An `actors` row with its counters. */
export function actorRow(r: Row): ActorRow {
  return opt({
    id: String(r.key),
    name: String(r.name),
    type: String(r.type) as EntityType,
    code: s(r.code),
    country: s(r.country),
    role: s(r.role),
    documents: n(r.n_documents),
    mentions: n(r.n_mentions),
    quotes: n(r.n_quotes),
    eventsAsSource: n(r.n_source),
    eventsAsTarget: n(r.n_target),
    firstSeen: s(r.first_seen),
    lastSeen: s(r.last_seen),
  }) as ActorRow;
}

/** A quote row joined to its document (doc_id, published, title, text, doc_text). */
export function quoteRow(r: Row, quote: Quote, speaker: ActorRef | undefined): QuoteRow {
  const text = String(r.doc_text);
  return opt({
    id: `${String(r.doc_id)}#${quote.id}`,
    documentId: String(r.doc_id),
    published: s(r.published),
    title: s(r.title),
    quote,
    text: String(r.text),
    cueText: quote.cue ? text.slice(quote.cue.start, quote.cue.end) : undefined,
    speaker,
    speakerText: quote.speakerMention ? text.slice(quote.speakerMention.start, quote.speakerMention.end) : undefined,
  }) as QuoteRow;
}

/** An entity row joined to its document (id, day, title, n_mentions). */
export function timelineEntry(r: Row, entity: Entity): ActorTimelineEntry {
  return opt({ documentId: String(r.id), date: s(r.day), title: s(r.title), mentions: n(r.n_mentions), entity });
}

/** A document listing row; `similarity` is decoded by the adapter. */
export function documentSummary(r: Row, similarity: number | undefined): DocumentSummary {
  return opt({
    id: String(r.id),
    title: s(r.title),
    url: s(r.url),
    published: s(r.published),
    referenceDate: s(r.reference_date),
    place: s(r.place),
    country: s(r.country),
    hash: String(r.hash),
    duplicateOf: s(r.first_id),
    duplicateKind: s(r.duplicate_kind) as 'exact' | 'near' | undefined,
    similarity,
    events: n(r.n_events),
    quotes: n(r.n_quotes),
    entities: n(r.n_entities),
    snippet: String(r.snippet),
  }) as DocumentSummary;
}

export interface EventRowParts {
  readonly sentenceText: string | undefined;
  readonly sourceActors: ActorRef[];
  readonly targetActors: ActorRef[];
  /** The coordinates of the event's location, where known. */
  readonly lat: number | undefined;
  readonly lon: number | undefined;
}

/** An event row joined to its text and document (doc_id, doc_published, title, url, trigger_text, place, …). */
export function eventRow(r: Row, event: EventRecord, parts: EventRowParts): EventRow {
  const location = s(r.place) ? opt({ name: String(r.place), country: s(r.country), lat: parts.lat, lon: parts.lon }) : undefined;
  return opt({
    id: `${String(r.doc_id)}#${event.id}`,
    documentId: String(r.doc_id),
    published: s(r.doc_published),
    title: s(r.title),
    url: s(r.url),
    event,
    triggerText: String(r.trigger_text),
    sentenceText: parts.sentenceText,
    sourceActors: parts.sourceActors,
    targetActors: parts.targetActors,
    location,
    dateStart: s(r.date_start),
    dateEnd: s(r.date_end),
  }) as EventRow;
}

/** A search hit row (kind, doc_id, id, title, published); the snippet and the rank (higher is better) are the adapter's. */
export function searchHit(r: Row, snippet: string, rank: number): SearchHit {
  return opt({
    kind: String(r.kind) as 'document' | 'quote',
    documentId: String(r.doc_id),
    id: String(r.id),
    title: s(r.title),
    published: s(r.published),
    snippet,
    rank: round(rank),
  }) as SearchHit;
}

/** An event group (k, c, g). */
export function keyBucket(r: Row): EventBucket {
  return { key: String(r.k), count: n(r.c), goldstein: round(n(r.g)) };
}

/** A source→target group (c, g). */
export function dyadBucket(r: Row, source: ActorRef, target: ActorRef): EventBucket {
  return { key: `${source.code ?? source.name}→${target.code ?? target.name}`, count: n(r.c), source, target, goldstein: round(n(r.g)) };
}

/** A place group (p, c, n, g); the mean coordinates are decoded by the adapter. */
export function placeBucket(r: Row, lat: number | undefined, lon: number | undefined): EventBucket {
  return opt({
    key: `${String(r.p)}${s(r.c) ? `|${String(r.c)}` : ''}`,
    name: String(r.p),
    country: s(r.c),
    count: n(r.n),
    goldstein: round(n(r.g)),
    lat: lat !== undefined ? round(lat) : undefined,
    lon: lon !== undefined ? round(lon) : undefined,
  }) as EventBucket;
}
