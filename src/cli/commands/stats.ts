import { DB_OPTION, formatOption, openExistingStore } from '../../store/cli-options.ts';
import { table } from '../../store/output.ts';
import { EXIT, intOption, type Command } from '../command.ts';

const FORMATS = ['text', 'json'] as const;

export const statsCommand: Command = {
  name: 'stats',
  summary: 'Counts of the store: documents, duplicates, events, quotes, entities; events by week, month and dyad',
  usage: '[--db FILE] [--format text|json] [--limit N]',
  options: {
    db: DB_OPTION,
    format: { type: 'string', short: 'f', value: 'FORMAT', default: 'text', description: 'text or json' },
    limit: { type: 'string', short: 'n', value: 'N', default: '20', description: 'dyads listed (the most frequent first)' },
  },
  details: `"documents" counts distinct stored articles; "duplicates" the exact and near copies linked to
them (not analysed or counted again); "entities" the distinct corpus actors.

Examples:
  dateline stats --db corpus.db
  dateline stats --db corpus.db --format json | jq .byMonth`,
  async run({ values, io }) {
    const format = formatOption(values, FORMATS, 'text');
    const limit = intOption(values, 'limit', 20)!;
    const store = await openExistingStore(values, io);
    try {
      const st = await store.statsDetail({ limit });
      if (format === 'json') {
        io.stdout.write(JSON.stringify(st, null, 2) + '\n');
        return EXIT.OK;
      }
      const lines = [
        `documents   ${st.documents}`,
        `duplicates  ${st.duplicates} (${st.exactDuplicates} exact, ${st.nearDuplicates} near)`,
        `events      ${st.events}`,
        `quotes      ${st.quotes}`,
        `entities    ${st.entities} actors (${st.entityRecords} per-document entities, ${st.mentions} mentions)`,
        `timexes     ${st.timexes}`,
        '',
      ];
      io.stdout.write(lines.join('\n') + '\n');
      if (st.byMonth.length > 0) {
        io.stdout.write('Events by month\n');
        io.stdout.write(table(['month', 'events', 'goldstein'], st.byMonth.map((b) => ({ month: b.key, events: String(b.count), goldstein: String(b.goldstein ?? '') }))) + '\n');
      }
      if (st.byWeek.length > 0 && st.byWeek.length <= 60) {
        io.stdout.write('Events by week\n');
        io.stdout.write(table(['week', 'events'], st.byWeek.map((b) => ({ week: b.key, events: String(b.count) }))) + '\n');
      }
      if (st.byDyad.length > 0) {
        io.stdout.write(`Top ${st.byDyad.length} dyads (source → target)\n`);
        io.stdout.write(
          table(['source', 'target', 'events', 'goldstein'], st.byDyad.map((b) => ({
            source: b.source ? `${b.source.name}${b.source.code ? ` (${b.source.code})` : ''}` : '',
            target: b.target ? `${b.target.name}${b.target.code ? ` (${b.target.code})` : ''}` : '',
            events: String(b.count),
            goldstein: String(b.goldstein ?? ''),
          }))),
        );
      }
      return EXIT.OK;
    } finally {
      await store.close();
    }
  },
};
