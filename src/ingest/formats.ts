import { basename, extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { DocError, InputFormat } from '../core/document.ts';
import type { RawRecord } from './records.ts';

/** One reader result: a record, or a coded per-record error with its line. */
export type ReadResult = { readonly ok: true; readonly record: RawRecord } | { readonly ok: false; readonly error: DocError };

export function detectFormat(file: string, text: string): InputFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return 'json';
  if (ext === '.csv') return 'csv';
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  const head = text.slice(0, 512).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  if (head.startsWith('{') && /"text"\s*:/.test(text.slice(0, 4096))) return 'jsonl';
  return 'text';
}

export function stemOf(file: string): string {
  const b = basename(file);
  const e = extname(b);
  return e ? b.slice(0, -e.length) : b;
}

/** Seed wire text: an optional leading `date YYYY-MM-DD` token (metadata, not article text). */
export function readText(file: string, text: string): ReadResult[] {
  const m = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s+/.exec(text);
  const body = m ? text.slice(m[0].length) : text;
  return [{ ok: true, record: { id: stemOf(file), text: body, format: 'text', file, ...(m ? { published: m[1] } : {}) } }];
}

function field(obj: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = obj[n];
    if (typeof v === 'string' && v.length > 0) return v;
    if (typeof v === 'number') return String(v);
  }
  return undefined;
}

function recordFromObject(obj: Record<string, unknown>, file: string, line: number, multi: boolean, format: InputFormat): ReadResult {
  const text = field(obj, 'text', 'body', 'content');
  if (text === undefined) {
    return { ok: false, error: { code: 'E_PARSE', message: 'record has no "text" field', file, line } };
  }
  const id = field(obj, 'id') ?? (multi ? `${stemOf(file)}#${line}` : stemOf(file));
  const published = field(obj, 'date', 'published', 'publishedAt', 'published_at');
  const title = field(obj, 'title', 'headline');
  const url = field(obj, 'url', 'link');
  return {
    ok: true,
    record: { id, text, format, file, line, ...(published ? { published } : {}), ...(title ? { title } : {}), ...(url ? { url } : {}) },
  };
}

/** JSON lines: one object per line; a malformed line is an error for that line only. */
export function readJsonl(file: string, text: string): ReadResult[] {
  const out: ReadResult[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (e) {
      out.push({ ok: false, error: { code: 'E_PARSE', message: `malformed JSON: ${(e as Error).message}`, file, line: i + 1 } });
      return;
    }
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
      out.push({ ok: false, error: { code: 'E_PARSE', message: 'a JSON line must be an object', file, line: i + 1 } });
      return;
    }
    out.push(recordFromObject(obj as Record<string, unknown>, file, i + 1, true, 'jsonl'));
  });
  return out;
}

/** A JSON file: one record object or an array of them. */
export function readJson(file: string, text: string): ReadResult[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return [{ ok: false, error: { code: 'E_PARSE', message: `malformed JSON: ${(e as Error).message}`, file, line: 1 } }];
  }
  const list = Array.isArray(data) ? data : [data];
  return list.map((obj, i) =>
    obj !== null && typeof obj === 'object' && !Array.isArray(obj)
      ? recordFromObject(obj as Record<string, unknown>, file, i + 1, Array.isArray(data), 'json')
      : { ok: false as const, error: { code: 'E_PARSE', message: 'a JSON record must be an object', file, line: i + 1 } },
  );
}

/** CSV with a header row (`id,url,title,date,text`; only `text` is required). Bad rows are skipped with an error. */
export function readCsv(file: string, text: string): ReadResult[] {
  const out: ReadResult[] = [];
  let rows: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    rows = parseCsv(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      bom: true,
      info: true,
      relax_quotes: false,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (err: (Error & { lines?: number }) | undefined) => {
        out.push({ ok: false, error: { code: 'E_PARSE', message: `malformed CSV row: ${err?.message ?? 'unknown error'}`, file, ...(err?.lines !== undefined ? { line: err.lines } : {}) } });
        return undefined;
      },
    }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
  } catch (e) {
    const err = e as Error & { lines?: number };
    return [{ ok: false, error: { code: 'E_PARSE', message: `malformed CSV: ${err.message}`, file, line: err.lines ?? 1 } }];
  }
  // csv-parse reports the line a record ends on; a record starts after the previous one ended.
  const ends = [...rows.map((r) => r.info.lines), ...out.map((r) => lineOf(r))].sort((a, b) => a - b);
  const startOf = (end: number): number => {
    let prev = 1;
    for (const e of ends) {
      if (e >= end) break;
      prev = e;
    }
    return prev + 1;
  };
  for (const row of rows) out.push(recordFromObject(row.record, file, startOf(row.info.lines), true, 'csv'));
  return out.sort((a, b) => lineOf(a) - lineOf(b));
}

function lineOf(r: ReadResult): number {
  return (r.ok ? r.record.line : r.error.line) ?? 0;
}

const BLOCKS = 'h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,td,th,figcaption,dd,dt';

/** Text of an element tree as paragraphs separated by blank lines. */
function blockText(root: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null; querySelector(s: string): unknown }>; textContent: string | null }): string {
  const parts: string[] = [];
  const blocks = Array.from(root.querySelectorAll(BLOCKS));
  for (const b of blocks) {
    // Nested blocks (a <p> in a <li>) are read once, at the innermost level.
    if (b.querySelector(BLOCKS)) continue;
    const t = (b.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t) parts.push(t);
  }
  if (parts.length === 0) return (root.textContent ?? '').replace(/[ \t]+/g, ' ').replace(/\n\s*\n+/g, '\n\n').trim();
  return parts.join('\n\n');
}

/** An HTML article page: main text via Readability on linkedom; title and published date from meta tags. */
export function readHtml(file: string, html: string): ReadResult[] {
  try {
    const { document } = parseHTML(html);
    const meta = (sel: string): string | undefined => document.querySelector(sel)?.getAttribute('content')?.trim() || undefined;
    let published =
      meta('meta[property="article:published_time"]') ??
      meta('meta[name="article:published_time"]') ??
      meta('meta[itemprop="datePublished"]') ??
      meta('meta[name="pubdate"]') ??
      meta('meta[name="publishdate"]') ??
      meta('meta[name="date"]') ??
      meta('meta[name="DC.date.issued"]') ??
      meta('meta[property="og:published_time"]') ??
      document.querySelector('time[datetime]')?.getAttribute('datetime')?.trim() ??
      undefined;
    if (!published) {
      for (const s of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
        const m = /"datePublished"\s*:\s*"([^"]+)"/.exec(s.textContent ?? '');
        if (m) {
          published = m[1];
          break;
        }
      }
    }
    const ogTitle = meta('meta[property="og:title"]');
    const url = meta('meta[property="og:url"]') ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
    for (const el of Array.from(document.querySelectorAll('script,style,noscript,template,iframe,object,embed'))) el.remove();
    const article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
    let text = '';
    let title = ogTitle ?? document.querySelector('title')?.textContent?.trim() ?? undefined;
    if (article?.content) {
      const inner = parseHTML(`<html><body>${article.content}</body></html>`).document;
      text = blockText(inner.body as never);
      title = ogTitle ?? article.title ?? title;
    }
    if (!text.trim()) {
      const { document: again } = parseHTML(html);
      for (const el of Array.from(again.querySelectorAll('script,style,noscript,template,head,nav,header,footer'))) el.remove();
      text = blockText(again.body as never);
    }
    return [
      {
        ok: true,
        record: {
          id: stemOf(file),
          text,
          format: 'html',
          file,
          ...(title ? { title } : {}),
          ...(url ? { url } : {}),
          ...(published ? { published } : {}),
        },
      },
    ];
  } catch (e) {
    return [{ ok: false, error: { code: 'E_PARSE', message: `malformed HTML: ${(e as Error).message}`, file } }];
  }
}

export function readByFormat(format: InputFormat, file: string, text: string): ReadResult[] {
  switch (format) {
    case 'jsonl':
      return readJsonl(file, text);
    case 'json':
      return readJson(file, text);
    case 'csv':
      return readCsv(file, text);
    case 'html':
      return readHtml(file, text);
    default:
      return readText(file, text);
  }
}
