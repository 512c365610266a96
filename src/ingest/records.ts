import type { DocumentMeta, InputFormat, NewDocument, ReferenceBasis } from '../core/document.ts';
import { parseDateline } from './dateline.ts';
import { normalizeDateField } from './dates.ts';
import { normalizeNewlines } from './encoding.ts';

/** What a reader knows about one article before analysis. */
export interface RawRecord {
  readonly id: string;
  readonly text: string;
  readonly format: InputFormat;
  readonly title?: string;
  readonly url?: string;
  readonly file?: string;
  readonly line?: number;
  /** Published date as found (any common format). */
  readonly published?: string;
}

export interface RecordOptions {
  /** Reference date to use when the document has neither a dateline date nor a published date. */
  readonly date?: string;
}

/**
 * Build a NewDocument from a raw record: find the dateline, normalize the published date, and
 * choose the reference date (dateline > published > option > none).
 */
export function buildDocument(rec: RawRecord, options: RecordOptions = {}): NewDocument {
  const text = normalizeNewlines(rec.text);
  const published = normalizeDateField(rec.published);
  const dateline = parseDateline(text, published ? { published } : {});
  let referenceDate: string | undefined;
  let referenceBasis: ReferenceBasis = 'none';
  if (dateline?.date && /^\d{4}-\d{2}-\d{2}$/.test(dateline.date)) {
    referenceDate = dateline.date;
    referenceBasis = 'dateline';
  } else if (published) {
    referenceDate = published;
    referenceBasis = 'published';
  } else if (options.date) {
    referenceDate = options.date;
    referenceBasis = 'option';
  }
  const meta: DocumentMeta = {
    ...(rec.title ? { title: rec.title } : {}),
    ...(rec.url ? { url: rec.url } : {}),
    ...(rec.file ? { file: rec.file } : {}),
    ...(rec.line !== undefined ? { line: rec.line } : {}),
    format: rec.format,
    ...(published ? { published } : {}),
    ...(dateline ? { dateline } : {}),
    ...(referenceDate ? { referenceDate } : {}),
    referenceBasis,
  };
  return { id: rec.id, text, meta };
}

/** Accept only real calendar dates for `--date`. */
export function isValidIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && normalizeDateField(value) === value;
}
