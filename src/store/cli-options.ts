import { existsSync } from 'node:fs';
import { openStore, type EventQuery, type Store } from './store.ts';
import { redactUrl } from './postgres/connection.ts';
import { DatelineError } from '../core/errors.ts';
import { UsageError, intOption, str, type CommandIo, type OptionSpec, type ParsedValues } from '../cli/command.ts';

/** The store file used when neither --db nor DATELINE_DB is given. */
export const DEFAULT_DB = 'dateline.db';

export const DB_OPTION: OptionSpec = {
  type: 'string',
  value: 'FILE|URL',
  description: `store: a SQLite file, sqlite:FILE or postgres://user:pass@host/db[?schema=NAME&pool=N] (default: $DATELINE_DB or ./${DEFAULT_DB})`,
};

/** The store URL for messages: a PostgreSQL password is never printed. */
export function shownUrl(url: string): string {
  return /^postgres/i.test(url) ? redactUrl(url) : url;
}

export function dbUrl(values: ParsedValues, io: CommandIo): string {
  return str(values, 'db') ?? io.env.DATELINE_DB ?? DEFAULT_DB;
}

/** Open an existing store for reading; a missing file is an error, not a new empty store. */
export async function openExistingStore(values: ParsedValues, io: CommandIo): Promise<Store> {
  const url = dbUrl(values, io);
  const path = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url;
  if (!/^postgres/i.test(url) && path !== ':memory:' && !existsSync(path)) {
    throw new DatelineError('E_STORE', `no store at ${path} (create one with: dateline ingest PATH --db ${path})`);
  }
  // A PostgreSQL URL with a mistyped schema must not quietly create an empty store: open read-only.
  return openStore(url, /^postgres/i.test(url) ? { readonly: true } : {});
}

export type OutputFormat = 'table' | 'csv' | 'jsonl' | 'json';

export function formatOption(values: ParsedValues, allowed: readonly string[], fallback: string): string {
  const f = str(values, 'format') ?? fallback;
  if (!allowed.includes(f)) throw new UsageError(`--format must be one of ${allowed.join(', ')}, got "${f}"`);
  return f;
}

export function dayOption(values: ParsedValues, key: string): string | undefined {
  const v = str(values, key);
  if (v === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UsageError(`--${key} must be a date YYYY-MM-DD, got "${v}"`);
  return v;
}

const MODALITIES = ['asserted', 'negated', 'future', 'conditional', 'hypothetical'] as const;

/** The event filters shared by `dateline events` and `dateline export`. */
export const EVENT_FILTER_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  actor: { type: 'string', short: 'a', value: 'ACTOR', description: 'either side: actor id, code (IRQ also matches IRQGOV) or name (whole words: Trump finds Donald Trump)' },
  source: { type: 'string', value: 'ACTOR', description: 'source actor (id, code or name)' },
  target: { type: 'string', value: 'ACTOR', description: 'target actor (id, code or name)' },
  cameo: { type: 'string', value: 'CODE', description: 'CAMEO code; a prefix matches its sub-codes (03 → 031, 0312)' },
  root: { type: 'string', value: 'NN', description: 'CAMEO root code (01–20)' },
  plover: { type: 'string', value: 'TYPE', description: 'PLOVER category (AGREE, CONSULT, …, ASSAULT)' },
  quad: { type: 'string', value: '1-4', description: 'quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict' },
  from: { type: 'string', value: 'YYYY-MM-DD', description: 'event date on or after (an event dated 2020-01 overlaps every day of January)' },
  to: { type: 'string', value: 'YYYY-MM-DD', description: 'event date on or before' },
  'published-from': { type: 'string', value: 'YYYY-MM-DD', description: 'article published on or after' },
  'published-to': { type: 'string', value: 'YYYY-MM-DD', description: 'article published on or before' },
  modality: { type: 'string', value: 'M', description: `one of ${MODALITIES.join(', ')} (asserted: none of the others)` },
  place: { type: 'string', value: 'NAME', description: 'event location (the place the text locates the event at)' },
  country: { type: 'string', value: 'ISO3', description: 'country of the event location (or of the dateline)' },
  doc: { type: 'string', value: 'ID', description: 'events of one document' },
  limit: { type: 'string', short: 'n', value: 'N', description: 'at most N events' },
  offset: { type: 'string', value: 'N', description: 'skip the first N events' },
};

export function eventQueryFrom(values: ParsedValues): EventQuery {
  const quad = str(values, 'quad');
  if (quad !== undefined && !/^[1-4]$/.test(quad)) throw new UsageError(`--quad must be 1, 2, 3 or 4, got "${quad}"`);
  const root = str(values, 'root');
  if (root !== undefined && !/^\d{1,2}$/.test(root)) throw new UsageError(`--root must be a CAMEO root like 04 or 19, got "${root}"`);
  const cameo = str(values, 'cameo');
  if (cameo !== undefined && !/^\d{1,4}$/.test(cameo)) throw new UsageError(`--cameo must be a CAMEO code like 0312, got "${cameo}"`);
  const modality = str(values, 'modality');
  if (modality !== undefined && !(MODALITIES as readonly string[]).includes(modality)) {
    throw new UsageError(`--modality must be one of ${MODALITIES.join(', ')}, got "${modality}"`);
  }
  const country = str(values, 'country');
  if (country !== undefined && !/^[A-Za-z]{3}$/.test(country)) throw new UsageError(`--country must be an ISO 3166 alpha-3 code, got "${country}"`);
  const limit = intOption(values, 'limit');
  const offset = intOption(values, 'offset');
  const pick = (k: string): string | undefined => str(values, k);
  const q: Record<string, unknown> = {
    actor: pick('actor'),
    source: pick('source'),
    target: pick('target'),
    cameo,
    root,
    plover: pick('plover'),
    quadClass: quad !== undefined ? Number(quad) : undefined,
    from: dayOption(values, 'from'),
    to: dayOption(values, 'to'),
    publishedFrom: dayOption(values, 'published-from'),
    publishedTo: dayOption(values, 'published-to'),
    modality,
    place: pick('place'),
    country,
    documentId: pick('doc'),
    limit,
    offset,
  };
  for (const k of Object.keys(q)) if (q[k] === undefined) delete q[k];
  return q as EventQuery;
}
