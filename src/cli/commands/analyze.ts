import { analyzeDocument } from '../../analyze.ts';
import { toJSON } from '../../core/serialize.ts';
import type { Document } from '../../core/document.ts';
import { readInputs, isValidIsoDate, DEFAULT_MAX_BYTES } from '../../ingest/index.ts';
import { EXIT, UsageError, flag, intOption, str, type Command } from '../command.ts';
import { formatPretty } from '../pretty.ts';
import { createProgress } from '../progress.ts';

const FORMATS = ['json', 'jsonl', 'pretty'] as const;
const INPUT_FORMATS = ['text', 'jsonl', 'csv', 'html', 'json'] as const;

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'Analyze articles and print dateline.document/1 JSON (entities, time, quotes, events)',
  usage: 'FILE|DIR|GLOB|-... [--format json|jsonl|pretty] [--date YYYY-MM-DD] [--tokens]',
  options: {
    format: { type: 'string', short: 'f', default: 'json', value: 'FORMAT', description: 'json (one array), jsonl (one document per line) or pretty (a readable summary)' },
    date: { type: 'string', short: 'd', value: 'YYYY-MM-DD', description: 'reference date for documents with no dateline date and no published date' },
    tokens: { type: 'boolean', description: 'include the token layer (upos, lemma, head, deprel)' },
    'input-format': { type: 'string', value: 'FORMAT', description: 'text, jsonl, csv, html or json instead of detecting it' },
    'max-bytes': { type: 'string', value: 'N', description: `largest document accepted, in bytes (default ${DEFAULT_MAX_BYTES})` },
    stages: { type: 'string', value: 'LIST', description: 'comma-separated stage names to run (default: all)' },
    progress: { type: 'boolean', description: 'show a progress bar even when stderr is not a terminal' },
  },
  details: `Inputs: wire text with an optional leading "date YYYY-MM-DD" token and a dateline
("Brussels, 12 February 2020 (dpa) –", "WASHINGTON (AP) —"), plain text, JSONL and CSV with
id,url,title,date,text columns, HTML pages, directories (recursive), globs, and - for stdin.
Documents that cannot be read are reported on stderr with their code (E_EMPTY, E_BINARY,
E_ENCODING, E_TOO_LARGE, E_PARSE), file and line; the others are still analyzed.

Examples:
  dateline analyze story.txt --format pretty
  dateline analyze corpus/ --format jsonl > analyzed.jsonl
  cat article.txt | dateline analyze - --date 2020-02-12`,
  async run({ values, positionals, io }) {
    const format = str(values, 'format') ?? 'json';
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
    const date = str(values, 'date');
    if (date !== undefined && !isValidIsoDate(date)) throw new UsageError(`--date must be a calendar date YYYY-MM-DD, got "${date}"`);
    const inputFormat = str(values, 'input-format');
    if (inputFormat !== undefined && !(INPUT_FORMATS as readonly string[]).includes(inputFormat)) {
      throw new UsageError(`--input-format must be one of ${INPUT_FORMATS.join(', ')}`);
    }
    if (positionals.length === 0) throw new UsageError('give at least one FILE, DIR, GLOB or - (standard input)');
    const maxBytes = intOption(values, 'max-bytes');
    const stages = str(values, 'stages')?.split(',').map((s) => s.trim()).filter(Boolean);
    const withTokens = flag(values, 'tokens');
    const progress = createProgress(io, flag(values, 'progress'));
    let failed = 0;
    let done = 0;
    let first = true;
    if (format === 'json') io.stdout.write('[');
    const emit = (doc: Document): void => {
      if (format === 'pretty') {
        io.stdout.write(formatPretty(doc) + '\n');
        return;
      }
      const json = JSON.stringify(toJSON(doc, { tokens: withTokens }));
      if (format === 'jsonl') io.stdout.write(json + '\n');
      else {
        io.stdout.write((first ? '\n' : ',\n') + json);
        first = false;
      }
    };
    for await (const item of readInputs(positionals, {
      ...(date ? { date } : {}),
      ...(maxBytes !== undefined ? { maxBytes } : {}),
      ...(inputFormat ? { format: inputFormat as (typeof INPUT_FORMATS)[number] } : {}),
      stdin: io.stdin,
    })) {
      if (!item.ok) {
        failed++;
        const e = item.error;
        progress.log(`dateline analyze: ${e.code}: ${e.file ?? ''}${e.line !== undefined ? `:${e.line}` : ''}: ${e.message}\n`);
        continue;
      }
      const doc = analyzeDocument(item.doc, { ...(date ? { date } : {}), ...(stages ? { stages } : {}) });
      if (doc.errors && doc.errors.length > 0) {
        failed++;
        for (const e of doc.errors) progress.log(`dateline analyze: ${e.code}: ${item.doc.meta.file ?? doc.id}: ${e.message}\n`);
      }
      emit(doc);
      done++;
      progress.tick(done);
    }
    progress.stop();
    if (format === 'json') io.stdout.write(first ? ']\n' : '\n]\n');
    if (failed > 0) io.stderr.write(`dateline analyze: ${done} document(s) analyzed, ${failed} failed\n`);
    return failed > 0 ? EXIT.PARTIAL : EXIT.OK;
  },
};
