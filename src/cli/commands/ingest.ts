import { availableParallelism } from 'node:os';
import { isValidIsoDate } from '../../ingest/index.ts';
import { readInputs } from '../../ingest/index.ts';
import { runIngest } from '../../store/ingest/run-ingest.ts';
import { openStore } from '../../store/store.ts';
import { DB_OPTION, dbUrl, shownUrl } from '../../store/cli-options.ts';
import { createProgress } from '../progress.ts';
import { EXIT, UsageError, flag, intOption, str, type Command } from '../command.ts';

const INPUT_FORMATS = ['text', 'jsonl', 'csv', 'html', 'json'] as const;

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'Analyze articles in parallel and store them (resumable; duplicates linked, not counted twice)',
  usage: 'PATH... [--db FILE] [--workers N] [--date YYYY-MM-DD] [--reanalyze stale|all]',
  options: {
    db: DB_OPTION,
    workers: { type: 'string', short: 'j', value: 'N', description: `analysis worker threads (default: number of cores, ${availableParallelism()} here)` },
    'batch-size': { type: 'string', value: 'N', default: '64', description: 'documents written per transaction' },
    date: { type: 'string', short: 'd', value: 'YYYY-MM-DD', description: 'reference date for documents with no dateline date and no published date' },
    'input-format': { type: 'string', value: 'FORMAT', description: 'text, jsonl, csv, html or json instead of detecting it' },
    'max-bytes': { type: 'string', value: 'N', description: 'largest document accepted, in bytes' },
    stages: { type: 'string', value: 'LIST', description: 'comma-separated stage names to run (default: the full pipeline)' },
    reanalyze: {
      type: 'string',
      value: 'WHICH',
      description: 'analyse already stored documents again and replace their layers: stale (made by another pipeline or stage version) or all',
    },
    progress: { type: 'boolean', description: 'show the progress bar even when stderr is not a terminal' },
    format: { type: 'string', short: 'f', value: 'FORMAT', default: 'text', description: 'summary on stdout: text (none; the summary goes to stderr) or json' },
  },
  details: `Each batch of documents is written in one transaction: killing the process (even with kill -9)
loses at most the batch in flight, and running the same command again resumes, skipping every
document whose id and content hash are already stored. Exact copies (same text) and syndicated
near-copies (word-shingle MinHash similarity >= 0.75) are linked to the first stored copy and not
analysed or counted again. Documents that cannot be read are reported on stderr with their code,
file and line and not stored; a document on which a pipeline stage failed is stored with the
layers the other stages made and its errors, and reported the same way. The exit code is then 1.

Each stored document records the pipeline that analysed it (its stages as name@version). After a
model or stage update, --reanalyze stale analyses again every stored document whose pipeline differs
from the current one (documents stored before dateline recorded it count as stale); --reanalyze all
analyses every stored document again. A re-analysed document's layers, events, quotes and entity
links are replaced in one transaction (an interrupted --reanalyze stale resumes: what was replaced
is current and skipped); linked copies are left as they are.

Examples:
  dateline ingest ../shared/data/wikinews --db corpus.db
  dateline ingest 'dumps/*.jsonl' --db corpus.db --workers 4
  cat today.jsonl | dateline ingest - --input-format jsonl --db corpus.db
  dateline ingest ../shared/data/wikinews --db corpus.db --reanalyze stale`,
  async run({ values, positionals, io }) {
    if (positionals.length === 0) throw new UsageError('give at least one PATH (file, directory, glob or - for stdin)');
    const date = str(values, 'date');
    if (date !== undefined && !isValidIsoDate(date)) throw new UsageError(`--date must be a calendar date YYYY-MM-DD, got "${date}"`);
    const inputFormat = str(values, 'input-format');
    if (inputFormat !== undefined && !(INPUT_FORMATS as readonly string[]).includes(inputFormat)) {
      throw new UsageError(`--input-format must be one of ${INPUT_FORMATS.join(', ')}`);
    }
    const format = str(values, 'format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError('--format must be text or json');
    const workers = intOption(values, 'workers');
    if (workers === 0) throw new UsageError('--workers must be at least 1');
    const batchSize = intOption(values, 'batch-size', 64)!;
    if (batchSize === 0) throw new UsageError('--batch-size must be at least 1');
    const maxBytes = intOption(values, 'max-bytes');
    const stages = str(values, 'stages')?.split(',').map((s) => s.trim()).filter(Boolean);
    const reanalyze = str(values, 'reanalyze');
    if (reanalyze !== undefined && reanalyze !== 'stale' && reanalyze !== 'all') throw new UsageError('--reanalyze must be stale or all');
    const url = dbUrl(values, io);
    const store = await openStore(url);
    const readOptions = {
      ...(date ? { date } : {}),
      ...(maxBytes !== undefined ? { maxBytes } : {}),
      ...(inputFormat ? { format: inputFormat as (typeof INPUT_FORMATS)[number] } : {}),
      stdin: io.stdin,
    };
    const showProgress = flag(values, 'progress') || io.stderr.isTTY === true;
    const progress = createProgress(io, flag(values, 'progress'), 0);
    let total: number | undefined;
    let done = 0;
    if (showProgress && !positionals.includes('-')) {
      // A cheap second pass over the inputs gives the bar its total (and so an ETA) while analysis runs.
      void (async () => {
        let n = 0;
        for await (const _ of readInputs(positionals, readOptions)) n++;
        total = n;
        progress.tick(done, total);
      })().catch(() => undefined);
    }
    let summary;
    try {
      summary = await runIngest({
        paths: positionals,
        store,
        ...(workers !== undefined ? { workers } : {}),
        batchSize,
        ...(date ? { date } : {}),
        ...(stages ? { stages } : {}),
        ...(reanalyze ? { reanalyze } : {}),
        ...(maxBytes !== undefined ? { maxBytes } : {}),
        ...(inputFormat ? { format: inputFormat as (typeof INPUT_FORMATS)[number] } : {}),
        stdin: io.stdin,
        onProgress: (n) => {
          done = n;
          progress.tick(n, total);
        },
        onError: (e) => {
          progress.log(`dateline ingest: ${e.code}: ${e.file ?? ''}${e.line !== undefined ? `:${e.line}` : ''}: ${e.message}\n`);
        },
      });
    } finally {
      progress.stop();
      await store.close();
    }
    const s = summary;
    io.stderr.write(
      `dateline ingest: ${s.read} read, ${s.stored} stored${s.withErrors > 0 ? ` (${s.withErrors} with stage errors)` : ''}, ${s.duplicates} duplicate(s) linked (${s.exactDuplicates} exact, ` +
        `${s.nearDuplicates} near), ${s.reanalyzed > 0 || reanalyze ? `${s.reanalyzed} re-analysed, ` : ''}${s.skipped} already stored, ${s.failed} failed; ${s.seconds} s, ${s.rate} docs/s ` +
        `with ${s.workers} worker(s) → ${shownUrl(url)}\n`,
    );
    if (format === 'json') io.stdout.write(`${JSON.stringify({ db: shownUrl(url), ...s })}\n`);
    return s.failed > 0 || s.withErrors > 0 ? EXIT.PARTIAL : EXIT.OK;
  },
};
