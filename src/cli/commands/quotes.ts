import { DB_OPTION, dayOption, formatOption, openExistingStore } from '../../store/cli-options.ts';
import { QUOTE_COLUMNS, csvLine, quoteCells, quoteJson, table } from '../../store/output.ts';
import { EXIT, intOption, str, type Command } from '../command.ts';

const FORMATS = ['table', 'csv', 'jsonl', 'json'] as const;

export const quotesCommand: Command = {
  name: 'quotes',
  summary: 'List stored quotes, by speaker, text, document or date',
  usage: '[--db FILE] [--speaker ACTOR] [--text WORDS] [--format table|csv|jsonl|json]',
  options: {
    db: DB_OPTION,
    speaker: { type: 'string', short: 's', value: 'ACTOR', description: 'speaker: actor id (person:jane-doe), code or name (a part of the name works)' },
    text: { type: 'string', short: 'q', value: 'WORDS', description: 'full-text search in the quoted words' },
    doc: { type: 'string', value: 'ID', description: 'quotes of one document' },
    from: { type: 'string', value: 'YYYY-MM-DD', description: 'quoted on or after' },
    to: { type: 'string', value: 'YYYY-MM-DD', description: 'quoted on or before' },
    limit: { type: 'string', short: 'n', value: 'N', description: 'at most N quotes (table default 50)' },
    offset: { type: 'string', value: 'N', description: 'skip the first N quotes' },
    format: { type: 'string', short: 'f', value: 'FORMAT', default: 'table', description: 'table, csv, jsonl or json' },
  },
  details: `Examples:
  dateline quotes --db corpus.db --speaker "Angela Merkel"
  dateline quotes --db corpus.db --speaker Merkel --text refugees --format jsonl`,
  async run({ values, io }) {
    const format = formatOption(values, FORMATS, 'table');
    const limit = intOption(values, 'limit') ?? (format === 'table' ? 50 : undefined);
    const offset = intOption(values, 'offset');
    const query = {
      ...(str(values, 'speaker') ? { speaker: str(values, 'speaker')! } : {}),
      ...(str(values, 'text') ? { q: str(values, 'text')! } : {}),
      ...(str(values, 'doc') ? { documentId: str(values, 'doc')! } : {}),
      ...(dayOption(values, 'from') ? { from: dayOption(values, 'from')! } : {}),
      ...(dayOption(values, 'to') ? { to: dayOption(values, 'to')! } : {}),
      ...(limit !== undefined ? { limit } : {}),
      ...(offset !== undefined ? { offset } : {}),
    };
    const store = await openExistingStore(values, io);
    try {
      const page = await store.quotes(query);
      if (format === 'json') io.stdout.write(JSON.stringify(page.items.map(quoteJson), null, 2) + '\n');
      else if (format === 'jsonl') for (const r of page.items) io.stdout.write(JSON.stringify(quoteJson(r)) + '\n');
      else if (format === 'csv') {
        io.stdout.write(csvLine(QUOTE_COLUMNS));
        for (const r of page.items) {
          const c = quoteCells(r);
          io.stdout.write(csvLine(QUOTE_COLUMNS.map((k) => c[k])));
        }
      } else {
        io.stdout.write(table(QUOTE_COLUMNS, page.items.map(quoteCells), 72));
        io.stderr.write(`${page.items.length} of ${page.total} quote(s)\n`);
      }
      return EXIT.OK;
    } finally {
      await store.close();
    }
  },
};
