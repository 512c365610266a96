/**
 * The HTTP API over a store (fastify). `buildApp` takes an open store so tests drive it with
 * `app.inject`; `dateline serve` adds the listening socket. Every input is validated with zod, every
 * SQL value is bound by the store, request bodies are size-limited, and writes need the operator's token.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { ZodError, type ZodType } from 'zod';
import { analyze } from '../analyze.ts';
import { DEFAULT_STAGES, pipelineFromNames, pipelineId } from '../stages.ts';
import { isDatelineError } from '../core/errors.ts';
import type { Document } from '../core/document.ts';
import { contentHash } from '../store/keys.ts';
import { minhash } from '../store/near-duplicates.ts';
import { eventJson, quoteJson } from '../store/output.ts';
import type { EventQuery, Store } from '../store/store.ts';
import { openApiDocument } from './openapi.ts';
import {
  documentsQuery,
  entitiesQuery,
  entityQuery,
  eventsQuery,
  idParam,
  postDocumentBody,
  quotesQuery,
  searchQuery,
  statsQuery,
} from './schemas.ts';

export interface AppOptions {
  readonly store: Store;
  /** Bearer token for writes; without one, every write is refused. */
  readonly token?: string;
  /** Folder with the built web UI, served at `/` when it exists. */
  readonly staticDir?: string;
  /** Largest request body, in bytes (default 2 MiB). */
  readonly bodyLimit?: number;
  readonly logger?: boolean;
  /** Analysis for POST /api/documents (default: the full pipeline). */
  readonly analyze?: (input: { text: string; id: string; title?: string; url?: string; published?: string }, date?: string) => Document;
  /** The pipeline id stored with posted documents (`pipelineId`; default: the default pipeline's, so `ingest --reanalyze stale` finds them current). */
  readonly pipeline?: string;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function parse<T>(schema: ZodType<T>, value: unknown): T {
  return schema.parse(value ?? {});
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

function strip<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { store } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 2 * 1024 * 1024,
    // Query strings stay flat strings; zod decides what they mean.
    routerOptions: { maxParamLength: 500 },
  });
  const tokenDigest = options.token ? digest(options.token) : undefined;
  const runAnalysis =
    options.analyze ??
    ((input, date) => analyze(strip({ ...input }), date ? { date } : {}));
  const pipeline = options.pipeline ?? (options.analyze ? undefined : pipelineId(pipelineFromNames(DEFAULT_STAGES)));

  app.setErrorHandler((err: unknown, _req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof ZodError) {
      return reply.status(400).send({
        error: { code: 'E_BAD_REQUEST', message: 'invalid request', issues: err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
      });
    }
    if (err instanceof HttpError) return reply.status(err.status).send({ error: { code: err.code, message: err.message } });
    const e = err as { statusCode?: number; code?: string; message?: string };
    if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
      return reply.status(e.statusCode).send({ error: { code: e.code ?? 'E_BAD_REQUEST', message: e.message ?? 'bad request' } });
    }
    if (isDatelineError(err)) return reply.status(500).send({ error: { code: err.code, message: err.message } });
    app.log.error(err);
    return reply.status(500).send({ error: { code: 'E_INTERNAL', message: 'internal error' } });
  });

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    return payload;
  });

  const requireToken = (req: FastifyRequest): void => {
    if (!tokenDigest) throw new HttpError(401, 'E_UNAUTHORIZED', 'writes are disabled: the operator has not set a token (dateline serve --token or DATELINE_TOKEN)');
    const header = req.headers.authorization ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(header);
    if (!m || !timingSafeEqual(digest(m[1]!.trim()), tokenDigest)) {
      throw new HttpError(401, 'E_UNAUTHORIZED', 'a valid "Authorization: Bearer <token>" header is required for writes');
    }
  };

  app.get('/api/openapi.json', async () => openApiDocument());

  app.get('/api/stats', async (req) => {
    const q = parse(statsQuery, req.query);
    return store.statsDetail({ limit: q.limit });
  });

  app.get('/api/documents', async (req) => {
    const q = parse(documentsQuery, req.query);
    return store.listDocuments(strip({ ...q }));
  });

  app.get('/api/documents/:id', async (req) => {
    const { id } = parse(idParam, req.params);
    const doc = await store.getDocument(id);
    if (!doc) throw new HttpError(404, 'E_NOT_FOUND', `no document with id "${id}"`);
    return doc;
  });

  app.post('/api/documents', async (req, reply) => {
    requireToken(req);
    const body = parse(postDocumentBody, req.body);
    const id = body.id ?? `doc-${contentHash(body.text).slice(0, 16)}`;
    const doc = runAnalysis(strip({ text: body.text, id, title: body.title, url: body.url, published: body.published }), body.date);
    // Like ingest: a failed stage leaves its layer empty and an error on the document, which is still stored.
    const signature = minhash(doc.text);
    const [result] = await store.putBatch([{ doc: { ...doc, tokens: [] }, hash: contentHash(doc.text), ...(pipeline ? { pipeline } : {}), ...(signature ? { signature } : {}) }]);
    const stored = await store.getDocument(result!.id);
    return reply.status(result!.status === 'skipped' ? 200 : 201).send({ result, document: stored });
  });

  app.get('/api/events', async (req) => {
    const q = parse(eventsQuery, req.query);
    const { limit, offset, groupBy, ...filters } = q;
    const query = strip({ ...filters }) as EventQuery;
    if (groupBy) {
      const buckets = await store.aggregateEvents(query, groupBy, groupBy === 'dyad' || groupBy === 'place' ? limit || 50 : 10000);
      return { groupBy, buckets };
    }
    const page = await store.events({ ...query, limit, offset });
    return { ...page, items: page.items.map(eventJson) };
  });

  app.get('/api/entities', async (req) => {
    const q = parse(entitiesQuery, req.query);
    return store.entities(strip({ ...q }));
  });

  app.get('/api/entities/:id', async (req) => {
    const { id } = parse(idParam, req.params);
    const q = parse(entityQuery, req.query);
    const detail = await store.entity(id, { limit: q.limit });
    if (!detail) throw new HttpError(404, 'E_NOT_FOUND', `no actor with id "${id}"`);
    return {
      ...detail,
      quotes: detail.quotes.map(quoteJson),
      eventsAsSource: detail.eventsAsSource.map(eventJson),
      eventsAsTarget: detail.eventsAsTarget.map(eventJson),
    };
  });

  app.get('/api/quotes', async (req) => {
    const q = parse(quotesQuery, req.query);
    const page = await store.quotes(strip({ ...q }));
    return { ...page, items: page.items.map(quoteJson) };
  });

  app.get('/api/search', async (req) => {
    const q = parse(searchQuery, req.query);
    return store.search(q);
  });

  app.all('/api/*', async (req) => {
    throw new HttpError(404, 'E_NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0]}`);
  });

  if (options.staticDir && existsSync(options.staticDir)) {
    const fastifyStatic = (await import('@fastify/static')).default;
    await app.register(fastifyStatic, { root: options.staticDir, prefix: '/' });
  } else {
    app.get('/', async (_req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send('<!doctype html><meta charset="utf-8"><title>dateline</title><p>dateline API: see <a href="/api/openapi.json">/api/openapi.json</a> and <a href="/api/stats">/api/stats</a>. The web UI is not built.</p>'),
    );
  }
  return app;
}
