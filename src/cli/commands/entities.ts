import { DB_OPTION, formatOption, openExistingStore } from '../../store/cli-options.ts';
import { csvLine, table } from '../../store/output.ts';
import type { EntityType } from '../../core/document.ts';
import type { ActorRow } from '../../store/store.ts';
import { EXIT, UsageError, intOption, str, type Command } from '../command.ts';

const FORMATS = ['table', 'csv', 'jsonl', 'json'] as const;
const TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT'];
const SORTS = ['mentions', 'documents', 'events', 'name'] as const;
const COLUMNS = ['id', 'name', 'type', 'code', 'country', 'documents', 'mentions', 'quotes', 'eventsAsSource', 'eventsAsTarget', 'firstSeen', 'lastSeen'] as const;

function cells(a: ActorRow): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of COLUMNS) out[c] = a[c] === undefined ? '' : String(a[c]);
  return out;
}

export const entitiesCommand: Command = {
  name: 'entities',
  summary: 'List the corpus actors (entities joined across articles by key, code or name), or show one',
  usage: '[ID] [--db FILE] [--search TEXT] [--type T] [--code C] [--sort mentions|documents|events|name]',
  options: {
    db: DB_OPTION,
    search: { type: 'string', short: 'q', value: 'TEXT', description: 'name contains TEXT (or id/code equals it)' },
    type: { type: 'string', short: 't', value: 'TYPE', description: TYPES.join(', ') },
    code: { type: 'string', value: 'CODE', description: 'actor code or code prefix (IRQ matches IRQGOV)' },
    sort: { type: 'string', value: 'KEY', default: 'mentions', description: SORTS.join(', ') },
    limit: { type: 'string', short: 'n', value: 'N', description: 'at most N actors (table default 50)' },
    offset: { type: 'string', value: 'N', description: 'skip the first N actors' },
    format: { type: 'string', short: 'f', value: 'FORMAT', default: 'table', description: 'table, csv, jsonl or json' },
  },
  details: `With an ID (as listed in the id column), prints that actor's detail as JSON: names used,
timeline of articles mentioning it, its quotes, and its events as source and as target.

Examples:
  dateline entities --db corpus.db --type PERSON --limit 20
  dateline entities --db corpus.db --search merkel
  dateline entities person:angela-merkel --db corpus.db`,
  async run({ values, positionals, io }) {
    const format = formatOption(values, FORMATS, 'table');
    const type = str(values, 'type')?.toUpperCase();
    if (type !== undefined && !(TYPES as readonly string[]).includes(type)) throw new UsageError(`--type must be one of ${TYPES.join(', ')}`);
    const sort = str(values, 'sort') ?? 'mentions';
    if (!(SORTS as readonly string[]).includes(sort)) throw new UsageError(`--sort must be one of ${SORTS.join(', ')}`);
    if (positionals.length > 1) throw new UsageError('give at most one actor ID');
    const limit = intOption(values, 'limit') ?? (format === 'table' ? 50 : undefined);
    const offset = intOption(values, 'offset');
    const store = await openExistingStore(values, io);
    try {
      if (positionals.length === 1) {
        const detail = await store.entity(positionals[0]!, limit !== undefined ? { limit } : {});
        if (!detail) {
          io.stderr.write(`dateline entities: no actor with id "${positionals[0]}" (see the id column of dateline entities)\n`);
          return EXIT.PARTIAL;
        }
        io.stdout.write(JSON.stringify(detail, null, 2) + '\n');
        return EXIT.OK;
      }
      const page = await store.entities({
        ...(str(values, 'search') ? { q: str(values, 'search')! } : {}),
        ...(type ? { type: type as EntityType } : {}),
        ...(str(values, 'code') ? { code: str(values, 'code')! } : {}),
        sort: sort as (typeof SORTS)[number],
        ...(limit !== undefined ? { limit } : {}),
        ...(offset !== undefined ? { offset } : {}),
      });
      if (format === 'json') io.stdout.write(JSON.stringify(page.items, null, 2) + '\n');
      else if (format === 'jsonl') for (const a of page.items) io.stdout.write(JSON.stringify(a) + '\n');
      else if (format === 'csv') {
        io.stdout.write(csvLine(COLUMNS));
        for (const a of page.items) {
          const c = cells(a);
          io.stdout.write(csvLine(COLUMNS.map((k) => c[k])));
        }
      } else {
        io.stdout.write(table(COLUMNS, page.items.map(cells), 40));
        io.stderr.write(`${page.items.length} of ${page.total} actor(s)\n`);
      }
      return EXIT.OK;
    } finally {
      await store.close();
    }
  },
};
