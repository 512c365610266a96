import { createDocument, withLayers, type Document, type DocumentMeta, type NewDocument } from './core/document.ts';
import { DatelineError } from './core/errors.ts';
import type { Pipeline } from './core/pipeline.ts';
import { buildDocument, isValidIsoDate } from './ingest/records.ts';
import { readText } from './ingest/formats.ts';
import { DEFAULT_STAGES, pipelineFromNames } from './stages.ts';

export interface AnalyzeOptions {
  /** Reference date (YYYY-MM-DD) used when the document has no dateline date and no published date. */
  readonly date?: string;
  /** Stage names to run (default: the full pipeline). */
  readonly stages?: readonly string[];
  /** Document id for raw-string input (default `doc`). */
  readonly id?: string;
}

/** A raw article: text plus whatever metadata the caller has. */
export interface ArticleInput {
  readonly text: string;
  readonly id?: string;
  readonly title?: string;
  readonly url?: string;
  readonly published?: string;
}

const pipelines = new Map<string, Pipeline>();

function pipelineFor(stages: readonly string[]): Pipeline {
  const key = stages.join(',');
  let p = pipelines.get(key);
  if (!p) {
    p = pipelineFromNames(stages);
    pipelines.set(key, p);
  }
  return p;
}

/** Run the pipeline over a document that already has text and meta (from `readInputs`). */
export function analyzeDocument(doc: NewDocument, options: AnalyzeOptions = {}): Document {
  const pipeline = pipelineFor(options.stages ?? DEFAULT_STAGES);
  let meta: DocumentMeta = doc.meta;
  if (options.date && meta.referenceBasis === 'none') {
    meta = { ...meta, referenceDate: options.date, referenceBasis: 'option' };
  }
  const base = createDocument({ id: doc.id, text: doc.text, meta });
  try {
    return pipeline.run(base, { options: { ...options } });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return withLayers(base, { errors: [{ code: e instanceof DatelineError ? e.code : 'E_ANALYZE', message }] });
  }
}

/**
 * Analyze one article. A string is read like a wire-text file (optional `date YYYY-MM-DD` token,
 * dateline); an object may carry metadata.
 * @example analyze('WASHINGTON (AP) — The Senate voted on Tuesday…', { date: '2020-02-12' })
 */
export function analyze(input: string | ArticleInput, options: AnalyzeOptions = {}): Document {
  if (options.date !== undefined && !isValidIsoDate(options.date)) {
    throw new DatelineError('E_USAGE', `the reference date must be YYYY-MM-DD, got "${options.date}"`);
  }
  let doc: NewDocument;
  if (typeof input === 'string') {
    const [first] = readText(options.id ?? 'doc', input);
    if (!first?.ok) throw new DatelineError('E_PARSE', 'could not read the text');
    const { file: _file, ...record } = first.record;
    doc = buildDocument({ ...record, id: options.id ?? 'doc' }, options);
  } else {
    doc = buildDocument(
      {
        id: input.id ?? options.id ?? 'doc',
        text: input.text,
        format: 'text',
        ...(input.title ? { title: input.title } : {}),
        ...(input.url ? { url: input.url } : {}),
        ...(input.published ? { published: input.published } : {}),
      },
      options,
    );
  }
  return analyzeDocument(doc, options);
}
