import type {
  ActorRow,
  DocumentSummary,
  EventBucket,
  EventRow,
  Page,
  QuoteRow,
  StoredDocument,
} from '../../store/store.ts';

export type { ActorRow, DocumentSummary, EventBucket, EventRow, Page, QuoteRow, StoredDocument };

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
      const body = (await res.json()) as { message?: string; error?: string };
      msg = body.message ?? body.error ?? msg;
    } catch {
      /* keep the status line */
    }
    throw new Error(msg);
  }
  return (await res.json()) as T;
}

export interface ActorDetail {
  readonly actor: ActorRow;
  readonly timeline: readonly { readonly key: string; readonly count: number }[];
}

export const api = {
  documents: (p: Params) => getJson<Page<DocumentSummary>>('/documents', p),
  document: (id: string) => getJson<StoredDocument>(`/documents/${encodeURIComponent(id)}`),
  events: (p: Params) => getJson<Page<EventRow>>('/events', p),
  eventBuckets: (p: Params) => getJson<{ groupBy: string; buckets: EventBucket[] }>('/events', p),
  actors: (p: Params) => getJson<Page<ActorRow>>('/entities', p),
  actor: (id: string) => getJson<ActorDetail>(`/entities/${encodeURIComponent(id)}`),
  quotes: (p: Params) => getJson<Page<QuoteRow>>('/quotes', p),
  stats: () => getJson<Record<string, unknown>>('/stats'),
};
