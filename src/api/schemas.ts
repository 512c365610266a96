/**
 * Request validation for the HTTP API (zod). The same schemas generate the OpenAPI parameters, so
 * the documentation cannot drift from what the server accepts.
 */
import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const text = (max = 200) => z.string().trim().min(1).max(max);
const limit = (def: number, max = 1000) => z.coerce.number().int().min(0).max(max).default(def);
const offset = z.coerce.number().int().min(0).max(10_000_000).default(0);
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const eventFilters = z.object({
  actor: text().optional().describe('either side: actor id, code (IRQ also matches IRQGOV) or name'),
  source: text().optional().describe('source actor: id, code or name'),
  target: text().optional().describe('target actor: id, code or name'),
  cameo: z.string().regex(/^\d{1,4}$/).optional().describe('CAMEO code; a prefix matches its sub-codes'),
  root: z.string().regex(/^\d{1,2}$/).optional().describe('CAMEO root code (01–20)'),
  plover: z.string().regex(/^[A-Za-z]{3,12}$/).optional().describe('PLOVER category'),
  quadClass: z.coerce.number().int().min(1).max(4).optional().describe('1–4'),
  from: day.optional().describe('event date on or after (overlap for month/week values)'),
  to: day.optional().describe('event date on or before'),
  publishedFrom: day.optional().describe('article published on or after'),
  publishedTo: day.optional().describe('article published on or before'),
  modality: z.enum(['asserted', 'negated', 'future', 'conditional', 'hypothetical']).optional(),
  place: text().optional().describe('name of the place the text locates the event at'),
  country: z.string().regex(/^[A-Za-z]{3}$/).optional().describe('ISO 3166 alpha-3 of the location'),
  documentId: text(500).optional().describe('events of one document'),
});

export const eventsQuery = eventFilters.extend({
  limit: limit(50).describe('page size (max 1000)'),
  offset,
  groupBy: z
    .enum(['week', 'month', 'day', 'dyad', 'place', 'root', 'plover', 'quadClass', 'country'])
    .optional()
    .describe('count the matching events by period, dyad or type instead of listing them'),
});

export const documentsQuery = z.object({
  q: text(500).optional().describe('full-text query over title and text'),
  actor: text().optional().describe('documents mentioning this actor (id, code or name)'),
  agency: text(60).optional().describe('a news agency named in the dateline (dpa, AP, Reuters…)'),
  country: z.string().regex(/^[A-Za-z]{3}$/).optional().describe('ISO 3166 alpha-3 of the dateline place'),
  publishedFrom: day.optional(),
  publishedTo: day.optional(),
  includeDuplicates: bool.optional().describe('list linked copies too'),
  limit: limit(50),
  offset,
});

export const quotesQuery = z.object({
  speaker: text().optional().describe('speaker actor: id, code or name (a part of the name works)'),
  q: text(500).optional().describe('full-text query over the quoted words'),
  documentId: text(500).optional(),
  from: day.optional(),
  to: day.optional(),
  limit: limit(50),
  offset,
});

export const entitiesQuery = z.object({
  q: text().optional().describe('name contains, or id/code equals'),
  type: z.enum(['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT']).optional(),
  code: z.string().regex(/^[A-Za-z0-9]{1,20}$/).optional().describe('actor code or prefix'),
  sort: z.enum(['mentions', 'documents', 'events', 'name']).default('mentions'),
  limit: limit(50),
  offset,
});

export const entityQuery = z.object({
  limit: limit(200, 2000).describe('at most this many timeline entries, quotes and events of each kind'),
});

export const searchQuery = z.object({
  q: text(500).describe('words (all must occur), "a phrase", or prefix*'),
  kind: z.enum(['all', 'document', 'quote']).default('all'),
  limit: limit(20, 200),
  offset,
});

export const statsQuery = z.object({
  limit: limit(20, 500).describe('dyads listed'),
});

export const idParam = z.object({ id: z.string().min(1).max(500) });

export const postDocumentBody = z.object({
  text: z.string().min(1).max(1_000_000).describe('the article text (a dateline at its start is read)'),
  id: z.string().trim().min(1).max(300).regex(/^[^\s#]+$/, 'no spaces or #').optional().describe('document id (default: a content hash)'),
  title: z.string().max(1000).optional(),
  url: z.string().max(2000).optional(),
  published: day.optional().describe('published date'),
  date: day.optional().describe('reference date when the text has no dateline date and no published date'),
});
