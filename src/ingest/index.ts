import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import fg from 'fast-glob';
import type { DocError, NewDocument } from '../core/document.ts';
import { DatelineError, isDatelineError } from '../core/errors.ts';
import { decodeBytes } from './encoding.ts';
import { detectFormat, readByFormat, readJsonl, type ReadResult } from './formats.ts';
import { buildDocument, type RawRecord } from './records.ts';

export { parseDateline } from './dateline.ts';
export { decodeBytes } from './encoding.ts';
export { buildDocument, isValidIsoDate, type RawRecord } from './records.ts';
export { detectFormat } from './formats.ts';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export interface ReadOptions {
  /** Reference date (YYYY-MM-DD) for documents with no dateline date and no published date. */
  readonly date?: string;
  /** Largest document accepted, in bytes (default 10 MB). JSONL files may be larger: the limit is per line. */
  readonly maxBytes?: number;
  /** Where `-` reads from (default process.stdin). */
  readonly stdin?: NodeJS.ReadableStream;
  /** Format to assume instead of detecting it from the file name and content. */
  readonly format?: 'text' | 'jsonl' | 'csv' | 'html' | 'json';
}

export type InputItem = { readonly ok: true; readonly doc: NewDocument } | { readonly ok: false; readonly error: DocError };

const SKIP_NAMES = /^(\.|~)|^(readme|license|licence|copying)(\.|$)|~$|\.(db|db-wal|db-shm|sqlite|gz|zip|png|jpe?g|gif|pdf)$/i;

/** Expand paths: files as given, directories recursively (sorted), globs; `-` is standard input. */
export async function* expandPaths(paths: readonly string[]): AsyncGenerator<{ path: string } | { error: DocError }> {
  for (const p of paths) {
    if (p === '-') {
      yield { path: '-' };
      continue;
    }
    let st;
    try {
      st = await stat(p);
    } catch {
      if (/[*?[\]{}]/.test(p)) {
        const matches = (await fg(p, { onlyFiles: true, dot: false })).sort();
        if (matches.length === 0) yield { error: { code: 'E_NOT_FOUND', message: `no files match ${p}`, file: p } };
        for (const m of matches) yield { path: m };
        continue;
      }
      yield { error: { code: 'E_NOT_FOUND', message: `no such file or directory: ${p}`, file: p } };
      continue;
    }
    if (st.isDirectory()) yield* walk(p);
    else yield { path: p };
  }
}

async function* walk(dir: string): AsyncGenerator<{ path: string }> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (SKIP_NAMES.test(e.name)) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) yield* walk(full);
    else if (e.isFile()) yield { path: full };
  }
}

async function readStdin(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks);
}

function errorOf(e: unknown, file: string, line?: number): DocError {
  if (isDatelineError(e)) return { code: e.code, message: e.message, file, ...(line !== undefined ? { line } : {}) };
  return { code: 'E_IO', message: (e as Error).message, file, ...(line !== undefined ? { line } : {}) };
}

function toItem(r: ReadResult, options: ReadOptions, maxBytes: number): InputItem {
  if (!r.ok) return r;
  const rec: RawRecord = r.record;
  if (rec.text.trim() === '') {
    return { ok: false, error: { code: 'E_EMPTY', message: 'the article text is empty', ...(rec.file ? { file: rec.file } : {}), ...(rec.line !== undefined ? { line: rec.line } : {}) } };
  }
  if (rec.text.length * 2 > maxBytes * 2 && Buffer.byteLength(rec.text) > maxBytes) {
    return { ok: false, error: { code: 'E_TOO_LARGE', message: `the article is larger than ${maxBytes} bytes`, ...(rec.file ? { file: rec.file } : {}), ...(rec.line !== undefined ? { line: rec.line } : {}) } };
  }
  return { ok: true, doc: buildDocument(rec, options) };
}

/** Stream a large JSONL file line by line; each line is one document, limited to maxBytes. */
async function* streamJsonl(file: string, options: ReadOptions, maxBytes: number): AsyncGenerator<InputItem> {
  const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (line.trim() === '') continue;
    if (Buffer.byteLength(line) > maxBytes) {
      yield { ok: false, error: { code: 'E_TOO_LARGE', message: `line is larger than ${maxBytes} bytes`, file, line: n } };
      continue;
    }
    for (const r of readJsonl(file, line)) {
      const fixed: ReadResult = r.ok ? { ok: true, record: { ...r.record, line: n, id: r.record.id.replace(/#1$/, `#${n}`) } } : { ok: false, error: { ...r.error, line: n } };
      yield toItem(fixed, options, maxBytes);
    }
  }
}

/** Read one file (or stdin) into documents or coded errors. */
export async function* readFileInputs(path: string, options: ReadOptions = {}): AsyncGenerator<InputItem> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const file = path === '-' ? 'stdin' : path;
  let bytes: Buffer;
  try {
    if (path === '-') {
      bytes = await readStdin(options.stdin ?? process.stdin);
    } else {
      const st = await stat(path);
      const lower = path.toLowerCase();
      if (st.size > maxBytes) {
        if (options.format === 'jsonl' || lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) {
          yield* streamJsonl(path, options, maxBytes);
          return;
        }
        throw new DatelineError('E_TOO_LARGE', `the file is ${st.size} bytes, larger than the limit of ${maxBytes} bytes (--max-bytes)`);
      }
      bytes = await readFile(path);
    }
    if (bytes.length > maxBytes) throw new DatelineError('E_TOO_LARGE', `the input is larger than ${maxBytes} bytes`);
    if (bytes.length === 0) throw new DatelineError('E_EMPTY', 'the file is empty');
    const { text } = decodeBytes(bytes);
    if (text.trim() === '') throw new DatelineError('E_EMPTY', 'the file contains only white space');
    const format = options.format ?? detectFormat(file, text);
    for (const r of readByFormat(format, file, text)) yield toItem(r, options, maxBytes);
  } catch (e) {
    yield { ok: false, error: errorOf(e, file) };
  }
}

/**
 * Read every input: files, directories (recursive), globs and `-`, in any supported format.
 * Yields documents and per-document coded errors; never throws for bad input.
 */
export async function* readInputs(paths: readonly string[], options: ReadOptions = {}): AsyncGenerator<InputItem> {
  for await (const entry of expandPaths(paths)) {
    if ('error' in entry) {
      yield { ok: false, error: entry.error };
      continue;
    }
    yield* readFileInputs(entry.path === '-' ? '-' : resolvePathForDisplay(entry.path), options);
  }
}

function resolvePathForDisplay(p: string): string {
  // Keep relative paths as the user gave them; resolve only odd ones.
  return p.startsWith('.') || p.startsWith('/') || !p.includes('\0') ? p : resolve(p);
}
