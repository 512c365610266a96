/**
 * Batch ingest: read inputs, analyse them on a pool of worker threads, write results to the store in
 * input order, one transaction per batch. Writing in input order makes the store the same whether a
 * run was interrupted and resumed or not (which copy is "first" never depends on thread timing), and
 * a resumed run skips every document whose id and content hash are already stored.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createDocument, type DocError, type NewDocument } from '../../core/document.ts';
import { DatelineError } from '../../core/errors.ts';
import { readInputs, type InputItem } from '../../ingest/index.ts';
import { contentHash } from '../keys.ts';
import type { PutResult, Store, StoreInput } from '../store.ts';
import { workerBundle } from './bundle.ts';
import type { AnalyzeResult, WorkerMessage, WorkerOptions } from './protocol.ts';

export interface IngestOptions {
  readonly paths: readonly string[];
  readonly store: Store;
  /** Worker threads (default: the number of cores). */
  readonly workers?: number;
  /** Documents per transaction (default 64). */
  readonly batchSize?: number;
  readonly date?: string;
  readonly stages?: readonly string[];
  readonly maxBytes?: number;
  readonly format?: 'text' | 'jsonl' | 'csv' | 'html' | 'json';
  readonly stdin?: NodeJS.ReadableStream;
  /** Called after every write with the documents handled so far. */
  readonly onProgress?: (done: number) => void;
  readonly onError?: (error: DocError) => void;
  /** Items source, for tests and benchmarks (default: `readInputs(paths)`). */
  readonly inputs?: AsyncIterable<InputItem>;
  /**
   * Already stored documents (same id and text) are skipped by default; `stale` re-analyses those
   * whose stored pipeline (stage name@version list) differs from the current one (or is unknown),
   * `all` re-analyses every one. Linked copies are never re-analysed (they have no layers).
   */
  readonly reanalyze?: ReanalyzeMode;
}

export type ReanalyzeMode = 'none' | 'stale' | 'all';

export interface IngestSummary {
  /** Documents read (failed reads included). */
  readonly read: number;
  readonly stored: number;
  readonly duplicates: number;
  readonly exactDuplicates: number;
  readonly nearDuplicates: number;
  /** Already in the store from an earlier run (and not re-analysed). */
  readonly skipped: number;
  /** Stored documents analysed again and their layers replaced (`reanalyze`). */
  readonly reanalyzed: number;
  /** The pipeline of this run (`name@version`, comma-separated), stored with each analysed document. */
  readonly pipeline: string;
  /** Documents not stored: unreadable, or the analysis threw. */
  readonly failed: number;
  /** Stored documents on which a pipeline stage failed (their errors are stored and reported). */
  readonly withErrors: number;
  readonly seconds: number;
  /** Documents analysed and written per second (skipped ones excluded). */
  readonly rate: number;
  readonly workers: number;
}

const CHUNK = 4;
const WORKER_ENTRY = new URL('./worker-entry.mjs', import.meta.url);

type Slot =
  | { kind: 'pending' }
  | { kind: 'write'; input: StoreInput; file?: string; line?: number }
  | { kind: 'done' };

interface Job {
  readonly seq: number;
  readonly doc: NewDocument;
  readonly hash: string;
  /** Replace the stored layers of this (already stored) document. */
  readonly reanalyze?: boolean;
}

class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly queue: { jobs: Job[]; resolve: (r: AnalyzeResult[]) => void; reject: (e: Error) => void }[] = [];
  private readonly busy = new Map<Worker, { resolve: (r: AnalyzeResult[]) => void; reject: (e: Error) => void }>();
  private readonly all: Worker[] = [];
  private failure: Error | undefined;
  /** The workers' pipeline id (from their ready message). */
  pipeline = '';

  private constructor() {}

  static async create(size: number, options: WorkerOptions): Promise<WorkerPool> {
    const pool = new WorkerPool();
    const bundle = await workerBundle();
    await Promise.all(
      Array.from({ length: size }, () => {
        return new Promise<void>((resolve, reject) => {
          // The bundle is plain JavaScript: the workers need neither tsx nor the parent's --import flags.
          const w = bundle ? bundledWorker(bundle, options) : new Worker(WORKER_ENTRY, { workerData: options });
          pool.all.push(w);
          const onFirst = (msg: WorkerMessage): void => {
            if (msg.type === 'ready') {
              pool.pipeline = msg.pipeline;
              w.off('error', reject);
              pool.attach(w);
              resolve();
            }
          };
          w.once('message', onFirst);
          w.once('error', reject);
        });
      }),
    );
    return pool;
  }

  private attach(w: Worker): void {
    w.on('message', (msg: WorkerMessage) => {
      const task = this.busy.get(w);
      if (msg.type === 'result' && task) {
        this.busy.delete(w);
        task.resolve([...msg.results]);
        this.release(w);
      } else if (msg.type === 'fatal' && task) {
        this.busy.delete(w);
        task.reject(new DatelineError('E_ANALYZE', msg.message));
      }
    });
    w.on('error', (e) => {
      this.failure = e;
      const task = this.busy.get(w);
      this.busy.delete(w);
      task?.reject(new DatelineError('E_ANALYZE', `an analysis worker crashed: ${e.message}`));
      for (const q of this.queue.splice(0)) q.reject(new DatelineError('E_ANALYZE', `an analysis worker crashed: ${e.message}`));
    });
    this.release(w);
  }

  private release(w: Worker): void {
    const next = this.queue.shift();
    if (next) {
      this.busy.set(w, next);
      w.postMessage({ type: 'analyze', jobs: next.jobs.map(({ seq, doc }) => ({ seq, doc })) });
    } else {
      this.idle.push(w);
    }
  }

  run(jobs: Job[]): Promise<AnalyzeResult[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const w = this.idle.pop();
      if (w) {
        this.busy.set(w, { resolve, reject });
        w.postMessage({ type: 'analyze', jobs: jobs.map(({ seq, doc }) => ({ seq, doc })) });
      } else {
        this.queue.push({ jobs, resolve, reject });
      }
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}

export async function runIngest(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const store = options.store;
  const workers = Math.max(1, options.workers ?? availableParallelism());
  const batchSize = Math.max(1, options.batchSize ?? 64);
  const reanalyze = options.reanalyze ?? 'none';
  const workerOptions: WorkerOptions = {
    ...(options.date ? { date: options.date } : {}),
    ...(options.stages ? { stages: options.stages } : {}),
  };
  const pool = await WorkerPool.create(workers, workerOptions);
  const slots = new Map<number, Slot>();
  let nextSeq = 0;
  let nextWrite = 0;
  let read = 0;
  let stored = 0;
  let exact = 0;
  let near = 0;
  let skipped = 0;
  let reanalyzed = 0;
  let failed = 0;
  let withErrors = 0;
  let handled = 0;
  let lastWrite = performance.now();
  let writing: Promise<void> = Promise.resolve();

  const fail = (error: DocError): void => {
    failed++;
    options.onError?.(error);
  };

  const count = (r: PutResult): void => {
    if (r.status === 'stored') stored++;
    else if (r.status === 'duplicate') exact++;
    else if (r.status === 'near-duplicate') near++;
    else if (r.status === 'reanalyzed') reanalyzed++;
    else skipped++;
  };

  /** Write the consecutive ready slots from `nextWrite` on, in batches; `force` writes a short batch too. */
  const flush = (force: boolean): Promise<void> => {
    writing = writing.then(async () => {
      for (;;) {
        const batch: StoreInput[] = [];
        let seq = nextWrite;
        let done = 0;
        for (;;) {
          const slot = slots.get(seq);
          if (!slot || slot.kind === 'pending') break;
          if (slot.kind === 'write') batch.push(slot.input);
          seq++;
          done++;
          if (batch.length >= batchSize) break;
        }
        const due = force || batch.length >= batchSize || performance.now() - lastWrite > 1000;
        if (done === 0 || !due) return;
        if (batch.length > 0) {
          const results = await store.putBatch(batch);
          results.forEach(count);
        }
        for (let s = nextWrite; s < seq; s++) slots.delete(s);
        nextWrite = seq;
        handled += done;
        lastWrite = performance.now();
        options.onProgress?.(handled);
      }
    });
    return writing;
  };

  const inflight = new Set<Promise<void>>();
  let chunk: Job[] = [];
  const launch = (): void => {
    if (chunk.length === 0) return;
    const jobs = chunk;
    chunk = [];
    const p = pool
      .run(jobs)
      .then((results) => {
        for (const r of results) {
          const job = jobs.find((j) => j.seq === r.seq)!;
          if (r.ok) {
            if (r.doc.errors && r.doc.errors.length > 0) {
              withErrors++;
              for (const e of r.doc.errors) options.onError?.(locate(e, job.doc));
            }
            const input: StoreInput = {
              doc: r.doc,
              hash: job.hash,
              ...(r.signature ? { signature: r.signature } : {}),
              pipeline: pool.pipeline,
              ...(job.reanalyze ? { reanalyze: true } : {}),
            };
            slots.set(r.seq, { kind: 'write', input });
          } else {
            for (const e of r.errors) fail(locate(e, job.doc));
            slots.set(r.seq, { kind: 'done' });
          }
        }
        return flush(false);
      })
      .finally(() => inflight.delete(p));
    // The loop below awaits these through Promise.race; this only keeps a second failure from being unhandled.
    p.catch(() => undefined);
    inflight.add(p);
  };

  const maxInflight = workers * 3;
  try {
    const items =
      options.inputs ??
      readInputs(options.paths, {
        ...(options.date ? { date: options.date } : {}),
        ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
        ...(options.format ? { format: options.format } : {}),
        ...(options.stdin ? { stdin: options.stdin } : {}),
      });
    for await (const item of items) {
      read++;
      const seq = nextSeq++;
      if (!item.ok) {
        fail(item.error);
        slots.set(seq, { kind: 'done' });
        continue;
      }
      const hash = contentHash(item.doc.text);
      const known = await store.known(item.doc.id, hash);
      if (known.status === 'stored' && !(known.duplicateOf === undefined && (reanalyze === 'all' || (reanalyze === 'stale' && known.pipeline !== pool.pipeline)))) {
        skipped++;
        slots.set(seq, { kind: 'done' });
        continue;
      }
      if (known.status === 'duplicate-of') {
        // The first copy is already analysed and stored: the copy only needs its link.
        slots.set(seq, { kind: 'write', input: { doc: createDocument(item.doc), hash } });
        continue;
      }
      slots.set(seq, { kind: 'pending' });
      chunk.push({ seq, doc: item.doc, hash, ...(known.status === 'stored' ? { reanalyze: true } : {}) });
      if (chunk.length >= CHUNK) launch();
      while (inflight.size >= maxInflight) await Promise.race(inflight);
      if (inflight.size === 0) await flush(false);
    }
    launch();
    while (inflight.size > 0) await Promise.race(inflight);
    await flush(true);
    if (stored + reanalyzed > 0) await store.optimize();
  } finally {
    await pool.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const work = stored + reanalyzed + exact + near + failed;
  return {
    read,
    stored,
    duplicates: exact + near,
    exactDuplicates: exact,
    nearDuplicates: near,
    skipped,
    reanalyzed,
    failed,
    withErrors,
    seconds: Math.round(seconds * 100) / 100,
    rate: Math.round((work / Math.max(seconds, 1e-3)) * 10) / 10,
    workers,
    pipeline: pool.pipeline,
  };
}

function bundledWorker(bundle: URL, options: WorkerOptions): Worker {
  try {
    return new Worker(bundle, { workerData: options, execArgv: withoutLoaders(process.execArgv) });
  } catch (e) {
    // Process-wide flags (V8 options such as --single-threaded-gc) are refused per worker: keep none.
    if ((e as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw e;
    return new Worker(bundle, { workerData: options, execArgv: [] });
  }
}

/** Node flags without module hooks and preloads (`--import tsx` and the like): a bundled worker needs none. */
function withoutLoaders(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--import' || a === '--loader' || a === '--experimental-loader' || a === '--require' || a === '-r') i++;
    else if (!/^--(import|loader|experimental-loader|require)=/.test(a)) out.push(a);
  }
  return out;
}

function locate(e: DocError, doc: NewDocument): DocError {
  const line = e.line ?? doc.meta.line;
  return { ...e, file: e.file ?? doc.meta.file ?? doc.id, ...(line !== undefined ? { line } : {}) };
}
