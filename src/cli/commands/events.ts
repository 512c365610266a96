import { EVENT_FILTER_OPTIONS, DB_OPTION, eventQueryFrom, formatOption, openExistingStore } from '../../store/cli-options.ts';
import { EVENT_COLUMNS, csvLine, eventCells, eventJson, table } from '../../store/output.ts';
import type { EventGroupBy } from '../../store/store.ts';
import { EXIT, UsageError, str, type Command } from '../command.ts';

const FORMATS = ['table', 'csv', 'jsonl', 'json'] as const;
const GROUPS: readonly EventGroupBy[] = ['week', 'month', 'day', 'dyad', 'place', 'root', 'plover', 'quadClass', 'country'];
const TABLE_DEFAULT_LIMIT = 50;

export const eventsCommand: Command = {
  name: 'events',
  summary: 'List stored events with filters (actor, type, dates, modality, place), or count them by period or dyad',
  usage: '[--db FILE] [filters] [--format table|csv|jsonl|json] [--group-by week|month|dyad|…]',
  options: {
    db: DB_OPTION,
    ...EVENT_FILTER_OPTIONS,
    'group-by': { type: 'string', short: 'g', value: 'KEY', description: `count events by ${GROUPS.join(', ')} instead of listing them` },
    format: { type: 'string', short: 'f', value: 'FORMAT', default: 'table', description: 'table, csv, jsonl or json' },
  },
  details: `Without --limit, csv/jsonl/json print every matching event; the table shows the first ${TABLE_DEFAULT_LIMIT}.
Duplicated articles are stored once, so their events are counted once.

Examples:
  dateline events --db corpus.db --actor IRQ --from 2020-01-01 --to 2020-03-31
  dateline events --db corpus.db --source USA --target IRN --root 19 --format csv > attacks.csv
  dateline events --db corpus.db --modality negated --format jsonl --limit 10
  dateline events --db corpus.db --actor NATO --group-by week`,
  async run({ values, io }) {
    const format = formatOption(values, FORMATS, 'table');
    const query = eventQueryFrom(values);
    const groupBy = str(values, 'group-by');
    if (groupBy !== undefined && !(GROUPS as readonly string[]).includes(groupBy)) {
      throw new UsageError(`--group-by must be one of ${GROUPS.join(', ')}`);
    }
    const store = await openExistingStore(values, io);
    try {
      if (groupBy) {
        const { limit: _l, offset: _o, ...filters } = query;
        const buckets = await store.aggregateEvents(filters, groupBy as EventGroupBy, query.limit ?? 10000);
        if (format === 'json') io.stdout.write(JSON.stringify(buckets, null, 2) + '\n');
        else if (format === 'jsonl') for (const b of buckets) io.stdout.write(JSON.stringify(b) + '\n');
        else if (format === 'csv') {
          io.stdout.write(csvLine(['key', 'count', 'goldstein']));
          for (const b of buckets) io.stdout.write(csvLine([b.key, b.count, b.goldstein]));
        } else {
          io.stdout.write(table([groupBy, 'count', 'goldstein'], buckets.map((b) => ({ [groupBy]: b.key, count: String(b.count), goldstein: String(b.goldstein ?? '') }))));
        }
        return EXIT.OK;
      }
      if (format === 'table') {
        const page = await store.events({ ...query, limit: query.limit ?? TABLE_DEFAULT_LIMIT });
        io.stdout.write(table(EVENT_COLUMNS, page.items.map(eventCells)));
        io.stderr.write(`${page.items.length} of ${page.total}${page.totalCapped ? '+' : ''} event(s)\n`);
        return EXIT.OK;
      }
      if (format === 'json') {
        const page = await store.events(query);
        io.stdout.write(JSON.stringify(page.items.map(eventJson), null, 2) + '\n');
        return EXIT.OK;
      }
      if (format === 'csv') io.stdout.write(csvLine(EVENT_COLUMNS));
      for await (const row of store.streamEvents(query)) {
        if (format === 'jsonl') io.stdout.write(JSON.stringify(eventJson(row)) + '\n');
        else {
          const cells = eventCells(row);
          io.stdout.write(csvLine(EVENT_COLUMNS.map((c) => cells[c])));
        }
      }
      return EXIT.OK;
    } finally {
      await store.close();
    }
  },
};
