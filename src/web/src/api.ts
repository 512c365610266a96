import type { ActorDetail as StoreActorDetail, ActorRow, ActorRef, DocumentSummary, EventBucket, Page, StoredDocument } from '../../store/store.ts';
import type { EventJson } from '../../store/output.ts';
import type { Quote, Span } from '../../core/document.ts';

export type { ActorRow, DocumentSummary, EventBucket, EventJson, Page, StoredDocument };

/** A quote as the API returns it (src/store/output.ts quoteJson). */
export interface QuoteJson {
  readonly id: string;
  readonly documentId: string;
  readonly localId: string;
  readonly published?: string;
  readonly title?: string;
  readonly kind: Quote['kind'];
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly cue?: Span;
  readonly cueText?: string;
  readonly speaker?: ActorRef;
  readonly speakerId?: string;
  readonly speakerText?: string;
  readonly anonymous?: boolean;
  readonly date?: string;
}

export type ActorDetail = Omit<StoreActorDetail, 'quotes' | 'eventsAsSource' | 'eventsAsTarget'> & {
  readonly quotes: readonly QuoteJson[];
  readonly eventsAsSource: readonly EventJson[];
  readonly eventsAsTarget: readonly EventJson[];
};

/** A place bucket of `groupBy=place`: where events happened, with coordinates. */
export interface PlaceBucket {
  readonly key: string;
  readonly name: string;
  readonly count: number;
  readonly lat?: number;
  readonly lon?: number;
}

export type Params = Readonly<Record<string, string | number | undefined>>;

function query(params: Params): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export async function getJson<T>(path: string, params: Params = {}): Promise<T> {
  const res = await fetch(`/api${path}${query(params)}`, { headers: { accept: 'application/json' } });
  if (!res.ok) {
    let msg = `${res.status} ${res.statusText}`;
    try {
      // The API answers errors as {error: {code, message}}.
      const body = (await res.json()) as { error?: { code?: string; message?: string } };
      if (body.error?.message) msg = `${body.error.code ?? res.status}: ${body.error.message}`;
    } catch {
      /* keep the status line */
    }
    throw new Error(msg);
  }
  return (await res.json()) as T;
}

export const api = {
  documents: (p: Params) => getJson<Page<DocumentSummary>>('/documents', p),
  document: (id: string) => getJson<StoredDocument>(`/documents/${encodeURIComponent(id)}`),
  events: (p: Params) => getJson<Page<EventJson>>('/events', p),
  eventBuckets: (p: Params) => getJson<{ groupBy: string; buckets: EventBucket[] }>('/events', p),
  places: (p: Params) => getJson<{ groupBy: string; buckets: PlaceBucket[] }>('/events', { ...p, groupBy: 'place' }),
  actors: (p: Params) => getJson<Page<ActorRow>>('/entities', p),
  actor: (id: string) => getJson<ActorDetail>(`/entities/${encodeURIComponent(id)}`),
  quotes: (p: Params) => getJson<Page<QuoteJson>>('/quotes', p),
  stats: () => getJson<Record<string, unknown>>('/stats'),
};
