/**
 * `postgres://` store URLs: the connection string the driver understands plus dateline's own
 * query parameters, which are taken out before the driver sees them:
 *
 * - `schema=NAME` keeps the store in its own schema (several corpora in one database; the tests
 *   use one schema per run). Created on the first writing open.
 * - `pool=N` is the connection pool size (default 10; `serve` answers concurrent requests from it,
 *   ingest writes through one connection at a time).
 */
import { DatelineError } from '../../core/errors.ts';

export interface PostgresTarget {
  /** The URL without dateline's parameters, for the driver. */
  readonly connectionString: string;
  readonly schema?: string;
  readonly poolSize: number;
  /** The URL's own `options` (server settings such as `-c statement_timeout=5000`), to merge with ours. */
  readonly serverOptions?: string;
  /** The URL with the password replaced, for messages. */
  readonly display: string;
}

export const DEFAULT_POOL_SIZE = 10;
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** The URL with its password (user:PASSWORD@ or password=…) replaced by `***`. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/?#@]*):[^@/?#]*@/i, '$1:***@').replace(/([?&]password=)[^&#]*/gi, '$1***');
}

export function parsePostgresUrl(url: string, overrides: { schema?: string; poolSize?: number } = {}): PostgresTarget {
  if (!isPostgresUrl(url)) throw new DatelineError('E_STORE', `not a PostgreSQL URL: ${redactUrl(url)}`);
  const q = url.indexOf('?');
  const hash = url.indexOf('#');
  if (hash >= 0) throw new DatelineError('E_STORE', `a PostgreSQL URL has no #fragment: ${redactUrl(url)}`);
  const base = q >= 0 ? url.slice(0, q) : url;
  const params = new URLSearchParams(q >= 0 ? url.slice(q + 1) : '');
  const schema = overrides.schema ?? params.get('schema') ?? undefined;
  const poolText = params.get('pool');
  // Taken out because a connection string's options would replace (not extend) the adapter's own.
  const serverOptions = params.get('options') ?? undefined;
  params.delete('schema');
  params.delete('pool');
  params.delete('options');
  if (schema !== undefined && !IDENTIFIER.test(schema)) {
    throw new DatelineError('E_STORE', `schema must be a lower-case identifier (a-z, 0-9, _), got "${schema}"`);
  }
  let poolSize = overrides.poolSize ?? DEFAULT_POOL_SIZE;
  if (overrides.poolSize === undefined && poolText !== null) {
    if (!/^\d+$/.test(poolText) || Number(poolText) < 1 || Number(poolText) > 1000) {
      throw new DatelineError('E_STORE', `pool must be a number of connections from 1 to 1000, got "${poolText}"`);
    }
    poolSize = Number(poolText);
  }
  if (!Number.isInteger(poolSize) || poolSize < 1) throw new DatelineError('E_STORE', `pool size must be a positive integer, got ${poolSize}`);
  const rest = params.toString();
  const connectionString = rest ? `${base}?${rest}` : base;
  return {
    connectionString,
    ...(schema !== undefined ? { schema } : {}),
    poolSize,
    ...(serverOptions ? { serverOptions } : {}),
    display: redactUrl(url),
  };
}

/** A double-quoted SQL identifier (callers validate it against IDENTIFIER first). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
