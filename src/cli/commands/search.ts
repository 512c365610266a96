import { DB_OPTION, formatOption, openExistingStore } from '../../store/cli-options.ts';
import { csvLine, table } from '../../store/output.ts';
import { EXIT, UsageError, intOption, str, type Command } from '../command.ts';

const FORMATS = ['table', 'csv', 'jsonl', 'json'] as const;
const KINDS = ['all', 'document', 'quote'] as const;
const COLUMNS = ['kind', 'id', 'published', 'title', 'snippet'] as const;

export const searchCommand: Command = {
  name: 'search',
  summary: 'Full-text search over stored article texts and quotes',
  usage: '"WORDS or \\"a phrase\\"" [--db FILE] [--kind all|document|quote] [--limit N]',
  options: {
    db: DB_OPTION,
    kind: { type: 'string', short: 'k', value: 'KIND', default: 'all', description: KINDS.join(', ') },
    limit: { type: 'string', short: 'n', value: 'N', default: '20', description: 'at most N hits' },
    offset: { type: 'string', value: 'N', description: 'skip the first N hits' },
    format: { type: 'string', short: 'f', value: 'FORMAT', default: 'table', description: 'table, csv, jsonl or json' },
  },
  details: `All words must occur (in any order); "quoted words" must occur as a phrase; word* matches a prefix.
Hits are ranked by BM25; snippets mark the matches with [brackets].

Examples:
  dateline search "troop withdrawal" --db corpus.db
  dateline search '"state of emergency" measles' --db corpus.db --kind document --format jsonl`,
  async run({ values, positionals, io }) {
    const format = formatOption(values, FORMATS, 'table');
    const kind = str(values, 'kind') ?? 'all';
    if (!(KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind must be one of ${KINDS.join(', ')}`);
    const q = positionals.join(' ').trim();
    if (q === '') throw new UsageError('give the words to search for');
    const limit = intOption(values, 'limit', 20)!;
    const offset = intOption(values, 'offset', 0)!;
    const store = await openExistingStore(values, io);
    try {
      const page = await store.search({ q, kind: kind as (typeof KINDS)[number], limit, offset });
      if (format === 'json') io.stdout.write(JSON.stringify(page, null, 2) + '\n');
      else if (format === 'jsonl') for (const h of page.items) io.stdout.write(JSON.stringify(h) + '\n');
      else if (format === 'csv') {
        io.stdout.write(csvLine(COLUMNS));
        for (const h of page.items) io.stdout.write(csvLine([h.kind, h.id, h.published, h.title, h.snippet]));
      } else {
        io.stdout.write(table(COLUMNS, page.items.map((h) => ({ kind: h.kind, id: h.id, published: h.published ?? '', title: h.title ?? '', snippet: h.snippet })), 80));
        io.stderr.write(`${page.items.length} of ${page.total} hit(s)\n`);
      }
      return EXIT.OK;
    } finally {
      await store.close();
    }
  },
};
