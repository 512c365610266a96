/**
 * The OpenAPI 3.1 document of the HTTP API. Parameters come from the zod schemas the server
 * validates with; response shapes are written out here for the UI and other clients.
 */
import { z, type ZodObject, type ZodRawShape } from 'zod';
import {
  documentsQuery,
  entitiesQuery,
  entityQuery,
  eventsQuery,
  postDocumentBody,
  quotesQuery,
  searchQuery,
  statsQuery,
} from './schemas.ts';

type Json = Record<string, unknown>;

function queryParameters(schema: ZodObject<ZodRawShape>): Json[] {
  const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => {
    const { description, ...rest } = s as Json & { description?: string };
    return { name, in: 'query', required: (js.required ?? []).includes(name), ...(description ? { description } : {}), schema: rest };
  });
}

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const page = (item: string): Json => ({
  type: 'object',
  required: ['total', 'limit', 'offset', 'items'],
  properties: { total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, items: { type: 'array', items: ref(item) } },
});
const ok = (schema: Json, description = 'OK'): Json => ({ description, content: { 'application/json': { schema } } });
const errors = { '400': ok(ref('Error'), 'invalid parameters'), '500': ok(ref('Error'), 'store failure') };
const span = { type: 'object', properties: { start: { type: 'integer' }, end: { type: 'integer' } }, required: ['start', 'end'] };
const str = { type: 'string' };
const int = { type: 'integer' };
const num = { type: 'number' };

const schemas: Record<string, Json> = {
  Error: {
    type: 'object',
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: { code: str, message: str, issues: { type: 'array', items: { type: 'object', properties: { path: str, message: str } } } },
      },
    },
  },
  ActorRef: {
    type: 'object',
    description: 'A corpus-level actor: entities of many articles joined by key, actor code or type + name.',
    required: ['id', 'name', 'type'],
    properties: { id: { type: 'string', description: 'actor id, e.g. IGONAT or person:jane-doe' }, name: str, type: str, code: str },
  },
  Event: {
    type: 'object',
    description: 'An event of OUTPUT.md with its corpus context (actors resolved, trigger and sentence text).',
    required: ['id', 'documentId', 'localId', 'cameo', 'root', 'quadClass', 'goldstein', 'dateBasis', 'modality', 'source', 'target', 'sourceActors', 'targetActors', 'trigger', 'triggerText', 'sentence'],
    properties: {
      id: { type: 'string', description: 'documentId#localId' },
      documentId: str, localId: str, published: str, title: str, url: str,
      cameo: str, root: str, plover: str, ploverMode: str, quadClass: int, goldstein: num,
      date: { type: 'string', description: 'TimeML value (2020-02-12, 2020-01, 2020-W07)' },
      dateStart: { type: 'string', description: 'first day the date covers' },
      dateEnd: { type: 'string', description: 'last day the date covers' },
      dateBasis: { enum: ['timex', 'reference', 'none'] },
      modality: {
        type: 'object',
        properties: { negated: { type: 'boolean' }, future: { type: 'boolean' }, conditional: { type: 'boolean' }, hypothetical: { type: 'boolean' } },
      },
      source: { type: 'array', items: str, description: 'entity ids within the document' },
      target: { type: 'array', items: str },
      sourceCodes: { type: 'array', items: str },
      targetCodes: { type: 'array', items: str },
      sourceActors: { type: 'array', items: ref('ActorRef') },
      targetActors: { type: 'array', items: ref('ActorRef') },
      location: { type: 'object', properties: { name: str, country: str, lat: num, lon: num } },
      locationId: str,
      trigger: span, triggerText: str, sentence: int, sentenceText: str,
      condition: span, quote: { type: 'string', description: 'local quote id when the event is reported inside a quote' },
      confidence: num,
    },
  },
  Bucket: {
    type: 'object',
    required: ['key', 'count'],
    properties: { key: str, count: int, goldstein: { type: 'number', description: 'mean Goldstein score' }, source: ref('ActorRef'), target: ref('ActorRef'), name: { type: 'string', description: 'groupBy=place: the place name' }, country: str, lat: num, lon: num },
  },
  Quote: {
    type: 'object',
    required: ['id', 'documentId', 'localId', 'kind', 'start', 'end', 'text'],
    properties: {
      id: str, documentId: str, localId: str, published: str, title: str,
      kind: { enum: ['direct', 'indirect', 'mixed'] }, start: int, end: int, text: str,
      cue: span, cueText: str, speaker: ref('ActorRef'), speakerId: str, speakerMention: span, speakerText: str,
      anonymous: { type: 'boolean' }, date: str, confidence: num,
    },
  },
  DocumentSummary: {
    type: 'object',
    required: ['id', 'hash', 'events', 'quotes', 'entities', 'snippet'],
    properties: {
      id: str, title: str, url: str, published: str, referenceDate: str, place: str, country: str, hash: str,
      duplicateOf: str, duplicateKind: { enum: ['exact', 'near'] }, similarity: num,
      events: int, quotes: int, entities: int, snippet: str,
    },
  },
  StoredDocument: {
    type: 'object',
    required: ['document', 'hash', 'duplicates', 'actors'],
    properties: {
      document: { type: 'object', description: 'the dateline.document/1 JSON of OUTPUT.md (tokens are not stored)' },
      hash: { type: 'string', description: 'sha256 of the text' },
      duplicateOf: str, duplicateKind: { enum: ['exact', 'near'] }, similarity: num,
      duplicates: { type: 'array', items: str, description: 'ids of the copies linked to this document' },
      actors: { type: 'object', additionalProperties: str, description: 'local entity id → actor id' },
    },
  },
  Actor: {
    type: 'object',
    required: ['id', 'name', 'type', 'documents', 'mentions', 'quotes', 'eventsAsSource', 'eventsAsTarget'],
    properties: {
      id: str, name: str, type: str, code: str, country: str, role: str,
      documents: int, mentions: int, quotes: int, eventsAsSource: int, eventsAsTarget: int, firstSeen: str, lastSeen: str,
    },
  },
  ActorDetail: {
    type: 'object',
    properties: {
      actor: ref('Actor'),
      names: { type: 'array', items: str },
      timeline: {
        type: 'array',
        items: { type: 'object', properties: { documentId: str, date: str, title: str, mentions: int, entity: { type: 'object' } } },
      },
      quotes: { type: 'array', items: ref('Quote') },
      eventsAsSource: { type: 'array', items: ref('Event') },
      eventsAsTarget: { type: 'array', items: ref('Event') },
    },
  },
  SearchHit: {
    type: 'object',
    required: ['kind', 'documentId', 'id', 'snippet', 'rank'],
    properties: { kind: { enum: ['document', 'quote'] }, documentId: str, id: str, title: str, published: str, snippet: { type: 'string', description: 'matches in [brackets]' }, rank: num },
  },
  Stats: {
    type: 'object',
    required: ['documents', 'duplicates', 'events', 'quotes', 'entities'],
    properties: {
      documents: { type: 'integer', description: 'distinct stored articles' },
      duplicates: { type: 'integer', description: 'copies linked to a stored article' },
      exactDuplicates: int, nearDuplicates: int, events: int, quotes: int,
      entities: { type: 'integer', description: 'distinct corpus actors' },
      entityRecords: int, mentions: int, timexes: int, schemaVersion: int,
      byWeek: { type: 'array', items: ref('Bucket') },
      byMonth: { type: 'array', items: ref('Bucket') },
      byDyad: { type: 'array', items: ref('Bucket') },
      byRoot: { type: 'array', items: ref('Bucket') },
    },
  },
  PutResult: {
    type: 'object',
    required: ['id', 'status'],
    properties: { id: str, status: { enum: ['stored', 'duplicate', 'near-duplicate', 'skipped'] }, duplicateOf: str, similarity: num },
  },
};

export function openApiDocument(): Json {
  const idPath = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
  return {
    openapi: '3.1.0',
    info: {
      title: 'dateline API',
      version: '1.0.0',
      description: 'Read a dateline corpus store: documents with all layers, events (filters, pagination, aggregation by period and dyad), actors, quotes, full-text search. Writes need `Authorization: Bearer <token>`.',
    },
    servers: [{ url: '/' }],
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the token given to dateline serve --token or DATELINE_TOKEN' } },
    },
    paths: {
      '/api/documents': {
        get: {
          summary: 'List stored documents (full-text search and filters); with event, quote and entity counts',
          parameters: queryParameters(documentsQuery),
          responses: { '200': ok(page('DocumentSummary')), ...errors },
        },
        post: {
          summary: 'Analyze an article and store it (needs the bearer token)',
          security: [{ bearer: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(postDocumentBody, { io: 'input' }) } } },
          responses: {
            '201': ok({ type: 'object', properties: { result: ref('PutResult'), document: ref('StoredDocument') } }, 'stored (or linked as a duplicate)'),
            '200': ok({ type: 'object', properties: { result: ref('PutResult'), document: ref('StoredDocument') } }, 'already stored'),
            '401': ok(ref('Error'), 'missing or wrong token, or writes disabled'),
            '413': ok(ref('Error'), 'body too large'),
            ...errors,
          },
        },
      },
      '/api/documents/{id}': {
        get: {
          summary: 'One document with every stored layer, its duplicate links and entity → actor ids',
          parameters: [idPath],
          responses: { '200': ok(ref('StoredDocument')), '404': ok(ref('Error'), 'no such document'), ...errors },
        },
      },
      '/api/events': {
        get: {
          summary: 'Events with filters and pagination; with groupBy, counts by week, month, day, dyad, place (with coordinates), root, PLOVER type, quad class or country',
          parameters: queryParameters(eventsQuery),
          responses: {
            '200': ok({
              oneOf: [page('Event'), { type: 'object', required: ['groupBy', 'buckets'], properties: { groupBy: str, buckets: { type: 'array', items: ref('Bucket') } } }],
            }),
            ...errors,
          },
        },
      },
      '/api/entities': {
        get: { summary: 'Corpus actors with counts', parameters: queryParameters(entitiesQuery), responses: { '200': ok(page('Actor')), ...errors } },
      },
      '/api/entities/{id}': {
        get: {
          summary: 'One actor: names, timeline of mentions, quotes, events as source and as target',
          parameters: [idPath, ...queryParameters(entityQuery)],
          responses: { '200': ok(ref('ActorDetail')), '404': ok(ref('Error'), 'no such actor'), ...errors },
        },
      },
      '/api/quotes': {
        get: { summary: 'Quotes by speaker, text, document or date', parameters: queryParameters(quotesQuery), responses: { '200': ok(page('Quote')), ...errors } },
      },
      '/api/search': {
        get: { summary: 'Full-text search over article texts and quotes (BM25)', parameters: queryParameters(searchQuery), responses: { '200': ok(page('SearchHit')), ...errors } },
      },
      '/api/stats': {
        get: { summary: 'Store counts and events by week, month, dyad and root', parameters: queryParameters(statsQuery), responses: { '200': ok(ref('Stats')), ...errors } },
      },
      '/api/openapi.json': { get: { summary: 'This document', responses: { '200': ok({ type: 'object' }) } } },
    },
  };
}
